//! Organisational units in running text: who leads (chủ trì) and who supports (phối hợp).
//!
//! A unit phrase starts at a unit head word ("UBND", "Sở", "Phòng", "các cơ quan"…) and
//! runs until a verb, a clause boundary or the end of a parenthesis. The order in which the
//! lead is looked for follows the annotation guide: the unit itself ("Giao X", "X chủ trì",
//! "Đề nghị X", "(X)" at the end), then enclosing headings, then letter addressees.

use once_cell::sync::Lazy;
use regex::Regex;

/// Lead and supporting units found in one piece of text, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parties {
    /// Lead units (raw spelling).
    pub leads: Vec<String>,
    /// Supporting units (raw spelling).
    pub coordinators: Vec<String>,
}

/// Head words that open a unit name (case-sensitive: lower-case "ban" is not "Ban").
const HEADS: &str = concat!(
    r"UBND|UBMTTQ(?:VN)?|MTTQ(?:VN)?|HĐND|HĐNDND|Ủy ban|Uỷ ban|Hội đồng|Mặt trận|Sở|Phòng|Ban|",
    r"Văn phòng|VP|Trung tâm|Đoàn|Hội|Công an|Chi bộ|Chi cục|Cục|Tổ|Đảng ủy|Đảng uỷ|Đảng bộ|",
    r"Thường trực|Thường vụ|Kho bạc|Bảo hiểm|Trường|Bệnh viện|Trạm|Bộ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|",
    r"Thành ủy|Đài|Nhà [A-ZĐ]\p{L}*|Thủ trưởng|Chủ tịch|Giám đốc|Bí thư|Trưởng [a-zđ]|Viettel|VNPT|",
    r"Bưu điện|Hợp tác xã|Doanh nghiệp|Liên đoàn|Quân sự|Ban Chỉ huy|Cơ quan|Chính quyền"
);

/// Plural collectives: "các sở, ban, ngành", "mỗi cán bộ", "36 thôn, buôn".
const COLLECTIVE: &str = concat!(
    r"(?:[Cc]ác|[Mm]ỗi|[Tt]oàn thể|[Tt]ất cả các|\d+)\s+(?:đồng chí|sở|ban|ngành|cơ quan|đơn vị|xã|",
    r"phường|địa phương|chi bộ|tổ chức|đoàn thể|thôn|buôn|doanh nghiệp|hội|phòng|trường|",
    r"thành viên|cán bộ|đảng viên|hợp tác xã|Sở|Ban|Phòng|Doanh nghiệp|Hội|Chi bộ|Trung tâm|",
    r"Trường|Đoàn|UBND|Ủy ban|cấp ủy|tổ dân phố)"
);

/// Verbs and nouns that begin like a unit head word ("Tổ chức", "Ban hành").
static NOT_UNIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Tổ chức|Ban hành|Hội nghị|Hội thảo|Đoàn kết|Trường hợp|Bộ máy|Bộ phận|Phòng ngừa|Phòng chống|Sở hữu|Cục bộ|Trạm dừng|Công an ninh)(?:\s|,|$)").unwrap()
});

static UNIT_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"^(?:{HEADS}|{COLLECTIVE})(?:\b|\s|$)")).unwrap());

/// Words that end a unit phrase: verbs and adverbs that open the predicate.
const STOP_WORDS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "triển khai",
    "thực hiện",
    "tổ chức",
    "xây dựng",
    "căn cứ",
    "tham mưu",
    "khẩn trương",
    "tập trung",
    "rà soát",
    "chỉ đạo",
    "theo dõi",
    "hướng dẫn",
    "tiếp tục",
    "chịu trách nhiệm",
    "nghiên cứu",
    "có trách nhiệm",
    "cần",
    "phải",
    "quan tâm",
    "đẩy mạnh",
    "tăng cường",
    "nâng cao",
    "bố trí",
    "đảm bảo",
    "bảo đảm",
    "kiểm tra",
    "đôn đốc",
    "thường xuyên",
    "chủ động",
    "nghiêm túc",
    "quyết liệt",
    "phấn đấu",
    "hoàn thành",
    "hoàn thiện",
    "ban hành",
    "lập",
    "đề xuất",
    "báo cáo",
    "cung cấp",
    "làm",
    "là",
    "được",
    "thành lập",
    "duy trì",
    "sử dụng",
    "phát huy",
    "vận động",
    "tuyên truyền",
    "quán triệt",
    "lãnh đạo",
    "giám sát",
    "phát triển",
    "trình",
    "gửi",
    "tích cực",
    "sớm",
    "cập nhật",
    "số hóa",
    "ứng dụng",
    "xác định",
    "để",
    "theo",
    "với",
    "về",
    "tại",
    "trong",
    "đã",
    "đang",
    "sẽ",
    "cùng",
    "nhằm",
    "có",
    "chuẩn bị",
    "rà",
    "tiếp nhận",
    "giải quyết",
    "phổ biến",
    "đề nghị",
    "yêu cầu",
    "mở",
    "kịp thời",
    "hỗ trợ",
    "vào",
    "đối với",
    "tham gia",
    "đăng ký",
    "quản lý",
    "định kỳ",
    "hằng",
    "hàng",
    "khi",
    "nếu",
    "kết nối",
    "lồng ghép",
    "khảo sát",
    "điều chỉnh",
    "tổng hợp",
    "thống kê",
    "cử",
    "phân công",
    "tiến hành",
    "bám sát",
    "đánh giá",
    "thẩm định",
    "chấp hành",
    "đầu tư",
    "tuyên dương",
    "đổi mới",
    "trả",
    "tiếp cận",
    "xử lý",
    "nắm",
    "chi trả",
    "kêu gọi",
    "thu hút",
    "ký kết",
    "sắp xếp",
    "vận hành",
    "nâng cấp",
    "khai thác",
    "quảng bá",
    "bồi dưỡng",
    "đào tạo",
    "tập huấn",
    "hoàn tất",
    "chuyển",
    "thúc đẩy",
    "tháo gỡ",
    "dành",
    "ưu tiên",
    "xem xét",
    "chỉ",
    "nêu",
    "giữ",
    "tạo",
    "thống nhất",
    "biểu quyết",
    "ghi nhận",
    "kiểm điểm",
    "rút",
    "khắc phục",
    "của",
    "tìm",
    "giải đáp",
    "xin",
    "thảo luận",
    "hướng tới",
    "nhằm",
];

static STOP: Lazy<Regex> = Lazy::new(|| {
    let alts: Vec<String> = STOP_WORDS.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(r"^(?:{})(?:\s|$|[,.;:])", alts.join("|"))).unwrap()
});

/// Words a plural collective may carry after its head ("các cơ quan, đơn vị có liên quan",
/// "các tổ chức chính trị - xã hội xã"): anything else ends the phrase.
const COLLECTIVE_WORDS: &[&str] = &[
    "các",
    "cơ",
    "quan",
    "đơn",
    "vị",
    "sở",
    "ban",
    "ngành",
    "xã",
    "phường",
    "thị",
    "trấn",
    "tỉnh",
    "huyện",
    "thôn",
    "buôn",
    "tổ",
    "dân",
    "phố",
    "chức",
    "chính",
    "trị",
    "hội",
    "đoàn",
    "thể",
    "doanh",
    "nghiệp",
    "trường",
    "học",
    "liên",
    "có",
    "chuyên",
    "môn",
    "trực",
    "thuộc",
    "trên",
    "địa",
    "bàn",
    "sở",
    "cơ",
    "thành",
    "viên",
    "đồng",
    "chí",
    "cán",
    "bộ",
    "đảng",
    "công",
    "viên",
    "truyền",
    "thông",
    "phương",
    "hợp",
    "tác",
    "chi",
    "cấp",
    "ủy",
    "uỷ",
    "-",
    "–",
    "nhân",
    "lao",
    "động",
    "ngành",
    "cùng",
    "khác",
    "tư",
    "nhân",
    "y",
    "tế",
    "giáo",
    "dục",
    "bưu",
    "điện",
    "kinh",
    "tế",
    "tập",
    "thể",
    "và",
    "mặt",
    "trận",
    "quốc",
    "tổ",
    "chuyên",
    "trách",
    "của",
    "đặc",
    "khu",
];

/// Length in bytes of the unit phrase at the start of `s` (possibly several units joined by
/// commas or "và"), or `None` when `s` does not open with a unit.
///
/// Named units ("Sở Khoa học và Công nghệ") run until a verb or clause boundary; plural
/// collectives ("các cơ quan, đơn vị có liên quan") only take collective words and names.
pub fn unit_phrase_len(s: &str) -> Option<usize> {
    if !UNIT_START.is_match(s) || NOT_UNIT.is_match(s) {
        return None;
    }
    let mut collective = COLLECTIVE_START.is_match(s);
    let mut end = 0usize;
    let mut pos = 0usize;
    let mut words = 0;
    let mut prev_word = "";
    while pos < s.len() {
        let rest = &s[pos..];
        let c = rest.chars().next().unwrap();
        if matches!(c, ':' | ';' | '.' | '(' | ')' | '“' | '"' | '\n') {
            break;
        }
        if c == ',' {
            // A comma continues the phrase only when a unit or a collective noun follows.
            let after = rest[1..].trim_start();
            let w = after
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .next()
                .unwrap_or("");
            let cont = UNIT_START.is_match(after)
                || (!STOP.is_match(after)
                    && matches!(
                        w,
                        "ban"
                            | "ngành"
                            | "phường"
                            | "xã"
                            | "đơn"
                            | "đoàn"
                            | "buôn"
                            | "thôn"
                            | "hội"
                            | "cơ"
                            | "địa"
                            | "thị"
                            | "tổ"
                            | "đảng"
                            | "công"
                            | "viên"
                            | "đặc"
                    ));
            if !cont {
                break;
            }
            pos += 1;
            continue;
        }
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let wlen = rest
            .find(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ':' | ';' | '(' | ')' | '.'))
            .unwrap_or(rest.len())
            .max(c.len_utf8());
        let word = &rest[..wlen];
        let keeps_name = matches!(
            prev_word,
            "các"
                | "Các"
                | "mỗi"
                | "Mỗi"
                | "những"
                | "Ban"
                | "Tổ"
                | "Phòng"
                | "Sở"
                | "Hội"
                | "Đoàn"
                | "tâm"
                | "phòng"
        );
        if pos > 0 && (matches!(word, "các" | "Các") || word.chars().all(|ch| ch.is_ascii_digit()))
        {
            // "… và các cơ quan, đơn vị có liên quan", "…, 36 thôn, buôn".
            collective = true;
        } else if pos > 0 && word.starts_with(|ch: char| ch.is_uppercase()) {
            // A named unit inside a collective ("các thành viên Ban Chỉ đạo").
            collective = false;
        }
        if pos > 0 && !keeps_name {
            let lower = word.starts_with(|ch: char| ch.is_lowercase());
            if collective && words >= 2 && lower && !COLLECTIVE_WORDS.contains(&word) {
                break;
            }
            if STOP.is_match(rest) && !(collective && rest.starts_with("có liên quan")) {
                break;
            }
        }
        pos += word.len();
        end = pos;
        words += 1;
        prev_word = word;
        if words > 18 {
            break;
        }
        // After a level word ("xã", "phường") only a proper name may follow.
        if matches!(word, "xã" | "phường" | "tỉnh" | "huyện") {
            let next = s[pos..].trim_start();
            let lower_next = next.starts_with(|ch: char| ch.is_lowercase());
            if lower_next
                && !next.starts_with("hội")
                && !next.starts_with("trấn")
                && !next.starts_with("phường")
                && !next.starts_with("có liên quan")
                && !next.starts_with("và ")
            {
                break;
            }
        }
    }
    let phrase = s[..end].trim_end();
    if phrase.is_empty() {
        None
    } else {
        Some(phrase.len())
    }
}

static COLLECTIVE_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"^(?:{COLLECTIVE})")).unwrap());

static SPLIT_AND: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+và\s+").unwrap());

/// Lower-case spellings of unit heads accepted after "Giao" and "phối hợp với"
/// ("Giao phòng Văn hóa - Xã hội", "phối hợp với doanh nghiệp, hợp tác xã").
const LOOSE_HEADS: &[&str] = &[
    "phòng ",
    "sở ",
    "ban ",
    "văn phòng ",
    "trung tâm ",
    "công an ",
    "ủy ban ",
    "doanh nghiệp",
    "hợp tác xã",
    "đơn vị ",
    "cơ quan ",
    "sở, ngành",
    "nhà trường",
    "trường ",
];

/// Like [`unit_phrase_len`], also accepting lower-case heads where a verb has just
/// announced a unit.
fn unit_phrase_len_loose(s: &str) -> Option<usize> {
    if let Some(n) = unit_phrase_len(s) {
        return Some(n);
    }
    if !LOOSE_HEADS.iter().any(|h| s.starts_with(h)) {
        return None;
    }
    let mut cs = s.chars();
    let first = cs.next()?;
    let upper: String = first.to_uppercase().chain(cs).collect();
    if UNIT_START.is_match(&upper) && !NOT_UNIT.is_match(&upper) {
        let n = unit_phrase_len(&upper)?;
        return Some(n + s.len() - upper.len());
    }
    // Bare nouns ("doanh nghiệp, đơn vị truyền thông và kỹ thuật"): a collective phrase.
    let as_collective = format!("các {s}");
    let n = unit_phrase_len(&as_collective)?;
    Some(n.saturating_sub(4).min(s.len()))
}

/// Split a unit phrase into single units: at commas and "và" when a new unit head follows;
/// a trailing level word ("xã") applies to every bare abbreviation before it.
pub fn split_units(phrase: &str) -> Vec<String> {
    // A group of people named by office is one assignee.
    if phrase.starts_with("các đồng chí") || phrase.starts_with("Các đồng chí") {
        return vec![phrase.trim().to_string()];
    }
    let mut parts: Vec<String> = Vec::new();
    for piece in phrase.split(',') {
        let p = piece.trim();
        if p.is_empty() {
            continue;
        }
        if parts.is_empty() || UNIT_START.is_match(p) {
            parts.push(p.to_string());
        } else {
            let last = parts.last_mut().unwrap();
            last.push_str(", ");
            last.push_str(p);
        }
    }
    let mut out = Vec::new();
    for p in parts {
        // "X và Y" is two units when Y opens a unit, but "Văn phòng HĐND và UBND xã" and
        // "Sở Khoa học và Công nghệ" are one.
        let mut sub: Vec<String> = Vec::new();
        let mut last_end = 0;
        for m in SPLIT_AND.find_iter(&p) {
            let right = &p[m.end()..];
            let left = &p[last_end..m.start()];
            if UNIT_START.is_match(right)
                && !left.starts_with("Văn phòng")
                && !left.starts_with("VP")
            {
                sub.push(left.trim().to_string());
                last_end = m.end();
            }
        }
        sub.push(p[last_end..].trim().to_string());
        out.extend(sub.into_iter().filter(|s| !s.is_empty()));
    }
    distribute_level(out)
}

static LEVEL_TAIL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s(xã|phường|thị trấn|tỉnh|huyện|thành phố)$").unwrap());
static BARE_ABBR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Đảng ủy|Đảng uỷ|HĐND|UBND|Ủy ban MTTQ Việt Nam|UBMTTQ|MTTQ|Ủy ban MTTQ)$")
        .unwrap()
});

/// "Đảng ủy, HĐND, UBND xã" → each gets "xã".
fn distribute_level(units: Vec<String>) -> Vec<String> {
    let level = units
        .last()
        .and_then(|u| LEVEL_TAIL.captures(u).map(|c| c[1].to_string()));
    match level {
        Some(level) if units.len() > 1 => units
            .into_iter()
            .map(|u| {
                if BARE_ABBR.is_match(&u) {
                    format!("{u} {level}")
                } else {
                    u
                }
            })
            .collect(),
        _ => units,
    }
}

static GIAO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:^|[\s:;,.])(?:[Gg]iao(?: cho)?|[Đđ]ề nghị|[Yy]êu cầu|[Kk]ính đề nghị|[Pp]hân công)\s+",
    )
    .unwrap()
});
static COORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[Pp]hối hợp(?: chặt chẽ)?(?: với)\s+").unwrap());
static TRAILING_PAREN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\(([^()]{3,160})\)\s*[.;,]?\s*$").unwrap());
static CLAUSE_START: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|[:;.]\s+|\n)").unwrap());

/// Verbs after a subject that make the subject a lead ("X chủ trì", "X triển khai").
/// "chỉ đạo" is not among them: "Ban Chỉ đạo chỉ đạo các đơn vị" does not lead.
static LEAD_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^(?:chủ trì|phối hợp|triển khai|thực hiện|tổ chức|xây dựng|có trách nhiệm|chịu trách nhiệm|",
        r"tham mưu|khẩn trương|tập trung|rà soát|hướng dẫn|tiếp tục|cần|phải|nghiên cứu|quan tâm|",
        r"đẩy mạnh|tăng cường|nâng cao|bố trí|đảm bảo|bảo đảm|kiểm tra|đôn đốc|thường xuyên|chủ động|",
        r"nghiêm túc|quyết liệt|phấn đấu|hoàn thành|hoàn thiện|ban hành|đề xuất|theo dõi|căn cứ|",
        r"xem xét|lập|duy trì|phát huy|vận động|tuyên truyền|số hóa|ứng dụng|cập nhật|thành lập|",
        r"tích cực|sớm|định kỳ|rà|tiến hành|bám sát|đầu tư|cung cấp|chuẩn bị|giám sát|lãnh đạo|báo cáo|gửi|nộp|cử|lập)(?:\s|,|$)"
    ))
    .unwrap()
});

/// Find lead and supporting units named in `text` itself (one task or one heading).
pub fn parties_in(text: &str) -> Parties {
    let mut p = Parties::default();
    // "Giao X …", "Đề nghị X …", "Yêu cầu X …".
    for m in GIAO.find_iter(text) {
        let rest = &text[m.end()..];
        // Lower-case heads only after "Giao": "yêu cầu"/"đề nghị" are also common nouns.
        let is_giao = m
            .as_str()
            .trim_start_matches([' ', ':', ';', ',', '.'])
            .to_lowercase()
            .starts_with("giao");
        let len = if is_giao {
            unit_phrase_len_loose(rest)
        } else {
            unit_phrase_len(rest)
        };
        if let Some(len) = len {
            push_all(&mut p.leads, split_units(&rest[..len]));
        }
    }
    // Subjects at clause starts followed by a lead verb: "UBND phường chủ trì …".
    for m in CLAUSE_START.find_iter(text) {
        let rest = strip_marker_and_label(&text[m.end()..]);
        if let Some(len) = unit_phrase_len(rest) {
            let mut after = rest[len..].trim_start_matches([' ', ',']);
            // "X (sau đây gọi chung là …) tập trung thực hiện": skip the aside.
            if after.starts_with('(') {
                if let Some(close) = after.find(')') {
                    after = after[close + 1..].trim_start_matches([' ', ',']);
                }
            }
            // "X chủ trì …", or a unit label before the instruction ("Tổ giúp việc 125: …").
            if LEAD_VERB.is_match(after) || after.starts_with(':') {
                push_all(&mut p.leads, split_units(&rest[..len]));
            }
        }
    }
    // A trailing parenthesis naming units.
    if let Some(c) = TRAILING_PAREN.captures(text) {
        let inner = c[1].trim();
        if let Some(len) = unit_phrase_len(inner) {
            if len + 2 >= inner.len() {
                push_all(&mut p.leads, split_units(&inner[..len]));
            }
        }
    }
    // "phối hợp với Y": supporting units, never leads.
    for m in COORD.find_iter(text) {
        let rest = &text[m.end()..];
        if let Some(len) = unit_phrase_len_loose(rest) {
            let units = split_units(&rest[..len]);
            p.leads.retain(|l| !units.contains(l));
            push_all(&mut p.coordinators, units);
        }
    }
    p
}

/// True when a heading's text is only a unit name ("1. Phòng Văn hóa – Xã hội xã:").
pub fn heading_is_unit(text: &str) -> Option<Vec<String>> {
    let t = strip_marker_and_label(text)
        .trim()
        .trim_end_matches([':', '.', ';'])
        .trim();
    let len = unit_phrase_len(t)?;
    let rest = t[len..].trim();
    if rest.is_empty() || OF_PLACE.is_match(rest) {
        Some(split_units(t[..len].trim()))
    } else {
        None
    }
}

static OF_PLACE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:của|thuộc|trên địa bàn)\s+(?:UBND\s+)?(?:xã|phường|tỉnh|huyện|thị trấn)(?:\s+\p{Lu}\p{L}*)*$").unwrap()
});

static OF_UNIT: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i:nhiệm vụ)[^:;.]*?\bcủa\s+").unwrap());

/// A unit named as the owner of a task list: "Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm 2026".
pub fn owner_in_heading(text: &str) -> Option<Vec<String>> {
    let m = OF_UNIT.find(text)?;
    let rest = &text[m.end()..];
    let len = unit_phrase_len(rest)?;
    let phrase = rest[..len].trim_end();
    // Drop a trailing year phrase ("năm 2026").
    let phrase = phrase
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
        .trim_end_matches("năm")
        .trim_end();
    Some(split_units(phrase))
}

static LEADING_MARKER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[IVX]{1,5}[.)]\s*|\d{1,2}(?:\.\d{1,2})*[.)]?\s+|\(\d{1,2}\)\s*|[a-zđ]\)\s*|[-–+•]\s*)").unwrap()
});
static LABEL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[^:;.]{2,60}:\s+").unwrap());

/// Drop a list marker and a short topic label ("Số hóa hồ sơ, tài liệu: ").
fn strip_marker_and_label(s: &str) -> &str {
    let s = match LEADING_MARKER.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    };
    match LABEL.find(s) {
        Some(m) if !UNIT_START.is_match(s) => &s[m.end()..],
        _ => s,
    }
}

fn push_all(dst: &mut Vec<String>, src: Vec<String>) {
    for s in src {
        let s = s.trim().trim_end_matches([',', ';']).trim().to_string();
        if !s.is_empty() && !dst.contains(&s) {
            dst.push(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_phrases_end_at_the_verb() {
        let s = "các sở, ban, ngành, UBND các xã, phường căn cứ theo chức năng";
        let len = unit_phrase_len(s).unwrap();
        assert_eq!(&s[..len], "các sở, ban, ngành, UBND các xã, phường");
        assert_eq!(
            split_units(&s[..len]),
            vec!["các sở, ban, ngành", "UBND các xã, phường"]
        );
        let s = "Sở Khoa học và Công nghệ chủ trì, phối hợp";
        assert_eq!(
            &s[..unit_phrase_len(s).unwrap()],
            "Sở Khoa học và Công nghệ"
        );
    }

    #[test]
    fn giao_with_lead_and_coordinators() {
        let p = parties_in(
            "2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan:",
        );
        assert_eq!(p.leads, vec!["Sở Khoa học và Công nghệ"]);
        assert_eq!(p.coordinators, vec!["các đơn vị liên quan"]);
    }

    #[test]
    fn subject_with_lead_verb_and_trailing_parenthesis() {
        let p = parties_in("Số hóa hồ sơ, tài liệu: UBND phường chủ trì triển khai số hóa; Ban Chỉ đạo chỉ đạo các đơn vị kiểm tra.");
        assert_eq!(p.leads, vec!["UBND phường"]);
        let p = parties_in(
            "(3) Chủ trì xây dựng lộ trình đổi mới công nghệ (Sở Khoa học và Công nghệ).",
        );
        assert_eq!(p.leads, vec!["Sở Khoa học và Công nghệ"]);
    }

    #[test]
    fn level_word_is_distributed() {
        let len =
            unit_phrase_len("Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã tăng cường").unwrap();
        let units = split_units(&"Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã tăng cường"[..len]);
        assert_eq!(
            units,
            vec![
                "Đảng ủy xã",
                "HĐND xã",
                "UBND xã",
                "Ủy ban MTTQ Việt Nam xã"
            ]
        );
    }

    #[test]
    fn headings_that_are_units_and_owners() {
        assert_eq!(
            heading_is_unit("1. Phòng Văn hóa – Xã hội xã:"),
            Some(vec!["Phòng Văn hóa – Xã hội xã".to_string()])
        );
        assert_eq!(heading_is_unit("2. Triển khai hạ tầng số"), None);
        assert_eq!(
            owner_in_heading("2. Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm 2026"),
            Some(vec!["Ban Chỉ đạo".to_string()])
        );
    }

    #[test]
    fn mat_tran_and_organisations_split_at_va() {
        let p = parties_in("Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường đổi mới mạnh mẽ nội dung");
        assert_eq!(
            p.leads,
            vec![
                "Ủy ban Mặt trận Tổ quốc",
                "các tổ chức chính trị - xã hội phường"
            ]
        );
    }
}
