//! Character-level cleaning: NFC, spaces, dashes, invisible characters, tone style.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// `c.is_alphabetic()`, answered without a table lookup for ASCII and the Latin blocks
/// Vietnamese is written in; readability and layout ask it of every character.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{bf}' => c > '\u{7f}' && c.is_alphabetic(),
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// NFC-normalize `s`.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Clean text shown to users: NFC, unified spaces and dashes, invisible characters removed,
/// look-alike letters from broken font maps fixed. Keeps the document's tone placement.
pub fn clean(s: &str) -> String {
    // Most lines are clean already: nothing to drop or replace, composed, single spaces.
    if !s.contains("  ")
        && s.chars().all(|c| replacement(c) == Some(c))
        && unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes
    {
        return s.to_string();
    }
    compose(s)
}

/// What [`clean`] puts for `c` before composing: nothing (invisible characters), a plain
/// space, a plain dash, the letter a look-alike stands for, or `c` itself.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            Some(' ')
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => Some('-'),
        '\u{2013}' | '\u{2014}' | '\u{2015}' => Some('–'),
        '\u{00D0}' => Some('Đ'),
        '\u{00F0}' => Some('đ'),
        '\u{01A2}' => Some('Ư'),
        '\u{01A3}' => Some('ư'),
        other => Some(other),
    }
}

/// The full [`clean`]: replace, compose, collapse runs of spaces.
fn compose(s: &str) -> String {
    // Characters are dropped and replaced before composing: an invisible character between a
    // letter and its combining mark ("a\u{200B}\u{301}"), or a look-alike replaced by a
    // letter that takes marks ("Ƣ\u{301}"), would otherwise leave the output decomposed.
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars().filter_map(replacement).nfc() {
        if c == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        out.push(c);
    }
    out
}

/// Move tone marks to the new style ("hoà" → "hòa", "thuỷ" → "thủy") for matching.
/// Only open syllables ending in oa/oe/uy are affected; letters never change.
pub fn fold_tones(s: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("oà", "òa"),
        ("oá", "óa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oè", "òe"),
        ("oé", "óe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uỳ", "ùy"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
        ("Oà", "Òa"),
        ("Oá", "Óa"),
        ("Oả", "Ỏa"),
        ("Oã", "Õa"),
        ("Oạ", "Ọa"),
        ("Uỳ", "Ùy"),
        ("Uý", "Úy"),
        ("Uỷ", "Ủy"),
        ("Uỹ", "Ũy"),
        ("Uỵ", "Ụy"),
    ];
    let text = nfc(s);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 1 < chars.len() {
            let pair: String = chars[i..i + 2].iter().collect();
            let open = chars.get(i + 2).map(|c| !c.is_alphabetic()).unwrap_or(true);
            // "qu" + "ý" keeps its tone on the y: u is part of the onset there.
            let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
            if open && !after_q {
                if let Some((_, new)) = PAIRS.iter().find(|(old, _)| *old == pair) {
                    out.push_str(new);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Key for matching: clean, one tone style, lower case, all dashes '-', white space collapsed.
pub fn match_key(s: &str) -> String {
    // Lower case first: tone folding knows lower-case and title-case pairs only.
    let lowered = fold_tones(&clean(s).to_lowercase()).replace('–', "-");
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
