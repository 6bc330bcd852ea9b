//! Serialises the shared model. Knows nothing of Vietnamese or PDF.

use nhiemvu_model::DocumentRecord;

/// Pretty JSON of one record, newline-terminated.
pub fn to_json(rec: &DocumentRecord) -> serde_json::Result<String> {
    let mut s = serde_json::to_string_pretty(rec)?;
    s.push('\n');
    Ok(s)
}
