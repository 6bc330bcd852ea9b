//! The words of a citation ("Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND tỉnh về …"):
//! the heads that open the cited document's issuer after "của", and the words that end the
//! issuer's name. Rows as printed (case matters), one per word, in byte order. Also the
//! words of a cross-reference to a part of the same document ("nhiệm vụ nêu tại mục II.3").

use super::{alternation, Table};

/// What a citation word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteKind {
    /// Opens the issuer's name after "của" ("của UBND tỉnh", "của Bộ Tài chính").
    Issuer,
    /// Ends the issuer's name: the citation's subject or purpose follows ("… về việc …").
    End,
}

/// One citation word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CiteWord {
    /// The word as printed, NFC.
    pub word: &'static str,
    /// What it does.
    pub kind: CiteKind,
}

const fn c(word: &'static str, kind: CiteKind) -> CiteWord {
    CiteWord { word, kind }
}

use CiteKind::*;

/// Every citation word, sorted by bytes, unique.
pub const CITES: &[CiteWord] = &[
    c("Ban", Issuer),
    c("Bộ", Issuer),
    c("Chính phủ", Issuer),
    c("Chủ tịch", Issuer),
    c("HĐND", Issuer),
    c("Hội đồng", Issuer),
    c("Quốc hội", Issuer),
    c("Sở", Issuer),
    c("Thủ tướng", Issuer),
    c("Tỉnh uỷ", Issuer),
    c("Tỉnh ủy", Issuer),
    c("UBND", Issuer),
    c("Văn phòng", Issuer),
    c("gửi", End),
    c("thực hiện", End),
    c("trên", End),
    c("tại", End),
    c("về", End),
    c("Đảng ủy", Issuer),
    c("để", End),
    c("Ủy ban", Issuer),
];

/// Regex alternation of the words of `kind`, longest first, as printed.
pub fn pattern(kind: CiteKind) -> String {
    alternation(
        CITES.iter().filter(|w| w.kind == kind).map(|w| w.word),
        false,
    )
}

/// The citation table for the lexicon checks.
pub struct CiteTable;

impl Table for CiteTable {
    fn name(&self) -> &'static str {
        "citations"
    }
    fn words(&self) -> Vec<&'static str> {
        CITES.iter().map(|w| w.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![("issuer", pattern(Issuer)), ("end", pattern(End))]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("UBND tỉnh Cao Bằng", "Issuer"),
            ("Bộ Nông nghiệp và Môi trường", "Issuer"),
            ("Tỉnh uỷ Phú Thọ", "Issuer"),
            ("về việc tăng cường", "End"),
            ("thực hiện chuyển đổi số", "End"),
            ("các sở, ngành", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        // The longest row the phrase opens with, whole words only.
        CITES
            .iter()
            .filter(|w| {
                phrase.starts_with(w.word)
                    && phrase[w.word.len()..]
                        .chars()
                        .next()
                        .is_none_or(|ch| !ch.is_alphanumeric())
            })
            .max_by_key(|w| w.word.len())
            .map_or(String::new(), |w| format!("{:?}", w.kind))
    }
}

/// What a word of a cross-reference does ("nhiệm vụ nêu tại mục II.3").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// What is referred to ("nhiệm vụ", "nội dung").
    Item,
    /// "stated" before the place ("nêu").
    Stated,
    /// Where ("tại", "ở", "theo").
    At,
    /// A part of the document ("mục", "phần", "điểm", "khoản").
    Part,
}

/// Every cross-reference word (lower case, NFC), sorted by bytes, unique.
pub const CROSS_REFS: &[(&str, RefKind)] = &[
    ("khoản", RefKind::Part),
    ("mục", RefKind::Part),
    ("nhiệm vụ", RefKind::Item),
    ("nêu", RefKind::Stated),
    ("nội dung", RefKind::Item),
    ("phần", RefKind::Part),
    ("theo", RefKind::At),
    ("tại", RefKind::At),
    ("điểm", RefKind::Part),
    ("ở", RefKind::At),
];

/// Regex alternation of the cross-reference words of `kind`, longest first.
pub fn ref_pattern(kind: RefKind) -> String {
    alternation(
        CROSS_REFS
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(w, _)| *w),
        false,
    )
}

/// The cross-reference table for the lexicon checks.
pub struct CrossRefTable;

impl Table for CrossRefTable {
    fn name(&self) -> &'static str {
        "cross references"
    }
    fn words(&self) -> Vec<&'static str> {
        CROSS_REFS.iter().map(|(w, _)| *w).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        [RefKind::Item, RefKind::Stated, RefKind::At, RefKind::Part]
            .into_iter()
            .map(|k| ("words", ref_pattern(k)))
            .collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("nhiệm vụ", "Item"),
            ("nêu", "Stated"),
            ("ở", "At"),
            ("khoản", "Part"),
            ("chương", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        CROSS_REFS
            .iter()
            .find(|(w, _)| *w == phrase)
            .map_or(String::new(), |(_, k)| format!("{k:?}"))
    }
}
