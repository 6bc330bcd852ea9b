//! Plain text input: documents already extracted elsewhere (portal pages saved as `.txt` or
//! `.md`, converter output). UTF-8, or UTF-16 with its byte-order mark as Word saves
//! "Unicode text". Form feeds split pages; markup and line flavour are read by the
//! normalizer's layout, so page text stays as given and offsets point into it.

use crate::ExtractError;
use nhiemvu_model::Page;
use std::borrow::Cow;

/// Split text into pages at form feeds.
pub fn read_text(bytes: &[u8]) -> Result<Vec<Page>, ExtractError> {
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text
        .split('\u{c}')
        .enumerate()
        .map(|(i, t)| Page {
            number: i as u32 + 1,
            text: t.to_string(),
            annotations: Vec::new(),
            readability: None,
            text_source: Default::default(),
            ocr: None,
            lines: Vec::new(),
        })
        .collect())
}

/// The text of `bytes`: UTF-16 (little or big endian) after its byte-order mark, else UTF-8.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ExtractError> {
    let utf16 = |be: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|e| ExtractError::NotUtf8(format!("UTF-16: {e}")))
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| ExtractError::NotUtf8(e.to_string())),
    }
}

#[cfg(test)]
mod tests;
