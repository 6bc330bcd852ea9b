//! Target words: comparators, counted and uncounted nouns, money, labels, the verbs that
//! make a count something to deliver, and the markers of past results (annotation guide §5,
//! rule 13).
//!
//! One row per word with flags (a word may do several things: "ngày" is never counted and
//! makes the number after it a label). The extractor's `target` module builds its patterns
//! from these rows. To add a word: one row here, in byte order.

use super::{alternation, Table};

/// A comparator meaning "at least" ("ít nhất", "≥").
pub const AT_LEAST: u32 = 1;
/// A comparator meaning "at most" ("tối đa", "≤").
pub const AT_MOST: u32 = 1 << 1;
/// A comparator that may stand before a count of things ("ít nhất 03 công trình").
pub const BEFORE_COUNT: u32 = 1 << 2;
/// After a percentage, makes it a floor ("30% trở lên").
pub const OR_MORE: u32 = 1 << 3;
/// The economy measure after a percentage ("1,0% GRDP").
pub const ECONOMY: u32 = 1 << 4;
/// A noun that counts time, documents or dates, not things to deliver ("ngày", "lần").
pub const NOT_COUNTED: u32 = 1 << 5;
/// A money word: a sum is a target only with a comparator ("ít nhất 1.500 tỷ đồng").
pub const MONEY: u32 = 1 << 6;
/// A number after it is a label, not a count ("ngày 03", "thứ 7", "khoản 2").
pub const LABEL: u32 = 1 << 7;
/// A verb just before a count makes it something to deliver ("triển khai 03 nhiệm vụ").
pub const DELIVERS: u32 = 1 << 8;
/// Ends a counted noun phrase ("05 mô hình | tại các xã").
pub const ENDS_NOUN: u32 = 1 << 9;
/// Marks a clause of past results or present state ("đã", "hiện nay", "chiếm").
pub const PAST: u32 = 1 << 10;
/// After a count, says what state its objects are in ("02 nhiệm vụ đang thực hiện").
pub const STATE: u32 = 1 << 11;
/// After "đã", says the objects are done ("đã … hoàn thành").
pub const DONE: u32 = 1 << 12;
/// A passive relative clause that only says which objects are meant ("42 hộ đã được …").
pub const PASSIVE: u32 = 1 << 13;
/// After a fraction, marks a backlog to clear ("8/120 đơn thư còn tồn đọng").
pub const BACKLOG: u32 = 1 << 14;
/// An assigned quota quoted as status ("chỉ tiêu giao").
pub const QUOTA: u32 = 1 << 15;
/// A noun that is graded ("đô thị loại 5", "trường đạt chuẩn quốc gia").
pub const GRADED: u32 = 1 << 16;
/// A grade word after a graded noun ("loại", "hạng", "chuẩn").
pub const GRADE: u32 = 1 << 17;
/// Introduces a rank ("top 10/102", "xếp thứ 5/34").
pub const RANK: u32 = 1 << 18;
/// A verb that acts on counted objects without opening instructions ("lắp đặt", "cấp").
pub const ACTS_ON: u32 = 1 << 19;
/// A number in words ("một", "mười"); the row's value is the number. "năm" (also "year")
/// is left out.
pub const NUMERAL: u32 = 1 << 20;
/// Stands between a graded noun and its grade ("trường đạt chuẩn …").
pub const REACHES: u32 = 1 << 21;
/// A grade level in words, in place of a number ("chuẩn quốc gia").
pub const GRADE_LEVEL: u32 = 1 << 22;

/// One target word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasureWord {
    /// The word, NFC; lower case except acronyms.
    pub word: &'static str,
    /// Flags or'ed together.
    pub flags: u32,
    /// The number of a [`NUMERAL`] row, else 0.
    pub value: u8,
}

impl MeasureWord {
    /// True when the row carries `flag`.
    pub const fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

const fn m(word: &'static str, flags: u32, value: u8) -> MeasureWord {
    MeasureWord { word, flags, value }
}

/// Every target word, sorted by bytes, unique.
pub const WORDS: &[MeasureWord] = &[
    m("<", AT_MOST, 0),
    m("<=", AT_MOST, 0),
    m(">", AT_LEAST, 0),
    m(">=", AT_LEAST, 0),
    m("GDP", ECONOMY, 0),
    m("GRDP", ECONOMY, 0),
    m("NQ giao", QUOTA, 0),
    m("ba", NUMERAL, 3),
    m("ban hành", DELIVERS, 0),
    m("bảo", ENDS_NOUN, 0),
    m("bảy", NUMERAL, 7),
    m("bệnh viện", GRADED, 0),
    m("bốn", NUMERAL, 4),
    m("bồi dưỡng", DELIVERS, 0),
    m("chiếm", PAST | STATE, 0),
    m("cho", ENDS_NOUN, 0),
    m("chuẩn", GRADE, 0),
    m("chín", NUMERAL, 9),
    m("chưa", BACKLOG, 0),
    m("chỉ tiêu giao", QUOTA, 0),
    m("còn", ENDS_NOUN | PAST | BACKLOG, 0),
    m("có", DELIVERS | ENDS_NOUN, 0),
    m("cấp", NOT_COUNTED | DELIVERS | ACTS_ON, 0),
    m("cần", ENDS_NOUN, 0),
    m("cụ", ENDS_NOUN, 0),
    m("của", ENDS_NOUN, 0),
    m("di dời", ACTS_ON, 0),
    m("dưới", AT_MOST, 0),
    m("giai", NOT_COUNTED, 0),
    m("giờ", NOT_COUNTED | LABEL, 0),
    m("gồm", ENDS_NOUN, 0),
    m("hai", NUMERAL, 2),
    m("hiện", ENDS_NOUN, 0),
    m("hiện còn", PAST, 0),
    m("hiện có", PAST, 0),
    m("hiện nay", PAST, 0),
    m("hoàn", ENDS_NOUN, 0),
    m("hoàn thành", DELIVERS | DONE, 0),
    m("hạng", GRADE, 0),
    m("hỗ trợ", DELIVERS, 0),
    m("khoản", LABEL, 0),
    m("khu", LABEL, 0),
    m("khâu", NOT_COUNTED, 0),
    m("không dưới", AT_LEAST, 0),
    m("không quá", AT_MOST | BEFORE_COUNT, 0),
    m("không thấp hơn", AT_LEAST, 0),
    m("khỏi", ENDS_NOUN, 0),
    m("kết thúc", DONE, 0),
    m("loại", GRADE, 0),
    m("là", ENDS_NOUN, 0),
    m("lấy mẫu", ACTS_ON, 0),
    m("lần", NOT_COUNTED | LABEL, 0),
    m("lắp", ENDS_NOUN, 0),
    m("lắp đặt", DELIVERS | ACTS_ON, 0),
    m("mười", NUMERAL, 10),
    m("một", NUMERAL, 1),
    m("mới", ENDS_NOUN, 0),
    m("mở", DELIVERS, 0),
    m("mục", LABEL, 0),
    m("nghìn", NOT_COUNTED | MONEY, 0),
    m("ngày", NOT_COUNTED | LABEL, 0),
    m("người", NOT_COUNTED, 0),
    m("nhằm", ENDS_NOUN, 0),
    m("này", ENDS_NOUN, 0),
    m("nâng", ENDS_NOUN, 0),
    m("năm", NOT_COUNTED | LABEL, 0),
    m("phát triển", DELIVERS, 0),
    m("phút", NOT_COUNTED, 0),
    m("phường", GRADED, 0),
    m("phải", ENDS_NOUN, 0),
    m("phố", LABEL, 0),
    m("phục", ENDS_NOUN, 0),
    m("quan trắc", ACTS_ON, 0),
    m("quá", ENDS_NOUN, 0),
    m("quý", NOT_COUNTED | LABEL, 0),
    m("quốc gia", GRADE_LEVEL, 0),
    m("ra", ENDS_NOUN, 0),
    m("sáu", NUMERAL, 6),
    m("số", NOT_COUNTED | LABEL, 0),
    m("sử", ENDS_NOUN, 0),
    m("tham", ENDS_NOUN, 0),
    m("theo", ENDS_NOUN, 0),
    m("thu hút", DELIVERS, 0),
    m("thuộc", ENDS_NOUN, 0),
    m("thành lập", DELIVERS, 0),
    m("tháng", NOT_COUNTED | LABEL, 0),
    m("thứ", LABEL, 0),
    m("thứ hạng", RANK, 0),
    m("thực", ENDS_NOUN, 0),
    m("thực hiện", DELIVERS, 0),
    m("tiếp", ENDS_NOUN, 0),
    m("top", RANK, 0),
    m("triển", ENDS_NOUN, 0),
    m("triển khai", DELIVERS, 0),
    m("triệu", NOT_COUNTED | MONEY, 0),
    m("trong", ENDS_NOUN, 0),
    m("trên", AT_LEAST | ENDS_NOUN, 0),
    m("trăm", NOT_COUNTED | MONEY, 0),
    m("trường", GRADED, 0),
    m("trở lên", OR_MORE, 0),
    m("tuần", NOT_COUNTED, 0),
    m("tám", NUMERAL, 8),
    m("tại", ENDS_NOUN, 0),
    m("tối thiểu", AT_LEAST | BEFORE_COUNT, 0),
    m("tối đa", AT_MOST | BEFORE_COUNT, 0),
    m("tồn đọng", BACKLOG, 0),
    m("tổ", NOT_COUNTED | LABEL, 0),
    m("tổ chức", DELIVERS, 0),
    m("từ", ENDS_NOUN, 0),
    m("tỷ", NOT_COUNTED | MONEY, 0),
    m("và", ENDS_NOUN, 0),
    m("về", ENDS_NOUN, 0),
    m("vị trí", RANK, 0),
    m("với", ENDS_NOUN, 0),
    m("xong", DONE, 0),
    m("xây dựng", DELIVERS, 0),
    m("xã", GRADED, 0),
    m("xếp thứ", RANK, 0),
    m("ít nhất", AT_LEAST | BEFORE_COUNT, 0),
    m("đang", ENDS_NOUN | PAST | STATE, 0),
    m("điều", LABEL, 0),
    m("điểm", NOT_COUNTED, 0),
    m("đào tạo", DELIVERS, 0),
    m("đã", ENDS_NOUN | PAST | STATE, 0),
    m("đã được", PASSIVE, 0),
    m("đó", ENDS_NOUN, 0),
    m("đô thị", GRADED, 0),
    m("đăng ký", DELIVERS, 0),
    m("đơn vị", GRADED, 0),
    m("đưa", ENDS_NOUN, 0),
    m("được", ENDS_NOUN, 0),
    m("đạt", DELIVERS | REACHES, 0),
    m("đạt được", PAST | STATE, 0),
    m("đảm", ENDS_NOUN, 0),
    m("đến", ENDS_NOUN, 0),
    m("để", ENDS_NOUN, 0),
    m("đồng", NOT_COUNTED | MONEY, 0),
    m("ở", ENDS_NOUN, 0),
    m("ứng dụng", DELIVERS, 0),
    m("≤", AT_MOST, 0),
    m("≥", AT_LEAST, 0),
];

/// The words of every row carrying `flag`.
pub fn with(flag: u32) -> impl Iterator<Item = &'static str> {
    WORDS.iter().filter(move |w| w.has(flag)).map(|w| w.word)
}

/// Regex fragment: an alternation of the words carrying `flag`, longest first.
pub fn pattern(flag: u32) -> String {
    alternation(with(flag), false).replace(' ', r"\s+")
}

/// True when `word` (any case) is a row carrying `flag`.
pub fn is(word: &str, flag: u32) -> bool {
    let lower = word.to_lowercase();
    WORDS
        .iter()
        .any(|w| w.has(flag) && (w.word == lower || w.word == word))
}

/// The value of a number in words ("mười" → 10).
pub fn numeral(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    WORDS
        .iter()
        .find(|w| w.has(NUMERAL) && w.word == lower)
        .map(|w| w.value)
}

/// The flag names, for the examples.
const NAMES: [(u32, &str); 23] = [
    (AT_LEAST, "at_least"),
    (AT_MOST, "at_most"),
    (BEFORE_COUNT, "before_count"),
    (OR_MORE, "or_more"),
    (ECONOMY, "economy"),
    (NOT_COUNTED, "not_counted"),
    (MONEY, "money"),
    (LABEL, "label"),
    (DELIVERS, "delivers"),
    (ENDS_NOUN, "ends_noun"),
    (PAST, "past"),
    (STATE, "state"),
    (DONE, "done"),
    (PASSIVE, "passive"),
    (BACKLOG, "backlog"),
    (QUOTA, "quota"),
    (GRADED, "graded"),
    (GRADE, "grade"),
    (RANK, "rank"),
    (ACTS_ON, "acts_on"),
    (NUMERAL, "numeral"),
    (REACHES, "reaches"),
    (GRADE_LEVEL, "grade_level"),
];

/// The target word table for the lexicon checks.
pub struct MeasureTable;

impl Table for MeasureTable {
    fn name(&self) -> &'static str {
        "target words"
    }
    fn words(&self) -> Vec<&'static str> {
        WORDS.iter().map(|w| w.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        NAMES
            .iter()
            .map(|(f, n)| (*n, format!(r"(?i)\b(?:{})\b", pattern(*f))))
            .collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("ít nhất", "at_least before_count"),
            ("≤", "at_most"),
            ("ngày", "not_counted label"),
            ("tỷ", "not_counted money"),
            ("có", "delivers ends_noun"),
            ("đã", "ends_noun past state"),
            ("lắp đặt", "delivers acts_on"),
            ("mười", "numeral 10"),
            ("trường", "graded"),
            ("đạt", "delivers reaches"),
            ("quốc gia", "grade_level"),
            ("nhiệm vụ", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        let Some(row) = WORDS.iter().find(|w| w.word == phrase) else {
            return String::new();
        };
        let mut names: Vec<String> = NAMES
            .iter()
            .filter(|(f, _)| row.has(*f))
            .map(|(_, n)| n.to_string())
            .collect();
        if row.has(NUMERAL) {
            names.push(row.value.to_string());
        }
        names.join(" ")
    }
}
