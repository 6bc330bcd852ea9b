//! Legacy 8-bit Vietnamese encodings: TCVN3 (ABC) and VNI-Windows text, as a PDF text layer
//! gives it (each byte shown as its WinAnsi/Latin-1 character: "Céng hoµ x· héi"), detected
//! and converted to Unicode.
//!
//! Call [`repair`] on raw text BEFORE [`crate::text::clean`]: TCVN3 "ư" is byte 0xAD, which
//! reads as a soft hyphen and would be stripped.

use crate::readability;
use unicode_normalization::UnicodeNormalization;

/// An 8-bit Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    /// TCVN 5712:1993 VN3, "ABC" fonts (.VnTime, .VnArial; .VnTimeH for capitals).
    Tcvn3,
    /// VNI-Windows (VNI-Times…): a base letter followed by a diacritic byte.
    Vni,
}

/// TCVN3 (ABC) bytes 0xA1–0xFF and the letters they encode: the VN3 subset of TCVN 5712:1993
/// (glibc's TCVN5712-1 charmap, upper-case toned letters and combining marks left out: in
/// ABC fonts capitals are drawn by the ".VnTimeH" variants from the lower-case codes).
const TCVN3: [(u8, char); 74] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// The font name says which encoding the text uses, and whether it is a capitals variant.
pub fn encoding_for_font(font_name: &str) -> Option<(LegacyEncoding, bool)> {
    let name = font_name.rsplit('+').next().unwrap_or(font_name);
    let lower = name.to_lowercase();
    if lower.starts_with(".vn")
        || lower.starts_with("vn") && !lower.starts_with("vni") && name.starts_with(".")
    {
        // ".VnTimeH", ".VnArialH": the H variants draw capitals.
        let base = name
            .trim_start_matches('.')
            .split(['-', ','])
            .next()
            .unwrap_or("");
        return Some((LegacyEncoding::Tcvn3, base.ends_with('H')));
    }
    if lower.starts_with("vni-") || lower.starts_with("vni ") {
        return Some((LegacyEncoding::Vni, false));
    }
    None
}

/// Convert TCVN3 text (bytes shown as Latin-1 characters) to Unicode. With
/// `uppercase_font`, lower-case codes are capitals (".VnTimeH").
fn tcvn3_to_unicode(text: &str, uppercase_font: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        let mapped = if (0xA1..=0xFF).contains(&code) {
            TCVN3
                .iter()
                .find(|(b, _)| *b as u32 == code)
                .map(|(_, u)| *u)
        } else {
            None
        };
        let ch = mapped.unwrap_or(c);
        if uppercase_font {
            out.extend(ch.to_uppercase());
        } else {
            out.push(ch);
        }
    }
    out
}

fn unicode_to_tcvn3(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        let hit = TCVN3
            .iter()
            .find(|(_, u)| *u == c)
            .or_else(|| TCVN3.iter().find(|(_, u)| *u == lower))?;
        out.push(char::from_u32(hit.0 as u32)?);
    }
    Some(out)
}

/// VNI-Windows: the diacritic bytes (as Latin-1 characters) that follow a base letter.
/// Lower-case forms; capitals use the upper-case Latin-1 counterparts of the same marks.
const VNI_MARKS: [(&str, char); 17] = [
    ("ù", '\u{301}'), // sắc
    ("ø", '\u{300}'), // huyền
    ("û", '\u{309}'), // hỏi
    ("õ", '\u{303}'), // ngã
    ("ï", '\u{323}'), // nặng
    ("â", '\u{302}'), // circumflex (â ê ô)
    ("á", '\u{2}'),   // circumflex + sắc (marker, see below)
    ("à", '\u{3}'),   // circumflex + huyền
    ("å", '\u{4}'),   // circumflex + hỏi
    ("ã", '\u{5}'),   // circumflex + ngã
    ("ä", '\u{6}'),   // circumflex + nặng
    ("ê", '\u{306}'), // breve (ă)
    ("é", '\u{7}'),   // breve + sắc
    ("è", '\u{8}'),   // breve + huyền
    ("ú", '\u{e}'),   // breve + hỏi
    ("ü", '\u{f}'),   // breve + ngã
    ("ë", '\u{10}'),  // breve + nặng
];

/// The combining sequence a VNI mark stands for.
fn vni_mark(m: char) -> &'static [char] {
    match m {
        '\u{2}' => &['\u{302}', '\u{301}'],
        '\u{3}' => &['\u{302}', '\u{300}'],
        '\u{4}' => &['\u{302}', '\u{309}'],
        '\u{5}' => &['\u{302}', '\u{303}'],
        '\u{6}' => &['\u{302}', '\u{323}'],
        '\u{7}' => &['\u{306}', '\u{301}'],
        '\u{8}' => &['\u{306}', '\u{300}'],
        '\u{e}' => &['\u{306}', '\u{309}'],
        '\u{f}' => &['\u{306}', '\u{303}'],
        '\u{10}' => &['\u{306}', '\u{323}'],
        '\u{301}' => &['\u{301}'],
        '\u{300}' => &['\u{300}'],
        '\u{309}' => &['\u{309}'],
        '\u{303}' => &['\u{303}'],
        '\u{323}' => &['\u{323}'],
        '\u{302}' => &['\u{302}'],
        '\u{306}' => &['\u{306}'],
        _ => &[],
    }
}

/// Single-byte VNI letters (lower, upper) and their Unicode.
const VNI_SINGLE: [(char, char, char); 9] = [
    ('í', 'Í', 'í'),
    ('ì', 'Ì', 'ì'),
    ('æ', 'Æ', 'ỉ'),
    ('ó', 'Ó', 'ĩ'),
    ('ò', 'Ò', 'ị'),
    ('ô', 'Ô', 'ơ'),
    ('ö', 'Ö', 'ư'),
    ('ñ', 'Ñ', 'đ'),
    ('î', 'Î', 'ỵ'),
];

fn vni_mark_of(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    VNI_MARKS
        .iter()
        .find(|(s, _)| s.starts_with(lower))
        .map(|(_, m)| *m)
}

fn vni_to_unicode(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A base vowel (or ơ/ư written as single bytes) followed by a mark byte.
        let base: Option<char> = if "aeiouyAEIOUY".contains(c) {
            Some(c)
        } else {
            VNI_SINGLE
                .iter()
                .find(|(l, u, _)| *l == c || *u == c)
                .map(|(_, u, uni)| {
                    if c == *u {
                        uni.to_uppercase().next().unwrap_or(*uni)
                    } else {
                        *uni
                    }
                })
        };
        match base {
            Some(b) => {
                let next_mark = chars.get(i + 1).and_then(|n| vni_mark_of(*n));
                let is_vowel_base = "aeiouyAEIOUYơưƠƯ".contains(b);
                if let (Some(m), true) = (next_mark, is_vowel_base) {
                    let mut s = String::new();
                    s.push(b);
                    s.extend(vni_mark(m).iter());
                    out.extend(s.nfc());
                    i += 2;
                } else {
                    out.push(b);
                    i += 1;
                }
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn unicode_to_vni(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next()?;
        if let Some((l, u, _)) = VNI_SINGLE.iter().find(|(_, _, uni)| *uni == lower) {
            out.push(if upper { *u } else { *l });
            continue;
        }
        // Decompose: base letter, then shape (circumflex/breve/horn) and tone marks.
        let parts: Vec<char> = lower.to_string().nfd().collect();
        let (base, marks) = parts.split_first()?;
        let mut base = *base;
        let mut marks: Vec<char> = marks.to_vec();
        // Horn letters: ơ and ư are single bytes carrying further tone marks.
        if let Some(p) = marks.iter().position(|m| *m == '\u{31b}') {
            marks.remove(p);
            base = if base == 'o' { 'ơ' } else { 'ư' };
        }
        let base_out = if let Some((l, u, _)) = VNI_SINGLE.iter().find(|(_, _, uni)| *uni == base) {
            if upper {
                *u
            } else {
                *l
            }
        } else if upper {
            base.to_ascii_uppercase()
        } else {
            base
        };
        out.push(base_out);
        if marks.is_empty() {
            continue;
        }
        // Canonical order puts the dot below before the hat; compare as sets.
        marks.sort_unstable();
        let code = VNI_MARKS.iter().find(|(_, m)| {
            let mut seq = vni_mark(*m).to_vec();
            seq.sort_unstable();
            seq == marks
        })?;
        let mark_char = code.0.chars().next()?;
        out.extend(if upper {
            mark_char.to_uppercase().collect::<Vec<_>>()
        } else {
            vec![mark_char]
        });
    }
    Some(out)
}

/// Convert legacy-encoded text to Unicode. `uppercase_font` is the TCVN3 ".VnTimeH" case.
pub fn to_unicode(text: &str, enc: LegacyEncoding, uppercase_font: bool) -> String {
    match enc {
        LegacyEncoding::Tcvn3 => tcvn3_to_unicode(text, uppercase_font),
        LegacyEncoding::Vni => vni_to_unicode(text),
    }
}

/// Encode Unicode Vietnamese in a legacy encoding (for tests and test files); `None` when a
/// character cannot be encoded.
pub fn from_unicode(text: &str, enc: LegacyEncoding) -> Option<String> {
    match enc {
        LegacyEncoding::Tcvn3 => unicode_to_tcvn3(text),
        LegacyEncoding::Vni => unicode_to_vni(text),
    }
}

/// The legacy encoding `text` is in, judged by its own statistics: converted, it must read
/// as Vietnamese much better than it does as it is.
pub fn detect(text: &str) -> Option<LegacyEncoding> {
    let latin1 = text
        .chars()
        .filter(|c| ('\u{a1}'..='\u{ff}').contains(c))
        .count();
    let letters = text.chars().filter(|&c| crate::text::is_letter(c)).count();
    if letters < 20 || latin1 * 20 < letters {
        return None;
    }
    let before = readability::score(text);
    if before + 0.25 >= 1.0 {
        // A score is a share, at most 1.0: no conversion could beat this one by enough.
        return None;
    }
    let mut best: Option<(LegacyEncoding, f32)> = None;
    for enc in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
        let after = readability::score(&to_unicode(text, enc, false));
        if after > before + 0.25
            && after >= readability::UNREADABLE_BELOW
            && best.map(|(_, s)| after > s).unwrap_or(true)
        {
            best = Some((enc, after));
        }
    }
    best.map(|(e, _)| e)
}

/// Repair legacy text: by the font name when one is given, else by detection. Returns the
/// converted text and the encoding, or `None` when the text is not legacy-encoded.
pub fn repair(text: &str, font: Option<&str>) -> Option<(String, LegacyEncoding)> {
    if let Some((enc, upper)) = font.and_then(encoding_for_font) {
        return Some((to_unicode(text, enc, upper), enc));
    }
    let enc = detect(text)?;
    Some((to_unicode(text, enc, false), enc))
}

#[cfg(test)]
mod tests;
