//! Inputs shared by the extractor benches: seed texts and corpus PDFs, read once, and the
//! seed texts taken through the pipeline up to the stage a bench measures.
// Each bench uses only part of this module.
#![allow(dead_code)]

use nhiemvu_extractor::{analyse, header, outline, text_input, textlayer};
use nhiemvu_model::{Metadata, Page};
use std::path::{Path, PathBuf};

/// Seed documents by their number prefix; the benches take these as arguments.
pub const SEEDS: &[&str] = &["000", "001", "002", "003", "004"];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The file in `dir` (relative to the repository) whose name starts with `prefix` and ends
/// with `ext`.
pub fn find(dir: &str, prefix: &str, ext: &str) -> PathBuf {
    let dir = repo().join(dir);
    let mut hits: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(prefix) && n.ends_with(ext)
        })
        .collect();
    hits.sort();
    hits.into_iter()
        .next()
        .unwrap_or_else(|| panic!("no {prefix}*{ext} in {}", dir.display()))
}

/// Bytes of a file.
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Bytes of seed `name` (`tests/data/seeds/<name>_*.txt`).
pub fn seed_bytes(name: &str) -> Vec<u8> {
    read(&find("tests/data/seeds", name, ".txt"))
}

/// Pages of seed `name` as the pipeline has them before analysis (text read, legacy text
/// repaired, readability assessed).
pub fn seed_pages(name: &str) -> Vec<Page> {
    let mut pages = text_input::read_text(&seed_bytes(name)).expect("seed is UTF-8");
    let mut warnings = Vec::new();
    textlayer::prepare(&mut pages, &mut warnings);
    pages
}

/// Paragraph texts of `pages`, as [`nhiemvu_extractor::analyse::analyse`] builds them.
pub fn paragraphs(pages: &[Page]) -> Vec<String> {
    let (_, paras) = analyse::clean_paragraphs(pages);
    paras.into_iter().map(|p| p.text).collect()
}

/// The body paragraphs (between header and end matter, appendices excluded) and the
/// header's metadata, as the analysis slices them.
pub fn body(texts: &[String]) -> (Metadata, Vec<String>) {
    let (meta, regions) = header::parse(texts);
    (meta, texts[analyse::body_range(&regions)].to_vec())
}

/// The outline of `body`.
pub fn outline_of(body: &[String]) -> outline::Outline {
    let refs: Vec<&str> = body.iter().map(|s| s.as_str()).collect();
    outline::build(&refs, analyse::continues_item)
}
