//! Administrative levels: the words that name a place's rank ("tỉnh", "xã", "thôn").
//! Rank 0 is a region of a deconcentrated branch ("Kho bạc Nhà nước khu vực XI"): it places
//! a unit but is no administrative level (no document's locality).
//!
//! A level word after a unit head places the unit ("UBND xã", "Công an tỉnh Lào Cai") and
//! a level word after "các" makes a collective ("các xã, phường"). Rank 1 is the province,
//! 2 the former district, 3 the commune (the 2025 two-tier local government), 4 a village
//! or residential group below the commune (not an administrative level of its own).

use super::{alternation, Table};

/// One level word and its rank (1 province … 4 village).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    /// The word, lower case, NFC.
    pub word: &'static str,
    /// 1 province or centrally-run city, 2 district, 3 commune, 4 village, 0 region.
    pub rank: u8,
}

const fn l(word: &'static str, rank: u8) -> Level {
    Level { word, rank }
}

/// Every level word, sorted by bytes, unique.
pub const LEVELS: &[Level] = &[
    l("buôn", 4),
    l("bản", 4),
    l("huyện", 2),
    l("khu phố", 4),
    l("khu vực", 0),
    l("khối phố", 4),
    l("làng", 4),
    l("phường", 3),
    l("quận", 2),
    l("thành phố", 1),
    l("thôn", 4),
    l("thị trấn", 3),
    l("thị xã", 2),
    l("tỉnh", 1),
    l("tổ dân phố", 4),
    l("xã", 3),
    l("xóm", 4),
    l("đặc khu", 3),
    l("ấp", 4),
];

/// Administrative level words of rank 1 to `max_rank`, longest first: with 3 the
/// levels a document's locality can have ("thị trấn", "phường", "xã", …, "tỉnh").
pub fn words_up_to(max_rank: u8) -> Vec<&'static str> {
    let mut ws: Vec<&'static str> = LEVELS
        .iter()
        .filter(|l| (1..=max_rank).contains(&l.rank))
        .map(|l| l.word)
        .collect();
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    ws
}

/// The level word that `s` starts with (longest, whole words), if any; "xã hội" (society)
/// is not the level "xã".
pub fn level_at(s: &str) -> Option<Level> {
    if s.starts_with("xã hội") {
        return None;
    }
    LEVELS
        .iter()
        .filter(|l| {
            s.strip_prefix(l.word)
                .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        })
        .max_by_key(|l| l.word.len())
        .copied()
}

/// Regex fragment: every level word of rank `max_rank` or higher, longest first.
pub fn pattern(max_rank: u8) -> String {
    alternation(words_up_to(max_rank), false)
}

/// The level table for the lexicon checks.
pub struct LevelTable;

impl Table for LevelTable {
    fn name(&self) -> &'static str {
        "levels"
    }
    fn words(&self) -> Vec<&'static str> {
        LEVELS.iter().map(|l| l.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![("locality", format!(r"\b(?:{})\s+\p{{Lu}}", pattern(3)))]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("thị xã Sơn Tây", "thị xã 2"),
            ("xã Hòa Bình", "xã 3"),
            ("thị trấn Phú Mỹ", "thị trấn 3"),
            ("đặc khu Côn Đảo", "đặc khu 3"),
            ("tổ dân phố 5", "tổ dân phố 4"),
            ("khu vực XI", "khu vực 0"),
            ("xã hội", ""),
            ("Sở Y tế", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        level_at(phrase)
            .map(|l| format!("{} {}", l.word, l.rank))
            .unwrap_or_default()
    }
}
