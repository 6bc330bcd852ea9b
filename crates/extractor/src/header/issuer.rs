//! The issuing body from the letterhead's capitalised lines.

use nhiemvu_model::Metadata;
use nhiemvu_normalizer::lexicon::alternation;
use nhiemvu_normalizer::lexicon::offices::{self, official_case};
use nhiemvu_normalizer::units::locality_from_issuer;
use once_cell::sync::Lazy;
use regex::Regex;

use super::kind::kind_line;
use super::MOTTO;

/// A line that opens with an administrative level ("TỈNH BẮC NINH"), levels from the lexicon.
static LEVEL_START: Lazy<Regex> = Lazy::new(|| {
    let levels = offices::levels_in_capitals();
    Regex::new(&format!(
        r"^(?:{})\s",
        alternation(levels.iter().map(String::as_str), false)
    ))
    .unwrap()
});
/// A level inside a line ("ỦY BAN NHÂN DÂN TỈNH …").
static LEVEL_IN: Lazy<Regex> = Lazy::new(|| {
    let levels = offices::levels_in_capitals();
    Regex::new(&format!(
        r"\s(?:{})\s",
        alternation(levels.iter().map(String::as_str), false)
    ))
    .unwrap()
});

/// Gather the letterhead's body lines (those before the kind line) and set the issuer, the
/// last of them written as a name, and its parent, the first as printed. `fallback` holds
/// capitalised lines the header walk took for the issuer when none opens with a body's head.
pub(super) fn collect_issuer(
    paras: &[String],
    head_limit: usize,
    fallback: &mut Vec<String>,
    meta: &mut Metadata,
) {
    let mut lines: Vec<String> = Vec::new();
    // While true, a capitalised piece that opens no body continues the last line (a name
    // wrapped over lines: "VĂN PHÒNG CHÍNH" / "PHỦ").
    let mut open = false;
    'paras: for cell_line in paras.iter().take(head_limit) {
        for cell in cell_line.split('\t') {
            let c = cell.trim();
            if kind_line(c).is_some() || c.starts_with("V/v") || c.starts_with("Kính gửi") {
                break 'paras;
            }
            if !is_caps(c) || MOTTO.is_match(c) {
                open = false;
                continue;
            }
            if looks_issuer(c) {
                // "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ SỞ Y TẾ": two bodies on one line.
                let (head, body) = split_at_body(c);
                for line in std::iter::once(head).chain(body) {
                    if !lines.contains(&line) {
                        lines.push(line);
                    }
                }
                open = true;
            } else if LEVEL_START.is_match(c) {
                // "THÀNH PHỐ CẦN THƠ SỞ Y TẾ": the place ends where a body's head starts.
                let (place, body) = split_at_body(c);
                if let Some(last) = lines.last_mut() {
                    if !LEVEL_IN.is_match(&format!(" {last} ")) {
                        last.push(' ');
                        last.push_str(&place);
                    }
                }
                open = false;
                if let Some(b) = body {
                    lines.push(b);
                    open = true;
                }
            } else if open || lines.is_empty() {
                match lines.last_mut() {
                    Some(last) if open => {
                        last.push(' ');
                        last.push_str(c);
                    }
                    _ => lines.push(c.to_string()),
                }
                open = true;
            }
        }
    }
    if lines.is_empty() {
        lines = std::mem::take(fallback);
    }
    let Some(last) = lines.last() else {
        return;
    };
    if let Some(t) = meta.title.as_mut() {
        cut_authority(t, last);
    }
    let mut name = official_case(last);
    if lines.len() > 1 {
        meta.issuer_parent = Some(lines[0].clone());
        let parent = official_case(&lines[0]);
        if offices::is_bare_head(last) {
            // "VĂN PHÒNG" under "UBND THÀNH PHỐ HÀ NỘI" is that committee's office.
            name = format!("{name} {parent}");
        } else if parent.starts_with("Ủy ban nhân dân ") && locality_from_issuer(&name).is_none()
        {
            // "SỞ CÔNG THƯƠNG" under "UBND TỈNH LÀO CAI" is "Sở Công Thương tỉnh Lào Cai".
            if let Some(loc) = locality_from_issuer(&parent) {
                name = format!("{name} {loc}");
            }
        }
    }
    meta.issuer = Some(name);
}

/// The issuing body's line run into the title, with the position before it ("… CỦA RỪNG
/// BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "… NĂM 2027 HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA XI"):
/// the title ends where it starts, unless the title cites it ("… của Bộ …").
fn cut_authority(title: &mut String, issuer: &str) {
    let Some(at) = title.find(issuer).filter(|&at| at > 0) else {
        return;
    };
    // What follows is more of the heading in capitals ("KHÓA XI, KỲ HỌP THỨ 5"), or nothing.
    let after = title[at + issuer.len()..].trim();
    if !after.is_empty() && !is_caps(after) {
        return;
    }
    let words: Vec<&str> = title[..at].split_whitespace().collect();
    let cited = |k: usize| k > 0 && words[k - 1].to_lowercase() == "của";
    // A position before the body ("BỘ TRƯỞNG BỘ …", "TRƯỞNG BAN CHỈ ĐẠO") goes with it.
    let from = (words.len().saturating_sub(4)..words.len())
        .find(|&k| {
            let position = format!("{} {issuer}", words[k..].join(" "));
            is_caps(&position) && offices::opens_position(&position)
        })
        .unwrap_or(words.len());
    if from > 0 && !cited(from) {
        *title = words[..from].join(" ");
    }
}

/// A line naming a place that runs on into a body's name ("THÀNH PHỐ CẦN THƠ SỞ Y TẾ"):
/// the part up to the body's head, and the body (two words or more).
fn split_at_body(c: &str) -> (String, Option<String>) {
    let words: Vec<&str> = c.split_whitespace().collect();
    for k in 3..words.len().saturating_sub(1) {
        let before = format!(" {} ", words[..k].join(" "));
        let placed = LEVEL_IN.is_match(&before);
        let rest = words[k..].join(" ");
        if placed && offices::opens_body(&rest) {
            return (words[..k].join(" "), Some(rest));
        }
    }
    (c.to_string(), None)
}

fn looks_issuer(c: &str) -> bool {
    offices::opens_body(c) && c.chars().count() < 80
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
