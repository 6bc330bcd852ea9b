//! PDF input: pages of positioned text and annotation text, through pdf-extract.
//!
//! [`read_pdf`] loads the document with lopdf (as re-exported by pdf-extract), rebuilding a
//! damaged file from its objects first ([`repair`]; a `repaired` warning), opens files
//! encrypted with an empty user password, then draws each page on its own through a glyph
//! collector ([`glyphs`]) and lays the glyphs out in reading order ([`layout`]). Each page is
//! first walked for Form XObject cycles, nesting and size ([`walk`]) and then drawn inside a
//! panic guard ([`guard`]), so one bad page becomes a warning while the rest are read; inside
//! a page, content bytes no operator reads ([`content`]) and fonts pdf-extract cannot make are
//! skipped with a `content_unreadable` warning while the rest of the page is drawn.
//! Annotation appearances (signature stamps, stamped numbers) are read separately ([`annots`]).
//!
//! Page text format: visual lines top to bottom joined by '\n'; the column runs of one line
//! joined by '\t'; a blank line where the gap to the previous line exceeds 1.8 line heights.
//! Superscript footnote markers stay in their line as plain digits glued to the preceding word
//! ("hồ sơ1").

mod annots;
mod caps;
mod content;
mod filters;
mod glyphs;
mod guard;
pub(crate) mod layout;
mod poppler;
mod repair;
mod walk;

use crate::budget::Budget;
pub use crate::limits::Limits;
use crate::limits::PARALLEL_FROM_PAGES;
use crate::ExtractError;
use glyphs::GlyphCollector;
use nhiemvu_model::{AnnotationText, Page, Warning};
use pdf_extract::{Dictionary, Document, Object, ObjectId, PageDrawer};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Mutex;
use walk::{WalkError, WalkLimits};

/// Pages and warnings read from a PDF.
#[derive(Debug, Default)]
pub struct PdfContent {
    /// Pages with text, positioned lines and annotation text.
    pub pages: Vec<Page>,
    /// Non-fatal problems (a page that failed, an unreadable annotation).
    pub warnings: Vec<Warning>,
    /// Pages whose text is in doubt, with why: [`reread_with_poppler`] reads them again.
    in_doubt: Vec<(u32, String)>,
}

/// Read every page of a PDF. Never panics: panics inside the PDF library become errors.
///
/// Errors: [`ExtractError::NotPdf`] without a `%PDF-` header, [`ExtractError::Encrypted`]
/// when a user password is needed, [`ExtractError::Malformed`] when lopdf cannot parse it
/// even after the file is rebuilt from its objects,
/// [`ExtractError::Limit`] for too many pages, self-drawing or too deeply nested forms and
/// oversized page content, [`ExtractError::TimeLimit`] when `budget` runs out. A page
/// pdf-extract cannot draw becomes a `page_failed` warning and an empty page.
pub fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<PdfContent, ExtractError> {
    read_pdf_within(bytes, limits, &Budget::start(limits.time_limit))
}

/// [`read_pdf`] inside a time budget started by the caller (the pipeline's, which also
/// covers analysis).
pub fn read_pdf_within(
    bytes: &[u8],
    limits: &Limits,
    budget: &Budget,
) -> Result<PdfContent, ExtractError> {
    let mut content = read_document(open(bytes, limits)?, limits, budget)?;
    reread_with_poppler(&mut content, bytes, budget);
    Ok(content)
}

/// Check the header and size of `bytes` and parse them into a document, opened with the
/// empty user password when encrypted: the first half of [`read_pdf_within`], for a caller
/// that also wants the parsed document (the signature checks). A damaged file comes back
/// rebuilt, with a note in its trailer that [`read_document`] turns into a `repaired` warning.
pub fn open(bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ExtractError::NotPdf(
            "no %PDF- header in the first 1024 bytes".into(),
        ));
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ExtractError::Limit(format!(
            "file is {} bytes, over the {} byte limit",
            bytes.len(),
            limits.max_file_bytes
        )));
    }
    load(bytes)
}

/// Read every page of a document from [`open`]: the second half of [`read_pdf_within`]. The
/// document is taken because reading changes it (annotation appearances become pages).
pub fn read_document(
    mut doc: Document,
    limits: &Limits,
    budget: &Budget,
) -> Result<PdfContent, ExtractError> {
    let mut out = PdfContent::default();
    if let Some(Object::String(note, _)) = doc.trailer.remove(REPAIRED_KEY) {
        out.warnings.push(Warning::new(
            nhiemvu_model::WarningKind::Repaired,
            String::from_utf8_lossy(&note).into_owned(),
            None,
        ));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::Malformed("no pages found".into()));
    }
    if pages.len() as u64 > limits.max_pages as u64 {
        return Err(ExtractError::Limit(format!(
            "{} pages, over the {} page limit",
            pages.len(),
            limits.max_pages
        )));
    }
    blank_images(&mut doc);
    let notes = caps::defuse(&mut doc);
    pin_inherited(&mut doc, &pages);

    // Annotations first, because reading them adds synthetic pages to the document.
    let mut specs = Vec::with_capacity(pages.len());
    for (&number, &id) in &pages {
        let max = limits.max_annotations_per_page as usize;
        let (list, dropped) = annots::page_annotations(&doc, id, max);
        if dropped {
            out.warnings.push(Warning::new(
                nhiemvu_model::WarningKind::AnnotationsSkipped,
                format!("more than {max} annotations on the page; the rest were not read"),
                Some(number),
            ));
        }
        specs.push(list);
    }
    let mut flat: Vec<annots::AnnotSpec> = specs.iter().flatten().cloned().collect();
    if !flat.is_empty() && !annots::add_appearance_pages(&mut doc, &mut flat) {
        flat.iter_mut().for_each(|s| s.appearance_page = None);
        out.warnings.push(Warning::new(
            nhiemvu_model::WarningKind::AnnotationsSkipped,
            "the page tree could not hold annotation appearances; only field values were read",
            None,
        ));
    }
    let walk_limits = WalkLimits {
        max_depth: limits.max_xobject_depth,
        max_bytes: limits.max_stream_bytes,
    };

    // Each page with the annotations drawn on it, in page order.
    let mut flat = flat.into_iter();
    let jobs: Vec<PageJob> = pages
        .iter()
        .map(|(&number, &id)| PageJob {
            number,
            id,
            annots: flat
                .by_ref()
                .take(specs[number as usize - 1].len())
                .collect(),
        })
        .collect();
    let reader = PageReader {
        doc: &doc,
        notes: &notes,
        limits: walk_limits,
        budget,
    };
    let threads = rayon::current_num_threads();
    // Long documents are read on every core (see `read_shared`); small ones on one thread,
    // a batch being parallel already.
    let workers = if jobs.len() < PARALLEL_FROM_PAGES {
        1
    } else {
        threads
    };
    let read = reader.read_shared(&jobs, workers)?;
    for (page, warnings, doubt) in read {
        out.warnings.extend(warnings);
        if let Some(why) = doubt {
            out.in_doubt.push((page.number, why));
        }
        out.pages.push(page);
    }
    Ok(out)
}

/// Read the pages whose text is in doubt once more with poppler's `pdftotext`, when it is
/// installed, and keep poppler's reading of a page where it finds more letters and
/// digits than ours (by a twentieth) (`text_source` poppler, a `poppler_text` warning naming why). Pages within
/// [`POPPLER_GAP`] of each other are read in one run. Without poppler nothing changes.
pub fn reread_with_poppler(content: &mut PdfContent, bytes: &[u8], budget: &Budget) {
    let doubts = std::mem::take(&mut content.in_doubt);
    if doubts.is_empty() || !poppler::available() {
        return;
    }
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &(n, _) in &doubts {
        match runs.last_mut() {
            Some((_, last)) if n <= *last + POPPLER_GAP => *last = n,
            _ => runs.push((n, n)),
        }
    }
    for (first, last) in runs {
        let left = budget.remaining().unwrap_or(poppler::TIMEOUT);
        if budget.expired() {
            return;
        }
        let Ok(read) = poppler::read_pages(bytes, first, last, left) else {
            continue;
        };
        for (glyph_page, n) in read.iter().zip(first..=last) {
            let Some((_, why)) = doubts.iter().find(|(d, _)| *d == n) else {
                continue;
            };
            let Some(page) = content.pages.iter_mut().find(|p| p.number == n) else {
                continue;
            };
            let rows = layout::rows(glyph_page);
            let text = layout::page_text(&rows);
            let (theirs, ours) = (poppler::weight(&text), poppler::weight(&page.text));
            if theirs <= ours + ours / 20 {
                continue;
            }
            page.text = text;
            page.lines = rows.into_iter().flat_map(|r| r.runs).collect();
            page.text_source = nhiemvu_model::TextSource::Poppler;
            // What our reader could not read is read now: its warnings give way to this one.
            content.warnings.retain(|w| {
                !(w.kind == nhiemvu_model::WarningKind::ContentUnreadable && w.page == Some(n))
            });
            content.warnings.push(Warning::new(
                nhiemvu_model::WarningKind::PopplerText,
                format!("page {n} read by poppler's pdftotext ({theirs} letters and digits against {ours}): {why}"),
                Some(n),
            ));
        }
    }
}

/// Pages in doubt at most this far apart are read by one `pdftotext` run.
const POPPLER_GAP: u32 = 4;

/// The next page for worker `k`: the front of its stretch, or else the first page of the back
/// half it takes over from the largest stretch left; `None` when every page is taken.
fn next_page(stretches: &Mutex<Vec<Range<usize>>>, k: usize) -> Option<usize> {
    let mut s = stretches.lock().ok()?;
    if s[k].is_empty() {
        let (largest, len) = s
            .iter()
            .map(|r| r.len())
            .enumerate()
            .max_by_key(|&(_, len)| len)?;
        if len == 0 {
            return None;
        }
        let end = s[largest].end;
        let mid = end - len.div_ceil(2);
        s[largest].end = mid;
        s[k] = mid..end;
    }
    let i = s[k].start;
    s[k].start += 1;
    Some(i)
}

/// One page read: the page, its warnings, and why its text is in doubt (see [`doubt`]).
type PageOut = (Page, Vec<Warning>, Option<String>);

/// One page read, or why reading stopped.
type PageRead = Result<PageOut, ExtractError>;

/// One page to read and the annotations on it.
struct PageJob {
    number: u32,
    id: ObjectId,
    annots: Vec<annots::AnnotSpec>,
}

/// What reading any page of one document needs.
struct PageReader<'a> {
    doc: &'a Document,
    notes: &'a caps::Notes,
    limits: WalkLimits,
    budget: &'a Budget,
}

impl PageReader<'_> {
    /// Read the pages on `workers` rayon tasks; results in page order.
    ///
    /// Each worker starts on its own stretch of consecutive pages and, when done, takes the
    /// back half of the largest stretch left: pages stay in long runs per worker (a drawer
    /// parses each font it meets, so fonts are parsed about once), and a worker that starts
    /// late or meets heavy pages does not hold the others up.
    fn read_shared(&self, jobs: &[PageJob], workers: usize) -> Result<Vec<PageOut>, ExtractError> {
        let n = jobs.len();
        let stretches: Mutex<Vec<Range<usize>>> = Mutex::new(
            (0..workers)
                .map(|k| k * n / workers..(k + 1) * n / workers)
                .collect(),
        );
        let per_worker: Vec<Vec<(usize, PageRead)>> = (0..workers)
            .into_par_iter()
            .map(|k| {
                let empty_resources = Dictionary::new();
                let mut drawer = PageDrawer::new(self.doc, &empty_resources);
                let mut done = Vec::new();
                while let Some(i) = next_page(&stretches, k) {
                    let read = self.read_page(&mut drawer, &jobs[i]);
                    let failed = read.is_err();
                    done.push((i, read));
                    if failed {
                        // Out of time: the other workers stop at their next page too.
                        if let Ok(mut s) = stretches.lock() {
                            s.iter_mut().for_each(|r| r.end = r.start);
                        }
                        break;
                    }
                }
                done
            })
            .collect();
        let mut all: Vec<_> = per_worker.into_iter().flatten().collect();
        all.sort_unstable_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, read)| read).collect()
    }

    /// One page: its text and lines, its annotations' text, and what went wrong.
    fn read_page(&self, drawer: &mut PageDrawer<'_>, job: &PageJob) -> PageRead {
        let (number, budget) = (job.number, self.budget);
        let mut warnings = Vec::new();
        let mut in_doubt;
        budget.check(|| format!("before page {number}"))?;
        let mut page = match self.draw(drawer, job.id, number)? {
            Ok(Drawn {
                rows,
                troubles,
                doubt,
                empty,
            }) => {
                note_troubles(&mut warnings, troubles, number, "");
                in_doubt = doubt.or_else(|| empty.then(|| "no character drawn".to_string()));
                let text = layout::page_text(&rows);
                let lines = rows.into_iter().flat_map(|r| r.runs).collect();
                Page {
                    number,
                    text,
                    annotations: Vec::new(),
                    readability: None,
                    text_source: Default::default(),
                    ocr: None,
                    lines,
                }
            }
            Err(why) => {
                in_doubt = Some(format!("the page could not be drawn ({why})"));
                warnings.push(Warning::new(
                    nhiemvu_model::WarningKind::PageFailed,
                    format!("page {number} could not be read: {why}"),
                    Some(number),
                ));
                Page {
                    number,
                    text: String::new(),
                    annotations: Vec::new(),
                    readability: None,
                    text_source: Default::default(),
                    ocr: None,
                    lines: Vec::new(),
                }
            }
        };
        for spec in &job.annots {
            let mut text = String::new();
            if let Some(ap_page) = spec.appearance_page {
                // A self-drawing or too deep appearance loses the annotation, not the page.
                let drawn = match self.draw(drawer, ap_page, number) {
                    Err(ExtractError::Limit(why)) => Err(why),
                    other => other?,
                };
                match drawn {
                    Ok(Drawn {
                        rows,
                        troubles,
                        doubt,
                        ..
                    }) => {
                        note_troubles(&mut warnings, troubles, number, "an annotation: ");
                        if in_doubt.is_none() {
                            in_doubt = doubt.map(|d| format!("an annotation: {d}"));
                        }
                        text = layout::plain_text(&rows);
                    }
                    Err(why) => warnings.push(Warning::new(
                        nhiemvu_model::WarningKind::AnnotationFailed,
                        format!(
                            "an annotation appearance on page {number} could not be read: {why}"
                        ),
                        Some(number),
                    )),
                }
            }
            if text.trim().is_empty() {
                text = spec.value.clone().unwrap_or_default();
            }
            if text.trim().is_empty() {
                continue;
            }
            page.annotations.push(AnnotationText {
                kind: spec.kind,
                field: spec.field.clone(),
                signature_field: spec.signature_field,
                rect: spec.rect,
                text,
            });
        }
        Ok((page, warnings, in_doubt))
    }

    /// [`draw`] with this document's notes, limits and budget.
    #[allow(clippy::type_complexity)]
    fn draw(
        &self,
        drawer: &mut PageDrawer<'_>,
        id: ObjectId,
        number: u32,
    ) -> Result<Result<Drawn, String>, ExtractError> {
        let Self {
            doc,
            notes,
            limits,
            budget,
            ..
        } = *self;
        draw(drawer, doc, notes, id, number, limits, budget)
    }
}

/// Decoded bytes of page `page`'s content streams, counted up to `max` (a stream that
/// inflates past `max` counts as `max`): whether a page draws anything, without inflating a
/// bomb or running a predictor with hostile parameters.
pub fn drawn_bytes(doc: &Document, page: ObjectId, max: usize) -> usize {
    let mut n = 0;
    for id in doc.get_page_contents(page) {
        if let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) {
            if stream.dict.get(b"DecodeParms").is_ok() {
                // A predictor is never needed to tell an empty page from a drawn one.
                n += stream.content.len();
            } else {
                n += walk::decoded(stream, max as u64).map_or(max, |b| b.len());
            }
        }
        if n >= max {
            return max;
        }
    }
    n
}

/// The decoded bytes of `stream`, or `None` when they would exceed `max` or its predictor
/// parameters are out of range ([`caps`]): for readers outside the page walk (signatures).
pub(crate) fn decoded_capped(stream: &pdf_extract::Stream, max: u64) -> Option<Vec<u8>> {
    if caps::bad_predictor(stream.dict.get(b"DecodeParms").ok()).is_some() {
        return None;
    }
    walk::decoded(stream, max).ok()
}

/// Trailer key under which [`open`] leaves a note that the file was rebuilt, taken out again
/// by [`read_document`] as a `repaired` warning.
const REPAIRED_KEY: &[u8] = b"NhiemvuRepaired";

/// Parse the document, opening it with the empty user password when encrypted; a file lopdf
/// cannot load, or loads with objects, stream lengths or pages missing, is rebuilt from its
/// objects first ([`repair`]) and the rebuilt one kept when it reads better.
fn load(bytes: &[u8]) -> Result<Document, ExtractError> {
    let first = load_as_is(bytes);
    let why = match &first {
        Ok(doc) => match repair::damage(doc, bytes) {
            None => return first,
            Some(why) => why,
        },
        Err(ExtractError::Encrypted(_)) => return first,
        Err(e) => e.to_string(),
    };
    let Some(rebuilt) = guard::guarded(|| repair::rebuild(bytes)).ok().flatten() else {
        return first;
    };
    let Ok(mut doc) = load_as_is(&rebuilt) else {
        return first;
    };
    let pages = doc.get_pages().len();
    if pages == 0 {
        return first;
    }
    if let Ok(old) = &first {
        let old_pages = old.get_pages().len();
        if old_pages > pages || old.objects.len() > doc.objects.len() {
            return first;
        }
    }
    let note = format!("the file was rebuilt from its objects ({why})");
    doc.trailer
        .set(REPAIRED_KEY, Object::string_literal(note.into_bytes()));
    Ok(doc)
}

/// Parse the document as lopdf reads it, opening it with the empty user password.
fn load_as_is(bytes: &[u8]) -> Result<Document, ExtractError> {
    let loaded = guard::guarded(|| Document::load_mem(bytes))
        .map_err(|p| ExtractError::Panic(format!("while parsing the PDF: {p}")))?;
    let mut doc = loaded.map_err(|e| match e {
        pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword => {
            ExtractError::Encrypted(e.to_string())
        }
        other => ExtractError::Malformed(other.to_string()),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        // lopdf opens documents with an empty user password while loading; if it did not,
        // try once more explicitly, then with an odd `/ID` read as poppler reads it, before
        // giving up, unless only attachments are encrypted.
        if doc.decrypt("").is_ok() || (mend_file_id(&mut doc) && doc.decrypt("").is_ok()) {
            return Ok(doc);
        }
        if only_attachments_encrypted(&doc) {
            return load_as_is(&without_encryption(bytes));
        }
        return Err(ExtractError::Encrypted(
            "the document needs a user password".into(),
        ));
    }
    Ok(doc)
}

/// Give the trailer a usable `/ID` where it has none or an odd one (not an array, a first
/// element that is not a string, or a reference to one): the first string found, else an
/// empty string, as poppler and qpdf take it for the key. Whether anything changed.
fn mend_file_id(doc: &mut Document) -> bool {
    let first = match doc.trailer.get(b"ID") {
        Ok(Object::Array(items)) => items.first().cloned(),
        Ok(other) => Some(other.clone()),
        Err(_) => None,
    };
    let first = first.map(|o| match o {
        Object::Reference(id) => doc.get_object(id).cloned().unwrap_or(Object::Null),
        o => o,
    });
    let id = match first {
        Some(Object::String(s, _)) => {
            if matches!(doc.trailer.get(b"ID"), Ok(Object::Array(a)) if a.iter().all(|o| o.as_str().is_ok()))
            {
                return false;
            }
            s
        }
        _ => Vec::new(),
    };
    let id = Object::String(id, pdf_extract::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    true
}

/// Whether the encryption dictionary leaves strings and streams in the clear (`/V` 4 or 5 with
/// `/StmF` and `/StrF` `/Identity`, their default) so that only embedded files (`/EFF`) are
/// encrypted: the page content reads without the password.
fn only_attachments_encrypted(doc: &Document) -> bool {
    let Ok(dict) = doc.get_encrypted() else {
        return false;
    };
    let version = dict.get(b"V").and_then(Object::as_i64).unwrap_or(0);
    let identity = |key: &[u8]| match dict.get(key) {
        Ok(Object::Name(n)) => n == b"Identity",
        Err(_) => true,
        Ok(_) => false,
    };
    (version == 4 || version == 5) && identity(b"StmF") && identity(b"StrF")
}

/// `bytes` with each `/Encrypt` key of a trailer or cross-reference stream renamed (same
/// length, so every offset holds): lopdf then reads the clear content as unencrypted.
fn without_encryption(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let key = b"/Encrypt";
    let mut i = 0;
    while let Some(at) = out[i..].windows(key.len()).position(|w| w == key) {
        let end = i + at + key.len();
        // Not a longer name such as /EncryptMetadata.
        let next = out.get(end).copied().unwrap_or(b' ');
        if !next.is_ascii_alphanumeric() {
            out[end - 1] = b'_';
        }
        i = end;
    }
    out
}

/// Empty every image stream: pdf-extract would otherwise inflate each image it meets and
/// parse the pixels as page content.
fn blank_images(doc: &mut Document) {
    for obj in doc.objects.values_mut() {
        if let Object::Stream(s) = obj {
            let is_image = matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image");
            if is_image {
                s.dict.remove(b"Filter");
                s.dict.remove(b"DecodeParms");
                s.set_content(Vec::new());
            }
        }
    }
}

/// Copy each page's inherited `/MediaBox` and `/Resources` onto the page itself.
///
/// pdf-extract looks them up by recursing through `/Parent` without a cycle check (a parent
/// loop overflows the stack) and panics when no MediaBox exists; with both on the page it
/// never climbs. The climb here is iterative and stops at a loop.
fn pin_inherited(doc: &mut Document, pages: &BTreeMap<u32, ObjectId>) {
    for &id in pages.values() {
        let mut found: [Option<Object>; 2] = [None, None];
        let mut seen: Vec<ObjectId> = vec![id];
        let mut node = doc.get_dictionary(id).ok();
        while let Some(dict) = node {
            for (slot, key) in found.iter_mut().zip([&b"MediaBox"[..], b"Resources"]) {
                if slot.is_none() {
                    *slot = dict.get(key).ok().cloned();
                }
            }
            if found.iter().all(Option::is_some) || seen.len() > 64 {
                break;
            }
            node = match dict.get(b"Parent").and_then(Object::as_reference) {
                Ok(parent) if !seen.contains(&parent) => {
                    seen.push(parent);
                    doc.get_dictionary(parent).ok()
                }
                _ => None,
            };
        }
        let [media_box, resources] = found;
        let media_box = media_box
            .filter(|m| {
                walk::deref(doc, Some(m))
                    .and_then(|m| m.as_array().ok())
                    .map(|a| a.len() == 4 && a.iter().all(|n| n.as_float().is_ok()))
                    .unwrap_or(false)
            })
            .unwrap_or_else(|| vec![0.into(), 0.into(), 595.into(), 842.into()].into());
        let resources = resources.unwrap_or_else(|| Dictionary::new().into());
        if let Ok(page) = doc.get_dictionary_mut(id) {
            page.set("MediaBox", media_box);
            page.set("Resources", resources);
        }
    }
}

/// Something met drawing a page: part of its content unreadable, or left out by a cap.
type Trouble = (nhiemvu_model::WarningKind, String);

/// One warning per distinct trouble met drawing page `number`.
fn note_troubles(warnings: &mut Vec<Warning>, troubles: Vec<Trouble>, number: u32, what: &str) {
    let mut seen = std::collections::HashSet::new();
    for (kind, t) in troubles {
        if seen.insert(t.clone()) {
            warnings.push(Warning::new(
                kind,
                format!("page {number}: {what}{t}"),
                Some(number),
            ));
        }
    }
}

/// One page (or annotation appearance) drawn: its rows, what could not be read on it (bytes
/// of its content, fonts), and why its text is in doubt, if it is.
struct Drawn {
    rows: Vec<layout::Row>,
    troubles: Vec<Trouble>,
    doubt: Option<String>,
    /// Nothing visible drawn: a scan, an empty page, or text our reader did not see. A page
    /// like that is worth a cheap look by poppler; an empty annotation appearance is not.
    empty: bool,
}

/// Walk then draw one page. The outer `Err` is a document-level limit; the inner one says why
/// the page could not be drawn.
fn draw(
    drawer: &mut PageDrawer<'_>,
    doc: &Document,
    notes: &caps::Notes,
    id: ObjectId,
    number: u32,
    limits: WalkLimits,
    budget: &Budget,
) -> Result<Result<Drawn, String>, ExtractError> {
    let fonts = match walk::walk_page(doc, notes, id, limits) {
        Ok(f) => f,
        Err(e @ (WalkError::Cycle(_) | WalkError::Depth(_) | WalkError::Bytes(_))) => {
            return Err(ExtractError::Limit(format!("page {number}: {e}")));
        }
    };
    drawer.take_troubles();
    let shown = fonts.string_fonts.len();
    let drawn = guard::guarded(|| {
        let mut dev = GlyphCollector::new(fonts.fonts, &fonts.string_fonts, budget);
        let result = match &fonts.content {
            Some(content) => drawer.draw_content(&mut dev, number, id, content),
            None => drawer.draw(&mut dev, number, id),
        };
        if dev.out_of_time() {
            return Err(budget.exceeded(format!("while drawing page {number}")));
        }
        Ok(result.map(|_| (dev.glyphs_dropped(), dev.finish())))
    });
    let drawn = match drawn {
        Ok(Err(timeout)) => return Err(timeout),
        Ok(Ok(page)) => Ok(page),
        Err(panic) => Err(panic),
    };
    use nhiemvu_model::WarningKind::{ContentUnreadable, LimitReached};
    let mut troubles: Vec<Trouble> = (fonts.trouble.into_iter())
        .chain(drawer.take_troubles())
        .map(|t| (ContentUnreadable, t))
        .chain(fonts.capped.into_iter().map(|c| (LimitReached, c)))
        .collect();
    if let Ok(Ok((dropped, _))) = &drawn {
        if *dropped > 0 {
            troubles.push((
                LimitReached,
                format!(
                    "more than {} glyphs on the page; {dropped} more were left out",
                    caps::MAX_GLYPHS
                ),
            ));
        }
    }
    Ok(match drawn {
        Ok(Ok((_, page))) => Ok(Drawn {
            rows: layout::rows(&page),
            doubt: doubt(&page, shown, &troubles),
            empty: page.glyphs.iter().all(|g| g.blank),
            troubles,
        }),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(format!("PDF reader panicked: {panic}")),
    })
}

/// Fewest characters drawn from which a page's decoding is judged.
const DOUBT_MIN_CHARS: u32 = 8;

/// Why the text drawn on a page is in doubt: content or fonts that could not be read, many
/// characters that decoded to nothing, only symbols where letters are expected, or fewer
/// characters than strings shown. `None` for a page read well (see also [`Drawn::empty`]).
fn doubt(page: &glyphs::GlyphPage, shown: usize, troubles: &[Trouble]) -> Option<String> {
    // A cap reached (a bomb) is no reason to hand the page to another reader.
    let unreadable = troubles
        .iter()
        .find(|(k, _)| *k == nhiemvu_model::WarningKind::ContentUnreadable);
    if let Some((_, t)) = unreadable {
        return Some(t.clone());
    }
    let (drawn, lost) = (page.drawn, page.lost);
    if drawn >= DOUBT_MIN_CHARS && lost * 5 >= drawn {
        return Some(format!("{lost} of {drawn} characters decode to nothing"));
    }
    let letters = poppler::weight(&page.text) as u32;
    let visible = page.glyphs.iter().filter(|g| !g.blank).count() as u32;
    if visible >= DOUBT_MIN_CHARS && letters * 4 < visible {
        return Some(format!(
            "{visible} characters drawn, only {letters} letters or digits"
        ));
    }
    if shown as u32 >= DOUBT_MIN_CHARS && visible * 2 < shown as u32 {
        return Some(format!("{shown} strings shown, {visible} characters drawn"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use glyphs::{Glyph, GlyphPage};

    /// A page of `text`, one glyph per character, with `lost` more characters that decoded
    /// to nothing.
    fn page(text: &str, lost: u32) -> GlyphPage {
        let mut p = GlyphPage::default();
        for (i, c) in text.chars().enumerate() {
            let start = p.text.len() as u32;
            p.text.push(c);
            p.glyphs.push(Glyph {
                x: 10.0 * i as f32,
                y: 700.0,
                w: 6.0,
                size: 12.0,
                font: 0,
                start,
                len: c.len_utf8() as u16,
                quarter: 0,
                blank: c == ' ',
            });
        }
        p.drawn = text.chars().count() as u32 + lost;
        p.lost = lost;
        p
    }

    #[test]
    fn a_page_read_well_is_not_in_doubt() {
        let p = page("Sở Tài chính chủ trì, hoàn thành trước 30/6/2026", 0);
        assert_eq!(doubt(&p, 3, &[]), None);
        // A few lost characters (a bullet glyph) do not count.
        assert_eq!(
            doubt(&page("Ủy ban nhân dân xã Tân Phước", 2), 2, &[]),
            None
        );
    }

    #[test]
    fn fonts_lost_codes_symbols_and_missing_characters_put_a_page_in_doubt() {
        let fine = page("Kế hoạch triển khai", 0);
        use nhiemvu_model::WarningKind::{ContentUnreadable, LimitReached};
        let trouble = [(ContentUnreadable, "font /F2 could not be read".to_string())];
        assert!(doubt(&fine, 1, &trouble).unwrap().contains("/F2"));
        let capped = [(LimitReached, "more than 500000 operators".to_string())];
        assert_eq!(doubt(&fine, 1, &capped), None, "a cap reached is no doubt");
        let holed = page("Kế hoạch", 40);
        assert!(doubt(&holed, 5, &[]).unwrap().contains("decode to nothing"));
        let symbols = page("□△ △□ □△△□ △□", 0);
        assert!(doubt(&symbols, 4, &[]).unwrap().contains("letters"));
        let sparse = page("Mục 1", 0);
        assert!(doubt(&sparse, 60, &[]).unwrap().contains("60 strings"));
    }

    #[test]
    fn only_the_encrypt_key_is_renamed() {
        let bytes = b"trailer << /Encrypt 5 0 R /EncryptMetadata false /Root 1 0 R >>";
        let out = without_encryption(bytes);
        assert_eq!(out.len(), bytes.len());
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("/Encryp_ 5 0 R") && out.contains("/EncryptMetadata false"));
    }
}
