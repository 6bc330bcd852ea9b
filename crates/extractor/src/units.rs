//! Organisational units in running text: who leads (the lead unit) and who supports
//! (the coordinators).
//!
//! A unit phrase starts at a unit head of the lexicon ("UBND", "Sở", "Trung tâm", "chủ đầu
//! tư", "các cơ quan") and runs until a verb, a clause boundary or the end of a parenthesis.
//! An official name of the gazetteer is taken whole ("Sở Lao động, Thương binh và Xã hội");
//! an unknown name is read by its shape. The lead is looked for in the order of the
//! annotation guide: the unit itself ("Giao X", "X" before a lead verb, "Đề nghị X", "(X)" at
//! the end),
//! then enclosing headings, then letter addressees.

use nhiemvu_model::UnitRule;
use nhiemvu_normalizer::lexicon::{heads, levels, lower_first, markers, verbs};
use once_cell::sync::Lazy;
use regex::Regex;

mod phrase;
use phrase::{is_word, opens_unit, split_loose, unit_phrase_len_loose};
pub use phrase::{split_units, unit_phrase_len};

#[cfg(test)]
mod tests;

/// Lead and supporting units found in one piece of text, as written, with the named rules
/// that found them (copied into `Task.assignees_rule` / `coordinators_rule`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parties {
    /// Lead units (raw spelling).
    pub leads: Vec<String>,
    /// Supporting units (raw spelling).
    pub coordinators: Vec<String>,
    /// The rule that found the leads, when there are any.
    pub leads_rule: Option<UnitRule>,
    /// The rule that found the coordinators, when there are any.
    pub coordinators_rule: Option<UnitRule>,
}

impl Parties {
    fn add_leads(&mut self, units: Vec<String>, rule: UnitRule) {
        if units.is_empty() {
            return;
        }
        push_all(&mut self.leads, units);
        self.leads_rule.get_or_insert(rule);
    }
}

/// Regex `^(?:w1|w2…)` of the verb rows carrying `flag` (either case), followed by a space.
fn verb_regex(flag: u16) -> Regex {
    Regex::new(&format!(
        r"(?:^|[\s:;,.(])({})\s+",
        verbs::pattern(flag, true)
    ))
    .unwrap()
}

static ADDRESS: Lazy<Regex> = Lazy::new(|| verb_regex(verbs::ADDRESSES));
static COORD: Lazy<Regex> = Lazy::new(|| verb_regex(verbs::COORD));
static DIRECT: Lazy<Regex> = Lazy::new(|| verb_regex(verbs::DIRECTS));
static TRAILING_PAREN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\(([^()]{3,160})\)\s*[.;,]?\s*$").unwrap());
static CLAUSE_START: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|[:;.]\s+|\n)").unwrap());
static LEAD_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{})(?:\s|,|$)",
        verbs::pattern(verbs::LEAD, false)
    ))
    .unwrap()
});

/// True when a longer verb row covers the order word at `start..end` ("giao ban", "bàn
/// giao", "hồ sơ đề nghị", "theo yêu cầu"): the word is part of another expression there.
fn covered_by_longer(text: &str, start: usize, end: usize) -> bool {
    let mut starts = vec![start];
    let mut at = start;
    for _ in 0..2 {
        let before = text[..at].trim_end();
        if before.is_empty() {
            break;
        }
        at = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        starts.push(at);
    }
    starts.into_iter().any(|s0| {
        let lower = lower_first(&text[s0..]);
        verbs::VERBS.iter().any(|v| {
            v.word.len() > end - start
                && s0 + v.word.len() >= end
                && heads::starts_with_word(&lower, v.word)
        })
    })
}

/// The subject after a leading introductory clause ("Trong năm 2026, các trường …"):
/// the text after the clause's comma, when the clause opens with an INTRO word.
fn after_intro(clause: &str) -> Option<&str> {
    let lower = lower_first(clause);
    let intro = verbs::VERBS
        .iter()
        .filter(|v| heads::starts_with_word(&lower, v.word))
        .max_by_key(|v| v.word.len())?;
    if !intro.has(verbs::INTRO) {
        return None;
    }
    // The intro may hold commas of its own ("Để tháo gỡ khó khăn, giải ngân vốn …, tỉnh X
    // cần …"): the subject opens the first piece after a comma that starts a unit.
    let mut end = clause.find([';', ':']).unwrap_or(clause.len()).min(400);
    while !clause.is_char_boundary(end) {
        end -= 1;
    }
    if clause[..end].find(',').is_none_or(|c| c > 200) {
        return None;
    }
    let mut rests = clause[..end]
        .match_indices(',')
        .map(|(at, _)| clause[at + 1..].trim_start());
    let first = rests.next()?;
    Some(
        std::iter::once(first)
            .chain(rests)
            // A unit followed by a comma is one more item of a list ("… của Chính phủ,
            // Bộ, ngành và tỉnh, …"), not the subject.
            .find(|r| unit_phrase_len(r).is_some_and(|l| !r[l..].trim_start().starts_with(',')))
            .unwrap_or(first),
    )
}

/// Subjects at clause starts (and after an introductory clause) followed by a lead verb:
/// "UBND phường triển khai …". Subjects of "chỉ đạo" are returned apart (rule 7).
fn subjects(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut doers, mut directors) = (Vec::new(), Vec::new());
    for m in CLAUSE_START.find_iter(text) {
        let clause = strip_marker_and_label(&text[m.end()..]);
        let mut starts = vec![clause];
        if let Some(rest) = after_intro(clause) {
            starts.push(rest);
        }
        for rest in starts {
            let Some(len) = unit_phrase_len(rest) else {
                continue;
            };
            let mut after = rest[len..].trim_start_matches([' ', ',', '*']);
            // "X (sau đây gọi chung là …) tập trung thực hiện": skip the aside.
            if after.starts_with('(') {
                if let Some(close) = after.find(')') {
                    after = after[close + 1..].trim_start_matches([' ', ',']);
                }
            }
            // "X theo chức năng, nhiệm vụ được giao triển khai …": skip the aside.
            if let Some(verb) = past_aside(after) {
                after = verb;
            }
            // "X" then a lead verb, or a unit label before the instruction ("Tổ giúp việc 125: …").
            // A heading run into its body ("Sở Nội vụ** Triển khai …") keeps the capital.
            let label = after.starts_with(':')
                && !after[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            if LEAD_VERB.is_match(&lower_first(after)) || label {
                let units =
                    place_list(&rest[..len], after).unwrap_or_else(|| split_units(&rest[..len]));
                push_all(&mut doers, units);
            } else if DIRECT
                .find(&lower_first(after))
                .is_some_and(|d| d.start() == 0)
            {
                push_all(&mut directors, split_units(&rest[..len]));
            }
        }
    }
    (doers, directors)
}

/// The lead verb after a short aside that follows a subject ("theo chức năng, nhiệm vụ
/// được giao | triển khai", "trong tháng 9/2026 | tổ chức"): the aside opens with an
/// introductory word that is not itself a lead verb and runs at most eight words, without
/// clause punctuation, up to a lead verb.
fn past_aside(after: &str) -> Option<&str> {
    let lower = lower_first(after);
    if LEAD_VERB.is_match(&lower) {
        return None;
    }
    let intro = verbs::VERBS
        .iter()
        .filter(|v| heads::starts_with_word(&lower, v.word))
        .max_by_key(|v| v.word.len())?;
    if !intro.has(verbs::INTRO) || intro.has(verbs::LEAD) {
        return None;
    }
    let end = after.find([';', ':', '.', '(']).unwrap_or(after.len());
    let mut at = intro.word.len();
    for _ in 0..8 {
        let rest = after[at..end.max(at)].trim_start_matches([' ', ',', '\n']);
        if rest.is_empty() {
            return None;
        }
        let start = after.len() - after[at..].trim_start_matches([' ', ',', '\n']).len();
        if LEAD_VERB.is_match(rest) {
            return Some(&after[start..]);
        }
        // A unit inside the aside is its own subject: no skipping past it.
        if opens_unit(rest) {
            return None;
        }
        at = start + rest.find([' ', ',', '\n']).unwrap_or(rest.len());
    }
    None
}

/// "Giao X …", "Đề nghị X …", "Yêu cầu X …": the addressees of the orders in `text`.
fn addressees(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in ADDRESS.captures_iter(text) {
        let w = c.get(1).unwrap();
        if covered_by_longer(text, w.start(), w.end()) {
            continue;
        }
        let rest = &text[c.get(0).unwrap().end()..];
        // Lower-case heads only after "Giao": "yêu cầu"/"đề nghị" are also common nouns.
        let is_giao = lower_first(w.as_str()).starts_with("giao");
        let len = if is_giao {
            unit_phrase_len_loose(rest)
        } else {
            unit_phrase_len(rest)
        };
        if let Some(len) = len {
            let units =
                place_list(&rest[..len], &rest[len..]).unwrap_or_else(|| split_loose(&rest[..len]));
            push_all(&mut out, units);
        }
    }
    out
}

/// A coordination verb of the lexicon (COORD), an optional adverb and "với/cùng", then Y:
/// the supporting units in `text`. The verb after "để" (a copy sent for information) names
/// no coordinator.
fn coordinators_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in COORD.captures_iter(text) {
        let w = c.get(1).unwrap();
        if text[..w.start()].trim_end().ends_with("để") {
            continue;
        }
        let rest = &text[c.get(0).unwrap().end()..];
        if let Some(len) = unit_phrase_len_loose(rest) {
            let units =
                place_list(&rest[..len], &rest[len..]).unwrap_or_else(|| split_loose(&rest[..len]));
            push_all(&mut out, units);
        }
    }
    out
}

/// Find lead and supporting units named in `text` itself (one task or one heading).
pub fn parties_in(text: &str) -> Parties {
    let mut p = Parties::default();
    p.add_leads(addressees(text), UnitRule::GiaoX);
    let (doers, directors) = subjects(text);
    p.add_leads(doers, UnitRule::XChuTri);
    if let Some(units) = unit_with_subunit(text) {
        p.add_leads(units, UnitRule::Heading);
    } else if let Some(c) = TRAILING_PAREN.captures(text) {
        // A trailing parenthesis naming units.
        let inner = c[1].trim();
        if let Some(len) = unit_phrase_len(inner) {
            if len + 2 >= inner.len() {
                p.add_leads(split_units(&inner[..len]), UnitRule::TrailingParen);
            }
        }
    }
    // Rule 7: the subject of "chỉ đạo" leads only when no other doer is named.
    if p.leads.is_empty() {
        p.add_leads(directors, UnitRule::XChuTri);
    }
    let coords = coordinators_in(text);
    if !coords.is_empty() {
        p.leads.retain(|l| !coords.contains(l));
        if p.leads.is_empty() {
            p.leads_rule = None;
        }
        push_all(&mut p.coordinators, coords);
        p.coordinators_rule = Some(UnitRule::PhoiHopX);
    }
    p
}

/// [`parties_in`], with a bare short mention ("Trung tâm", "Ban") resolved to the full name
/// introduced earlier in the document (`known`, in document order; see [`full_names_in`]).
pub fn parties_in_known(text: &str, known: &[String]) -> Parties {
    let mut p = parties_in(text);
    for u in p.leads.iter_mut().chain(p.coordinators.iter_mut()) {
        if let Some(full) = resolve_short(u, known) {
            *u = full;
        }
    }
    p
}

/// Named units (a head and a name: "Trung tâm Khuyến nông tỉnh") written in `text`, in order,
/// for [`parties_in_known`]. Collectives and bare heads are left out.
pub fn full_names_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let boundary = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary && heads::unit_head_len(rest).is_some() {
            if let Some(len) = unit_phrase_len(rest) {
                for u in split_units(&rest[..len]) {
                    if u.split_whitespace().count() > 1
                        && heads::unit_head_len(&u).is_some()
                        && !out.contains(&u)
                    {
                        out.push(u);
                    }
                }
                at += len;
                continue;
            }
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The full name a bare head ("Trung tâm", "Ban", "Công ty") stands for: the latest known
/// name that begins with that head, when exactly one head word is written.
pub fn resolve_short(unit: &str, known: &[String]) -> Option<String> {
    let head = heads::unit_head_len(unit)?;
    if head != unit.trim_end().len() {
        return None;
    }
    known
        .iter()
        .rev()
        .find(|k| k.len() > unit.len() && is_word(k, unit))
        .cloned()
}

/// "UBND các xã: Tân Lập, Hòa Bình, Phú Mỹ" → one unit per named place.
fn place_list(unit: &str, after: &str) -> Option<Vec<String>> {
    static PLURAL_LEVEL: Lazy<Regex> =
        Lazy::new(|| Regex::new(&format!(r"^(.*?)\s*\bcác\s+({})$", levels::pattern(3))).unwrap());
    let c = PLURAL_LEVEL.captures(unit.trim())?;
    let list = after.strip_prefix(':')?.trim_start();
    let end = list.find([':', ';', '.', '\n']).unwrap_or(list.len());
    // The list ends at the first word in lower case ("…, Hàng Bột rà soát").
    let mut names: Vec<&str> = Vec::new();
    for piece in list[..end].split([',', '&']).flat_map(|n| n.split(" và ")) {
        let piece = piece.trim();
        let cut = piece
            .match_indices(' ')
            .map(|(i, _)| i)
            .find(|&i| piece[i + 1..].starts_with(|ch: char| ch.is_lowercase()));
        names.push(cut.map_or(piece, |i| &piece[..i]));
        if cut.is_some() {
            break;
        }
    }
    let proper = |n: &&str| {
        !n.is_empty()
            && n.split_whitespace().count() <= 4
            && n.split_whitespace()
                .all(|w| w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()))
    };
    if names.len() < 2 || !names.iter().all(proper) {
        return None;
    }
    let head = c[1].trim();
    Some(
        names
            .iter()
            .map(|n| format!("{head} {} {n}", &c[2]).trim().to_string())
            .collect(),
    )
}

/// A heading "X (Y)": Y is X's executing sub-unit, and X is the unit the items belong to.
fn unit_with_subunit(text: &str) -> Option<Vec<String>> {
    let t = strip_marker_and_label(text)
        .trim()
        .trim_end_matches([':', '.', ';'])
        .trim();
    let len = unit_phrase_len(t)?;
    let rest = t[len..].trim();
    let inner = rest.strip_prefix('(')?.strip_suffix(')')?;
    unit_phrase_len(inner.trim())?;
    Some(split_units(t[..len].trim()))
}

/// True when a heading's text is only a unit name ("1. Phòng Văn hóa – Xã hội xã:",
/// "2. Văn phòng UBND tỉnh (Trung tâm Công báo)" → the unit outside the parenthesis).
pub fn heading_is_unit(text: &str) -> Option<Vec<String>> {
    if let Some(units) = unit_with_subunit(text) {
        return Some(units);
    }
    let t = strip_marker_and_label(text)
        .trim()
        .trim_end_matches([':', '.', ';'])
        .trim();
    let len = unit_phrase_len(t)?;
    if let Some(units) = place_list(&t[..len], &t[len..]) {
        return Some(units);
    }
    let rest = t[len..].trim();
    if rest.is_empty() || OF_PLACE.is_match(rest) {
        Some(split_units(t[..len].trim()))
    } else {
        None
    }
}

/// A title heading that describes a group of doers ("4. Các chủ rừng là tổ chức (…)",
/// "3. Các doanh nghiệp đang hoạt động trong cụm công nghiệp"): the whole title, its
/// parenthesis dropped and split into its units, leads the items below (a title, not a
/// sentence: no ':' or '.').
pub fn group_heading(text: &str) -> Option<Vec<String>> {
    let t = strip_marker_and_label(text).trim();
    let t = match t.find('(') {
        Some(at) if t.trim_end().ends_with(')') || !t[at..].contains(')') => &t[..at],
        _ => t,
    };
    let t = t.trim().trim_end_matches(['…', ',']).trim();
    let words = t.split_whitespace().count();
    if t.ends_with([':', '.', ';']) || t.contains([':', ';', '.']) || !(2..=16).contains(&words) {
        return None;
    }
    if !t.starts_with(|c: char| c.is_uppercase())
        || t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    {
        return None;
    }
    let len = unit_phrase_len(t)?;
    (len < t.len()).then(|| split_units(t))
}

static OF_PLACE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{})\s+(?:UBND\s+)?(?:{})(?:\s+\p{{Lu}}\p{{L}}*)*$",
        nhiemvu_normalizer::lexicon::particles::pattern(
            nhiemvu_normalizer::lexicon::particles::OF_PLACE,
            false
        ),
        levels::pattern(3)
    ))
    .unwrap()
});

static OF_UNIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i:{})[^:;.]*?\b(?:{})\s+",
        nhiemvu_normalizer::lexicon::zones::pattern(nhiemvu_normalizer::lexicon::zones::OWNED),
        nhiemvu_normalizer::lexicon::particles::pattern(
            nhiemvu_normalizer::lexicon::particles::POSSESSIVE,
            false
        )
    ))
    .unwrap()
});

/// A unit named as the owner of a task list: "Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm
/// 2026", "Trách nhiệm của Sở Y tế và các bệnh viện".
pub fn owner_in_heading(text: &str) -> Option<Vec<String>> {
    let m = OF_UNIT.find(text)?;
    let rest = &text[m.end()..];
    let len = unit_phrase_len(rest)?;
    let phrase = rest[..len].trim_end();
    // Drop a trailing year phrase ("năm 2026").
    let phrase = phrase
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
        .trim_end_matches(nhiemvu_normalizer::lexicon::time::period_word(
            nhiemvu_model::Frequency::Yearly,
        ))
        .trim_end();
    Some(split_units(phrase))
}

static LABEL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[^:;.]{2,60}:\s+").unwrap());

/// Drop a list marker and a short topic label ("Số hóa hồ sơ, tài liệu: ").
fn strip_marker_and_label(s: &str) -> &str {
    let s = markers::strip_marker(s);
    match LABEL.find(s) {
        Some(m) if !opens_unit(s) => &s[m.end()..],
        _ => s,
    }
}

fn push_all(dst: &mut Vec<String>, src: Vec<String>) {
    for s in src {
        let s = s.trim().trim_end_matches([',', ';']).trim().to_string();
        if !s.is_empty() && !dst.contains(&s) {
            dst.push(s);
        }
    }
}
