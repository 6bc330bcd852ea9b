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
mod tests;
