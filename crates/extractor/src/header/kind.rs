//! The kind of document: its kind line, a cited kind word, or the code in its number.

use nhiemvu_model::DocKind;
use nhiemvu_normalizer::lexicon::kinds;

use super::issuer::is_caps;

/// Which kind a kind line or citation names ("Kế hoạch", "THÔNG BÁO"); `Other` if none.
pub fn kind_from_word(word: &str) -> DocKind {
    kinds::by_cited(word).map_or(DocKind::Other, |k| k.kind)
}

/// A kind line: the whole cell is a kind's title ("KẾ HOẠCH"), or a title in capitals
/// opens a capitalised cell whose rest is the subject ("CÔNG ĐIỆN VỀ VIỆC …").
pub(super) fn kind_line(cell: &str) -> Option<(DocKind, String)> {
    if let Some(k) = kinds::by_title(cell) {
        return Some((k.kind, String::new()));
    }
    if !is_caps(cell) {
        return None;
    }
    kinds::title_prefix(cell).map(|(k, rest)| (k.kind, rest))
}

/// The kind a number's code names ("KH" in "146/KH-UBND").
pub(super) fn kind_from_code(code: &str) -> Option<DocKind> {
    kinds::by_code(code).map(|k| k.kind)
}
