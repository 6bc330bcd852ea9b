//! Repair and judge each page's text layer before analysis: legacy 8-bit encodings
//! (TCVN3, VNI) converted to Unicode by font name or by the text's statistics, and pages
//! that still do not read as Vietnamese (or have no text) flagged "OCR needed" and kept out
//! of task extraction.

use crate::limits::PARALLEL_FROM_PAGES;
use nhiemvu_model::{Page, Warning};
use nhiemvu_normalizer::legacy::{self, LegacyEncoding};
use nhiemvu_normalizer::markup::{self, MarkupLine};
use nhiemvu_normalizer::readability::{self, Verdict};
use rayon::prelude::*;

fn name(enc: LegacyEncoding) -> &'static str {
    match enc {
        LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
        LegacyEncoding::Vni => "VNI-Windows",
    }
}

/// A PDF page at least this [`readability::holes`] has lost glyphs of its text layer.
const HOLED_FROM: f32 = 0.25;
/// Fewest word tokens for the holes measure to mean anything.
const HOLED_MIN_TOKENS: usize = 30;

/// Repair one page in place and judge its readability.
fn judge_page(page: &mut Page) -> (Option<LegacyEncoding>, readability::Readability) {
    let enc = repair_page(page);
    // Signature-stamp lines (e-mails, X.509 subjects) are not prose: leave them out, and
    // read portal markup ("**", `|` borders) off text input.
    let text_input = page.lines.is_empty();
    let prose: String = page
        .text
        .lines()
        .filter(|l| !nhiemvu_normalizer::layout::is_stamp_line(l))
        .filter_map(|l| match markup::read_line(l) {
            MarkupLine::Text(t) if text_input => Some(std::borrow::Cow::Owned(t)),
            _ if text_input => None,
            _ => Some(std::borrow::Cow::Borrowed(l)),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut r = readability::assess(&prose);
    if r.verdict == Verdict::Empty
        && page
            .text
            .chars()
            .filter(|&c| nhiemvu_normalizer::text::is_letter(c))
            .count()
            >= 5
    {
        // A page of signature stamps only has text, just no prose.
        r.verdict = Verdict::Readable;
    }
    if !text_input && r.verdict == Verdict::Readable && r.tokens >= HOLED_MIN_TOKENS {
        let holes = readability::holes(&prose);
        if holes >= HOLED_FROM {
            // Words that read, with letters and syllables missing between them: a font
            // whose glyphs map to no text. The score says how much is left.
            r.verdict = Verdict::Unreadable;
            r.score = (1.0 - holes).max(0.0);
        }
    }
    page.readability = Some((r.score * 1000.0).round() / 1000.0);
    (enc, r)
}

/// Convert legacy-encoded runs of `page` in place; returns the encoding used, if any.
fn repair_page(page: &mut Page) -> Option<LegacyEncoding> {
    let by_font = page
        .lines
        .iter()
        .any(|l| legacy::encoding_for_font(&l.font).is_some());
    if by_font {
        let mut out = String::with_capacity(page.text.len());
        let mut cursor = 0usize;
        let mut used = None;
        for run in page.lines.iter_mut() {
            let Some((enc, upper)) = legacy::encoding_for_font(&run.font) else {
                continue;
            };
            let Some(pos) = page.text[cursor..]
                .find(run.text.as_str())
                .map(|p| p + cursor)
            else {
                continue;
            };
            let converted = legacy::to_unicode(&run.text, enc, upper);
            out.push_str(&page.text[cursor..pos]);
            out.push_str(&converted);
            cursor = pos + run.text.len();
            run.text = converted;
            used = Some(enc);
        }
        out.push_str(&page.text[cursor..]);
        page.text = out;
        return used;
    }
    let (text, enc) = legacy::repair(&page.text, None)?;
    page.text = text;
    Some(enc)
}

/// Repair and assess every page. Returns, per page, whether its text should be analysed.
///
/// Pages are independent, so long documents are repaired and assessed on every core;
/// warnings come out in page order whatever the thread count.
pub fn prepare(pages: &mut [Page], warnings: &mut Vec<Warning>) -> Vec<bool> {
    let judged: Vec<(Option<LegacyEncoding>, readability::Readability)> =
        if pages.len() >= PARALLEL_FROM_PAGES {
            pages.par_iter_mut().map(judge_page).collect()
        } else {
            pages.iter_mut().map(judge_page).collect()
        };
    let mut usable = Vec::with_capacity(pages.len());
    for (page, (enc, r)) in pages.iter().zip(judged) {
        if let Some(enc) = enc {
            warnings.push(Warning::new(
                nhiemvu_model::WarningKind::LegacyEncoding,
                format!("text typed in {} converted to Unicode", name(enc)),
                Some(page.number),
            ));
        }
        let already = |kind: &str| {
            warnings
                .iter()
                .any(|w| w.kind == kind && w.page == Some(page.number))
        };
        match r.verdict {
            Verdict::Readable => usable.push(true),
            Verdict::Empty => {
                // A page whose content could not be parsed says so; it is not a scan.
                if !already("ocr_needed") && !already("content_unreadable") {
                    warnings.push(Warning::new(
                        nhiemvu_model::WarningKind::OcrNeeded,
                        "no text layer on this page; OCR needed",
                        Some(page.number),
                    ));
                }
                usable.push(false);
            }
            Verdict::Unreadable => {
                warnings.push(Warning::new(
                    nhiemvu_model::WarningKind::OcrNeeded,
                    format!(
                        "text layer unreadable (readability {:.2}); OCR needed",
                        r.score
                    ),
                    Some(page.number),
                ));
                usable.push(false);
            }
        }
    }
    usable
}

#[cfg(test)]
mod tests;
