//! The issuing body from the letterhead's capitalised lines.

use nhiemvu_model::Metadata;
use once_cell::sync::Lazy;
use regex::Regex;

use super::{KIND_LINE, MOTTO};

static LEVEL_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(TỈNH|XÃ|PHƯỜNG|HUYỆN|THÀNH PHỐ|THỊ TRẤN|THỊ XÃ|QUẬN)\s").unwrap());
static LEVEL_IN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s(TỈNH|XÃ|PHƯỜNG|HUYỆN|THÀNH PHỐ|THỊ TRẤN|THỊ XÃ|QUẬN)\s").unwrap());

/// Gather the letterhead's body lines into `issuer_lines` and set the issuer (the last)
/// and its parent (the first).
pub(super) fn collect_issuer(
    paras: &[String],
    head_limit: usize,
    issuer_lines: &mut Vec<String>,
    meta: &mut Metadata,
) {
    for cell_line in paras.iter().take(head_limit) {
        for cell in cell_line.split('\t') {
            let c = cell.trim();
            if !is_caps(c) || MOTTO.is_match(c) || KIND_LINE.is_match(c) {
                continue;
            }
            if looks_issuer(c) {
                if !issuer_lines.iter().any(|x| x == c) {
                    issuer_lines.push(c.to_string());
                }
            } else if LEVEL_START.is_match(c) {
                if let Some(last) = issuer_lines.last_mut() {
                    if !LEVEL_IN.is_match(last) {
                        last.push(' ');
                        last.push_str(c);
                    }
                }
            }
        }
    }
    if let Some(last) = issuer_lines.last() {
        meta.issuer = Some(last.clone());
        if issuer_lines.len() > 1 {
            meta.issuer_parent = Some(issuer_lines[0].clone());
        }
    }
}

fn looks_issuer(c: &str) -> bool {
    let u = c.to_uppercase();
    [
        "ỦY BAN",
        "UỶ BAN",
        "UBND",
        "ĐẢNG ỦY",
        "ĐẢNG UỶ",
        "ĐẢNG BỘ",
        "SỞ ",
        "BAN ",
        "VĂN PHÒNG",
        "TỈNH ỦY",
        "HỘI ĐỒNG",
        "PHÒNG ",
        "BỘ ",
        "HUYỆN ỦY",
        "THÀNH ỦY",
    ]
    .iter()
    .any(|k| u.starts_with(k))
        && c.chars().count() < 80
}

pub(super) fn is_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}
