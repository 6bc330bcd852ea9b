//! Which outline units are tasks, and who leads and supports each (annotation guide §1–3).
//!
//! A task is the smallest outline unit that carries an instruction. Headings whose
//! children are tasks are not tasks; they lend their units to the children. Zones decide
//! what counts: results, objectives, funding and proposals hold no tasks; "nhiệm vụ",
//! "giải pháp", "tổ chức thực hiện" hold nothing else.

use crate::outline::{MarkerKind, Outline};
use crate::units::{self, Parties};
use nhiemvu_model::DocKind;
use nhiemvu_normalizer::lexicon::{verbs, zones};
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
static PAST: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:[^.;:]{0,80}?\s)?(?:đã|Đã)\s").unwrap());
static RELATIVE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|\s)(?:cho|của|mà|với)\s").unwrap());

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
static NOUN_NEXT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s*(?:của|số)\s").unwrap());

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

/// True when `text` (marker removed) reads as an instruction rather than a record.
pub fn is_instruction(text: &str) -> bool {
    let t = strip_label(strip_marker(text));
    // A later sentence that gives an order ("… Giao Sở X chủ trì …") makes it one.
    if sentences(t).iter().skip(1).any(|s| gives_order(s)) {
        return true;
    }
    if opens_with_verb(t) {
        return true;
    }
    if is_past(t) {
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
    let mut is_task = vec![false; outline.nodes.len()];
    let default_zone = if kind == DocKind::BaoCao {
        Zone::NoTasks
    } else {
        Zone::Neutral
    };
    // Pass 1: which nodes are instruction units, bottom-up (children first).
    for i in (1..outline.nodes.len()).rev() {
        let node = &outline.nodes[i];
        let zone = zone_for(outline, paras, i, default_zone);
        if zone == Zone::NoTasks {
            continue;
        }
        let own = own_text(outline, paras, i);
        let article = matches!(
            node.marker.as_ref().map(|m| m.kind),
            Some(MarkerKind::Article)
        );
        if zones::is_closing(strip_marker(&own)) && (node.marker.is_none() || article) {
            continue;
        }
        if node
            .children
            .iter()
            .any(|&c| is_task[c] || subtree_has_task(outline, &is_task, c))
        {
            continue; // a heading
        }
        if node.marker.is_none() {
            continue; // prose: sentences are handled below
        }
        let instr = is_instruction(&own)
            || (zone == Zone::Tasks
                && !is_past(strip_marker(&own))
                && !own.trim_end().ends_with(':'));
        if instr {
            is_task[i] = true;
        }
    }
    let mut out = Vec::new();
    for (i, node) in outline.nodes.iter().enumerate().skip(1) {
        if is_task[i] {
            let text = subtree_text(outline, paras, i);
            let mut p = units::parties_in(&text_for_parties(outline, paras, i));
            inherit(outline, paras, i, &mut p, kind, addressees);
            out.push(Draft {
                section: node.path.clone(),
                text: strip_marker(&text).to_string(),
                paras: subtree_paras_in(outline, i, paras),
                leads: p.leads,
                coordinators: p.coordinators,
            });
        } else if node.marker.is_none()
            && node.children.is_empty()
            && !outline.ancestors(i).iter().any(|&a| is_task[a])
        {
            // (Prose under a task is part of that task's text.)
            let zone = zone_for(outline, paras, i, default_zone);
            if zone == Zone::NoTasks || is_lead_in(outline, paras, i) {
                continue;
            }
            // Running prose: one task per sentence that gives an order to a unit.
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
                let p0 = units::parties_in(&sentence);
                let ordered = has_order(&sentence) && !p0.leads.is_empty();
                if !ordered {
                    continue;
                }
                let mut p = p0;
                inherit(outline, paras, i, &mut p, kind, addressees);
                out.push(Draft {
                    section: format!("{}.s{}", node.path, k + 1),
                    text: sentence,
                    paras: node.paras.clone(),
                    leads: p.leads,
                    coordinators: p.coordinators,
                });
            }
        }
    }
    out
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

static ORDER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:^|\s)(?:[Gg]iao|[Yy]êu cầu|[Đđ]ề nghị|chủ trì|có trách nhiệm|chịu trách nhiệm)(?:\s|[,:;]|$)",
    )
    .unwrap()
});
static NOT_ORDER: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("(?i:{})", zones::pattern(zones::NOT_ORDER))).unwrap());

/// True when `text` has an order word ("Giao", "đề nghị", "chủ trì", may be followed by
/// a comma) that is not a noun inside "giao ban", "giao thông", "hồ sơ đề nghị" ….
fn has_order(text: &str) -> bool {
    let nouns: Vec<(usize, usize)> = NOT_ORDER
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    ORDER.find_iter(text).any(|m| {
        let at = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
        !nouns.iter().any(|&(s, e)| s <= at && at < e)
    })
}

fn zone_for(outline: &Outline, paras: &[String], i: usize, default: Zone) -> Zone {
    let headings: Vec<(usize, &str)> = std::iter::once(i)
        .chain(outline.ancestors(i))
        .filter(|&a| outline.nodes[a].marker.is_some())
        // A node's own zone counts for itself only when it is a heading.
        .filter(|&a| a != i || !outline.nodes[a].children.is_empty())
        .map(|a| (a, paras[outline.nodes[a].paras[0]].as_str()))
        .collect();
    // Past results hold no tasks, whatever their sub-headings say.
    if headings.iter().any(|(_, h)| zone_of(h).1) {
        return Zone::NoTasks;
    }
    for &(a, heading) in &headings {
        match zone_of(heading).0 {
            // A heading that names the units it assigns ("1. Sở Y tế:", "2. Giao Sở … chủ trì:")
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
        if !closing {
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

/// Fill leads and coordinators from enclosing headings, then letter addressees.
fn inherit(
    outline: &Outline,
    paras: &[String],
    i: usize,
    p: &mut Parties,
    kind: DocKind,
    addressees: &[String],
) {
    if !p.leads.is_empty() {
        return;
    }
    // A lead-in just before the item or one of its ancestors ("Thủ trưởng các sở …
    // tập trung thực hiện các nhiệm vụ sau:") names who does the items after it.
    for n in std::iter::once(i).chain(outline.ancestors(i)) {
        // A heading that names its units wins over a lead-in under it.
        let parent = outline.nodes[n].parent;
        if parent != 0 && heading_assigns(&paras[outline.nodes[parent].paras[0]]) {
            break;
        }
        if let Some(lead_in) = preceding_lead_in(outline, paras, n) {
            let hp = units::parties_in(&lead_in);
            if !hp.leads.is_empty() {
                p.leads = hp.leads;
                if p.coordinators.is_empty() {
                    p.coordinators = hp.coordinators;
                }
                return;
            }
        }
    }
    for a in outline.ancestors(i) {
        let node = &outline.nodes[a];
        let heading = &paras[node.paras[0]];
        if let Some(units) = units::heading_is_unit(heading) {
            p.leads = units;
            return;
        }
        let hp = units::parties_in(strip_marker(heading));
        if !hp.leads.is_empty() {
            p.leads = hp.leads;
            if p.coordinators.is_empty() {
                p.coordinators = hp.coordinators;
            }
            return;
        }
        if let Some(units) = units::owner_in_heading(heading) {
            p.leads = units;
            return;
        }
        // A lead-in paragraph under the heading ("Thủ trưởng các cơ quan … chịu trách nhiệm:").
        if node.paras.len() > 1 {
            let more = node.paras[1..]
                .iter()
                .map(|&q| paras[q].as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let hp = units::parties_in(&more);
            if !hp.leads.is_empty() {
                p.leads = hp.leads;
                return;
            }
        }
    }
    if kind == DocKind::CongVan && !addressees.is_empty() {
        p.leads = addressees.to_vec();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline;

    fn run(kind: DocKind, lines: &[&str]) -> Vec<Draft> {
        let paras: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let refs: Vec<&str> = lines.to_vec();
        let o = outline::build(&refs, |t| t.starts_with(|c: char| c.is_lowercase()));
        find(&o, &paras, kind, &[])
    }

    #[test]
    fn heading_lends_lead_and_coordinators_to_bullets() {
        let d = run(
            DocKind::CongVan,
            &[
                "2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan:",
                "- Đôn đốc triển khai thực hiện 03 nhiệm vụ quá hạn.",
                "- Chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu hoàn thiện dữ liệu.",
            ],
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].leads, vec!["Sở Khoa học và Công nghệ"]);
        assert_eq!(d[0].coordinators, vec!["các đơn vị liên quan"]);
        assert_eq!(d[1].leads, vec!["Sở Khoa học và Công nghệ"]);
        assert_eq!(d[1].coordinators, vec!["Văn phòng Tỉnh ủy"]);
        assert_eq!(d[1].section, "2.-2");
    }

    #[test]
    fn results_are_not_tasks_and_report_needs_task_zone() {
        let d = run(
            DocKind::BaoCao,
            &[
                "I. KẾT QUẢ THỰC HIỆN",
                "- Triển khai xây dựng hạ tầng số; đạt 100%.",
                "IV. Nhiệm vụ trọng tâm trong năm 2026",
                "- Tiếp tục tuyên truyền, quán triệt các nghị quyết.",
                "- UBND xã đã xây dựng Kế hoạch.",
            ],
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].text.starts_with("Tiếp tục tuyên truyền"));
        assert!(d[0].leads.is_empty());
    }

    #[test]
    fn unit_heading_and_owner_heading() {
        let d = run(
            DocKind::KeHoach,
            &[
                "IV. TỔ CHỨC THỰC HIỆN",
                "1. Phòng Văn hóa – Xã hội xã:",
                "- Chủ trì tổ chức triển khai thực hiện Kế hoạch;",
                "2. Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm 2026",
                "2.1. Khẩn trương triển khai thực hiện đồng bộ Kế hoạch.",
            ],
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].leads, vec!["Phòng Văn hóa – Xã hội xã"]);
        assert_eq!(d[1].leads, vec!["Ban Chỉ đạo"]);
    }

    #[test]
    fn lead_in_prose_is_not_a_task_and_items_inherit_the_heading() {
        let d = run(
            DocKind::KeHoach,
            &[
                "4. Các cơ quan, ngành và 36 thôn, buôn của xã:",
                "Thủ trưởng các cơ quan chịu trách nhiệm toàn diện về kết quả. Chỉ đạo triển khai các nội dung sau:",
                "- Phụ trách theo dõi, đôn đốc, kiểm tra thực hiện.",
                "- Định kỳ hàng Quý báo cáo kết quả.",
            ],
        );
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].leads, vec!["Các cơ quan, ngành", "36 thôn, buôn"]);
    }

    #[test]
    fn closing_formula_and_past_records_are_not_tasks() {
        let d = run(
            DocKind::CongVan,
            &[
                "1. Giao Sở Y tế chủ trì triển khai tiêm chủng trước ngày 30/6/2026.",
                "Nhận được Công văn này, các cơ quan, đơn vị khẩn trương triển khai thực hiện./.",
            ],
        );
        assert_eq!(d.len(), 1);
        assert!(!d[0].text.contains("Nhận được"));
        assert_eq!(d[0].leads, vec!["Sở Y tế"]);
    }

    #[test]
    fn decision_articles_issue_and_close_but_assign_in_between() {
        let d = run(
            DocKind::QuyetDinh,
            &[
                "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch năm 2026.",
                "Điều 2. Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức triển khai Kế hoạch.",
                "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này./.",
            ],
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].section, "Điều 2");
        assert_eq!(d[0].leads, vec!["Sở Y tế"]);
        assert_eq!(d[0].coordinators, vec!["các sở, ngành liên quan"]);
    }

    #[test]
    fn a_lead_in_under_a_heading_names_the_doers() {
        let d = run(
            DocKind::ChiThi,
            &[
                "I. NHIỆM VỤ CHUNG",
                "Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu (sau đây gọi chung là các cơ quan, đơn vị) tập trung thực hiện các nhiệm vụ sau:",
                "1. Xác định cải cách hành chính là nhiệm vụ trọng tâm.",
            ],
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            d[0].leads,
            vec![
                "Thủ trưởng các sở, ban, ngành",
                "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"
            ]
        );
    }

    #[test]
    fn prose_sentences_with_an_order_are_tasks() {
        let d = run(
            DocKind::ThongBao,
            &["Hội nghị đã thống nhất. Giao Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện. Trân trọng."],
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].leads, vec!["Văn phòng Đảng ủy"]);
    }
}
