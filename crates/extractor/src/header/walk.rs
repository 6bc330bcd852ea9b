//! The walk down the header: number, place and date, motto, kind line and title, "V/v"
//! subject and "Kính gửi" addressees, line by line until the body starts.

use chrono::NaiveDate;
use nhiemvu_model::{DocForm, DocKind, Metadata};
use nhiemvu_normalizer::lexicon::frame;
use once_cell::sync::Lazy;
use regex::Regex;

use super::date::DATE_LINE;
use super::end_matter;
use super::issuer::is_caps;
use super::kind::kind_line;
use super::number::{number_fields, parse_number};
use super::MOTTO;

static VV: Lazy<Regex> = Lazy::new(|| Regex::new(r"^V/v\s*(.*)").unwrap());
static KINH_GUI: Lazy<Regex> = Lazy::new(|| Regex::new(r"^Kính gửi\s*:?\s*(.*)").unwrap());
/// Words that open the body after the title's first line (lexicon `frame`, flag BODY).
static BODY_OPENERS: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("^(?:{})", frame::body_openers(frame::BODY))).unwrap());
/// Words that open the body even on the title's first line (flag BODY_FIRST: "Căn cứ").
static FIRST_LINE_OPENERS: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("^(?:{})", frame::body_openers(frame::BODY_FIRST))).unwrap());

/// The state of the walk: what has been found and which block is open.
pub(super) struct Walk<'m> {
    meta: &'m mut Metadata,
    /// The last paragraph that belongs to the header.
    pub last_header: Option<usize>,
    in_title: bool,
    in_addressees: bool,
    /// Capitalised lines near the top, taken for the issuer when no line opens with a
    /// body's head.
    pub fallback: Vec<String>,
}

impl<'m> Walk<'m> {
    /// A walk that fills `meta`.
    pub fn new(meta: &'m mut Metadata) -> Self {
        Walk {
            meta,
            last_header: None,
            in_title: false,
            in_addressees: false,
            fallback: Vec::new(),
        }
    }

    /// Read paragraph `i`; false when the header is over.
    pub fn para(&mut self, i: usize, p: &str) -> bool {
        // An empty line (a table's rule, a bold space) neither ends nor extends the header.
        if p.is_empty() {
            if self.last_header.is_some_and(|l| l + 1 == i) {
                self.last_header = Some(i);
            }
            return true;
        }
        let cells: Vec<&str> = p.split('\t').map(str::trim).collect();
        let mut header_hit = false;
        // "Số:" and its symbol can fall in separate runs ("Số:\t/UBND-KGVX").
        if self.meta.number_parts.is_none() && cells.len() > 1 {
            if let Some((serial, symbol)) = number_fields(&p.replace('\t', " ")) {
                self.set_number(&serial, &symbol);
                header_hit = true;
            }
        }
        // The place and date can fall in separate runs too, around a blank day's wide gap
        // ("Hà Nội, ngày\ttháng 4 năm 2026"): read it from two neighbouring cells joined.
        if self.meta.year.is_none()
            && cells.len() > 1
            && !cells.iter().any(|c| DATE_LINE.is_match(c))
        {
            let joined = cells
                .windows(2)
                .map(|w| format!("{} {}", w[0], w[1]))
                .find(|j| j.len() < 120 && DATE_LINE.is_match(j));
            if let Some(j) = joined {
                header_hit |= self.date(&j);
            }
        }
        let mut title_here = false;
        for cell in &cells {
            header_hit |= self.cell(cell, &mut title_here);
        }
        if header_hit {
            self.last_header = Some(i);
            return true;
        }
        self.line(i, cells[0])
    }

    fn set_number(&mut self, serial: &str, symbol: &str) {
        let n = parse_number(serial, symbol);
        self.meta.number = n.serial.as_ref().map(|_| n.raw.clone());
        self.meta.number_parts = Some(n);
    }

    /// One cell of a header paragraph; true when it is a header field.
    fn cell(&mut self, cell: &str, title_here: &mut bool) -> bool {
        let mut hit = false;
        if let Some((serial, symbol)) = number_fields(cell) {
            if self.meta.number_parts.is_none() {
                self.set_number(&serial, &symbol);
                hit = true;
                // The date may share the cell when the header has one column.
                if !DATE_LINE.is_match(cell) {
                    return true;
                }
            }
        }
        if self.meta.year.is_none() && cell.len() < 120 && self.date(cell) {
            return true;
        }
        if MOTTO.is_match(cell) {
            if cell.contains("ĐẢNG CỘNG SẢN") {
                self.meta.form = Some(DocForm::Party);
            } else if cell.contains("CỘNG H") {
                self.meta.form = Some(DocForm::State);
            }
            return true;
        }
        if let Some((kind, rest)) = kind_line(cell) {
            if self.meta.kind == DocKind::Other {
                self.meta.kind = kind;
                if !rest.is_empty() {
                    self.meta.title = Some(rest);
                }
                self.in_title = true;
                *title_here = true;
                return true;
            }
        }
        // The subject can share the kind line's paragraph ("KẾ HOẠCH\tNÂNG CAO …").
        if *title_here && !cell.is_empty() {
            push_title(self.meta, cell);
            return hit;
        }
        if let Some(c) = VV.captures(cell) {
            self.meta.kind = DocKind::CongVan;
            self.meta.title = Some(c[1].trim().to_string());
            return true;
        }
        if let Some(c) = KINH_GUI.captures(cell) {
            self.in_addressees = true;
            self.in_title = false;
            let rest = c[1].trim();
            if !rest.is_empty() {
                push_addressee(&mut self.meta.addressees, rest);
            }
            return true;
        }
        hit
    }

    /// The place and date line ("Hà Nội, ngày 20 tháng 11 năm 2025", day or month blank).
    fn date(&mut self, cell: &str) -> bool {
        let Some(c) = DATE_LINE.captures(cell) else {
            return false;
        };
        let meta = &mut *self.meta;
        meta.place = c.get(1).map(|m| m.as_str().trim().to_string());
        meta.year = c[4].parse().ok();
        meta.month = c.get(3).and_then(|m| m.as_str().parse().ok());
        let day: Option<u32> = c.get(2).and_then(|m| m.as_str().parse().ok());
        meta.date = match (meta.year, meta.month, day) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        };
        meta.date_raw = Some(c[0].to_string());
        true
    }

    /// A paragraph with no header field: more addressees, more title, a letterhead line,
    /// a wrapped subject, or the body; false when the header is over.
    fn line(&mut self, i: usize, first: &str) -> bool {
        if self.in_addressees && first.starts_with(['-', '+', '•']) {
            push_addressee(
                &mut self.meta.addressees,
                first.trim_start_matches(['-', '+', '•', ' ']),
            );
            self.last_header = Some(i);
            return true;
        }
        self.in_addressees = false;
        if self.in_title && self.title_line(i, first) {
            return true;
        }
        let meta = &mut *self.meta;
        if meta.kind == DocKind::Other
            && meta.number_parts.is_none()
            && is_caps(first)
            && self.last_header.map(|l| l + 2 >= i).unwrap_or(i < 3)
        {
            self.fallback.push(first.to_string());
            self.last_header = Some(i);
            return true;
        }
        // A V/v subject wraps over a few lines before the motto or date.
        if meta.kind == DocKind::CongVan && meta.addressees.is_empty() && meta.year.is_none() {
            if let Some(t) = meta.title.as_mut() {
                t.push(' ');
                t.push_str(first);
                self.last_header = Some(i);
                return true;
            }
        }
        self.last_header.is_none_or(|l| i <= l + 1)
    }

    /// A line after the kind line: more title unless it opens the body; true when taken.
    fn title_line(&mut self, i: usize, first: &str) -> bool {
        // A rule run into the first body line ("-----Thời gian qua, …") ends the title there.
        if first.starts_with("---") && first.chars().any(char::is_alphabetic) {
            self.in_title = false;
            return false;
        }
        if first
            .chars()
            .all(|c| c == '-' || c == '*' || c.is_whitespace())
        {
            self.last_header = Some(i);
            self.in_title = false;
            return true;
        }
        // A paragraph of running prose (a full stop inside, or long and ending in one)
        // is the body, not more title.
        let prose = first.contains(". ") || (first.ends_with('.') && first.chars().count() > 90);
        // A QĐ names its authority after the title ("BỘ TRƯỞNG BỘ …"); a Công điện
        // its addressees after "… điện:".
        let ends = first.ends_with(':') || end_matter::is_position_line(first);
        // The line right after the kind line is the subject even when it opens like the
        // body ("Thực hiện mục tiêu giảm nghèo …"); only "Căn cứ" opens a body there.
        let first_line = self.meta.title.is_none();
        let opener = if first_line {
            FIRST_LINE_OPENERS.is_match(first)
        } else {
            BODY_OPENERS.is_match(first)
        };
        if opener || crate::outline::marker_of(first).is_some() || prose || ends {
            self.in_title = false;
            return false;
        }
        push_title(self.meta, first);
        self.last_header = Some(i);
        true
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

fn push_addressee(list: &mut Vec<String>, s: &str) {
    for part in s.split(';') {
        let p = part.trim().trim_end_matches(['.', ',', ';']).trim();
        if !p.is_empty() {
            list.push(p.to_string());
        }
    }
}
