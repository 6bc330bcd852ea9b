//! PDF reading against text analysis, on corpus PDFs: how much of a document's time is
//! spent getting pages out of the PDF, checking signatures, and analysing the text.
//!
//! Run with `cargo bench -p nhiemvu-extractor --bench pdf`. Counters are pages/s. A PDF takes
//! tenths of a second, so each bench takes few samples.

mod common;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use nhiemvu_extractor::pdf::{self, Limits};
use nhiemvu_extractor::{analyse, pipeline, signature, textlayer};

fn main() {
    divan::main();
}

/// Corpus PDFs by number prefix: 004 (15 pages, KPI table) and 003 (4 pages, stamped).
const PDFS: &[&str] = &["003", "004"];

fn pdf_bytes(name: &str) -> Vec<u8> {
    common::read(&common::find("corpus", name, ".pdf"))
}

fn page_count(bytes: &[u8]) -> usize {
    pdf::read_pdf(bytes, &Limits::default())
        .expect("corpus PDF reads")
        .pages
        .len()
}

/// PDF bytes to pages with text, positioned lines and annotations.
#[divan::bench(args = PDFS, sample_count = 10, sample_size = 1)]
fn read_pdf(bencher: Bencher, name: &str) {
    let bytes = pdf_bytes(name);
    let limits = Limits::default();
    bencher
        .counter(ItemsCount::new(page_count(&bytes)))
        .bench(|| pdf::read_pdf(black_box(&bytes), &limits));
}

/// Signature dictionaries found and verified, on the document as the pipeline parsed it.
#[divan::bench(args = PDFS, sample_count = 10, sample_size = 1)]
fn signatures(bencher: Bencher, name: &str) {
    let bytes = pdf_bytes(name);
    let doc = pdf::open(&bytes, &Limits::default()).expect("readable PDF");
    bencher
        .counter(ItemsCount::new(page_count(&bytes)))
        .bench(|| signature::for_record(black_box(&doc), &bytes));
}

/// Text analysis of the pages read from the PDF (legacy repair and readability done
/// beforehand).
#[divan::bench(args = PDFS, sample_count = 10, sample_size = 1)]
fn analyse_pdf_pages(bencher: Bencher, name: &str) {
    let bytes = pdf_bytes(name);
    let mut pages = pdf::read_pdf(&bytes, &Limits::default())
        .expect("corpus PDF reads")
        .pages;
    textlayer::prepare(&mut pages, &mut Vec::new());
    bencher
        .counter(ItemsCount::new(pages.len()))
        .bench(|| analyse::analyse(black_box(&pages), "0"));
}

/// The whole pipeline for one PDF, as the CLI runs it per input (minus the JSON write).
#[divan::bench(args = PDFS, sample_count = 10, sample_size = 1)]
fn process_pdf(bencher: Bencher, name: &str) {
    let bytes = pdf_bytes(name);
    let display = format!("{name}.pdf");
    let opts = pipeline::Options::default();
    bencher
        .counter(ItemsCount::new(page_count(&bytes)))
        .bench(|| pipeline::process_bytes(black_box(&bytes), &display, &opts));
}
