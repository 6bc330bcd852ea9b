//! In-process caps that make the known PDF bombs cheap instead of fatal.
//!
//! Each cap bounds what one small input can make the reader build: operators, array items and
//! `q` nesting per content stream ([`super::content`]), glyphs per page
//! ([`super::glyphs`]), codes per ToUnicode CMap range and predictor rows (here, on the whole
//! document before any page is drawn). What a cap leaves out is noted against the object it
//! changed ([`Notes`]), and the page that uses the object gets a `limit_reached` warning.

use pdf_extract::{Document, Object, ObjectId};
use std::collections::HashMap;

/// Most operators read from one content stream: a real page has a few thousand, a dense map
/// a few hundred thousand; each parsed operator costs about 200 bytes.
pub(crate) const MAX_OPERATORS: usize = 500_000;
/// Most items kept in one array operand (a `TJ` array of a justified paragraph has hundreds).
pub(crate) const MAX_ARRAY_ITEMS: usize = 65_536;
/// Deepest `q` nesting kept: drawing keeps a copy of the graphics state per open `q`.
pub(crate) const MAX_Q_DEPTH: usize = 256;
/// Largest content stream handed to lopdf's uncapped parser when the fast reader declines.
pub(crate) const MAX_STRICT_FALLBACK_BYTES: usize = 4 << 20;
/// Most glyphs kept per page (a dense page has a few thousand).
pub(crate) const MAX_GLYPHS: usize = 500_000;
/// Most codes one `bfrange` of a ToUnicode CMap may map (each becomes a table entry).
pub(crate) const MAX_CMAP_RANGE: u64 = 65_536;
/// Most codes all the `bfrange`s of one CMap may map together.
pub(crate) const MAX_CMAP_CODES: u64 = 1 << 18;
/// Largest decoded ToUnicode CMap read.
const MAX_CMAP_BYTES: u64 = 4 << 20;
/// Largest predictor row (`Colors × BitsPerComponent × Columns / 8`), bytes.
pub(crate) const MAX_PREDICTOR_ROW: u64 = 1 << 20;
/// Most colour components a predictor row may have (poppler's limit).
const MAX_PREDICTOR_COLORS: i64 = 32;

/// What the caps changed, by the object changed: the walk turns a note into a warning on
/// each page that uses the object.
pub(crate) type Notes = HashMap<ObjectId, String>;

/// Apply the document-wide caps: predictor parameters out of range are dropped (the stream
/// is decoded without the predictor, as poppler does) and over-long CMap ranges shortened.
pub(crate) fn defuse(doc: &mut Document) -> Notes {
    let mut notes = Notes::new();
    let mut cmaps = Vec::new();
    let mut forms = Vec::new();
    for (&id, obj) in doc.objects.iter_mut() {
        let dict = match obj {
            Object::Dictionary(d) => d,
            Object::Stream(s) => {
                if let Some(why) = bad_predictor(s.dict.get(b"DecodeParms").ok()) {
                    s.dict.remove(b"DecodeParms");
                    notes.insert(id, format!("{why}; the stream was decoded without it"));
                }
                if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form") {
                    forms.push(id);
                }
                &s.dict
            }
            _ => continue,
        };
        if let Ok(Object::Reference(cmap)) = dict.get(b"ToUnicode") {
            cmaps.push(*cmap);
        }
    }
    cmaps.sort_unstable();
    cmaps.dedup();
    for id in cmaps {
        if let Some(note) = shorten_cmap(doc, id) {
            notes.insert(id, note);
        }
    }
    for id in forms {
        if let Some(note) = cap_form(doc, id) {
            notes.insert(id, note);
        }
    }
    notes
}

/// Smallest decoded Form XObject whose operators are counted: a smaller one cannot reach a
/// cap that costs memory worth saving.
const FORM_CHECK_BYTES: usize = 64 << 10;

/// A Form XObject over a content cap ([`super::content::read`]) is replaced by its capped
/// operators: pdf-extract parses forms itself, without caps.
fn cap_form(doc: &mut Document, id: ObjectId) -> Option<String> {
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    let bytes = super::walk::decoded(stream, super::walk::MAX_FORM_BYTES).ok()?;
    if bytes.len() < FORM_CHECK_BYTES {
        return None;
    }
    let read = super::content::read(&bytes);
    if read.capped.is_empty() {
        return None;
    }
    let text = read.content.encode().ok()?;
    let stream = doc.get_object_mut(id).ok()?.as_stream_mut().ok()?;
    stream.dict.remove(b"Filter");
    stream.dict.remove(b"DecodeParms");
    stream.set_content(text);
    Some(format!("a Form XObject: {}", read.capped.join("; ")))
}

/// Why a `/DecodeParms` (a dictionary or an array of them) would make the predictor allocate
/// more than [`MAX_PREDICTOR_ROW`] per row, or `None` when it is harmless.
pub(crate) fn bad_predictor(parms: Option<&Object>) -> Option<String> {
    let parms: Vec<&Object> = match parms? {
        Object::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    parms.into_iter().find_map(|p| {
        let d = p.as_dict().ok()?;
        let int = |key: &[u8], default: i64| match d.get(key) {
            Ok(Object::Integer(n)) => *n,
            _ => default,
        };
        if int(b"Predictor", 1) < 2 {
            return None;
        }
        let (colors, bits, columns) = (int(b"Colors", 1), int(b"BitsPerComponent", 8), int(b"Columns", 1));
        let row = (colors as i128 * bits as i128 * columns as i128).div_euclid(8);
        let sane = (1..=MAX_PREDICTOR_COLORS).contains(&colors)
            && matches!(bits, 1 | 2 | 4 | 8 | 16)
            && columns >= 1
            && row <= MAX_PREDICTOR_ROW as i128;
        (!sane).then(|| {
            format!(
                "predictor parameters out of range (Colors {colors} × BitsPerComponent {bits} × Columns {columns}, over {MAX_PREDICTOR_ROW} bytes a row)"
            )
        })
    })
}

/// Shorten the `bfrange`s of the ToUnicode CMap `id` to [`MAX_CMAP_RANGE`] codes each and
/// [`MAX_CMAP_CODES`] in all (a CMap too large to decode is emptied); what changed, if anything.
fn shorten_cmap(doc: &mut Document, id: ObjectId) -> Option<String> {
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    let Ok(bytes) = super::walk::decoded(stream, MAX_CMAP_BYTES) else {
        let stream = doc.get_object_mut(id).ok()?.as_stream_mut().ok()?;
        stream.dict.remove(b"Filter");
        stream.set_content(Vec::new());
        return Some(format!(
            "a ToUnicode CMap decodes to more than {MAX_CMAP_BYTES} bytes; it was not read"
        ));
    };
    let (text, shortened) = shorten_ranges(&bytes)?;
    let stream = doc.get_object_mut(id).ok()?.as_stream_mut().ok()?;
    stream.dict.remove(b"Filter");
    stream.dict.remove(b"DecodeParms");
    stream.set_content(text);
    Some(format!(
        "a ToUnicode CMap maps ranges of up to {} codes; {} ranges were cut to {MAX_CMAP_RANGE} codes ({MAX_CMAP_CODES} in all)",
        shortened.max_len, shortened.count
    ))
}

/// How many ranges were shortened, and the longest one found.
struct Shortened {
    count: usize,
    max_len: u64,
}

/// The CMap text with each `<lo> <hi> <dst>` range of its `bfrange` sections cut to the caps
/// (`<hi>` rewritten, same width); `None` when nothing needed cutting. Array ranges
/// (`<lo> <hi> [...]`) are bounded by their array and left alone.
fn shorten_ranges(cmap: &[u8]) -> Option<(Vec<u8>, Shortened)> {
    let mut out = Vec::with_capacity(cmap.len());
    let mut done = Shortened {
        count: 0,
        max_len: 0,
    };
    let mut total = 0u64;
    let mut i = 0;
    while let Some(start) = find(cmap, i, b"beginbfrange") {
        let body = start + b"beginbfrange".len();
        let end = find(cmap, body, b"endbfrange").unwrap_or(cmap.len());
        out.extend_from_slice(&cmap[i..body]);
        let mut k = body;
        while let Some((lo, _)) = hex_at(cmap, k, end) {
            let Some((hi, hi_span)) = hex_at(cmap, lo.1, end) else {
                break;
            };
            let after = skip_ws(cmap, hi_span.end, end);
            let is_array = cmap.get(after) == Some(&b'[');
            out.extend_from_slice(&cmap[k..hi_span.start]);
            let len = hi.0.saturating_sub(lo.0).saturating_add(1);
            // Codes past the last destination value would overflow it (2 or 4 bytes).
            let dst_room = match hex_at(cmap, after, end) {
                Some(((dst, _), span)) if span.len() <= 6 => 0x1_0000u64.saturating_sub(dst),
                Some(((dst, _), _)) => (1u64 << 32).saturating_sub(dst),
                None => u64::MAX,
            };
            let room = MAX_CMAP_RANGE
                .min(MAX_CMAP_CODES.saturating_sub(total))
                .min(dst_room)
                .max(1);
            if !is_array && len > room {
                done.count += 1;
                done.max_len = done.max_len.max(len);
                let digits = hi_span.len() - 2;
                out.extend_from_slice(format!("<{:0digits$X}>", lo.0 + room - 1).as_bytes());
                total += room;
            } else {
                out.extend_from_slice(&cmap[hi_span.clone()]);
                total = total.saturating_add(len);
            }
            k = hi_span.end;
            // Step over the destination: a hex string or an array of them.
            k = match cmap.get(after) {
                Some(b'[') => find(cmap, after, b"]").map_or(end, |p| p + 1),
                Some(b'<') => hex_at(cmap, after, end).map_or(end, |(_, s)| s.end),
                _ => break,
            };
            out.extend_from_slice(&cmap[hi_span.end..k]);
        }
        out.extend_from_slice(&cmap[k..end]);
        i = end;
    }
    out.extend_from_slice(&cmap[i..]);
    (done.count > 0).then_some((out, done))
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn skip_ws(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The hex string after blank space at `i` (before `end`): its value (saturating at
/// `u32::MAX`, the widest code) with the offset after it, and its byte span.
#[allow(clippy::type_complexity)]
fn hex_at(b: &[u8], i: usize, end: usize) -> Option<((u64, usize), std::ops::Range<usize>)> {
    let start = skip_ws(b, i, end);
    if b.get(start) != Some(&b'<') {
        return None;
    }
    let close = start + 1 + b.get(start + 1..end)?.iter().position(|&c| c == b'>')?;
    let digits = &b[start + 1..close];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let value = digits.iter().fold(0u64, |v, &d| {
        (v * 16 + (d as char).to_digit(16).unwrap_or(0) as u64).min(u32::MAX as u64)
    });
    Some(((value, close + 1), start..close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Dictionary;

    #[test]
    fn a_cmap_range_of_four_billion_codes_is_cut_to_the_cap() {
        let cmap = b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
            2 beginbfrange <00000000> <FFFFFFFF> <0041>\n<0020> <0022> [<0061> <0062> <0063>] endbfrange\n\
            1 beginbfchar <0003> <0044> endbfchar";
        let (out, done) = shorten_ranges(cmap).expect("shortened");
        let text = String::from_utf8(out).unwrap();
        assert_eq!(done.count, 1);
        assert_eq!(done.max_len, 1 << 32);
        // 0x0041 + 0xFFBE is the last two-byte destination.
        assert!(text.contains("<00000000> <0000FFBE> <0041>"), "{text}");
        assert!(
            text.contains("<0020> <0022> [<0061> <0062> <0063>]"),
            "{text}"
        );
        assert!(
            text.ends_with("1 beginbfchar <0003> <0044> endbfchar"),
            "{text}"
        );
    }

    #[test]
    fn ordinary_ranges_are_left_as_they_are() {
        let cmap = b"3 beginbfrange <0000> <00FF> <0000> <0100> <01FF> <1E00> <0200> <0201> [<0041> <0042>] endbfrange";
        assert!(shorten_ranges(cmap).is_none());
    }

    #[test]
    fn many_ranges_together_stop_at_the_total() {
        let mut cmap = b"8 beginbfrange".to_vec();
        for k in 0..8u32 {
            cmap.extend_from_slice(
                format!(" <{:04X}0000> <{:04X}FFFF> <00000041>", k, k).as_bytes(),
            );
        }
        cmap.extend_from_slice(b" endbfrange");
        let (out, done) = shorten_ranges(&cmap).expect("shortened");
        let text = String::from_utf8(out).unwrap();
        // Four full ranges fill the total; the rest keep one code each.
        assert_eq!(done.count, 4, "{text}");
        assert!(text.contains("<00040000> <00040000> <00000041>"), "{text}");
    }

    #[test]
    fn a_predictor_with_a_giant_row_is_refused_and_a_normal_one_kept() {
        let parms = |colors: i64, columns: i64| {
            let mut d = Dictionary::new();
            d.set("Predictor", 10);
            d.set("Colors", colors);
            d.set("Columns", columns);
            Object::Dictionary(d)
        };
        let why = bad_predictor(Some(&parms(536_870_913, 1))).expect("refused");
        assert!(why.contains("Colors 536870913"), "{why}");
        assert!(bad_predictor(Some(&parms(3, 1 << 30))).is_some());
        assert!(bad_predictor(Some(&parms(1, 5))).is_none());
        assert!(bad_predictor(Some(&Object::Array(vec![Object::Null, parms(4, 2480)]))).is_none());
        assert!(bad_predictor(None).is_none());
    }
}
