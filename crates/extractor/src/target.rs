//! Targets: measurable values a task commits to (annotation guide §5).
//!
//! Percentages ("ít nhất 50%", "30% GRDP trở lên", "80-90%"), ranks ("top 10/102"), counts
//! of things to do ("03 nhiệm vụ", "ít nhất một công trình"), levels ("đô thị loại 5") and
//! KPI table cells ("≥ 1,0% GRDP", "Có"). Numbers are read in Vietnamese notation.
//! Statistics of the past ("đạt 94,97%", "4.796/5.050 hồ sơ", "23 nhiệm vụ đã … hoàn thành")
//! are not targets.

use nhiemvu_model::{Comparator, Target};
use nhiemvu_normalizer::lexicon::{alternation, verbs};
use nhiemvu_normalizer::numbers::parse_vn_number;
use once_cell::sync::Lazy;
use regex::Regex;

const NUM: &str = r"\d+(?:[.,]\d+)*";

static PERCENT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(ít nhất|tối thiểu|tối đa|không quá|không dưới|không thấp hơn|trên|dưới|≥|≤|>=|<=|>|<)\s*)?({NUM})(?:\s*[-–]\s*({NUM}))?\s*%(?:\s+(GRDP|GDP))?(\s+trở lên)?"
    ))
    .unwrap()
});
static RANK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)(?:top|xếp thứ|thứ hạng|vị trí)\s+(\d+)\s*/\s*(\d+)").unwrap());
static LEVEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(đô thị|trường|xã|phường|đơn vị|bệnh viện)\s+(?:đạt\s+)?(loại|hạng|chuẩn)\s+(\d+|[IVX]+|quốc gia)\b").unwrap()
});
static COUNT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?:(ít nhất|tối thiểu|tối đa|không quá)\s+)?\b(\d{1,3}(?:\.\d{3})*|một|hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+(\p{L}+(?:\s+\p{L}+){0,3})",
    )
    .unwrap()
});

/// Nouns that count time, documents or dates, not things to deliver.
const NOT_COUNTED: &[&str] = &[
    "ngày", "tháng", "năm", "giờ", "tuần", "quý", "phút", "lần", "số", "khâu", "điểm", "tổ", "cấp",
    "giai", "người", "đồng", "triệu", "tỷ", "nghìn", "trăm",
];
/// Money words: a sum is a target only with a comparator ("ít nhất 1.500 tỷ đồng").
const MONEY: &[&str] = &["nghìn", "triệu", "trăm", "tỷ", "đồng"];
/// Words after which a number is a label ("ngày 03", "thứ 7", "khoản 2"), not a count.
const LABELS: &[&str] = &[
    "thứ", "ngày", "tháng", "năm", "quý", "số", "lần", "khoản", "điều", "mục", "tổ", "phố", "khu",
    "giờ",
];
/// Verbs that make the count something to deliver ("triển khai 03 nhiệm vụ").
static DELIVER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:thực hiện|ban hành|triển khai|hoàn thành|xây dựng|tổ chức|đăng ký|thành lập|đào tạo|bồi dưỡng|lắp đặt|hỗ trợ|phát triển|có|đạt|mở|cấp|thu hút|ứng dụng)\s*$").unwrap()
});
/// Words that end a counted noun phrase.
static NOUN_STOP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:ra|khỏi|để|theo|của|trên|tại|cho|với|được|đang|đã|quá|cụ|và|trong|về|nhằm|gồm|thuộc|mới|hiện|còn|này|đó|lắp|sử|tham|thực|triển|hoàn|đưa|phục|tiếp|nâng|bảo|đảm|có|là|ở|từ|đến|phải|cần)$").unwrap()
});
static PAST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:\bđã\b|\bđạt được\b|\bhiện (?:nay|có|còn)\b|\bchiếm\b|\bcòn\b|\bđang\b)")
        .unwrap()
});

/// A fraction of counted things ("4.796/5.050 hồ sơ") marks a clause of statistics.
static STAT: Lazy<Regex> = Lazy::new(|| {
    // Not a date: "ngày 22/8/2025 của" holds no fraction.
    Regex::new(r"(?:^|[^/\d.,])\d+(?:[.,]\d+)*\s*/\s*\d+(?:[.,]\d+)*\s+\p{L}|\bNQ giao\b|\bchỉ tiêu giao\b")
        .unwrap()
});

fn comparator_of(word: Option<&str>, trailing_more: bool) -> Comparator {
    match word.map(|w| w.to_lowercase()) {
        Some(w)
            if matches!(
                w.as_str(),
                "ít nhất"
                    | "tối thiểu"
                    | "không dưới"
                    | "không thấp hơn"
                    | "trên"
                    | "≥"
                    | ">="
                    | ">"
            ) =>
        {
            Comparator::Ge
        }
        Some(w)
            if matches!(
                w.as_str(),
                "tối đa" | "không quá" | "dưới" | "≤" | "<=" | "<"
            ) =>
        {
            Comparator::Le
        }
        _ if trailing_more => Comparator::Ge,
        _ => Comparator::Eq,
    }
}

/// True when the value at `at` reports the past rather than commits to the future.
fn is_past(text: &str, at: usize) -> bool {
    let after_end = text[at..]
        .find([';', '(', ')', '.', ','])
        .map(|i| at + i)
        .unwrap_or(text.len());
    let after = &text[at..after_end];
    past_before(text, at)
        || DONE_AFTER.is_match(after)
        || (PAST.is_match(after) && !DESCRIBED.is_match(after))
}

/// The past test on what comes before the value only: a count is judged on its clause and
/// on whether the objects after it are done ([`DONE_AFTER`]), not on a relative clause that
/// merely describes them.
fn past_before(text: &str, at: usize) -> bool {
    let before = &text[text[..at]
        .rfind([';', '(', ':'])
        .map(|i| i + 1)
        .unwrap_or(0)..at];
    // The past test reads only the clause that holds the value: "cho 42 hộ đã được xét
    // duyệt, phấn đấu đạt tối thiểu 90%" commits to the 90%.
    // A rank ("top 3/34") is a goal, not a fraction of things done.
    let before = RANK.replace_all(before, "");
    PAST.is_match(clause_before(text, at)) || STAT.is_match(&before) || {
        // "4.796/5.050 hồ sơ": fractions are counts of what was done.
        text[at..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .any(|c| c == '/')
    }
}

/// The clause before byte `at`, back to the previous ',', ';', ':', '(' or '.'.
fn clause_before(text: &str, at: usize) -> &str {
    let start = text[..at]
        .rfind([',', ';', '(', ':', '.'])
        .map(|i| i + 1)
        .unwrap_or(0);
    &text[start..at]
}

/// The sentence before byte `at`, back to the previous ';' or '.' (where an instruction verb
/// may take the count as its object: "kiểm tra lại danh sách 35 trang trại").
fn sentence_before(text: &str, at: usize) -> &str {
    let start = text[..at].rfind([';', '.']).map(|i| i + 1).unwrap_or(0);
    &text[start..at]
}

/// A count is status, not a commitment, when the clause after it says the objects are done
/// ("23 nhiệm vụ đã được đánh giá hoàn thành"), not just described ("42 hộ đã được xét duyệt").
static DONE_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^[^,;.()]*?\bđã\b[^,;.()]*?\b(?:hoàn thành|xong|kết thúc)\b").unwrap()
});

/// True when the clause after a count says what state its objects are in ("02 nhiệm vụ đang
/// thực hiện", "23 nhiệm vụ đã … hoàn thành"); a passive relative clause that only says
/// which objects are meant ("42 hộ đã được xét duyệt") does not.
fn status_after(after: &str) -> bool {
    let end = after.find([';', '(', ')', '.', ',']).unwrap_or(after.len());
    let after = &after[..end];
    DONE_AFTER.is_match(after) || (STATE_AFTER.is_match(after) && !DESCRIBED.is_match(after))
}

/// Past or present markers after a count ("còn" there is a backlog to clear, not the past).
static STATE_AFTER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:đã|đang|đạt được|chiếm)\b").unwrap());

/// "… đã được xét duyệt": a passive relative clause naming which objects are meant.
static DESCRIBED: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bđã được\b").unwrap());

/// An instruction verb taking the count as its object somewhere earlier in the sentence.
static OBJECT_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s,(*])(?:{}|{})(?:\s|,|$)",
        verbs::pattern(verbs::OPENS, false),
        alternation(OBJECT_VERBS.iter().copied(), false)
    ))
    .unwrap()
});

/// Verbs that act on counted objects but do not open instructions in the verb table.
/// (To move into a lexicon table of target words with `NOT_COUNTED`, `LABELS`, `DELIVER`.)
const OBJECT_VERBS: &[&str] = &["cấp", "di dời", "lấy mẫu", "lắp đặt", "quan trắc"];

/// A backlog to clear: "8/120 đơn thư còn tồn đọng", "6/20 kiến nghị còn lại".
static BACKLOG: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])(\d{1,3}(?:\.\d{3})*)\s*/\s*\d{1,3}(?:\.\d{3})*\s+(\p{L}+(?:\s+\p{L}+){0,3}?)\s+(?:còn|chưa|tồn đọng)").unwrap()
});

/// What follows a value, as the thing measured ("số trường hợp chưa được định danh").
fn measure_after(text: &str, end: usize) -> Option<String> {
    let rest = text[end..].trim_start();
    let words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| !w.ends_with([',', ';', '.', ':']) || w.len() > 1)
        .take(8)
        .collect();
    let phrase = words.join(" ");
    let phrase = phrase
        .split([';', '.', '('])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(',')
        .to_string();
    (!phrase.is_empty()).then_some(phrase)
}

/// Find the targets a task's text commits to.
pub fn find_targets(text: &str) -> Vec<Target> {
    let mut out: Vec<(usize, Target)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let free = |taken: &Vec<(usize, usize)>, a: usize, b: usize| {
        !taken.iter().any(|&(x, y)| a < y && x < b)
    };
    for c in RANK.captures_iter(text) {
        let m = c.get(0).unwrap();
        taken.push((m.start(), m.end()));
        out.push((
            m.start(),
            Target {
                raw: m.as_str().to_string(),
                value: c[1].parse().ok(),
                value_max: None,
                unit: Some(format!("rank/{}", &c[2])),
                comparator: Comparator::Le,
                measure: None,
                by: None,
            },
        ));
    }
    for c in BACKLOG.captures_iter(text) {
        let (n, noun) = (c.get(1).unwrap(), c.get(2).unwrap());
        if PAST.is_match(clause_before(text, n.start())) {
            continue;
        }
        taken.push((n.start(), noun.end()));
        out.push((
            n.start(),
            Target {
                raw: text[n.start()..noun.end()].to_string(),
                value: parse_vn_number(n.as_str()),
                value_max: None,
                unit: Some(noun.as_str().to_string()),
                comparator: Comparator::Eq,
                measure: None,
                by: None,
            },
        ));
    }
    for c in PERCENT.captures_iter(text) {
        let m = c.get(0).unwrap();
        let num = c.get(2).unwrap();
        if !free(&taken, m.start(), m.end()) || is_past(text, num.start()) {
            continue;
        }
        // "(NQ giao 60%)" and "đạt 94,97%" in records are filtered by is_past; a value
        // preceded by a fraction or a "/" is a statistic.
        if text[..m.start()].trim_end().ends_with('/') {
            continue;
        }
        taken.push((m.start(), m.end()));
        let base = c
            .get(4)
            .map(|g| format!("% {}", g.as_str().to_uppercase()))
            .unwrap_or_else(|| "%".to_string());
        let range = c.get(3).and_then(|g| parse_vn_number(g.as_str()));
        out.push((
            m.start(),
            Target {
                raw: m.as_str().trim().to_string(),
                value: parse_vn_number(num.as_str()),
                value_max: range,
                unit: Some(base),
                comparator: if range.is_some() {
                    Comparator::Range
                } else {
                    comparator_of(c.get(1).map(|g| g.as_str()), c.get(5).is_some())
                },
                measure: measure_after(text, m.end()),
                by: None,
            },
        ));
    }
    for c in LEVEL.captures_iter(text) {
        let m = c.get(0).unwrap();
        if !free(&taken, m.start(), m.end()) || is_past(text, m.start()) {
            continue;
        }
        taken.push((m.start(), m.end()));
        out.push((
            m.start(),
            Target {
                raw: m.as_str().to_string(),
                value: parse_vn_number(&c[3]),
                value_max: None,
                unit: Some(format!("{} {}", &c[1], &c[2]).to_lowercase()),
                comparator: Comparator::Eq,
                measure: None,
                by: None,
            },
        ));
    }
    for c in COUNT.captures_iter(text) {
        let m = c.get(0).unwrap();
        let num = c.get(2).unwrap();
        if !free(&taken, m.start(), m.end()) {
            continue;
        }
        let before = &text[..m.start()];
        // A count right after a digit, '/', '-' or '.' is part of a code, date or fraction.
        if before.ends_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '/' | '-' | '.' | ','))
            || text[num.end()..].starts_with(['/', '-', '.', ','])
        {
            continue;
        }
        let spelled = !num
            .as_str()
            .chars()
            .all(|ch| ch.is_ascii_digit() || ch == '.');
        if spelled && c.get(1).is_none() {
            continue;
        }
        // The counted noun: up to the first stop word.
        let words: Vec<&str> = c[3]
            .split_whitespace()
            .take_while(|w| !NOUN_STOP.is_match(w))
            .collect();
        let Some(first) = words.first() else { continue };
        // Money counts only with a comparator ("giải ngân ít nhất 1.500 tỷ đồng").
        let first_lower = first.to_lowercase();
        let money = MONEY.contains(&first_lower.as_str()) && c.get(1).is_some();
        if (NOT_COUNTED.contains(&first_lower.as_str()) && !money)
            || first.starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        // "ngày 03", "thứ 7" are labels; a number opening the text is a note's number; a
        // count inside a quoted slogan (“6 rõ: …”) is part of its name.
        let prev = before
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        let quoted = before.matches('“').count() > before.matches('”').count();
        if LABELS.contains(&prev.as_str()) || before.trim().is_empty() || quoted {
            continue;
        }
        let words: Vec<&str> = if money {
            let unit = |w: &&str| MONEY.contains(&w.to_lowercase().as_str());
            words.iter().copied().take_while(unit).collect()
        } else {
            words
        };
        let noun = words.join(" ");
        // Counts of the objects acted on (guide rule 13): after a delivery verb, as the
        // object of an instruction verb earlier in the sentence, or a breakdown of a count
        // already taken ("58 trạm (Trong đó: VNPT: 25 trạm …)").
        let breakdown = out
            .iter()
            .any(|(_, t)| t.unit.as_deref() == Some(noun.as_str()));
        let acted_on = c.get(1).is_some()
            || DELIVER.is_match(before)
            || OBJECT_VERB.is_match(sentence_before(text, m.start()))
            || breakdown;
        if !acted_on {
            continue;
        }
        if (past_before(text, num.start()) || status_after(&text[num.end()..]))
            && c.get(1).is_none()
        {
            continue;
        }
        let raw_end = num.end()
            + text[num.end()..]
                .find(&noun)
                .map(|i| i + noun.len())
                .unwrap_or(0);
        let raw = text[m.start()..raw_end].trim().to_string();
        taken.push((m.start(), raw_end));
        let value = parse_vn_number(num.as_str()).or_else(|| spelled_number(num.as_str()));
        out.push((
            m.start(),
            Target {
                raw,
                value,
                value_max: None,
                unit: Some(noun),
                comparator: comparator_of(c.get(1).map(|g| g.as_str()), false),
                measure: None,
                by: None,
            },
        ));
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, t)| t).collect()
}

fn spelled_number(w: &str) -> Option<f64> {
    let n = match w.to_lowercase().as_str() {
        "một" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" => 4,
        "sáu" => 6,
        "bảy" => 7,
        "tám" => 8,
        "chín" => 9,
        "mười" => 10,
        _ => return None,
    };
    Some(n as f64)
}

static CELL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^([≥≤<>]=?)?\s*({NUM})(?:\s*[-–]\s*({NUM}))?\s*(%)?(?:\s*(GRDP|GDP))?$"
    ))
    .unwrap()
});

/// Parse one KPI table cell ("≥ 60%", "100%", "Có", "1 - 2", "≥ 1,0% GRDP") for milestone
/// year `by`. Qualitative cells keep their text with no value.
pub fn parse_cell(cell: &str, by: Option<i32>) -> Option<Target> {
    let raw = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    if raw.is_empty() {
        return None;
    }
    let Some(c) = CELL.captures(&raw) else {
        return Some(Target {
            raw,
            value: None,
            value_max: None,
            unit: None,
            comparator: Comparator::Eq,
            measure: None,
            by,
        });
    };
    let unit = match (c.get(4), c.get(5)) {
        (Some(_), Some(g)) => Some(format!("% {}", g.as_str())),
        (Some(_), None) => Some("%".to_string()),
        (None, Some(g)) => Some(g.as_str().to_string()),
        (None, None) => None,
    };
    let max = c.get(3).and_then(|g| parse_vn_number(g.as_str()));
    Some(Target {
        value: parse_vn_number(&c[2]),
        value_max: max,
        unit,
        comparator: if max.is_some() {
            Comparator::Range
        } else {
            comparator_of(c.get(1).map(|g| g.as_str()), false)
        },
        measure: None,
        by,
        raw,
    })
}

#[cfg(test)]
mod tests;
