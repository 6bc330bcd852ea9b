//! The document number and symbol ("146/KH-UBND", "09-TB/VPTU") and the kind a word names.

use nhiemvu_model::DocNumber;
use once_cell::sync::Lazy;
use regex::Regex;

static NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i:^|\s|\t)Số\s*:?\s*([0-9]*)[\s.…_]*([-/]\s*[A-ZĐ0-9][A-Za-zĐđ0-9&.\-/]*)")
        .unwrap()
});

/// A serial run into its symbol with the slash lost ("Số: 1105KH-ĐKT", as OCR reads a thin
/// slash); only taken when the letters before the hyphen are a kind code (NĐ 30 form).
static NUMBER_BARE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i:^|\s|\t)Số\s*:?\s*([0-9]+)([A-ZĐ]{1,4})(-[A-ZĐ][A-Za-zĐđ0-9&.\-/]*)").unwrap()
});

/// The serial and symbol of the "Số: …" field in `text`, if any. A slash lost between a
/// serial and its kind code ("1105KH-ĐKT") is restored, since the NĐ 30 form always has it.
pub(super) fn number_fields(text: &str) -> Option<(String, String)> {
    if let Some(c) = NUMBER.captures(text) {
        return Some((c[1].to_string(), c[2].to_string()));
    }
    let c = NUMBER_BARE.captures(text)?;
    is_kind_code(&c[2]).then(|| (c[1].to_string(), format!("/{}{}", &c[2], &c[3])))
}

/// Parse a number and symbol ("146/KH-UBND", "09-TB/VPTU", "/UBND-KGVX").
pub fn parse_number(serial: &str, symbol: &str) -> DocNumber {
    let symbol: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    let serial = serial.trim();
    let raw = format!("{serial}{symbol}");
    let body = symbol.trim_start_matches(['-', '/']);
    // State form: "KH-UBND" (kind-issuer) or "UBND-KGVX" (Công văn: issuer-unit).
    // Party form: "TB/VPTU" (kind/issuer).
    let (kind_code, issuer_code) = if symbol.starts_with('-') {
        match body.split_once('/') {
            Some((k, i)) => (Some(k.to_string()), Some(i.to_string())),
            None => (None, Some(body.to_string())),
        }
    } else {
        match body.split_once('-') {
            Some((k, i)) if is_kind_code(k) => (Some(k.to_string()), Some(i.to_string())),
            _ => (None, Some(body.to_string())),
        }
    };
    DocNumber {
        raw,
        serial: if serial.is_empty() {
            None
        } else {
            Some(serial.to_string())
        },
        kind_code,
        issuer_code,
    }
}

fn is_kind_code(k: &str) -> bool {
    super::kind::kind_from_code(k).is_some()
}
