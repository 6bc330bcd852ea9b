//! Micro-benchmarks of the task stage over the seed texts: task finding on a built outline,
//! the whole text analysis (layout, structure, tasks, deadlines, targets, tables) and the
//! whole pipeline for text input.
//!
//! Run with `cargo bench -p nhiemvu-extractor --bench tasks`. Seeds are read as the CLI
//! reads a `.txt` input: one page (they have no form feeds).

mod common;

use common::SEEDS;
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use nhiemvu_extractor::{analyse, pipeline, tasks};

fn main() {
    divan::main();
}

/// Instruction units found in the outline (counter: body paragraphs).
#[divan::bench(args = SEEDS)]
fn tasks_find(bencher: Bencher, name: &str) {
    let texts = common::paragraphs(&common::seed_pages(name));
    let (meta, body) = common::body(&texts);
    let tree = common::outline_of(&body);
    assert!(
        !tasks::find(&tree, &body, meta.kind, &meta.addressees).is_empty(),
        "seed {name} yields no task"
    );
    bencher
        .counter(ItemsCount::new(body.len()))
        .bench(|| tasks::find(black_box(&tree), &body, meta.kind, &meta.addressees));
}

/// Pages (already read and assessed) to metadata, tasks and footnotes (counter: bytes).
#[divan::bench(args = SEEDS)]
fn analyse_text(bencher: Bencher, name: &str) {
    let pages = common::seed_pages(name);
    let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| analyse::analyse(black_box(&pages), "0"));
}

/// Bytes of a `.txt` file to a record: hashing, reading, legacy check, readability,
/// analysis (counter: bytes).
#[divan::bench(args = SEEDS)]
fn process_text(bencher: Bencher, name: &str) {
    let bytes = common::seed_bytes(name);
    let display = format!("{name}.txt");
    let opts = pipeline::Options::default();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| pipeline::process_bytes(black_box(&bytes), &display, &opts));
}
