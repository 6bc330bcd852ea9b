//! How much of a page reads as Vietnamese: the share of word tokens that are valid
//! Vietnamese syllables, known abbreviations, numbers and codes, or plain Latin names.
//! A page below [`UNREADABLE_BELOW`] gets an "OCR needed" warning instead of tasks.

use once_cell::sync::Lazy;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Pages scoring below this do not read as Vietnamese (mojibake, broken text layers).
/// Real documents score above 0.9; TCVN3 mojibake and random bytes far below 0.6.
pub const UNREADABLE_BELOW: f32 = 0.6;

/// What [`assess`] concludes about a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Reads as Vietnamese.
    Readable,
    /// Has letters but does not read (wrong encoding, broken font map).
    Unreadable,
    /// No letters at all (a scanned page with no text layer).
    Empty,
}

/// The readability of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    /// Share of tokens that read, 0..1.
    pub score: f32,
    /// Word tokens counted.
    pub tokens: usize,
    /// The verdict.
    pub verdict: Verdict,
}

const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const VOWELS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "iêu", "oa", "oă", "oai", "oao", "oay", "oe", "oeo", "oi", "ôi",
    "ơi", "oo", "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya", "uyê", "uyu", "ưa",
    "ưi", "ươ", "ươi", "ươu", "ưu", "ya", "yê", "yêu",
];
const CODAS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

/// The syllable without its tone mark, lower case, NFC ("hoà" → "hoa", "Việt" → "viêt").
fn toneless(s: &str) -> String {
    s.to_lowercase()
        .nfd()
        .filter(|c| {
            !matches!(
                *c,
                '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'
            )
        })
        .nfc()
        .collect()
}

fn tone_count(s: &str) -> usize {
    s.nfd()
        .filter(|c| {
            matches!(
                *c,
                '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'
            )
        })
        .count()
}

/// True when `token` is a well-formed Vietnamese syllable (onset, vowel nucleus, coda, at
/// most one tone, and the spelling rules c/k, g/gh, ng/ngh).
pub fn is_vietnamese_syllable(token: &str) -> bool {
    if token.is_empty() || tone_count(token) > 1 {
        return false;
    }
    let t = toneless(token);
    let onsets = std::iter::once("").chain(ONSETS.iter().copied());
    for onset in onsets {
        let Some(rest) = t.strip_prefix(onset) else {
            continue;
        };
        for coda in CODAS {
            let Some(vowel) = rest.strip_suffix(coda) else {
                continue;
            };
            if !VOWELS.contains(&vowel) {
                continue;
            }
            // Spelling rules: "k", "gh", "ngh" before e ê i y; "c", "g", "ng" not.
            let front = vowel.starts_with(['e', 'ê', 'i', 'y']);
            let ok = match onset {
                "c" | "ng" => !front,
                "k" | "gh" | "ngh" => front,
                "g" => !vowel.starts_with(['e', 'ê']),
                "q" => false,
                _ => true,
            };
            // Stop codas (c ch p t) take only sắc or nặng tones.
            if ok {
                return true;
            }
        }
    }
    false
}

static TOKEN: Lazy<Regex> = Lazy::new(|| Regex::new(r"[^\s,.;:!?()\[\]“”\x22'/–—-]+").unwrap());

fn token_reads(tok: &str) -> bool {
    if tok.chars().any(|c| c.is_ascii_digit()) {
        // Numbers, dates, codes ("57-NQ/TW", "8.608", "94,97%", "5G").
        return tok
            .chars()
            .all(|c| c.is_alphanumeric() || "%&+≥≤".contains(c));
    }
    if !tok.chars().all(crate::text::is_letter) {
        return false;
    }
    if is_vietnamese_syllable(tok) {
        return true;
    }
    let upper = tok.chars().all(|c| c.is_uppercase());
    let ascii = tok
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == 'Đ' || c == 'đ');
    // Abbreviations ("UBND", "HĐND", "KGVX") and Latin names/loanwords ("Viettel", "Zalo").
    (upper && ascii && tok.chars().count() <= 10) || (ascii && tok.chars().count() <= 14)
}

/// Share of word tokens in `text` that read as Vietnamese (1.0 for no tokens).
pub fn score(text: &str) -> f32 {
    scored(text).0
}

/// The score of `text` and its number of tokens.
///
/// The last text scored on the thread is remembered: a page is scored by the legacy-encoding
/// check and then again by its assessment, usually as the same text (trailing whitespace,
/// which holds no token, aside).
fn scored(text: &str) -> (f32, usize) {
    thread_local! {
        static LAST: std::cell::RefCell<(String, f32, usize)> =
            const { std::cell::RefCell::new((String::new(), 1.0, 0)) };
    }
    let key = text.trim_end();
    if let Some(hit) = LAST.with(|last| {
        let last = last.borrow();
        (last.0 == key).then_some((last.1, last.2))
    }) {
        return hit;
    }
    let result = score_tokens(key);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        last.0.clear();
        last.0.push_str(key);
        (last.1, last.2) = result;
    });
    result
}

fn score_tokens(text: &str) -> (f32, usize) {
    let (mut n, mut ok) = (0usize, 0usize);
    thread_local! {
        // Pages repeat the same few thousand syllables; checking one costs two Unicode
        // normalisations, looking it up costs a hash.
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, bool>> =
            Default::default();
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() > 100_000 {
            seen.clear();
        }
        for m in TOKEN.find_iter(text) {
            n += 1;
            let tok = m.as_str();
            let reads = match seen.get(tok) {
                Some(&r) => r,
                None => {
                    let r = token_reads(tok);
                    seen.insert(tok.to_string(), r);
                    r
                }
            };
            if reads {
                ok += 1;
            }
        }
    });
    if n == 0 {
        (1.0, 0)
    } else {
        (ok as f32 / n as f32, n)
    }
}

/// How holed a PDF text layer is, 0 for whole text: the share of words that follow a gap
/// (a tab or two spaces) inside a line and start in lower case, plus twice the share of
/// lone consonant letters. A font whose glyphs map to no text drops letters and whole
/// syllables ("b o qu n v t li u", "và các\tpháp lý") yet leaves words that read; table
/// cells start in capitals or digits and score low.
pub fn holes(text: &str) -> f32 {
    let (mut words, mut holed, mut letters, mut lone) = (0usize, 0usize, 0usize, 0usize);
    for line in text.lines() {
        let line = line.trim();
        let mut prev_end = None;
        for (start, word) in line
            .split([' ', '\t'])
            .scan(0usize, |at, w| {
                let s = *at;
                *at += w.len() + 1;
                Some((s, w))
            })
            .filter(|(_, w)| !w.is_empty())
        {
            words += 1;
            if let Some(end) = prev_end {
                let gap = &line[end..start];
                let wide = gap.contains('\t') || gap.len() >= 2;
                if wide && word.starts_with(|c: char| c.is_lowercase()) {
                    holed += 1;
                }
            }
            prev_end = Some(start + word.len());
            let core = word.trim_matches(|c: char| !crate::text::is_letter(c));
            if !core.is_empty() {
                letters += 1;
                let mut cs = core.chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    lone += "bcdfghklmnpqrstvx".contains(c.to_ascii_lowercase()) as usize;
                }
            }
        }
    }
    if words == 0 {
        return 0.0;
    }
    holed as f32 / words as f32 + 2.0 * lone as f32 / letters.max(1) as f32
}

/// Share of word tokens, from which a page that does not read as Vietnamese reads as some
/// other language in Latin letters (a German leaflet): then its text layer is good.
pub const LATIN_READABLE_FROM: f32 = 0.85;
/// Fewest word tokens for the Latin-word share to mean anything.
const LATIN_MIN_WORDS: usize = 5;

/// Whether `text` reads as words of some language written in Latin letters, with no
/// dictionary: nearly every word token is Latin letters only, has a vowel (or is one
/// capital letter or an acronym) and is cased as words are ("ist", "Gas", "EU"). Glyph
/// garbage of broken fonts fails it: mixed case ("NgAN", "uY"), letters of other scripts
/// or signs inside words ("6Ӣ", "+ҥQK").
pub fn reads_as_latin(text: &str) -> bool {
    let (mut words, mut good) = (0usize, 0usize);
    for m in TOKEN.find_iter(text) {
        let tok = m.as_str();
        if tok.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        words += 1;
        good += latin_word(tok) as usize;
    }
    words >= LATIN_MIN_WORDS && good as f32 >= LATIN_READABLE_FROM * words as f32
}

/// One token shaped like a word in Latin letters (see [`reads_as_latin`]).
fn latin_word(tok: &str) -> bool {
    let latin = |c: char| {
        c.is_ascii_alphabetic()
            || (('\u{c0}'..='\u{24f}').contains(&c) && c != '×' && c != '÷')
            || ('\u{1e00}'..='\u{1eff}').contains(&c)
    };
    if !tok.chars().all(latin) {
        return false;
    }
    let mut rest = tok.chars().skip(1);
    let cased = tok.chars().all(char::is_lowercase)
        || tok.chars().all(char::is_uppercase)
        || rest.all(char::is_lowercase);
    let vowel = tok.nfd().any(|c| "aeiouyæøœAEIOUYÆØŒ".contains(c));
    cased && (vowel || tok.chars().all(char::is_uppercase))
}

/// Score a page and decide whether it is readable, unreadable or empty.
pub fn assess(text: &str) -> Readability {
    let letters = text.chars().filter(|&c| crate::text::is_letter(c)).count();
    let (s, tokens) = scored(text);
    let verdict = if letters < 5 {
        Verdict::Empty
    } else if s < UNREADABLE_BELOW && !reads_as_latin(text) {
        Verdict::Unreadable
    } else {
        Verdict::Readable
    };
    Readability {
        score: s,
        tokens,
        verdict,
    }
}

#[cfg(test)]
mod tests;
