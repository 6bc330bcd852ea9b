//! Words of issuing bodies and signers' positions, with how official names spell them.
//!
//! Letterheads and signature blocks are printed in capitals ("SỞ CÔNG THƯƠNG", "PHÓ CHỦ
//! TỊCH"); metadata writes them as names are written in running text ("Sở Công Thương",
//! "Phó Chủ tịch"). [`official_case`] does that by rule, reading this table: a body's head
//! word capitalises the name after it, an administrative level title-cases the place after
//! it, fixed names keep their own spelling. To add a word: one row, in byte order.

use super::Table;
use crate::text;

/// The head of a body or title: the next word starts the name, capitalised ("Sở" → "Sở Y tế").
pub const HEAD: u8 = 1;
/// A fixed name or position, spelled as given ("Chính phủ", "Công Thương", "Chủ tịch").
pub const NAME: u8 = 2;
/// An administrative level: the words after it are a place name ("tỉnh" → "tỉnh Bắc Ninh").
pub const LEVEL: u8 = 4;
/// A Party committee named by its place ("Tỉnh ủy" → "Tỉnh ủy Đắk Lắk").
pub const PLACE_NEXT: u8 = 8;
/// Opens an issuing body's line in a letterhead ("SỞ …", "ỦY BAN NHÂN DÂN …").
pub const ISSUER: u8 = 16;
/// A signer's or authority's position ("CHỦ TỊCH", "BỘ TRƯỞNG").
pub const POSITION: u8 = 32;

/// One word or phrase (lower case, NFC, new tone style) and its spelling in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Office {
    /// The phrase, lower case.
    pub key: &'static str,
    /// How a name spells it.
    pub spelling: &'static str,
    /// [`HEAD`], [`NAME`], [`LEVEL`], [`PLACE_NEXT`], [`ISSUER`], [`POSITION`].
    pub flags: u8,
}

const fn o(key: &'static str, spelling: &'static str, flags: u8) -> Office {
    Office {
        key,
        spelling,
        flags,
    }
}

/// Every row, sorted by bytes of the key, unique.
pub const OFFICES: &[Office] = &[
    o("ban", "Ban", HEAD | ISSUER),
    o("ban chỉ đạo", "Ban Chỉ đạo", NAME | ISSUER),
    o("bí thư", "Bí thư", NAME | POSITION),
    o("bộ", "Bộ", HEAD | ISSUER),
    o("bộ trưởng", "Bộ trưởng", NAME | POSITION),
    o("chi cục", "Chi cục", HEAD | ISSUER),
    o("chi cục trưởng", "Chi cục trưởng", NAME | POSITION),
    o("chánh thanh tra", "Chánh Thanh tra", NAME | POSITION),
    o("chánh văn phòng", "Chánh Văn phòng", NAME | POSITION),
    o("chính phủ", "Chính phủ", NAME | ISSUER),
    o("chủ nhiệm", "Chủ nhiệm", NAME | POSITION),
    o("chủ tịch", "Chủ tịch", NAME | POSITION),
    o("công an", "Công an", HEAD | ISSUER),
    o("công thương", "Công Thương", NAME),
    o("cục", "Cục", HEAD | ISSUER),
    o("cục trưởng", "Cục trưởng", NAME | POSITION),
    o("giám đốc", "Giám đốc", NAME | POSITION),
    o("huyện", "huyện", LEVEL),
    o("huyện ủy", "Huyện ủy", NAME | PLACE_NEXT | ISSUER),
    o("hội đồng nhân dân", "Hội đồng nhân dân", HEAD | ISSUER),
    o("mặt trận tổ quốc", "Mặt trận Tổ quốc", NAME),
    o("phòng", "Phòng", HEAD | ISSUER),
    o("phó", "Phó", HEAD),
    o("phường", "phường", LEVEL),
    o("quận", "quận", LEVEL),
    o("quốc hội", "Quốc hội", NAME),
    o("sở", "Sở", HEAD | ISSUER),
    o("thanh tra", "Thanh tra", HEAD | ISSUER),
    o("thành phố", "thành phố", LEVEL),
    o("thành ủy", "Thành ủy", NAME | PLACE_NEXT | ISSUER),
    o("thị trấn", "thị trấn", LEVEL),
    o("thị xã", "thị xã", LEVEL),
    o("thủ trưởng", "Thủ trưởng", NAME | POSITION),
    o("thủ tướng", "Thủ tướng", NAME | ISSUER | POSITION),
    o("thứ trưởng", "Thứ trưởng", NAME | POSITION),
    o("trung tâm", "Trung tâm", HEAD | ISSUER),
    o("trung ương", "Trung ương", NAME),
    o("trưởng ban", "Trưởng ban", NAME | POSITION),
    o("trưởng ban chỉ đạo", "Trưởng Ban Chỉ đạo", NAME | POSITION),
    o("trưởng phòng", "Trưởng phòng", NAME | POSITION),
    o("trưởng đoàn", "Trưởng đoàn", NAME | POSITION),
    o("tỉnh", "tỉnh", LEVEL),
    o("tỉnh ủy", "Tỉnh ủy", NAME | PLACE_NEXT | ISSUER),
    o("tổng cục", "Tổng cục", HEAD | ISSUER),
    o("tổng cục trưởng", "Tổng cục trưởng", NAME | POSITION),
    o("tổng giám đốc", "Tổng giám đốc", NAME | POSITION),
    o("viện", "Viện", HEAD | ISSUER),
    o("viện trưởng", "Viện trưởng", NAME | POSITION),
    o("việt nam", "Việt Nam", NAME),
    o("văn phòng", "Văn phòng", HEAD | ISSUER),
    o("vụ", "Vụ", HEAD | ISSUER),
    o("vụ trưởng", "Vụ trưởng", NAME | POSITION),
    o("xã", "xã", LEVEL),
    o("xã hội", "xã hội", 0),
    o("đảng bộ", "Đảng bộ", HEAD | ISSUER),
    o("đảng ủy", "Đảng ủy", HEAD | ISSUER),
    o("đặc khu", "đặc khu", LEVEL),
    o("ủy ban nhân dân", "Ủy ban nhân dân", HEAD | ISSUER),
];

/// The longest row whose key is the words starting at `words[i]`, and how many words.
fn row_at(words: &[String], i: usize) -> Option<(&'static Office, usize)> {
    (1..=5.min(words.len() - i)).rev().find_map(|n| {
        let phrase = words[i..i + n].join(" ");
        let phrase = phrase.trim_end_matches([',', ';']);
        OFFICES.iter().find(|o| o.key == phrase).map(|o| (o, n))
    })
}

fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A body's name or a position from capitals to its written form ("ỦY BAN NHÂN DÂN TỈNH
/// BẮC NINH" → "Ủy ban nhân dân tỉnh Bắc Ninh", "PHÓ CHỦ TỊCH" → "Phó Chủ tịch").
pub fn official_case(caps: &str) -> String {
    let expanded = crate::units::expand_abbreviations(caps);
    let lowered = text::fold_tones(&expanded.to_lowercase());
    let words: Vec<String> = lowered.split_whitespace().map(str::to_string).collect();
    let printed: Vec<&str> = expanded.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut cap_next = true;
    let mut i = 0;
    while i < words.len() {
        // A cited document keeps its kind's spelling and its number ("Quyết định số 12/QĐ-…").
        if let Some((cited, n)) = cited_at(&words, i) {
            out.push(cited.to_string());
            i += n;
            cap_next = false;
            continue;
        }
        if printed.len() == words.len() && printed[i].chars().any(|c| c.is_ascii_digit()) {
            out.push(printed[i].to_string());
            i += 1;
            cap_next = false;
            continue;
        }
        if let Some((row, n)) = row_at(&words, i) {
            let tail: String = words[i + n - 1]
                .chars()
                .rev()
                .take_while(|c| matches!(c, ',' | ';'))
                .collect();
            // A level is written in lower case inside a name ("Ủy ban nhân dân tỉnh …").
            let level_inside = row.flags & LEVEL != 0 && !out.is_empty();
            let spelled = if cap_next && !level_inside {
                capitalise(row.spelling)
            } else {
                row.spelling.to_string()
            };
            out.push(spelled + &tail);
            i += n;
            if row.flags & (LEVEL | PLACE_NEXT) != 0 && i < words.len() {
                // The rest is a place name: every word capitalised.
                out.extend(words[i..].iter().map(|w| capitalise(w)));
                break;
            }
            cap_next = row.flags & HEAD != 0 || !tail.is_empty();
            continue;
        }
        let w = &words[i];
        out.push(if cap_next {
            capitalise(w)
        } else {
            w.to_string()
        });
        // "Nông nghiệp và Môi trường", "Văn hóa, Thể thao", "Lao động - Thương binh".
        cap_next = w == "và" || w == "-" || w.ends_with(',');
        i += 1;
    }
    out.join(" ")
}

/// A kind's cited name at `words[i]` followed by "số", and how many words it takes.
fn cited_at(words: &[String], i: usize) -> Option<(&'static str, usize)> {
    super::kinds::KINDS.iter().find_map(|k| {
        let cited = text::fold_tones(&k.cited.to_lowercase());
        let n = cited.split_whitespace().count();
        let fits =
            words.len() > i + n && words[i..i + n].join(" ") == cited && words[i + n] == "số";
        fits.then_some((k.cited, n))
    })
}

fn first_row(line: &str) -> Option<&'static Office> {
    let expanded = crate::units::expand_abbreviations(line);
    let lowered = text::fold_tones(&expanded.to_lowercase());
    let words: Vec<String> = lowered.split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return None;
    }
    row_at(&words, 0).map(|(row, _)| row)
}

/// Administrative levels in capitals ("TỈNH", "THÀNH PHỐ"), as letterheads print them.
pub fn levels_in_capitals() -> Vec<String> {
    OFFICES
        .iter()
        .filter(|o| o.flags & LEVEL != 0)
        .map(|o| o.key.to_uppercase())
        .collect()
}

/// True when `line` is only a body's head, its name left to the line above ("VĂN PHÒNG").
pub fn is_bare_head(line: &str) -> bool {
    let expanded = crate::units::expand_abbreviations(line);
    let lowered = text::fold_tones(&expanded.to_lowercase());
    let words: Vec<String> = lowered.split_whitespace().map(str::to_string).collect();
    !words.is_empty()
        && row_at(&words, 0).is_some_and(|(r, n)| n == words.len() && r.flags & HEAD != 0)
}

/// True when `line` opens with an issuing body's head ("SỞ TÀI CHÍNH", "UBND TỈNH …").
pub fn opens_body(line: &str) -> bool {
    first_row(line).is_some_and(|r| r.flags & ISSUER != 0)
}

/// True when `line` opens with a position, deputies included ("PHÓ CHỦ TỊCH", "BỘ TRƯỞNG").
pub fn opens_position(line: &str) -> bool {
    let rest = line.trim();
    let upper = rest.to_uppercase();
    let rest = upper.strip_prefix("PHÓ ").unwrap_or(&upper);
    first_row(rest).is_some_and(|r| r.flags & POSITION != 0)
}

/// The table as the lexicon checks see it.
pub struct OfficeTable;

impl Table for OfficeTable {
    fn name(&self) -> &'static str {
        "offices"
    }
    fn words(&self) -> Vec<&'static str> {
        OFFICES.iter().map(|o| o.key).collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("UỶ BAN NHÂN DÂN TỈNH AN HOÀ", "Ủy ban nhân dân tỉnh An Hòa"),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC SƠN",
                "Ủy ban nhân dân thành phố Bắc Sơn",
            ),
            ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
            ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Bộ Khoa học và Công nghệ"),
            ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
            ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
            ("CỤC QUẢN LÝ THỊ TRƯỜNG", "Cục Quản lý thị trường"),
            ("ĐẢNG ỦY XÃ EA TÂN", "Đảng ủy xã Ea Tân"),
            ("TỈNH ỦY GIA BÌNH", "Tỉnh ủy Gia Bình"),
            ("VĂN PHÒNG TỈNH ỦY", "Văn phòng Tỉnh ủy"),
            (
                "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "Sở Lao động - Thương binh và Xã hội",
            ),
            ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
            ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
            ("THỨ TRƯỞNG", "Thứ trưởng"),
            ("PHÓ CỤC TRƯỞNG", "Phó Cục trưởng"),
            ("TRƯỞNG ĐOÀN", "Trưởng đoàn"),
            ("TRƯỞNG BAN CHỈ ĐẠO", "Trưởng Ban Chỉ đạo"),
            (
                "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 25/QĐ-SYT",
                "Đoàn kiểm tra theo Quyết định số 25/QĐ-SYT",
            ),
            ("BAN CHỈ ĐẠO 35", "Ban Chỉ đạo 35"),
            (
                "VĂN PHÒNG UBND TỈNH KIM LONG",
                "Văn phòng Ủy ban nhân dân tỉnh Kim Long",
            ),
            ("body? UBND TỈNH HÒA SƠN", "true"),
            ("body? SỞ NỘI VỤ", "true"),
            ("body? THỦ TƯỚNG CHÍNH PHỦ", "true"),
            ("body? KẾ HOẠCH", "false"),
            ("bare? VĂN PHÒNG", "true"),
            ("bare? VĂN PHÒNG CHÍNH PHỦ", "false"),
            ("bare? CHÍNH PHỦ", "false"),
            ("position? PHÓ GIÁM ĐỐC", "true"),
            ("position? BỘ TRƯỞNG BỘ NỘI VỤ", "true"),
            ("position? BỘ NỘI VỤ", "false"),
            ("position? TRIỂN KHAI THỰC HIỆN", "false"),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        if let Some(line) = phrase.strip_prefix("body? ") {
            return opens_body(line).to_string();
        }
        if let Some(line) = phrase.strip_prefix("bare? ") {
            return is_bare_head(line).to_string();
        }
        if let Some(line) = phrase.strip_prefix("position? ") {
            return opens_position(line).to_string();
        }
        official_case(phrase)
    }
}
