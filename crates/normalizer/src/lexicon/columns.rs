//! Column headings of task tables ("Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian
//! hoàn thành"): which word in a heading cell says what the column holds.
//!
//! A heading cell is matched by the first row whose word it contains (rows are tried
//! longest first, so "phối hợp" is found before "thực hiện"). To support a new column
//! heading, add one row here, in byte order.

use super::Table;

/// What a task-table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Row number or list marker ("TT", "STT").
    Number,
    /// The activity or duty ("Nội dung", "Nhiệm vụ", "Hoạt động").
    Content,
    /// Lead units or persons ("Cơ quan chủ trì", "Người thực hiện").
    Lead,
    /// Supporting units ("Đơn vị phối hợp").
    Coordinator,
    /// Due date or period ("Thời gian hoàn thành", "Tiến độ").
    Time,
    /// Expected product or output ("Sản phẩm", "Kết quả").
    Product,
    /// Remarks ("Ghi chú").
    Note,
}

/// One heading word and the column it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnWord {
    /// The word, lower case, NFC.
    pub word: &'static str,
    /// The column it names.
    pub column: Column,
}

const fn c(word: &'static str, column: Column) -> ColumnWord {
    ColumnWord { word, column }
}

/// Every heading word, sorted by bytes, unique.
pub const COLUMN_WORDS: &[ColumnWord] = &[
    c("chỉ tiêu", Column::Content),
    c("chủ trì", Column::Lead),
    c("ghi chú", Column::Note),
    c("hoạt động", Column::Content),
    c("hạn hoàn thành", Column::Time),
    c("kết quả", Column::Product),
    c("người thực hiện", Column::Lead),
    c("nhiệm vụ", Column::Content),
    c("nội dung", Column::Content),
    c("phối hợp", Column::Coordinator),
    c("phụ trách", Column::Lead),
    c("stt", Column::Number),
    c("sản phẩm", Column::Product),
    c("thời gian", Column::Time),
    c("thời hạn", Column::Time),
    c("tiến độ", Column::Time),
    c("tt", Column::Number),
    c("đơn vị thực hiện", Column::Lead),
];

/// The column a heading cell names, or `None` when it names none of them. A cell that is
/// only "TT"/"STT" is the number column; other words are looked for anywhere in the cell.
pub fn column_of(cell: &str) -> Option<Column> {
    let lower = cell
        .trim()
        .trim_matches(|ch: char| ch == '*' || ch == '|')
        .trim()
        .to_lowercase();
    if lower == "tt" || lower == "stt" {
        return Some(Column::Number);
    }
    let mut words: Vec<&ColumnWord> = COLUMN_WORDS.iter().filter(|w| w.word.len() > 3).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
    // "Nhiệm vụ" inside "Cơ quan chủ trì thực hiện nhiệm vụ" must not win over "chủ trì":
    // the earliest-placed word of the cell decides among those found.
    words
        .iter()
        .filter_map(|w| lower.find(w.word).map(|at| (at, w.column)))
        .min_by_key(|&(at, _)| at)
        .map(|(_, col)| col)
}

/// Words that open a time cell ("Quý III/2026", "Thường xuyên", "Hằng năm"): a line of an
/// unseparated table that starts with one of them belongs to the time column.
pub const TIME_CELL_OPENERS: &[&str] = &[
    "cả năm",
    "hàng năm",
    "hàng quý",
    "hàng tháng",
    "hằng năm",
    "hằng quý",
    "hằng tháng",
    "liên tục",
    "năm",
    "quý",
    "sau khi",
    "tháng",
    "thường xuyên",
    "trong",
    "trước",
    "tuần",
    "từ",
    "đến",
    "định kỳ",
];

/// True when a table line reads as a time cell.
pub fn is_time_cell(line: &str) -> bool {
    let t = line.trim();
    let lower = super::lower_first(t);
    let starts_year =
        t.starts_with("20") && t.bytes().take(4).filter(u8::is_ascii_digit).count() == 4;
    starts_year
        || TIME_CELL_OPENERS.iter().any(|w| {
            lower.starts_with(w)
                && lower[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphabetic())
        }) && t.chars().count() <= 60
}

/// The time-cell openers for the lexicon checks.
pub struct TimeCellTable;

impl Table for TimeCellTable {
    fn name(&self) -> &'static str {
        "time cell openers"
    }
    fn words(&self) -> Vec<&'static str> {
        TIME_CELL_OPENERS.to_vec()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("Quý III, IV/2026", "time"),
            ("Thường xuyên", "time"),
            ("2026-2027", "time"),
            ("Hằng năm", "time"),
            ("Quyết định của UBND tỉnh", ""),
            ("Sở Tài chính", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        if is_time_cell(phrase) { "time" } else { "" }.to_string()
    }
}

/// The column table for the lexicon checks.
pub struct ColumnTable;

impl Table for ColumnTable {
    fn name(&self) -> &'static str {
        "columns"
    }
    fn words(&self) -> Vec<&'static str> {
        COLUMN_WORDS.iter().map(|w| w.word).collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("**TT**", "Number"),
            ("Nội dung/nhiệm vụ", "Content"),
            ("Cơ quan chủ trì", "Lead"),
            ("Đơn vị phối hợp", "Coordinator"),
            ("Thời gian thực hiện", "Time"),
            ("Thời hạn hoàn thành", "Time"),
            ("Người thực hiện", "Lead"),
            ("Sản phẩm", "Product"),
            ("Ghi chú", "Note"),
            ("Đơn vị thực hiện", "Lead"),
            ("Ngày ký", "None"),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        column_of(phrase).map_or("None".to_string(), |c| format!("{c:?}"))
    }
}
