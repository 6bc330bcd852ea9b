//! One document from bytes to a [`DocumentRecord`], with every failure contained.

use crate::budget::Budget;
pub use crate::limits::Limits;
use crate::pdf;
use crate::{text_input, ExtractError};
use nhiemvu_model::{DocumentRecord, ErrorInfo, Page, Source, SourceFormat, Warning};
use sha2::{Digest, Sha256};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

/// Options for processing one document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Per-document limits for PDFs.
    pub limits: Limits,
    /// When PDF pages are OCR'd.
    pub ocr: crate::ocr::OcrMode,
}

/// Read and process the file at `path`. Never panics; failures become `error` records.
pub fn process_file(path: &Path, opts: &Options) -> DocumentRecord {
    let display = path.to_string_lossy().into_owned();
    match std::fs::metadata(path) {
        Ok(m) if m.len() > opts.limits.max_file_bytes => {
            let source = Source::new(&display, "", 0, guess_format(path, &[]));
            let err = ExtractError::Limit(format!(
                "file is {} bytes, over the {} byte limit",
                m.len(),
                opts.limits.max_file_bytes
            ));
            return DocumentRecord::failed(source, error_info(&err));
        }
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => process_bytes(&bytes, &display, opts),
        Err(e) => {
            let source = Source::new(&display, "", 0, guess_format(path, &[]));
            let err = ExtractError::Io {
                path: display.clone(),
                source: e,
            };
            DocumentRecord::failed(source, error_info(&err))
        }
    }
}

/// Process in-memory input named `display_path`. Never panics.
pub fn process_bytes(bytes: &[u8], display_path: &str, opts: &Options) -> DocumentRecord {
    let format = guess_format(Path::new(display_path), bytes);
    let budget = Budget::start(opts.limits.time_limit);
    let (sha, (result, signed)) = rayon::join(
        || hex::encode(Sha256::digest(bytes)),
        || read(bytes, format, opts, &budget),
    );
    let source = Source::new(display_path, &sha, 0, format);
    match result {
        Ok(Ok((mut pages, mut warnings))) => {
            let mut rec = DocumentRecord::new(source);
            rec.source.pages = pages.len() as u32;
            let analyse = || {
                // Unreadable pages are kept in the record but not analysed.
                let mut usable = crate::textlayer::prepare(&mut pages, &mut warnings);
                let (mode, limit) = (opts.ocr, opts.limits.time_limit);
                let ocr = format == SourceFormat::Pdf
                    && crate::ocr::apply(
                        bytes,
                        mode,
                        &mut pages,
                        &mut usable,
                        &mut warnings,
                        limit,
                    );
                // OCR had its own budget; the analysis gets the document's limit afresh.
                let budget = if ocr { Budget::start(limit) } else { budget };
                budget.check(|| "before text analysis".into())?;
                // Copies only when a page has to be blanked; usually every page is usable.
                let blanked: Vec<Page>;
                let for_analysis: &[Page] = if usable.iter().all(|&ok| ok) {
                    &pages
                } else {
                    blanked = pages
                        .iter()
                        .zip(&usable)
                        .map(|(p, ok)| {
                            if *ok {
                                p.clone()
                            } else {
                                Page {
                                    text: String::new(),
                                    lines: Vec::new(),
                                    ..p.clone()
                                }
                            }
                        })
                        .collect();
                    &blanked
                };
                let a = crate::analyse::analyse(for_analysis, &sha);
                Ok((a, pages, warnings))
            };
            let (analysed, pages, warnings) = match panic::catch_unwind(AssertUnwindSafe(analyse)) {
                Ok(Ok((a, p, w))) => (Ok(a), p, w),
                Ok(Err(timeout)) => {
                    rec.error = Some(error_info(&timeout));
                    return rec;
                }
                Err(e) => (Err(e), Vec::new(), Vec::new()),
            };
            rec.pages = pages;
            rec.warnings = warnings;
            match analysed {
                Ok(a) => {
                    match signed {
                        Ok(Some((sigs, warning))) => {
                            rec.signatures = sigs;
                            rec.warnings.extend(warning);
                        }
                        Ok(None) => {}
                        Err(timeout) => {
                            rec.error = Some(error_info(&timeout));
                            return rec;
                        }
                    }
                    let mut metadata = a.metadata;
                    date_from_signature(&mut metadata, &rec.signatures);
                    rec.document = Some(metadata);
                    rec.tasks = a.tasks;
                    rec.footnotes = a.footnotes;
                    rec.warnings.extend(a.warnings);
                }
                Err(payload) => {
                    let err =
                        ExtractError::Panic(format!("text analysis: {}", panic_message(&payload)));
                    rec.error = Some(error_info(&err));
                }
            }
            rec
        }
        Ok(Err(err)) => DocumentRecord::failed(source, error_info(&err)),
        Err(payload) => {
            let err = ExtractError::Panic(panic_message(&payload));
            DocumentRecord::failed(source, error_info(&err))
        }
    }
}

/// Pages and warnings read from the input, or why not.
type Read = Result<(Vec<Page>, Vec<Warning>), ExtractError>;

/// Signatures and their warning, `None` when there are none to check; `Err` only when time
/// ran out.
type Signed = Result<Option<(Vec<nhiemvu_model::Signature>, Option<Warning>)>, ExtractError>;

/// When the day of the date line is blank or unreadable (a scan whose number and day the
/// signing service stamped, or OCR that could not read them), the date is the signing time
/// of the issuer's signature, marked `date_signing_time` in `stamped`; only when it agrees
/// with the month and year the date line does give.
fn date_from_signature(meta: &mut nhiemvu_model::Metadata, sigs: &[nhiemvu_model::Signature]) {
    if meta.date.is_some() {
        return;
    }
    let signer_names: Vec<String> = meta
        .signers
        .iter()
        .filter_map(|s| s.name.as_deref())
        .map(str::to_lowercase)
        .collect();
    let issuer = meta.issuer.as_deref().unwrap_or_default().to_lowercase();
    let of_issuer = |s: &&nhiemvu_model::Signature| {
        let name = s.signer_name.as_deref().unwrap_or_default().to_lowercase();
        let org = s.signer_org.as_deref().unwrap_or_default().to_lowercase();
        signer_names
            .iter()
            .any(|n| !n.is_empty() && name.contains(n.as_str()))
            || (!issuer.is_empty() && org.contains(issuer.as_str()))
    };
    let sig = sigs.iter().find(of_issuer).or(match sigs {
        [only] => Some(only),
        _ => None,
    });
    let Some(date) = sig
        .and_then(|s| {
            s.signed_signing_time
                .as_deref()
                .or(s.signing_time.as_deref())
        })
        .and_then(signing_date)
    else {
        return;
    };
    use chrono::Datelike;
    let agrees =
        meta.year.is_none_or(|y| y == date.year()) && meta.month.is_none_or(|m| m == date.month());
    if agrees {
        meta.date = Some(date);
        meta.stamped.push("date_signing_time".to_string());
    }
}

/// The calendar day of a PDF date ("D:20260422093000+07'00'") or an ISO time
/// ("2026-04-22T09:30:00+07:00"), as written (the signer's local day).
fn signing_date(t: &str) -> Option<chrono::NaiveDate> {
    let digits: String = t
        .trim_start_matches("D:")
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(8)
        .collect();
    chrono::NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// Read the pages of the input and, for a PDF, check its signatures. Both need the parsed
/// document: it is parsed once, and the signatures are checked on a copy beside the reading
/// (which changes its own), after compiling the analysis patterns (once per process): work
/// that keeps the other cores busy on one long document until they join the reading. A
/// panic is returned, not raised.
fn read(
    bytes: &[u8],
    format: SourceFormat,
    opts: &Options,
    budget: &Budget,
) -> (std::thread::Result<Read>, Signed) {
    if bytes.is_empty() {
        return (Ok(Err(ExtractError::Empty)), Ok(None));
    }
    match format {
        SourceFormat::Text => (
            panic::catch_unwind(|| Ok((text_input::read_text(bytes)?, Vec::new()))),
            Ok(None),
        ),
        SourceFormat::Pdf => {
            let doc = match panic::catch_unwind(|| pdf::open(bytes, &opts.limits)) {
                Ok(Ok(doc)) => doc,
                Ok(Err(err)) => return (Ok(Err(err)), Ok(None)),
                Err(payload) => return (Err(payload), Ok(None)),
            };
            // Signature fields are found on the document as parsed; a copy is kept for the
            // checks only when one must compare an appended revision with the document.
            let found = crate::signature::find(&doc);
            let as_parsed = found.needs_document(bytes).then(|| doc.clone());
            rayon::join(
                || {
                    panic::catch_unwind(AssertUnwindSafe(|| {
                        let mut content = pdf::read_document(doc, &opts.limits, budget)?;
                        pdf::reread_with_poppler(&mut content, bytes, budget);
                        Ok((content.pages, content.warnings))
                    }))
                },
                move || {
                    warm_up();
                    check_signatures(found, as_parsed.as_ref(), bytes, budget)
                },
            )
        }
    }
}

/// Check the signatures found in the document parsed from `bytes` (`doc`, when kept); a
/// panic becomes a `signature_failed` warning.
fn check_signatures(
    found: crate::signature::Found,
    doc: Option<&pdf_extract::Document>,
    bytes: &[u8],
    budget: &Budget,
) -> Signed {
    budget.check(|| "before signature checks".into())?;
    Ok(Some(
        panic::catch_unwind(AssertUnwindSafe(|| found.check(bytes, doc))).unwrap_or_else(
            |payload| {
                let why = panic_message(&payload);
                let message = format!("signatures could not be checked: {why}");
                (
                    Vec::new(),
                    Some(Warning::new(
                        nhiemvu_model::WarningKind::SignatureFailed,
                        message,
                        None,
                    )),
                )
            },
        ),
    ))
}

/// Run the text stages once on a small built-in document, so the patterns they compile on
/// first use (tens of milliseconds) are ready before the first real document reaches them.
///
/// The first caller runs it and the others go on without waiting: the stages use rayon, and
/// a rayon thread blocked on a lock while the lock's holder waits for rayon work deadlocks.
fn warm_up() {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !STARTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        let _ = panic::catch_unwind(|| {
            if let Ok(mut pages) = text_input::read_text(WARM_UP.as_bytes()) {
                let mut warnings = Vec::new();
                crate::textlayer::prepare(&mut pages, &mut warnings);
                crate::analyse::analyse(&pages, "");
            }
            // The locality fallback, for issuers that do not name their place.
            nhiemvu_normalizer::units::Locality::most_named(WARM_UP);
            // The title check of the deadline reader, for a quoted title before a year.
            crate::deadline::find_deadline(
                "Thực hiện Nghị quyết chuyên đề “Phát triển đến năm 2030” trước ngày 30/6/2026.",
                &Default::default(),
            );
        });
    }
}

/// A made-up two-page directive with the usual parts: heading, number and date, numbered
/// tasks with units, deadlines and targets, a footnote, recipients and signer (a data file,
/// pages split by a form feed).
const WARM_UP: &str = include_str!("../data/warm_up.txt");

/// PDF when the bytes start like one or the name says so; text otherwise.
fn guess_format(path: &Path, bytes: &[u8]) -> SourceFormat {
    let head = &bytes[..bytes.len().min(1024)];
    let has_magic = head.windows(5).any(|w| w == b"%PDF-");
    let ext_pdf = path
        .extension()
        .map(|e| e.eq_ignore_ascii_case("pdf"))
        .unwrap_or(false);
    if has_magic || ext_pdf {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    }
}

/// The `error` object for `err`.
pub fn error_info(err: &ExtractError) -> ErrorInfo {
    ErrorInfo {
        kind: err.kind(),
        message: err.to_string(),
    }
}

pub use crate::error::panic_message;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_day_falls_back_to_the_issuers_signing_time_marked_as_such() {
        let mut meta = nhiemvu_model::Metadata {
            year: Some(2026),
            month: Some(5),
            issuer: Some("Sở Nội vụ".into()),
            ..Default::default()
        };
        let sigs = [
            nhiemvu_model::Signature {
                signer_org: Some("Văn thư".into()),
                signing_time: Some("2026-06-01T08:00:00+07:00".into()),
                ..Default::default()
            },
            nhiemvu_model::Signature {
                signer_org: Some("SỞ NỘI VỤ TỈNH ĐÔNG SƠN".into()),
                signing_time: Some("2026-05-14T16:30:00+07:00".into()),
                ..Default::default()
            },
        ];
        date_from_signature(&mut meta, &sigs);
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2026-05-14")
        );
        assert_eq!(meta.stamped, vec!["date_signing_time"]);
        // A signature of another month is not the date of this one.
        let mut june = nhiemvu_model::Metadata {
            month: Some(6),
            ..Default::default()
        };
        date_from_signature(&mut june, &sigs[1..]);
        assert_eq!(june.date, None);
    }

    #[test]
    fn warm_up_document_goes_through_every_text_stage() {
        let mut pages = text_input::read_text(WARM_UP.as_bytes()).unwrap();
        let mut warnings = Vec::new();
        let usable = crate::textlayer::prepare(&mut pages, &mut warnings);
        assert!(usable.iter().all(|&ok| ok), "{warnings:?}");
        let a = crate::analyse::analyse(&pages, "");
        assert_eq!(a.metadata.number.as_deref(), Some("1/CT-UBND"));
        assert!(!a.metadata.signers.is_empty(), "{:#?}", a.metadata);
        assert!(a.tasks.len() >= 3, "{:#?}", a.tasks);
        assert!(a.tasks.iter().any(|t| t.deadline.is_some()));
        assert!(a.tasks.iter().any(|t| !t.targets.is_empty()));
    }
}
