//! Micro-benchmarks of the structure stage over the seed texts: the header parse (metadata
//! and regions from paragraphs) and the outline (marker tree of the body).
//!
//! Run with `cargo bench -p nhiemvu-extractor --bench structure`. Inputs are prepared
//! outside the timed part; counters are paragraphs/s.

mod common;

use common::SEEDS;
use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use nhiemvu_extractor::header;

fn main() {
    divan::main();
}

/// Metadata and regions from every paragraph of the document.
#[divan::bench(args = SEEDS)]
fn header_parse(bencher: Bencher, name: &str) {
    let texts = common::paragraphs(&common::seed_pages(name));
    bencher
        .counter(ItemsCount::new(texts.len()))
        .bench(|| header::parse(black_box(&texts)));
}

/// The marker tree of the body paragraphs.
#[divan::bench(args = SEEDS)]
fn outline_build(bencher: Bencher, name: &str) {
    let texts = common::paragraphs(&common::seed_pages(name));
    let (_, body) = common::body(&texts);
    assert!(!body.is_empty(), "seed {name} has no body");
    bencher
        .counter(ItemsCount::new(body.len()))
        .bench(|| common::outline_of(black_box(&body)));
}

/// Header parse, body slicing and outline together: the whole structure stage.
#[divan::bench(args = SEEDS)]
fn header_and_outline(bencher: Bencher, name: &str) {
    let texts = common::paragraphs(&common::seed_pages(name));
    bencher.counter(ItemsCount::new(texts.len())).bench(|| {
        let (meta, body) = common::body(black_box(&texts));
        (meta, common::outline_of(&body))
    });
}
