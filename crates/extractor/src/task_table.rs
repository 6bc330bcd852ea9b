//! Task tables written as text: appendix tables with columns such as "Nội dung / Cơ quan
//! chủ trì / Cơ quan phối hợp / Thời gian thực hiện", as portals and converters render them.
//!
//! Three renderings are read: a markdown row per line (`| 1 | Rà soát … | Sở Y tế |`), one
//! cell per line between lines holding only `|` (an empty cell ends a row), and one cell per
//! line with no separators, each row opening with its number or letter ("1", "a)"). The
//! heading cells say which column is which ([`nhiemvu_normalizer::lexicon::columns`]); a row
//! with a content cell and a lead cell is a task, a row with only a content cell is a group
//! heading whose lead, when it has one, passes to its rows.

use crate::units;
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
    /// The time cell ("Quý III/2026", "Thường xuyên"), empty when none.
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
/// ("A, B và các đơn vị liên quan"). A piece that goes on into a verb ("Sở Y tế chủ trì
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

/// True when `rest` begins with a word that ends a unit phrase ("chủ trì", "thực hiện").
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn pdf_rows_whose_first_line_holds_several_cells() {
        // A PDF table rendered as lines: a row's first line carries its number, content
        // and first lead as cells; later lines continue the content or add a person.
        let t = lines(concat!(
            "BẢNG PHÂN CÔNG\n",
            "| TT | Nhiệm vụ thực hiện | Người thực hiện |\n",
            "| 1. | Chuẩn bị tài liệu hội | Trần Minh Tú |\n",
            "nghị tập huấn\n",
            "Hà Thị Mai\n",
            "2.\n",
            "| Đón tiếp đại biểu | Lò Văn Sơn |\n",
        ));
        let r = rows(&t);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].text, "Chuẩn bị tài liệu hội nghị tập huấn");
        assert_eq!(r[0].leads, vec!["Trần Minh Tú", "Hà Thị Mai"]);
        assert_eq!(r[1].text, "Đón tiếp đại biểu");
        assert_eq!(r[1].leads, vec!["Lò Văn Sơn"]);
    }

    #[test]
    fn markdown_rows_with_lead_and_coordinator_columns() {
        let t = lines(concat!(
            "PHỤ LỤC\n",
            "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành |\n",
            "| --- | --- | --- | --- | --- |\n",
            "| 1 | Rà soát quy hoạch mạng lưới chợ | Sở Công Thương | Sở Xây dựng; UBND các xã | Quý II/2027 |\n",
            "| 2 | Kiểm tra an toàn hồ chứa | Sở Nông nghiệp và Môi trường | | Thường xuyên |\n",
        ));
        let r = rows(&t);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert_eq!(r[0].leads, ["Sở Công Thương"]);
        assert_eq!(r[0].coordinators, ["Sở Xây dựng", "UBND các xã"]);
        assert_eq!(r[0].time, "Quý II/2027");
        assert_eq!(r[1].text, "Kiểm tra an toàn hồ chứa");
        assert!(r[1].coordinators.is_empty());
        assert_eq!((r[1].first_line, r[1].last_line), (4, 4));
    }

    #[test]
    fn piped_cells_one_per_line_with_group_rows() {
        let t = lines(concat!(
            "|\n**TT**\n|\n**Nội dung nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian thực hiện**\n|\n|\n",
            "**I. Hạ tầng số**\n|\n|\n|\n",
            "1\n|\nXây dựng kho dữ liệu dùng chung\ncủa tỉnh\n|\nSở Khoa học và Công nghệ\n|\nQuý IV/2026\n|\n|\n",
            "2\n|\nPhủ sóng di động các thôn vùng cao\n|\nSở Khoa học và Công nghệ; các doanh nghiệp viễn thông\n|\nNăm 2027\n|\n",
        ));
        let r = rows(&t);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert_eq!(r[0].text, "Xây dựng kho dữ liệu dùng chung của tỉnh");
        assert_eq!(r[0].leads, ["Sở Khoa học và Công nghệ"]);
        assert_eq!(r[0].time, "Quý IV/2026");
        assert_eq!(
            r[1].leads,
            ["Sở Khoa học và Công nghệ", "các doanh nghiệp viễn thông"]
        );
    }

    #[test]
    fn a_lead_cell_that_goes_on_into_its_duty_keeps_the_units() {
        let t = lines(concat!(
            "| TT | Chỉ tiêu | Chủ trì |\n",
            "| 1 | Tỷ lệ hồ sơ trực tuyến đạt 90% | Sở Tư pháp chủ trì hướng dẫn, tổng hợp; UBND các xã thực hiện |\n",
        ));
        let r = rows(&t);
        assert_eq!(r.len(), 1, "{r:#?}");
        assert_eq!(r[0].leads, ["Sở Tư pháp", "UBND các xã"]);
    }

    #[test]
    fn unseparated_cells_with_letters_under_numbered_groups_and_broken_names() {
        let t = lines(concat!(
            "| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |\n",
            "| --- | --- | --- | --- |\n",
            "Thời gian thực hiện\n",
            "1\n",
            "Tuyên truyền chính sách mới về rừng\n",
            "a)\n",
            "Tổ chức hội nghị phổ biến chính sách.\n",
            "Chi cục Kiểm lâm\n",
            "Văn phòng Sở; các hạt kiểm lâm\n",
            "Quý III/2026\n",
            "b)\n",
            "Biên soạn tài liệu hỏi đáp\n",
            "Trung tâm Khuyến nông, Chi cục\n",
            "Các hạt kiểm lâm\n",
            "Quý IV/2026\n",
            "cho người dân vùng đệm.\n",
            "Kiểm lâm\n",
        ));
        let r = rows(&t);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert_eq!(r[0].number, "1.a");
        assert_eq!(r[0].leads, ["Chi cục Kiểm lâm"]);
        assert_eq!(r[0].coordinators, ["Văn phòng Sở", "các hạt kiểm lâm"]);
        assert_eq!(
            r[1].text,
            "Biên soạn tài liệu hỏi đáp cho người dân vùng đệm."
        );
        assert_eq!(r[1].leads, ["Trung tâm Khuyến nông", "Chi cục Kiểm lâm"]);
    }

    #[test]
    fn persons_one_per_line_are_each_a_lead() {
        let t = lines(concat!(
            "TT\nNhiệm vụ thực hiện\nNgười thực hiện\nGhi chú\n",
            "    1. \nChuẩn bị đề kiểm tra\nTrần Văn Bình\nLê Thị Hoa\n\n",
            "    2. \nIn giấy chứng nhận\nLê Thị Hoa\n",
        ));
        let r = rows(&t);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert_eq!(r[0].leads, ["Trần Văn Bình", "Lê Thị Hoa"]);
        assert_eq!(r[1].leads, ["Lê Thị Hoa"]);
    }

    #[test]
    fn a_kpi_table_without_a_content_and_lead_heading_is_not_a_task_table() {
        let t = lines(
            "| STT | Chỉ số | Năm 2026 | Năm 2027 |\n| 1 | Tỷ lệ hồ sơ trực tuyến | 80% | 90% |\n",
        );
        assert!(rows(&t).is_empty());
    }
}
