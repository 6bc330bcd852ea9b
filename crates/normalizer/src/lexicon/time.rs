//! Time words: periods, quarter numerals, weekdays, and the words around a date that say
//! what it is (a due date, a start, an event, a cited document's date, an object's period).
//!
//! One row per word with its kind and a value (the number, the weekday, the period). Rules in
//! the extractor's `deadline` module build their patterns from these rows. To add a word:
//! one row here, in byte order.

use super::{alternation, Table};
use nhiemvu_model::Frequency;

/// What a time word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A quarter numeral, Roman or Arabic ("IV", "4"); value = the number.
    Numeral,
    /// "hằng", "hàng", "mỗi": every (period follows).
    Every,
    /// A weekday ("thứ Sáu"); value = 1 (Monday) … 7 (Sunday).
    Weekday,
    /// A period noun ("tuần", "quý"); value = index into [`FREQUENCIES`].
    Period,
    /// Half a year ("6 tháng đầu năm"); value = the month it ends (6 or 12).
    Half,
    /// Introduces a due date ("trước", "trong"); value: [`HARD`] for a hard deadline word,
    /// [`CLOCK`] when it also stands before a clock time ("trước 16 giờ").
    Due,
    /// Introduces a start ("từ", "kể từ").
    Start,
    /// Ongoing with no date ("thường xuyên").
    Ongoing,
    /// Ties the time to an event, not a date ("trước khi", "sau khi").
    Event,
    /// A kind of document whose number and date are cited, never deadlines ("Tờ trình").
    Cited,
    /// Before a period, makes it describe the objects ("các gói thầu khởi công trong tháng 8").
    Describes,
    /// Hour words ("giờ", "h").
    Hour,
    /// Minute words ("phút").
    Minute,
    /// Introduces a clock time after a date ("ngày 20/7, lúc 14 giờ").
    Clock,
    /// The prefix of days 1–10 in words ("mồng 5").
    DayPrefix,
    /// A word that is itself a period ("thường niên" → yearly); value = index into
    /// [`FREQUENCIES`].
    Periodic,
    /// Says what a task is for ("để", "nhằm", "bảo đảm"): a cited title has ended before it.
    Purpose,
    /// Names a block's time field ("c) Thời gian thực hiện: Hoàn thành trong năm 2025").
    Field,
}

/// One time word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWord {
    /// The word, lower case unless it is a Roman numeral, NFC.
    pub word: &'static str,
    /// What it does.
    pub kind: Kind,
    /// Its number: quarter, weekday, period index, end month, or the hard-deadline flag.
    pub value: u8,
}

/// Period indices of [`Kind::Period`] and [`Kind::Periodic`] rows (a `Periodic` value past
/// the end, as for "định kỳ" alone, is a period left unsaid).
pub const FREQUENCIES: [Frequency; 6] = [
    Frequency::Daily,
    Frequency::Weekly,
    Frequency::Monthly,
    Frequency::Quarterly,
    Frequency::Semiannual,
    Frequency::Yearly,
];

/// Value flag of a [`Kind::Due`] row: a hard deadline word ("trước", "chậm nhất").
pub const HARD: u8 = 1;
/// Value flag of a [`Kind::Due`] row: it also stands before a clock time ("trước 16 giờ").
pub const CLOCK: u8 = 2;

/// RFC 5545 weekday codes, Monday first (value 1 → "MO").
pub const WEEKDAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

const fn w(word: &'static str, kind: Kind, value: u8) -> TimeWord {
    TimeWord { word, kind, value }
}

use Kind::*;

/// Every time word, sorted by bytes, unique.
pub const WORDS: &[TimeWord] = &[
    w("1", Numeral, 1),
    w("2", Numeral, 2),
    w("3", Numeral, 3),
    w("4", Numeral, 4),
    w("6 tháng", Period, 4),
    w("6 tháng cuối năm", Half, 12),
    w("6 tháng đầu năm", Half, 6),
    w("I", Numeral, 1),
    w("II", Numeral, 2),
    w("III", Numeral, 3),
    w("IV", Numeral, 4),
    w("báo cáo", Cited, 0),
    w("bảo đảm", Purpose, 0),
    w("bắt đầu", Start, 0),
    w("bắt đầu từ", Start, 0),
    w("chương trình", Cited, 0),
    w("chương trình hành động", Cited, 0),
    w("chậm nhất", Due, 1),
    w("chậm nhất là", Due, 1),
    w("chậm nhất vào", Due, 1),
    w("chỉ thị", Cited, 0),
    w("chủ nhật", Weekday, 7),
    w("cuối", Due, 0),
    w("công văn", Cited, 0),
    w("dự kiến", Describes, 0),
    w("giờ", Hour, 0),
    w("h", Hour, 0),
    w("hoàn thành", Due, 1),
    w("hoàn thành trong", Due, 1),
    w("hoàn thành trước", Due, 1),
    w("hàng", Every, 0),
    w("hướng dẫn", Cited, 0),
    w("hạn", Due, 1),
    w("hạn chót", Due, 1),
    w("hằng", Every, 0),
    w("hết", Due, 0),
    w("khởi công", Describes, 0),
    w("kế hoạch", Cited, 0),
    w("kế hoạch hành động", Cited, 0),
    w("kết luận", Cited, 0),
    w("kết thúc", Due, 0),
    w("kể từ", Start, 0),
    w("kịp thời", Ongoing, 0),
    w("liên tục", Ongoing, 0),
    w("luật", Cited, 0),
    w("lâu dài", Ongoing, 0),
    w("lúc", Clock, 0),
    w("muộn nhất", Due, 1),
    w("mùng", DayPrefix, 0),
    w("mồng", DayPrefix, 0),
    w("mỗi", Every, 0),
    w("ngay sau khi", Event, 0),
    w("ngay từ", Start, 0),
    w("nghị quyết", Cited, 0),
    w("nghị định", Cited, 0),
    w("ngày", Period, 0),
    w("nhằm", Purpose, 0),
    w("năm", Period, 5),
    w("phút", Minute, 0),
    w("quy chế", Cited, 0),
    w("quyết định", Cited, 0),
    w("quý", Period, 3),
    w("sau khi", Event, 0),
    w("sẽ", Describes, 0),
    w("tháng", Period, 2),
    w("thông báo", Cited, 0),
    w("thông tư", Cited, 0),
    w("thường niên", Periodic, 5),
    w("thường xuyên", Ongoing, 0),
    w("thời gian hoàn thành", Field, 0),
    w("thời gian thực hiện", Field, 0),
    w("thời hạn hoàn thành", Field, 0),
    w("thời hạn thực hiện", Field, 0),
    w("thứ 2", Weekday, 1),
    w("thứ 3", Weekday, 2),
    w("thứ 4", Weekday, 3),
    w("thứ 5", Weekday, 4),
    w("thứ 6", Weekday, 5),
    w("thứ 7", Weekday, 6),
    w("thứ ba", Weekday, 2),
    w("thứ bảy", Weekday, 6),
    w("thứ hai", Weekday, 1),
    w("thứ năm", Weekday, 4),
    w("thứ sáu", Weekday, 5),
    w("thứ tư", Weekday, 3),
    w("tiến độ hoàn thành", Field, 0),
    w("tiến độ thực hiện", Field, 0),
    w("trong", Due, 0),
    w("trước", Due, HARD | CLOCK),
    w("trước khi", Event, 0),
    w("tuần", Period, 1),
    w("tới", Due, 0),
    w("tờ trình", Cited, 0),
    w("từ", Start, 0),
    w("vào", Due, 0),
    w("vào lúc", Clock, 0),
    w("văn bản", Cited, 0),
    w("xong", Due, 1),
    w("xong trước", Due, 1),
    w("đã", Describes, 0),
    w("đảm bảo", Purpose, 0),
    w("đến", Due, 0),
    w("đến hết", Due, 0),
    w("đề án", Cited, 0),
    w("để", Purpose, 0),
    w("định kỳ", Periodic, 6),
];

/// The words of every row of `kind`.
pub fn with(kind: Kind) -> impl Iterator<Item = &'static str> {
    WORDS.iter().filter(move |t| t.kind == kind).map(|t| t.word)
}

/// Regex fragment: an alternation of the words of `kind`, longest first. Inner spaces match
/// any white space or none ("chậm\nnhất" across a line wrap, "Tờtrình" in a glued text
/// layer).
pub fn pattern(kind: Kind) -> String {
    pattern_where(|t| t.kind == kind)
}

/// Regex fragment: an alternation of the words of the rows `keep` selects, longest first,
/// inner spaces matching any white space or none.
pub fn pattern_where(keep: impl Fn(&TimeWord) -> bool) -> String {
    alternation(WORDS.iter().filter(|t| keep(t)).map(|t| t.word), false).replace(' ', r"\s*")
}

/// The one-word period noun of `freq` ("quý" for quarterly), for patterns that name it.
pub fn period_word(freq: Frequency) -> &'static str {
    WORDS
        .iter()
        .find(|t| {
            t.kind == Kind::Period
                && !t.word.contains(' ')
                && FREQUENCIES.get(t.value as usize) == Some(&freq)
        })
        .map_or("", |t| t.word)
}

/// The row for `word` (any case; Roman numerals in capitals).
pub fn lookup(word: &str) -> Option<&'static TimeWord> {
    let lower = word.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = lower.to_lowercase();
    let upper = word.trim().to_uppercase();
    WORDS.iter().find(|t| t.word == lower || t.word == upper)
}

/// True when `word` is a hard deadline word ("trước", "chậm nhất", "hạn", "xong").
pub fn is_hard_due(word: &str) -> bool {
    lookup(word).is_some_and(is_hard)
}

/// True for a hard deadline row ([`Kind::Due`] with [`HARD`]).
pub fn is_hard(t: &TimeWord) -> bool {
    t.kind == Due && t.value & HARD != 0
}

/// Regex fragment: the words that introduce a clock time after a date ("lúc", "vào lúc",
/// "trước"), longest first, spaces as written.
pub fn clock_pattern() -> String {
    alternation(
        WORDS
            .iter()
            .filter(|t| t.kind == Clock || (t.kind == Due && t.value & CLOCK != 0))
            .map(|t| t.word),
        false,
    )
}

/// The time table for the lexicon checks.
pub struct TimeTable;

impl Table for TimeTable {
    fn name(&self) -> &'static str {
        "time"
    }
    fn words(&self) -> Vec<&'static str> {
        WORDS.iter().map(|t| t.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        [
            ("numeral", Numeral),
            ("every", Every),
            ("weekday", Weekday),
            ("period", Period),
            ("due", Due),
            ("start", Start),
            ("ongoing", Ongoing),
            ("event", Event),
            ("cited", Cited),
            ("describes", Describes),
            ("field", Field),
            ("minute", Minute),
        ]
        .into_iter()
        .map(|(n, k)| (n, format!("(?i)^(?:{})", pattern(k))))
        .chain([("clock", clock_pattern()), ("year_parts", year_parts())])
        .collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("chậm nhất là ngày 05/7", "due hard"),
            ("chậmnhất ngày 05/7", "due hard"),
            ("trong tháng 9", "due"),
            ("kể từ ngày 01/8", "start"),
            ("trước khi khởi công", "event"),
            ("sau khi có kết quả", "event"),
            ("Tờ trình số 12/TTr-UBND", "cited"),
            ("Tờtrình số 12/TTr-UBND", "cited"),
            ("thứ Sáu hằng tuần", "weekday FR"),
            ("Chủ nhật", "weekday SU"),
            ("thứ 2 hằng tuần", "weekday MO"),
            ("quý IV", "period quarterly"),
            ("IV", "numeral 4"),
            ("hằng tuần", "every"),
            ("6 tháng đầu năm", "half 6"),
            ("6 tháng một lần", "period semiannual"),
            ("thường xuyên", "ongoing"),
            ("khởi công trong tháng 8", "describes"),
            ("mồng 5 tháng 7", "day_prefix"),
            ("Thời gian thực hiện: Quý III/2026", "field"),
            ("thường niên", "periodic yearly"),
            ("định kỳ báo cáo", "periodic irregular"),
            ("nhằm nâng cao", "purpose"),
            ("trước 16 giờ", "due hard clock"),
            ("vào lúc 14 giờ", "clock"),
            ("30 phút", ""),
            ("phút", "minute"),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        // The longest row the phrase starts with, as "kind value".
        let lower = super::lower_first(phrase);
        let squeezed = lower.to_lowercase();
        let best = WORDS
            .iter()
            .filter(|t| {
                let glued = t.word.replace(' ', "");
                [t.word, glued.as_str()].iter().any(|wd| {
                    let hay = if t.kind == Numeral { phrase } else { &squeezed };
                    hay.starts_with(wd)
                        && hay[wd.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                })
            })
            .max_by_key(|t| t.word.len());
        let Some(t) = best else {
            return String::new();
        };
        match t.kind {
            Numeral => format!("numeral {}", t.value),
            Every => "every".into(),
            Weekday => format!("weekday {}", WEEKDAY_CODES[t.value as usize - 1]),
            Period => format!("period {}", FREQUENCIES[t.value as usize].as_str()),
            Half => format!("half {}", t.value),
            Due if t.value == HARD | CLOCK => "due hard clock".into(),
            Due if t.value & HARD != 0 => "due hard".into(),
            Due => "due".into(),
            Start => "start".into(),
            Ongoing => "ongoing".into(),
            Event => "event".into(),
            Cited => "cited".into(),
            Describes => "describes".into(),
            Hour => "hour".into(),
            Minute => "minute".into(),
            Clock => "clock".into(),
            DayPrefix => "day_prefix".into(),
            Field => "field".into(),
            Purpose => "purpose".into(),
            Periodic => match FREQUENCIES.get(t.value as usize) {
                Some(f) => format!("periodic {}", f.as_str()),
                None => "periodic irregular".into(),
            },
        }
    }
}

/// A noun whose own name or period a date may belong to, never the task's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodNoun {
    /// The noun, lower case, NFC.
    pub word: &'static str,
    /// [`TITLED`], [`PLANNED`], [`HORIZON`] or'ed together.
    pub flags: u8,
}

/// Its name follows in quotes ("phong trào “…”"): a date inside the quotes is the name's.
pub const TITLED: u8 = 1;
/// A plan, budget or programme named with its period ("kế hoạch năm 2026"): the period is
/// the plan's, not a deadline.
pub const PLANNED: u8 = 2;
/// A roadmap whose "đến năm N" is its horizon ("lộ trình … đến năm 2030").
pub const HORIZON: u8 = 4;

const fn n(word: &'static str, flags: u8) -> PeriodNoun {
    PeriodNoun { word, flags }
}

/// Every period noun, sorted by bytes, unique.
pub const PERIOD_NOUNS: &[PeriodNoun] = &[
    n("báo cáo tổng kết", PLANNED),
    n("chiến lược", HORIZON),
    n("chuyên đề", TITLED),
    n("chương trình", TITLED | PLANNED),
    n("chỉ tiêu", PLANNED),
    n("chủ đề", TITLED),
    n("cuộc vận động", TITLED),
    n("danh hiệu", TITLED),
    n("dự toán", PLANNED),
    n("dự án", TITLED),
    n("hội thi", TITLED),
    n("khẩu hiệu", TITLED),
    n("kinh phí", PLANNED),
    n("kế hoạch", TITLED | PLANNED),
    n("kịch bản", HORIZON),
    n("lộ trình", HORIZON),
    n("mô hình", TITLED),
    n("nghị quyết", TITLED),
    n("ngân sách", PLANNED),
    n("phong trào", TITLED),
    n("quy hoạch", HORIZON),
    n("đề án", TITLED),
];

/// Regex fragment: the period nouns carrying `flag`, longest first.
pub fn period_nouns(flag: u8) -> String {
    alternation(
        PERIOD_NOUNS
            .iter()
            .filter(|p| p.flags & flag != 0)
            .map(|p| p.word),
        false,
    )
}

/// The period-noun table for the lexicon checks.
pub struct PeriodNounTable;

impl Table for PeriodNounTable {
    fn name(&self) -> &'static str {
        "period nouns"
    }
    fn words(&self) -> Vec<&'static str> {
        PERIOD_NOUNS.iter().map(|p| p.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![
            ("titled", period_nouns(TITLED)),
            ("planned", period_nouns(PLANNED)),
            ("horizon", period_nouns(HORIZON)),
        ]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("kế hoạch", "titled planned"),
            ("lộ trình", "horizon"),
            ("kịch bản", "horizon"),
            ("phong trào", "titled"),
            ("ngân sách", "planned"),
            ("công văn", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        let flags = PERIOD_NOUNS
            .iter()
            .find(|p| p.word == phrase)
            .map_or(0, |p| p.flags);
        [
            (TITLED, "titled"),
            (PLANNED, "planned"),
            (HORIZON, "horizon"),
        ]
        .iter()
        .filter(|(f, _)| flags & f != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// A part of a year named before "năm N" ("cuối năm 2026", "đầu năm 2026").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPart {
    /// The words, lower case, NFC, spaces as written.
    pub word: &'static str,
    /// The end of the year (a due date), not its start.
    pub late: bool,
}

const fn part(word: &'static str, late: bool) -> YearPart {
    YearPart { word, late }
}

/// Every year part, sorted by bytes, unique.
pub const YEAR_PARTS: &[YearPart] = &[
    part("cuối", true),
    part("những tháng đầu", false),
    part("những tuần đầu, tháng đầu của", false),
    part("đầu", false),
];

/// Regex fragment: the year parts, longest first, spaces as written.
pub fn year_parts() -> String {
    alternation(YEAR_PARTS.iter().map(|p| p.word), false)
}

/// True when `part` (any case, outer spaces ignored) names the end of a year.
pub fn is_late_part(part: &str) -> bool {
    let p = part.trim().to_lowercase();
    YEAR_PARTS.iter().any(|y| y.late && y.word == p)
}

/// The year-part table for the lexicon checks.
pub struct YearPartTable;

impl Table for YearPartTable {
    fn name(&self) -> &'static str {
        "year parts"
    }
    fn words(&self) -> Vec<&'static str> {
        YEAR_PARTS.iter().map(|p| p.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![("parts", year_parts())]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("Cuối ", "late"),
            ("đầu", "early"),
            ("những tháng đầu", "early"),
            ("giữa", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        let p = phrase.trim().to_lowercase();
        match YEAR_PARTS.iter().find(|y| y.word == p) {
            Some(y) if y.late => "late".into(),
            Some(_) => "early".into(),
            None => String::new(),
        }
    }
}
