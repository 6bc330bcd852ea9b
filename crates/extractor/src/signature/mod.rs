//! Digital signatures in a PDF: who signed, when, and whether the file changed since.
//!
//! [`read_signatures`] finds every signature dictionary (AcroForm `/Sig` fields, then stray
//! `/Type /Sig` dictionaries), recomputes the digest over each `/ByteRange`, checks it against
//! the signed `messageDigest` attribute and verifies the RSA PKCS#1 v1.5 signature with the
//! signer certificate's key. Nothing is assumed from the file's own claims. The chain of trust
//! is never checked (no national root certificates are shipped), so `trust` is "not_checked".
//! [`read_signatures_detailed`] adds what the model has no room for: certificate details, the
//! signed signing time and what bytes appended after the signed range changed.

mod cms_check;
mod fields;
mod names;
mod revisions;
mod stamp;

use std::panic::{catch_unwind, AssertUnwindSafe};

use nhiemvu_model::{Signature, SignatureStatus};
use pdf_extract::Document;
use serde::Serialize;

pub use names::CertificateInfo;
pub use revisions::{AppendedChange, AppendedRevision};

/// Why the signatures of a file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    /// The bytes are not a PDF that lopdf can open.
    #[error("not a readable PDF: {0}")]
    Pdf(String),
    /// The PDF parser panicked on this input; the file is malformed.
    #[error("the PDF parser failed on malformed input: {0}")]
    ParserPanic(String),
}

/// One signature with the facts that do not fit [`Signature`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignatureDetails {
    /// The model's view of the signature.
    pub signature: Signature,
    /// The signer certificate, when `/Contents` could be decoded.
    pub certificate: Option<CertificateInfo>,
    /// Why the status is what it is when it is not `Valid` ("ECDSA signatures are not checked").
    pub status_reason: Option<String>,
    /// Signature algorithm of the signer ("rsa-pkcs1v15", "ecdsa", or the OID).
    pub signature_algorithm: Option<String>,
    /// The signed `signingTime` attribute, RFC 3339 (covered by the signature, unlike `/M`).
    pub signed_signing_time: Option<String>,
    /// An RFC 3161 timestamp token is attached as an unsigned attribute (not verified).
    pub has_timestamp_token: bool,
    /// For a four-number `/ByteRange`: the gap holds exactly the `/Contents` hex string.
    pub gap_is_contents: Option<bool>,
    /// What the bytes after the signed range change, when the range does not reach the end.
    pub modified_after_signing: Option<AppendedRevision>,
}

/// Every signature in `bytes` with its verdict; an unsigned PDF gives an empty list.
///
/// Never panics: the PDF parser runs under `catch_unwind`, and an individual signature that
/// cannot be checked is reported as `Unsupported` with the reason in the detailed form.
pub fn read_signatures(bytes: &[u8]) -> Result<Vec<Signature>, SignatureError> {
    Ok(read_signatures_detailed(bytes)?
        .into_iter()
        .map(|d| d.signature)
        .collect())
}

/// Like [`read_signatures`], with certificate details and appended-revision facts.
pub fn read_signatures_detailed(bytes: &[u8]) -> Result<Vec<SignatureDetails>, SignatureError> {
    read_signatures_in(&load(bytes)?, bytes)
}

/// Like [`read_signatures_detailed`], on `doc` as parsed from `bytes` and not changed since,
/// so a caller that has parsed the file already does not parse it again.
pub fn read_signatures_in(
    doc: &Document,
    bytes: &[u8],
) -> Result<Vec<SignatureDetails>, SignatureError> {
    check_fields(guarded(|| fields::find_signatures(doc))?, bytes, Some(doc))
}

/// The signature fields of a parsed PDF, found before anything changes the document, so the
/// checks (certificates, digests) can run later, beside other work.
pub struct Found(Result<Vec<fields::SigField>, SignatureError>);

/// Find the signature fields of `doc`, the document as parsed from the file.
pub fn find(doc: &Document) -> Found {
    Found(guarded(|| fields::find_signatures(doc)))
}

impl Found {
    /// Whether checking needs the document itself: a signature that stops short of the end of
    /// the file is compared with the revision appended after it.
    pub fn needs_document(&self, bytes: &[u8]) -> bool {
        self.0
            .as_ref()
            .is_ok_and(|found| found.iter().any(|sig| stops_short(sig, bytes)))
    }

    /// Check the signatures found, as [`for_record`] does. `doc` is the document as parsed
    /// from `bytes`; without it, it is parsed again should [`Found::needs_document`] hold.
    pub fn check(
        self,
        bytes: &[u8],
        doc: Option<&Document>,
    ) -> (Vec<Signature>, Option<nhiemvu_model::Warning>) {
        record_of(
            self.0.and_then(|found| check_fields(found, bytes, doc)),
            bytes.len(),
        )
    }
}

/// Check every signature found; `doc` is needed only to compare appended revisions.
fn check_fields(
    found: Vec<fields::SigField>,
    bytes: &[u8],
    doc: Option<&Document>,
) -> Result<Vec<SignatureDetails>, SignatureError> {
    let reparsed;
    let doc = match doc {
        None if found.iter().any(|sig| stops_short(sig, bytes)) => {
            reparsed = load(bytes)?;
            Some(&reparsed)
        }
        doc => doc,
    };
    let mut prefix_docs: Vec<(u64, Option<Document>)> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for sig in found {
        let details =
            guarded(|| check_one(bytes, doc, &sig, &mut prefix_docs)).unwrap_or_else(|err| {
                let mut d = skeleton(&sig);
                d.signature.status = Some(SignatureStatus::Unsupported);
                d.status_reason = Some(err.to_string());
                d
            });
        out.push(details);
    }
    Ok(out)
}

/// A signature whose byte range ends before the end of the file: something was appended.
fn stops_short(sig: &fields::SigField, bytes: &[u8]) -> bool {
    Coverage::of(&sig.byte_range, bytes)
        .end
        .is_some_and(|end| !covers_whole(bytes, end))
}

/// Opens the PDF with lopdf, turning panics into errors.
fn load(bytes: &[u8]) -> Result<Document, SignatureError> {
    guarded(|| Document::load_mem(bytes))?.map_err(|e| SignatureError::Pdf(e.to_string()))
}

/// Runs `f`, turning a panic into [`SignatureError::ParserPanic`].
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, SignatureError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        SignatureError::ParserPanic(msg)
    })
}

/// A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, trailing parts optional, `Z` or no offset read as
/// UTC) in RFC 3339 with its offset; `None` when it is not one.
pub fn pdf_date_rfc3339(raw: &str) -> Option<String> {
    let s = raw.trim().trim_start_matches("D:");
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() < 4 || !digits.len().is_multiple_of(2) {
        return None;
    }
    let part = |i: usize, default: u32| -> u32 {
        digits
            .get(i..i + 2)
            .and_then(|p| p.parse().ok())
            .unwrap_or(default)
    };
    let year: i32 = digits[..4].parse().ok()?;
    let rest = &s[digits.len()..];
    let offset_secs = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let nums: String = rest[1..].chars().filter(|c| c.is_ascii_digit()).collect();
            let h: i32 = nums.get(..2)?.parse().ok()?;
            let m: i32 = nums.get(2..4).and_then(|p| p.parse().ok()).unwrap_or(0);
            let secs = h * 3600 + m * 60;
            if sign == '-' {
                -secs
            } else {
                secs
            }
        }
        _ => 0,
    };
    let offset = chrono::FixedOffset::east_opt(offset_secs)?;
    let t = chrono::TimeZone::with_ymd_and_hms(
        &offset,
        year,
        part(4, 1),
        part(6, 1),
        part(8, 0),
        part(10, 0),
        part(12, 0),
    )
    .single()?;
    Some(t.to_rfc3339())
}

/// The parts of a signature known from its dictionary alone.
fn skeleton(sig: &fields::SigField) -> SignatureDetails {
    SignatureDetails {
        signature: Signature {
            field: sig.field.clone(),
            sub_filter: sig.sub_filter.clone(),
            byte_range: sig.byte_range.clone(),
            signing_time: sig.signing_time.as_deref().and_then(pdf_date_rfc3339),
            signing_time_raw: sig.signing_time.clone(),
            reason: sig.reason.clone(),
            location: sig.location.clone(),
            signer_name: sig.name.clone(),
            trust: "not_checked".to_string(),
            stamp_text: sig.stamp_text.clone(),
            ..Signature::default()
        },
        certificate: None,
        status_reason: None,
        signature_algorithm: None,
        signed_signing_time: None,
        has_timestamp_token: false,
        gap_is_contents: None,
        modified_after_signing: None,
    }
}

/// Checks one signature: coverage, CMS integrity, certificate, appended changes.
fn check_one(
    bytes: &[u8],
    doc: Option<&Document>,
    sig: &fields::SigField,
    prefix_docs: &mut Vec<(u64, Option<Document>)>,
) -> SignatureDetails {
    let mut d = skeleton(sig);
    let coverage = Coverage::of(&sig.byte_range, bytes);
    d.gap_is_contents = coverage.gap_is_contents;
    d.signature.covers_whole_file = coverage.end.map(|end| covers_whole(bytes, end));

    let verdict = match &coverage.segments {
        Ok(segments) => cms_check::check(&sig.contents, sig.sub_filter.as_deref(), segments),
        Err(reason) => cms_check::Verdict::failed(SignatureStatus::DigestMismatch, reason.clone()),
    };
    d.signature.status = Some(verdict.status);
    d.status_reason = verdict.reason;
    d.signature.digest_algorithm = verdict.digest_algorithm;
    d.signature_algorithm = verdict.signature_algorithm;
    d.signed_signing_time = verdict.signed_signing_time;
    d.has_timestamp_token = verdict.has_timestamp_token;
    if let Some(cert) = verdict.certificate {
        d.signature.signer_subject = Some(cert.subject.clone());
        d.signature.signer_name = cert.common_name.clone().or(d.signature.signer_name);
        d.signature.signer_org = cert.organization.clone();
        d.signature.issuer = Some(cert.issuer.clone());
        d.certificate = Some(cert);
    }

    if let (Some(false), Some(end), Some(doc)) = (d.signature.covers_whole_file, coverage.end, doc)
    {
        let end = end as u64;
        if !prefix_docs.iter().any(|(e, _)| *e == end) {
            let prefix = guarded(|| Document::load_mem(&bytes[..end as usize]).ok())
                .ok()
                .flatten();
            prefix_docs.push((end, prefix));
        }
        let signed_doc = prefix_docs
            .iter()
            .find(|(e, _)| *e == end)
            .and_then(|(_, doc)| doc.as_ref());
        d.modified_after_signing = Some(revisions::compare(
            signed_doc,
            doc,
            bytes.len() as u64 - end,
        ));
    }
    d
}

/// Where a `/ByteRange` points in the file.
struct Coverage<'a> {
    /// The signed byte segments, or why they cannot be taken.
    segments: Result<Vec<&'a [u8]>, String>,
    /// End of the last segment, when the range is well formed.
    end: Option<usize>,
    /// For four numbers: whether the gap is exactly `<hex>`.
    gap_is_contents: Option<bool>,
}

impl<'a> Coverage<'a> {
    /// Reads `range` (offset, length pairs) against `bytes`.
    fn of(range: &[u64], bytes: &'a [u8]) -> Self {
        let mut segments = Vec::new();
        let mut end = None;
        let mut problem = None;
        if range.is_empty() || range.len() & 1 != 0 {
            problem = Some(format!(
                "/ByteRange has {} numbers, not offset/length pairs",
                range.len()
            ));
        }
        for pair in range.chunks_exact(2) {
            let (start, len) = (pair[0], pair[1]);
            match start.checked_add(len) {
                Some(stop) if stop <= bytes.len() as u64 => {
                    segments.push(&bytes[start as usize..stop as usize]);
                    end = Some(end.map_or(stop as usize, |e: usize| e.max(stop as usize)));
                }
                _ => {
                    problem.get_or_insert_with(|| {
                        format!(
                            "/ByteRange segment {start}+{len} reaches past the end of the {}-byte file",
                            bytes.len()
                        )
                    });
                }
            }
        }
        let gap_is_contents = match range {
            [0, a, b, _] if a < b && (*b as usize) <= bytes.len() => Some(
                bytes[*a as usize] == b'<'
                    && bytes[*b as usize - 1] == b'>'
                    && bytes[*a as usize + 1..*b as usize - 1]
                        .iter()
                        .all(|c| c.is_ascii_hexdigit() || c.is_ascii_whitespace()),
            ),
            [_, _, _, _] => Some(false),
            _ => None,
        };
        Coverage {
            end: if problem.is_none() { end } else { None },
            segments: match problem {
                Some(p) => Err(p),
                None => Ok(segments),
            },
            gap_is_contents,
        }
    }
}

/// True when nothing but whitespace follows `end`.
fn covers_whole(bytes: &[u8], end: usize) -> bool {
    bytes
        .get(end..)
        .is_some_and(|tail| tail.iter().all(|c| c.is_ascii_whitespace() || *c == 0))
}

/// Signatures of `doc` (parsed from `bytes`, unchanged) as the shared model reports them,
/// plus a warning when the file's signature data could not be read at all. Never panics.
pub fn for_record(
    doc: &Document,
    bytes: &[u8],
) -> (Vec<Signature>, Option<nhiemvu_model::Warning>) {
    record_of(read_signatures_in(doc, bytes), bytes.len())
}

/// Signatures for the record, or the warning saying why there are none.
fn record_of(
    read: Result<Vec<SignatureDetails>, SignatureError>,
    file_len: usize,
) -> (Vec<Signature>, Option<nhiemvu_model::Warning>) {
    match read {
        Ok(list) => {
            let list: Vec<Signature> = list.into_iter().map(into_model).collect();
            let warning = truncated(&list, file_len);
            (list, warning)
        }
        Err(e) => (
            Vec::new(),
            Some(nhiemvu_model::Warning::new(
                nhiemvu_model::WarningKind::SignaturesUnreadable,
                e.to_string(),
                None,
            )),
        ),
    }
}

/// A `signature_failed` warning when a signature's `/ByteRange` reaches past the end of the
/// file: the file was cut short (a download stopped, a copy failed). Every signature whose
/// range is complete is still checked and reported; the others say where their range ends.
fn truncated(list: &[Signature], file_len: usize) -> Option<nhiemvu_model::Warning> {
    let ends = |s: &Signature| {
        s.byte_range
            .chunks(2)
            .map(|p| p[0].saturating_add(*p.get(1).unwrap_or(&0)))
            .max()
            .unwrap_or(0)
    };
    let cut: Vec<&Signature> = list.iter().filter(|s| ends(s) > file_len as u64).collect();
    let reach = cut.iter().map(|s| ends(s)).max()?;
    let complete = list.len() - cut.len();
    Some(nhiemvu_model::Warning::new(
        nhiemvu_model::WarningKind::SignatureFailed,
        format!(
            "the file is truncated: it has {file_len} bytes, but {} signature(s) cover bytes up to {reach}; {complete} signature(s) with a complete byte range were checked",
            cut.len()
        ),
        None,
    ))
}

fn into_model(d: SignatureDetails) -> Signature {
    let mut s = d.signature;
    s.status_reason = d.status_reason;
    s.signed_signing_time = d.signed_signing_time;
    s.signature_algorithm = d.signature_algorithm;
    if let Some(c) = d.certificate {
        s.serial = Some(c.serial);
        s.valid_from = Some(c.not_before);
        s.valid_to = Some(c.not_after);
        s.signer_email = c.email;
        s.signer_unit = c.organizational_unit;
    }
    s.modified_after_signing = d
        .modified_after_signing
        .map(|m| nhiemvu_model::Modification {
            change: serde_json::to_value(m.change)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            changed_pages: m.changed_pages,
            appended_bytes: m.appended_bytes,
            annotations: m.annotations,
        });
    s
}

#[cfg(test)]
mod tests;
