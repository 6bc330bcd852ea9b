//! KPI tables in appendices: rows rebuilt from extracted lines into indicator, milestone
//! values, responsible unit and monitoring unit.
//!
//! Extracted text reads a table row by row with wrapped cells on their own lines. A row
//! starts at its number (1, 2, 3 … in sequence, so numbers inside cells are not taken for
//! rows); the milestone values are the longest run of value cells ("≥ 60%", "100%", "Có");
//! what precedes them is the indicator, what follows names the units, the monitoring unit
//! last (annotation guide §2: a row with a responsible unit is a task; the monitoring
//! column is not an assignee).

use crate::deadline::{self, DateContext};
use crate::{target, units};
use nhiemvu_model::DateRule;
use nhiemvu_model::Frequency;
use nhiemvu_model::{Deadline, Page, Provenance, Target};
use nhiemvu_normalizer::layout::{CleanText, LineRole, Paragraph};
use nhiemvu_normalizer::lexicon::frame::{self, FrameKind};
use nhiemvu_normalizer::lexicon::{markers, time};
use once_cell::sync::Lazy;
use regex::Regex;

/// One KPI row.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiRow {
    /// Row number as printed.
    pub number: u32,
    /// The section row above it ("Phát triển hạ tầng").
    pub group: Option<String>,
    /// Whole row text, cells joined by spaces.
    pub text: String,
    /// Indicator (what is measured).
    pub indicator: String,
    /// Milestone values as written, in column order.
    pub values: Vec<String>,
    /// Milestone year of each value when the columns could be placed.
    pub years: Vec<Option<i32>>,
    /// Responsible units (raw).
    pub responsible: Vec<String>,
    /// Monitoring unit text (raw), not an assignee.
    pub monitoring: Option<String>,
    /// Index of the row's first line in the input.
    pub first_line: usize,
    /// Index of the row's last line in the input.
    pub last_line: usize,
    /// Page of the row when it was read from positioned runs.
    pub page: Option<u32>,
}

static YEARS_ONLY: Lazy<Regex> = Lazy::new(|| {
    let year = time::period_word(Frequency::Yearly);
    Regex::new(&format!(
        r"^(?:(?:{}\s*)?20\d\d[\s\t]*){{2,}}$",
        nhiemvu_normalizer::lexicon::alternation([year], true)
    ))
    .unwrap()
});
static YEAR: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b(20[2-9][0-9])\b").unwrap());
/// A KPI table's heading line (lexicon `frame`), or a line of milestone years.
static HEADER_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{}|(?:{})\s*$|{}\s*(?:20\d\d)?\s*$|20\d\d\s*$)",
        frame::pattern(frame::is_kpi_heading),
        frame::pattern(|k| k == FrameKind::KpiHeadingAlone),
        time::period_word(Frequency::Yearly)
    ))
    .unwrap()
});
/// A KPI heading wherever it stands ("… Đến hết năm 2025").
static HEADER_ANYWHERE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&frame::pattern(|k| k == FrameKind::KpiHeadingAnywhere)).unwrap());
static ROW_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^([0-9]{1,3})(?:\s*$|\s+(?:-\s+)?(\S.*)$)").unwrap());
/// A section row of a table ("I Phát triển hạ tầng"): a Roman marker of the one marker
/// grammar, then a capitalised title; gives the title.
fn group_row(t: &str) -> Option<&str> {
    let m = markers::marker_of(t)?;
    let rest = t[m.len..].trim();
    (m.kind == markers::MarkerKind::Roman && rest.starts_with(char::is_uppercase)).then_some(rest)
}
/// A KPI cell's value: a number or range, maybe a percentage, or a qualitative value
/// (lexicon `frame`: "Có", "Đạt", "Hoàn thành").
static VALUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?%?(?:\s*GRDP)?|{})$",
        frame::kpi_values(false)
    ))
    .unwrap()
});

/// The words of a qualitative value of several words ("Ứng", "dụng"): a wrapped cell's
/// pieces, each still part of a value.
fn value_piece(w: &str) -> bool {
    frame::words(FrameKind::KpiValue)
        .filter(|v| v.contains(' '))
        .any(|v| v.split(' ').any(|p| p == w))
}

/// True when `prev` then `w` are the first two words of a qualitative value ("Ứng" +
/// "dụng"): the two tokens are one cell.
fn continues_value(prev: &str, w: &str) -> bool {
    frame::words(FrameKind::KpiValue).any(|v| {
        let mut ps = v.split(' ');
        ps.next() == Some(prev) && ps.next() == Some(w)
    })
}

/// True when `lines` look like a KPI table header (indicator, milestone years, units).
pub fn is_kpi_table(lines: &[String]) -> bool {
    let head: String = lines
        .iter()
        .take(40)
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    head.contains("Chỉ tiêu") && head.contains("Đơn vị") && YEAR.find_iter(&head).count() >= 2
}

/// Milestone years named in the table header, in column order.
pub fn header_years(lines: &[String]) -> Vec<i32> {
    let mut years = Vec::new();
    for l in lines.iter().take(60) {
        if ROW_START
            .captures(l)
            .map(|c| c.get(2).is_some())
            .unwrap_or(false)
        {
            break;
        }
        // "năm 2025 năm 2030 …": the milestone row of a header whose cells were drawn apart.
        if HEADER_WORDS.is_match(l.trim())
            || HEADER_ANYWHERE.is_match(l)
            || YEARS_ONLY.is_match(l.trim())
        {
            for m in YEAR.find_iter(l) {
                let y: i32 = m.as_str().parse().unwrap();
                if !years.contains(&y) {
                    years.push(y);
                }
            }
        }
    }
    years
}

/// Rebuild the rows of a KPI table from its extracted lines (raw text, wrapped cells on
/// their own lines, repeated page headers included).
pub fn rows(lines: &[String]) -> Vec<KpiRow> {
    let years = header_years(lines);
    let mut out = Vec::new();
    let mut expected = 1u32;
    let mut group: Option<String> = None;
    let mut cur: Option<(u32, usize, Vec<String>)> = None;
    let mut last_line = 0;
    let finish = |cur: Option<(u32, usize, Vec<String>)>,
                  last: usize,
                  group: &Option<String>,
                  out: &mut Vec<KpiRow>| {
        if let Some((n, first, ls)) = cur {
            if let Some(r) = parse_row(n, first, last, group.clone(), &ls, &years) {
                out.push(r);
            }
        }
    };
    for (i, raw) in lines.iter().enumerate() {
        let l = raw.replace('\t', "  ");
        let t = l.trim();
        if t.is_empty() || HEADER_WORDS.is_match(t) {
            continue;
        }
        if let Some(c) = ROW_START.captures(t) {
            let n: u32 = c[1].parse().unwrap();
            let rest_is_value = c
                .get(2)
                .map(|m| {
                    m.as_str()
                        .starts_with(|ch: char| ch.is_ascii_digit() || "≥≤<>".contains(ch))
                })
                .unwrap_or(false);
            if n == expected && !rest_is_value {
                finish(cur.take(), last_line, &group, &mut out);
                expected += 1;
                let rest = c.get(2).map(|m| m.as_str().to_string()).unwrap_or_default();
                // Keep the raw spacing of the rest of the line (it places values in columns).
                let rest_raw = match l.find(rest.trim_start()) {
                    Some(p) if !rest.is_empty() => l[p..].to_string(),
                    _ => rest,
                };
                cur = Some((n, i, vec![rest_raw]));
                last_line = i;
                continue;
            }
        }
        if let Some(title) = group_row(t) {
            finish(cur.take(), last_line, &group, &mut out);
            group = Some(title.to_string());
            continue;
        }
        if let Some((_, _, ls)) = cur.as_mut() {
            ls.push(l.trim_end_matches(['\n', '\r']).to_string());
            last_line = i;
        }
    }
    finish(cur.take(), last_line, &group, &mut out);
    out
}

/// A cell-level token of a row: text and whether it is a value.
fn tokens(line: &str) -> Vec<String> {
    // Group "≥ 60%" and "1 - 2" and "≥ 1,0% GRDP" and "Ứng dụng" into single tokens.
    static TOKEN: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            r"(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?(?:\s*%)?(?:\s*GRDP)?(?:[^\s\d%]\S*)?|{}|\S+",
            frame::kpi_values(true)
        ))
        .unwrap()
    });
    TOKEN
        .find_iter(line)
        .map(|m| m.as_str().trim().to_string())
        .collect()
}

fn parse_row(
    number: u32,
    first_line: usize,
    last_line: usize,
    group: Option<String>,
    lines: &[String],
    years: &[i32],
) -> Option<KpiRow> {
    // Flatten to tokens, remembering which line each came from.
    let mut toks: Vec<(String, usize)> = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        for t in tokens(l) {
            // Cells wrapped inside a value: "≥ 1,0%" / "GRDP", "Ứng" / "dụng".
            let glue = match (toks.last(), t.as_str()) {
                (Some((prev, _)), "GRDP") => VALUE.is_match(prev) && !prev.contains("GRDP"),
                (Some((prev, _)), w) => continues_value(prev, w),
                _ => false,
            };
            if glue {
                let last = toks.last_mut().unwrap();
                last.0.push(' ');
                last.0.push_str(&t);
            } else {
                toks.push((t, li));
            }
        }
    }
    let is_value = |k: usize| -> bool {
        let t = &toks[k].0;
        if !VALUE.is_match(t) {
            return false;
        }
        // A bare number followed by a lower-case word counts things ("12 trường học").
        let bare = t.chars().all(|c| c.is_ascii_digit());
        let next_lower = toks
            .get(k + 1)
            .map(|(n, _)| n.starts_with(|c: char| c.is_lowercase()))
            .unwrap_or(false);
        !(bare && next_lower)
    };
    // The longest run of values; the last one on ties.
    let (mut best, mut best_len) = (None, 0);
    let mut k = 0;
    while k < toks.len() {
        if is_value(k) {
            let s = k;
            while k < toks.len() && is_value(k) {
                k += 1;
            }
            if k - s >= best_len {
                best = Some(s);
                best_len = k - s;
            }
        } else {
            k += 1;
        }
    }
    let start = best?;
    let end = start + best_len;
    let indicator = toks[..start]
        .iter()
        .map(|t| t.0.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .trim_start_matches(['-', ' '])
        .to_string();
    let values: Vec<String> = toks[start..end].iter().map(|t| t.0.clone()).collect();
    // Unit text: the rest, keeping line breaks (cells wrap onto lines).
    let mut unit_lines: Vec<String> = Vec::new();
    let mut last_li = usize::MAX;
    for (t, li) in &toks[end..] {
        if *li != last_li {
            unit_lines.push(String::new());
            last_li = *li;
        }
        let cur = unit_lines.last_mut().unwrap();
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(t);
    }
    let (responsible, monitoring) = split_unit_cells(&unit_lines);
    let value_years = place_values(lines, &toks, start, end, years);
    let text = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(KpiRow {
        number,
        group,
        text: text.trim_start_matches(['-', ' ']).to_string(),
        indicator,
        values,
        years: value_years,
        responsible,
        monitoring,
        first_line,
        last_line,
        page: None,
    })
}

static CELL_HEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)({}|\d+\s+(?:{}))\b",
        frame::pattern(|k| k == FrameKind::KpiCellHead),
        frame::pattern(|k| k == FrameKind::KpiCountedHead)
    ))
    .unwrap()
});

/// Split the unit text of a row into the responsible cell and the monitoring cell.
fn split_unit_cells(lines: &[String]) -> (Vec<String>, Option<String>) {
    let lines: Vec<&str> = lines
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if lines.is_empty() {
        return (Vec::new(), None);
    }
    let joined = |ls: &[&str]| {
        ls.join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Across lines: the monitoring cell starts at the last line that opens a unit and does
    // not continue a list (previous line ending in ',' or ';').
    let mut split: Option<usize> = None;
    for i in (1..lines.len()).rev() {
        let opens = CELL_HEAD
            .find(lines[i])
            .map(|m| m.start() == 0)
            .unwrap_or(false);
        let prev = lines[i - 1].trim_end();
        if opens && !prev.ends_with(',') && !prev.ends_with(';') {
            split = Some(i);
            break;
        }
        if opens {
            continue;
        }
    }
    let (resp_text, mon_text) = match split {
        Some(i) => (joined(&lines[..i]), Some(joined(&lines[i..]))),
        None => {
            // Within one line: the last unit head starts the monitoring cell.
            let all = joined(&lines);
            let heads: Vec<usize> = CELL_HEAD
                .find_iter(&all)
                .map(|m| m.start() + (m.as_str().len() - m.as_str().trim_start().len()))
                .filter(|&p| p > 0)
                .collect();
            match heads.last() {
                Some(&p) if !all[..p].trim_end().ends_with(',') => (
                    all[..p].trim().to_string(),
                    Some(all[p..].trim().to_string()),
                ),
                _ => (all, None),
            }
        }
    };
    (responsible_units(&resp_text), mon_text)
}

/// The units of a responsible-unit cell: split at commas, "và" and ';'.
fn responsible_units(cell: &str) -> Vec<String> {
    let cell = cell.trim().trim_end_matches([',', ';']);
    if cell.is_empty() {
        return Vec::new();
    }
    units::split_units(cell)
        .into_iter()
        .flat_map(|u| {
            u.split(';')
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Milestone year of each value: all columns when every column has a value; otherwise
/// from the blank space around the values on their line (text input).
fn place_values(
    lines: &[String],
    toks: &[(String, usize)],
    start: usize,
    end: usize,
    years: &[i32],
) -> Vec<Option<i32>> {
    let n = end - start;
    if years.is_empty() {
        return vec![None; n];
    }
    if n == years.len() {
        return years.iter().map(|&y| Some(y)).collect();
    }
    // Trailing blanks after the last value on its line stand for empty columns.
    let last_line = &lines[toks[end - 1].1];
    let last_val = &toks[end - 1].0;
    let after = match last_line.rfind(last_val.as_str()) {
        Some(p) => &last_line[p + last_val.len()..],
        None => "",
    };
    let next_on_line = toks
        .get(end)
        .map(|t| t.1 == toks[end - 1].1)
        .unwrap_or(false);
    let blanks = if next_on_line {
        let next = &toks[end].0;
        after
            .find(next.as_str())
            .map(|p| after[..p].chars().filter(|c| *c == ' ').count())
            .unwrap_or(0)
    } else {
        after.chars().take_while(|c| *c == ' ').count()
    };
    let empty_after = ((blanks as f64) / 2.2).floor() as usize;
    let total = years.len();
    if n + empty_after > total {
        return vec![None; n];
    }
    let first_col = total - empty_after - n;
    (0..n).map(|k| Some(years[first_col + k])).collect()
}

/// A KPI row as a task: its section ("PL1.3"), text, responsible units, where it came
/// from, and the due date and targets read from its cells.
#[derive(Debug, Clone)]
pub struct RowTask {
    /// Section path "PL<appendix>.<row>".
    pub section: String,
    /// Whole row text.
    pub text: String,
    /// The activity cell alone (a task table's content column; empty for KPI rows), to
    /// recognise the same activity stated in the body.
    pub content: String,
    /// Responsible units (raw): the assignees (guide rule 2).
    pub responsible: Vec<String>,
    /// Supporting units (raw), from a coordinator column.
    pub coordinators: Vec<String>,
    /// Where the row came from.
    pub provenance: Provenance,
    /// Due date from the indicator, else the single milestone's year end.
    pub deadline: Option<Deadline>,
    /// Milestone values.
    pub targets: Vec<Target>,
}

/// The tasks of every KPI table among the appendices (paragraph indices `appendices`):
/// each row with a responsible unit. Without a labelled appendix, the end matter from
/// `body_end` on is read for a task table too: an attachment titled only by its subject
/// ("PHÂN CÔNG NHIỆM VỤ … (Kèm theo Kế hoạch …)") follows the signature unlabelled.
pub fn appendix_tasks(
    pages: &[Page],
    clean: &CleanText,
    paras: &[Paragraph],
    appendices: &[usize],
    body_end: usize,
    ctx: &DateContext,
) -> Vec<RowTask> {
    let mut out = Vec::new();
    if appendices.is_empty() {
        if let Some(first) = paras.get(body_end).and_then(|p| p.lines.first().copied()) {
            out.extend(task_table_rows(
                0,
                pages,
                clean,
                (first, clean.all_lines.len()),
                ctx,
            ));
        }
    }
    for (k, &a) in appendices.iter().enumerate() {
        let Some(first) = paras.get(a).and_then(|p| p.lines.first().copied()) else {
            continue;
        };
        let until = appendices
            .get(k + 1)
            .and_then(|&n| paras.get(n))
            .and_then(|p| p.lines.first().copied())
            .unwrap_or(clean.all_lines.len());
        let (idx, lines) = appendix_lines(pages, clean, first, until);
        if !is_kpi_table(&lines) {
            out.extend(task_table_rows(k, pages, clean, (first, until), ctx));
            continue;
        }
        for row in appendix_rows(pages, clean, first, &lines) {
            if row.responsible.is_empty() {
                continue;
            }
            let provenance = row_provenance(pages, clean, &idx, &row);
            out.push(row_task(k, row, provenance, ctx));
        }
    }
    out
}

/// The rows of a task table (content / lead / coordinators / time columns) in appendix
/// `k`, lines `first..until`: each row with a lead is a task. A PDF's table is read from
/// the positions of its runs ([`crate::task_table::rows_from_runs`]), other input (or a PDF
/// table that reading does not find) from its lines.
fn task_table_rows(
    k: usize,
    pages: &[Page],
    clean: &CleanText,
    (first, until): (usize, usize),
    ctx: &DateContext,
) -> Vec<RowTask> {
    let (rows, lines, provenance) = match placed_task_rows(pages, clean, first, until) {
        Some(found) => found,
        None => text_task_rows(clean, first, until),
    };
    // The table's title ("… CHỈ TIÊU … ĐẾN NĂM 2030"): its last year is the horizon by which
    // a row's measurable targets are due.
    let title_end = rows.first().map_or(0, |r| r.first_line).min(lines.len());
    let horizon = lines[..title_end]
        .iter()
        .flat_map(|l| {
            YEAR.captures_iter(l)
                .map(|c| c[1].parse::<i32>().ok())
                .collect::<Vec<_>>()
        })
        .flatten()
        .max();
    rows.into_iter()
        .map(|row| {
            let targets = target::find_targets(&row.text);
            let mut deadline = deadline::find_deadline(&row.time, ctx).map(|d| Deadline {
                due_rule: Some(nhiemvu_model::DateRule::TableColumn),
                ..d
            });
            if let (Some(y), false) = (horizon, targets.is_empty()) {
                due_by_year_end(&mut deadline, y, "đến năm", DateRule::HeadingDate);
            }
            RowTask {
                section: format!("PL{}.{}", k + 1, row.number),
                provenance: provenance[row.first_line..=row.last_line]
                    .iter()
                    .fold(None, |acc: Option<Provenance>, p| {
                        Some(match acc {
                            None => *p,
                            Some(a) => Provenance {
                                end: p.end,
                                end_page: (p.page != a.page).then_some(p.page),
                                ..a
                            },
                        })
                    })
                    .unwrap_or(provenance[row.first_line]),
                text: row.row_text,
                content: row.text,
                responsible: row.leads,
                coordinators: row.coordinators,
                deadline,
                targets,
            }
        })
        .collect()
}

/// Task rows with the lines they index and where each of those lines is.
type TableRead = (
    Vec<crate::task_table::TaskRow>,
    Vec<String>,
    Vec<Provenance>,
);

/// A task table read from its lines as written: borders as "|", a row of tab-separated
/// cells as a markdown row.
fn text_task_rows(clean: &CleanText, first: usize, until: usize) -> TableRead {
    // Every line, cell borders included: they separate the cells.
    let idx: Vec<usize> = (first..until)
        .filter(|&i| {
            matches!(
                clean.all_lines[i].role,
                LineRole::Body | LineRole::RunningHeader | LineRole::Markup
            )
        })
        .collect();
    let lines: Vec<String> = idx
        .iter()
        .map(|&i| {
            let l = &clean.all_lines[i];
            if l.role == LineRole::Markup {
                "|".to_string()
            } else if l.text.contains('\t') {
                format!("| {} |", l.text.replace('\t', " | "))
            } else {
                l.text.clone()
            }
        })
        .collect();
    let provenance = idx
        .iter()
        .map(|&i| {
            let l = &clean.all_lines[i];
            Provenance {
                page: l.page,
                start: l.start,
                end: l.end,
                end_page: None,
            }
        })
        .collect();
    (crate::task_table::rows(&lines), lines, provenance)
}

/// A PDF task table read from the positioned runs of the pages of lines `first..until`;
/// `None` when the pages have no runs or no numbered task table is found among them.
fn placed_task_rows(
    pages: &[Page],
    clean: &CleanText,
    first: usize,
    until: usize,
) -> Option<TableRead> {
    let (from, to) = (
        clean.all_lines.get(first)?.page,
        clean.all_lines.get(until.checked_sub(1)?)?.page,
    );
    let mut runs = Vec::new();
    let mut provenance = Vec::new();
    for p in pages.iter().filter(|p| (from..=to).contains(&p.number)) {
        let mut cursor = 0;
        for r in &p.lines {
            // Runs are the page text's cells in order: each is found after the one before.
            let t = r.text.trim();
            let (start, end) = match p.text[cursor..].find(t) {
                Some(at) => (cursor + at, cursor + at + t.len()),
                None => (cursor, cursor),
            };
            cursor = end;
            runs.push((p.number, r));
            provenance.push(Provenance {
                page: p.number,
                start,
                end,
                end_page: None,
            });
        }
    }
    let rows = crate::task_table::rows_from_runs(&runs);
    if rows.is_empty() {
        return None;
    }
    let lines = runs.iter().map(|r| r.1.text.clone()).collect();
    Some((rows, lines, provenance))
}

/// Body lines `first..until` of an appendix (repeated table headers kept) as raw text:
/// NFC, spacing kept, since blank runs place values in their columns.
fn appendix_lines(
    pages: &[Page],
    clean: &CleanText,
    first: usize,
    until: usize,
) -> (Vec<usize>, Vec<String>) {
    let idx: Vec<usize> = (first..until)
        .filter(|&i| {
            matches!(
                clean.all_lines[i].role,
                LineRole::Body | LineRole::RunningHeader
            )
        })
        .collect();
    let lines = idx
        .iter()
        .map(|&i| {
            let l = &clean.all_lines[i];
            let raw = pages
                .iter()
                .find(|p| p.number == l.page)
                .map(|p| &p.text[l.start..l.end]);
            nhiemvu_normalizer::text::nfc(raw.unwrap_or(&l.text))
        })
        .collect();
    (idx, lines)
}

/// The rows of one KPI table: from positioned runs (PDF input), else from the lines.
fn appendix_rows(pages: &[Page], clean: &CleanText, first: usize, lines: &[String]) -> Vec<KpiRow> {
    let first_page = clean.all_lines[first].page;
    let runs: Vec<(u32, &nhiemvu_model::TextLine)> = pages
        .iter()
        .filter(|p| p.number >= first_page)
        .flat_map(|p| {
            let skip = if p.number == first_page {
                p.lines
                    .iter()
                    .position(|r| {
                        let t = r.text.trim_start().to_lowercase();
                        frame::words(FrameKind::AppendixOpener)
                            .any(|w| t.starts_with(&w.to_lowercase()))
                    })
                    .unwrap_or(0)
            } else {
                0
            };
            p.lines.iter().skip(skip).map(move |r| (p.number, r))
        })
        .collect();
    let by_position = rows_from_runs(&runs, &header_years(lines));
    if by_position.len() >= 2 {
        by_position
    } else {
        rows(lines)
    }
}

/// Where a row came from: its indicator's first words on its page (positioned runs), else
/// its lines.
fn row_provenance(pages: &[Page], clean: &CleanText, idx: &[usize], row: &KpiRow) -> Provenance {
    match row.page {
        Some(pg) => {
            let text = pages
                .iter()
                .find(|p| p.number == pg)
                .map(|p| p.text.as_str())
                .unwrap_or("");
            let probe: String = row
                .indicator
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            let start = text.find(&probe).unwrap_or(0);
            Provenance {
                page: pg,
                start,
                end: start + probe.len(),
                end_page: None,
            }
        }
        None => {
            let (f, l) = (
                &clean.all_lines[idx[row.first_line]],
                &clean.all_lines[idx[row.last_line]],
            );
            Provenance {
                page: f.page,
                start: f.start,
                end: l.end,
                end_page: (l.page != f.page).then_some(l.page),
            }
        }
    }
}

/// The task of row `row` of appendix `k`: the indicator's own date, else a single
/// milestone's year end; the milestone values as targets.
fn row_task(k: usize, row: KpiRow, provenance: Provenance, ctx: &DateContext) -> RowTask {
    let mut deadline = deadline::find_deadline(&row.indicator, ctx);
    let targets = row
        .values
        .iter()
        .zip(&row.years)
        .map(|(v, y)| target::parse_cell(v, *y).unwrap_or_else(|| raw_target(v, *y)))
        .collect();
    // The last milestone with a value is the row's due date: by then the whole row is done
    // (guide rule 9).
    let last_year = row
        .values
        .iter()
        .zip(&row.years)
        .filter(|(v, _)| !v.trim().is_empty())
        .filter_map(|(_, y)| *y)
        .next_back();
    if let Some(y) = last_year {
        due_by_year_end(&mut deadline, y, "Đến hết năm", DateRule::TableColumn);
    }
    RowTask {
        section: format!("PL{}.{}", k + 1, row.number),
        text: row.text,
        content: String::new(),
        responsible: row.responsible,
        coordinators: Vec::new(),
        provenance,
        deadline,
        targets,
    }
}

/// Give `deadline` the end of year `y` as its due date when it has none, read by `rule`
/// and written as "`words` `y`".
fn due_by_year_end(deadline: &mut Option<Deadline>, y: i32, words: &str, rule: DateRule) {
    let d = deadline.get_or_insert(Deadline {
        due: None,
        start: None,
        recurrence: None,
        ongoing: false,
        raw: String::new(),
        due_rule: None,
    });
    if d.due.is_none() {
        d.due = chrono::NaiveDate::from_ymd_opt(y, 12, 31).map(nhiemvu_model::Moment::Date);
        d.raw = format!("{words} {y}");
        d.due_rule = Some(rule);
    }
}

/// A target known only by its text (a cell the target parser does not read).
fn raw_target(v: &str, by: Option<i32>) -> Target {
    Target {
        raw: v.to_string(),
        value: None,
        value_max: None,
        unit: None,
        comparator: nhiemvu_model::Comparator::Eq,
        measure: None,
        by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlabelled_attachment_after_the_signature_gives_its_table_rows() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ BÌNH MINH\nSố: 12/KH-UBND\nBình Minh, ngày 03 tháng 4 năm 2026\nKẾ HOẠCH\nTổ chức ngày hội đọc sách năm 2026\nI. TỔ CHỨC THỰC HIỆN\nGiao Văn phòng HĐND và UBND xã chuẩn bị hội trường.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Khánh\nPHÂN CÔNG NHIỆM VỤ CỦA BAN TỔ CHỨC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 03/4/2026)\nTT\nNhiệm vụ thực hiện\nNgười thực hiện\nGhi chú\n1.\nTrang trí khu trưng bày sách\nPhạm Thu Hà\nĐinh Quang Huy\n2.\nĐón tiếp đại biểu\nLò Văn Sơn\n";
        let page = nhiemvu_model::Page {
            number: 1,
            text: text.to_string(),
            annotations: Vec::new(),
            readability: None,
            text_source: Default::default(),
            ocr: None,
            lines: Vec::new(),
        };
        let a = crate::analyse::analyse(&[page], "00");
        let leads = |t: &str| {
            a.tasks.iter().find(|x| x.text.starts_with(t)).map(|x| {
                x.assignees
                    .iter()
                    .map(|u| u.name.clone())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            leads("Trang trí khu trưng bày sách"),
            Some(vec![
                "Phạm Thu Hà".to_string(),
                "Đinh Quang Huy".to_string()
            ])
        );
        assert_eq!(
            leads("Đón tiếp đại biểu"),
            Some(vec!["Lò Văn Sơn".to_string()])
        );
    }

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(|l| l.to_string()).collect()
    }

    const TABLE: &str = "STT Chỉ tiêu \nMục tiêu theo từng giai đoạn \nĐơn vị chịu trách nhiệm \nthực hiện  \nĐơn vị theo dõi, đánh giá \nĐến hết  \nnăm  \n2025 \nĐến hết  \nnăm \n 2030 \nĐến hết  \nnăm \n 2035 \nĐến hết  \nnăm  \n2040 \nĐến hết  \nnăm  \n2045 \nI Phát triển hạ tầng    \n1 - Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60% 100%       \nCác Doanh nghiệp bưu \nchính, Công nghệ thông \ntin trên địa bàn xã  \nPhòng Văn hóa – Xã hội \n2 \n- Cán bộ, công chức cấp xã, thôn, buôn \nđược bồi dưỡng kỹ năng số căn bản. \n≥ 80% 100% 100% 100% 100% \nVP Đảng ủy xã, VP \nHĐND và UBND xã \nVăn phòng Đảng ủy; \nPhòng Văn hóa-Xã hội \n3 \n- Dân số trưởng thành tiếp cận dịch vụ số \n≥80% ≥90% ≥95% ≥97% ≥ 99% \n12 trường học, 36 thôn \nbuôn \nPhòng Văn hóa-Xã hội \n4 \n- Trung tâm an ninh mạng cấp xã (hoặc \nthuê dịch vụ giám sát an toàn thông tin). \nCó         Công an xã Ea Wy Công an xã Ea Wy \n5 \n- Số người nghiên cứu trên 01 vạn dân. \n6 12 20 33 54 Các cơ quan, đơn vị Phòng Văn hóa-Xã hội ";

    #[test]
    fn digits_of_other_scripts_are_not_row_numbers_or_years() {
        // Found by the text pipeline property test: `\d` also matches Khudawadi "𑋰", which
        // `u32::from_str` refuses; row numbers and years are ASCII digits only.
        let ls = lines("STT Chỉ tiêu Đơn vị chịu trách nhiệm 2025 202𑋰\n𑋰 Tỷ lệ\n1 - Tỷ lệ ≥ 60%");
        assert_eq!(header_years(&ls), vec![2025]);
        let rows = rows(&ls);
        assert!(rows.iter().all(|r| r.number == 1), "{rows:?}");
    }

    #[test]
    fn milestone_years_on_a_line_of_their_own_are_the_header_years() {
        let ls = lines(concat!(
            "Phụ lục\nMục tiêu theo từng giai đoạn\n",
            "STT\tChỉ tiêu\tĐến hết\tĐến hết\tĐến hết\n",
            "năm 2026 năm 2028 năm 2030\n",
            "1 - Tỷ lệ hồ sơ trực tuyến\t≥ 60%\t80%\tSở Tư pháp\n",
        ));
        assert_eq!(header_years(&ls), vec![2026, 2028, 2030]);
    }

    #[test]
    fn rebuilds_rows_values_and_units() {
        let ls = lines(TABLE);
        assert!(is_kpi_table(&ls));
        assert_eq!(header_years(&ls), vec![2025, 2030, 2035, 2040, 2045]);
        let r = rows(&ls);
        assert_eq!(r.len(), 5, "{r:#?}");
        assert_eq!(r[0].values, vec!["≥ 60%", "100%"]);
        assert_eq!(r[0].years, vec![Some(2025), Some(2030)]);
        assert_eq!(
            r[0].responsible,
            vec!["Các Doanh nghiệp bưu chính, Công nghệ thông tin trên địa bàn xã"]
        );
        assert_eq!(r[0].monitoring.as_deref(), Some("Phòng Văn hóa – Xã hội"));
        assert_eq!(r[0].group.as_deref(), Some("Phát triển hạ tầng"));
        assert_eq!(
            r[1].responsible,
            vec!["VP Đảng ủy xã", "VP HĐND và UBND xã"]
        );
        assert_eq!(r[2].values.len(), 5);
        assert_eq!(r[2].responsible, vec!["12 trường học", "36 thôn buôn"]);
        assert_eq!(r[3].values, vec!["Có"]);
        assert_eq!(r[3].years, vec![Some(2025)]);
        assert_eq!(r[3].responsible, vec!["Công an xã Ea Wy"]);
        assert_eq!(r[4].values, vec!["6", "12", "20", "33", "54"]);
        assert_eq!(r[4].responsible, vec!["Các cơ quan, đơn vị"]);
        assert!(r[4].indicator.contains("01 vạn dân"));
    }
}

/// A word of a positioned run with its estimated left edge.
#[derive(Debug, Clone)]
struct Word {
    page: u32,
    y: f32,
    x: f32,
    text: String,
}

/// Split positioned runs into words, estimating each word's x from its place in the run
/// (runs that span two cells are cut where the cells are).
fn words_of(page: u32, run: &nhiemvu_model::TextLine) -> Vec<Word> {
    let n = run.text.chars().count().max(1) as f32;
    let width = (run.rect.x1 - run.rect.x0).max(1.0);
    let mut out = Vec::new();
    let mut idx = 0usize;
    for w in run.text.split(' ') {
        let len = w.chars().count();
        if !w.is_empty() {
            // The word's estimated centre.
            out.push(Word {
                page,
                y: run.rect.y0,
                x: run.rect.x0 + width * (idx as f32 + len as f32 / 2.0) / n,
                text: w.to_string(),
            });
        }
        idx += len + 1;
    }
    out
}

/// Column boundaries of a KPI table from its header runs (STT, indicator, one per
/// milestone "Đến hết", responsible unit, monitoring unit). Header cells are centred, so
/// edges are placed from centres: milestone columns share one width, the indicator column
/// takes what lies between the STT cell and the first milestone.
fn header_columns(runs: &[(u32, &nhiemvu_model::TextLine)]) -> Option<(Vec<f32>, usize)> {
    let find = |pred: &dyn Fn(&str) -> bool| {
        runs.iter()
            .find(|(_, r)| pred(r.text.trim()))
            .map(|(_, r)| r.rect)
    };
    let centre = |r: nhiemvu_model::Rect| (r.x0 + r.x1) / 2.0;
    let opens = |kind| move |t: &str| t.starts_with(frame::word(kind));
    let stt = find(&opens(FrameKind::KpiNumberHeading))?;
    let responsible = find(&opens(FrameKind::KpiLeadHeading))?;
    let monitoring = find(&opens(FrameKind::KpiMonitorHeading))?;
    let milestone = opens(FrameKind::KpiHeadingAnywhere);
    let mut milestones: Vec<f32> = runs
        .iter()
        .filter(|(_, r)| milestone(r.text.trim()))
        .map(|(_, r)| centre(r.rect))
        .collect();
    milestones.sort_by(|a, b| a.total_cmp(b));
    milestones.dedup_by(|a, b| (*a - *b).abs() < 3.0);
    if milestones.is_empty() {
        return None;
    }
    let width = if milestones.len() >= 2 {
        (milestones[milestones.len() - 1] - milestones[0]) / (milestones.len() - 1) as f32
    } else {
        40.0
    };
    // Boundaries between consecutive columns, left to right.
    let mut bounds = vec![stt.x1 + 2.0, milestones[0] - width / 2.0];
    for pair in milestones.windows(2) {
        bounds.push((pair[0] + pair[1]) / 2.0);
    }
    bounds.push(milestones[milestones.len() - 1] + width / 2.0);
    bounds.push((centre(responsible) + centre(monitoring)) / 2.0);
    Some((bounds, milestones.len()))
}

/// Rebuild KPI rows from positioned runs (PDF input): words are put in columns by their x,
/// rows start at the next row number in the STT column. `runs` are the appendix's runs in
/// reading order, with their page numbers.
pub fn rows_from_runs(runs: &[(u32, &nhiemvu_model::TextLine)], years: &[i32]) -> Vec<KpiRow> {
    let Some((cols, n_values)) = header_columns(runs) else {
        return Vec::new();
    };
    // Column of a word: how many boundaries lie left of its centre.
    let col_of = |x: f32| cols.iter().filter(|b| x >= **b).count();
    // (row number, section row, words per column, page)
    type RowCells = (u32, Option<String>, Vec<Vec<String>>, u32);
    let mut rows: Vec<RowCells> = Vec::new();
    let mut expected = 1u32;
    let mut group: Option<String> = None;
    let mut started = false;
    for (page, run) in runs {
        let t = run.text.trim();
        // A heading line, its wrapped tail, or a line of milestone years ("năm 2026 …").
        if HEADER_WORDS.is_match(t)
            || frame::words(FrameKind::KpiHeadingTail).any(|w| t.starts_with(w))
            || t.strip_prefix(time::period_word(Frequency::Yearly))
                .is_some_and(|r| r.starts_with(" 20"))
        {
            started = true;
            continue;
        }
        if !started {
            continue;
        }
        let words = words_of(*page, run);
        let Some(first) = words.first() else { continue };
        let c0 = col_of(first.x);
        // A section row: "I Phát triển hạ tầng".
        if let Some(title) = group_row(t).filter(|_| c0 == 0) {
            group = Some(title.to_string());
            continue;
        }
        // Columns of the run's words; a word that is not a value cannot sit in a milestone
        // column: it belongs to the indicator before the values, or the unit after them.
        let mut assigned: Vec<(Word, usize)> = words
            .into_iter()
            .map(|w| {
                let c = col_of(w.x);
                (w, c)
            })
            .collect();
        let is_value_col = |c: usize| c >= 2 && c < 2 + n_values;
        for k in 0..assigned.len() {
            let (ref w, c) = assigned[k];
            let value_like = VALUE.is_match(&w.text)
                || value_piece(&w.text)
                || matches!(w.text.as_str(), "GRDP" | "GDP" | "%" | "≥" | "≤" | "-");
            if is_value_col(c) && !value_like {
                let before_values = assigned[k + 1..].iter().any(|(_, c2)| is_value_col(*c2));
                assigned[k].1 = if before_values { 1 } else { 2 + n_values };
            }
        }
        for (w, c) in assigned {
            if c == 0 && w.text.parse::<u32>().ok() == Some(expected) {
                rows.push((
                    expected,
                    group.clone(),
                    vec![Vec::new(); cols.len() + 1],
                    w.page,
                ));
                expected += 1;
                continue;
            }
            if let Some(row) = rows.last_mut() {
                let _ = w.y;
                row.2[c].push(w.text);
            }
        }
    }
    let years = if years.len() == n_values {
        years.to_vec()
    } else {
        Vec::new()
    };
    rows.into_iter()
        .filter_map(|(number, group, cells, page)| {
            let cell = |i: usize| cells[i].join(" ").trim().to_string();
            let indicator = cell(1).trim_start_matches(['-', ' ']).to_string();
            let mut values = Vec::new();
            let mut value_years = Vec::new();
            for k in 0..n_values {
                let v = cell(2 + k);
                if !v.is_empty() {
                    values.push(v);
                    value_years.push(years.get(k).copied());
                }
            }
            let resp = cell(2 + n_values);
            let monitoring = cell(3 + n_values);
            let responsible = responsible_units(&resp);
            let text = std::iter::once(indicator.clone())
                .chain(values.iter().cloned())
                .chain(std::iter::once(resp.clone()))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            (!indicator.is_empty() || !values.is_empty()).then_some(KpiRow {
                number,
                group,
                text,
                indicator,
                values,
                years: value_years,
                responsible,
                monitoring: (!monitoring.is_empty()).then_some(monitoring),
                first_line: 0,
                last_line: 0,
                page: Some(page),
            })
        })
        .collect()
}
