//! Official names: provinces, ministries and central bodies, provincial departments, Party
//! bodies and commune sub-units, and the abbreviations of unit names.
//!
//! These are official facts (the 2025 reorganisation: 34 provinces and centrally-run cities,
//! merged ministries and departments), with the former names documents still use. A unit
//! reader prefers the longest official name at a head, so names with commas, "và" or
//! verb-like words ("Sở Lao động, Thương binh và Xã hội", "Sở Giáo dục và Đào tạo") are
//! never cut. Names compare by [`crate::text::match_key`] (case, tone style and dashes).

use super::Table;
use crate::text::match_key;
use once_cell::sync::Lazy;
use std::collections::HashSet;

/// A province's name is in use today (one of the 34 after the 2025 merge).
pub const CURRENT: u8 = 1;
/// A former province's name, merged in 2025 but still seen in documents.
pub const FORMER: u8 = 2;

/// A province or centrally-run city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// The proper name, NFC ("Lào Cai", "Hồ Chí Minh").
    pub name: &'static str,
    /// [`CURRENT`] or [`FORMER`].
    pub flags: u8,
}

const fn p(name: &'static str, flags: u8) -> Province {
    Province { name, flags }
}

/// The provinces and centrally-run cities, current and former, sorted by bytes.
pub const PROVINCES: &[Province] = &[
    p("An Giang", CURRENT),
    p("Bà Rịa - Vũng Tàu", FORMER),
    p("Bình Dương", FORMER),
    p("Bình Phước", FORMER),
    p("Bình Thuận", FORMER),
    p("Bình Định", FORMER),
    p("Bạc Liêu", FORMER),
    p("Bắc Giang", FORMER),
    p("Bắc Kạn", FORMER),
    p("Bắc Ninh", CURRENT),
    p("Bến Tre", FORMER),
    p("Cao Bằng", CURRENT),
    p("Cà Mau", CURRENT),
    p("Cần Thơ", CURRENT),
    p("Gia Lai", CURRENT),
    p("Huế", CURRENT),
    p("Hà Giang", FORMER),
    p("Hà Nam", FORMER),
    p("Hà Nội", CURRENT),
    p("Hà Tĩnh", CURRENT),
    p("Hòa Bình", FORMER),
    p("Hưng Yên", CURRENT),
    p("Hải Dương", FORMER),
    p("Hải Phòng", CURRENT),
    p("Hậu Giang", FORMER),
    p("Hồ Chí Minh", CURRENT),
    p("Khánh Hòa", CURRENT),
    p("Kiên Giang", FORMER),
    p("Kon Tum", FORMER),
    p("Lai Châu", CURRENT),
    p("Long An", FORMER),
    p("Lào Cai", CURRENT),
    p("Lâm Đồng", CURRENT),
    p("Lạng Sơn", CURRENT),
    p("Nam Định", FORMER),
    p("Nghệ An", CURRENT),
    p("Ninh Bình", CURRENT),
    p("Ninh Thuận", FORMER),
    p("Phú Thọ", CURRENT),
    p("Phú Yên", FORMER),
    p("Quảng Bình", FORMER),
    p("Quảng Nam", FORMER),
    p("Quảng Ngãi", CURRENT),
    p("Quảng Ninh", CURRENT),
    p("Quảng Trị", CURRENT),
    p("Sóc Trăng", FORMER),
    p("Sơn La", CURRENT),
    p("Thanh Hóa", CURRENT),
    p("Thái Bình", FORMER),
    p("Thái Nguyên", CURRENT),
    p("Thừa Thiên Huế", FORMER),
    p("Tiền Giang", FORMER),
    p("Trà Vinh", FORMER),
    p("Tuyên Quang", CURRENT),
    p("Tây Ninh", CURRENT),
    p("Vĩnh Long", CURRENT),
    p("Vĩnh Phúc", FORMER),
    p("Yên Bái", FORMER),
    p("Điện Biên", CURRENT),
    p("Đà Nẵng", CURRENT),
    p("Đắk Lắk", CURRENT),
    p("Đắk Nông", FORMER),
    p("Đồng Nai", CURRENT),
    p("Đồng Tháp", CURRENT),
];

/// Official unit names without their locality ("Sở Y tế", not "Sở Y tế tỉnh Lào Cai"),
/// sorted by bytes. Spelling variants (hóa/hoá, "–"/"-") match through the key.
pub const NAMES: &[&str] = &[
    "Ban Chỉ huy Phòng thủ dân sự",
    "Ban Chỉ huy Quân sự",
    "Ban Dân tộc",
    "Ban Dân vận",
    "Ban Kinh tế - Ngân sách",
    "Ban Kinh tế - Xã hội",
    "Ban Nội chính",
    "Ban Pháp chế",
    "Ban Quản lý Khu kinh tế",
    "Ban Quản lý các khu công nghiệp",
    "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
    "Ban Quản lý dự án đầu tư xây dựng",
    "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp",
    "Ban Quản lý dự án đầu tư xây dựng công trình giao thông",
    "Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp và phát triển nông thôn",
    "Ban Quản lý dự án đầu tư xây dựng khu vực",
    "Ban Quản lý rừng phòng hộ",
    "Ban Quản lý rừng đặc dụng",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Đảng ủy",
    "Ban Tuyên giáo",
    "Ban Tuyên giáo và Dân vận",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Ban Tổ chức",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Văn hóa - Xã hội",
    "Ban Xây dựng Đảng",
    "Báo và Phát thanh, Truyền hình",
    "Bảo hiểm xã hội",
    "Bảo hiểm xã hội Việt Nam",
    "Bộ Chỉ huy Bộ đội Biên phòng",
    "Bộ Chỉ huy Quân sự",
    "Bộ Công Thương",
    "Bộ Công an",
    "Bộ Dân tộc và Tôn giáo",
    "Bộ Giao thông vận tải",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Khoa học và Công nghệ",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Ngoại giao",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Nội vụ",
    "Bộ Quốc phòng",
    "Bộ Thông tin và Truyền thông",
    "Bộ Tài chính",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Tư pháp",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Xây dựng",
    "Bộ Y tế",
    "Chi cục Kiểm lâm",
    "Chi cục Thú y",
    "Chi cục Thống kê",
    "Chi cục Thủy lợi",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Chi cục Trồng trọt và Bảo vệ thực vật",
    "Công an",
    "Cục Biến đổi khí hậu",
    "Cục Hải quan",
    "Cục Lâm nghiệp và Kiểm lâm",
    "Cục Quản lý thị trường",
    "Cục Quản lý đất đai",
    "Cục Thuế",
    "Cục Thống kê",
    "Hội Cựu chiến binh",
    "Hội Liên hiệp Phụ nữ",
    "Hội Nông dân",
    "Hội đồng nhân dân",
    "Kho bạc Nhà nước",
    "Kiểm toán Nhà nước",
    "Liên minh Hợp tác xã",
    "Liên đoàn Lao động",
    "Ngân hàng Chính sách xã hội",
    "Ngân hàng Nhà nước",
    "Ngân hàng Nhà nước Việt Nam",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Kinh tế",
    "Phòng Kinh tế - Hạ tầng",
    "Phòng Kinh tế - Hạ tầng và Đô thị",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Nội vụ",
    "Phòng Quản lý đô thị",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Tư pháp",
    "Phòng Văn hóa - Xã hội",
    "Phòng Văn hóa và Thông tin",
    "Quỹ Bảo vệ và Phát triển rừng",
    "Quỹ Phát triển đất",
    "Quỹ Đầu tư phát triển",
    "Sở Công Thương",
    "Sở Du lịch",
    "Sở Dân tộc và Tôn giáo",
    "Sở Giao thông vận tải",
    "Sở Giáo dục và Đào tạo",
    "Sở Khoa học và Công nghệ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Lao động, Thương binh và Xã hội",
    "Sở Ngoại vụ",
    "Sở Nông nghiệp và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Nội vụ",
    "Sở Quy hoạch - Kiến trúc",
    "Sở Thông tin và Truyền thông",
    "Sở Tài chính",
    "Sở Tài nguyên và Môi trường",
    "Sở Tư pháp",
    "Sở Văn hóa và Thể thao",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Xây dựng",
    "Sở Y tế",
    "Thanh tra Chính phủ",
    "Thanh tra tỉnh",
    "Thông tấn xã Việt Nam",
    "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
    "Trung tâm Khuyến nông",
    "Trung tâm Kiểm soát bệnh tật",
    "Trung tâm Phát triển quỹ đất",
    "Trung tâm Phục vụ hành chính công",
    "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
    "Trung tâm Y tế",
    "Tòa án nhân dân",
    "Tòa án nhân dân tối cao",
    "Tập đoàn Bưu chính Viễn thông Việt Nam",
    "Tập đoàn Công nghiệp - Viễn thông Quân đội",
    "Tập đoàn Dầu khí Việt Nam",
    "Tập đoàn Điện lực Việt Nam",
    "Viện kiểm sát nhân dân",
    "Viện kiểm sát nhân dân tối cao",
    "Văn phòng Chính phủ",
    "Văn phòng Chủ tịch nước",
    "Văn phòng HĐND và UBND",
    "Văn phòng Hội đồng nhân dân",
    "Văn phòng Quốc hội",
    "Văn phòng Trung ương Đảng",
    "Văn phòng Tỉnh ủy",
    "Văn phòng UBND",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân",
    "Văn phòng Đảng ủy",
    "Văn phòng Ủy ban nhân dân",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Đài Phát thanh và Truyền hình",
    "Đài Tiếng nói Việt Nam",
    "Đài Truyền hình Việt Nam",
    "Đảng ủy Chính quyền",
    "Đảng ủy các cơ quan Đảng",
    "Đảng ủy Ủy ban nhân dân",
    "Ủy ban Dân tộc",
    "Ủy ban Kiểm tra",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Ủy ban Kiểm tra Đảng ủy",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Ủy ban nhân dân",
];

/// Abbreviations of unit names and name parts and their full forms, sorted by bytes.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("BCHQS", "Ban Chỉ huy Quân sự"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("BQL", "Ban Quản lý"),
    ("BQLDA", "Ban Quản lý dự án"),
    ("CCB", "Cựu chiến binh"),
    ("CHQS", "Chỉ huy Quân sự"),
    ("CT-XH", "chính trị - xã hội"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("GTVT", "Giao thông vận tải"),
    ("HTX", "Hợp tác xã"),
    ("HĐND", "Hội đồng nhân dân"),
    ("KBNN", "Kho bạc Nhà nước"),
    ("KCN", "khu công nghiệp"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("KHĐT", "Kế hoạch và Đầu tư"),
    ("KKT", "Khu kinh tế"),
    ("KT-HT", "Kinh tế - Hạ tầng"),
    ("KT-HT&ĐT", "Kinh tế - Hạ tầng và Đô thị"),
    ("KTHT", "Kinh tế - Hạ tầng"),
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("NHCSXH", "Ngân hàng Chính sách xã hội"),
    ("NHNN", "Ngân hàng Nhà nước"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NNMT", "Nông nghiệp và Môi trường"),
    ("TC-KH", "Tài chính - Kế hoạch"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TNCS", "Thanh niên Cộng sản"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công"),
    ("TTTT", "Thông tin và Truyền thông"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("UBND", "Ủy ban nhân dân"),
    ("VH-XH", "Văn hóa - Xã hội"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("VHXH", "Văn hóa - Xã hội"),
    ("VP", "Văn phòng"),
    ("VPCP", "Văn phòng Chính phủ"),
];

/// A key under which spellings of one name compare equal: abbreviations written as words
/// expanded ("HĐND" → "Hội đồng nhân dân"), then [`match_key`] with the spaces around
/// dashes removed ("Văn hóa – Xã hội" = "văn hoá-xã hội").
pub fn name_key(s: &str) -> String {
    let expanded: String = if s.split_whitespace().any(|w| expansion(w).is_some()) {
        s.split_whitespace()
            .map(|w| expansion(w).unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        s.to_string()
    };
    match_key(&expanded)
        .replace(" - ", "-")
        .replace(" -", "-")
        .replace("- ", "-")
}

static NAME_KEYS: Lazy<HashSet<String>> = Lazy::new(|| NAMES.iter().map(|n| name_key(n)).collect());
static PROVINCE_KEYS: Lazy<HashSet<String>> =
    Lazy::new(|| PROVINCES.iter().map(|p| name_key(p.name)).collect());

/// Byte ends of the word prefixes of `s` (at most `max_words`), longest first; a word
/// ends at a space or before ",", ";", ":", "(" or ")".
fn word_ends(s: &str, max_words: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '*');
        if sep && in_word {
            ends.push(i);
            if ends.len() >= max_words {
                break;
            }
        }
        if matches!(c, ';' | ':' | '(' | ')' | '.' | '\n' | '*') {
            break;
        }
        in_word = !sep;
    }
    if in_word && ends.len() < max_words {
        ends.push(s.len());
    }
    ends.reverse();
    ends
}

/// The first token of a name key, up to a space or a dash: every key of a name written with
/// a given first word begins with it, so a prefix whose first word gives a token no name
/// begins with cannot be a name (this keeps the search from keying every word prefix).
fn first_token(key: &str) -> Option<&str> {
    key.split([' ', '-']).find(|t| !t.is_empty())
}

/// First tokens of every name and province key.
static FIRST_TOKENS: Lazy<HashSet<String>> = Lazy::new(|| {
    (NAME_KEYS.iter().chain(PROVINCE_KEYS.iter()))
        .filter_map(|k| first_token(k).map(str::to_string))
        .collect()
});

fn longest_in(s: &str, keys: &HashSet<String>, max_words: usize) -> Option<usize> {
    let mut seen: Option<(&str, bool)> = None;
    for e in word_ends(s, max_words) {
        let word = s[..e].split_whitespace().next().unwrap_or("");
        let may_start = match seen {
            Some((w, ok)) if w == word => ok,
            _ => {
                let key = name_key(word);
                let ok = first_token(&key).is_some_and(|t| FIRST_TOKENS.contains(t));
                seen = Some((word, ok));
                ok
            }
        };
        if may_start && keys.contains(&name_key(&s[..e])) {
            return Some(e);
        }
    }
    None
}

/// Length in bytes of the longest official name at the start of `s`
/// ("Sở Giáo dục và Đào tạo chủ trì" → the first 25 bytes), if any.
pub fn name_at(s: &str) -> Option<usize> {
    longest_in(s, &NAME_KEYS, 16)
}

/// Length in bytes of the province name at the start of `s` ("Lào Cai chủ trì" → 8).
pub fn province_at(s: &str) -> Option<usize> {
    longest_in(s, &PROVINCE_KEYS, 5)
}

/// The full form of an abbreviation ("UBND" → "Ủy ban nhân dân").
pub fn expansion(abbr: &str) -> Option<&'static str> {
    ABBREVIATIONS
        .binary_search_by(|(a, _)| a.as_bytes().cmp(abbr.as_bytes()))
        .ok()
        .map(|i| ABBREVIATIONS[i].1)
}

/// The gazetteer tables for the lexicon checks.
pub struct NameTable;

impl Table for NameTable {
    fn name(&self) -> &'static str {
        "gazetteer names"
    }
    fn words(&self) -> Vec<&'static str> {
        NAMES.to_vec()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "Sở Lao động, Thương binh và Xã hội chủ trì",
                "Sở Lao động, Thương binh và Xã hội",
            ),
            ("Sở Giáo dục và Đào tạo tỉnh", "Sở Giáo dục và Đào tạo"),
            (
                "Sở Văn hoá, Thể thao và Du lịch;",
                "Sở Văn hoá, Thể thao và Du lịch",
            ),
            ("Phòng Văn hóa – Xã hội xã", "Phòng Văn hóa – Xã hội"),
            ("Sở Y tế, Sở Tài chính", "Sở Y tế"),
            ("Sở Mỹ thuật", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        name_at(phrase)
            .map(|n| phrase[..n].to_string())
            .unwrap_or_default()
    }
}

/// The provinces for the lexicon checks.
pub struct ProvinceTable;

impl Table for ProvinceTable {
    fn name(&self) -> &'static str {
        "provinces"
    }
    fn words(&self) -> Vec<&'static str> {
        PROVINCES.iter().map(|p| p.name).collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("Lào Cai chủ trì", "Lào Cai"),
            ("Bà Rịa – Vũng Tàu,", "Bà Rịa – Vũng Tàu"),
            ("Khánh Hoà", "Khánh Hoà"),
            ("Tân Lập", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        province_at(phrase)
            .map(|n| phrase[..n].to_string())
            .unwrap_or_default()
    }
}

/// The abbreviations for the lexicon checks.
pub struct AbbreviationTable;

impl Table for AbbreviationTable {
    fn name(&self) -> &'static str {
        "abbreviations"
    }
    fn words(&self) -> Vec<&'static str> {
        ABBREVIATIONS.iter().map(|(a, _)| *a).collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("UBND", "Ủy ban nhân dân"),
            ("VH-XH", "Văn hóa - Xã hội"),
            ("TN&MT", "Tài nguyên và Môi trường"),
            ("XYZ", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        expansion(phrase).unwrap_or_default().to_string()
    }
}
