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
    /// The heading of a KPI table's row-number column ("STT").
    KpiNumberHeading,
    /// The heading of a KPI table's responsible-unit column ("Đơn vị chịu trách nhiệm").
    KpiLeadHeading,
    /// The heading of a KPI table's monitoring-unit column ("Đơn vị theo dõi").
    KpiMonitorHeading,
    /// A KPI heading's wrapped tail, a run of its own in a PDF ("nhiệm thực hiện").
    KpiHeadingTail,
    /// A KPI heading cell only when it is the whole line ("thực hiện").
    KpiHeadingAlone,
    /// A KPI heading wherever it stands in the line ("Đến hết năm 2025").
    KpiHeadingAnywhere,
    /// Opens the unit cell of a KPI row ("Sở", "UBND", "Trường").
    KpiCellHead,
    /// Opens the unit cell of a KPI row after a count ("12 trường", "36 thôn").
    KpiCountedHead,
    /// A qualitative value of a KPI cell ("Có", "Đạt", "Hoàn thành").
    KpiValue,
    /// Opens the body after a title, and nothing else ("Theo", "Vừa qua"): see [`BODY`].
    BodyOpener,
    /// Says a text was issued with another ("Ban hành kèm theo Kế hoạch số …").
    IssuedWith,
    /// A label of a digital signature's stamp text ("Người ký: …", "Thời gian ký: …").
    SignatureLabel,
}

/// Flag of a phrase that opens the body after the title's lines ("Căn cứ", "Thực hiện",
/// "Ngày 5 …", "Vừa qua").
pub const BODY: u8 = 1;
/// Flag of a phrase that opens the body even on the line right after the kind line, where
/// other openers still belong to the subject ("Căn cứ").
pub const BODY_FIRST: u8 = 2;

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
    /// [`BODY`], [`BODY_FIRST`] or'ed together; 0 for phrases that do not open a body.
    pub body: u8,
}

const fn f(word: &'static str, kind: FrameKind, start: &'static str) -> FrameWord {
    FrameWord {
        word,
        kind,
        start,
        body: 0,
    }
}

/// A phrase that opens the body ([`BODY`], [`BODY_FIRST`]).
const fn b(word: &'static str, kind: FrameKind, body: u8) -> FrameWord {
    FrameWord {
        word,
        kind,
        start: "",
        body,
    }
}

use FrameKind::*;

/// Every frame phrase, sorted by bytes, unique.
pub const FRAME: &[FrameWord] = &[
    f("Ban", KpiCellHead, ""),
    f("Chỉ tiêu", KpiHeading, ""),
    f("Chức vụ", SignatureLabel, ""),
    f("Các Doanh nghiệp", KpiCellHead, ""),
    f("Các cơ quan", KpiCellHead, ""),
    f("Có", KpiValue, ""),
    f("Công an", KpiCellHead, ""),
    b("Căn cứ", Opener, BODY | BODY_FIRST),
    f("Cơ quan", SignatureLabel, ""),
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
    f("Email", SignatureLabel, ""),
    f("Ghi chú", KpiHeading, ""),
    f("Hoàn thành", KpiValue, ""),
    f("Hội", KpiCellHead, ""),
    f("Không", KpiValue, ""),
    f("Kính gửi", Opener, ""),
    f("Ký bởi", SignatureLabel, ""),
    f("Mục tiêu theo", KpiHeading, ""),
    b("Ngày", DayOpener, BODY),
    f("Ngày ký", SignatureLabel, ""),
    f("Người ký", SignatureLabel, ""),
    b("Nhằm", BodyOpener, BODY),
    f("Nơi nhận", Opener, ""),
    f("PHỤ LỤC", Opener, ""),
    f("Phòng", KpiCellHead, ""),
    f("Phụ lục", AppendixOpener, ""),
    b("Qua", BodyOpener, BODY),
    f("STT", KpiNumberHeading, ""),
    b("Sau khi", BodyOpener, BODY),
    f("Số", NumberOpener, ""),
    f("Sở", KpiCellHead, ""),
    b("Theo", BodyOpener, BODY),
    f("Thời gian ký", SignatureLabel, ""),
    b("Thực hiện", Opener, BODY),
    b("Tiếp tục", BodyOpener, BODY),
    b("Trong", BodyOpener, BODY),
    f("Trung tâm", KpiCellHead, ""),
    b("Trên cơ sở", BodyOpener, BODY),
    f("Trường", KpiCellHead, ""),
    f("Trạm", KpiCellHead, ""),
    f("UBND", KpiCellHead, ""),
    f("V/v", Opener, ""),
    f("VP", KpiCellHead, ""),
    f("Văn phòng", KpiCellHead, ""),
    b("Vừa qua", BodyOpener, BODY),
    f("kèm theo", IssuedWith, ""),
    f("nhiệm thực hiện", KpiHeadingTail, ""),
    f("thôn", KpiCountedHead, ""),
    f("thực hiện", KpiHeadingAlone, ""),
    f("trường", KpiCountedHead, ""),
    f("Đoàn", KpiCellHead, ""),
    f("Đóng góp", KpiValue, ""),
    f("Đơn vị chịu", KpiLeadHeading, ""),
    f("Đơn vị theo dõi", KpiMonitorHeading, ""),
    f("Đơn vị tính", KpiHeading, ""),
    f("Đạt", KpiValue, ""),
    f("ĐẢNG CỘNG SẢN VIỆT NAM", Party, "ĐẢNG CỘNG SẢN VIỆT NAM"),
    f("Đến hết", KpiHeadingAnywhere, ""),
    b("Để", BodyOpener, BODY),
    f("Độc lập - Tự do - Hạnh phúc", Motto, "Độc lập - Tự do"),
    f("Ủy ban", KpiCellHead, ""),
    f("Ứng dụng", KpiValue, ""),
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

/// Regex alternation of the phrases that open the body and carry `flag` ([`BODY`],
/// [`BODY_FIRST`]); a day opener must be followed by a digit ("Ngày 5 …").
pub fn body_openers(flag: u8) -> String {
    let mut rows: Vec<&FrameWord> = FRAME.iter().filter(|w| w.body & flag != 0).collect();
    rows.sort_by(|a, b| b.word.len().cmp(&a.word.len()).then(a.word.cmp(b.word)));
    rows.iter()
        .map(|w| match w.kind {
            DayOpener => format!(r"(?:{}) \d", fragment(w.word)),
            _ => fragment(w.word),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The phrases of `kind`, in table order.
pub fn words(kind: FrameKind) -> impl Iterator<Item = &'static str> {
    FRAME.iter().filter(move |w| w.kind == kind).map(|w| w.word)
}

/// Regex alternation of the qualitative KPI values ("Có", "Ứng dụng"), longest first, inner
/// spaces matching any white space (a value wrapped inside its cell).
pub fn kpi_values(multiword_only: bool) -> String {
    let mut vals: Vec<&str> = words(KpiValue)
        .filter(|v| !multiword_only || v.contains(' '))
        .collect();
    vals.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    vals.iter()
        .map(|v| regex::escape(v).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// True for the kinds of a KPI table's heading cells that open a heading line ("Chỉ tiêu",
/// "STT", "Đơn vị chịu …", "Đến hết năm 2025").
pub fn is_kpi_heading(kind: FrameKind) -> bool {
    matches!(
        kind,
        KpiHeading | KpiNumberHeading | KpiLeadHeading | KpiMonitorHeading | KpiHeadingAnywhere
    )
}

/// The one phrase of `kind` ("STT" for [`FrameKind::KpiNumberHeading`]); empty if none.
pub fn word(kind: FrameKind) -> &'static str {
    words(kind).next().unwrap_or("")
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
            ("kpi_headings", pattern(is_kpi_heading)),
            ("kpi_cell_heads", pattern(|k| k == KpiCellHead)),
            ("kpi_values", kpi_values(false)),
            ("body", body_openers(BODY)),
            ("body_first", body_openers(BODY_FIRST)),
        ]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nation"),
            ("Độc lập – Tự do – Hạnh phúc", "Motto"),
            ("Kính gửi: Sở Y tế", "Opener"),
            ("Đơn vị tính", "KpiHeading"),
            ("Đơn vị chịu trách nhiệm", "KpiLeadHeading"),
            ("Trường Tiểu học Ea Kao", "KpiCellHead"),
            ("Nhiệm vụ trọng tâm", ""),
            ("Theo đề nghị của Sở Nội vụ", "BodyOpener"),
            ("Trên cơ sở kết quả rà soát", "BodyOpener"),
            ("Đạt", "KpiValue"),
            ("Đóng góp", "KpiValue"),
            ("Người ký: Nguyễn Văn Bình", "SignatureLabel"),
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
