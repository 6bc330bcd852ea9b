//! The list-marker grammar: what opens a section, an item or a bullet.
//!
//! Markers (domain.md): `I.` → `1.` → `1.1.` → `a)` → `-` → `+`, also `1)`, `(1)` and
//! `Điều N.`. One grammar serves the outline ([`marker_of`]), the task text
//! ([`strip_marker`]), table rows and the line joiner ([`starts_with_marker`]).

use super::Table;
use once_cell::sync::Lazy;
use regex::Regex;

/// The kind of marker that opens a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// `Điều 1.` (articles of a Quyết định or Nghị quyết).
    Article,
    /// `I.` `IV.`
    Roman,
    /// `1.` (depth 1), `2.1.` (depth 2), `2.2.5.` (depth 3)…
    Decimal(u8),
    /// `1)`
    ParenNumber,
    /// `(1)`
    Bracketed,
    /// `a)` `đ)`
    Letter,
    /// `-` `–` `•` `*`
    Dash,
    /// `+`
    Plus,
}

impl MarkerKind {
    /// True for kinds that open list items rather than sections.
    pub fn is_item(self) -> bool {
        matches!(
            self,
            MarkerKind::Dash
                | MarkerKind::Plus
                | MarkerKind::Letter
                | MarkerKind::Bracketed
                | MarkerKind::ParenNumber
        )
    }
}

/// A paragraph's marker: its kind and label ("IV", "2.1", "a", "-").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Kind.
    pub kind: MarkerKind,
    /// Label without punctuation ("IV", "2.1", "a"; "-" for bullets).
    pub label: String,
    /// Byte length of the marker with its punctuation and following space.
    pub len: usize,
}

/// Bullet symbols and the kind each opens, sorted by bytes.
pub const BULLETS: &[(&str, MarkerKind)] = &[
    ("*", MarkerKind::Dash),
    ("+", MarkerKind::Plus),
    ("-", MarkerKind::Dash),
    ("–", MarkerKind::Dash),
    ("•", MarkerKind::Dash),
];

static ARTICLE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^Điều\s+(\d{1,3})[.:]?\s+").unwrap());
static ROMAN: Lazy<Regex> = Lazy::new(|| Regex::new(r"^([IVXL]{1,6})[.)/]?\s+").unwrap());
static ROMAN_STRICT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^([IVXL]{1,6})[.)]\s*").unwrap());
static DECIMAL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.\s*").unwrap());
static DECIMAL_MULTI: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){1,4})\s+").unwrap());
static PAREN_NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(\d{1,2})\)\s*").unwrap());
static BRACKETED: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\((\d{1,2})\)\s*").unwrap());
static LETTER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^([a-zđ])\)\s*").unwrap());
static BULLET: Lazy<Regex> = Lazy::new(|| {
    let syms = BULLETS
        .iter()
        .map(|(s, _)| regex::escape(s))
        .collect::<String>();
    Regex::new(&format!(r"^([{syms}])\s*")).unwrap()
});

/// The marker that opens `text`, if any.
pub fn marker_of(text: &str) -> Option<Marker> {
    let t = text;
    let mk = |kind, caps: regex::Captures<'_>| Marker {
        kind,
        label: caps[1].to_string(),
        len: caps.get(0).unwrap().end(),
    };
    if let Some(c) = ARTICLE.captures(t) {
        return Some(mk(MarkerKind::Article, c));
    }
    if let Some(c) = BRACKETED.captures(t) {
        return Some(mk(MarkerKind::Bracketed, c));
    }
    if let Some(c) = PAREN_NUMBER.captures(t) {
        return Some(mk(MarkerKind::ParenNumber, c));
    }
    if let Some(m) = decimal(t) {
        return Some(m);
    }
    if let Some(m) = roman(t) {
        return Some(m);
    }
    if let Some(c) = LETTER.captures(t) {
        return Some(mk(MarkerKind::Letter, c));
    }
    let c = BULLET.captures(t)?;
    let kind = BULLETS.iter().find(|(s, _)| *s == &c[1]).map(|(_, k)| *k)?;
    let rest = &t[c.get(0).unwrap().end()..];
    // A bullet opens text; "--" is a rule line.
    (kind == MarkerKind::Plus || (!rest.is_empty() && !rest.starts_with('-'))).then(|| mk(kind, c))
}

fn decimal(t: &str) -> Option<Marker> {
    let mk = |c: &regex::Captures<'_>, depth: usize| Marker {
        kind: MarkerKind::Decimal(depth as u8),
        label: c[1].to_string(),
        len: c.get(0).unwrap().end(),
    };
    if let Some(c) = DECIMAL.captures(t) {
        // "8.608 hồ sơ" is a number, not a marker: a marker's parts are small.
        let rest = &t[c.get(0).unwrap().end()..];
        if !rest.starts_with(|ch: char| ch.is_ascii_digit() || ch == '%') {
            return Some(mk(&c, c[1].split('.').count()));
        }
    }
    let c = DECIMAL_MULTI.captures(t)?;
    let rest = &t[c.get(0).unwrap().end()..];
    let parts: Vec<&str> = c[1].split('.').collect();
    let looks_number = parts.iter().skip(1).any(|p| p.len() == 3);
    (!looks_number && rest.starts_with(|ch: char| ch.is_uppercase())).then(|| mk(&c, parts.len()))
}

fn roman(t: &str) -> Option<Marker> {
    let mk = |c: &regex::Captures<'_>| Marker {
        kind: MarkerKind::Roman,
        label: c[1].to_string(),
        len: c.get(0).unwrap().end(),
    };
    if let Some(c) = ROMAN_STRICT.captures(t) {
        if roman_ok(&c[1]) {
            return Some(mk(&c));
        }
    }
    // "I Phát triển hạ tầng" (table section rows) only when followed by a capital.
    let c = ROMAN.captures(t)?;
    let rest = &t[c.get(0).unwrap().end()..];
    (roman_ok(&c[1]) && rest.starts_with(|ch: char| ch.is_uppercase()) && c[1].len() <= 4)
        .then(|| mk(&c))
}

fn roman_ok(s: &str) -> bool {
    crate::numbers::roman_to_int(s)
        .map(|n| n <= 40)
        .unwrap_or(false)
}

/// `s` without its list marker. An article's "Điều N." stays: it names the task.
pub fn strip_marker(s: &str) -> &str {
    match marker_of(s) {
        Some(m) if m.kind != MarkerKind::Article => s[m.len..].trim_start(),
        _ => s,
    }
}

static LINE_MARKER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"(?:[IVXLC]{1,6})[.)]\s",               // I.  II)
        r"|(?:\d{1,3}(?:\.\d{1,3}){0,4})[.)]\s", // 1.  2.1.  3.4)
        r"|\d{1,3}(?:\.\d{1,3}){1,4}\s",         // 2.1 without the final dot
        r"|\(\d{1,3}\)\s?",                      // (1)
        r"|[a-zđ][).]\s",                        // a)  đ)
        r"|[-–+•*]\s?",                          // - + •
        r"|Điều\s+\d{1,3}[.:]?\s",               // Điều 1.
        r")"
    ))
    .unwrap()
});

/// True when a physical line opens with something shaped like a marker (the line joiner's
/// test: looser than [`marker_of`], it also takes `a.` and does not check Roman numerals).
pub fn starts_with_marker(line: &str) -> bool {
    LINE_MARKER.is_match(line)
}

/// `line` after its leading emphasis stars and its marker, strict ([`marker_of`]) or loose
/// ([`starts_with_marker`]: also `a.`); an article's "Điều N." stays. For labels that may
/// stand under any marker ("c) Thời gian thực hiện:", "- Cơ quan thực hiện:").
pub fn after_marker(line: &str) -> &str {
    let t = line.trim_start().trim_start_matches('*').trim_start();
    match marker_of(t) {
        Some(m) if m.kind == MarkerKind::Article => t,
        Some(m) => t[m.len..].trim_start(),
        None => LINE_MARKER.find(t).map_or(t, |m| t[m.end()..].trim_start()),
    }
}

/// `text` without Markdown emphasis (`**I. QUAN ĐIỂM**`, `*Trọng tâm:*`): runs of `*`
/// that touch a word are markup of the conversion, not text. A `* ` bullet stays.
pub fn strip_emphasis(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('*') {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        if chars[k] != '*' {
            out.push(chars[k]);
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && chars[k] == '*' {
            k += 1;
        }
        let before = start.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(k).copied();
        let bullet = out.trim().is_empty() && k - start == 1 && after == Some(' ');
        let touches =
            before.is_some_and(|c| !c.is_whitespace()) || after.is_some_and(|c| !c.is_whitespace());
        if bullet || !touches {
            out.extend(&chars[start..k]);
        }
    }
    std::borrow::Cow::Owned(out.trim().to_string())
}

/// The marker grammar for the lexicon checks.
pub struct MarkerTable;

impl Table for MarkerTable {
    fn name(&self) -> &'static str {
        "markers"
    }
    fn words(&self) -> Vec<&'static str> {
        BULLETS.iter().map(|(s, _)| *s).collect()
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("IV. TỔ CHỨC THỰC HIỆN", "Roman IV"),
            ("I Phát triển hạ tầng", "Roman I"),
            ("2.2. Để cụ thể hóa", "Decimal(2) 2.2"),
            ("3.4 Giao Ban Tuyên giáo", "Decimal(2) 3.4"),
            ("1. Giao các sở", "Decimal(1) 1"),
            ("1) Nghị quyết", "ParenNumber 1"),
            ("(2) Đột phá", "Bracketed 2"),
            ("đ) Tăng cường", "Letter đ"),
            ("- Rà soát", "Dash -"),
            ("– Rà soát", "Dash –"),
            ("• Rà soát", "Dash •"),
            ("+ Thành lập", "Plus +"),
            ("Điều 2. Giao Sở Y tế", "Article 2"),
            ("8.608 hồ sơ được trả", ""),
            ("12 trường học", ""),
            ("2.500 hộ dân", ""),
            ("Văn bản", ""),
            ("MIX. Không phải số La Mã", ""),
            ("--- hết ---", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        marker_of(phrase)
            .map(|m| format!("{:?} {}", m.kind, m.label))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_keeps_articles_and_bare_numbers() {
        assert_eq!(strip_marker("a) Rà soát hồ sơ"), "Rà soát hồ sơ");
        assert_eq!(strip_marker("2.1 Giao Sở Nội vụ"), "Giao Sở Nội vụ");
        assert_eq!(strip_marker("12 xã đã hoàn thành"), "12 xã đã hoàn thành");
        assert_eq!(
            strip_marker("Điều 3. Giao Sở Tư pháp"),
            "Điều 3. Giao Sở Tư pháp"
        );
        assert_eq!(strip_marker("+ Lập danh sách"), "Lập danh sách");
    }

    #[test]
    fn emphasis_is_markup_not_a_bullet() {
        assert_eq!(strip_emphasis("**II. NHIỆM VỤ**"), "II. NHIỆM VỤ");
        assert_eq!(strip_emphasis("*Trọng tâm:*"), "Trọng tâm:");
        assert_eq!(
            strip_emphasis("**3. Sở Tư pháp** Chủ trì"),
            "3. Sở Tư pháp Chủ trì"
        );
        assert_eq!(strip_emphasis("* Rà soát hồ sơ"), "* Rà soát hồ sơ");
        assert_eq!(strip_emphasis("giá trị 5 * 3"), "giá trị 5 * 3");
        assert_eq!(
            marker_of(&strip_emphasis("**IV. TỔ CHỨC THỰC HIỆN**")).map(|m| m.kind),
            Some(MarkerKind::Roman)
        );
    }

    #[test]
    fn line_test_is_looser_than_the_outline() {
        assert!(starts_with_marker("a. Rà soát"));
        assert!(marker_of("a. Rà soát").is_none());
        assert!(starts_with_marker("III. NHIỆM VỤ"));
        assert!(!starts_with_marker("Ủy ban nhân dân"));
        assert!(MarkerKind::Letter.is_item() && !MarkerKind::Roman.is_item());
    }

    #[test]
    fn labels_are_read_after_any_marker() {
        assert_eq!(
            after_marker("c) Thời hạn: Quý III/2027"),
            "Thời hạn: Quý III/2027"
        );
        assert_eq!(
            after_marker("**b. Cơ quan thực hiện:**"),
            "Cơ quan thực hiện:**"
        );
        assert_eq!(
            after_marker("  - Đơn vị phối hợp: Sở Xây dựng"),
            "Đơn vị phối hợp: Sở Xây dựng"
        );
        assert_eq!(after_marker("2.3.Kinh phí: 40 triệu"), "Kinh phí: 40 triệu");
        assert_eq!(after_marker("Điều 4. Hiệu lực:"), "Điều 4. Hiệu lực:");
        assert_eq!(after_marker("Thời gian: tháng 10"), "Thời gian: tháng 10");
    }
}
