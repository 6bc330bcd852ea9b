//! Document kinds (state form of NĐ 30/2020, Party form of HD 36-HD/VPTW) as data.
//!
//! One row per kind line as a header prints it ("KẾ HOẠCH"), with the kind's number codes
//! ("KH" in "146/KH-UBND", "TB" in "09-TB/VPTU"), its cited spelling ("Kế hoạch số …") and
//! the [`DocKind`] it maps to. To add a kind: one row here, in byte order of the title.

use super::Table;
use nhiemvu_model::DocKind;

/// One document kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The kind line in capitals, NFC ("KẾ HOẠCH").
    pub title: &'static str,
    /// How the text cites it ("Kế hoạch").
    pub cited: &'static str,
    /// Codes in the number and symbol (state and Party forms).
    pub codes: &'static [&'static str],
    /// What it maps to.
    pub kind: DocKind,
    /// A compound line ("THÔNG BÁO KẾT LUẬN"): a kind line only when the whole line.
    pub compound: bool,
}

const fn k(
    title: &'static str,
    cited: &'static str,
    codes: &'static [&'static str],
    kind: DocKind,
) -> Kind {
    Kind {
        title,
        cited,
        codes,
        kind,
        compound: false,
    }
}

const fn compound(title: &'static str, cited: &'static str, kind: DocKind) -> Kind {
    Kind {
        title,
        cited,
        codes: &[],
        kind,
        compound: true,
    }
}

/// Every kind, sorted by the bytes of its title, unique.
pub const KINDS: &[Kind] = &[
    k("BIÊN BẢN", "Biên bản", &["BB"], DocKind::BienBan),
    k("BÁO CÁO", "Báo cáo", &["BC"], DocKind::BaoCao),
    k(
        "CHƯƠNG TRÌNH",
        "Chương trình",
        &["CTr"],
        DocKind::ChuongTrinh,
    ),
    compound(
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        "Chương trình hành động",
        DocKind::ChuongTrinh,
    ),
    k("CHỈ THỊ", "Chỉ thị", &["CT"], DocKind::ChiThi),
    k("CÔNG VĂN", "Công văn", &["CV"], DocKind::CongVan),
    k("CÔNG ĐIỆN", "Công điện", &["CĐ"], DocKind::CongDien),
    k("GIẤY MỜI", "Giấy mời", &["GM"], DocKind::GiayMoi),
    k("HƯỚNG DẪN", "Hướng dẫn", &["HD"], DocKind::HuongDan),
    k("KẾ HOẠCH", "Kế hoạch", &["KH"], DocKind::KeHoach),
    compound("KẾ HOẠCH HÀNH ĐỘNG", "Kế hoạch hành động", DocKind::KeHoach),
    k("KẾT LUẬN", "Kết luận", &["KL"], DocKind::KetLuan),
    k("LUẬT", "Luật", &[], DocKind::Luat),
    k("NGHỊ QUYẾT", "Nghị quyết", &["NQ"], DocKind::NghiQuyet),
    k("NGHỊ ĐỊNH", "Nghị định", &["NĐ"], DocKind::NghiDinh),
    k("PHƯƠNG ÁN", "Phương án", &["PA"], DocKind::PhuongAn),
    k("QUY CHẾ", "Quy chế", &["QC"], DocKind::QuyChe),
    k("QUY ĐỊNH", "Quy định", &["QyĐ"], DocKind::QuyDinh),
    k("QUYẾT ĐỊNH", "Quyết định", &["QĐ"], DocKind::QuyetDinh),
    k("THÔNG BÁO", "Thông báo", &["TB"], DocKind::ThongBao),
    compound(
        "THÔNG BÁO KẾT LUẬN",
        "Thông báo kết luận",
        DocKind::ThongBao,
    ),
    k("THÔNG TƯ", "Thông tư", &["TT"], DocKind::ThongTu),
    k("TỜ TRÌNH", "Tờ trình", &["TTr"], DocKind::ToTrinh),
    k("ĐỀ ÁN", "Đề án", &["ĐA"], DocKind::DeAn),
];

/// The kind whose title is the whole of `line` (capitals, spaces collapsed).
pub fn by_title(line: &str) -> Option<&'static Kind> {
    let line = squeeze(line);
    KINDS.iter().find(|k| k.title == line)
}

/// The kind whose (non-compound) title opens `line`, and the rest of the line
/// ("KẾ HOẠCH NÂNG CAO NĂNG LỰC …" → Kế hoạch, "NÂNG CAO NĂNG LỰC …"). Longest title wins.
pub fn title_prefix(line: &str) -> Option<(&'static Kind, String)> {
    let line = squeeze(line);
    KINDS
        .iter()
        .filter(|k| !k.compound)
        .filter(|k| {
            line.strip_prefix(k.title)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
        .max_by_key(|k| k.title.len())
        .map(|k| (k, line[k.title.len()..].trim().to_string()))
}

/// The kind a cited word names ("Kế hoạch số …", "kế hoạch hành động"). Longest wins.
pub fn by_cited(word: &str) -> Option<&'static Kind> {
    let w = word.trim().to_lowercase();
    KINDS
        .iter()
        .filter(|k| {
            let c = k.cited.to_lowercase();
            w.strip_prefix(&c)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
        .max_by_key(|k| k.cited.len())
}

/// The kind a number's code names ("KH" → Kế hoạch, "CĐ" → Công điện).
pub fn by_code(code: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.codes.contains(&code))
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Regex alternation of every kind's cited spelling, longest first, first letter in either
/// case ("[Kk]ế hoạch hành động|…|[Ll]uật"), for citations in running text.
pub fn cited_pattern() -> String {
    super::alternation(KINDS.iter().map(|k| k.cited), false)
}

/// The table as the lexicon checks see it.
pub struct KindTable;

impl Table for KindTable {
    fn name(&self) -> &'static str {
        "kinds"
    }
    fn words(&self) -> Vec<&'static str> {
        KINDS.iter().map(|k| k.title).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![("cited", cited_pattern())]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("KẾ HOẠCH", "title KeHoach"),
            ("THÔNG BÁO  KẾT LUẬN", "title ThongBao"),
            ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ SỐ", "prefix KeHoach"),
            ("CÔNG ĐIỆN VỀ VIỆC KHẨN TRƯƠNG", "prefix CongDien"),
            ("QUYẾT ĐỊNHBAN HÀNH", ""),
            ("code CĐ", "code CongDien"),
            ("code QĐ", "code QuyetDinh"),
            ("code UBND", ""),
            ("cited Kế hoạch hành động", "cited KeHoach"),
            ("cited Nghị định", "cited NghiDinh"),
            ("cited Luật Đất đai", "cited Luat"),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        if let Some(code) = phrase.strip_prefix("code ") {
            return by_code(code).map_or(String::new(), |k| format!("code {:?}", k.kind));
        }
        if let Some(word) = phrase.strip_prefix("cited ") {
            return by_cited(word).map_or(String::new(), |k| format!("cited {:?}", k.kind));
        }
        if let Some(k) = by_title(phrase) {
            return format!("title {:?}", k.kind);
        }
        title_prefix(phrase).map_or(String::new(), |(k, _)| format!("prefix {:?}", k.kind))
    }
}
