//! Corrections for Tesseract's systematic Vietnamese errors in OCR text: a tone mark on a
//! circumflex vowel dropped or read as an acute ("kiểm" → "kiêm", "đổi" → "đối"), a Roman
//! quarter numeral read as a digit ("I/2026" → "1/2026" after a quarter word), a capital header word
//! misread ("TỈNH" → "TÍNH"). Decided by syllable validity, the frequent syllables and the
//! word pairs of [`crate::lexicon::ocr_pairs`]; nothing here knows a document.

use crate::lexicon::ocr_pairs::{is_pair, ROMAN_AFTER};
use crate::lexicon::syllables::is_frequent;
use once_cell::sync::Lazy;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// The five tone marks, as combining characters.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const ACUTE: char = '\u{301}';
/// Vowel modifiers: circumflex, breve, horn.
const MODIFIERS: [char; 3] = ['\u{302}', '\u{306}', '\u{31b}'];
const CIRCUMFLEX: char = '\u{302}';

/// The OCR text `text` with Tesseract's systematic errors corrected.
pub fn correct(text: &str) -> String {
    let text = footnote_marks(&roman_quarters(&doubled_dashes(text)));
    text.split('\n')
        .map(correct_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A quarter word of [`ROMAN_AFTER`] then "1/2026" → the same with "I/2026".
fn roman_quarters(text: &str) -> String {
    static RE: Lazy<Regex> = Lazy::new(|| {
        let words = crate::lexicon::alternation(ROMAN_AFTER.iter().copied(), true);
        Regex::new(&format!(r"(?i)\b({words}) ([1-4l])(\s*/|\s*năm\b)")).unwrap()
    });
    RE.replace_all(text, |c: &regex::Captures| {
        let roman = match &c[2] {
            "1" | "l" => "I",
            "2" => "II",
            "3" => "III",
            _ => "IV",
        };
        format!("{} {roman}{}", &c[1], &c[3])
    })
    .into_owned()
}

/// An en or em dash with a hyphen stuck to it: one dash read twice ("Văn hóa –- Xã hội").
static DOUBLED_DASH: Lazy<Regex> = Lazy::new(|| Regex::new(r"([–—])-+|-+([–—])").unwrap());

/// A dash read twice → the dash.
fn doubled_dashes(text: &str) -> std::borrow::Cow<'_, str> {
    DOUBLED_DASH.replace_all(text, "$1$2")
}

/// A footnote body's first line: its number, then a bracket, a capital or a quote.
static FOOTNOTE_BODY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"(?m)^([0-9]{1,2}) ?[(“"\p{Lu}]"#).unwrap());
/// A word with a digit glued to it (a footnote marker read right).
static GLUED_DIGITS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\p{L}([0-9]{1,2})[\s;,.:)]").unwrap());
/// A word with an apostrophe glued to it, before a separator: Vietnamese has no
/// apostrophes, so this is a small raised footnote number read as one ("quá hạn');").
static GLUED_MARK: Lazy<Regex> = Lazy::new(|| Regex::new(r"(\p{L})['’`](\s|[;,.:)]|$)").unwrap());

/// Footnote markers read as apostrophes put back as the numbers of the page's footnote
/// bodies that no word carries, when the counts agree (the k-th mark gets the k-th number).
fn footnote_marks(text: &str) -> String {
    let glued: Vec<&str> = GLUED_DIGITS
        .captures_iter(text)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .collect();
    let numbers: Vec<&str> = FOOTNOTE_BODY
        .captures_iter(text)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .filter(|n| !glued.contains(n))
        .collect();
    if numbers.is_empty() || GLUED_MARK.find_iter(text).count() != numbers.len() {
        return text.to_string();
    }
    let mut k = 0;
    GLUED_MARK
        .replace_all(text, |c: &regex::Captures| {
            k += 1;
            format!("{}{}{}", &c[1], numbers[k - 1], &c[2])
        })
        .into_owned()
}

/// Correct the words of one line, left to right, each in the light of its neighbours.
fn correct_line(line: &str) -> String {
    // Words (letter runs) and what lies between them.
    let mut parts: Vec<(bool, String)> = Vec::new();
    for c in line.chars() {
        let letter = crate::text::is_letter(c);
        match parts.last_mut() {
            Some((l, s)) if *l == letter => s.push(c),
            _ => parts.push((letter, c.to_string())),
        }
    }
    let word_at = |parts: &[(bool, String)], i: Option<usize>| -> Option<String> {
        let i = i?;
        parts.get(i).filter(|p| p.0).map(|p| p.1.clone())
    };
    for i in 0..parts.len() {
        if !parts[i].0 {
            continue;
        }
        // Neighbours count only across one space.
        let spaced = |j: usize| parts.get(j).is_some_and(|p| p.1 == " ");
        let prev = (i >= 2 && spaced(i - 1)).then(|| i - 2);
        let next = spaced(i + 1).then_some(i + 2);
        let (p, n) = (word_at(&parts, prev), word_at(&parts, next));
        if let Some(fixed) = fix_word(p.as_deref(), &parts[i].1, n.as_deref()) {
            parts[i].1 = fixed;
        }
    }
    parts.into_iter().map(|(_, s)| s).collect()
}

/// The corrected form of `word` between `prev` and `next`, when it needs one.
fn fix_word(prev: Option<&str>, word: &str, next: Option<&str>) -> Option<String> {
    let pairs =
        |w: &str| prev.is_some_and(|p| is_pair(p, w)) || next.is_some_and(|n| is_pair(w, n));
    if pairs(word) {
        return None;
    }
    let split = split_tone(word);
    if let Some((base, tone)) = &split {
        let paired: Vec<String> = TONES
            .iter()
            .filter(|&&t| Some(t) != tone.1)
            .map(|&t| with_tone(base, tone.0, t))
            .filter(|v| pairs(v))
            .collect();
        if let [one] = paired.as_slice() {
            return Some(same_case(word, one));
        }
    }
    // In capitals the circumflex and the tone above it merge, and OCR keeps only the tone
    // ("QUYÉT ĐỊNH", "HÓA CHÁT", "GIÁM ĐÓC"): the one hatted reading that makes a pair.
    let caps = word.chars().filter(|c| c.is_uppercase()).count() > 1
        && !word.chars().any(char::is_lowercase);
    if caps {
        let mut hatted: Vec<String> = hat_variants(word)
            .into_iter()
            .filter(|v| pairs(v))
            .collect();
        hatted.sort();
        hatted.dedup();
        if let [one] = hatted.as_slice() {
            return Some(same_case(word, one));
        }
    }
    let (base, tone) = split?;
    let variants: Vec<(char, String)> = TONES
        .iter()
        .filter(|&&t| Some(t) != tone.1)
        .map(|&t| (t, with_tone(&base, tone.0, t)))
        .collect();
    let lower = word.to_lowercase();
    let circumflex = base.contains(&CIRCUMFLEX);
    // A stop final (p, t, c, ch) takes an acute or a dot below: without a tone the syllable
    // is no Vietnamese, and OCR drops the acute, not the dot.
    if tone.1.is_none()
        && circumflex
        && lower.ends_with(['p', 't', 'c', 'h'])
        && ends_in_stop(&lower)
    {
        return Some(same_case(word, &with_tone(&base, tone.0, ACUTE)));
    }
    // A rare syllable whose circumflex vowel lost its tone or had it read as an acute, with
    // one frequent reading under an upper tone mark: that reading. Not for names.
    let title = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    if circumflex && !title && matches!(tone.1, None | Some(ACUTE)) && !is_frequent(word) {
        let frequent: Vec<&String> = variants
            .iter()
            .filter(|(t, v)| *t != '\u{323}' && is_frequent(v))
            .map(|v| &v.1)
            .collect();
        if let [one] = frequent.as_slice() {
            return Some(same_case(word, one));
        }
    }
    None
}

/// `word` in lower case with a circumflex put on one of its bare "a", "e", "o", under
/// every tone (and none): the readings OCR may have lost the hat of.
fn hat_variants(word: &str) -> Vec<String> {
    let lower: Vec<char> = word.to_lowercase().nfd().collect();
    let mut out = Vec::new();
    for k in 0..lower.len() {
        let bare = matches!(lower[k], 'a' | 'e' | 'o')
            && !lower.get(k + 1).is_some_and(|c| MODIFIERS.contains(c));
        if !bare {
            continue;
        }
        let mut v = lower.clone();
        v.insert(k + 1, CIRCUMFLEX);
        let hatted: String = v.into_iter().nfc().collect();
        if let Some((base, (at, tone))) = split_tone(&hatted) {
            out.push(base.iter().copied().nfc().collect());
            out.extend(
                TONES
                    .iter()
                    .filter(|&&t| Some(t) != tone)
                    .map(|&t| with_tone(&base, at, t)),
            );
        }
        out.push(hatted);
    }
    out
}

/// Whether a lower-case syllable ends in a stop consonant ("p", "t", "c", "ch").
fn ends_in_stop(lower: &str) -> bool {
    lower.ends_with('p') || lower.ends_with('t') || lower.ends_with('c') || lower.ends_with("ch")
}

/// Where a syllable's tone goes (index into its decomposed characters) and its tone.
type TonePlace = (usize, Option<char>);

/// `word` decomposed without its tone mark, the place of the tone (index into the
/// decomposed characters, where a tone goes) and the tone; `None` when the word has no
/// place for a tone (no toned vowel, no modified vowel) or more than one tone.
fn split_tone(word: &str) -> Option<(Vec<char>, TonePlace)> {
    let mut base: Vec<char> = Vec::new();
    let mut tone = None;
    for c in word.nfd() {
        if TONES.contains(&c) {
            if tone.is_some() {
                return None;
            }
            tone = Some((base.len(), c));
        } else {
            base.push(c);
        }
    }
    match tone {
        Some((at, t)) => Some((base, (at, Some(t)))),
        None => {
            let at = base.iter().rposition(|c| MODIFIERS.contains(c))? + 1;
            Some((base, (at, None)))
        }
    }
}

/// `base` with tone `t` at `at`, composed.
fn with_tone(base: &[char], at: usize, t: char) -> String {
    let mut v = base.to_vec();
    v.insert(at.min(v.len()), t);
    v.into_iter().nfc().collect::<String>().to_lowercase()
}

/// `fixed` (lower case) in the case of `word`: all capitals, first capital, or lower.
fn same_case(word: &str, fixed: &str) -> String {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper > 1 && !word.chars().any(char::is_lowercase) {
        fixed.to_uppercase()
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        let mut cs = fixed.chars();
        cs.next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default()
    } else {
        fixed.to_string()
    }
}

#[cfg(test)]
mod tests;
