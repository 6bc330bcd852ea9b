//! The fixed frame of a document: the national and Party lines of the letterhead, the
//! words that open a new paragraph after a title (Căn cứ, Kính gửi, Nơi nhận …), and the
//! heading words and unit heads of a KPI table. One row per phrase, as written (case
//! matters: these are read in their printed form), with its kind.

use super::Table;

/// What a frame phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// The state's name line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
    Nation,
    /// The Party's name line ("ĐẢNG CỘNG SẢN VIỆT NAM").
    Party,
    /// The motto line ("Độc lập - Tự do - Hạnh phúc").
    Motto,
    /// Opens a new paragraph after a title or header line ("Căn cứ", "Kính gửi").
    Opener,
    /// Opens a paragraph when a digit follows ("Ngày 5 …").
    DayOpener,
    /// Opens a paragraph when a colon follows ("Số: …").
    NumberOpener,
    /// Opens a paragraph as an appendix title, alone or with its numeral ("Phụ lục II").
    AppendixOpener,
    /// A heading cell of a KPI table ("Chỉ tiêu", "Đơn vị tính").
    KpiHeading,
    /// A KPI heading cell only when it is the whole line ("thực hiện").
    KpiHeadingAlone,
    /// A KPI heading wherever it stands in the line ("Đến hết năm 2025").
    KpiHeadingAnywhere,
    /// Opens the unit cell of a KPI row ("Sở", "UBND", "Trường").
    KpiCellHead,
    /// Opens the unit cell of a KPI row after a count ("12 trường", "36 thôn").
    KpiCountedHead,
}

/// One frame phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameWord {
    /// The phrase as printed, NFC.
    pub word: &'static str,
    /// What it is.
    pub kind: FrameKind,
    /// For letterhead lines, the start that already identifies the line
    /// ("CỘNG HÒA XÃ HỘI"); empty otherwise.
    pub start: &'static str,
}

const fn f(word: &'static str, kind: FrameKind, start: &'static str) -> FrameWord {
    FrameWord { word, kind, start }
}

use FrameKind::*;

/// Every frame phrase, sorted by bytes, unique.
pub const FRAME: &[FrameWord] = &[
    f("Ban", KpiCellHead, ""),
    f("Chỉ tiêu", KpiHeading, ""),
    f("Các Doanh nghiệp", KpiCellHead, ""),
    f("Các cơ quan", KpiCellHead, ""),
    f("Công an", KpiCellHead, ""),
    f("Căn cứ", Opener, ""),
    f(
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        Nation,
        "CỘNG HOÀ XÃ HỘI",
    ),
    f(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        Nation,
        "CỘNG HÒA XÃ HỘI",
    ),
    f("Ghi chú", KpiHeading, ""),
    f("Hội", KpiCellHead, ""),
    f("Kính gửi", Opener, ""),
    f("Mục tiêu theo", KpiHeading, ""),
    f("Ngày", DayOpener, ""),
    f("Nơi nhận", Opener, ""),
    f("PHỤ LỤC", Opener, ""),
    f("Phòng", KpiCellHead, ""),
    f("Phụ lục", AppendixOpener, ""),
    f("STT", KpiHeading, ""),
    f("Số", NumberOpener, ""),
    f("Sở", KpiCellHead, ""),
    f("Thực hiện", Opener, ""),
    f("Trung tâm", KpiCellHead, ""),
    f("Trường", KpiCellHead, ""),
    f("Trạm", KpiCellHead, ""),
    f("UBND", KpiCellHead, ""),
    f("V/v", Opener, ""),
    f("VP", KpiCellHead, ""),
    f("Văn phòng", KpiCellHead, ""),
    f("thôn", KpiCountedHead, ""),
    f("thực hiện", KpiHeadingAlone, ""),
    f("trường", KpiCountedHead, ""),
    f("Đoàn", KpiCellHead, ""),
    f("Đơn vị chịu", KpiHeading, ""),
    f("Đơn vị theo dõi", KpiHeading, ""),
    f("Đơn vị tính", KpiHeading, ""),
    f("ĐẢNG CỘNG SẢN VIỆT NAM", Party, "ĐẢNG CỘNG SẢN VIỆT NAM"),
    f("Đến hết", KpiHeadingAnywhere, ""),
    f("Độc lập - Tự do - Hạnh phúc", Motto, "Độc lập - Tự do"),
    f("Ủy ban", KpiCellHead, ""),
];

/// A phrase as a regex fragment: escaped, a spaced dash matching any dash and spacing.
fn fragment(phrase: &str) -> String {
    regex::escape(phrase).replace(r" \- ", r"\s*[-–]\s*")
}

/// Regex alternation of the phrases of the kinds `keep` selects (longest first).
pub fn pattern(keep: impl Fn(FrameKind) -> bool) -> String {
    let mut words: Vec<&str> = FRAME
        .iter()
        .filter(|w| keep(w.kind))
        .map(|w| w.word)
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words
        .into_iter()
        .map(fragment)
        .collect::<Vec<_>>()
        .join("|")
}

/// Regex alternation of the letterhead lines' identifying starts ("CỘNG HÒA XÃ HỘI").
pub fn letterhead_starts() -> String {
    FRAME
        .iter()
        .filter(|w| !w.start.is_empty())
        .map(|w| fragment(w.start))
        .collect::<Vec<_>>()
        .join("|")
}

/// True for the letterhead kinds.
pub fn is_letterhead(kind: FrameKind) -> bool {
    matches!(kind, Nation | Party | Motto)
}

/// The frame table for the lexicon checks.
pub struct FrameTable;

impl Table for FrameTable {
    fn name(&self) -> &'static str {
        "frame"
    }
    fn words(&self) -> Vec<&'static str> {
        FRAME.iter().map(|w| w.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![
            ("letterhead", pattern(is_letterhead)),
            ("letterhead_starts", letterhead_starts()),
            ("openers", pattern(|k| k == Opener)),
            ("kpi_headings", pattern(|k| k == KpiHeading)),
            ("kpi_cell_heads", pattern(|k| k == KpiCellHead)),
        ]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nation"),
            ("Độc lập – Tự do – Hạnh phúc", "Motto"),
            ("Kính gửi: Sở Y tế", "Opener"),
            ("Đơn vị tính", "KpiHeading"),
            ("Trường Tiểu học Ea Kao", "KpiCellHead"),
            ("Nhiệm vụ trọng tâm", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        FRAME
            .iter()
            .filter(|w| {
                regex::Regex::new(&format!("^(?:{})", fragment(w.word)))
                    .is_ok_and(|re| re.is_match(phrase))
            })
            .max_by_key(|w| w.word.len())
            .map_or(String::new(), |w| format!("{:?}", w.kind))
    }
}
