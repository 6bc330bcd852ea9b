//! Task tables written as text: appendix tables with columns for the content, the lead and
//! supporting bodies and the time (headings of `lexicon::columns`), as portals and
//! converters render them.
//!
//! Three renderings are read: a markdown row per line (`| 1 | Rà soát … | Sở Y tế |`), one
//! cell per line between lines holding only `|` (an empty cell ends a row), and one cell per
//! line with no separators, each row opening with its number or letter ("1", "a)"). The
//! heading cells say which column is which ([`nhiemvu_normalizer::lexicon::columns`]); a row
//! with a content cell and a lead cell is a task, a row with only a content cell is a group
//! heading whose lead, when it has one, passes to its rows.

use crate::units;
use nhiemvu_model::TextLine;
use nhiemvu_normalizer::lexicon::columns::{column_of, is_time_cell, Column};
use nhiemvu_normalizer::lexicon::verbs;

/// One task row of a table, cells as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRow {
    /// Row number as written, with its group ("2.a" for row "a)" under group "2").
    pub number: String,
    /// The activity (content cell).
    pub text: String,
    /// The whole row as written: content, lead, coordinator and time cells in order (the
    /// task's text, as a KPI row's is).
    pub row_text: String,
    /// Lead units or persons, one per entry.
    pub leads: Vec<String>,
    /// Supporting units, one per entry.
    pub coordinators: Vec<String>,
    /// The time cell ("Tháng 9/2026", "Thường xuyên"), empty when none.
    pub time: String,
    /// Index of the row's first line in the input.
    pub first_line: usize,
    /// Index of the row's last line in the input.
    pub last_line: usize,
}

/// A cell with the lines it came from.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    first: usize,
    last: usize,
}

/// Task rows of the first task table in `lines` (a table whose headings name a content
/// column and a lead column); empty when there is none.
pub fn rows(lines: &[String]) -> Vec<TaskRow> {
    let Some((columns, after)) = find_header(lines) else {
        return Vec::new();
    };
    let raw_rows = if lines[after..].iter().any(|l| l.trim() == "|") {
        piped_rows(lines, after)
    } else if lines[after..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .all(|l| l.trim_start().starts_with('|'))
    {
        markdown_rows(lines, after)
    } else {
        marker_rows(lines, after, &columns)
    };
    assemble(&columns, raw_rows)
}

/// The columns named by the table's heading cells and the index of the first line after
/// the heading.
fn find_header(lines: &[String]) -> Option<(Vec<Column>, usize)> {
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        // A markdown heading row on one line.
        if t.starts_with('|') && t.matches('|').count() >= 3 {
            let cols: Vec<Option<Column>> = t.trim_matches('|').split('|').map(column_of).collect();
            if is_task_header(&cols) {
                let mut cols: Vec<Column> = cols
                    .into_iter()
                    .map(|c| c.unwrap_or(Column::Note))
                    .collect();
                let mut next = i + 1;
                // Rule lines, and heading cells the rendering put on lines of their own.
                while let Some(l) = lines.get(next) {
                    let c = l.trim();
                    if is_rule_line(c) {
                    } else if let (Some(col), true) = (column_of(c), c.chars().count() <= 40) {
                        if cols.contains(&col) {
                            break;
                        }
                        cols.push(col);
                    } else {
                        break;
                    }
                    next += 1;
                }
                return Some((cols, next));
            }
        }
        // Heading cells one per line (with or without `|` lines between them).
        if column_of(t) == Some(Column::Number) {
            let mut cols = vec![Column::Number];
            let mut j = i + 1;
            while let Some(l) = lines.get(j) {
                let c = l.trim();
                if c == "|" || c.is_empty() {
                    j += 1;
                    continue;
                }
                match column_of(c) {
                    Some(col) if c.chars().count() <= 60 && col != Column::Number => cols.push(col),
                    _ => break,
                }
                j += 1;
            }
            let opt: Vec<Option<Column>> = cols.iter().copied().map(Some).collect();
            if is_task_header(&opt) {
                return Some((cols, j));
            }
        }
    }
    None
}

fn is_task_header(cols: &[Option<Column>]) -> bool {
    cols.contains(&Some(Column::Content)) && cols.contains(&Some(Column::Lead))
}

/// `| --- | --- |`
fn is_rule_line(l: &str) -> bool {
    let t = l.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Rows written one per line as `| a | b | c |`.
fn markdown_rows(lines: &[String], from: usize) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(from) {
        let t = l.trim();
        if !t.starts_with('|') || is_rule_line(t) {
            continue;
        }
        let cells = t
            .trim_matches('|')
            .split('|')
            .map(|c| Cell {
                text: clean_cell(c),
                first: i,
                last: i,
            })
            .collect();
        out.push(cells);
    }
    out
}

/// Cells one per line between `|` lines; two `|` lines in a row (an empty cell) end a row.
fn piped_rows(lines: &[String], from: usize) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut cell: Option<Cell> = None;
    let mut bars = 0;
    for (i, l) in lines.iter().enumerate().skip(from) {
        let t = l.trim();
        if t == "|" {
            if let Some(c) = cell.take() {
                row.push(c);
            }
            bars += 1;
            if bars >= 2 && !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            continue;
        }
        if t.is_empty() {
            continue;
        }
        bars = 0;
        match cell.as_mut() {
            Some(c) => {
                c.text.push(' ');
                c.text.push_str(&clean_cell(t));
                c.last = i;
            }
            None => {
                cell = Some(Cell {
                    text: clean_cell(t),
                    first: i,
                    last: i,
                })
            }
        }
    }
    if let Some(c) = cell {
        row.push(c);
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// Cells one per line with no separators: a row opens at a line holding only its number or
/// letter. Time-like lines go to the time column; the others fill content, lead and
/// coordinators in order. Later lines continue a cell: lower-case ones the content, a name
/// broken after its head word ("… Chi cục" + "Kiểm lâm") the lead; any other line is one
/// more lead (persons listed one per line).
fn marker_rows(lines: &[String], from: usize, columns: &[Column]) -> Vec<Vec<Cell>> {
    let at = |c: Column| columns.iter().position(|&x| x == c);
    let order: Vec<usize> = [Column::Content, Column::Lead, Column::Coordinator]
        .iter()
        .filter_map(|&c| at(c))
        .collect();
    let (content_at, lead_at, time_at) = (at(Column::Content), at(Column::Lead), at(Column::Time));
    let blank = |i: usize| Cell {
        text: String::new(),
        first: i,
        last: i,
    };
    let mut rows: Vec<(Vec<Cell>, usize)> = Vec::new();
    // A line of several cells (a PDF row's runs, rendered `| 3. | Lập hồ sơ | Sở Y tế |`)
    // gives its cells one by one, as if each were on a line of its own.
    let split: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .skip(from)
        .flat_map(|(i, l)| {
            let t = l.trim();
            let cells: Vec<String> = if t.starts_with('|') && t.matches('|').count() >= 3 {
                t.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            } else {
                vec![t.to_string()]
            };
            cells.into_iter().map(move |c| (i, c))
        })
        .collect();
    for (i, t) in split.iter().map(|(i, t)| (*i, t.as_str())) {
        if t.is_empty() || t == "|" {
            continue;
        }
        if is_row_marker(t) {
            let mut row: Vec<Cell> = (0..columns.len()).map(|_| blank(i)).collect();
            if let Some(k) = at(Column::Number) {
                row[k].text = t.to_string();
            }
            rows.push((row, 0));
            continue;
        }
        let Some((row, filled)) = rows.last_mut() else {
            continue;
        };
        let text = clean_cell(t);
        let put = |cell: &mut Cell, sep: &str| {
            if !cell.text.is_empty() {
                cell.text.push_str(sep);
            } else {
                cell.first = i;
            }
            cell.text.push_str(&text);
            cell.last = i;
        };
        if let Some(k) = time_at.filter(|_| is_time_cell(t)) {
            put(&mut row[k], " ");
        } else if let Some(&k) = order.get(*filled) {
            put(&mut row[k], " ");
            *filled += 1;
        } else if let (true, Some(k)) = (text.starts_with(|c: char| c.is_lowercase()), content_at) {
            put(&mut row[k], " ");
        } else if let Some(k) = lead_at {
            let sep = if ends_with_head(&row[k].text) {
                " "
            } else {
                "; "
            };
            put(&mut row[k], sep);
        }
    }
    rows.into_iter().map(|(r, _)| r).collect()
}

/// True when a cell ends with a bare unit head word ("…, Chi cục", "Cục"): its name goes on
/// on the next line.
fn ends_with_head(cell: &str) -> bool {
    let last = cell.rsplit([',', ';']).next().unwrap_or("").trim();
    !last.is_empty() && units::unit_phrase_len(last).is_some() && !last.contains(' ')
        || matches!(last, "Chi cục" | "Văn phòng" | "Trung tâm")
}

/// "1", "12", "a)", "đ)", "1.", "II"
fn is_row_marker(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ')']);
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
        || (t.chars().count() == 1 && t.chars().all(|c| c.is_lowercase()))
        || (!t.is_empty() && t.len() <= 4 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

fn clean_cell(c: &str) -> String {
    let t = c.trim().trim_matches('*').trim();
    t.replace("**", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Raw rows to task rows: cells placed by column, group rows passing their number and lead.
fn assemble(columns: &[Column], raw: Vec<Vec<Cell>>) -> Vec<TaskRow> {
    let col = |c: Column| columns.iter().position(|&x| x == c);
    let (num_at, content_at, lead_at) =
        (col(Column::Number), col(Column::Content), col(Column::Lead));
    let (coord_at, time_at) = (col(Column::Coordinator), col(Column::Time));
    let Some(content_at) = content_at else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut group = String::new();
    let mut group_leads: Vec<String> = Vec::new();
    for cells in raw {
        // A row that did not write its number cell starts one column later.
        let shift = match (num_at, cells.first()) {
            (Some(0), Some(first)) if !is_row_marker(&first.text) => 1,
            _ => 0,
        };
        let get = |k: Option<usize>| -> Option<&Cell> {
            let k = k?;
            if k < shift {
                return None;
            }
            cells.get(k - shift).filter(|c| !c.text.is_empty())
        };
        let number = get(num_at).map(|c| c.text.trim_end_matches(['.', ')']).to_string());
        let content = get(Some(content_at));
        let lead = get(lead_at);
        let filled = cells.iter().filter(|c| !c.text.is_empty()).count();
        let Some(content) = content else {
            continue;
        };
        if lead.is_none() && filled <= 2 {
            // A group row ("1 | Tổ chức tuyên truyền …"; "I. Kinh tế số").
            group = number.clone().unwrap_or_default();
            group_leads.clear();
            continue;
        }
        let leads = match lead {
            Some(l) => split_cell(&l.text),
            None => group_leads.clone(),
        };
        if leads.is_empty() {
            continue;
        }
        let number = match (number, group.is_empty()) {
            (Some(n), false) if n.chars().all(|c| c.is_lowercase()) => format!("{group}.{n}"),
            (Some(n), _) => {
                if n.chars().all(|c| c.is_ascii_digit()) {
                    // A numbered row with its own lead is a group of its own.
                    group = n.clone();
                }
                n
            }
            (None, _) => String::new(),
        };
        let first = cells.first().map_or(content.first, |c| c.first);
        let last = cells.iter().map(|c| c.last).max().unwrap_or(content.last);
        let row_text = [Some(content), lead, get(coord_at), get(time_at)]
            .into_iter()
            .flatten()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(TaskRow {
            number,
            text: content.text.clone(),
            row_text,
            leads,
            coordinators: get(coord_at)
                .map(|c| split_cell(&c.text))
                .unwrap_or_default(),
            time: get(time_at).map(|c| c.text.clone()).unwrap_or_default(),
            first_line: first,
            last_line: last,
        });
    }
    out
}

/// A lead or coordinator cell split into units: at semicolons, then as a unit phrase
/// ("A, B và các đơn vị liên quan"). A piece that goes on into a verb ("Sở Y tế triển khai
/// hướng dẫn") keeps only its unit phrase; a piece that is no unit phrase (a person's name)
/// is kept whole.
fn split_cell(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match units::unit_phrase_len(p) {
            Some(n) if n > 0 && opens_predicate(&p[n..]) => p[..n].trim(),
            _ => p,
        })
        .flat_map(units::split_units)
        .map(|u| u.trim().trim_end_matches(['.', ',']).to_string())
        .filter(|u| !u.is_empty())
        .collect()
}

/// True when `rest` begins with a word that ends a unit phrase ("triển khai", "thực hiện").
fn opens_predicate(rest: &str) -> bool {
    let rest = rest.trim_start();
    verbs::with(verbs::ENDS_UNIT).any(|w| {
        rest.starts_with(w)
            && rest[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphabetic())
    })
}

/// A positioned run of a table page: its page and the run.
pub type PlacedRun<'a> = (u32, &'a TextLine);

/// Task rows of the first task table among positioned runs (PDF input), in reading order;
/// `first_line` and `last_line` index `runs`. Cells are placed by x between the column
/// edges of the heading cells, rows by their number cells: a row ends at the widest blank
/// band between its number and the next (cells are centred or top-aligned), and text at the
/// top of a page before its first number goes on the last row of the page before when a
/// blank band sets it apart (a row split by a page break is one row). Empty when the runs
/// hold no numbered task table.
pub fn rows_from_runs(runs: &[PlacedRun<'_>]) -> Vec<TaskRow> {
    let Some(head) = find_run_header(runs) else {
        return Vec::new();
    };
    let (data, groups) = table_runs(runs, &head);
    let anchors: Vec<usize> = data
        .iter()
        .copied()
        .filter(|&i| {
            groups.contains(&i)
                || (head.column_at(runs[i].1) == Some(0) && is_row_marker(runs[i].1.text.trim()))
        })
        .collect();
    if anchors.is_empty() || head.columns.first() != Some(&Column::Number) {
        return Vec::new();
    }
    let row_of = place_rows(runs, &data, &anchors);
    let mut raw: Vec<Vec<Cell>> = anchors
        .iter()
        .map(|&a| {
            (0..head.columns.len())
                .map(|_| Cell {
                    text: String::new(),
                    first: a,
                    last: a,
                })
                .collect()
        })
        .collect();
    for (&i, &r) in data.iter().zip(&row_of) {
        // A group title goes in the row's first cell, as a text rendering writes it: the
        // row then reads as a title with no lead.
        let column = if groups.contains(&i) {
            Some(0)
        } else {
            head.column_at(runs[i].1)
        };
        let (Some(r), Some(k)) = (r, column) else {
            continue;
        };
        let listed = matches!(head.columns[k], Column::Lead | Column::Coordinator);
        let cell = &mut raw[r][k];
        let text = clean_cell(&runs[i].1.text);
        if cell.text.is_empty() {
            cell.first = i;
        } else {
            let wraps = !listed
                || text.starts_with(|c: char| !c.is_uppercase())
                || ends_with_head(&cell.text)
                || cell.text.ends_with([',', '-', '–', '('])
                || cell.text.ends_with(" và")
                || head.fills(k, runs[cell.last].1, &text);
            cell.text.push_str(if wraps { " " } else { "; " });
        }
        cell.text.push_str(&text);
        cell.first = cell.first.min(i);
        cell.last = cell.last.max(i);
    }
    assemble(&head.columns, raw)
}

/// The heading of a positioned task table: its columns left to right, their edges, the
/// runs of its cells and where it ends.
struct RunHeader {
    columns: Vec<Column>,
    /// Edges between neighbouring columns (one fewer than the columns).
    edges: Vec<f32>,
    /// Left edge of the first column and right edge of the last.
    span: (f32, f32),
    /// Runs of the heading cells.
    cells: Vec<usize>,
    /// Texts of the heading lines (a heading repeated on the next page is skipped).
    texts: Vec<String>,
    page: u32,
    /// Bottom of the heading.
    bottom: f32,
    size: f32,
}

impl RunHeader {
    /// The column whose edges hold the run's centre.
    fn column_at(&self, run: &TextLine) -> Option<usize> {
        let cx = (run.rect.x0 + run.rect.x1) / 2.0;
        Some(self.edges.iter().take_while(|&&e| cx >= e).count())
    }

    /// True when a run spans an edge between columns by more than a font size each side
    /// (a paragraph after the table, not a cell).
    fn crosses(&self, run: &TextLine) -> bool {
        let m = run.font_size.max(1.0);
        self.edges
            .iter()
            .any(|&e| run.rect.x0 < e - m && run.rect.x1 > e + m)
    }

    /// True when `prev` (a line of column `k`) was wrapped: the first word of `next` would
    /// not have fitted after it.
    fn fills(&self, k: usize, prev: &TextLine, next: &str) -> bool {
        let left = if k == 0 {
            self.span.0
        } else {
            self.edges[k - 1]
        };
        let right = self.edges.get(k).copied().unwrap_or(self.span.1);
        let m = prev.font_size.max(1.0);
        let word = next.split_whitespace().next().unwrap_or("").chars().count() as f32;
        let width = prev.rect.x1 - prev.rect.x0;
        width + (word + 1.0) * 0.5 * m > right - left - m
    }
}

/// The heading of the first positioned task table: a "TT"/"STT" run and the heading cells
/// beside it (each a stack of touching lines, "Ghi" over "chú"), naming a content and a
/// lead column.
fn find_run_header(runs: &[PlacedRun<'_>]) -> Option<RunHeader> {
    for &(page, tt) in runs {
        if column_of(&tt.text) != Some(Column::Number) {
            continue;
        }
        let size = tt.font_size.max(1.0);
        let cy = (tt.rect.y0 + tt.rect.y1) / 2.0;
        let near: Vec<usize> = (0..runs.len())
            .filter(|&j| runs[j].0 == page)
            .filter(|&j| ((runs[j].1.rect.y0 + runs[j].1.rect.y1) / 2.0 - cy).abs() <= 2.5 * size)
            .collect();
        let mut cells: Vec<(f32, Column, Vec<usize>)> = Vec::new();
        for stack in stacks(runs, &near, tt) {
            let text: Vec<&str> = stack.iter().map(|&j| runs[j].1.text.trim()).collect();
            let same_line = stack.iter().any(|&j| overlaps_y(runs[j].1, tt));
            let column = match column_of(&text.join(" ")) {
                Some(c) => c,
                // An unnamed heading cell on the heading line is a column of its own.
                None if same_line && text.iter().all(|t| !is_row_marker(t)) => Column::Note,
                None => continue,
            };
            let x0 = stack
                .iter()
                .map(|&j| runs[j].1.rect.x0)
                .fold(f32::MAX, f32::min);
            let x1 = stack
                .iter()
                .map(|&j| runs[j].1.rect.x1)
                .fold(f32::MIN, f32::max);
            cells.push(((x0 + x1) / 2.0, column, stack));
        }
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        let columns: Vec<Column> = cells.iter().map(|c| c.1).collect();
        let opt: Vec<Option<Column>> = columns.iter().copied().map(Some).collect();
        if !is_task_header(&opt) || columns.first() != Some(&Column::Number) {
            continue;
        }
        let extent = |stack: &[usize]| {
            let x0 = stack
                .iter()
                .map(|&j| runs[j].1.rect.x0)
                .fold(f32::MAX, f32::min);
            let x1 = stack
                .iter()
                .map(|&j| runs[j].1.rect.x1)
                .fold(f32::MIN, f32::max);
            (x0, x1)
        };
        let all: Vec<usize> = cells.iter().flat_map(|c| c.2.iter().copied()).collect();
        let bottom = all
            .iter()
            .map(|&j| runs[j].1.rect.y0)
            .fold(f32::MAX, f32::min);
        // The table's left edge: the leftmost run below the heading on its page.
        let left = runs
            .iter()
            .filter(|r| r.0 == page && r.1.rect.y1 <= bottom + 0.3 * size)
            .map(|r| r.1.rect.x0)
            .fold(extent(&cells[0].2).0, f32::min);
        // Heading cells are centred: each column's right edge mirrors its left edge about
        // the cell's centre, kept between the two heading cells.
        let mut edges = Vec::new();
        let mut from = left;
        for w in cells.windows(2) {
            let (a, b) = (extent(&w[0].2), extent(&w[1].2));
            let e = (2.0 * w[0].0 - from).clamp(a.1, b.0.max(a.1));
            edges.push(e);
            from = e;
        }
        let last = extent(&cells[cells.len() - 1].2);
        let right = (2.0 * cells[cells.len() - 1].0 - from).max(last.1);
        return Some(RunHeader {
            columns,
            edges,
            span: (left, right),
            texts: all
                .iter()
                .map(|&j| runs[j].1.text.trim().to_string())
                .collect(),
            cells: all,
            page,
            bottom,
            size,
        });
    }
    None
}

fn overlaps_y(a: &TextLine, b: &TextLine) -> bool {
    a.rect.y0 < b.rect.y1 && b.rect.y0 < a.rect.y1
}

/// Heading cells among runs `near` the heading run `tt`: runs overlapping in x form a
/// column; in each, the lines that touch one another around the heading line form its cell.
fn stacks(runs: &[PlacedRun<'_>], near: &[usize], tt: &TextLine) -> Vec<Vec<usize>> {
    let mut by_x: Vec<usize> = near.to_vec();
    by_x.sort_by(|&a, &b| runs[a].1.rect.x0.total_cmp(&runs[b].1.rect.x0));
    let mut groups: Vec<(f32, Vec<usize>)> = Vec::new();
    for j in by_x {
        let r = &runs[j].1.rect;
        match groups.last_mut() {
            Some((x1, g)) if r.x0 < *x1 => {
                g.push(j);
                *x1 = x1.max(r.x1);
            }
            _ => groups.push((r.x1, vec![j])),
        }
    }
    let size = tt.font_size.max(1.0);
    let cy = (tt.rect.y0 + tt.rect.y1) / 2.0;
    let mut out = Vec::new();
    for (_, mut g) in groups {
        g.sort_by(|&a, &b| runs[b].1.rect.y1.total_cmp(&runs[a].1.rect.y1));
        let centre = |j: usize| (runs[j].1.rect.y0 + runs[j].1.rect.y1) / 2.0;
        let Some(mid) = (0..g.len()).min_by(|&a, &b| {
            (centre(g[a]) - cy)
                .abs()
                .total_cmp(&(centre(g[b]) - cy).abs())
        }) else {
            continue;
        };
        let touches =
            |a: usize, b: usize| runs[g[a]].1.rect.y0 - runs[g[b]].1.rect.y1 <= 0.4 * size;
        let (mut lo, mut hi) = (mid, mid);
        while lo > 0 && touches(lo - 1, lo) {
            lo -= 1;
        }
        while hi + 1 < g.len() && touches(hi, hi + 1) {
            hi += 1;
        }
        out.push(g[lo..=hi].to_vec());
    }
    out
}

/// The runs of the table body in reading order: below the heading on its page, then the
/// following pages, until a run that spans column edges with no numbered row after it or a
/// blank band of more than three lines; repeated heading lines and page numbers are left
/// out. Also the runs that span column edges between numbered rows (group titles).
fn table_runs(runs: &[PlacedRun<'_>], head: &RunHeader) -> (Vec<usize>, Vec<usize>) {
    let mut out: Vec<usize> = Vec::new();
    let mut groups: Vec<usize> = Vec::new();
    let mut last_bottom: Option<(u32, f32)> = None;
    for (i, &(page, run)) in runs.iter().enumerate() {
        if page < head.page || head.cells.contains(&i) {
            continue;
        }
        if page == head.page && run.rect.y1 > head.bottom + 0.3 * head.size {
            continue;
        }
        let t = run.text.trim();
        if t.is_empty()
            || (page != head.page && head.texts.iter().any(|h| h == t))
            || (t.chars().all(|c| c.is_ascii_digit()) && head.column_at(run) != Some(0))
        {
            continue;
        }
        if run.rect.x1 < head.span.0 - head.size || run.rect.x0 > head.span.1 + head.size {
            continue;
        }
        if head.crosses(run) {
            // A title across merged cells between numbered rows is a group row; text across
            // the columns after the last row is the page going on below the table.
            let more = runs[i + 1..].iter().take(60).any(|&(p, r)| {
                p <= page + 1
                    && !head.crosses(r)
                    && head.column_at(r) == Some(0)
                    && is_row_marker(r.text.trim())
            });
            if !more {
                break;
            }
            groups.push(i);
        }
        if let Some((p, b)) = last_bottom {
            if p == page && b - run.rect.y1 > 3.0 * 1.2 * head.size {
                break;
            }
        }
        let b = last_bottom
            .filter(|(p, _)| *p == page)
            .map_or(run.rect.y0, |(_, b)| b.min(run.rect.y0));
        last_bottom = Some((page, b));
        out.push(i);
    }
    (out, groups)
}

/// The row (index into `anchors`) of each of the `data` runs, `None` before the first.
fn place_rows(runs: &[PlacedRun<'_>], data: &[usize], anchors: &[usize]) -> Vec<Option<usize>> {
    let centre = |i: usize| (runs[i].1.rect.y0 + runs[i].1.rect.y1) / 2.0;
    let on = |page: u32| -> Vec<(f32, f32)> {
        data.iter()
            .filter(|&&i| runs[i].0 == page)
            .map(|&i| (runs[i].1.rect.y0, runs[i].1.rect.y1))
            .collect()
    };
    // Cuts between consecutive numbers on one page: (row below the cut, cut y, band width).
    let mut cuts: Vec<(usize, f32, f32)> = Vec::new();
    for (k, w) in anchors.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        if runs[a].0 != runs[b].0 {
            continue;
        }
        let (hi, lo) = (centre(a), centre(b));
        let (y, width) = widest_gap(&on(runs[a].0), lo, hi).unwrap_or(((hi + lo) / 2.0, 0.0));
        cuts.push((k + 1, y, width));
    }
    let mut widths: Vec<f32> = cuts.iter().map(|c| c.2).filter(|&w| w > 0.0).collect();
    widths.sort_by(f32::total_cmp);
    let typical = widths.get(widths.len() / 2).copied();
    // The first number of a later page: text above it goes on the row before when a blank
    // band as wide as half a row gap sets it apart.
    for (k, &a) in anchors.iter().enumerate().skip(1) {
        if runs[anchors[k - 1]].0 == runs[a].0 {
            continue;
        }
        let spans = on(runs[a].0);
        let top = spans.iter().map(|s| s.1).fold(f32::MIN, f32::max);
        let size = runs[a].1.font_size.max(1.0);
        let need = typical.map_or(0.5 * size, |t| (0.5 * t).max(0.2 * size));
        match widest_gap(&spans, centre(a), top) {
            Some((y, w)) if w >= need => cuts.push((k, y, w)),
            _ => cuts.push((k, f32::MAX, 0.0)),
        }
    }
    // A run belongs to the last row that starts at or above it.
    data.iter()
        .map(|&i| {
            let (page, y) = (runs[i].0, centre(i));
            let starts_above = |k: usize| {
                let ap = runs[anchors[k]].0;
                cuts.iter()
                    .find(|c| c.0 == k)
                    .is_none_or(|&(_, cut, _)| ap < page || (ap == page && y < cut))
            };
            Some(
                (1..anchors.len())
                    .take_while(|&k| starts_above(k))
                    .last()
                    .unwrap_or(0),
            )
        })
        .collect()
}

/// The middle and width of the widest band between `lo` and `hi` (y, upwards) that no span
/// covers; ties go to the band nearest the middle.
fn widest_gap(spans: &[(f32, f32)], lo: f32, hi: f32) -> Option<(f32, f32)> {
    let mut cover: Vec<(f32, f32)> = spans
        .iter()
        .filter(|s| s.1 > lo && s.0 < hi)
        .map(|s| (s.0.max(lo), s.1.min(hi)))
        .collect();
    cover.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mid = (lo + hi) / 2.0;
    let mut best: Option<(f32, f32)> = None;
    let mut consider = |top: f32, bottom: f32| {
        let w = top - bottom;
        if w <= 0.0 {
            return;
        }
        let y = (top + bottom) / 2.0;
        let better = match best {
            None => true,
            Some((by, bw)) => {
                w > bw + 0.5 || ((w - bw).abs() <= 0.5 && (y - mid).abs() < (by - mid).abs())
            }
        };
        if better {
            best = Some((y, w));
        }
    };
    let mut edge = hi;
    for (y0, y1) in cover {
        consider(edge, y1);
        edge = edge.min(y0);
    }
    consider(edge, lo);
    best
}

#[cfg(test)]
mod tests;
