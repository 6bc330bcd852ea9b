//! The unit-phrase reader: where a unit phrase at the start of a text ends, and how a phrase
//! of several units splits into single units.
//!
//! The longest official name of the gazetteer is taken whole; an unknown name is read by
//! shape: a head, then words up to the first verb that ends a unit phrase. A comma or "và"
//! continues the phrase before another unit, a collective noun or (inside a name) a
//! capitalised word that is not itself a head ("Trung tâm Văn hóa, Điện ảnh tỉnh").

use nhiemvu_normalizer::lexicon::{gazetteer, heads, levels, lower_first, verbs};
use once_cell::sync::Lazy;
use regex::Regex;

/// Words that end a unit phrase: the predicate starts here.
static STOP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{})(?:\s|$|[,.;:])",
        verbs::pattern(verbs::ENDS_UNIT, false)
    ))
    .unwrap()
});
/// Verbs that may open a clause, either case ("Khẩn trương", "Triển khai").
static VERB: Lazy<Regex> = Lazy::new(|| {
    let words = verbs::with(verbs::OPENS).chain(verbs::with(verbs::ENDS_UNIT));
    Regex::new(&format!(
        r"^(?:{})(?:\s|$|[,.;:])",
        nhiemvu_normalizer::lexicon::alternation(words, false)
    ))
    .unwrap()
});
/// Instruction openers, lower case, for the predicate after a place.
static OPENER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{})(?:\s|$|[,.;:])",
        verbs::pattern(verbs::OPENS, false)
    ))
    .unwrap()
});
static LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{})(?:\s|$|[,.;:])",
        verbs::pattern(verbs::LEAD, false)
    ))
    .unwrap()
});

/// Lower-case words an unknown collective may carry in a row before the phrase is cut
/// ("các doanh nghiệp logistics", "các cơ quan, đơn vị chức năng").
const UNKNOWN_RUN: usize = 4;

/// True when `s` opens with a unit (a head, not a homograph, or a collective).
pub(super) fn opens_unit(s: &str) -> bool {
    heads::opens_unit(s)
}

/// True when `s` starts with `w` as whole words.
pub(super) fn is_word(s: &str, w: &str) -> bool {
    heads::starts_with_word(s, w)
}

/// True when a verb that ends a unit phrase opens `s`, unless a noun expression covers it
/// ("giao thông", "giao dịch" are no "giao").
fn stops(s: &str) -> bool {
    STOP.is_match(s)
        && !verbs::VERBS
            .iter()
            .any(|v| v.flags == verbs::NOUN && is_word(s, v.word))
}

/// True when a verb opens `s`. A capitalised word inside a name ("Trung tâm Kiểm soát bệnh
/// tật") is a verb only when it also ends unit phrases; words that only open items do not
/// cut names.
fn is_verb(s: &str) -> bool {
    let lower = lower_first(s);
    if capitalised(s) {
        return stops(&lower);
    }
    stops(&lower) || VERB.is_match(&lower)
}

fn capitalised(s: &str) -> bool {
    s.starts_with(|c: char| c.is_uppercase())
}

/// A collective noun or a level word starts `s` ("ban, ngành", "phường", "đơn vị").
fn collective_noun_at(s: &str) -> bool {
    collective_noun_len(s).is_some() || levels::level_at(s).is_some()
}

/// Length of the longest collective noun at the start of `s` ("tổ chức", "đơn vị").
fn collective_noun_len(s: &str) -> Option<usize> {
    heads::COLLECTIVE_NOUNS
        .iter()
        .filter(|n| is_word(s, n))
        .map(|n| n.len())
        .max()
}

fn word_len(rest: &str) -> usize {
    let c = rest.chars().next().map_or(1, char::len_utf8);
    rest.find(|ch: char| {
        ch.is_whitespace() || matches!(ch, ',' | ':' | ';' | '(' | ')' | '.' | '*' | '[')
    })
    .unwrap_or(rest.len())
    .max(c)
}

/// The reader's state while it walks one phrase.
#[derive(Default)]
struct Scan {
    pos: usize,
    end: usize,
    words: usize,
    /// Words of the current unit (since its head).
    unit_words: usize,
    collective: bool,
    /// The current unit began with a head whose name keeps verb-like words.
    name_verbs: bool,
    /// The last token was a head that needs a name after it ("Ban", "Trung tâm").
    needs_name: bool,
    /// The current unit is a complete official name (or ends in a province's name).
    complete: bool,
    /// The current unit has its place ("… tỉnh", "… xã Tân Lập").
    placed: bool,
    /// The last token was a capitalised word of a name (not a head).
    prev_proper: bool,
    at_unit_start: bool,
    unknown_run: usize,
    unknown_from: usize,
}

impl Scan {
    fn take(&mut self, n: usize, words: usize) {
        self.pos += n;
        self.end = self.pos;
        self.words += words;
        self.unit_words += words;
    }

    /// A new unit opens at `rest`: a gazetteer name, a head or a collective.
    fn open_unit(&mut self, rest: &str) -> bool {
        self.unit_words = 0;
        self.placed = false;
        self.unknown_run = 0;
        self.prev_proper = false;
        if heads::head_at(rest).is_none_or(|h| !h.has(heads::NOT_UNIT)) {
            if let Some(n) = gazetteer::name_at(rest) {
                self.take(n, rest[..n].split_whitespace().count());
                self.collective = false;
                // Names of project boards and centres go on ("… công trình giao thông").
                self.complete = !heads::keeps_name_verbs(rest);
                self.needs_name = false;
                self.name_verbs = false;
                return true;
            }
        }
        self.complete = false;
        if let Some(n) = heads::unit_head_len(rest) {
            let h = heads::head_at(rest).unwrap();
            self.take(n, 1);
            self.collective = false;
            self.needs_name = h.has(heads::NEEDS_NAME);
            self.name_verbs = heads::keeps_name_verbs(rest);
            return true;
        }
        if let Some(n) = collective_noun_len(rest).filter(|_| !capitalised(rest)) {
            // A bare plural noun in a list ("…, tổ chức có liên quan", "…, đơn vị truyền
            // thông và kỹ thuật").
            self.take(n, rest[..n].split_whitespace().count());
            self.collective = true;
            self.complete = false;
            self.needs_name = false;
            self.name_verbs = false;
            return true;
        }
        if let Some((n, _)) = heads::collective_at(rest).filter(|_| opens_unit(rest)) {
            self.take(n, rest[..n].split_whitespace().count());
            self.collective = true;
            self.needs_name = false;
            self.name_verbs = false;
            return true;
        }
        false
    }

    /// Whether a comma at the current position continues the phrase.
    fn comma_continues(&self, after: &str) -> bool {
        if opens_unit(after) {
            return true;
        }
        if let Some(n) = collective_noun_len(after).filter(|_| self.collective) {
            // "các cơ quan, tổ chức có liên quan": a plural noun, even one that is also a
            // verb, when only collective words or the end follow it.
            let next = after[n..].trim_start();
            let w = &next[..word_len(next).min(next.len())];
            if next.is_empty()
                || next.starts_with([',', ';', '.', ':', ')'])
                || (heads::COLLECTIVE_WORDS.contains(&w) && !stops(next))
                || next.starts_with("có liên quan")
            {
                return true;
            }
        }
        if stops(after) {
            return false;
        }
        if collective_noun_at(after) {
            return true;
        }
        // "Sở Lao động, Thương binh …", "Trung tâm Khuyến công, Tư vấn …": a capitalised
        // word that is neither a head nor a verb continues an unknown name.
        !self.collective && !self.complete && !self.placed && capitalised(after) && !is_verb(after)
    }

    /// Whether "và" at the current position continues the phrase.
    fn and_continues(&self, after: &str) -> bool {
        opens_unit(after)
            || (self.collective && !capitalised(after) && !is_verb(after))
            || (!self.complete && capitalised(after) && !is_verb(after))
            // "Bộ Chỉ huy Quân sự tỉnh và sở, ngành có liên quan".
            || (collective_noun_at(after) && !stops(after))
    }

    fn run(&mut self, s: &str) {
        while self.pos < s.len() && self.unit_words <= 18 && self.words <= 90 {
            let rest = &s[self.pos..];
            let c = rest.chars().next().unwrap();
            if c.is_whitespace() && c != '\n' {
                self.pos += c.len_utf8();
                continue;
            }
            if matches!(
                c,
                ':' | ';' | '.' | '(' | ')' | '“' | '"' | '\n' | '*' | '['
            ) {
                break;
            }
            if c == ',' {
                if !self.comma_continues(rest[1..].trim_start()) {
                    break;
                }
                self.pos += 1;
                self.at_unit_start = true;
                continue;
            }
            if self.at_unit_start || self.pos == 0 {
                self.at_unit_start = false;
                if self.open_unit(rest) {
                    continue;
                }
                if self.pos == 0 {
                    break;
                }
            }
            if !self.word(s, rest) {
                break;
            }
        }
        if self.unknown_run > UNKNOWN_RUN {
            self.end = self.unknown_from;
        }
    }

    /// Read one word at `rest`; false when the phrase ends before it.
    fn word(&mut self, s: &str, rest: &str) -> bool {
        let w = &rest[..word_len(rest)];
        if w == "và" {
            let after = rest[w.len()..].trim_start();
            if !self.and_continues(after) {
                return false;
            }
            self.pos += w.len();
            self.at_unit_start = opens_unit(after);
            return true;
        }
        if w == "của" {
            // "các Ủy ban của Quốc hội": a body that is not itself a unit head.
            let after = rest[w.len()..].trim_start();
            if capitalised(after) && !opens_unit(after) && !is_verb(after) {
                self.take(w.len(), 1);
                return true;
            }
            return false;
        }
        if capitalised(w) {
            // "Công an Thành phố", "UBND Tỉnh": a level written with a capital.
            let lower = lower_first(rest);
            if let Some(level) = levels::level_at(&lower)
                .filter(|l| l.rank <= 3 && heads::unit_head_len(rest).is_none())
            {
                self.take(level.word.len(), 1);
                self.placed = !self.collective;
                self.complete = false;
                return self.after_level(s);
            }
            return self.capital_word(s, rest, w);
        }
        self.lower_word(s, rest, w)
    }

    /// A word in lower case inside the phrase.
    fn lower_word(&mut self, s: &str, rest: &str, w: &str) -> bool {
        if w == "các" || w.chars().all(|ch| ch.is_ascii_digit()) {
            // "… và các cơ quan, đơn vị có liên quan", "…, 36 thôn, buôn".
            self.collective = true;
        }
        if self.complete
            && levels::level_at(rest).is_none_or(|l| l.rank > 3)
            && !self.collective
            && !rest.starts_with("có liên quan")
            && !rest.starts_with("cấp ")
        {
            if let Some(h) = heads::head_at(&heads::upper_first(rest)).filter(|_| loose_head(rest))
            {
                // A sub-unit of the named body ("Ngân hàng Nhà nước chi nhánh tỉnh").
                self.take(h.word.len(), 1);
                self.complete = false;
                return true;
            }
            // After an official name only its place follows ("Sở Y tế tỉnh …").
            return false;
        }
        if std::mem::take(&mut self.needs_name) {
            // "Ban chỉ đạo", "Hội đồng thẩm định", but not a head followed by a lead verb.
            if LEAD.is_match(rest) {
                return false;
            }
            self.take(w.len(), 1);
            return true;
        }
        if self.name_verbs {
            if let Some(v) = heads::NAME_VERB_WORDS.iter().find(|v| is_word(rest, v)) {
                self.take(v.len(), 1);
                return true;
            }
        }
        if stops(rest) && !(self.collective && rest.starts_with("có liên quan")) {
            return false;
        }
        let after_related = s[..self.pos].trim_end().ends_with("liên quan");
        if self.collective && after_related && !heads::COLLECTIVE_WORDS.contains(&w) {
            // "các đơn vị liên quan | di dời …": a plural ends after "liên quan".
            return false;
        }
        if self.collective && self.words >= 2 && !heads::COLLECTIVE_WORDS.contains(&w) {
            if self.unknown_run == 0 {
                self.unknown_from = self.end;
            }
            self.unknown_run += 1;
            if self.unknown_run > UNKNOWN_RUN {
                return false;
            }
        } else {
            self.unknown_run = 0;
        }
        if let Some(level) = levels::level_at(rest).filter(|l| l.rank <= 3) {
            self.take(level.word.len(), 1);
            // The place ends the name: a capitalised word after a comma is a new unit's.
            self.placed = !self.collective;
            self.complete = false;
            return self.after_level(s);
        }
        self.take(w.len(), 1);
        self.prev_proper = false;
        true
    }

    /// A capitalised word inside the phrase.
    fn capital_word(&mut self, s: &str, rest: &str, w: &str) -> bool {
        // "Sở Xây dựng Khẩn trương …": after a complete name a capitalised verb opens the
        // predicate.
        if self.complete && is_verb(rest) {
            return false;
        }
        // "Công an tỉnh Chỉ đạo …": after the place, a capitalised verb of two or more
        // syllables opens the predicate (one syllable may be a place name: "Tân Lập").
        if self.placed
            && OPENER.find(&lower_first(rest)).is_some_and(|m| {
                m.as_str()
                    .trim_end_matches([' ', ',', '.', ';', ':'])
                    .contains(' ')
            })
        {
            return false;
        }
        if heads::unit_head_len(rest).is_some() {
            // "Công ty cổ phần Mông Sơn Sở Công Thương …": a second name glued on.
            let glued = self.prev_proper && self.unit_words >= 3;
            if glued && gazetteer::name_at(rest).is_some() {
                return false;
            }
            let _ = s;
            self.prev_proper = false;
            self.needs_name = false;
            if self.open_unit(rest) {
                return true;
            }
        }
        self.collective = false;
        self.needs_name = false;
        self.unknown_run = 0;
        self.take(w.len(), 1);
        self.prev_proper = true;
        true
    }

    /// After a level word ("xã", "tỉnh") only a proper name, another level or "có liên
    /// quan" may follow; a province's name is taken whole.
    fn after_level(&mut self, s: &str) -> bool {
        let gap = s[self.pos..].len() - s[self.pos..].trim_start().len();
        let next = &s[self.pos + gap..];
        if let Some(n) = gazetteer::province_at(next) {
            self.pos += gap;
            self.take(n, next[..n].split_whitespace().count());
            self.complete = true;
            return true;
        }
        let lower_next = next.starts_with(|ch: char| ch.is_lowercase());
        !lower_next
            || levels::level_at(next).is_some()
            || next.starts_with("có liên quan")
            || next.starts_with("và ")
            || next.starts_with("cấp ")
    }
}

/// "các Bộ Tài chính, Tư pháp và Y tế": one head written once for several official names.
/// Returns the bytes read and the names in full ("Bộ Tài chính", "Bộ Tư pháp", "Bộ Y tế").
fn elided_names(s: &str) -> Option<(usize, Vec<String>)> {
    let det = heads::determiner_at(s)?;
    let after_det = s[det.word.len()..].trim_start();
    let head_len = heads::unit_head_len(after_det).filter(|_| capitalised(after_det))?;
    let head = &after_det[..head_len];
    let mut at = s.len() - after_det.len() + head_len;
    let mut names = Vec::new();
    let mut end = at;
    loop {
        let rest = s[at..].trim_start();
        if !capitalised(rest) {
            break;
        }
        let full = format!("{head} {rest}");
        let Some(n) = gazetteer::name_at(&full).filter(|&n| n > head.len() + 1) else {
            break;
        };
        names.push(full[..n].to_string());
        at = s.len() - rest.len() + n - head.len() - 1;
        end = at;
        let tail = &s[at..];
        let sep = [", ", " và ", ","].iter().find(|p| tail.starts_with(**p));
        match sep {
            Some(p) => at += p.len(),
            None => break,
        }
    }
    (names.len() >= 2).then_some((end, names))
}

/// Length in bytes of the unit phrase at the start of `s` (possibly several units joined by
/// commas or "và"), or `None` when `s` does not open with a unit.
///
/// Official names are taken whole; named units run until a verb or clause boundary; plural
/// collectives ("các cơ quan, đơn vị có liên quan") take collective words and a few others.
pub fn unit_phrase_len(s: &str) -> Option<usize> {
    if !opens_unit(s) {
        return None;
    }
    let mut scan = Scan::default();
    if let Some((n, _)) = elided_names(s) {
        scan.take(n, s[..n].split_whitespace().count());
        scan.complete = true;
    }
    scan.run(s);
    let mut phrase = s[..scan.end].trim_end();
    // A dangling joiner is not part of the name.
    loop {
        let t = phrase
            .trim_end_matches([',', ' '])
            .trim_end_matches(" và")
            .trim_end_matches(" của")
            .trim_end();
        if t.len() == phrase.len() {
            break;
        }
        phrase = t;
    }
    if phrase.is_empty() {
        None
    } else {
        Some(phrase.len())
    }
}

/// Like [`unit_phrase_len`], also accepting lower-case heads where a verb has just
/// announced a unit ("Giao phòng Văn hóa - Xã hội", a coordination verb before "doanh nghiệp, hợp tác xã").
pub(super) fn unit_phrase_len_loose(s: &str) -> Option<usize> {
    if let Some(n) = unit_phrase_len(s) {
        return Some(n);
    }
    if !s.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let upper = heads::upper_first(s);
    if heads::head_at(&upper).is_some_and(|h| h.has(heads::LOOSE)) {
        if let Some(n) = unit_phrase_len(&upper) {
            return Some(n + s.len() - upper.len());
        }
    }
    // Bare nouns ("doanh nghiệp, đơn vị truyền thông"): read as a collective phrase.
    heads::head_at(s).filter(|h| h.has(heads::LOOSE))?;
    let as_collective = format!("các {s}");
    let n = unit_phrase_len(&as_collective)?;
    Some(n.saturating_sub(4).min(s.len()))
}

/// Byte spans of official names inside `phrase` (commas and "và" there never split).
fn name_spans(phrase: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < phrase.len() {
        let rest = &phrase[i..];
        let boundary = phrase[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary && heads::unit_head_len(rest).is_some() {
            if let Some(n) = gazetteer::name_at(rest) {
                spans.push((i, i + n));
                i += n;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    spans
}

fn distributive(s: &str) -> bool {
    heads::determiner_at(s).is_some_and(|d| d.has_distributive())
}

/// True when `piece` opens a new unit after `prev` rather than continuing it: a bare head
/// in a collective ("các Sở, Ban, ngành") and a distributive pair ("Từng trường, từng
/// lớp") continue.
fn starts_new_unit(prev: &str, piece: &str) -> bool {
    if !opens_unit(piece) {
        // "Công an, lực lượng Hải quan", "các cơ quan chức năng, chính quyền địa phương": a
        // lower-case head after a named unit, or one that is no plural noun after a plural.
        let plural = prev
            .split_whitespace()
            .any(|w| heads::determiner_at(w).is_some());
        return levels::level_at(piece).is_none()
            && loose_head(piece)
            && (!plural || collective_noun_len(piece).is_none());
    }
    let bare_head = heads::unit_head_len(piece).is_some_and(|n| n == piece.len());
    if bare_head && heads::collective_at(prev).is_some() {
        return false;
    }
    // "các cấp, các ngành": two bare plurals read as one.
    let bare_plural = |u: &str| {
        heads::determiner_at(u).is_some()
            && heads::collective_at(u).is_some_and(|(n, _)| n == u.len())
    };
    if bare_plural(prev) && bare_plural(piece) {
        return false;
    }
    !(distributive(prev) && distributive(piece))
}

/// Split `phrase` at the separators (", " or " và ") that lie outside official names.
fn split_outside(
    phrase: &str,
    sep: &str,
    spans: &[(usize, usize)],
    offset: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for (i, _) in phrase.match_indices(sep) {
        let at = offset + i;
        if spans.iter().any(|&(a, b)| a <= at && at < b) {
            continue;
        }
        let left = phrase[last..i].trim();
        let right = phrase[i + sep.len()..].trim_start();
        let right = &right[..right.find(sep).unwrap_or(right.len())];
        if !left.is_empty() && starts_new_unit(left, right) {
            out.push((last, i));
            last = i + sep.len();
        }
    }
    out.push((last, phrase.len()));
    out
}

/// Split a unit phrase into single units: at commas and "và" when a new unit follows
/// (never inside an official name); a trailing level word ("xã") applies to every bare
/// abbreviation before it.
pub fn split_units(phrase: &str) -> Vec<String> {
    // A group of people named by office is one assignee.
    if is_word(&lower_first(phrase), "các đồng chí") {
        return vec![phrase.trim().to_string()];
    }
    if let Some((n, names)) = elided_names(phrase) {
        let rest = phrase[n..].trim_start_matches([',', ' ']);
        let rest = rest.strip_prefix("và ").unwrap_or(rest);
        let mut out = names;
        if !rest.is_empty() {
            out.extend(split_units(rest));
        }
        return out;
    }
    let spans = name_spans(phrase);
    let mut out = Vec::new();
    for (a, b) in office_groups(phrase, split_outside(phrase, ",", &spans, 0)) {
        let part = &phrase[a..b];
        if part.contains(',') && starts_with_office(part.trim_start()) {
            out.push(part.trim().to_string());
            continue;
        }
        let lead = part.len() - part.trim_start().len();
        for (c, d) in split_outside(part.trim_start(), " và ", &spans, a + lead) {
            let u = part.trim_start()[c..d].trim();
            out.extend(adjacent_names(u));
        }
    }
    distribute_level(merge_named_pairs(phrase, out))
}

/// Official names written side by side with their comma lost ("Sở Tài chính Sở Xây
/// dựng"): one unit each; anything else is one unit as written.
fn adjacent_names(u: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = u;
    // Each name opens with a capitalised head: "Sở Tài chính tỉnh Lào Cai" is one name.
    let opens = |r: &str| r.starts_with(char::is_uppercase) && heads::unit_head_len(r).is_some();
    while let Some(n) = gazetteer::name_at(rest).filter(|_| opens(rest)) {
        names.push(rest[..n].to_string());
        rest = rest[n..].trim_start();
        if rest.is_empty() {
            return names;
        }
    }
    if u.is_empty() {
        Vec::new()
    } else {
        vec![u.to_string()]
    }
}

/// True when `s` opens with an office holder's title ("Bộ trưởng", "Chủ tịch").
fn starts_with_office(s: &str) -> bool {
    heads::head_at(s).is_some_and(|h| h.has(heads::PERSON))
}

/// Comma parts of office holders that share one plural object, joined into one group:
/// "Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ" — titles up to
/// the part with "các", then the bare nouns that "các" also governs, up to the next title.
fn office_groups(phrase: &str, parts: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let text = |&(a, b): &(usize, usize)| phrase[a..b].trim_start_matches([',', ' ']).trim_end();
    let plural = |t: &str| t.split_whitespace().any(|w| w == "các");
    // A noun the shared "các" governs: lower case, or a bare head ("Tổng Công ty").
    let bare = |t: &str| {
        t.starts_with(|c: char| c.is_lowercase())
            || heads::unit_head_len(t).is_some_and(|n| n == t.len())
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let (a, mut b) = parts[i];
        let mut j = i + 1;
        let first = text(&parts[i]);
        if starts_with_office(first) {
            let mut seen = plural(first);
            while j < parts.len() {
                let t = text(&parts[j]);
                if starts_with_office(t) && !seen {
                    seen = plural(t);
                } else if !(seen && !starts_with_office(t) && bare(t)) {
                    break;
                }
                b = parts[j].1;
                j += 1;
            }
            if !seen {
                // Titles without a shared plural object stay single units.
                j = i + 1;
                b = parts[i].1;
            }
        }
        out.push((a, b));
        i = j;
    }
    out
}

/// "Cục A và Cục B" where the gazetteer names one merged unit "Cục A và B": that unit
/// (one form per unit; the merged name is the official one).
fn merge_named_pairs(phrase: &str, units: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for u in units {
        let merged = out.last().and_then(|prev| {
            let (head, name) = u.split_once(' ')?;
            let joined = format!("{prev} và {u}");
            let candidate = format!("{prev} và {name}");
            (prev.starts_with(&format!("{head} "))
                && phrase.contains(&joined)
                && gazetteer::name_at(&candidate) == Some(candidate.len()))
            .then_some(candidate)
        });
        match merged {
            Some(m) => *out.last_mut().unwrap() = m,
            None => out.push(u),
        }
    }
    out
}

static LEVEL_TAIL: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"\s({})$", levels::pattern(3))).unwrap());

/// "Đảng ủy, HĐND, UBND xã" → each gets "xã".
fn distribute_level(units: Vec<String>) -> Vec<String> {
    let level = units
        .last()
        .and_then(|u| LEVEL_TAIL.captures(u).map(|c| c[1].to_string()));
    match level {
        Some(level) if units.len() > 1 => units
            .into_iter()
            .map(|u| {
                if is_bare_abbreviation(&u) {
                    format!("{u} {level}")
                } else {
                    u
                }
            })
            .collect(),
        _ => units,
    }
}

/// A unit written only as its head or its abbreviation ("HĐND", "Đảng ủy", "Ủy ban MTTQ
/// Việt Nam"): a trailing level word of the list applies to it.
fn is_bare_abbreviation(u: &str) -> bool {
    let Some(n) = heads::unit_head_len(u) else {
        return false;
    };
    let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
    let tail: Vec<&str> = u[n..].split_whitespace().collect();
    tail.is_empty()
        || (tail.len() <= 4
            && (acronym(u[..n].trim()) || tail.iter().any(|w| acronym(w)))
            && tail
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase())))
}

/// True when `p` opens with a head written in lower case ("lực lượng", "doanh nghiệp").
fn loose_head(p: &str) -> bool {
    p.starts_with(|c: char| c.is_lowercase())
        && (heads::head_at(p).is_some_and(|h| h.has(heads::LOOSE))
            || heads::head_at(&heads::upper_first(p)).is_some_and(|h| h.has(heads::LOOSE)))
}

/// [`split_units`] for a phrase read with lower-case heads ("doanh nghiệp, hợp tác xã"):
/// each piece that opens with a head in lower case is a unit of its own.
pub(super) fn split_loose(phrase: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for u in split_units(phrase) {
        if !u.starts_with(|c: char| c.is_lowercase()) || !loose_head(&u) {
            out.push(u);
            continue;
        }
        let mut cur = String::new();
        for piece in u.split(", ") {
            if !cur.is_empty() && loose_head(piece) {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push_str(", ");
            }
            cur.push_str(piece);
        }
        out.push(cur);
    }
    out
}
