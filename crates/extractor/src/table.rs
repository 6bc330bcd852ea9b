//! KPI tables in appendices: rows rebuilt from extracted lines into indicator, milestone
//! values, responsible unit and monitoring unit.
//!
//! Extracted text reads a table row by row with wrapped cells on their own lines. A row
//! starts at its number (1, 2, 3 … in sequence, so numbers inside cells are not taken for
//! rows); the milestone values are the longest run of value cells ("≥ 60%", "100%", "Có");
//! what precedes them is the indicator, what follows names the units, the monitoring unit
//! last (annotation guide §2: a row with a responsible unit is a task; the monitoring
//! column is not an assignee).

use crate::units;
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
}

static YEAR: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b(20[2-9]\d)\b").unwrap());
static HEADER_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:STT\b|Chỉ tiêu|Mục tiêu theo|Đơn vị chịu|Đơn vị theo dõi|thực hiện\s*$|Đến hết|năm\s*(?:20\d\d)?\s*$|20\d\d\s*$|Đơn vị tính|Ghi chú)").unwrap()
});
static ROW_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,3})(?:\s*$|\s+(?:-\s+)?(\S.*)$)").unwrap());
static GROUP_ROW: Lazy<Regex> = Lazy::new(|| Regex::new(r"^([IVX]{1,5})\s+(\p{Lu}.*)$").unwrap());
static VALUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^(?:(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?%?(?:\s*GRDP)?",
        r"|Có|Không|Ứng\s+dụng|Đóng\s+góp|Đạt|Hoàn\s+thành)$"
    ))
    .unwrap()
});

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
        if HEADER_WORDS.is_match(l.trim()) || l.contains("Đến hết") {
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
        if let Some(c) = GROUP_ROW.captures(t) {
            finish(cur.take(), last_line, &group, &mut out);
            group = Some(c[2].trim().to_string());
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
        Regex::new(concat!(
            r"(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?(?:\s*%)?(?:\s*GRDP)?(?:[^\s\d%]\S*)?",
            r"|Ứng\s+dụng|Đóng\s+góp|\S+"
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
                (Some((prev, _)), "dụng") => prev == "Ứng",
                (Some((prev, _)), "góp") => prev == "Đóng",
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
    })
}

static CELL_HEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|\s)(Phòng|Văn phòng|VP|Công an|Các cơ quan|Các Doanh nghiệp|UBND|Ủy ban|Ban|Trung tâm|Sở|Đoàn|Hội|Trạm|Trường|\d+\s+trường|\d+\s+thôn)\b").unwrap()
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
    let resp_text = resp_text.trim().trim_end_matches([',', ';']).to_string();
    let responsible = if resp_text.is_empty() {
        Vec::new()
    } else {
        units::split_units(&resp_text)
            .into_iter()
            .flat_map(|u| {
                u.split(';')
                    .map(|s| s.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect()
    };
    (responsible, mon_text)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(|l| l.to_string()).collect()
    }

    const TABLE: &str = "STT Chỉ tiêu \nMục tiêu theo từng giai đoạn \nĐơn vị chịu trách nhiệm \nthực hiện  \nĐơn vị theo dõi, đánh giá \nĐến hết  \nnăm  \n2025 \nĐến hết  \nnăm \n 2030 \nĐến hết  \nnăm \n 2035 \nĐến hết  \nnăm  \n2040 \nĐến hết  \nnăm  \n2045 \nI Phát triển hạ tầng    \n1 - Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60% 100%       \nCác Doanh nghiệp bưu \nchính, Công nghệ thông \ntin trên địa bàn xã  \nPhòng Văn hóa – Xã hội \n2 \n- Cán bộ, công chức cấp xã, thôn, buôn \nđược bồi dưỡng kỹ năng số căn bản. \n≥ 80% 100% 100% 100% 100% \nVP Đảng ủy xã, VP \nHĐND và UBND xã \nVăn phòng Đảng ủy; \nPhòng Văn hóa-Xã hội \n3 \n- Dân số trưởng thành tiếp cận dịch vụ số \n≥80% ≥90% ≥95% ≥97% ≥ 99% \n12 trường học, 36 thôn \nbuôn \nPhòng Văn hóa-Xã hội \n4 \n- Trung tâm an ninh mạng cấp xã (hoặc \nthuê dịch vụ giám sát an toàn thông tin). \nCó         Công an xã Ea Wy Công an xã Ea Wy \n5 \n- Số người nghiên cứu trên 01 vạn dân. \n6 12 20 33 54 Các cơ quan, đơn vị Phòng Văn hóa-Xã hội ";

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
