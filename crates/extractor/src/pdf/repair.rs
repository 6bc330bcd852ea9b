//! Rebuilding a damaged file from its objects, as qpdf, poppler and pdf.js do.
//!
//! lopdf trusts the cross-reference table and each stream's `/Length`: a trailer it cannot
//! parse, an offset that points elsewhere, a `/Length` missing or wrong, and the file (or
//! one of its streams) is lost. [`rebuild`] scans the bytes for `N G obj`, measures every
//! stream up to its `endstream`, and writes the objects out again (the last copy of each
//! wins, object streams included as they are) under a fresh table and trailer, for lopdf to
//! load. [`damage`] tells when a document that did load needs it.

use once_cell::sync::Lazy;
use pdf_extract::{Document, Object};
use regex::bytes::Regex;
use std::collections::BTreeMap;
use std::io::Write;

/// Highest object number written to a rebuilt table (a scanned number above it is noise).
const MAX_OBJECT: u32 = 4_000_000;

static HEADER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u)(\d{1,10})[\x00\t\n\x0C\r ]+(\d{1,5})[\x00\t\n\x0C\r ]*obj").unwrap()
});
static LENGTH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u)/Length[\x00\t\n\x0C\r ]*(\d{1,12})(?:[\x00\t\n\x0C\r ]+\d+[\x00\t\n\x0C\r ]+R)?",
    )
    .unwrap()
});
static CATALOG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?-u)/Type[\x00\t\n\x0C\r ]*/Catalog\b").unwrap());

/// Why a document that loaded looks damaged: objects its table lists that could not be
/// read, streams whose length was missing, or no pages; `None` when it looks whole.
pub(crate) fn damage(doc: &Document, bytes: &[u8]) -> Option<String> {
    use pdf_extract::xref::XrefEntry;
    // lopdf's offsets count from the `%PDF-` header.
    let bytes = &bytes[find(bytes, 0, b"%PDF-").unwrap_or(0)..];
    let lost = doc
        .reference_table
        .entries
        .iter()
        .filter(|(&n, e)| n > 0 && matches!(e, XrefEntry::Normal { .. }))
        .filter(|(&n, e)| {
            let generation = match e {
                XrefEntry::Normal { generation, .. } => *generation,
                _ => 0,
            };
            !doc.objects.contains_key(&(n, generation))
        })
        // lopdf drops the encryption dictionary once it has decrypted the file.
        .filter(|(_, e)| match e {
            XrefEntry::Normal { offset, .. } => !is_encryption_dict(bytes, *offset as usize),
            _ => true,
        })
        .count();
    // A stream read as empty whose bytes in the file hold data: its /Length is missing or 0.
    let unmeasured = doc
        .objects
        .iter()
        .filter(|(_, o)| matches!(o, Object::Stream(s) if s.content.is_empty()))
        .filter(|(id, _)| match doc.reference_table.get(id.0) {
            Some(XrefEntry::Normal { offset, .. }) => holds_data(bytes, *offset as usize),
            _ => false,
        })
        .count();
    let mut why = Vec::new();
    if lost > 0 {
        why.push(format!(
            "{lost} objects listed in the cross-reference table could not be read there"
        ));
    }
    if unmeasured > 0 {
        why.push(format!("{unmeasured} streams had no usable /Length"));
    }
    if doc.get_pages().is_empty() {
        why.push("no pages were found from the trailer".to_string());
    }
    (!why.is_empty()).then(|| why.join("; "))
}

/// Whether the object at `offset` is a standard security handler's encryption dictionary.
fn is_encryption_dict(bytes: &[u8], offset: usize) -> bool {
    let Some(head) = bytes.get(offset..) else {
        return false;
    };
    let head = &head[..head.len().min(4096)];
    let body = &head[..find(head, 0, b"endobj").unwrap_or(head.len())];
    let has = |k: &[u8]| find(body, 0, k).is_some();
    has(b"/Standard") || (has(b"/O") && has(b"/U") && has(b"/P"))
}

/// Whether the stream object at `offset` has bytes other than blanks between `stream` and
/// `endstream` (looked at only for streams lopdf read as empty).
fn holds_data(bytes: &[u8], offset: usize) -> bool {
    let Some(head) = bytes.get(offset..) else {
        return false;
    };
    let window = &head[..head.len().min(64 * 1024)];
    let Some(s) = find(window, 0, b"stream") else {
        return false;
    };
    let data = skip_blank(window, s + 6);
    !window[data..].starts_with(b"endstream") && data < window.len()
}

/// One object found by scanning: where its header starts and its bytes as written out again.
struct Found {
    at: usize,
    text: Vec<u8>,
}

/// `bytes` written again from the objects a scan finds, under a new cross-reference table and
/// trailer; `None` when no object or no catalog is found.
pub(crate) fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut objects: BTreeMap<(u32, u16), Found> = BTreeMap::new();
    let mut pos = 0usize;
    for m in HEADER.captures_iter(bytes) {
        let whole = m.get(0)?;
        if whole.start() < pos || whole.start() > 0 && bytes[whole.start() - 1].is_ascii_digit() {
            continue;
        }
        let number: u32 = std::str::from_utf8(&m[1]).ok()?.parse().ok()?;
        let generation: u16 = std::str::from_utf8(&m[2]).ok()?.parse().unwrap_or(0);
        if number == 0 || number > MAX_OBJECT {
            continue;
        }
        let (text, end) = object_text(bytes, whole.end());
        pos = end;
        let mut out = format!("{number} {generation} obj\n").into_bytes();
        out.extend_from_slice(&text);
        out.extend_from_slice(b"\nendobj\n");
        objects.insert(
            (number, generation),
            Found {
                at: whole.start(),
                text: out,
            },
        );
    }
    if objects.is_empty() {
        return None;
    }
    let trailer = trailer_keys(bytes, &objects)?;
    let mut out = Vec::with_capacity(bytes.len() + 64 * objects.len());
    let version = bytes
        .windows(5)
        .position(|w| w == b"%PDF-")
        .map(|p| &bytes[p..(p + 8).min(bytes.len())])
        .unwrap_or(b"%PDF-1.7");
    out.extend_from_slice(version);
    out.extend_from_slice(b"\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    for (&(n, g), found) in &objects {
        // Two generations of one number: the later one in the file wins.
        if let Some(&(_, prev_g)) = offsets.get(&n) {
            if objects[&(n, prev_g)].at > found.at {
                continue;
            }
        }
        offsets.insert(n, (out.len(), g));
        out.extend_from_slice(&found.text);
    }
    let size = offsets.keys().next_back().copied().unwrap_or(0) + 1;
    let xref = out.len();
    let _ = write!(out, "xref\n0 {size}\n0000000000 65535 f \n");
    for n in 1..size {
        match offsets.get(&n) {
            Some(&(at, g)) => {
                let _ = writeln!(out, "{at:010} {g:05} n ");
            }
            None => out.extend_from_slice(b"0000000000 00000 f \n"),
        }
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {size} {trailer}>>\nstartxref\n{xref}\n%%EOF\n"
    );
    Some(out)
}

/// The object's body after `obj` at `start`, a stream measured to its `endstream`; and where
/// scanning for the next object goes on.
fn object_text(bytes: &[u8], start: usize) -> (Vec<u8>, usize) {
    let mut i = skip_blank(bytes, start);
    let next_header = || {
        HEADER
            .find_at(bytes, start)
            .map_or(bytes.len(), |m| m.start())
    };
    let limit = next_header();
    if bytes[i..].starts_with(b"<<") {
        let dict_end = balanced_end(bytes, i);
        let dict = &bytes[i..dict_end];
        i = skip_blank(bytes, dict_end);
        if dict.ends_with(b">>") && bytes[i..].starts_with(b"stream") {
            let mut data = i + 6;
            while matches!(bytes.get(data), Some(b' ' | b'\t')) {
                data += 1;
            }
            if bytes[data..].starts_with(b"\r\n") {
                data += 2;
            } else if matches!(bytes.get(data), Some(b'\n' | b'\r')) {
                data += 1;
            }
            let (data_end, resume) = stream_end(bytes, dict, data);
            let mut text = dict[..dict.len().saturating_sub(2)].to_vec();
            let _ = write!(text, " /Length {}>>\nstream\n", data_end - data);
            text.extend_from_slice(&bytes[data..data_end]);
            text.extend_from_slice(b"\nendstream");
            return (text, resume);
        }
    }
    let body_end = find(&bytes[..limit.max(start)], start, b"endobj").unwrap_or(limit.max(start));
    let resume = if bytes[body_end..].starts_with(b"endobj") {
        body_end + 6
    } else {
        body_end
    };
    (bytes[start..body_end].to_vec(), resume)
}

/// End of a stream's data starting at `data`: its `/Length` when `endstream` follows it,
/// else the next `endstream` (less the line end before it); and where scanning goes on.
fn stream_end(bytes: &[u8], dict: &[u8], data: usize) -> (usize, usize) {
    let declared = LENGTH
        .captures(dict)
        .filter(|c| c.get(0).is_some_and(|m| !m.as_bytes().ends_with(b"R")))
        .and_then(|c| std::str::from_utf8(&c[1]).ok()?.parse::<usize>().ok());
    if let Some(len) = declared {
        let end = data.saturating_add(len);
        if end <= bytes.len() && bytes[skip_blank(bytes, end)..].starts_with(b"endstream") {
            return (end, skip_blank(bytes, end) + 9);
        }
    }
    match find(bytes, data, b"endstream") {
        Some(p) => {
            let mut end = p;
            if end > data && bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > data && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            (end, p + 9)
        }
        None => (bytes.len(), bytes.len()),
    }
}

/// `/Root`, `/Info`, `/Encrypt` and `/ID` for the new trailer, each from the last trailer
/// (or cross-reference stream) that has it; the root falls back to the last catalog found.
fn trailer_keys(bytes: &[u8], objects: &BTreeMap<(u32, u16), Found>) -> Option<String> {
    let mut dicts: Vec<&[u8]> = Vec::new();
    let mut at = 0;
    while let Some(p) = find(bytes, at, b"trailer") {
        let d = skip_blank(bytes, p + 7);
        let end = if bytes[d..].starts_with(b"<<") {
            balanced_end(bytes, d)
        } else {
            find(bytes, d, b"startxref")
                .unwrap_or(bytes.len())
                .min(d + 4096)
        };
        dicts.push(&bytes[d..end]);
        at = p + 7;
    }
    let xref_streams: Vec<&Found> = objects
        .values()
        .filter(|f| {
            f.text.windows(9).any(|w| w == b"/XRef") && f.text.windows(6).any(|w| w == b"stream")
        })
        .collect();
    dicts.extend(xref_streams.iter().map(|f| &f.text[..]));
    let reference = |key: &str| -> Option<String> {
        let re = Regex::new(&format!(
            r"(?-u)/{key}[\x00\t\n\x0C\r ]*(\d+)[\x00\t\n\x0C\r ]+(\d+)[\x00\t\n\x0C\r ]+R"
        ))
        .ok()?;
        dicts.iter().rev().find_map(|d| {
            let c = re.captures(d)?;
            Some(format!(
                "/{key} {} {} R ",
                String::from_utf8_lossy(&c[1]),
                String::from_utf8_lossy(&c[2])
            ))
        })
    };
    let known = |r: &str| {
        let mut parts = r.split_whitespace().skip(1);
        let n: u32 = parts.next()?.parse().ok()?;
        let g: u16 = parts.next()?.parse().ok()?;
        objects.get(&(n, g)).map(|f| CATALOG.is_match(&f.text))
    };
    let root = reference("Root")
        .filter(|r| known(r) == Some(true))
        .or_else(|| {
            objects
                .iter()
                .filter(|(_, f)| CATALOG.is_match(&f.text))
                .max_by_key(|(_, f)| f.at)
                .map(|(&(n, g), _)| format!("/Root {n} {g} R "))
        })
        .or_else(|| reference("Root"))?;
    let mut out = root;
    for key in ["Info", "Encrypt"] {
        if let Some(r) = reference(key).filter(|r| known(r).is_some()) {
            out.push_str(&r);
        }
    }
    if let Some(id) = dicts.iter().rev().find_map(|d| id_array(d)) {
        out.push_str("/ID ");
        out.push_str(&String::from_utf8_lossy(id));
        out.push(' ');
    }
    Some(out)
}

/// The `[...]` after `/ID` in a dictionary's bytes.
fn id_array(dict: &[u8]) -> Option<&[u8]> {
    let p = find(dict, 0, b"/ID")?;
    let open = skip_blank(dict, p + 3);
    if dict.get(open) != Some(&b'[') {
        return None;
    }
    let end = balanced_end(dict, open);
    // The bytes are written back as they are, so only printable ones are kept safely.
    let id = &dict[open..end];
    (id.ends_with(b"]") && id.iter().all(|c| c.is_ascii_graphic() || *c == b' ')).then_some(id)
}

/// Where the `<< >>` or `[ ]` opened at `start` closes (strings and comments skipped);
/// the end of `bytes` when it never does.
fn balanced_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => {
                let mut nest = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => nest += 1,
                        b')' => {
                            nest -= 1;
                            if nest == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'%' => {
                while i < bytes.len() && !matches!(bytes[i], b'\r' | b'\n') {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            b'o' if bytes[i..].starts_with(b"obj") && bytes[..i].ends_with(b"end") => return i - 3,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | b'\x0C' | 0) {
        i += 1;
    }
    i.min(bytes.len())
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{read_pdf, Limits};

    /// A one-page file whose page says `line`, written by hand: `length` is the content
    /// stream's `/Length` entry (or none), `tail` what follows the objects.
    fn file(line: &str, length: Option<&str>, tail: &str) -> Vec<u8> {
        let content = format!("BT /F1 12 Tf 72 700 Td ({line}) Tj ET");
        let length = length.map(|l| format!("/Length {l}")).unwrap_or_default();
        format!(
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
             2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
             3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
             /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n\
             4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n\
             5 0 obj << {length} >>\nstream\n{content}\nendstream\nendobj\n{tail}"
        )
        .into_bytes()
    }

    fn text(bytes: &[u8]) -> (String, Vec<String>) {
        let read = read_pdf(bytes, &Limits::default()).expect("readable");
        let text = read.pages.iter().map(|p| p.text.clone()).collect();
        (
            text,
            read.warnings.iter().map(|w| w.kind.to_string()).collect(),
        )
    }

    #[test]
    fn a_file_with_a_broken_trailer_and_no_table_is_rebuilt() {
        let bytes = file(
            "Giao So Xay dung chu tri",
            Some("44"),
            "xref\n0 6\ntrailer\n/Size 6 /Root 1 0 R\nstartxref\n99999\n%%EOF\n",
        );
        assert!(Document::load_mem(&bytes).is_err());
        let (text, warnings) = text(&bytes);
        assert_eq!(text, "Giao So Xay dung chu tri");
        assert_eq!(warnings, ["repaired"]);
    }

    #[test]
    fn streams_without_a_usable_length_are_measured_to_endstream() {
        for length in [None, Some("0"), Some("7"), Some("9 0 R")] {
            let bytes = file(
                "Han cuoi ngay 15 thang 3",
                length,
                "trailer << /Root 1 0 R >>\n",
            );
            let (text, warnings) = text(&bytes);
            assert_eq!(text, "Han cuoi ngay 15 thang 3", "{length:?}");
            assert_eq!(warnings, ["repaired"], "{length:?}");
        }
    }

    #[test]
    fn the_last_copy_of_an_object_wins_and_the_catalog_is_found_without_a_trailer() {
        let mut bytes = file("ban cu", Some("38"), "");
        bytes.extend_from_slice(
            b"5 0 obj << /Length 39 >>\nstream\nBT /F1 12 Tf 72 700 Td (ban moi) Tj ET\nendstream\nendobj\n",
        );
        let rebuilt = rebuild(&bytes).expect("objects found");
        let doc = Document::load_mem(&rebuilt).expect("loads");
        assert_eq!(doc.get_pages().len(), 1);
        let (text, _) = self::text(&bytes);
        assert_eq!(text, "ban moi");
    }

    #[test]
    fn a_rebuilt_file_is_whole() {
        let mut bytes = file("Nguyen ven", None, "");
        bytes.extend_from_slice(b"trailer << /Root 1 0 R /Size 6 >>\n");
        let rebuilt = rebuild(&bytes).unwrap();
        let doc = Document::load_mem(&rebuilt).unwrap();
        assert_eq!(damage(&doc, &rebuilt), None);
        let first = Document::load_mem(&bytes).ok();
        assert!(first.is_none_or(|d| damage(&d, &bytes).is_some()));
    }
}
