//! Targets: measurable values a task commits to (annotation guide §5).
//!
//! Percentages ("ít nhất 50%", "30% GRDP trở lên", "80-90%"), ranks ("top 10/102"), counts
//! of things to do ("03 nhiệm vụ", "ít nhất một công trình"), levels ("đô thị loại 5") and
//! KPI table cells ("≥ 1,0% GRDP", "Có"). Numbers are read in Vietnamese notation.
//! Statistics of the past ("đạt 94,97%", "4.796/5.050 hồ sơ", "23 nhiệm vụ đã … hoàn thành")
//! are not targets.

use nhiemvu_model::{Comparator, Target};
use nhiemvu_normalizer::lexicon::measures::{self as mw, pattern as words};
use nhiemvu_normalizer::lexicon::{particles, verbs};
use nhiemvu_normalizer::numbers::parse_vn_number;
use once_cell::sync::Lazy;
use regex::Regex;

const NUM: &str = r"\d+(?:[.,]\d+)*";

static PERCENT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:({})\s*)?({NUM})(?:\s*[-–]\s*({NUM}))?\s*%(?:\s+({}))?(\s+(?:{}))?",
        words(mw::AT_LEAST | mw::AT_MOST),
        words(mw::ECONOMY),
        words(mw::OR_MORE)
    ))
    .unwrap()
});
static RANK: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)(?:{})\s+(\d+)\s*/\s*(\d+)", words(mw::RANK))).unwrap());
static LEVEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\s+(?:(?:{})\s+)?({})\s+(\d+|[IVX]+|{})\b",
        words(mw::GRADED),
        words(mw::REACHES),
        words(mw::GRADE),
        words(mw::GRADE_LEVEL)
    ))
    .unwrap()
});
static COUNT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:({})\s+)?\b(\d{{1,3}}(?:\.\d{{3}})*|{})\s+(\p{{L}}+(?:\s+\p{{L}}+){{0,3}})",
        words(mw::BEFORE_COUNT),
        words(mw::NUMERAL)
    ))
    .unwrap()
});

/// Verbs that make the count something to deliver ("triển khai 03 nhiệm vụ").
static DELIVER: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)(?:{})\s*$", words(mw::DELIVERS))).unwrap());
/// Words that end a counted noun phrase.
static NOUN_STOP: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^(?:{})$", words(mw::ENDS_NOUN))).unwrap());
static PAST: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)\b(?:{})\b", words(mw::PAST))).unwrap());

/// A fraction of counted things ("4.796/5.050 hồ sơ") marks a clause of statistics.
static STAT: Lazy<Regex> = Lazy::new(|| {
    // Not a date: "ngày 22/8/2025 của" holds no fraction.
    Regex::new(&format!(
        r"(?:^|[^/\d.,])\d+(?:[.,]\d+)*\s*/\s*\d+(?:[.,]\d+)*\s+\p{{L}}|\b(?:{})\b",
        words(mw::QUOTA)
    ))
    .unwrap()
});

fn comparator_of(word: Option<&str>, trailing_more: bool) -> Comparator {
    let word = word.map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "));
    match word.as_deref() {
        Some(w) if mw::is(w, mw::AT_LEAST) => Comparator::Ge,
        Some(w) if mw::is(w, mw::AT_MOST) => Comparator::Le,
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
    Regex::new(&format!(
        r"(?i)^[^,;.()]*?\b(?:{})\b[^,;.()]*?\b(?:{})\b",
        particles::pattern(particles::PAST_TENSE, false),
        words(mw::DONE)
    ))
    .unwrap()
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
    Lazy::new(|| Regex::new(&format!(r"(?i)\b(?:{})\b", words(mw::STATE))).unwrap());

/// "… đã được xét duyệt": a passive relative clause naming which objects are meant.
static DESCRIBED: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)\b(?:{})\b", words(mw::PASSIVE))).unwrap());

/// An instruction verb taking the count as its object somewhere earlier in the sentence.
static OBJECT_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s,(*])(?:{}|{})(?:\s|,|$)",
        verbs::pattern(verbs::OPENS, false),
        words(mw::ACTS_ON)
    ))
    .unwrap()
});

/// A backlog to clear: "8/120 đơn thư còn tồn đọng", "6/20 kiến nghị còn lại".
static BACKLOG: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s(])(\d{{1,3}}(?:\.\d{{3}})*)\s*/\s*\d{{1,3}}(?:\.\d{{3}})*\s+(\p{{L}}+(?:\s+\p{{L}}+){{0,3}}?)\s+(?:{})",
        words(mw::BACKLOG)
    ))
    .unwrap()
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
        let money = mw::is(&first_lower, mw::MONEY) && c.get(1).is_some();
        if (mw::is(&first_lower, mw::NOT_COUNTED) && !money)
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
        if mw::is(&prev, mw::LABEL) || before.trim().is_empty() || quoted {
            continue;
        }
        let words: Vec<&str> = if money {
            let unit = |w: &&str| mw::is(w, mw::MONEY);
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
    mw::numeral(w).map(f64::from)
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
