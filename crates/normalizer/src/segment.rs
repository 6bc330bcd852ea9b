//! Syllables glued together by text extraction ("chủtrì", "Uỷban", "ĐềnghịHội", "uỷUBND")
//! split apart again, so every rule that expects a space between syllables can read them.
//!
//! A token is split only when it is not itself a Vietnamese syllable and every part is one
//! (or an acronym in capitals after a lower-case letter); where no change of case marks the
//! cut, every part must be a frequent syllable of the lexicon. Valid words, names, acronyms
//! ("UBND", "TTr", "KH&CN"), codes ("QĐ-UBND"), e-mails and URLs are left as written.

use crate::lexicon::syllables::is_frequent;
use crate::readability::is_vietnamese_syllable;
use std::borrow::Cow;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Longest syllable, in characters ("nghiêng", "khuyếch").
const MAX_SYLLABLE: usize = 7;
/// At most this many syllables are looked for in one glued token.
const MAX_PARTS: usize = 4;

/// `s` with glued syllables split by a space; borrowed when nothing was split.
pub fn split_glued(s: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut last = 0usize;
    for (start, token) in tokens(s) {
        let Some(parts) = split_word(token) else {
            continue;
        };
        let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 8));
        o.push_str(&s[last..start]);
        o.push_str(&parts);
        last = start + token.len();
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(&s[last..]);
            Cow::Owned(o)
        }
    }
}

/// Letter runs bounded by spaces or punctuation at both ends: `(byte start, run)`. Tokens with
/// digits or inner punctuation ("QĐ-UBND", "a@b.vn", "KH&CN", "số12") are not letter runs.
fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0usize;
    s.split(' ').filter_map(move |word| {
        let start = pos;
        pos += word.len() + 1;
        let core = word.trim_matches(|c: char| !crate::text::is_letter(c) && !c.is_ascii_digit());
        let lead = word.find(core).unwrap_or(0);
        let inner_ok = core.chars().all(crate::text::is_letter);
        let ends_ok = word[..lead]
            .chars()
            .chain(word[lead + core.len()..].chars())
            .all(|c| "()[]“”\"',.;:!?…".contains(c));
        (core.len() >= 3 && inner_ok && ends_ok).then_some((start + lead, core))
    })
}

/// The split form of one letter run ("vụtừngày" → "vụ từ ngày"), or `None` to keep it.
fn split_word(word: &str) -> Option<String> {
    let has_cue = case_pieces(word).len() > 1;
    if !has_cue && word.is_ascii() {
        return None;
    }
    thread_local! {
        static SEEN: std::cell::RefCell<HashMap<String, Option<String>>> = Default::default();
    }
    if let Some(hit) = SEEN.with(|s| s.borrow().get(word).cloned()) {
        return hit;
    }
    let result = split_uncached(word).map(|parts| parts.join(" "));
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() > 50_000 {
            s.clear();
        }
        s.insert(word.to_string(), result.clone());
    });
    result
}

fn split_uncached(word: &str) -> Option<Vec<&str>> {
    if is_vietnamese_syllable(word) {
        return None;
    }
    let pieces = case_pieces(word);
    if pieces.len() == 1 {
        return syllables(word);
    }
    let mut out = Vec::new();
    for piece in pieces {
        if is_acronym(piece) || is_strict_syllable(piece) {
            out.push(piece);
        } else if !piece.is_ascii() {
            out.extend(syllables(piece)?);
        } else {
            return None;
        }
    }
    Some(out)
}

/// `word` cut where a lower-case letter meets a capital ("ĐềnghịHội" → "Đềnghị", "Hội") and
/// where an acronym of two or more capitals meets a lower-case syllable with a Vietnamese
/// letter ("UBNDtỉnh" → "UBND", "tỉnh"). A first piece of one letter keeps the word whole
/// ("eGov", "iPhone").
fn case_pieces(word: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut cuts = Vec::new();
    for k in 1..chars.len() {
        let (prev, cur) = (chars[k - 1].1, chars[k].1);
        if prev.is_lowercase() && cur.is_uppercase() {
            cuts.push(chars[k].0);
        } else if prev.is_uppercase()
            && cur.is_lowercase()
            && k >= 3
            && chars[..k]
                .iter()
                .rev()
                .take(3)
                .all(|(_, c)| c.is_uppercase())
            && !word[chars[k].0..].is_ascii()
        {
            // "UBNDtỉnh": the capitals before the last one are the acronym ("TTr" stays).
            cuts.push(chars[k].0);
        }
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for c in cuts {
        pieces.push(&word[from..c]);
        from = c;
    }
    pieces.push(&word[from..]);
    if pieces[0].chars().count() < 2 {
        return vec![word];
    }
    pieces
}

/// Two or more capitals and nothing else ("UBND", "HĐND").
fn is_acronym(s: &str) -> bool {
    s.chars().count() >= 2 && s.chars().all(char::is_uppercase)
}

/// A syllable in one case style (lower, Capitalised or CAPITALS) whose tone fits its coda:
/// a syllable closed by c, ch, p or t takes only the acute or the dot below.
fn is_strict_syllable(s: &str) -> bool {
    let n = s.chars().count();
    if n == 0 || n > MAX_SYLLABLE || !is_vietnamese_syllable(s) {
        return false;
    }
    let tail_upper = s.chars().skip(1).any(char::is_uppercase);
    let tail_lower = s.chars().skip(1).any(char::is_lowercase);
    if tail_upper && (tail_lower || s.chars().next().is_some_and(char::is_lowercase)) {
        return false;
    }
    let marks: Vec<char> = s
        .nfd()
        .filter(|c| {
            matches!(
                *c,
                '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'
            )
        })
        .collect();
    let bare: String = s
        .to_lowercase()
        .nfd()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    let stop = bare.ends_with(['c', 'p', 't']) || bare.ends_with("ch");
    !stop || matches!(marks.as_slice(), ['\u{301}'] | ['\u{323}'])
}

/// How good a split of `word[bounds[from]..]` at the boundaries `ends` is, smaller first: the
/// fewest parts, then the most frequent syllables ("ban hành", not "ba nhành"), then each
/// boundary as early as it can be (the next syllable takes the longest onset).
fn rank(word: &str, bounds: &[usize], from: usize, ends: &[usize]) -> (usize, usize, Vec<usize>) {
    let mut rare = 0;
    let mut at = from;
    for &e in ends {
        rare += !is_frequent(&word[bounds[at]..bounds[e]]) as usize;
        at = e;
    }
    (ends.len(), rare, ends.to_vec())
}

/// The best split of `word` into strict syllables by [`rank`] ("từngày" → "từ", "ngày").
fn syllables(word: &str) -> Option<Vec<&str>> {
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    // best[k]: the best split of word[bounds[k]..], as (parts, boundaries).
    let n = bounds.len() - 1;
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for k in (0..n).rev() {
        let mut choice: Option<Vec<usize>> = None;
        for j in k + 1..=n.min(k + MAX_SYLLABLE) {
            let Some(rest) = &best[j] else { continue };
            if rest.len() + 1 > MAX_PARTS || !is_strict_syllable(&word[bounds[k]..bounds[j]]) {
                continue;
            }
            let mut cand = vec![j];
            cand.extend(rest);
            let better = match &choice {
                None => true,
                Some(c) => rank(word, &bounds, k, &cand) < rank(word, &bounds, k, c),
            };
            if better {
                choice = Some(cand);
            }
        }
        best[k] = choice;
    }
    let ends = best[0].as_ref().filter(|e| e.len() >= 2)?;
    let mut parts = Vec::with_capacity(ends.len());
    let mut from = 0;
    for &e in ends {
        parts.push(&word[bounds[from]..bounds[e]]);
        from = e;
    }
    // Names are made of valid syllables too ("Madaguôi", "Alê"): without a case cue only
    // frequent syllables are split apart.
    parts.iter().all(|p| is_frequent(p)).then_some(parts)
}

#[cfg(test)]
mod tests;
