//! Document metadata: header (issuer, number, place and date, kind, title, addressees),
//! the end matter (Nơi nhận, signature block), appendices and cited documents.
//!
//! The header's two columns arrive interleaved or as tab-separated runs; each field is found
//! by its own pattern, so column order does not matter. Numbers and days stamped by the
//! signing service into blanks arrive as annotation text and are merged here.

mod attachments;
mod date;
mod end_matter;
mod issuer;
mod kind;
mod number;
mod references;
mod stamped;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use nhiemvu_model::{DocForm, DocKind, Metadata};
use once_cell::sync::Lazy;
use regex::Regex;

pub use kind::kind_from_word;
pub use number::parse_number;
pub use references::references;
pub use stamped::merge_stamped;

use attachments::{find_attachments, APPENDIX};
use date::{date_from_appendix, DATE_LINE};
use end_matter::find_end_matter;
use issuer::{collect_issuer, is_caps};
use kind::{kind_from_code, kind_line};
use number::NUMBER;

/// Where the body starts and ends among the paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Regions {
    /// First paragraph of the body.
    pub body_start: usize,
    /// One past the last body paragraph (start of Nơi nhận / signature).
    pub body_end: usize,
    /// Paragraph index where each appendix starts.
    pub appendices: Vec<usize>,
    /// Documents issued with this one ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"):
    /// their kind and the paragraph range of their body.
    pub attachments: Vec<(DocKind, usize, usize)>,
}

static VV: Lazy<Regex> = Lazy::new(|| Regex::new(r"^V/v\s*(.*)").unwrap());
static KINH_GUI: Lazy<Regex> = Lazy::new(|| Regex::new(r"^Kính gửi\s*:?\s*(.*)").unwrap());
static MOTTO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|^-{3,}$|^\*$")
        .unwrap()
});
static BODY_OPENERS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(Căn cứ|Thực hiện|Ngày \d|Vừa qua|Sau khi|Theo|Nhằm|Trên cơ sở|Để|Tiếp tục|Qua|Trong)",
    )
    .unwrap()
});
/// Parse the header and end matter of `paras` (paragraph texts in order).
pub fn parse(original: &[String]) -> (Metadata, Regions) {
    let cleaned: Vec<String> = original.iter().map(|p| clean_cells(p)).collect();
    let paras = &cleaned[..];
    let mut meta = Metadata::default();
    let mut regions = Regions {
        body_start: 0,
        body_end: paras.len(),
        appendices: Vec::new(),
        attachments: Vec::new(),
    };
    let head_limit = paras.len().min(40);
    let mut last_header = None;
    let mut in_title = false;
    let mut in_addressees = false;
    let mut issuer_lines: Vec<String> = Vec::new();
    for (i, p) in paras.iter().enumerate().take(head_limit) {
        // An empty line (a table's rule, a bold space) neither ends nor extends the header.
        if p.is_empty() {
            if last_header.is_some_and(|l| l + 1 == i) {
                last_header = Some(i);
            }
            continue;
        }
        let cells: Vec<&str> = p.split('\t').map(str::trim).collect();
        let mut header_hit = false;
        let mut title_here = false;
        // "Số:" and its symbol can fall in separate runs ("Số:\t/UBND-KGVX").
        if meta.number_parts.is_none() && cells.len() > 1 {
            if let Some(c) = NUMBER.captures(&p.replace('\t', " ")) {
                let n = parse_number(&c[1], &c[2]);
                meta.number = n.serial.as_ref().map(|_| n.raw.clone());
                meta.number_parts = Some(n);
                header_hit = true;
            }
        }
        for cell in &cells {
            if let Some(c) = NUMBER.captures(cell) {
                if meta.number_parts.is_none() {
                    let n = parse_number(&c[1], &c[2]);
                    meta.number = n.serial.as_ref().map(|_| n.raw.clone());
                    meta.number_parts = Some(n);
                    header_hit = true;
                    // The date may share the cell when the header has one column.
                    if !DATE_LINE.is_match(cell) {
                        continue;
                    }
                }
            }
            if let Some(c) = DATE_LINE.captures(cell) {
                if meta.year.is_none() && cell.len() < 120 {
                    meta.place = c.get(1).map(|m| m.as_str().trim().to_string());
                    meta.year = c[4].parse().ok();
                    meta.month = c.get(3).and_then(|m| m.as_str().parse().ok());
                    let day: Option<u32> = c.get(2).and_then(|m| m.as_str().parse().ok());
                    meta.date = match (meta.year, meta.month, day) {
                        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                        _ => None,
                    };
                    meta.date_raw = Some(c[0].to_string());
                    header_hit = true;
                    continue;
                }
            }
            if MOTTO.is_match(cell) {
                if cell.contains("ĐẢNG CỘNG SẢN") {
                    meta.form = Some(DocForm::Party);
                } else if cell.contains("CỘNG H") {
                    meta.form = Some(DocForm::State);
                }
                header_hit = true;
                continue;
            }
            if let Some((kind, rest)) = kind_line(cell) {
                if meta.kind == DocKind::Other {
                    meta.kind = kind;
                    if !rest.is_empty() {
                        meta.title = Some(rest);
                    }
                    in_title = true;
                    title_here = true;
                    header_hit = true;
                    continue;
                }
            }
            // The subject can share the kind line's paragraph ("KẾ HOẠCH\tNÂNG CAO …").
            if title_here && !cell.is_empty() {
                push_title(&mut meta, cell);
                continue;
            }
            if let Some(c) = VV.captures(cell) {
                meta.kind = DocKind::CongVan;
                meta.title = Some(c[1].trim().to_string());
                header_hit = true;
                continue;
            }
            if let Some(c) = KINH_GUI.captures(cell) {
                in_addressees = true;
                in_title = false;
                let rest = c[1].trim();
                if !rest.is_empty() {
                    push_addressee(&mut meta.addressees, rest);
                }
                header_hit = true;
                continue;
            }
        }
        if header_hit {
            last_header = Some(i);
            continue;
        }
        let first = cells[0];
        if in_addressees && first.starts_with(['-', '+', '•']) {
            push_addressee(
                &mut meta.addressees,
                first.trim_start_matches(['-', '+', '•', ' ']),
            );
            last_header = Some(i);
            continue;
        }
        in_addressees = false;
        if in_title {
            if first
                .chars()
                .all(|c| c == '-' || c == '*' || c.is_whitespace())
            {
                last_header = Some(i);
                in_title = false;
                continue;
            }
            // A paragraph of running prose (a full stop inside, or long and ending in one)
            // is the body, not more title.
            let prose =
                first.contains(". ") || (first.ends_with('.') && first.chars().count() > 90);
            // A QĐ names its authority after the title ("BỘ TRƯỞNG BỘ …"); a Công điện
            // its addressees after "… điện:".
            let ends = first.ends_with(':') || end_matter::is_position_line(first);
            if BODY_OPENERS.is_match(first)
                || crate::outline::marker_of(first).is_some()
                || prose
                || ends
            {
                in_title = false;
            } else {
                push_title(&mut meta, first);
                last_header = Some(i);
                continue;
            }
        }
        if meta.kind == DocKind::Other
            && meta.number_parts.is_none()
            && is_caps(first)
            && last_header.map(|l| l + 2 >= i).unwrap_or(i < 3)
        {
            issuer_lines.push(first.to_string());
            last_header = Some(i);
            continue;
        }
        // A V/v subject wraps over a few lines before the motto or date.
        if meta.kind == DocKind::CongVan && meta.addressees.is_empty() && meta.year.is_none() {
            if let Some(t) = meta.title.as_mut() {
                t.push(' ');
                t.push_str(first);
                last_header = Some(i);
                continue;
            }
        }
        if last_header.is_some() && i > last_header.unwrap() + 1 {
            break;
        }
    }
    collect_issuer(paras, head_limit, &mut issuer_lines, &mut meta);
    if meta.kind == DocKind::Other {
        let code = meta
            .number_parts
            .as_ref()
            .and_then(|n| n.kind_code.as_deref());
        meta.kind = code.and_then(kind_from_code).unwrap_or(DocKind::Other);
    }
    regions.body_start = last_header.map(|l| l + 1).unwrap_or(0);
    find_end_matter(paras, &mut regions, &mut meta);
    meta.references = references(original);
    if meta.year.is_none() {
        date_from_appendix(paras, &mut meta);
    }
    (meta, regions)
}

fn push_addressee(list: &mut Vec<String>, s: &str) {
    for part in s.split(';') {
        let p = part.trim().trim_end_matches(['.', ',', ';']).trim();
        if !p.is_empty() {
            list.push(p.to_string());
        }
    }
}

/// Add a line to the title.
fn push_title(meta: &mut Metadata, line: &str) {
    let t = meta.title.get_or_insert_with(String::new);
    if !t.is_empty() {
        t.push(' ');
    }
    t.push_str(line);
}

static MOTTO_INSIDE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(\S)\s+(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)(?:\s|$)")
        .unwrap()
});
static RULE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*-{3,}\s*").unwrap());

/// A paragraph as clean cells joined by tabs: portal texts separate cells with `|` and mark
/// bold with `**` (a bold run is a line of its own there); both become cell breaks, and
/// italics' `*` and empty cells are dropped.
fn clean_cells(p: &str) -> String {
    // Columns run together ("BỘ X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): the motto is a cell.
    let split = MOTTO_INSIDE.is_match(p);
    let p = &*MOTTO_INSIDE.replace_all(p, "$1\t$2\t");
    if !split && !p.contains(['|', '*']) {
        return p.to_string();
    }
    let joined = p
        .split(['\t', '|'])
        .flat_map(|c| c.split("**"))
        .map(|c| c.trim().trim_matches(['*', '_']).trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t");
    // A rule under a letterhead line ("VĂN PHÒNG CHÍNH PHỦ -------") is a cell of its own.
    RULE.replace_all(&joined, "\t---\t")
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}
