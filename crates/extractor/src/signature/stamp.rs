//! Text drawn by a signature widget's appearance: the visible stamp ("228", "28", "Ký bởi: …").

use std::collections::HashSet;

use pdf_extract::content::Content;
use pdf_extract::Document;
use pdf_extract::{Dictionary, Object, ObjectId, Stream};

/// Deepest nesting of form XObjects followed (Adobe's n0/n2 layers use two or three).
const MAX_FORM_DEPTH: usize = 8;
/// Most content bytes read from one appearance, against hostile files.
const MAX_CONTENT: usize = 4 << 20;

/// Text of the normal appearance of `field`'s widget (the field itself or its first kid).
pub(crate) fn widget_text(doc: &Document, field: &Dictionary) -> Option<String> {
    let widget = if field.has(b"AP") {
        field
    } else {
        field
            .get_deref(b"Kids", doc)
            .ok()?
            .as_array()
            .ok()?
            .iter()
            .filter_map(|k| doc.dereference(k).ok()?.1.as_dict().ok())
            .find(|d| d.has(b"AP"))?
    };
    let normal = widget
        .get_deref(b"AP", doc)
        .ok()?
        .as_dict()
        .ok()?
        .get(b"N")
        .ok()?;
    let (id, obj) = doc.dereference(normal).ok()?;
    let (id, stream) = match obj {
        Object::Stream(s) => (id, s),
        // Appearance states: the one named by /AS, else the first.
        Object::Dictionary(states) => {
            let wanted = widget.get(b"AS").and_then(Object::as_name).ok();
            let chosen = wanted
                .and_then(|w| states.get(w).ok())
                .or_else(|| states.iter().next().map(|(_, v)| v))?;
            let (id, obj) = doc.dereference(chosen).ok()?;
            (id, obj.as_stream().ok()?)
        }
        _ => return None,
    };
    let mut lines = Vec::new();
    let mut visited = HashSet::new();
    if let Some(id) = id {
        visited.insert(id);
    }
    form_text(doc, stream, 0, &mut visited, &mut lines);
    let text: Vec<String> = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    (!text.is_empty()).then(|| text.join("\n"))
}

/// Appends the text of one form XObject's content to `lines`, one line per text object.
fn form_text(
    doc: &Document,
    form: &Stream,
    depth: usize,
    visited: &mut HashSet<ObjectId>,
    lines: &mut Vec<String>,
) {
    if depth > MAX_FORM_DEPTH {
        return;
    }
    let Ok(data) = form.decompressed_content() else {
        return;
    };
    if data.len() > MAX_CONTENT {
        return;
    }
    let Ok(content) = Content::decode(&data) else {
        return;
    };
    let resources = form
        .dict
        .get_deref(b"Resources", doc)
        .and_then(Object::as_dict)
        .ok();
    let mut font: Option<&Dictionary> = None;
    let mut line = String::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "BT" | "ET" if !line.is_empty() => lines.push(std::mem::take(&mut line)),
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|name| {
                        resources?
                            .get_deref(b"Font", doc)
                            .ok()?
                            .as_dict()
                            .ok()?
                            .get_deref(name, doc)
                            .ok()?
                            .as_dict()
                            .ok()
                    });
            }
            "Tj" | "'" | "\"" => {
                if let Some(Object::String(bytes, _)) = op.operands.last() {
                    line.push_str(&decode(doc, font, bytes));
                }
            }
            "TJ" => {
                for item in op
                    .operands
                    .first()
                    .and_then(|a| a.as_array().ok())
                    .into_iter()
                    .flatten()
                {
                    match item {
                        Object::String(bytes, _) => line.push_str(&decode(doc, font, bytes)),
                        // A large negative kerning is a word gap.
                        n if n.as_float().is_ok_and(|v| v < -200.0) => line.push(' '),
                        _ => {}
                    }
                }
            }
            "Td" | "TD" | "T*" | "Tm" => line.push(' '),
            "Do" => {
                let Some(name) = op.operands.first().and_then(|n| n.as_name().ok()) else {
                    continue;
                };
                let Some(xobject) = resources
                    .and_then(|r| r.get_deref(b"XObject", doc).ok())
                    .and_then(|x| x.as_dict().ok())
                    .and_then(|x| x.get(name).ok())
                else {
                    continue;
                };
                if let Object::Reference(id) = xobject {
                    if !visited.insert(*id) {
                        continue;
                    }
                }
                if let Ok((_, Object::Stream(sub))) = doc.dereference(xobject) {
                    let is_form = sub.dict.get(b"Subtype").and_then(Object::as_name).ok()
                        == Some(b"Form".as_slice());
                    if is_form {
                        if !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                        }
                        form_text(doc, sub, depth + 1, visited, lines);
                    }
                }
            }
            _ => {}
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
}

/// Text of a string operand under `font`; Latin-1 when the font's encoding is unknown.
fn decode(doc: &Document, font: Option<&Dictionary>, bytes: &[u8]) -> String {
    font.and_then(|f| f.get_font_encoding(doc).ok())
        .and_then(|enc| Document::decode_text(&enc, bytes).ok())
        .unwrap_or_else(|| bytes.iter().map(|&b| char::from(b)).collect())
}
