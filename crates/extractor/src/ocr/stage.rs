//! The OCR stage of the pipeline: after the text layer is judged, the pages that need it
//! (or all, with `force`) are OCR'd, corrected and judged again.

use super::{read_pages, tools, Failure, OcrMode, Wanted};
use crate::budget::Budget;
use nhiemvu_model::{OcrInfo, Page, TextLine, TextSource, Warning, WarningKind};
use nhiemvu_normalizer::readability::{self, Verdict};

/// The Debian packages the OCR stage needs.
const PACKAGES: &str = "tesseract-ocr tesseract-ocr-vie";

/// Time each page to OCR adds to the document's time limit: recognition takes seconds a
/// page, which the limit (set for reading text) does not foresee.
const PAGE_ALLOWANCE: std::time::Duration = std::time::Duration::from_secs(30);

/// OCR the pages of the PDF `bytes` that `mode` asks for: those not `usable` (with `auto`)
/// or all (with `force`). A page read gets its OCR text, `text_source: ocr` and its
/// confidence, and is usable when the text reads as Vietnamese. The stage has its own
/// budget, the document's `limit` plus [`PAGE_ALLOWANCE`] a page; returns whether it ran.
pub fn apply(
    bytes: &[u8],
    mode: OcrMode,
    pages: &mut [Page],
    usable: &mut [bool],
    warnings: &mut Vec<Warning>,
    limit: Option<std::time::Duration>,
) -> bool {
    let idx: Vec<usize> = (0..pages.len())
        .filter(|&i| match mode {
            OcrMode::Never => false,
            OcrMode::Auto => !usable[i],
            OcrMode::Force => true,
        })
        .collect();
    if idx.is_empty() {
        return false;
    }
    if !tools().tesseract {
        let poppler = if tools().pdftoppm {
            ""
        } else {
            " poppler-utils"
        };
        warnings.push(Warning::new(
            WarningKind::OcrUnavailable,
            format!(
                "{} page(s) need OCR but tesseract with the Vietnamese model is not installed \
                 (Debian: apt-get install {PACKAGES}{poppler})",
                idx.len()
            ),
            None,
        ));
        return false;
    }
    let wanted: Vec<Wanted> = idx
        .iter()
        .map(|&i| Wanted {
            number: pages[i].number,
            has_text: pages[i].text.chars().any(char::is_alphanumeric),
        })
        .collect();
    let budget = Budget::start(limit.map(|l| l + PAGE_ALLOWANCE * wanted.len() as u32));
    let results = read_pages(bytes, &wanted, &budget);
    let mut no_renderer = 0;
    for (&i, result) in idx.iter().zip(results) {
        let page = &mut pages[i];
        match result {
            Ok(ocr) => {
                let text = nhiemvu_normalizer::ocr::correct(&ocr.text);
                let r = readability::assess(&text);
                page.lines = corrected_runs(ocr.lines, &text);
                page.text = text;
                page.text_source = TextSource::Ocr;
                page.ocr = Some(OcrInfo {
                    confidence: ocr.confidence,
                    dpi: ocr.dpi,
                });
                page.readability = Some((r.score * 1000.0).round() / 1000.0);
                usable[i] = r.verdict == Verdict::Readable;
                if usable[i] {
                    let n = page.number;
                    warnings.retain(|w| !(w.kind == "ocr_needed" && w.page == Some(n)));
                }
            }
            Err(Failure::Blank) => {}
            Err(Failure::NoRenderer) => no_renderer += 1,
            Err(Failure::Failed(why)) => warnings.push(Warning::new(
                WarningKind::OcrNeeded,
                format!("OCR failed: {why}"),
                Some(page.number),
            )),
        }
    }
    if no_renderer > 0 {
        warnings.push(Warning::new(
            WarningKind::OcrUnavailable,
            format!(
                "{no_renderer} page(s) must be rendered for OCR but pdftoppm is not installed \
                 (Debian: apt-get install poppler-utils)"
            ),
            None,
        ));
    }
    true
}

/// The OCR runs with the corrected text of the page: the correction keeps lines and tabs,
/// so the page's runs are its non-blank lines split at tabs, in order (none if they differ).
fn corrected_runs(mut runs: Vec<TextLine>, text: &str) -> Vec<TextLine> {
    let texts: Vec<&str> = text
        .split('\n')
        .filter(|l| !l.is_empty())
        .flat_map(|l| l.split('\t'))
        .collect();
    if texts.len() != runs.len() {
        return Vec::new();
    }
    for (run, t) in runs.iter_mut().zip(texts) {
        run.text = t.to_string();
    }
    runs
}
