//! Text as portals and converters give it: markdown-ish markup read off each line, and the
//! document's line flavour told from its statistics (never from its file name).
//!
//! A national portal renders a document hard-wrapped at about 80 columns with `**bold**` and
//! `*italic*` markers, blank lines between paragraphs and its tables as `|` lines (one cell
//! per line, or `| a | b |` rows); a converter from Word gives one paragraph per line; text
//! taken from a PDF is hard-wrapped with blank lines that mean nothing.

use once_cell::sync::Lazy;
use regex::Regex;

/// How lines make paragraphs in a text document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    /// Hard-wrapped text whose blank lines mean nothing (text taken from a PDF): paragraphs
    /// break at sentence ends, list markers and headings.
    #[default]
    Wrapped,
    /// Hard-wrapped text with a blank line between paragraphs (portal text): a single
    /// newline is a wrap, a blank line a paragraph break.
    Blank,
    /// One paragraph per line (a converter's text): every newline is a paragraph break,
    /// unless the next line goes on in lower case.
    PerLine,
}

/// What one raw line holds once its markup is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupLine {
    /// Text, emphasis markers removed; the cells of a `| a | b |` row joined by tabs.
    Text(String),
    /// A table border: a lone `|` between cells or rows, or a `| --- | --- |` rule row.
    Border,
    /// Emphasis markers around nothing ("** **", a "**" closing the line above): no text,
    /// and not a paragraph break either.
    Empty,
}

static RULE_ROW: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\|(?:\s*:?-{3,}:?\s*\|)+$").unwrap());
/// A run of dashes, underscores or equal signs: the rule printed under a letterhead part.
static RULE_RUN: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|\s)[-_=–]{3,}(?:\s|$)").unwrap());

/// Read the markup of one raw line (trimmed).
pub fn read_line(raw: &str) -> MarkupLine {
    let t = &*plain(raw.trim());
    if t == "|" || RULE_ROW.is_match(t) {
        return MarkupLine::Border;
    }
    if t.len() > 2 && t.starts_with('|') && t.ends_with('|') {
        let cells: Vec<String> = t[1..t.len() - 1]
            .split('|')
            .map(|c| {
                let c = strip_emphasis(c);
                RULE_RUN.replace_all(&c, " ").trim().to_string()
            })
            .filter(|c| !c.is_empty())
            .collect();
        return if cells.is_empty() {
            MarkupLine::Border
        } else {
            MarkupLine::Text(cells.join("\t"))
        };
    }
    let t = &*columns(t);
    if !t.contains('*') {
        return MarkupLine::Text(t.to_string());
    }
    let s = strip_emphasis(t);
    let s = s.trim();
    if s.is_empty() {
        MarkupLine::Empty
    } else {
        MarkupLine::Text(s.to_string())
    }
}

/// Markdown heading marks ("## Điều 1"), escapes ("1\\. Giao"), `<br>` in cells and the
/// HTML entities portals leave ("&nbsp;", "&amp;").
static PLAIN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^#{1,6}\s+|\\([!-/:-@\[-`{-~])|<br\s*/?>|&(nbsp|amp|lt|gt|quot|#39);").unwrap()
});

/// `t` without markdown heading marks, backslash escapes, `<br>` and HTML entities.
fn plain(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains(['#', '\\', '<', '&']) {
        return std::borrow::Cow::Borrowed(t);
    }
    PLAIN.replace_all(t, |c: &regex::Captures<'_>| {
        if let Some(escaped) = c.get(1) {
            return escaped.as_str().to_string();
        }
        let entity = c.get(2).map(|m| m.as_str());
        match entity {
            Some("amp") => "&",
            Some("lt") => "<",
            Some("gt") => ">",
            Some("quot") => "\"",
            Some("#39") => "'",
            Some(_) => " ",
            None if c[0].starts_with('<') => " ",
            None => "",
        }
        .to_string()
    })
}

/// A run of this many spaces inside a line separates two columns (text laid out as printed:
/// "BỘ Y TẾ          CỘNG HÒA …", "Nơi nhận:          KT. GIÁM ĐỐC").
const COLUMN_GAP: usize = 8;

/// A gap before a capital: a form's blank ("ngày        tháng", "Số:        /KH") is no column.
static GAP: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r" {{{COLUMN_GAP},}}(\p{{Lu}})")).unwrap());

/// `t` (trimmed) with its column gaps as tabs, the way positioned PDF runs are joined.
fn columns(t: &str) -> std::borrow::Cow<'_, str> {
    GAP.replace_all(t, "\t$1")
}

/// `s` without `*` emphasis markers: every star goes but a bullet ("* " opening the line)
/// and a star in parentheses ("(*)", a note mark).
pub fn strip_emphasis(s: &str) -> String {
    if !s.contains('*') {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (k, &c) in chars.iter().enumerate() {
        if c != '*' {
            out.push(c);
            continue;
        }
        let bullet = k == 0
            && chars.get(1).is_some_and(|c| c.is_whitespace())
            && chars[1..].iter().any(|&c| c != '*' && !c.is_whitespace());
        let noted = k > 0 && chars[k - 1] == '(' && chars.get(k + 1) == Some(&')');
        if bullet || noted {
            out.push(c);
        }
    }
    out
}

/// The width text lines are wrapped at, in characters: the 90th percentile of the lengths
/// of non-empty lines (0 when there are none).
pub fn line_width(pages: &[&str]) -> usize {
    let mut lens: Vec<usize> = pages
        .iter()
        .flat_map(|p| p.lines())
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 1)
        .collect();
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() * 9 / 10]
}

/// True when a line goes on the sentence before it: it starts in lower case without a list
/// marker ("và Công nghệ.", not "a) Rà soát").
pub fn goes_on(line: &str) -> bool {
    line.starts_with(char::is_lowercase) && !crate::layout::starts_with_marker(line)
}

/// Tell the flavour of a text document from its raw page texts.
///
/// A line "goes on" when it starts in lower case without a list marker. Portal text has
/// blank lines, no line that goes on after one, and wraps inside its blocks; one paragraph
/// per line leaves almost no line that goes on; anything else is treated as wrapped text.
pub fn detect(pages: &[&str]) -> Flavour {
    let (mut after_blank, mut blank_goes_on) = (0usize, 0usize);
    let (mut after_line, mut line_goes_on) = (0usize, 0usize);
    let mut seen_text = false;
    let mut blank = false;
    for raw in pages.iter().flat_map(|p| p.lines()) {
        let text = match read_line(raw) {
            MarkupLine::Border | MarkupLine::Empty => continue,
            MarkupLine::Text(t) => t,
        };
        if text.is_empty() {
            blank = true;
            continue;
        }
        if seen_text {
            let goes_on = goes_on(&text);
            if blank {
                after_blank += 1;
                blank_goes_on += goes_on as usize;
            } else {
                after_line += 1;
                line_goes_on += goes_on as usize;
            }
        }
        seen_text = true;
        blank = false;
    }
    let pairs = after_blank + after_line;
    if pairs < 8 {
        return Flavour::Wrapped;
    }
    let blank_separated = after_blank >= 3.max(pairs / 20) && blank_goes_on * 50 <= after_blank;
    if blank_separated && line_goes_on * 10 >= after_line {
        Flavour::Blank
    } else if (blank_goes_on + line_goes_on) * 100 <= pairs * 12 {
        Flavour::PerLine
    } else {
        Flavour::Wrapped
    }
}

#[cfg(test)]
mod tests;
