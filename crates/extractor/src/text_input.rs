//! Plain UTF-8 text input: documents already extracted elsewhere. Form feeds split pages.

use crate::ExtractError;
use nhiemvu_model::Page;

/// Split UTF-8 text into pages at form feeds.
pub fn read_text(bytes: &[u8]) -> Result<Vec<Page>, ExtractError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ExtractError::NotUtf8(e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(text
        .split('\u{c}')
        .enumerate()
        .map(|(i, t)| Page {
            number: i as u32 + 1,
            text: t.to_string(),
            annotations: Vec::new(),
            readability: None,
            lines: Vec::new(),
        })
        .collect())
}
