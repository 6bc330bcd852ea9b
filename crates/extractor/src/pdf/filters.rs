//! The text filters (`ASCIIHexDecode`, `ASCII85Decode`) in front of a stream's other filters.
//!
//! lopdf decodes ASCII85 but not ASCIIHex, and a stream it cannot decode reaches the content
//! lexer as hex digits: a page of text read as no text. Both are undone here, as poppler
//! does, tolerant of the blanks and missing end markers real files have.

use pdf_extract::{Object, Stream};

/// `stream` with the text filters at the front of `filters` undone (the other filters and
/// their parameters kept); `None` when the first filter is not a text filter.
pub(crate) fn without_text_filters(stream: &Stream, filters: &[&[u8]]) -> Option<Stream> {
    let k = filters
        .iter()
        .take_while(|f| text_filter(f).is_some())
        .count();
    if k == 0 {
        return None;
    }
    let mut bytes = stream.content.clone();
    for f in &filters[..k] {
        bytes = text_filter(f)?(&bytes);
    }
    let mut inner = stream.clone();
    inner.set_content(bytes);
    let rest: Vec<Object> = filters[k..]
        .iter()
        .map(|f| Object::Name(f.to_vec()))
        .collect();
    let parms = match inner.dict.get(b"DecodeParms") {
        Ok(Object::Array(p)) => Some(p.iter().skip(k).cloned().collect::<Vec<_>>()),
        _ => None,
    };
    if rest.is_empty() {
        inner.dict.remove(b"Filter");
        inner.dict.remove(b"DecodeParms");
    } else {
        inner.dict.set("Filter", Object::Array(rest));
        if let Some(p) = parms {
            inner.dict.set("DecodeParms", Object::Array(p));
        }
    }
    Some(inner)
}

/// A filter's decoder.
type Decoder = fn(&[u8]) -> Vec<u8>;

/// The decoder of a text filter, by full or abbreviated name.
fn text_filter(name: &[u8]) -> Option<Decoder> {
    match name {
        b"ASCIIHexDecode" | b"AHx" => Some(ascii_hex),
        b"ASCII85Decode" | b"A85" => Some(ascii85),
        _ => None,
    }
}

/// `48 65 6C>`: blanks skipped, stops at `>` or at the first other non-hex byte; an odd last
/// digit is followed by 0.
pub(crate) fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u8> = None;
    for &c in data {
        if c.is_ascii_whitespace() || c == 0 {
            continue;
        }
        let Some(v) = (c as char).to_digit(16).map(|v| v as u8) else {
            break;
        };
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

/// `<~87cURD]i,"Ebo80~>`: groups of five base-85 digits, `z` for four zero bytes, blanks
/// skipped, a short last group padded with `u`; stops at `~` or a byte outside the alphabet.
pub(crate) fn ascii85(data: &[u8]) -> Vec<u8> {
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    for &c in data {
        match c {
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    out.extend_from_slice(&word(&group).to_be_bytes());
                    n = 0;
                }
            }
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            c if c.is_ascii_whitespace() || c == 0 => {}
            _ => break,
        }
    }
    if n > 1 {
        group[n..].iter_mut().for_each(|g| *g = 84);
        out.extend_from_slice(&word(&group).to_be_bytes()[..n - 1]);
    }
    out
}

fn word(group: &[u8; 5]) -> u32 {
    group.iter().fold(0u32, |acc, &d| {
        acc.wrapping_mul(85).wrapping_add(u32::from(d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Dictionary;

    #[test]
    fn hex_and_85_decode_like_the_specification() {
        assert_eq!(
            ascii_hex(b"42 54\n0A 2f46 3>"),
            [0x42, 0x54, 0x0a, 0x2f, 0x46, 0x30]
        );
        assert_eq!(ascii_hex(b"4254>junk"), b"BT");
        assert_eq!(
            ascii85(b"<~6<#'\\7PQ#G+B2qq-qIbh7qlCLB.4s&C*5rE~>"),
            b"BT /F1 9 Tf (Ha Giang) Tj ET"
        );
        // Blanks inside, no end marker; `z` for four zero bytes.
        assert_eq!(
            ascii85(b"6<#'\\7PQ#G+B2q q-qIb\nh7qlCLB.4s&C*5rE"),
            b"BT /F1 9 Tf (Ha Giang) Tj ET"
        );
        assert_eq!(ascii85(b"<~z@:B~>"), b"\0\0\0\0ab");
    }

    #[test]
    fn text_filters_in_front_are_undone_and_the_rest_kept() {
        let mut dict = Dictionary::new();
        dict.set(
            "Filter",
            Object::Array(vec![
                Object::Name(b"AHx".to_vec()),
                Object::Name(b"FlateDecode".to_vec()),
            ]),
        );
        dict.set(
            "DecodeParms",
            Object::Array(vec![Object::Null, Object::Dictionary(Dictionary::new())]),
        );
        let stream = Stream::new(dict, b"78 9c>".to_vec());
        let filters = stream.filters().unwrap();
        let inner = without_text_filters(&stream, &filters).unwrap();
        assert_eq!(inner.content, vec![0x78, 0x9c]);
        assert_eq!(inner.filters().unwrap(), vec![&b"FlateDecode"[..]]);
        assert_eq!(
            inner.dict.get(b"DecodeParms").unwrap(),
            &Object::Array(vec![Object::Dictionary(Dictionary::new())])
        );
        let plain = Stream::new(Dictionary::new(), b"BT ET".to_vec());
        assert!(without_text_filters(&plain, &[b"FlateDecode"]).is_none());
    }
}
