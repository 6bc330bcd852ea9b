//! Raw page text to clean lines and paragraphs, each pointing back into its page.
//!
//! Extracted text is hard-wrapped, carries page numbers and running headers, footnote
//! bodies dropped at page bottoms (often mid-paragraph), and signature-stamp text. This
//! module classifies every raw line ([`LineRole`]), keeps the body lines with their byte
//! offsets, sets footnotes and stamps apart, and rejoins body lines into [`Paragraph`]s
//! while list markers and headings stay paragraph starts.
//!
//! Text input is read as its [`Flavour`] says ([`crate::markup`]): portal markup (`**`, `|`
//! borders, `| a | b |` rows as tab-separated cells) is read off each line while offsets
//! keep pointing at the raw text; a blank line breaks portal text, a newline breaks
//! one-paragraph-per-line text, and glued syllables are split ([`crate::segment`]).

use crate::markup::{self, Flavour, MarkupLine};
use crate::text;
use nhiemvu_model::TextLine;
use once_cell::sync::Lazy;
use rayon::prelude::*;
use regex::Regex;
use std::collections::HashMap;

/// One page of input: its raw text and, for PDFs, its positioned runs.
#[derive(Debug, Clone, Copy)]
pub struct PageIn<'a> {
    /// 1-based page number.
    pub number: u32,
    /// Raw page text; offsets in the output are byte offsets into it.
    pub text: &'a str,
    /// Positioned runs (empty for text input).
    pub lines: &'a [TextLine],
}

/// What a raw line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// Running text, headings, list items, table cells.
    Body,
    /// A page number ("2", "- 2 -", "Trang 2").
    PageNumber,
    /// A header or footer repeated on many pages.
    RunningHeader,
    /// Part of a footnote body.
    Footnote,
    /// Digital-signature stamp text (emails, ISO times, X.509 subjects, "Ký bởi:").
    Stamp,
    /// Markup with no text of its own: a `|` table border, a `| --- |` rule row or
    /// emphasis around nothing ("**" alone) in portal text.
    Markup,
}

/// A cleaned line with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Clean text (NFC, spaces and dashes unified), trimmed; column runs joined by a tab.
    pub text: String,
    /// 1-based page.
    pub page: u32,
    /// Byte offset of the line start in the raw page text.
    pub start: usize,
    /// Byte offset of the line end in the raw page text.
    pub end: usize,
    /// Dominant font size when known (PDF input).
    pub font_size: Option<f32>,
    /// Left edge when known (PDF input).
    pub x0: Option<f32>,
    /// Right edge of the line's first run when known (PDF input).
    pub x1: Option<f32>,
    /// PDF input: the line reaches its page's right margin, so a line break after it may
    /// be the wrap of a running sentence rather than the end of a paragraph.
    pub full: bool,
    /// PDF input: the line starts at its page's left margin on a page whose paragraphs open
    /// with a first-line indent, so it does not open a paragraph of its own.
    pub at_margin: bool,
    /// True when the font is bold (name contains "Bold"); for text input, when the line
    /// starts inside a `**bold**` run.
    pub bold: bool,
    /// Text input: the line ends by closing a `**bold**` run, as portal headings do.
    pub closes_bold: bool,
    /// True when this is the first non-empty line of its page.
    pub page_start: bool,
    /// Role of the line.
    pub role: LineRole,
    /// Footnote markers removed from this line's text (glued to words).
    pub markers: Vec<String>,
}

/// A footnote body, linked to its marker.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteText {
    /// The marker as printed ("1", "¹").
    pub marker: String,
    /// Clean body text, lines rejoined.
    pub text: String,
    /// Page of the body.
    pub page: u32,
    /// Byte offset of the body's start in the raw page text.
    pub start: usize,
    /// Byte offset of the body's end.
    pub end: usize,
    /// Indices into [`CleanText::all_lines`] of the body lines.
    pub lines: Vec<usize>,
}

/// A paragraph of body text rejoined from lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Text with wrapped lines joined by single spaces.
    pub text: String,
    /// Indices into [`CleanText::all_lines`] of the lines it was made from.
    pub lines: Vec<usize>,
}

/// The whole document, cleaned.
#[derive(Debug, Clone, Default)]
pub struct CleanText {
    /// Every raw line with its role (body and non-body).
    pub all_lines: Vec<Line>,
    /// Footnote bodies.
    pub footnotes: Vec<FootnoteText>,
    /// Signature-stamp text, one entry per contiguous block.
    pub stamps: Vec<String>,
    /// How lines make paragraphs (text input; PDF pages are [`Flavour::Wrapped`]).
    pub flavour: Flavour,
    /// Text input: the width lines are wrapped at, in characters (the 90th percentile of
    /// line lengths); 0 for PDF pages.
    pub line_width: usize,
}

impl CleanText {
    /// Indices of body lines, in order.
    pub fn body(&self) -> impl Iterator<Item = usize> + '_ {
        self.all_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.role == LineRole::Body && !l.text.is_empty())
            .map(|(i, _)| i)
    }
}

static PAGE_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[-–]\s*)?(?:[Tt]rang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?$").unwrap()
});
static STAMP: Lazy<Regex> = Lazy::new(|| {
    use crate::lexicon::frame::{self, FrameKind};
    Regex::new(
        &[
            r"(?i)^(?:",
            r"[\w.+-]+@[\w.-]+", // an e-mail alone
            r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:?\d{2}|Z)?", // ISO time
            r"|\{.*\}",          // JSON blob
            r"|.*(?:^|,\s*)(?:EMAILADDRESS|CN|OU|O|L|ST|C|SERIALNUMBER|UID)=[^,]*(?:,.*)?", // X.509, also wrapped
            r"|.*\x22\w+\x22\s*:.*|[^{]*\}", // JSON blobs, also wrapped
            // Labels of a signature's stamp text (lexicon `frame`).
            &format!(
                r"|(?:{})\s*:.*",
                frame::pattern(|k| k == FrameKind::SignatureLabel)
            ),
            r"|Signature Not Verified|Digitally signed by.*|Signed by:.*",
            r")$",
        ]
        .concat(),
    )
    .unwrap()
});
/// A footnote body's first line: its number, then a capital, a bracket or an opening quote
/// (a footnote that quotes the rule it cites: "2 “đ) Bản sao …”").
static FOOTNOTE_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^([0-9]{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})(?:\s*(\p{Lu}.*|[(“"‘].*))?$"#).unwrap()
});
/// A letter, a whole run of ASCII digits glued to it, then a separator or the end: the shape
/// of a footnote number typed after a word ("hồ sơ1;"). Compiled once: building a Unicode
/// regex per line made layout the slowest stage.
static GLUED_NUMBER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(\p{L})([0-9]+)([\s;,.:)]|$)").unwrap());
/// A superscript digit, as footnote markers are typed: ¹²³⁴⁵⁶⁷⁸⁹⁰.
fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

static SUPERSCRIPT_MARKER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"([^\s¹²³⁴⁵⁶⁷⁸⁹⁰])([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})").unwrap());

/// True when a line is digital-signature stamp text (e-mail, ISO time, JSON, X.509 subject,
/// "Ký bởi:").
pub fn is_stamp_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && STAMP.is_match(t)
}

/// Clean a document's pages: classify lines, set apart footnotes and stamps (on one thread).
pub fn clean_pages(pages: &[PageIn<'_>]) -> CleanText {
    clean_pages_on(pages, false)
}

/// [`clean_pages`], splitting the pages' lines on every core when `parallel` (the caller's
/// choice: the pipeline does it for long documents, a batch being parallel already).
pub fn clean_pages_on(pages: &[PageIn<'_>], parallel: bool) -> CleanText {
    let mut out = CleanText::default();
    if pages.iter().all(|p| p.lines.is_empty()) {
        let texts: Vec<&str> = pages.iter().map(|p| p.text).collect();
        out.flavour = markup::detect(&texts);
        out.line_width = markup::line_width(&texts);
    }
    if parallel {
        // Pages split independently; long documents use every core.
        out.all_lines = pages
            .par_iter()
            .flat_map_iter(|page| {
                let mut lines = Vec::new();
                split_page(page, &mut lines);
                lines
            })
            .collect();
    } else {
        for page in pages {
            split_page(page, &mut out.all_lines);
        }
    }
    mark_page_numbers(&mut out.all_lines, pages.len());
    mark_full_lines(&mut out.all_lines);
    mark_margin_lines(&mut out.all_lines);
    mark_running_headers(&mut out.all_lines, pages.len());
    mark_stamps(&mut out);
    mark_footnotes(&mut out);
    out
}

/// Split one page into cleaned lines with offsets and PDF layout facts.
fn split_page(page: &PageIn<'_>, lines: &mut Vec<Line>) {
    let mut offset = 0usize;
    let mut first = true;
    let mut run_cursor = 0usize;
    let mut bold_open = false;
    for raw in page.text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        // A single leading space marks a page start in pdftotext-style text input.
        let lead_space = body.starts_with(' ') && !body.starts_with("  ");
        // Text input may carry portal markup: emphasis markers and `|` table borders.
        let (cleaned, role) = if page.lines.is_empty() {
            match markup::read_line(trimmed) {
                MarkupLine::Text(t) => (clean_line(&t), LineRole::Body),
                MarkupLine::Empty | MarkupLine::Border => (String::new(), LineRole::Markup),
            }
        } else {
            (clean_line(trimmed), LineRole::Body)
        };
        let (font_size, (x0, x1), mut bold) = layout_facts(page.lines, &mut run_cursor, trimmed);
        let mut closes_bold = false;
        if page.lines.is_empty() {
            (bold, closes_bold) = bold_run(trimmed, &mut bold_open, cleaned.is_empty());
        }
        let is_first = first && !cleaned.is_empty();
        if is_first {
            first = false;
        }
        let lead = start + (body.len() - body.trim_start().len());
        lines.push(Line {
            text: cleaned,
            page: page.number,
            start: lead,
            end: lead + trimmed.len(),
            font_size,
            x0,
            x1,
            full: false,
            at_margin: false,
            bold,
            closes_bold,
            page_start: is_first || (page.lines.is_empty() && lead_space && !trimmed.is_empty()),
            role,
            markers: Vec::new(),
        });
    }
}

/// Text input: whether a line starts inside a `**bold**` run and whether it ends by closing
/// one; `open` carries the run from line to line (an empty line ends it).
fn bold_run(trimmed: &str, open: &mut bool, empty: bool) -> (bool, bool) {
    if empty {
        *open = false;
        return (false, false);
    }
    let starts = *open || trimmed.starts_with("**");
    let toggles = trimmed.matches("**").count();
    *open ^= toggles % 2 == 1;
    (starts, !*open && trimmed.ends_with("**"))
}

/// Page numbers: a lone number among the first or last two non-empty lines of a page,
/// whose value follows the page index with one offset on most pages (so a table row
/// number that happens to sit at a page edge is not taken for one).
fn mark_page_numbers(lines: &mut [Line], pages: usize) {
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.text.is_empty() {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    let mut candidates: Vec<(usize, i64)> = Vec::new();
    for (page, idx) in &by_page {
        for &i in idx.iter().take(2).chain(idx.iter().rev().take(2)) {
            if !PAGE_NUMBER.is_match(&lines[i].text) {
                continue;
            }
            let value: Option<i64> = lines[i]
                .text
                .split(|c: char| !c.is_ascii_digit())
                .find(|s| !s.is_empty())
                .and_then(|s| s.parse().ok());
            if let Some(v) = value {
                candidates.push((i, v - *page as i64));
            }
        }
    }
    let mut offsets: HashMap<i64, usize> = HashMap::new();
    for (_, off) in &candidates {
        *offsets.entry(*off).or_default() += 1;
    }
    let Some((&best, &count)) = offsets.iter().max_by_key(|(o, c)| (**c, -(o.abs()))) else {
        return;
    };
    if count >= 2.max(pages / 2) {
        for &(i, off) in &candidates {
            if off == best {
                lines[i].role = LineRole::PageNumber;
            }
        }
    }
    // A number equal to its page's index set apart by a blank line at the page's top or
    // bottom is its number even where it is the only one (page 2 of a two-page letter).
    for (i, off) in candidates {
        let blank = |j: Option<usize>| {
            j.and_then(|j| lines.get(j))
                .is_some_and(|l| l.page == lines[i].page && l.text.is_empty())
        };
        let page = &by_page[&lines[i].page];
        let edge = (page.first() == Some(&i) && blank(Some(i + 1)))
            || (page.last() == Some(&i) && blank(i.checked_sub(1)));
        if off == 0 && lines[i].page > 1 && edge {
            lines[i].role = LineRole::PageNumber;
        }
    }
}

/// Left and right edge of a line's first run.
type Edges = (Option<f32>, Option<f32>);

/// Font size, edges and boldness of the runs that make up `trimmed`.
fn layout_facts(
    runs: &[TextLine],
    cursor: &mut usize,
    trimmed: &str,
) -> (Option<f32>, Edges, bool) {
    if runs.is_empty() || trimmed.is_empty() {
        return (None, (None, None), false);
    }
    let first_cell = trimmed.split('\t').next().unwrap_or("").trim();
    for (k, run) in runs.iter().enumerate().skip(*cursor) {
        let rt = run.text.trim();
        if !rt.is_empty() && (first_cell.starts_with(rt) || rt.starts_with(first_cell)) {
            *cursor = k + 1;
            let bold = run.font.contains("Bold") || run.font.contains("bold");
            return (
                Some(run.font_size),
                (Some(run.rect.x0), Some(run.rect.x1)),
                bold,
            );
        }
    }
    (None, (None, None), false)
}

/// Width, in font sizes, within which a line's end counts as reaching the right margin.
const MARGIN_SLACK: f32 = 2.0;

/// Mark the PDF lines that reach their page's right margin, less [`MARGIN_SLACK`] font
/// sizes. The margin is where most long lines end (the upper quartile of line ends), so a
/// run that overshoots it (a justified line's trailing spaces) does not set it.
fn mark_full_lines(lines: &mut [Line]) {
    let mut ends: HashMap<u32, Vec<f32>> = HashMap::new();
    for l in lines.iter().filter(|l| !l.text.is_empty()) {
        if let Some(x1) = l.x1 {
            ends.entry(l.page).or_default().push(x1);
        }
    }
    let right: HashMap<u32, f32> = ends
        .into_iter()
        .map(|(page, mut xs)| {
            xs.sort_by(f32::total_cmp);
            (page, xs[xs.len() * 3 / 4])
        })
        .collect();
    for l in lines.iter_mut() {
        if let (Some(x1), Some(size), Some(r)) = (l.x1, l.font_size, right.get(&l.page)) {
            l.full = x1 >= r - MARGIN_SLACK * size;
        }
    }
}

/// Mark the PDF lines that start at their page's left margin (the lowest tenth of line
/// starts, within half a font size) on pages where other lines open paragraphs one to
/// [`INDENT_MAX`] font sizes right of it: there, a line at the margin is a wrapped line.
fn mark_margin_lines(lines: &mut [Line]) {
    let mut starts: HashMap<u32, Vec<(f32, f32)>> = HashMap::new();
    for l in lines
        .iter()
        .filter(|l| !l.text.is_empty() && !l.text.contains('\t'))
    {
        if let (Some(x0), Some(size)) = (l.x0, l.font_size) {
            starts.entry(l.page).or_default().push((x0, size));
        }
    }
    let mut margin: HashMap<u32, f32> = HashMap::new();
    for (page, mut xs) in starts {
        xs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let left = xs[xs.len() / 10].0;
        let at = |lo: f32, hi: f32| {
            xs.iter()
                .filter(|(x, s)| *x > left + lo * s && *x <= left + hi * s)
                .count()
        };
        if at(-0.5, 0.5) >= 2 && at(1.0, INDENT_MAX) >= 2 {
            margin.insert(page, left);
        }
    }
    for l in lines.iter_mut() {
        if let (Some(x0), Some(size), Some(m)) = (l.x0, l.font_size, margin.get(&l.page)) {
            l.at_margin = x0 <= m + 0.5 * size;
        }
    }
}

/// Clean one raw line's text; column runs separated by tabs stay separated, and syllables
/// glued by extraction are split ([`crate::segment`]).
fn clean_line(s: &str) -> String {
    s.split('\t')
        .map(|c| crate::segment::split_glued(text::clean(c).trim()).into_owned())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}

/// Lines that repeat at page tops or bottoms on at least three pages are running headers.
fn mark_running_headers(lines: &mut [Line], pages: usize) {
    if pages < 3 {
        return;
    }
    let mut count: HashMap<String, usize> = HashMap::new();
    let mut edges = Vec::new();
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.text.is_empty() {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    for idx in by_page.values() {
        for &i in idx.iter().take(2).chain(idx.iter().rev().take(2)) {
            edges.push(i);
            *count.entry(digits_blanked(&lines[i].text)).or_default() += 1;
        }
    }
    for i in edges {
        let key = digits_blanked(&lines[i].text);
        if count[&key] >= 3 && key.chars().count() > 3 && lines[i].role == LineRole::Body {
            lines[i].role = LineRole::RunningHeader;
        }
    }
}

fn digits_blanked(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Signature-stamp lines are set apart from the body, grouped in blocks.
fn mark_stamps(out: &mut CleanText) {
    // Each line is matched on its own (on every core for a long document); blocks are then
    // formed in order.
    let stamped: Vec<bool> = out
        .all_lines
        .par_iter()
        .with_min_len(1024)
        .map(|l| l.role == LineRole::Body && !l.text.is_empty() && STAMP.is_match(&l.text))
        .collect();
    let mut block: Vec<String> = Vec::new();
    for (l, stamp) in out.all_lines.iter_mut().zip(stamped) {
        if stamp {
            l.role = LineRole::Stamp;
            block.push(l.text.clone());
        } else if !l.text.is_empty() && !block.is_empty() {
            out.stamps.push(block.join("\n"));
            block.clear();
        }
    }
    if !block.is_empty() {
        out.stamps.push(block.join("\n"));
    }
}

/// Find footnote bodies and the markers glued to words in the text.
///
/// A footnote body starts at a line that opens with a marker number that was seen glued
/// to the text before (PDF: in smaller type), and runs to the end of its page (the next
/// page start, for text input without page breaks).
fn mark_footnotes(out: &mut CleanText) {
    let body_size = median_font_size(&out.all_lines);
    let mut seen_markers: Vec<String> = Vec::new();
    // Every marker met so far, bodies found or not: footnotes are numbered on through the
    // document, so the next glued number expected follows the highest of them.
    let mut numbered: Vec<String> = Vec::new();
    let n = out.all_lines.len();
    // A marker is a digit: which lines have one is known beforehand, on every core.
    let has_digit: Vec<bool> = out
        .all_lines
        .par_iter()
        .with_min_len(1024)
        .map(|l| {
            l.text
                .contains(|c: char| c.is_ascii_digit() || is_superscript_digit(c))
        })
        .collect();
    let mut i = 0;
    while i < n {
        let line = &out.all_lines[i];
        if line.role != LineRole::Body || line.text.is_empty() {
            i += 1;
            continue;
        }
        if let Some(fn_start) = footnote_start(&out.all_lines, i, body_size, &seen_markers) {
            let (marker, first_text) = fn_start;
            let page = out.all_lines[i].page;
            let mut members = vec![i];
            let mut texts = Vec::new();
            if !first_text.is_empty() {
                texts.push(first_text);
            }
            let mut j = i + 1;
            while j < n {
                let l = &out.all_lines[j];
                let continues_lone_marker = texts.is_empty();
                if l.page != page
                    || (l.page_start && !continues_lone_marker)
                    || l.role != LineRole::Body
                {
                    break;
                }
                if let Some(bs) = body_size {
                    if l.font_size.map(|s| s >= bs * 0.9).unwrap_or(false) {
                        break;
                    }
                }
                if !l.text.is_empty() && l.font_size.is_none() {
                    // Text input: running text resumes after a finished footnote sentence
                    // (lower-case continuation or a new list item), and bodies are short.
                    let prev_done = texts
                        .last()
                        .map(|t| t.trim_end().ends_with('.'))
                        .unwrap_or(false);
                    let resumes = l.text.starts_with(|c: char| c.is_lowercase())
                        || starts_with_marker(&l.text);
                    if (prev_done && resumes) || texts.len() >= 12 {
                        break;
                    }
                }
                if !l.text.is_empty() {
                    // A new footnote on the same page.
                    if footnote_start(&out.all_lines, j, body_size, &seen_markers).is_some()
                        && j > i + 1
                    {
                        break;
                    }
                    texts.push(l.text.clone());
                }
                members.push(j);
                j += 1;
            }
            for &m in &members {
                out.all_lines[m].role = LineRole::Footnote;
            }
            let first = &out.all_lines[members[0]];
            let last = &out.all_lines[*members.last().unwrap()];
            out.footnotes.push(FootnoteText {
                marker: marker.clone(),
                text: join_wrapped(texts.iter().map(|s| s.as_str())),
                page,
                start: first.start,
                end: last.end,
                lines: members,
            });
            seen_markers.retain(|m| m != &marker);
            i = j;
            continue;
        }
        // Record markers glued to words, and strip them from the line.
        if !has_digit[i] {
            i += 1;
            continue;
        }
        let (stripped, found) = strip_markers(&out.all_lines[i].text, &numbered, i, &out.all_lines);
        if !found.is_empty() {
            out.all_lines[i].text = stripped;
            out.all_lines[i].markers = found.clone();
            numbered.extend(found.iter().cloned());
            seen_markers.extend(found);
        }
        i += 1;
    }
}

/// If line `i` opens a footnote body, its marker and the text after the marker.
fn footnote_start(
    lines: &[Line],
    i: usize,
    body_size: Option<f32>,
    seen: &[String],
) -> Option<(String, String)> {
    let l = &lines[i];
    // A footnote body follows its marker in the text, and starts with the marker's digits.
    if seen.is_empty()
        || !l
            .text
            .starts_with(|c: char| c.is_ascii_digit() || is_superscript_digit(c))
    {
        return None;
    }
    let caps = FOOTNOTE_START.captures(&l.text)?;
    let marker = normalize_marker(caps.get(1)?.as_str());
    let rest = caps
        .get(2)
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    if !seen.contains(&marker) {
        return None;
    }
    if let (Some(bs), Some(fs)) = (body_size, l.font_size) {
        if fs >= bs * 0.9 {
            return None;
        }
    } else if rest.is_empty() {
        // A digit alone on its line: a footnote only when the next text line is its body
        // and not an item "1." or a continuation.
        let next = lines[i + 1..].iter().find(|x| !x.text.is_empty())?;
        if !next
            .text
            .starts_with(|c: char| c.is_uppercase() || c == '(')
        {
            return None;
        }
    } else if !rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '(' | '“' | '"' | '‘'))
    {
        return None;
    }
    Some((marker, rest))
}

/// Superscript digits as plain digits.
fn normalize_marker(m: &str) -> String {
    m.chars()
        .map(|c| match c {
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            '⁰' => '0',
            other => other,
        })
        .collect()
}

/// Remove footnote markers from `text`: superscripts anywhere, a bare number alone on a
/// line between text lines, and a plain digit glued to the end of a word when the next
/// footnote number is expected ("hồ sơ1;").
fn strip_markers(text: &str, seen: &[String], i: usize, lines: &[Line]) -> (String, Vec<String>) {
    let mut found = Vec::new();
    let mut out = text.to_string();
    if out.contains(is_superscript_digit) && SUPERSCRIPT_MARKER.is_match(&out) {
        for c in SUPERSCRIPT_MARKER.captures_iter(text) {
            found.push(normalize_marker(&c[2]));
        }
        out = SUPERSCRIPT_MARKER.replace_all(&out, "$1").into_owned();
    }
    let expected = next_marker(seen, &found);
    // A lone number line between two text lines of one sentence: "quá hạn" / "1" / "); …".
    if out == expected && i > 0 && lines.get(i + 1).is_some() {
        let next = lines[i + 1..].iter().find(|x| !x.text.is_empty());
        if next
            .map(|n| n.text.starts_with([')', ';', ',', '.']))
            .unwrap_or(false)
        {
            found.push(expected);
            return (String::new(), found);
        }
    }
    // A digit glued to a letter: "hồ sơ1;" or "năm 20251" is ambiguous; accept a glued
    // marker only after a letter, never after digits, and only the expected number.
    // `expected` is all digits, so the first whole digit run glued to a letter that equals it
    // is the leftmost match of "letter, expected, then a separator or the end".
    let glued = out
        .contains(expected.as_str())
        .then(|| GLUED_NUMBER.captures_iter(&out).find(|c| c[2] == *expected))
        .flatten()
        .map(|c| (c.get(0).unwrap().range(), format!("{}{}", &c[1], &c[3])));
    if let Some((whole, keep)) = glued {
        out = format!("{}{}{}", &out[..whole.start], keep, &out[whole.end..]);
        found.push(expected);
    }
    (out, found)
}

/// The next footnote number expected after those already seen.
fn next_marker(seen: &[String], found: &[String]) -> String {
    let max = seen
        .iter()
        .chain(found.iter())
        .filter_map(|m| m.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (max + 1).to_string()
}

fn median_font_size(lines: &[Line]) -> Option<f32> {
    let mut sizes: Vec<f32> = lines.iter().filter_map(|l| l.font_size).collect();
    if sizes.len() < 5 {
        return None;
    }
    sizes.sort_by(|a, b| a.total_cmp(b));
    Some(sizes[sizes.len() / 2])
}

/// Join hard-wrapped lines into one string: single spaces, and a word split by a hyphen
/// at the line end kept as written (Vietnamese words are not hyphenated).
pub fn join_wrapped<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let glue_tight = out.ends_with(['(', '/', '“', '"'])
                || p.starts_with([')', ',', ';', '.', ':', '”'])
                || (out.ends_with('-') && !out.ends_with(" -"));
            if !glue_tight {
                out.push(' ');
            }
        }
        out.push_str(p);
    }
    out
}

/// Words that open a new paragraph after a title or header line.
static OPENER: Lazy<Regex> = Lazy::new(|| {
    use crate::lexicon::frame::{pattern, FrameKind as K};
    use crate::lexicon::time::period_word;
    use nhiemvu_model::Frequency;
    Regex::new(&format!(
        r"^(?:{}|(?:{}) \d|(?:{})\s*:|(?:{})\s*[IVX0-9]*\s*$|[\p{{Lu}}][\p{{L}} ]{{1,30}}, {}[\s.…_]*\d{{0,2}}[\s.…_]*{})",
        pattern(|k| k == K::Opener),
        pattern(|k| k == K::DayOpener),
        pattern(|k| k == K::NumberOpener),
        pattern(|k| k == K::AppendixOpener),
        period_word(Frequency::Daily),
        period_word(Frequency::Monthly)
    ))
    .unwrap()
});

/// True when a line opens a list item or numbered heading.
pub fn starts_with_marker(line: &str) -> bool {
    crate::lexicon::markers::starts_with_marker(line)
}

/// True when a line is a heading in capitals ("I. MỤC TIÊU", "KẾ HOẠCH").
pub fn is_caps_heading(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars().filter(|&c| crate::text::is_letter(c)) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 4
}

/// A line whose letters are all capitals, with no digits: a short tail like "PHỦ" or "DÂN"
/// counts as capitals though too short for [`is_caps_heading`].
fn is_caps_tail(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|&c| text::is_letter(c)).collect();
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && !line.contains(|c: char| c.is_ascii_digit())
}

/// Rejoin body lines into paragraphs. A paragraph starts at a list marker, a heading in
/// capitals, after a line that ends a sentence when the next starts with a capital, or
/// at a PDF first-line indent; text input follows its [`Flavour`] (a blank line breaks
/// portal text, a newline breaks one-paragraph-per-line text), and a `|` border always breaks.
pub fn paragraphs(clean: &CleanText) -> Vec<Paragraph> {
    let lines = &clean.all_lines;
    let body: Vec<usize> = clean.body().collect();
    let in_cell = cell_lines(lines);
    // Whether a paragraph breaks between two body lines depends on those two alone: decided
    // pair by pair (on every core for a long document), then the lines are grouped in order.
    let breaks: Vec<bool> = body
        .par_windows(2)
        .with_min_len(1024)
        .map(|w| {
            let gap = &lines[w[0] + 1..w[1]];
            let border = gap.iter().any(is_cell_border);
            let blank = gap
                .iter()
                .any(|l| l.role == LineRole::Body && l.text.is_empty());
            // Table cells of portal text are short lines: read as wrapped text.
            let cell = in_cell[w[0]] && in_cell[w[1]];
            let flavour = if cell {
                Flavour::Wrapped
            } else {
                clean.flavour
            };
            let (prev, line) = (&lines[w[0]], &lines[w[1]]);
            border
                || breaks_in(flavour, blank, cell, prev, line)
                || (flavour == Flavour::Wrapped
                    && !cell
                    && short_heading(&prev.text, &line.text, clean.line_width))
        })
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (k, &i) in body.iter().enumerate() {
        match groups.last_mut() {
            Some(cur) if !breaks[k - 1] => cur.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
        .into_par_iter()
        .with_min_len(256)
        .map(|group| make_paragraph(lines, group))
        .collect()
}

/// Per line, whether it lies between two lone `|` borders of one block of portal text (a
/// block ends at a blank line), at most [`CELL_SPAN`] lines apart: the cells of a table,
/// letterhead or signature block.
fn cell_lines(lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut last_border: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.role == LineRole::Body && l.text.is_empty() {
            last_border = None;
        } else if is_cell_border(l) {
            if let Some(a) = last_border.filter(|&a| i - a <= CELL_SPAN) {
                out[a..i].iter_mut().for_each(|x| *x = true);
            }
            last_border = Some(i);
        }
    }
    out
}

/// Two cell borders further apart than this many lines do not enclose one cell.
const CELL_SPAN: usize = 40;

/// A lone `|` line (one byte of raw text), not a `| --- |` rule row.
fn is_cell_border(l: &Line) -> bool {
    l.role == LineRole::Markup && l.end == l.start + 1
}

/// Whether a paragraph breaks between `prev` and `line` in text of `flavour`; `blank` when a
/// blank line lies between them, `cell` when both are in one table cell.
fn breaks_in(flavour: Flavour, blank: bool, cell: bool, prev: &Line, line: &Line) -> bool {
    let (p, text) = (prev.text.trim_end(), line.text.as_str());
    if wraps_number_range(p, text) {
        return false;
    }
    // Portal text: a heading's bold run closes at its line end; what follows is another
    // paragraph (the body in regular type, or the next bold run). In a cell only a new bold
    // run breaks ("**TM. ỦY BAN NHÂN DÂN**" over "**KT. CHỦ TỊCH**"): "**ỦY BAN NHÂN
    // DÂN**" over "TỈNH …" stays joined as a PDF's capital lines are.
    if prev.closes_bold && (!cell || line.bold) && flavour != Flavour::PerLine {
        return true;
    }
    match flavour {
        // PDF input: a blank line is a vertical gap of two line heights or more on one page
        // ("Kính gửi: …" above the first paragraph).
        Flavour::Wrapped => {
            (blank && prev.x0.is_some() && prev.page == line.page)
                || breaks_between(prev, line, text)
        }
        Flavour::Blank => {
            blank
                || text.contains('\t')
                || p.contains('\t')
                || is_rule(text)
                || is_rule(p)
                || (starts_with_marker(text) && ends_sentence(p))
        }
        Flavour::PerLine => !markup::goes_on(text),
    }
}

/// Wrapped text input (generalization P8a): a numbered heading without final punctuation
/// that ends well short of the wrap width ("1. Kết quả đạt được") ends its paragraph when
/// the next line starts with a capital (the doer: "Sở Y tế triển khai …").
fn short_heading(prev: &str, text: &str, width: usize) -> bool {
    width > 0
        && starts_with_marker(prev)
        && !prev.starts_with(['-', '–', '+', '•', '*'])
        && prev.chars().count() * 2 < width
        && !prev.ends_with([',', ';', ':', '.', '-', '–', '(', '/'])
        && text.starts_with(char::is_uppercase)
}

/// A range of numbers or years cut after its first number: "giai đoạn 2026" / "- 2030".
fn wraps_number_range(prev: &str, text: &str) -> bool {
    prev.ends_with(|c: char| c.is_ascii_digit())
        && (text.strip_prefix("- ").or_else(|| text.strip_prefix("– ")))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// A line of dashes, underscores or equal signs only (the rule under a letterhead part).
fn is_rule(s: &str) -> bool {
    s.len() >= 3 && s.chars().all(|c| matches!(c, '-' | '_' | '=' | '–' | ' '))
}

/// True when a line ends a sentence or introduces a list.
fn ends_sentence(p: &str) -> bool {
    p.ends_with(['.', ':', ';', '!', '?']) || p.ends_with("./.")
}

/// Whether wrapped text breaks into a new paragraph between `prev` and `line` (whose
/// clean text is `text`).
fn breaks_between(prev: &Line, line: &Line, text: &str) -> bool {
    let p = prev.text.trim_end();
    if text.contains('\t') || p.contains('\t') {
        return true;
    }
    if wraps_on(prev, line) {
        return false;
    }
    if starts_with_marker(text) || OPENER.is_match(text) {
        return true;
    }
    // A short tail in capitals ("PHỦ", "DÂN") goes on a capital heading and the heading on
    // it ("ỦY BAN NHÂN" / "DÂN" / "THÀNH PHỐ HÀ NỘI").
    let caps = |s: &str| is_caps_heading(s) || is_caps_tail(s);
    if caps(text) != caps(p) {
        return true;
    }
    if caps(text) && caps(p) {
        // Consecutive capital lines: a wrapped title stays one paragraph.
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    let starts_upper = first.is_uppercase() || first == '“' || first == '"';
    // PDF input: a clause ended at the right margin goes on at the left margin of a page
    // whose paragraphs are indented ("… ngày 02/6/2026;" over "Công ty TNHH …").
    if prev.full && line.at_margin && prev.page == line.page && p.ends_with([';', ',']) {
        return false;
    }
    if ends_sentence(p) && starts_upper {
        return true;
    }
    // PDF input: a first-line indent with a capital after a clause ends ("Căn cứ …," over
    // an indented "Xét đề nghị …") opens a paragraph.
    if starts_upper && p.ends_with(',') && indents(prev, line) {
        return true;
    }
    // PDF input: a change between bold and regular type (title → body) is a break.
    if prev.bold != line.bold && prev.font_size.is_some() {
        return true;
    }
    false
}

/// PDF input: `line` carries on the sentence of `prev` whatever its first character (a
/// dash inside a name range "Tân Lập – Phú Mỹ", a bold date, a number): `prev` fills the
/// line to the right margin with no sentence or clause punctuation at its end, is not a
/// capital heading, and `line` starts no further right than `prev` did (an indented line
/// opens a new item) nor much further left (`prev` is no right-column line).
fn wraps_on(prev: &Line, line: &Line) -> bool {
    let p = prev.text.trim_end();
    let (Some(px), Some(x), Some(size)) = (prev.x0, line.x0, line.font_size) else {
        return false;
    };
    prev.full
        && prev.page == line.page
        && !ends_sentence(p)
        && !is_caps_heading(p)
        && x <= px + size
        && px <= x + INDENT_MAX * size
}

/// PDF input: `line` starts a first-line indent (one to [`INDENT_MAX`] font sizes) right
/// of `prev`, which reaches the right margin.
fn indents(prev: &Line, line: &Line) -> bool {
    let (Some(px), Some(x), Some(size)) = (prev.x0, line.x0, line.font_size) else {
        return false;
    };
    prev.full && prev.page == line.page && x > px + size && x <= px + INDENT_MAX * size
}

/// The widest first-line indent, in font sizes: a line that starts further right than this
/// from the next one (a date or a signature in the right column) is no wrapped body line.
const INDENT_MAX: f32 = 4.0;

fn make_paragraph(lines: &[Line], idx: Vec<usize>) -> Paragraph {
    let text = join_wrapped(idx.iter().map(|&i| lines[i].text.as_str()));
    Paragraph { text, lines: idx }
}

#[cfg(test)]
mod tests;
