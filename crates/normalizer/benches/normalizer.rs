//! Micro-benchmarks of the normalizer stages over the seed texts (`tests/data/seeds/`):
//! character cleaning, legacy (TCVN3) repair, readability, and layout (lines → paragraphs).
//!
//! Run with `cargo bench -p nhiemvu-normalizer --bench normalizer`; throughput is printed in
//! bytes/s (text stages) or items/s (pages, for layout and readability).

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use nhiemvu_normalizer::layout::{self, PageIn};
use nhiemvu_normalizer::legacy::{self, LegacyEncoding};
use nhiemvu_normalizer::{readability, text};
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// Seed documents by their number prefix; the benches take these as arguments.
const SEEDS: &[&str] = &["000", "001", "002", "003", "004"];

/// Lines per synthetic page when a seed (which has no form feeds) is split into pages.
const LINES_PER_PAGE: usize = 45;

/// All seed texts, read once: (number prefix, text).
fn seeds() -> &'static [(String, String)] {
    static SEEDS_TEXT: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SEEDS_TEXT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/seeds");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("seed dir entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy()[..3].to_string();
                let text =
                    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                (name, text)
            })
            .collect()
    })
}

fn seed(name: &str) -> &'static str {
    &seeds()
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no seed {name}"))
        .1
}

/// The seed split into pages of [`LINES_PER_PAGE`] lines.
fn pages(name: &str) -> Vec<String> {
    let lines: Vec<&str> = seed(name).lines().collect();
    lines.chunks(LINES_PER_PAGE).map(|c| c.join("\n")).collect()
}

/// The seed as TCVN3 mojibake (what pdftotext prints for ".VnTime" fonts): lower-cased,
/// because TCVN3 keeps capitals in separate fonts; characters TCVN3 cannot encode dropped.
fn tcvn3(name: &str) -> String {
    let lower = seed(name).to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut buf = [0u8; 4];
    for c in lower.chars() {
        if let Some(enc) = legacy::from_unicode(c.encode_utf8(&mut buf), LegacyEncoding::Tcvn3) {
            out.push_str(&enc);
        }
    }
    out
}

#[divan::bench(args = SEEDS)]
fn text_nfc(bencher: Bencher, name: &str) {
    let s = seed(name);
    bencher
        .counter(BytesCount::of_str(s))
        .bench(|| text::nfc(black_box(s)));
}

#[divan::bench(args = SEEDS)]
fn text_clean(bencher: Bencher, name: &str) {
    let s = seed(name);
    bencher
        .counter(BytesCount::of_str(s))
        .bench(|| text::clean(black_box(s)));
}

#[divan::bench(args = SEEDS)]
fn text_match_key(bencher: Bencher, name: &str) {
    let s = seed(name);
    bencher
        .counter(BytesCount::of_str(s))
        .bench(|| text::match_key(black_box(s)));
}

/// Detection by statistics (no font name) plus conversion: the path for text whose font
/// name says nothing.
#[divan::bench(args = SEEDS)]
fn legacy_repair_detect(bencher: Bencher, name: &str) {
    let s = tcvn3(name);
    assert!(
        legacy::repair(&s, None).is_some(),
        "seed {name} as TCVN3 is not detected"
    );
    bencher
        .counter(BytesCount::of_str(&s))
        .bench(|| legacy::repair(black_box(&s), None));
}

/// Conversion when the font name (".VnTime") already names the encoding.
#[divan::bench(args = SEEDS)]
fn legacy_repair_by_font(bencher: Bencher, name: &str) {
    let s = tcvn3(name);
    bencher
        .counter(BytesCount::of_str(&s))
        .bench(|| legacy::repair(black_box(&s), Some(".VnTime")));
}

/// Readability verdict of every page of the seed.
#[divan::bench(args = SEEDS)]
fn readability_assess(bencher: Bencher, name: &str) {
    let pages = pages(name);
    bencher.counter(ItemsCount::new(pages.len())).bench(|| {
        for p in &pages {
            black_box(readability::assess(black_box(p)));
        }
    });
}

/// Raw pages → classified lines → paragraphs (counter: pages).
#[divan::bench(args = SEEDS)]
fn layout_clean_pages_paragraphs(bencher: Bencher, name: &str) {
    let pages = pages(name);
    let inputs: Vec<PageIn<'_>> = pages
        .iter()
        .enumerate()
        .map(|(i, t)| PageIn {
            number: i as u32 + 1,
            text: t,
            lines: &[],
        })
        .collect();
    bencher.counter(ItemsCount::new(pages.len())).bench(|| {
        let clean = layout::clean_pages(black_box(&inputs));
        layout::paragraphs(&clean)
    });
}
