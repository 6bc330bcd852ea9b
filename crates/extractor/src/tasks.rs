//! Which outline units are tasks, and who leads and supports each (annotation guide §1–3).
//!
//! A task is the smallest outline unit that carries an instruction. Headings whose
//! children are tasks are not tasks; they lend their units to the children. Zones decide
//! what counts: results, objectives, funding and proposals hold no tasks; "nhiệm vụ",
//! "giải pháp", "tổ chức thực hiện" hold nothing else.

use crate::outline::{MarkerKind, Outline};
use crate::units::{self, Parties};
use nhiemvu_model::{DocKind, UnitRule};
use nhiemvu_normalizer::lexicon::{alternation, particles, verbs, zones};
use once_cell::sync::Lazy;
use regex::Regex;

/// A task found in the outline, before dates, targets and provenance are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Outline path.
    pub section: String,
    /// Full text (marker removed).
    pub text: String,
    /// Paragraph indices the text came from.
    pub paras: Vec<usize>,
    /// Lead units, raw spelling.
    pub leads: Vec<String>,
    /// Supporting units, raw spelling.
    pub coordinators: Vec<String>,
    /// The rule that chose the leads.
    pub leads_rule: Option<UnitRule>,
    /// The rule that chose the supporting units.
    pub coordinators_rule: Option<UnitRule>,
    /// The block's "Thời gian thực hiện: …" field, read for a due date when the text
    /// gives none.
    pub due_text: Option<String>,
}

/// Units found for a task and the rules that found them.
#[derive(Debug, Clone, Default)]
struct Found {
    parties: Parties,
    leads_rule: Option<UnitRule>,
    coordinators_rule: Option<UnitRule>,
    due_text: Option<String>,
}

impl Found {
    /// The units an item's own text names, with the rule that reads them there.
    fn own(text: &str) -> Found {
        let mut parties = units::parties_in(text);
        if let Some((unit, verb)) = merged_heading_unit(text) {
            if parties.leads.is_empty() || parties.leads.iter().any(|l| l.contains(verb)) {
                parties.leads = unit;
            }
        }
        let leads_rule = parties.leads.first().map(|l| own_lead_rule(text, l));
        let coordinators_rule = (!parties.coordinators.is_empty()).then_some(UnitRule::PhoiHopX);
        Found {
            parties,
            leads_rule,
            coordinators_rule,
            due_text: None,
        }
    }

    fn draft(self, section: String, text: String, paras: Vec<usize>) -> Draft {
        Draft {
            section,
            text,
            paras,
            leads: self.parties.leads,
            coordinators: self.parties.coordinators,
            leads_rule: self.leads_rule,
            coordinators_rule: self.coordinators_rule,
            due_text: self.due_text,
        }
    }
}

/// A unit heading run into its body ("Sở Xây dựng Khẩn trương hoàn thiện …", from a bold
/// heading line without a full stop): the unit before a capitalised instruction verb, and
/// that verb. The unit must have two words at least ("Ban Chỉ đạo" is a name).
fn merged_heading_unit(text: &str) -> Option<(Vec<String>, &str)> {
    let t = strip_marker(text);
    // A name the unit reader reads past this word ("Trung tâm Kiểm soát bệnh tật") is whole.
    let name_end = units::unit_phrase_len(t).unwrap_or(0);
    for (at, _) in t.match_indices(' ') {
        let rest = &t[at + 1..];
        if !rest.starts_with(|c: char| c.is_uppercase()) || at + 1 < name_end {
            continue;
        }
        let Some(m) = IMPERATIVE.find(rest) else {
            continue;
        };
        let prefix = t[..at].trim().trim_end_matches([':', ',']);
        let verb = m.as_str().trim_end_matches([' ', ',']);
        // The prefix opens as a unit and does not stop mid-name ("Sở Kế hoạch và | Đầu tư").
        let Some(n) = units::unit_phrase_len(prefix) else {
            continue;
        };
        let named = prefix.split(' ').count() >= 2 && !prefix.ends_with(" và");
        if named && !prefix.contains(|c: char| ".;:".contains(c)) && opens_with_verb(rest) {
            // A name the unit reader cuts short ("Sở Văn hoá, Thể thao và Du lịch") is kept
            // whole: the heading names one unit.
            let unit = if n >= prefix.len() {
                units::split_units(prefix)
            } else {
                name_list(prefix)
            };
            return Some((unit, &rest[..verb.len()]));
        }
    }
    None
}

/// Names the unit reader cuts short, as written: a comma list of capitalised names
/// ("Nhà Văn hóa xã, Đài Phát thanh xã") is one unit each; a name with "và" ("Sở Văn
/// hoá, Thể thao và Du lịch") is one.
fn name_list(prefix: &str) -> Vec<String> {
    let pieces: Vec<&str> = prefix.split(", ").map(str::trim).collect();
    let capitalised = pieces.iter().all(|p| p.starts_with(char::is_uppercase));
    if pieces.len() > 1 && capitalised && !prefix.contains(" và ") {
        pieces.into_iter().map(str::to_string).collect()
    } else {
        vec![prefix.to_string()]
    }
}

/// How an item's own text names its lead `lead`: after an order word, in a closing
/// parenthesis, or as the subject.
fn own_lead_rule(text: &str, lead: &str) -> UnitRule {
    let at = text.find(lead).unwrap_or(0);
    let before = text[..at].trim_end();
    let tail = text.trim_end().trim_end_matches(['.', ';', '/']).trim_end();
    if tail.ends_with(')')
        && text[at..].find(')').map(|e| at + e + 1 >= tail.len()) == Some(true)
        && before.ends_with('(')
    {
        UnitRule::TrailingParen
    } else if has_order(&format!("{before} ")) && !before.is_empty() {
        UnitRule::GiaoX
    } else {
        UnitRule::XChuTri
    }
}

/// What a heading says about the units beneath it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// Instructions: "Nhiệm vụ", "Giải pháp", "Tổ chức thực hiện".
    Tasks,
    /// Records: results, objectives, funding, proposals, agendas, attendees.
    NoTasks,
    /// Says nothing.
    Neutral,
}

/// The zone a heading opens, and whether it is a record of the past (nothing beneath it
/// is a task, whatever its sub-headings say).
fn zone_of(heading: &str) -> (Zone, bool) {
    // Only the heading's own words count: up to its colon, at most 120 bytes.
    let full = strip_marker(heading);
    let h = full.split(':').next().unwrap_or(full);
    let h = &h[..h.char_indices().nth(120).map(|(i, _)| i).unwrap_or(h.len())];
    match zones::read_heading(h) {
        zones::Reading::Tasks => (Zone::Tasks, false),
        // "Căn cứ kết quả rà soát, đề nghị Sở X …:" opens an order, not a background part.
        zones::Reading::NoTasks { .. } if gives_order(full) => (Zone::Neutral, false),
        zones::Reading::NoTasks { record } => (Zone::NoTasks, record),
        zones::Reading::Neutral => (Zone::Neutral, false),
    }
}

/// True when `text` gives an order to a named unit ("… đề nghị Sở Nội vụ …").
fn gives_order(text: &str) -> bool {
    has_order(text) && !units::parties_in(text).leads.is_empty()
}

pub use nhiemvu_normalizer::lexicon::markers::strip_marker;

/// A record of the past: "đã" in the main clause of the first sentence ("UBND xã đã xây
/// dựng …"), not in a relative clause after a preposition ("… cho các hộ đã được duyệt").
static PAST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:[^.;:]{{0,80}}?\s)?(?:{})\s",
        particles::pattern(particles::PAST_TENSE, true)
    ))
    .unwrap()
});
static RELATIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?:{})\s",
        particles::pattern(particles::RELATIVE, false)
    ))
    .unwrap()
});

fn is_past(text: &str) -> bool {
    match PAST.find(text) {
        Some(m) => !RELATIVE.is_match(&text[..m.end()]),
        None => false,
    }
}

static IMPERATIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?:{})(?:\s|,|$)",
        verbs::pattern(verbs::OPENS, true)
    ))
    .unwrap()
});
/// After a noun homograph: its owner or number ("Báo cáo của …", "Báo cáo số 12/BC").
static NOUN_NEXT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^\s*(?:{})\s",
        particles::pattern(particles::OWNER, false)
    ))
    .unwrap()
});

/// True when `text` opens with an instruction verb read as a verb: a noun homograph
/// followed by its owner ("Lãnh đạo Trung tâm Y tế …", "Báo cáo của …") does not open.
fn opens_with_verb(text: &str) -> bool {
    let Some(m) = IMPERATIVE.find(text) else {
        return false;
    };
    let raw = m.as_str().trim_end_matches([' ', ',']);
    let word = nhiemvu_normalizer::lexicon::lower_first(raw);
    let Some(v) = verbs::VERBS.iter().find(|v| v.word == word) else {
        return true;
    };
    if !v.has(verbs::NOUN) {
        return true;
    }
    let rest = &text[raw.len()..];
    if NOUN_NEXT.is_match(rest) {
        return false;
    }
    !(v.has(verbs::HEADS_UNIT) && units::unit_phrase_len(rest.trim_start()).is_some())
}

/// True when `text` opens with an adverbial phrase ("Căn cứ …,", "Trong quá trình …,").
fn opens_adverbial(text: &str) -> bool {
    let lower = nhiemvu_normalizer::lexicon::lower_first(text);
    verbs::VERBS
        .iter()
        .any(|v| v.has(verbs::ADVERBIAL) && lower.starts_with(v.word))
}

/// True when `text` (marker removed) reads as an instruction rather than a record.
pub fn is_instruction(text: &str) -> bool {
    let t = strip_label(strip_marker(text));
    // A later sentence that gives an order ("… Giao Sở X …") makes it one.
    if sentences(t).iter().skip(1).any(|s| gives_order(s)) {
        return true;
    }
    // "Thiết lập nền tảng IoT: Cho phép …": a label that is itself an order.
    let labelled = strip_marker(text);
    if opens_with_verb(t) || (labelled.len() > t.len() && opens_with_verb(labelled)) {
        return true;
    }
    if is_past(t) || names_a_record(t) {
        return false;
    }
    let p = units::parties_in(t);
    !p.leads.is_empty()
}

static LABEL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[^:;.]{2,70}:\s+").unwrap());

/// Drop a short topic label ("Truy xuất nguồn gốc nông sản: ").
fn strip_label(s: &str) -> &str {
    match LABEL.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    }
}

/// Find tasks in the body outline. `paras` are paragraph texts; `kind` and `addressees`
/// come from the header.
pub fn find(
    outline: &Outline,
    paras: &[String],
    kind: DocKind,
    addressees: &[String],
) -> Vec<Draft> {
    let default_zone = if kind == DocKind::BaoCao {
        Zone::NoTasks
    } else {
        Zone::Neutral
    };
    let mut is_task = mark_tasks(outline, paras, default_zone);
    let (pointers, pointer_prose) = cross_references(outline, paras, &mut is_task);
    let env = Env {
        outline,
        paras,
        kind,
        addressees,
        pointers: &pointers,
        pointer_prose: &pointer_prose,
    };
    let mut out: Vec<Draft> = Vec::new();
    // The heading and draft of the last task read from a heading's prose body.
    let mut last_under_heading: Option<(usize, usize)> = None;
    for (i, node) in outline.nodes.iter().enumerate().skip(1) {
        if is_task[i] {
            let text = subtree_text(outline, paras, i);
            let mut f = Found::own(&text_for_parties(outline, paras, i));
            env.inherit(i, &mut f);
            let paras_i = subtree_paras_in(outline, i, paras);
            out.push(f.draft(node.path.clone(), strip_marker(&text).to_string(), paras_i));
        } else if node.marker.is_none() && node.children.is_empty() {
            // Prose under a task is part of that task's text, unless it gives an order of
            // its own ("Giao Sở X tổng hợp …").
            if is_title_line(outline, paras, i) {
                continue; // "2.3." / "Công an tỉnh": the heading's own title
            }
            let under_task = outline.ancestors(i).iter().any(|&a| is_task[a]);
            if under_task && !is_order_prose(outline, paras, i) {
                continue;
            }
            let zone = zone_for(outline, paras, i, default_zone);
            if is_lead_in(outline, paras, i) {
                continue;
            }
            let mode = if under_task && under_topic_bullet(outline, paras, i) {
                Prose::Topic
            } else if under_task {
                Prose::FollowOn
            } else if zone == Zone::NoTasks {
                // "Trong thời gian tới, …" in an assessment opens its directions.
                match sentences(&own_text(outline, paras, i))
                    .iter()
                    .position(|s| zones::opens_forward(s))
                {
                    Some(k) => Prose::Forward(k),
                    None => continue,
                }
            } else if zone == Zone::Tasks {
                Prose::UnderHeading
            } else {
                Prose::Plain
            };
            for (d, follows) in env.prose(i, mode) {
                // A verb-first sentence with no doer continues the heading's task before
                // it (one task per heading, its later sentences included).
                let parent = node.parent;
                match last_under_heading {
                    Some((p, at)) if follows && p == parent => {
                        let t: &mut Draft = &mut out[at];
                        t.text = format!("{} {}", t.text, d.text);
                        for q in d.paras {
                            if !t.paras.contains(&q) {
                                t.paras.push(q);
                            }
                        }
                        continue;
                    }
                    _ => {}
                }
                if mode == Prose::UnderHeading {
                    last_under_heading = Some((parent, out.len()));
                }
                out.push(d);
            }
        }
    }
    resolve_bare_heads(paras, addressees, &mut out);
    out
}

/// A full name that is a proper name: a capital after the head, and a capital or a level
/// word ("tỉnh") at the end ("Trung tâm Khuyến nông tỉnh", not "Công ty phê duyệt").
fn proper_name(name: &str) -> bool {
    let Some(head) = nhiemvu_normalizer::lexicon::heads::unit_head_len(name) else {
        return false;
    };
    let rest = name[head..].trim();
    let last = rest.split_whitespace().next_back().unwrap_or("");
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    capital(rest)
        && (capital(last)
            || nhiemvu_normalizer::lexicon::levels::level_at(last).is_some_and(|_| {
                nhiemvu_normalizer::lexicon::levels::words_up_to(3).contains(&last)
            }))
}

/// A bare head ("giao Trung tâm", "đề nghị Công ty") stands for the full name met
/// last before it in the document ("Trung tâm Khuyến nông tỉnh"), the letter's addressees
/// ("Kính gửi: Công ty cổ phần X") first of all.
fn resolve_bare_heads(paras: &[String], addressees: &[String], drafts: &mut [Draft]) {
    let names: Vec<Vec<String>> = paras.iter().map(|p| units::full_names_in(p)).collect();
    for d in drafts.iter_mut() {
        let upto = d.paras.iter().max().map_or(0, |&p| p + 1).min(paras.len());
        let known: Vec<String> = addressees
            .iter()
            .cloned()
            .chain(
                names[..upto]
                    .iter()
                    .flatten()
                    .filter(|n| proper_name(n))
                    .cloned(),
            )
            .collect();
        for list in [&mut d.leads, &mut d.coordinators] {
            for u in list.iter_mut() {
                if let Some(full) = units::resolve_short(u, &known) {
                    *u = full;
                }
            }
            let mut seen = Vec::new();
            list.retain(|u| {
                let new = !seen.contains(u);
                seen.push(u.clone());
                new
            });
        }
    }
}

/// Pass 1: which nodes are instruction units, bottom-up (children first).
fn mark_tasks(outline: &Outline, paras: &[String], default_zone: Zone) -> Vec<bool> {
    let mut is_task = vec![false; outline.nodes.len()];
    // Headings whose tasks are sentences of their prose body, or lie under such headings.
    let mut holds = vec![false; outline.nodes.len()];
    for i in (1..outline.nodes.len()).rev() {
        let node = &outline.nodes[i];
        let zone = zone_for(outline, paras, i, default_zone);
        if node.marker.is_none() {
            continue; // prose: sentences are handled in `Env::prose`
        }
        let own = own_text(outline, paras, i);
        if zone == Zone::NoTasks {
            // A leaf of a composition or parameter list whose later sentence gives an
            // order of its own ("- Thành phần: Công ty X. Đề nghị Công ty cử …") is a task.
            // So is a "Nhiệm vụ: …" field of a block that names its lead (a lead field label).
            let content = zones::field_of(strip_marker(&own))
                .is_some_and(|(f, _)| f & zones::FIELD_CONTENT != 0)
                && block_fields(outline, paras, i).is_some_and(|b| !b.leads.is_empty());
            is_task[i] = node.children.is_empty()
                && !in_record(outline, paras, i)
                && (later_order(&own) || content);
            continue;
        }
        let article = matches!(
            node.marker.as_ref().map(|m| m.kind),
            Some(MarkerKind::Article)
        );
        if article && zones::is_closing(strip_marker(&own)) {
            continue;
        }
        if lists_noun_phrases(outline, paras, i, &own) {
            // An order whose bullets only name what it covers ("… trình HĐND quyết định:"
            // / "- Phương án phân bổ vốn …"): one task, its bullets are content.
            for &c in &node.children {
                is_task[c] = false;
            }
            is_task[i] = true;
            continue;
        }
        if node.children.iter().any(|&c| {
            subtree_has_task(outline, &is_task, c) || subtree_has_task(outline, &holds, c)
        }) {
            holds[i] = true;
            continue; // a heading
        }
        // A unit or topic heading over a prose body ("3. Sở Tư pháp:" / "Khẩn trương …",
        // "5. Đo lường, giám sát" / "Thực hiện khảo sát …"): its sentences are the tasks
        // (P8(c)).
        if prose_body(outline, i) && (units::heading_is_unit(&own).is_some() || is_title(&own)) {
            holds[i] = true;
            continue;
        }
        let body = strip_marker(&own);
        if !body.chars().any(char::is_alphabetic) {
            continue; // a table rule or stray symbol ("* |")
        }
        // A line that only names units ("- Bộ Tư pháp;") is a list entry, not an order.
        if node.children.is_empty() && units::heading_is_unit(&own).is_some() {
            continue;
        }
        if zones::field_of(body).is_some_and(|(f, _)| f & zones::FIELD_CONTENT == 0) {
            continue; // a lead or time field label describes its block's task
        }
        is_task[i] = is_instruction(&own)
            || (zone == Zone::Tasks
                && !is_past(body)
                && !own.trim_end().ends_with(':')
                && !names_a_record(body));
    }
    is_task
}

/// True when a sentence after the first of an item begins an order to a named unit.
fn later_order(own: &str) -> bool {
    sentences(strip_marker(own))
        .iter()
        .skip(1)
        .any(|s| begins_order(s))
}

/// True when node `i` lies under a record of the past (results, shortcomings).
fn in_record(outline: &Outline, paras: &[String], i: usize) -> bool {
    outline
        .ancestors(i)
        .into_iter()
        .filter(|&a| a != 0 && outline.nodes[a].marker.is_some())
        .any(|a| zone_of(&heading_of(outline, paras, a)).1)
}

/// True when node `i` is an order ending in a colon whose children are two or more bullets
/// that are noun phrases: none opens with a verb, names a doer or gives an order.
fn lists_noun_phrases(outline: &Outline, paras: &[String], i: usize, own: &str) -> bool {
    let node = &outline.nodes[i];
    if node.children.len() < 2 || !own.trim_end().ends_with(':') || !is_instruction(own) {
        return false;
    }
    node.children.iter().all(|&c| {
        let child = &outline.nodes[c];
        let bullet = matches!(
            child.marker.as_ref().map(|m| m.kind),
            Some(MarkerKind::Dash | MarkerKind::Plus)
        );
        let text = own_text(outline, paras, c);
        let body = strip_label(strip_marker(&text));
        bullet
            && child.children.is_empty()
            && !opens_with_verb(body)
            && !is_instruction(&text)
            && units::parties_in(body).leads.is_empty()
    })
}

/// An item that opens with a record noun ("Hồ sơ đề nghị … nộp 03 bản", "Kinh phí: …")
/// states a fact even in a task zone; verbs ("Đề xuất …") are not such nouns.
fn names_a_record(body: &str) -> bool {
    let first = nhiemvu_normalizer::lexicon::lower_first(body);
    // Rows that are only nouns ("hồ sơ đề nghị") are no verbs.
    let is_verb = verbs::VERBS.iter().any(|v| {
        (v.has(verbs::OPENS) || v.has(verbs::ENDS_UNIT))
            && first.starts_with(v.word)
            && first[v.word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    !is_verb && matches!(zone_of(body).0, Zone::NoTasks) && !has_order(body)
}

/// Order words that address a unit (lexicon flags ORDERS and ADDRESSES), either case.
static ORDER_START: Lazy<Regex> = Lazy::new(|| {
    let words = verbs::VERBS
        .iter()
        .filter(|v| v.has(verbs::ORDERS) && v.has(verbs::ADDRESSES))
        .map(|v| v.word);
    Regex::new(&format!(r"^(?:{})\s", alternation(words, true))).unwrap()
});

/// A sentence that begins a new order to a named unit ("Giao Sở X tổng hợp …"), maybe
/// after a connective and its comma ("Đồng thời, giao Sở X …").
fn begins_order(sentence: &str) -> bool {
    let start = after_connective(sentence);
    ORDER_START.is_match(start) && !zones::is_closing(sentence) && gives_order(start)
}

/// The text after an opening connective of the lexicon (INTRO) and its comma ("Đồng
/// thời, …", "Ngoài ra, …"); the text itself otherwise.
fn after_connective(sentence: &str) -> &str {
    let lower = nhiemvu_normalizer::lexicon::lower_first(sentence);
    verbs::VERBS
        .iter()
        .filter(|v| v.has(verbs::INTRO))
        .find_map(|v| {
            let rest = lower.strip_prefix(v.word)?.strip_prefix(',')?;
            Some(sentence[sentence.len() - rest.len()..].trim_start())
        })
        .unwrap_or(sentence)
}

/// A prose node with a sentence that begins an order of its own (P8(b)): not part of the
/// item above it.
fn is_order_prose(outline: &Outline, paras: &[String], i: usize) -> bool {
    let node = &outline.nodes[i];
    node.marker.is_none()
        && node.children.is_empty()
        && (sentences(&own_text(outline, paras, i))
            .iter()
            .any(|s| begins_order(s))
            || under_topic_bullet(outline, paras, i))
}

/// Prose after a topic bullet of the item ("- Về rà soát phân công nhiệm vụ:") whose first
/// sentence names its own doer ("Bộ X nghiên cứu …"): one task per paragraph (P8(c)).
fn under_topic_bullet(outline: &Outline, paras: &[String], i: usize) -> bool {
    let node = &outline.nodes[i];
    let siblings = &outline.nodes[node.parent].children;
    let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
    let topic = siblings[..pos]
        .iter()
        .rev()
        .find(|&&s| outline.nodes[s].marker.is_some())
        .copied()
        .or_else(|| (outline.nodes[node.parent].marker.is_some()).then_some(node.parent));
    let Some(topic) = topic.filter(|&t| t != 0) else {
        return false;
    };
    let heading = own_text(outline, paras, topic);
    let own = own_text(outline, paras, i);
    let first = sentences(&own).into_iter().next().unwrap_or_default();
    introduces(&heading)
        && units::parties_in(strip_marker(&heading)).leads.is_empty()
        && units::unit_phrase_len(&first).is_some()
        && units::parties_in(&first).leads_rule == Some(UnitRule::XChuTri)
}

/// A cross-reference to parts of the document ("nhiệm vụ nêu tại mục II.3"; words from the
/// lexicon `citations`), then its chain of labels.
static CROSS_REF: Lazy<Regex> = Lazy::new(|| {
    use nhiemvu_normalizer::lexicon::citations::{ref_pattern, RefKind};
    Regex::new(&format!(
        r"(?i:{})\s+(?:(?:{})\s+)?(?:{})\s+(?i:{})\s*{}",
        ref_pattern(RefKind::Item),
        ref_pattern(RefKind::Stated),
        ref_pattern(RefKind::At),
        ref_pattern(RefKind::Part),
        r"((?:(?:\((?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\)|[IVXL]+(?:\.\d{1,2})*|\d{1,2}(?:\.\d{1,2})*)[.,]?\s*)+)"
    ))
    .unwrap()
});
static REF_TOKEN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\(([IVXL]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\)|([IVXL]+(?:\.\d{1,2})*|\d{1,2}(?:\.\d{1,2})*)",
    )
    .unwrap()
});

/// Verbs after which a cross-reference assigns a part (lexicon flag ANSWERS_FOR).
static POINTER_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        "(?i:{})",
        verbs::pattern(verbs::ANSWERS_FOR, false)
    ))
    .unwrap()
});

/// The parts a cross-reference names, each as its label chain: "mục IV.1" → [IV, 1];
/// "mục (IV) (4.1) (4.2)" → [IV, 4, 1] and [IV, 4, 2]; "mục (IV)(3.4)(a)" → [IV, 3, 4, a].
fn referenced_parts(text: &str) -> Vec<Vec<String>> {
    let Some(c) = CROSS_REF.captures(text) else {
        return Vec::new();
    };
    // Only as what the item gives to lead (a POINTER_VERB then "các nhiệm vụ tại …"), not
    // a remark in parentheses ("(trọng tâm các nhiệm vụ tại mục III)").
    let before = &text[..c.get(0).map(|m| m.start()).unwrap_or(0)];
    let tail: String = before
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let leads = POINTER_VERB.is_match(&tail) && !tail.contains('(');
    if !leads {
        return Vec::new();
    }
    let mut tokens: Vec<String> = REF_TOKEN
        .captures_iter(&c[1])
        .filter_map(|t| t.get(1).or(t.get(2)).map(|m| m.as_str().to_string()))
        .collect();
    let is_roman = |t: &str| !t.is_empty() && t.chars().all(|ch| "IVXL".contains(ch));
    // "IV.1" → "IV", "1".
    if let Some((head, tail)) = tokens.first().and_then(|t| t.split_once('.')) {
        if is_roman(head) {
            let (head, tail) = (head.to_string(), tail.to_string());
            tokens.splice(0..1, [head, tail]);
        }
    }
    let split = |t: &String| t.split('.').map(str::to_string).collect::<Vec<_>>();
    let roman = tokens.first().is_some_and(|t| is_roman(t));
    let (prefix, rest) = if roman {
        (vec![tokens[0].clone()], &tokens[1..])
    } else {
        (Vec::new(), &tokens[..])
    };
    let decimals = rest.len() > 1
        && rest
            .iter()
            .all(|t| t.starts_with(|ch: char| ch.is_ascii_digit()));
    if decimals {
        rest.iter()
            .map(|t| [prefix.clone(), split(t)].concat())
            .collect()
    } else {
        vec![[prefix, rest.iter().flat_map(split).collect()].concat()]
    }
}

/// The label chain of node `k`: its ancestors' labels, a multi-part decimal ("4.1")
/// standing for the decimals above it ("IV" / "4" / "4.1" → [IV, 4, 1]).
fn label_chain(outline: &Outline, k: usize) -> Vec<String> {
    let mut nodes: Vec<usize> = outline.ancestors(k);
    nodes.reverse();
    nodes.push(k);
    let mut chain: Vec<(bool, String)> = Vec::new();
    for n in nodes {
        let Some(m) = &outline.nodes[n].marker else {
            continue;
        };
        match m.kind {
            MarkerKind::Decimal(d) if d > 1 => {
                let keep = chain.iter().take_while(|(dec, _)| !dec).count();
                chain.truncate(keep);
                chain.extend(m.label.split('.').map(|p| (true, p.to_string())));
            }
            MarkerKind::Decimal(_) => chain.push((true, m.label.clone())),
            MarkerKind::Roman | MarkerKind::Letter | MarkerKind::Article => {
                chain.push((false, m.label.clone()))
            }
            _ => return Vec::new(),
        }
    }
    chain.into_iter().map(|(_, l)| l).collect()
}

/// Rule 14: an item or sentence "X phụ trách các nhiệm vụ tại mục IV.1" gives X
/// every task of part IV.1 that names no unit; the pointer is not a task itself. Returns
/// the parts with their leads, and the prose nodes that hold pointers.
fn cross_references(
    outline: &Outline,
    paras: &[String],
    is_task: &mut [bool],
) -> (Vec<(usize, Vec<String>)>, Vec<usize>) {
    let mut out = Vec::new();
    let mut prose_pointers = Vec::new();
    let chains: Vec<Vec<String>> = (0..outline.nodes.len())
        .map(|k| label_chain(outline, k))
        .collect();
    for (i, node) in outline.nodes.iter().enumerate().skip(1) {
        let prose = node.marker.is_none() && node.children.is_empty();
        if !is_task[i] && !prose {
            continue;
        }
        let own = text_for_parties(outline, paras, i);
        let parts = referenced_parts(&own);
        if parts.is_empty() {
            continue;
        }
        let leads = pointer_leads(outline, paras, i, &own);
        if leads.is_empty() {
            continue;
        }
        let targets: Vec<usize> = parts
            .iter()
            .filter_map(|p| (1..outline.nodes.len()).find(|&k| !p.is_empty() && chains[k] == *p))
            .filter(|&t| t != i && !outline.ancestors(i).contains(&t))
            .collect();
        for t in &targets {
            out.push((*t, leads.clone()));
        }
        if !targets.is_empty() {
            is_task[i] = false;
            if prose {
                prose_pointers.push(i);
            }
        }
    }
    (out, prose_pointers)
}

/// Who a pointer item `i` (own text `own`) gives the part to: its own unit, the unit label
/// before its colon ("3. Sở X: Phụ trách …"), or for prose its unit heading ("3. Sở X" /
/// "Phụ trách …").
fn pointer_leads(outline: &Outline, paras: &[String], i: usize, own: &str) -> Vec<String> {
    let leads = Found::own(own).parties.leads;
    if !leads.is_empty() {
        return leads;
    }
    let label = own.split(':').next().unwrap_or("");
    let heading_unit = |a: usize| {
        let h = heading_of(outline, paras, a);
        units::heading_is_unit(&h).or_else(|| merged_heading_unit(&h).map(|(u, _)| u))
    };
    units::heading_is_unit(label)
        .or_else(|| {
            outline
                .ancestors(i)
                .into_iter()
                .take(2)
                .find_map(heading_unit)
        })
        .unwrap_or_default()
}

/// Which sentences of a prose paragraph are tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prose {
    /// Those that give an order to a named unit.
    Plain,
    /// Under a task zone: also verb-first sentences right under a unit heading (P8(c)).
    UnderHeading,
    /// Under a task item: only those that begin a new order (P8(b)).
    FollowOn,
    /// After a topic bullet of a task item: those that name their own doer (P8(c)).
    Topic,
    /// In an assessment: every sentence from the one that opens the directions on.
    Forward(usize),
}

/// What `inherit` and `prose` read besides the node: the outline, the header's facts and
/// the cross-references.
struct Env<'a> {
    outline: &'a Outline,
    paras: &'a [String],
    kind: DocKind,
    addressees: &'a [String],
    pointers: &'a [(usize, Vec<String>)],
    /// Prose nodes whose pointer sentences are not tasks.
    pointer_prose: &'a [usize],
}

impl Env<'_> {
    /// Running prose: one task per sentence that gives an order to a unit, and more or
    /// fewer as `mode` says; each with whether it only continues the task before it (a
    /// verb-first sentence with no doer under a heading).
    fn prose(&self, i: usize, mode: Prose) -> Vec<(Draft, bool)> {
        let (outline, paras) = (self.outline, self.paras);
        let node = &outline.nodes[i];
        let mut out = Vec::new();
        for (k, sentence) in sentences(&own_text(outline, paras, i))
            .into_iter()
            .enumerate()
        {
            // Lead-ins ending in ':' introduce the items below; they are not tasks.
            if zones::is_closing(&sentence)
                || is_past(&sentence)
                || sentence.trim_end().ends_with(':')
            {
                continue;
            }
            if self.pointer_prose.contains(&i) && !referenced_parts(&sentence).is_empty() {
                continue;
            }
            let mut f = Found::own(&sentence);
            let ordered = has_order(&sentence) && !f.parties.leads.is_empty();
            let follows = mode == Prose::UnderHeading && !ordered && f.parties.leads.is_empty();
            let keep = match mode {
                Prose::FollowOn => begins_order(&sentence),
                Prose::Topic => {
                    !f.parties.leads.is_empty() && units::unit_phrase_len(&sentence).is_some()
                }
                Prose::Forward(from) => k >= from,
                Prose::UnderHeading => {
                    ordered
                        || (f.parties.leads.is_empty()
                            && opens_with_verb(&sentence)
                            && self.nearest_heading_lends(i))
                }
                Prose::Plain => ordered || (self.under_topic(i) && names_its_doer(&sentence)),
            };
            if self.addressee_asks(&sentence) {
                continue; // the letter's addressee asks the issuer: no task
            }
            if !keep {
                continue;
            }
            self.inherit(i, &mut f);
            let section = format!("{}.s{}", node.path, k + 1);
            out.push((f.draft(section, sentence, node.paras.clone()), follows));
        }
        out
    }

    /// True when prose node `i` sits under a marked topic heading that introduces it and
    /// names no unit ("6. Về kiến nghị hỗ trợ kinh phí:"): its sentences answer the topic.
    fn under_topic(&self, i: usize) -> bool {
        let parent = self.outline.nodes[i].parent;
        if parent == 0 || self.outline.nodes[parent].marker.is_none() {
            return false;
        }
        let heading = heading_of(self.outline, self.paras, parent);
        introduces(&heading)
            && units::heading_is_unit(&heading).is_none()
            && units::parties_in(strip_marker(&heading)).leads.is_empty()
    }

    /// True when a sentence reports a request of the letter's addressee to the issuer
    /// ("Trong đó Công ty đề nghị Sở … hướng dẫn …"): the addressee is named before the
    /// order word.
    fn addressee_asks(&self, sentence: &str) -> bool {
        let Some(at) = first_order_at(sentence) else {
            return false;
        };
        // The subject of the order word: the clause before it ends with the addressee.
        let clause = sentence[..at]
            .rsplit([',', ';', ':', '.'])
            .next()
            .unwrap_or("");
        let clause = clause.trim_end();
        // The addressee as written, or shortened to its first two words or more ("Công ty").
        self.addressees.iter().any(|a| {
            let words: Vec<&str> = a.split_whitespace().collect();
            (2..=words.len()).any(|k| ends_with_word(clause, &words[..k].join(" ")))
        })
    }

    /// True when prose node `i` is the body of a heading that names its doers or a topic,
    /// and that heading has no marked items (prose among bullets continues them).
    fn nearest_heading_lends(&self, i: usize) -> bool {
        let outline = self.outline;
        let parent = outline.nodes[i].parent;
        let heading = heading_of(outline, self.paras, parent);
        parent != 0
            && prose_body(outline, parent)
            && (heading_assigns(&heading) || is_title(&heading))
    }
}

/// The lead-in prose among the earlier siblings of node `i`, if any.
fn preceding_lead_in(outline: &Outline, paras: &[String], i: usize) -> Option<String> {
    // Only inside a section: the document's opening ("… như sau:") is not a lead-in.
    if i == 0 || outline.nodes[i].parent == 0 {
        return None;
    }
    let node = &outline.nodes[i];
    let siblings = &outline.nodes[node.parent].children;
    let pos = siblings.iter().position(|&s| s == i)?;
    siblings[..pos]
        .iter()
        .rev()
        .find(|&&s| {
            outline.nodes[s].marker.is_none()
                && own_text(outline, paras, s).trim_end().ends_with(':')
        })
        .map(|&s| own_text(outline, paras, s))
}

/// A prose paragraph that ends with ':' and is followed by list items introduces them
/// ("… chịu trách nhiệm về các nội dung sau:"); the items are the tasks.
fn is_lead_in(outline: &Outline, paras: &[String], i: usize) -> bool {
    let node = &outline.nodes[i];
    if !own_text(outline, paras, i).trim_end().ends_with(':') {
        return false;
    }
    let siblings = &outline.nodes[node.parent].children;
    let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
    siblings
        .get(pos + 1)
        .map(|&n| outline.nodes[n].marker.is_some())
        .unwrap_or(false)
}

/// Order words (lexicon flag ORDERS); those that address match in either case.
static ORDER: Lazy<Regex> = Lazy::new(|| {
    let addressing = verbs::VERBS
        .iter()
        .filter(|v| v.has(verbs::ORDERS) && v.has(verbs::ADDRESSES))
        .map(|v| v.word);
    let others = verbs::VERBS
        .iter()
        .filter(|v| v.has(verbs::ORDERS) && !v.has(verbs::ADDRESSES))
        .map(|v| v.word);
    Regex::new(&format!(
        r"(?:^|\s)(?:{}|{})(?:\s|[,:;]|$)",
        alternation(addressing, true),
        alternation(others, false)
    ))
    .unwrap()
});
static NOT_ORDER: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("(?i:{})", zones::pattern(zones::NOT_ORDER))).unwrap());

/// True when `text` has an order word ([`ORDER`]: "Giao", "đề nghị", may be followed by
/// a comma) that is not a noun inside "giao ban", "giao thông", "hồ sơ đề nghị" ….
fn has_order(text: &str) -> bool {
    first_order_at(text).is_some()
}

/// Where the first order word of `text` that is not a noun begins.
fn first_order_at(text: &str) -> Option<usize> {
    let nouns: Vec<(usize, usize)> = NOT_ORDER
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    ORDER
        .find_iter(text)
        .map(|m| m.start() + (m.as_str().len() - m.as_str().trim_start().len()))
        .find(|&at| !nouns.iter().any(|&(s, e)| s <= at && at < e))
}

/// True when `text` ends with the whole words `word`.
fn ends_with_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.ends_with(word)
        && text[..text.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// A sentence that names its own doer as subject, at its start or after an introductory
/// clause ("Sau khi phương án được duyệt, Bộ X khẩn trương báo cáo …").
fn names_its_doer(sentence: &str) -> bool {
    let p = units::parties_in(sentence);
    let lower = nhiemvu_normalizer::lexicon::lower_first(sentence);
    let intro = verbs::VERBS.iter().any(|v| {
        v.has(verbs::INTRO)
            && lower.starts_with(v.word)
            && lower[v.word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    p.leads_rule == Some(UnitRule::XChuTri)
        && (units::unit_phrase_len(sentence).is_some() || (intro && sentence.contains(", ")))
}

fn zone_for(outline: &Outline, paras: &[String], i: usize, default: Zone) -> Zone {
    let headings: Vec<(usize, String)> = std::iter::once(i)
        .chain(outline.ancestors(i))
        .filter(|&a| outline.nodes[a].marker.is_some())
        // A node's own zone counts for itself only when it is a heading.
        .filter(|&a| a != i || !outline.nodes[a].children.is_empty())
        .map(|a| (a, heading_of(outline, paras, a)))
        .collect();
    // Past results hold no tasks, whatever their sub-headings say.
    if headings.iter().any(|(_, h)| zone_of(h).1) {
        return Zone::NoTasks;
    }
    for (a, heading) in &headings {
        let (a, heading) = (*a, heading.as_str());
        match zone_of(heading).0 {
            // A heading that names the units it assigns ("1. Sở Y tế:", "2. Giao Sở …:")
            // makes its items instructions.
            Zone::Neutral if a != i && heading_assigns(heading) => return Zone::Tasks,
            Zone::Neutral => continue,
            z => return z,
        }
    }
    default
}

/// True when a heading names units as the doers of what follows.
fn heading_assigns(heading: &str) -> bool {
    units::heading_is_unit(heading).is_some() || { gives_order(strip_marker(heading)) }
}

fn subtree_has_task(outline: &Outline, is_task: &[bool], i: usize) -> bool {
    is_task[i]
        || outline.nodes[i]
            .children
            .iter()
            .any(|&c| subtree_has_task(outline, is_task, c))
}

fn own_text(outline: &Outline, paras: &[String], i: usize) -> String {
    outline.nodes[i]
        .paras
        .iter()
        .map(|&p| paras[p].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Paragraphs of node `i` and its descendants, leaving out closing formulas when `paras`
/// are given.
fn subtree_paras_in(outline: &Outline, i: usize, paras: &[String]) -> Vec<usize> {
    let mut v = outline.nodes[i].paras.clone();
    for &c in &outline.nodes[i].children {
        let node = &outline.nodes[c];
        let closing = node.marker.is_none()
            && node
                .paras
                .first()
                .and_then(|&p| paras.get(p))
                .map(|t| zones::is_closing(t))
                .unwrap_or(false);
        if !closing && !is_order_prose(outline, paras, c) {
            v.extend(subtree_paras_in(outline, c, paras));
        }
    }
    v
}

fn subtree_text(outline: &Outline, paras: &[String], i: usize) -> String {
    subtree_paras_in(outline, i, paras)
        .into_iter()
        .map(|p| paras[p].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text searched for the task's own units: its own paragraphs (children's units are
/// their own business).
fn text_for_parties(outline: &Outline, paras: &[String], i: usize) -> String {
    strip_marker(&own_text(outline, paras, i)).to_string()
}

impl Env<'_> {
    /// Fill leads and coordinators: a cross-reference to the item's part, then enclosing
    /// lead-ins and headings, then letter addressees (guide rules 3, 8, 14). An item whose
    /// later clause names a second subject of its own keeps the heading's lead as well.
    fn inherit(&self, i: usize, f: &mut Found) {
        if let Some(block) = block_fields(self.outline, self.paras, i) {
            block.lend(f);
            if !f.parties.leads.is_empty() {
                return;
            }
        }
        // Under a bare lead-and-coordinate pair (see [`leads_and_coordinates`]) the units an
        // item names are the supporting ones.
        let parent = self.outline.nodes[i].parent;
        if parent != 0
            && !f.parties.leads.is_empty()
            && leads_and_coordinates(&heading_of(self.outline, self.paras, parent))
        {
            let mut coords = std::mem::take(&mut f.parties.leads);
            coords.retain(|c| !f.parties.coordinators.contains(c));
            coords.append(&mut f.parties.coordinators);
            f.parties.coordinators = coords;
            f.coordinators_rule = Some(UnitRule::Heading);
            f.leads_rule = None;
        }
        if !f.parties.leads.is_empty() {
            if self.second_subject(i) {
                let mut lent = Found::default();
                self.inherit(i, &mut lent);
                let mut leads = lent.parties.leads;
                leads.retain(|l| !f.parties.leads.contains(l));
                leads.append(&mut f.parties.leads);
                f.parties.leads = leads;
            }
            self.lend_coordinators(i, f);
            return;
        }
        if let Some((_, leads)) = self
            .pointers
            .iter()
            .find(|(t, _)| *t == i || self.outline.ancestors(i).contains(t))
        {
            f.parties.leads = leads.clone();
            f.leads_rule = Some(UnitRule::CrossReference);
            self.lend_coordinators(i, f);
            return;
        }
        if self.lead_in_lends(i, f) || self.headings_lend(i, f) {
            return;
        }
        if self.kind == DocKind::CongVan && !self.addressees.is_empty() {
            f.parties.leads = self.addressees.to_vec();
            f.leads_rule = Some(UnitRule::Addressees);
        }
        self.lend_coordinators(i, f);
    }

    /// An item that opens with a verb and no doer, then names a doer in a later clause
    /// ("Tổ chức tập huấn …; các phòng … chủ động triển khai …").
    fn second_subject(&self, i: usize) -> bool {
        let own = text_for_parties(self.outline, self.paras, i);
        let first = own.split([';']).next().unwrap_or("");
        let first = sentences(first).into_iter().next().unwrap_or_default();
        first.len() < own.trim_end().len()
            && opens_with_verb(&first)
            && !opens_adverbial(&first)
            && !has_order(&first)
            && units::parties_in(&first).leads.is_empty()
    }

    /// A lead-in just before the item or one of its ancestors ("Thủ trưởng các sở … tập
    /// trung thực hiện các nhiệm vụ sau:") names who does the items after it.
    fn lead_in_lends(&self, i: usize, f: &mut Found) -> bool {
        let (outline, paras) = (self.outline, self.paras);
        for n in std::iter::once(i).chain(outline.ancestors(i)) {
            // A heading that names its units wins over a lead-in under it.
            let parent = outline.nodes[n].parent;
            if parent != 0 && heading_assigns(&heading_of(outline, paras, parent)) {
                return false;
            }
            if let Some(lead_in) = preceding_lead_in(outline, paras, n) {
                let hp = units::parties_in(&lead_in);
                if !hp.leads.is_empty() {
                    f.parties.leads = hp.leads;
                    f.leads_rule = Some(UnitRule::LeadIn);
                    if f.parties.coordinators.is_empty() && !hp.coordinators.is_empty() {
                        f.parties.coordinators = hp.coordinators;
                        f.coordinators_rule = Some(UnitRule::LeadIn);
                    }
                    return true;
                }
            }
        }
        false
    }

    /// The nearest enclosing heading that names a unit; a bullet that names only
    /// supporting units (a lead verb, then a coordination verb with A, B, "trong đó:")
    /// lends those.
    fn headings_lend(&self, i: usize, f: &mut Found) -> bool {
        let (outline, paras) = (self.outline, self.paras);
        for a in outline.ancestors(i) {
            let node = &outline.nodes[a];
            let heading = &heading_of(outline, paras, a);
            let hp = units::parties_in(strip_marker(heading));
            let leads = units::heading_is_unit(heading)
                .or_else(|| group_heading(heading))
                .or_else(|| (!hp.leads.is_empty()).then(|| hp.leads.clone()))
                .or_else(|| units::owner_in_heading(heading))
                .or_else(|| responsibility_of(heading))
                .or_else(|| lead_in_under(paras, &node.paras));
            // Supporting units of a coordinator-only bullet, or of the heading that leads.
            let lends = leads.is_some() || (hp.leads.is_empty() && introduces(heading));
            if lends && f.parties.coordinators.is_empty() && !hp.coordinators.is_empty() {
                f.parties.coordinators = hp.coordinators.clone();
                f.coordinators_rule = Some(UnitRule::Heading);
            }
            if let Some(leads) = leads {
                f.parties.leads = leads;
                f.leads_rule = Some(UnitRule::Heading);
                return true;
            }
        }
        false
    }

    /// Supporting units of the parent bullet when it names only those (a lead verb, then a
    /// coordination verb with A, B, "trong đó:") and the item names none.
    fn lend_coordinators(&self, i: usize, f: &mut Found) {
        let parent = self.outline.nodes[i].parent;
        if !f.parties.coordinators.is_empty() || parent == 0 {
            return;
        }
        let heading = &heading_of(self.outline, self.paras, parent);
        let hp = units::parties_in(strip_marker(heading));
        if hp.leads.is_empty() && !hp.coordinators.is_empty() && introduces(heading) {
            f.parties.coordinators = hp.coordinators;
            f.coordinators_rule = Some(UnitRule::Heading);
        }
    }
}

/// The fields of an item block: "a) Nhiệm vụ: …", "b) Cơ quan thực hiện:" with lead and
/// coordinator field labels ([`zones::FIELD_LEAD`], [`zones::FIELD_COORD`]), "c) Thời gian
/// thực hiện: …".
#[derive(Debug, Default)]
struct Block {
    leads: Vec<String>,
    coordinators: Vec<String>,
    due: Option<String>,
}

impl Block {
    /// Give a task the block's units (its own lead first, its own supporting units kept)
    /// and its due-date field.
    fn lend(self, f: &mut Found) {
        if f.parties.leads.is_empty() && !self.leads.is_empty() {
            f.parties.leads = self.leads;
            f.leads_rule = Some(UnitRule::FieldLabel);
        }
        if !self.coordinators.is_empty() {
            let mut coords = self.coordinators;
            for c in std::mem::take(&mut f.parties.coordinators) {
                if !coords.contains(&c) {
                    coords.push(c);
                }
            }
            f.parties.coordinators = coords;
            f.coordinators_rule = Some(UnitRule::FieldLabel);
        }
        f.due_text = self.due;
    }
}

/// The units of a field value: split at ';', then as unit lists.
fn field_units(value: &str) -> Vec<String> {
    value
        .split(';')
        .map(|v| v.trim().trim_end_matches(['.', ',']))
        .filter(|v| !v.is_empty())
        .flat_map(units::split_units)
        .collect()
}

/// The fields that describe node `i`: the first run of field siblings after it (or after
/// its nearest ancestor that has some, two levels up at most), else the nearest run
/// before it; fields nested one level under a sibling ("b) Cơ quan thực hiện:") count.
fn block_fields(outline: &Outline, paras: &[String], i: usize) -> Option<Block> {
    let chain = std::iter::once(i).chain(outline.ancestors(i)).take(3);
    for a in chain {
        let siblings = &outline.nodes[outline.nodes[a].parent].children;
        let pos = siblings.iter().position(|&s| s == a)?;
        let is_field = |s: usize| !node_fields(outline, paras, s).is_empty();
        let after: Vec<usize> = siblings[pos + 1..]
            .iter()
            .copied()
            .skip_while(|&s| !is_field(s))
            .take_while(|&s| is_field(s))
            .collect();
        let run = if after.is_empty() {
            let mut before: Vec<usize> = siblings[..pos]
                .iter()
                .rev()
                .copied()
                .skip_while(|&s| !is_field(s))
                .take_while(|&s| is_field(s))
                .collect();
            before.reverse();
            before
        } else {
            after
        };
        if run.is_empty() {
            continue;
        }
        let mut block = Block::default();
        for (flag, value) in run.iter().flat_map(|&s| node_fields(outline, paras, s)) {
            if flag & zones::FIELD_LEAD != 0 && block.leads.is_empty() {
                block.leads = field_units(&value);
            } else if flag & zones::FIELD_COORD != 0 && block.coordinators.is_empty() {
                block.coordinators = field_units(&value);
            } else if flag & zones::FIELD_TIME != 0 && block.due.is_none() {
                block.due = Some(value);
            }
        }
        return Some(block);
    }
    None
}

/// The non-content fields of sibling `s` and of its children: (flag, value).
fn node_fields(outline: &Outline, paras: &[String], s: usize) -> Vec<(u16, String)> {
    let nested = outline.nodes[s].children.iter().copied();
    std::iter::once(s)
        .chain(nested)
        .filter_map(|n| {
            let text = own_text(outline, paras, n);
            let (flag, value) = zones::field_of(strip_marker(&text))?;
            let value = value.trim_end_matches(['.', ';']).trim().to_string();
            (flag & zones::FIELD_CONTENT == 0).then_some((flag, value))
        })
        .collect()
}

/// True when node `i` has a prose body and no marked items.
fn prose_body(outline: &Outline, i: usize) -> bool {
    let children = &outline.nodes[i].children;
    !children.is_empty() && children.iter().all(|&c| outline.nodes[c].marker.is_none())
}

/// A short title without final punctuation that gives no order ("5. Đo lường, quản lý,
/// giám sát", "1. Về công tác phòng, chống dịch:"; not "b) Triển khai các chương trình:").
fn is_title(text: &str) -> bool {
    let t = strip_marker(text).trim();
    // "b) Triển khai các chương trình:" introduces what follows as its own content.
    let introduces_content = t.ends_with(':') && opens_with_verb(t);
    let stops = t.ends_with(['.', ';', '!', '?']);
    let short = t.split_whitespace().count() <= 12;
    !t.is_empty() && !stops && short && !introduces_content
}

/// True when prose node `i` is the title line of a bare numbered heading ("2.3.").
fn is_title_line(outline: &Outline, paras: &[String], i: usize) -> bool {
    let parent = outline.nodes[i].parent;
    let node = &outline.nodes[parent];
    parent != 0
        && node.children.first() == Some(&i)
        && node
            .paras
            .first()
            .is_some_and(|&p| strip_marker(&paras[p]).trim().is_empty())
}

/// The heading text of node `a`: its first paragraph, or, when that is a bare marker
/// ("2.3."), the marker with the prose line after it ("Công an tỉnh").
fn heading_of(outline: &Outline, paras: &[String], a: usize) -> String {
    let node = &outline.nodes[a];
    let Some(&first) = node.paras.first() else {
        return String::new();
    };
    let text = &paras[first];
    let title = node
        .children
        .first()
        .filter(|&&c| outline.nodes[c].marker.is_none() && outline.nodes[c].children.is_empty());
    match title {
        Some(&c) if node.marker.is_some() && strip_marker(text).trim().is_empty() => {
            format!("{} {}", text.trim_end(), own_text(outline, paras, c))
        }
        _ => text.clone(),
    }
}

/// A title heading describing a group of doers, when it gives no order of its own.
fn group_heading(heading: &str) -> Option<Vec<String>> {
    let body = strip_marker(heading);
    if has_order(body) || gives_order(body) || opens_with_verb(body) {
        return None;
    }
    units::group_heading(heading)
}

/// A bullet that is only a lead verb and a coordination verb of the lexicon, comma
/// separated (optionally with "với"): the enclosing unit leads, the units
/// named by the items below support it.
fn leads_and_coordinates(heading: &str) -> bool {
    let h = strip_marker(heading)
        .trim()
        .trim_end_matches([':', '.'])
        .trim();
    let h = nhiemvu_normalizer::lexicon::lower_first(h);
    let Some((lead, coord)) = h.split_once(", ") else {
        return false;
    };
    let row = |w: &str| verbs::VERBS.iter().find(|v| v.word == w.trim());
    row(lead).is_some_and(|v| v.has(verbs::LEAD) && !v.has(verbs::COORD))
        && row(coord).is_some_and(|v| v.has(verbs::COORD))
}

/// True when a heading or bullet introduces the items below it ("…, trong đó:").
fn introduces(heading: &str) -> bool {
    heading.trim_end().ends_with(':')
}

/// "Trách nhiệm của X, Y", "Nhiệm vụ của X": the owners named after a task-zone word.
fn responsibility_of(heading: &str) -> Option<Vec<String>> {
    let h = strip_marker(heading);
    let h = h
        .split(':')
        .next()
        .unwrap_or(h)
        .trim()
        .trim_end_matches(['.', ';']);
    if zones::read_heading(h) != zones::Reading::Tasks {
        return None;
    }
    let at = h.find(" của ")?;
    let owners = h[at + " của ".len()..].trim();
    // The rest of the heading names only owners ("Sở Y tế và các bệnh viện tuyến tỉnh").
    units::unit_phrase_len(owners)?;
    let units = units::split_units(owners);
    (!units.is_empty()).then_some(units)
}

/// A lead-in paragraph under a heading ("Thủ trưởng các cơ quan … chịu trách nhiệm:").
fn lead_in_under(paras: &[String], own: &[usize]) -> Option<Vec<String>> {
    if own.len() < 2 {
        return None;
    }
    let more = own[1..]
        .iter()
        .map(|&q| paras[q].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let hp = units::parties_in(&more);
    (!hp.leads.is_empty()).then_some(hp.leads)
}

static SENTENCE_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"[.!?]\s+").unwrap());

/// Split running prose into sentences at a full stop followed by a capital.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(text) {
        let next = text[m.end()..].chars().next();
        if next.map(|c| c.is_uppercase()).unwrap_or(false) {
            out.push(text[start..m.start() + 1].trim().to_string());
            start = m.end();
        }
    }
    let tail = text[start..].trim();
    if !tail.is_empty() {
        out.push(tail.to_string());
    }
    out
}

/// True for marker kinds that open list items rather than sections.
pub fn is_item_marker(kind: MarkerKind) -> bool {
    kind.is_item()
}

/// Footnote items that name their unit in a closing parenthesis are tasks (guide rule 2):
/// one draft per "(1) …; (2) …" item of the footnote `marker` with body `text`.
pub fn footnote_tasks(marker: &str, text: &str) -> Vec<Draft> {
    let mut out = Vec::new();
    for (k, item) in footnote_items(text).into_iter().enumerate() {
        let p = units::parties_in(&item);
        if p.leads.is_empty() || !item.trim_end().trim_end_matches(['.', ';']).ends_with(')') {
            continue;
        }
        let f = Found {
            coordinators_rule: (!p.coordinators.is_empty()).then_some(UnitRule::PhoiHopX),
            parties: p,
            leads_rule: Some(UnitRule::Footnote),
            due_text: None,
        };
        out.push(f.draft(format!("fn{marker}.{}", k + 1), item, Vec::new()));
    }
    out
}

/// Split a footnote body into its "(1) …; (2) …" items (the whole body when unnumbered).
fn footnote_items(text: &str) -> Vec<String> {
    static ITEM: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|[;.]\s*)\((\d{1,2})\)\s*").unwrap());
    let starts: Vec<(usize, usize)> = ITEM.find_iter(text).map(|m| (m.start(), m.end())).collect();
    if starts.is_empty() {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    for (k, &(_, body_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|s| s.0 + 1).unwrap_or(text.len());
        let end = end.min(text.len()).max(body_start);
        out.push(
            text[body_start..end]
                .trim()
                .trim_end_matches(';')
                .trim()
                .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod pattern_tests;

#[cfg(test)]
mod tests;
