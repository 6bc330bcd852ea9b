//! Unit head words: the nouns that open the name of a unit, an office holder or a party.
//!
//! A unit phrase starts at a head ("Sở", "UBND", "Trung tâm", "Chủ tịch", "chủ đầu tư") or
//! at a collective ("các sở, ban, ngành", "từng trường"). Some words look like heads but
//! are not units ("Tổ chức", "Ban hành", "Trường hợp"): they carry [`NOT_UNIT`] and win over
//! the shorter head they begin with. To add a head: one row here, in byte order.

use super::Table;

/// Opens a unit name when written as here (case-sensitive: lower-case "ban" is not "Ban").
pub const UNIT: u8 = 1;
/// An office holder named by office ("Giám đốc Sở Y tế"): the assignee as written.
pub const PERSON: u8 = 2;
/// A party named by its role ("chủ đầu tư", "nhà thầu"): either case of the first letter.
pub const ROLE: u8 = 4;
/// Also accepted in lower case where a verb has just announced a unit ("Giao phòng …").
pub const LOOSE: u8 = 8;
/// Inside a name begun with this head, lower-case "đầu tư", "xây dựng", "phát triển" … are
/// words of the name ("Ban Quản lý dự án đầu tư xây dựng", "Quỹ Đầu tư phát triển").
pub const NAME_VERBS: u8 = 16;
/// A head only when the next word is capitalised ("Nhà Văn hóa", not "nhà ở").
pub const CAP_NEXT: u8 = 32;
/// Looks like a head but is not a unit ("Tổ chức", "Ban hành", "Hội nghị", "Bộ máy").
pub const NOT_UNIT: u8 = 64;
/// Needs a name after it: the next word belongs to the unit even when it is a verb
/// ("Ban chỉ đạo", "Hội đồng thẩm định"), unless it makes the subject lead ("Trung tâm chủ trì").
pub const NEEDS_NAME: u8 = 128;

/// One head word and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// The word as written (capitalised heads are case-sensitive), NFC.
    pub word: &'static str,
    /// [`UNIT`], [`PERSON`], [`ROLE`], [`LOOSE`], [`NAME_VERBS`], [`CAP_NEXT`], [`NOT_UNIT`],
    /// [`NEEDS_NAME`].
    pub flags: u8,
}

impl Head {
    /// True when the row carries `flag`.
    pub const fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

const fn h(word: &'static str, flags: u8) -> Head {
    Head { word, flags }
}

/// Every head word and homograph, sorted by bytes, unique.
pub const HEADS: &[Head] = &[
    h("Ban", UNIT | LOOSE | NEEDS_NAME),
    h("Ban Chỉ huy", UNIT),
    h("Ban Quản lý dự án", UNIT | NAME_VERBS),
    h("Ban hành", NOT_UNIT),
    h("Ban đầu", NOT_UNIT),
    h("Báo", UNIT),
    h("Báo chí", NOT_UNIT),
    h("Báo cáo", NOT_UNIT),
    h("Báo động", NOT_UNIT),
    h("Bí thư", PERSON),
    h("Bưu điện", UNIT),
    h("Bảo hiểm", UNIT),
    h("Bảo hiểm xã hội", UNIT | LOOSE),
    h("Bệnh viện", UNIT),
    h("Bộ", UNIT),
    h("Bộ Chỉ huy", UNIT),
    h("Bộ chỉ số", NOT_UNIT),
    h("Bộ công cụ", NOT_UNIT),
    h("Bộ luật", NOT_UNIT),
    h("Bộ máy", NOT_UNIT),
    h("Bộ phận", NOT_UNIT),
    h("Bộ tiêu chí", NOT_UNIT),
    h("Bộ trưởng", PERSON),
    h("Chi bộ", UNIT),
    h("Chi cục", UNIT | LOOSE | NEEDS_NAME),
    h("Chi nhánh", UNIT | LOOSE),
    h("Chi đoàn", UNIT),
    h("Chánh Thanh tra", PERSON),
    h("Chánh Văn phòng", PERSON),
    h("Chính quyền", UNIT | LOOSE),
    h("Chủ tịch", PERSON),
    h("Công an", UNIT | LOOSE),
    h("Công an ninh", NOT_UNIT),
    h("Công ty", UNIT | LOOSE | NAME_VERBS),
    h("Cơ quan", UNIT | LOOSE),
    h("Cảng vụ", UNIT),
    h("Cổng thông tin điện tử", UNIT),
    h("Cục", UNIT | LOOSE | NEEDS_NAME),
    h("Cục bộ", NOT_UNIT),
    h("Cục trưởng", PERSON),
    h("Doanh nghiệp", UNIT | LOOSE),
    h("EVN", UNIT),
    h("Giám đốc", PERSON),
    h("Hiệp hội", UNIT | LOOSE),
    h("Huyện ủy", UNIT),
    h("HĐND", UNIT),
    h("HĐNDND", UNIT),
    h("Hạt Kiểm lâm", UNIT),
    h("Hải quan", UNIT),
    h("Học viện", UNIT),
    h("Hội", UNIT | NEEDS_NAME),
    h("Hội nghị", NOT_UNIT),
    h("Hội thảo", NOT_UNIT),
    h("Hội viên", NOT_UNIT),
    h("Hội đồng", UNIT | NEEDS_NAME),
    h("Hợp tác xã", UNIT | LOOSE),
    h("Kho bạc", UNIT | LOOSE),
    h("Kiểm lâm", UNIT),
    h("Kiểm toán", UNIT),
    h("Kiểm toán viên", NOT_UNIT),
    h("Liên minh", UNIT),
    h("Liên đoàn", UNIT),
    h("MTTQ", UNIT),
    h("MTTQVN", UNIT),
    h("MobiFone", UNIT),
    h("Mặt trận", UNIT),
    h("Ngân hàng", UNIT | LOOSE),
    h("Ngân hàng đề", NOT_UNIT),
    h("Người đứng đầu", PERSON),
    h("Nhà", UNIT | CAP_NEXT),
    h("Phòng", UNIT | LOOSE | NEEDS_NAME),
    h("Phòng chống", NOT_UNIT),
    h("Phòng ngừa", NOT_UNIT),
    h("Phòng, chống", NOT_UNIT),
    h("Phó Chủ tịch", PERSON),
    h("Phó Giám đốc", PERSON),
    h("Phó Thủ tướng", PERSON),
    h("Quân sự", UNIT),
    h("Quỹ", UNIT | NAME_VERBS | NEEDS_NAME),
    h("Quỹ thời gian", NOT_UNIT),
    h("Quỹ đất", NOT_UNIT),
    h("Sở", UNIT | LOOSE | NEEDS_NAME),
    h("Sở hữu", NOT_UNIT),
    h("Thanh tra", UNIT | LOOSE),
    h("Thanh tra, kiểm tra", NOT_UNIT),
    h("Thuế", UNIT),
    h("Thuế suất", NOT_UNIT),
    h("Thành phố", UNIT),
    h("Thành uỷ", UNIT),
    h("Thành đoàn", UNIT),
    h("Thành ủy", UNIT),
    h("Thường trực", UNIT),
    h("Thường vụ", UNIT),
    h("Thủ trưởng", PERSON),
    h("Thủ tướng", PERSON),
    h("Toà án", UNIT),
    h("Trang thông tin điện tử", UNIT),
    h("Trung tâm", UNIT | LOOSE | NAME_VERBS | NEEDS_NAME),
    h("Trung tâm thương mại", NOT_UNIT),
    h("Trường", UNIT),
    h("Trường học", NOT_UNIT),
    h("Trường hợp", NOT_UNIT),
    h("Trưởng Ban", PERSON),
    h("Trưởng Công an", PERSON),
    h("Trưởng Phòng", PERSON),
    h("Trưởng ban", PERSON),
    h("Trưởng phòng", PERSON),
    h("Trưởng thôn", PERSON),
    h("Trưởng Đoàn", PERSON),
    h("Trưởng đoàn", PERSON),
    h("Trạm", UNIT),
    h("Trạm dừng", NOT_UNIT),
    h("Tòa án", UNIT),
    h("Tập đoàn", UNIT | LOOSE),
    h("Tỉnh", UNIT),
    h("Tỉnh uỷ", UNIT),
    h("Tỉnh đoàn", UNIT),
    h("Tỉnh ủy", UNIT),
    h("Tổ", UNIT | NEEDS_NAME),
    h("Tổ chức", NOT_UNIT),
    h("Tổ quốc", NOT_UNIT),
    h("Tổng Công ty", UNIT),
    h("Tổng Giám đốc", PERSON),
    h("Tổng công ty", UNIT | LOOSE | NAME_VERBS),
    h("Tổng cục", UNIT),
    h("Tổng giám đốc", PERSON),
    h("UBMTTQ", UNIT),
    h("UBMTTQVN", UNIT),
    h("UBND", UNIT),
    h("Uỷ ban", UNIT | LOOSE),
    h("VNPT", UNIT),
    h("VP", UNIT),
    h("Viettel", UNIT),
    h("Viện", UNIT | NEEDS_NAME),
    h("Viện Kiểm sát", UNIT),
    h("Viện dẫn", NOT_UNIT),
    h("Viện kiểm sát", UNIT),
    h("Viện phí", NOT_UNIT),
    h("Văn phòng", UNIT | LOOSE),
    h("Vườn quốc gia", UNIT),
    h("Vụ", UNIT),
    h("Vụ trưởng", PERSON),
    h("Vụ việc", NOT_UNIT),
    h("Vụ án", NOT_UNIT),
    h("chủ dự án", ROLE),
    h("chủ rừng", ROLE),
    h("chủ đầu tư", ROLE),
    h("lực lượng", LOOSE),
    h("nhà thầu", ROLE),
    h("nhà trường", LOOSE),
    h("nhà đầu tư", ROLE),
    h("sở, ngành", LOOSE),
    h("trường", LOOSE),
    h("tỉnh", UNIT | CAP_NEXT),
    h("Điện lực", UNIT),
    h("Đoàn", UNIT | NEEDS_NAME),
    h("Đoàn kết", NOT_UNIT),
    h("Đoàn viên", NOT_UNIT),
    h("Đài", UNIT),
    h("Đài tưởng niệm", NOT_UNIT),
    h("Đơn vị tính", NOT_UNIT),
    h("Đại học", UNIT),
    h("Đảng bộ", UNIT),
    h("Đảng uỷ", UNIT),
    h("Đảng ủy", UNIT),
    h("đơn vị", LOOSE),
    h("đơn vị thi công", ROLE),
    h("đơn vị tư vấn", ROLE),
    h("Ủy ban", UNIT | LOOSE),
];

/// A determiner that makes a collective of the noun after it ("các", "mỗi", "từng").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Determiner {
    /// The word, lower case, NFC.
    pub word: &'static str,
    /// [`DISTRIBUTIVE`] for "mỗi", "từng" (each one of them), else 0.
    pub flags: u8,
}

/// "mỗi", "từng": each member of the collective ("Từng trường, từng lớp phải …").
pub const DISTRIBUTIVE: u8 = 1;

const fn c(word: &'static str, flags: u8) -> Determiner {
    Determiner { word, flags }
}

/// Determiners of a collective, sorted by bytes (matched with either case of the first letter).
pub const DETERMINERS: &[Determiner] = &[
    c("các", 0),
    c("mỗi", DISTRIBUTIVE),
    c("những", 0),
    c("toàn thể", 0),
    c("tất cả các", 0),
    c("từng", DISTRIBUTIVE),
];

/// Nouns that make a collective of units after a determiner or a count ("các sở",
/// "mỗi hợp tác xã", "36 thôn"), sorted by bytes.
pub const COLLECTIVE_NOUNS: &[&str] = &[
    "Ban",
    "Bệnh viện",
    "Bộ",
    "Chi bộ",
    "Chi cục",
    "Công ty",
    "Cục",
    "Doanh nghiệp",
    "Hội",
    "Ngân hàng",
    "Phòng",
    "Sở",
    "Trung tâm",
    "Trường",
    "Tập đoàn",
    "Tổ công tác",
    "Tổng công ty",
    "UBND",
    "Vụ",
    "ban",
    "buôn",
    "bản",
    "bệnh viện",
    "bộ",
    "chi bộ",
    "chi cục",
    "chủ dự án",
    "chủ rừng",
    "chủ đầu tư",
    "cán bộ",
    "công chức",
    "công ty",
    "cơ quan",
    "cơ sở",
    "cơ sở giáo dục",
    "cơ sở kinh doanh",
    "cơ sở sản xuất",
    "cơ sở y tế",
    "cơ sở đào tạo",
    "cấp",
    "cấp ủy",
    "cục",
    "doanh nghiệp",
    "huyện",
    "hộ kinh doanh",
    "hội",
    "hội viên",
    "hợp tác xã",
    "khu dân cư",
    "lớp",
    "lực lượng",
    "ngành",
    "ngân hàng",
    "người lao động",
    "người đứng đầu",
    "nhà mạng",
    "nhà thầu",
    "nhà trường",
    "nhà đầu tư",
    "phòng",
    "phường",
    "quận",
    "sở",
    "thành phố",
    "thành viên",
    "thôn",
    "thị trấn",
    "thị xã",
    "trường",
    "trường học",
    "trạm y tế",
    "tập đoàn",
    "tỉnh",
    "tổ chức",
    "tổ công tác",
    "tổ dân phố",
    "tổ hợp tác",
    "tổng công ty",
    "viên chức",
    "vụ",
    "xã",
    "Đoàn",
    "Đảng ủy",
    "đoàn thể",
    "đoàn viên",
    "đơn vị",
    "đảng viên",
    "đảng ủy",
    "đặc khu",
    "địa phương",
    "đồng chí",
    "ấp",
    "Ủy ban",
];

/// Words a collective may carry after its noun ("các cơ quan, đơn vị có liên quan", "các tổ
/// chức chính trị - xã hội"); any other lower-case word ends the collective. Sorted by bytes.
pub const COLLECTIVE_WORDS: &[&str] = &[
    "-",
    "ban",
    "buôn",
    "bàn",
    "báo",
    "bưu",
    "bản",
    "bệnh",
    "bộ",
    "chi",
    "chuyên",
    "chí",
    "chính",
    "chức",
    "các",
    "cán",
    "có",
    "công",
    "cùng",
    "cơ",
    "cấp",
    "cục",
    "của",
    "doanh",
    "dân",
    "dục",
    "giáo",
    "huyện",
    "hàng",
    "học",
    "hộ",
    "hội",
    "hợp",
    "khu",
    "khác",
    "kinh",
    "lao",
    "liên",
    "lượng",
    "lớp",
    "lực",
    "môn",
    "mạng",
    "mặt",
    "mỗi",
    "nghiệp",
    "ngành",
    "ngân",
    "người",
    "nhà",
    "nhân",
    "năng",
    "phương",
    "phường",
    "phố",
    "quan",
    "quận",
    "quốc",
    "rừng",
    "sở",
    "thuộc",
    "thành",
    "thôn",
    "thông",
    "thầu",
    "thể",
    "thị",
    "truyền",
    "trách",
    "trên",
    "trường",
    "trạm",
    "trấn",
    "trận",
    "trị",
    "trực",
    "ty",
    "tác",
    "tư",
    "tại",
    "tập",
    "tế",
    "tỉnh",
    "tổ",
    "từng",
    "uỷ",
    "viên",
    "viễn",
    "viện",
    "và",
    "vị",
    "vụ",
    "xã",
    "y",
    "điện",
    "đoàn",
    "đơn",
    "đảng",
    "đầu",
    "đặc",
    "địa",
    "đồng",
    "động",
    "đứng",
    "ủy",
    "–",
];

/// Lower-case words that belong to a name begun with a [`NAME_VERBS`] head even though they
/// are also verbs ("Ban Quản lý dự án đầu tư xây dựng"), sorted by bytes.
pub const NAME_VERB_WORDS: &[&str] = &[
    "bảo tồn",
    "bảo vệ",
    "hỗ trợ",
    "phát triển",
    "xây dựng",
    "xúc tiến",
    "đào tạo",
    "đầu tư",
];

/// True when `s` starts with `w` as whole words (the next character is not a letter/digit).
pub fn starts_with_word(s: &str, w: &str) -> bool {
    s.strip_prefix(w)
        .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// `s` with its first letter in upper case ("chủ đầu tư" → "Chủ đầu tư").
pub fn upper_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The longest head row at the start of `s` (a homograph wins over the head it begins
/// with); [`ROLE`] rows also match with a capital first letter.
pub fn head_at(s: &str) -> Option<&'static Head> {
    HEADS
        .iter()
        .filter(|h| {
            starts_with_word(s, h.word)
                || (h.has(ROLE) && starts_with_word(s, &upper_first(h.word)))
        })
        .max_by_key(|h| h.word.len())
}

/// Length in bytes of the head that opens a unit at the start of `s`, or `None` when `s`
/// does not open with a unit head (or opens with a homograph such as "Tổ chức").
pub fn unit_head_len(s: &str) -> Option<usize> {
    let h = head_at(s)?;
    if h.has(NOT_UNIT) || !(h.has(UNIT) || h.has(PERSON) || h.has(ROLE)) {
        return None;
    }
    if h.has(CAP_NEXT) {
        let next = s[h.word.len()..].trim_start();
        if !next.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
    }
    Some(h.word.len())
}

/// The determiner at the start of `s` (either case of its first letter), whole words.
pub fn determiner_at(s: &str) -> Option<&'static Determiner> {
    DETERMINERS
        .iter()
        .filter(|d| starts_with_word(s, d.word) || starts_with_word(s, &upper_first(d.word)))
        .max_by_key(|d| d.word.len())
}

/// Length of a collective opening `s` ("các sở", "Từng trường", "36 thôn") up to the end of
/// its noun, and whether it is distributive ("mỗi", "từng").
pub fn collective_at(s: &str) -> Option<(usize, bool)> {
    let (det_len, distributive) = match determiner_at(s) {
        Some(d) => (d.word.len(), d.has_distributive()),
        None => {
            let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            if digits == 0 {
                return None;
            }
            (digits, false)
        }
    };
    let rest = &s[det_len..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 {
        return None;
    }
    let rest = &rest[gap..];
    let noun = COLLECTIVE_NOUNS
        .iter()
        .filter(|n| starts_with_word(rest, n))
        .max_by_key(|n| n.len())?;
    Some((det_len + gap + noun.len(), distributive))
}

impl Determiner {
    /// True for "mỗi" and "từng".
    pub const fn has_distributive(&self) -> bool {
        self.flags & DISTRIBUTIVE != 0
    }
}

/// True when `s` opens with a unit: a head (not a homograph) or a collective.
pub fn opens_unit(s: &str) -> bool {
    unit_head_len(s).is_some() || (head_at(s).is_none() && collective_at(s).is_some())
}

/// The head that opens a name whose lower-case verb-like words belong to it, if `name`
/// begins with one ("Ban Quản lý dự án …", "Trung tâm …", "Quỹ …").
pub fn keeps_name_verbs(name: &str) -> bool {
    HEADS
        .iter()
        .any(|h| h.has(NAME_VERBS) && starts_with_word(name, h.word))
}

/// The head tables for the lexicon checks.
pub struct HeadTable;

impl Table for HeadTable {
    fn name(&self) -> &'static str {
        "heads"
    }
    fn words(&self) -> Vec<&'static str> {
        HEADS.iter().map(|h| h.word).collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("Sở Y tế chủ trì", "unit"),
            ("Thanh tra tỉnh", "unit"),
            ("Chủ tịch UBND xã", "person"),
            ("chủ đầu tư dự án", "role"),
            ("Nhà thầu thi công", "role"),
            ("Nhà Văn hóa thôn", "unit"),
            ("Nhà ở xã hội", ""),
            ("Tổ chức hội nghị", ""),
            ("Trường hợp cần thiết", ""),
            ("Ban hành kế hoạch", ""),
            ("Bộ máy tổ chức", ""),
            ("các sở, ban, ngành", "collective"),
            ("Từng trường, từng lớp", "collective distributive"),
            ("36 thôn, buôn", "collective"),
            ("các nội dung", ""),
            ("Ban Quản lý dự án đầu tư xây dựng", "unit name_verbs"),
            ("tỉnh Hòa Bình cần", "unit"),
            ("tỉnh có nhiều dự án", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        let mut out = Vec::new();
        if unit_head_len(phrase).is_some() {
            let h = head_at(phrase).unwrap();
            out.push(if h.has(PERSON) {
                "person"
            } else if h.has(ROLE) {
                "role"
            } else {
                "unit"
            });
            if h.has(NAME_VERBS) {
                out.push("name_verbs");
            }
        } else if let Some((_, distributive)) = collective_at(phrase).filter(|_| opens_unit(phrase))
        {
            out.push("collective");
            if distributive {
                out.push("distributive");
            }
        }
        out.join(" ")
    }
}

/// The collective tables for the lexicon checks.
pub struct CollectiveTable;

impl Table for CollectiveTable {
    fn name(&self) -> &'static str {
        "collectives"
    }
    fn words(&self) -> Vec<&'static str> {
        COLLECTIVE_NOUNS.to_vec()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("các cấp", "các cấp"),
            ("mỗi hợp tác xã", "mỗi hợp tác xã"),
            ("tất cả các đơn vị", "tất cả các đơn vị"),
            ("các nội dung", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        collective_at(phrase)
            .map(|(n, _)| phrase[..n].to_string())
            .unwrap_or_default()
    }
}

/// The collective's determiners for the lexicon checks.
pub struct DeterminerTable;

impl Table for DeterminerTable {
    fn name(&self) -> &'static str {
        "determiners"
    }
    fn words(&self) -> Vec<&'static str> {
        DETERMINERS.iter().map(|d| d.word).collect()
    }
}

/// The words a collective carries, for the lexicon checks.
pub struct CollectiveWordTable;

impl Table for CollectiveWordTable {
    fn name(&self) -> &'static str {
        "collective_words"
    }
    fn words(&self) -> Vec<&'static str> {
        COLLECTIVE_WORDS.to_vec()
    }
}

/// The verb-like name words, for the lexicon checks.
pub struct NameVerbTable;

impl Table for NameVerbTable {
    fn name(&self) -> &'static str {
        "name_verbs"
    }
    fn words(&self) -> Vec<&'static str> {
        NAME_VERB_WORDS.to_vec()
    }
}
