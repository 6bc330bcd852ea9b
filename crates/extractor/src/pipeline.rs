//! One document from bytes to a [`DocumentRecord`], with every failure contained.

use crate::budget::Budget;
use crate::pdf::{self, Limits};
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
    let sha = hex::encode(Sha256::digest(bytes));
    let source = Source::new(display_path, &sha, 0, format);
    let budget = Budget::start(opts.limits.time_limit);
    let result = panic::catch_unwind(AssertUnwindSafe(|| run(bytes, format, opts, &budget)));
    match result {
        Ok(Ok((mut pages, mut warnings))) => {
            let mut rec = DocumentRecord::new(source);
            rec.source.pages = pages.len() as u32;
            let analyse = || {
                // Unreadable pages are kept in the record but not analysed.
                let usable = crate::textlayer::prepare(&mut pages, &mut warnings);
                budget.check(|| "before text analysis".into())?;
                let for_analysis: Vec<Page> = pages
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
                let a = crate::analyse::analyse(&for_analysis, &sha);
                Ok((a, pages, warnings))
            };
            // Signatures are checked on the raw bytes, beside the text analysis.
            let check_signatures = || {
                if format != SourceFormat::Pdf {
                    return Ok(None);
                }
                budget.check(|| "before signature checks".into())?;
                Ok(Some(
                    panic::catch_unwind(|| crate::signature::for_record(bytes)).unwrap_or_else(
                        |payload| {
                            let why = panic_message(&payload);
                            let message = format!("signatures could not be checked: {why}");
                            (
                                Vec::new(),
                                Some(Warning::new("signature_failed", message, None)),
                            )
                        },
                    ),
                ))
            };
            let (analysed, signed): (_, Result<_, ExtractError>) = rayon::join(
                || panic::catch_unwind(AssertUnwindSafe(analyse)),
                check_signatures,
            );
            let (analysed, pages, warnings) = match analysed {
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
                    rec.document = Some(a.metadata);
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

fn run(
    bytes: &[u8],
    format: SourceFormat,
    opts: &Options,
    budget: &Budget,
) -> Result<(Vec<Page>, Vec<Warning>), ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    match format {
        SourceFormat::Text => Ok((text_input::read_text(bytes)?, Vec::new())),
        SourceFormat::Pdf => {
            let content = pdf::read_pdf_within(bytes, &opts.limits, budget)?;
            Ok((content.pages, content.warnings))
        }
    }
}

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
        kind: err.kind().to_string(),
        message: err.to_string(),
    }
}

/// Text of a caught panic payload.
pub fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}
