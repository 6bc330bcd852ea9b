//! Deadlines an item takes from around it: the time field of its block ("c) Thời gian
//! thực hiện: …" beside "a) Nhiệm vụ:") and a heading that says when its items must be
//! done ("II. CÁC VIỆC PHẢI XONG TRONG THÁNG 9/2026").

use super::*;
use nhiemvu_normalizer::lexicon::markers::{after_marker, marker_of, MarkerKind};

/// The due date a heading gives the items under it that have none ("II. CÁC VIỆC PHẢI
/// XONG TRONG THÁNG 9/2026"); `headings` nearest first. A heading that only names a
/// planning period ("Nhiệm vụ năm 2026") gives none (guide rule 11).
pub fn heading_deadline(headings: &[&str], ctx: &DateContext) -> Option<Deadline> {
    headings.iter().find_map(|h| {
        let h = h.trim();
        if !dates_children(h) || !HARD_DUE.is_match(h) {
            return None;
        }
        let d = find_deadline(h, ctx)?;
        d.due?;
        Some(Deadline {
            recurrence: None,
            start: None,
            ongoing: false,
            due_rule: Some(DateRule::HeadingDate),
            ..d
        })
    })
}

/// True when heading `h` may date the items under it: a short title without a full stop,
/// or an item of any length that ends by introducing its children ("… trình Chính phủ trước
/// ngày 20/10/2026. Trong đó lưu ý các nội dung sau:"). An item above that is a task of its
/// own ("… báo cáo trước ngày 15/12/2026.") is not a heading.
fn dates_children(h: &str) -> bool {
    if h.ends_with(':') {
        return h.len() <= 2000;
    }
    h.len() <= 300 && !h.ends_with(['.', ';'])
}

/// The deadline of item `text` (`own`) with the heading's due date when it has none of
/// its own. An item whose only date describes its objects ("các gói thầu khởi công trong
/// tháng 8/2026") keeps none: its date was read and set aside, not missing.
pub fn with_heading(
    text: &str,
    own: Option<Deadline>,
    heading: Option<Deadline>,
) -> Option<Deadline> {
    let heading = heading.filter(|_| !DESCRIBED.is_match(text));
    match (own, heading) {
        (Some(d), _) if d.due.is_some() || d.recurrence.is_some() => Some(d),
        (Some(d), Some(h)) => Some(Deadline {
            due: h.due,
            raw: format!("{}; {}", d.raw, h.raw),
            due_rule: h.due_rule,
            ..d
        }),
        (own, heading) => own.or(heading),
    }
}

/// A block's time field opening a paragraph after its marker ("c) Thời gian thực hiện: …").
static FIELD: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^(?:{})\s*:", time::pattern(Kind::Field))).unwrap());

/// The deadline a block's time field gives (guide rule 3's fields, NOTES D05): the first of
/// `texts` that opens with "Thời gian thực hiện:" or the like.
pub fn field_deadline(texts: &[String], ctx: &DateContext) -> Option<Deadline> {
    let t = texts.iter().find(|t| is_field(t))?;
    let d = find_deadline(t, ctx)?;
    Some(Deadline {
        due_rule: Some(DateRule::FieldLabel),
        ..d
    })
}

/// A paragraph that opens with a label after its marker ("b) Cơ quan thực hiện:",
/// "- Cơ quan thực hiện: …").
static LABEL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[\p{L} ,]{2,40}:").unwrap());

/// A paragraph of a block's fields or bullets: a label after its marker, or a bullet item
/// ("- …", "+ …") of the one marker grammar.
fn in_block(t: &str) -> bool {
    let bare = t.trim_start().trim_start_matches('*').trim_start();
    LABEL.is_match(after_marker(t))
        || marker_of(bare).is_some_and(|m| matches!(m.kind, MarkerKind::Dash | MarkerKind::Plus))
}

/// True when `t` opens with a block's time field ("c) Thời gian thực hiện: …").
fn is_field(t: &str) -> bool {
    FIELD.is_match(after_marker(t))
}

/// The time field that follows an item in the text: past the other bullets and the labelled
/// fields of its block ("- Cơ quan thực hiện: …"), up to anything else (a numbered item, a
/// heading, prose). For blocks the outline does not nest.
fn field_after(body: &[String], last: usize, ctx: &DateContext) -> Option<Deadline> {
    for p in body.iter().skip(last + 1).take(15) {
        if is_field(p) {
            return field_deadline(std::slice::from_ref(p), ctx);
        }
        if !in_block(p) {
            return None;
        }
    }
    None
}

/// `own` with a field's deadline when it has no due date or recurrence of its own.
fn with_field(own: Option<Deadline>, f: Deadline) -> Option<Deadline> {
    match own {
        // A field with only a start ("Thời gian thực hiện: Từ 01/7/2025") adds the start.
        Some(o) if f.due.is_none() && f.recurrence.is_none() => Some(Deadline {
            start: o.start.or(f.start),
            ..o
        }),
        Some(o) => Some(Deadline {
            start: o.start.or(f.start),
            ..f
        }),
        None => Some(f),
    }
}

/// The time field of outline node `i`'s block: among its sub-items, or the siblings that
/// follow it or an enclosing item, nearest first, past the block's bullets and labelled
/// fields only.
fn field_in_tree(
    tree: &crate::outline::Outline,
    body: &[String],
    i: usize,
    ctx: &DateContext,
) -> Option<Deadline> {
    let node_text = |k: usize| -> String {
        let ps = tree.nodes[k].paras.iter().filter_map(|&p| body.get(p));
        ps.map(String::as_str).collect::<Vec<_>>().join(" ")
    };
    let first_field = |ks: &[usize]| -> Option<Deadline> {
        for &k in ks {
            let t = node_text(k);
            if is_field(&t) {
                return field_deadline(std::slice::from_ref(&t), ctx);
            }
            if !in_block(&t) {
                return None;
            }
        }
        None
    };
    if let Some(f) = first_field(&tree.nodes[i].children) {
        return Some(f);
    }
    for a in std::iter::once(i).chain(tree.ancestors(i)) {
        let siblings = &tree.nodes[tree.nodes[a].parent].children;
        let after = siblings
            .iter()
            .position(|&k| k == a)
            .map_or(&[][..], |p| &siblings[p + 1..]);
        if let Some(f) = first_field(after) {
            return Some(f);
        }
    }
    None
}

/// The outline node of task section `section`: the node itself, or for one sentence of a
/// prose paragraph ("2.p3.s1") the paragraph's node, so prose under an item inherits too.
fn node_of(tree: &crate::outline::Outline, section: &str) -> Option<usize> {
    let find = |path: &str| tree.nodes.iter().position(|n| n.path == path);
    find(section).or_else(|| {
        let (node, k) = section.rsplit_once(".s")?;
        k.parse::<usize>().ok()?;
        find(node)
    })
}

/// The deadline of outline item `section` (body paragraphs `paras`) beyond its own text
/// `own`: the time field of its block (in the outline, or right after it in the text), else
/// the date of a heading that says when its items must be done.
pub fn with_outline(
    text: &str,
    own: Option<Deadline>,
    tree: &crate::outline::Outline,
    body: &[String],
    (section, paras): (&str, &[usize]),
    ctx: &DateContext,
) -> Option<Deadline> {
    let dated = |d: &Deadline| d.due.is_some() || d.recurrence.is_some();
    if own.as_ref().is_some_and(dated) {
        return own;
    }
    let Some(i) = node_of(tree, section) else {
        return own;
    };
    let field = field_in_tree(tree, body, i, ctx)
        .or_else(|| paras.iter().max().and_then(|&l| field_after(body, l, ctx)));
    if let Some(f) = field {
        return with_field(own, f);
    }
    let heads: Vec<&str> = tree
        .ancestors(i)
        .into_iter()
        .filter_map(|a| tree.nodes[a].paras.first().and_then(|&p| body.get(p)))
        .map(String::as_str)
        .collect();
    with_heading(text, own, heading_deadline(&heads, ctx))
}
