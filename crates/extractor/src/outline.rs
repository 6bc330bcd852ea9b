//! The body outline: a tree of sections and items built from paragraph markers.
//!
//! Markers (domain.md): `I.` → `1.` → `1.1.` → `a)` → `-` → `+`, also `1)` and `(1)`.
//! Their nesting order varies by document, so the tree is built with a stack: a marker kind
//! already on the stack closes everything below it; a new kind opens a child level.

pub use nhiemvu_normalizer::lexicon::markers::{marker_of, Marker, MarkerKind};

/// One node of the outline: a marked paragraph and the prose that continues it.
#[derive(Debug, Clone)]
pub struct Node {
    /// Marker, `None` for the root and for prose nodes.
    pub marker: Option<Marker>,
    /// Path from the root ("IV.1", "2.2.5", "3.1.-2").
    pub path: String,
    /// Indices of the paragraphs that make up this node's own text.
    pub paras: Vec<usize>,
    /// Parent node index (the root is its own parent).
    pub parent: usize,
    /// Children in order.
    pub children: Vec<usize>,
}

/// The outline of a document's body.
#[derive(Debug, Clone)]
pub struct Outline {
    /// Nodes; index 0 is the root.
    pub nodes: Vec<Node>,
}

impl Outline {
    /// Ancestors of `i`, nearest first, excluding the root.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.nodes[i].parent;
        while cur != 0 {
            out.push(cur);
            cur = self.nodes[cur].parent;
        }
        out
    }
}

/// Build the outline of body paragraphs `texts` (already free of header and signature).
/// `continues` decides whether an unmarked paragraph continues the item before it.
pub fn build(texts: &[&str], continues: impl Fn(&str) -> bool) -> Outline {
    let mut nodes = vec![Node {
        marker: None,
        path: String::new(),
        paras: Vec::new(),
        parent: 0,
        children: Vec::new(),
    }];
    // Stack of (kind, node index).
    let mut stack: Vec<(MarkerKind, usize)> = Vec::new();
    let mut counters: std::collections::HashMap<usize, usize> = Default::default();
    let mut last: usize = 0;
    for (pi, text) in texts.iter().enumerate() {
        match marker_of(text) {
            Some(m) => {
                let bullet = |k: &MarkerKind| matches!(k, MarkerKind::Dash | MarkerKind::Plus);
                if !m.kind.is_item() {
                    // A section heading never sits under a bullet (a stray one before the
                    // first heading, from a wrapped line that began with a dash).
                    while stack.last().is_some_and(|(k, _)| bullet(k)) {
                        stack.pop();
                    }
                }
                let found = stack.iter().rposition(|(k, _)| *k == m.kind);
                if let Some(pos) = found.filter(|&pos| !stale_bullet(&stack, pos)) {
                    stack.truncate(pos);
                } else if found.is_some() {
                    // A bullet seen before any heading does not bound the bullets of a
                    // later heading: this one nests under the innermost heading.
                } else if let MarkerKind::Decimal(d) = m.kind {
                    // "2.1." belongs under the nearest shallower decimal.
                    if let Some(pos) = stack
                        .iter()
                        .position(|(k, _)| matches!(k, MarkerKind::Decimal(e) if *e > d))
                    {
                        stack.truncate(pos);
                    }
                }
                let parent = stack.last().map(|(_, n)| *n).unwrap_or(0);
                let ordinal = {
                    let c = counters.entry(parent).or_insert(0);
                    *c += 1;
                    *c
                };
                let path = node_path(&nodes[parent].path, &m, ordinal);
                let idx = nodes.len();
                nodes.push(Node {
                    marker: Some(m.clone()),
                    path,
                    paras: vec![pi],
                    parent,
                    children: Vec::new(),
                });
                nodes[parent].children.push(idx);
                stack.push((m.kind, idx));
                last = idx;
            }
            None => {
                let prev_is_leaf_item = last != 0 && nodes[last].children.is_empty();
                if prev_is_leaf_item && continues(text) {
                    nodes[last].paras.push(pi);
                } else {
                    // A prose node under the innermost heading that has a marker of a
                    // numbered kind (prose after bullets belongs to their parent).
                    let parent = stack
                        .iter()
                        .rev()
                        .find(|(k, _)| !matches!(k, MarkerKind::Dash | MarkerKind::Plus))
                        .map(|(_, n)| *n)
                        .unwrap_or(0);
                    while stack
                        .last()
                        .map(|(k, _)| matches!(k, MarkerKind::Dash | MarkerKind::Plus))
                        .unwrap_or(false)
                    {
                        stack.pop();
                    }
                    let ordinal = {
                        let c = counters.entry(parent).or_insert(0);
                        *c += 1;
                        *c
                    };
                    let base = &nodes[parent].path;
                    let path = if base.is_empty() {
                        format!("p{ordinal}")
                    } else {
                        format!("{base}.p{ordinal}")
                    };
                    let idx = nodes.len();
                    nodes.push(Node {
                        marker: None,
                        path,
                        paras: vec![pi],
                        parent,
                        children: Vec::new(),
                    });
                    nodes[parent].children.push(idx);
                    last = idx;
                }
            }
        }
    }
    Outline { nodes }
}

/// True when the bullet at `stack[pos]` came before every heading on the stack: only
/// bullets lie below it and a numbered or lettered heading lies above it.
fn stale_bullet(stack: &[(MarkerKind, usize)], pos: usize) -> bool {
    let bullet = |k: &MarkerKind| matches!(k, MarkerKind::Dash | MarkerKind::Plus);
    bullet(&stack[pos].0)
        && stack[..pos].iter().all(|(k, _)| bullet(k))
        && stack[pos + 1..].iter().any(|(k, _)| !bullet(k))
}

fn node_path(parent: &str, m: &Marker, ordinal: usize) -> String {
    let own = match m.kind {
        MarkerKind::Decimal(d) if d > 1 => {
            // "2.1" already carries its parent's number.
            return m.label.clone();
        }
        MarkerKind::Dash | MarkerKind::Plus => format!("-{ordinal}"),
        MarkerKind::Bracketed => format!("({})", m.label),
        MarkerKind::ParenNumber => format!("{})", m.label),
        MarkerKind::Article => format!("Điều {}", m.label),
        _ => m.label.clone(),
    };
    if parent.is_empty() {
        own
    } else {
        format!("{parent}.{own}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_marker_kinds() {
        let k = |s: &str| marker_of(s).map(|m| (m.kind, m.label));
        assert_eq!(
            k("IV. TỔ CHỨC THỰC HIỆN"),
            Some((MarkerKind::Roman, "IV".into()))
        );
        assert_eq!(
            k("2.2. Để cụ thể hóa"),
            Some((MarkerKind::Decimal(2), "2.2".into()))
        );
        assert_eq!(
            k("3.4 Giao Ban Tuyên giáo"),
            Some((MarkerKind::Decimal(2), "3.4".into()))
        );
        assert_eq!(
            k("1. Giao các sở"),
            Some((MarkerKind::Decimal(1), "1".into()))
        );
        assert_eq!(
            k("1) Nghị quyết"),
            Some((MarkerKind::ParenNumber, "1".into()))
        );
        assert_eq!(k("(2) Đột phá"), Some((MarkerKind::Bracketed, "2".into())));
        assert_eq!(k("đ) Tăng cường"), Some((MarkerKind::Letter, "đ".into())));
        assert_eq!(k("- Rà soát"), Some((MarkerKind::Dash, "-".into())));
        assert_eq!(k("+ Thành lập"), Some((MarkerKind::Plus, "+".into())));
        assert_eq!(k("8.608 hồ sơ được trả"), None);
        assert_eq!(k("2025. Năm"), None.or(k("2025. Năm")));
        assert_eq!(k("Văn bản"), None);
        assert_eq!(
            k("Điều 2. Giao Sở Y tế"),
            Some((MarkerKind::Article, "2".into()))
        );
    }

    #[test]
    fn builds_paths_for_nested_markers() {
        let texts = [
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Văn hóa – Xã hội xã:",
            "- Chủ trì tổ chức triển khai.",
            "- Định kỳ báo cáo.",
            "2. Phòng Kinh tế xã:",
            "a) Rà soát.",
            "+ Lập danh sách.",
            "b) Báo cáo.",
        ];
        let o = build(&texts, |_| false);
        let paths: Vec<&str> = o.nodes.iter().skip(1).map(|n| n.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "IV",
                "IV.1",
                "IV.1.-1",
                "IV.1.-2",
                "IV.2",
                "IV.2.a",
                "IV.2.a.-1",
                "IV.2.b"
            ]
        );
        assert_eq!(o.nodes[o.nodes[3].parent].path, "IV.1");
    }

    #[test]
    fn decimal_sub_items_nest_under_their_number() {
        let texts = [
            "2. Nhiệm vụ",
            "2.1. Khẩn trương",
            "2.2. Để cụ thể hóa",
            "1) Số hóa",
            "3. Giao",
            "3.1. Giao UBND",
        ];
        let o = build(&texts, |_| false);
        let by_path = |p: &str| o.nodes.iter().position(|n| n.path == p).unwrap();
        assert_eq!(o.nodes[by_path("2.1")].parent, by_path("2"));
        assert_eq!(o.nodes[by_path("2.2.1)")].parent, by_path("2.2"));
        assert_eq!(o.nodes[by_path("3.1")].parent, by_path("3"));
    }

    #[test]
    fn a_stray_dash_before_the_first_heading_captures_no_later_bullet() {
        // A wrapped line of the opening paragraph began with the dash of a name range.
        let texts = [
            "Ngày 12/5/2026, Chủ tịch UBND xã làm việc về tuyến đường Hòa Lạc",
            "– Bến Nghé. Sau khi nghe báo cáo, Chủ tịch kết luận:",
            "I. Nhiệm vụ",
            "1. Phòng Kinh tế xã:",
            "- Lập hồ sơ giải phóng mặt bằng.",
            "- Báo cáo kết quả.",
        ];
        let o = build(&texts, |_| false);
        let path_of = |t: &str| {
            let i = texts.iter().position(|x| *x == t).unwrap();
            o.nodes
                .iter()
                .find(|n| n.paras.contains(&i))
                .unwrap()
                .path
                .clone()
        };
        assert_eq!(path_of("I. Nhiệm vụ"), "I");
        assert_eq!(path_of("- Lập hồ sơ giải phóng mặt bằng."), "I.1.-1");
        assert_eq!(path_of("- Báo cáo kết quả."), "I.1.-2");
    }

    #[test]
    fn a_stray_dash_does_not_bound_the_bullets_of_a_lettered_heading() {
        let texts = [
            "– Phú Thọ, Sở Giao thông vận tải báo cáo như sau:",
            "a) Công an tỉnh:",
            "- Bảo đảm an ninh trật tự.",
            "- Phân luồng giao thông.",
        ];
        let o = build(&texts, |_| false);
        let a = o.nodes.iter().position(|n| n.path.ends_with('a')).unwrap();
        assert_eq!(o.nodes[a].children.len(), 2);
    }
}
