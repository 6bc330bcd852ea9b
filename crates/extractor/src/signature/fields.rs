//! Finding signature dictionaries: AcroForm `/Sig` fields first, then stray `/Type /Sig`.

use std::collections::HashSet;

use pdf_extract::Document;
use pdf_extract::{decode_text_string, Dictionary, Object, ObjectId};

use super::stamp;

/// Deepest field tree walked; real forms are a few levels deep.
const MAX_FIELD_DEPTH: usize = 32;
/// Most fields looked at, against hostile forms.
const MAX_FIELDS: usize = 10_000;

/// A signature dictionary and the field that holds it, as written in the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct SigField {
    /// Fully qualified field name ("parent.child").
    pub field: Option<String>,
    /// `/SubFilter`.
    pub sub_filter: Option<String>,
    /// `/ByteRange` numbers (negative or non-integer entries make it empty).
    pub byte_range: Vec<u64>,
    /// `/Contents` bytes (hex-decoded, zero padding included).
    pub contents: Vec<u8>,
    /// `/M`.
    pub signing_time: Option<String>,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// `/Name`.
    pub name: Option<String>,
    /// Text drawn by the field's widget appearance.
    pub stamp_text: Option<String>,
}

/// Every signature in the document, in AcroForm order, then stray ones by object number.
pub(crate) fn find_signatures(doc: &Document) -> Vec<SigField> {
    let mut out = Vec::new();
    let mut seen_values: HashSet<ObjectId> = HashSet::new();
    let mut visited: HashSet<ObjectId> = HashSet::new();
    if let Some(fields) = acroform_fields(doc) {
        for field in fields {
            walk_field(
                doc,
                field,
                None,
                None,
                0,
                &mut visited,
                &mut seen_values,
                &mut out,
            );
        }
    }
    for (id, obj) in &doc.objects {
        if seen_values.contains(id) {
            continue;
        }
        if let Ok(dict) = obj.as_dict() {
            if is_sig_dict(dict) {
                let mut sig = read_sig_dict(doc, dict);
                sig.field = None;
                out.push(sig);
            }
        }
    }
    out
}

/// The `/Fields` array of the catalog's `/AcroForm`.
fn acroform_fields(doc: &Document) -> Option<Vec<Object>> {
    let catalog = doc.catalog().ok()?;
    let form = catalog.get_deref(b"AcroForm", doc).ok()?.as_dict().ok()?;
    Some(
        form.get_deref(b"Fields", doc)
            .ok()?
            .as_array()
            .ok()?
            .clone(),
    )
}

/// Walks one field node and its `/Kids`, collecting signature values.
#[allow(clippy::too_many_arguments)]
fn walk_field(
    doc: &Document,
    node: Object,
    parent_name: Option<&str>,
    inherited_ft: Option<&[u8]>,
    depth: usize,
    visited: &mut HashSet<ObjectId>,
    seen_values: &mut HashSet<ObjectId>,
    out: &mut Vec<SigField>,
) {
    if depth > MAX_FIELD_DEPTH || visited.len() > MAX_FIELDS {
        return;
    }
    if let Object::Reference(id) = node {
        if !visited.insert(id) {
            return;
        }
    }
    let Ok((_, obj)) = doc.dereference(&node) else {
        return;
    };
    let Ok(dict) = obj.as_dict() else {
        return;
    };
    let partial = dict.get(b"T").ok().and_then(|t| decode_text_string(t).ok());
    let name = match (parent_name, partial) {
        (Some(p), Some(t)) => Some(format!("{p}.{t}")),
        (None, Some(t)) => Some(t),
        (p, None) => p.map(str::to_string),
    };
    let ft = dict
        .get(b"FT")
        .ok()
        .and_then(|o| o.as_name().ok())
        .or(inherited_ft);
    if ft == Some(b"Sig".as_slice()) {
        if let Ok(value) = dict.get(b"V") {
            let value_id = value.as_reference().ok();
            let fresh = match value_id {
                Some(id) => seen_values.insert(id),
                None => true,
            };
            if let (true, Ok((_, Object::Dictionary(sig_dict)))) = (fresh, doc.dereference(value)) {
                let mut sig = read_sig_dict(doc, sig_dict);
                sig.field = name.clone();
                sig.stamp_text = stamp::widget_text(doc, dict);
                out.push(sig);
            }
        }
    }
    if let Ok(kids) = dict.get_deref(b"Kids", doc).and_then(Object::as_array) {
        for kid in kids.clone() {
            walk_field(
                doc,
                kid,
                name.as_deref(),
                ft,
                depth + 1,
                visited,
                seen_values,
                out,
            );
        }
    }
}

/// A dictionary that looks like a signature value.
fn is_sig_dict(dict: &Dictionary) -> bool {
    let typed = dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Sig".as_slice());
    typed && dict.has(b"ByteRange") && dict.has(b"Contents")
}

/// Reads the entries of a signature dictionary.
fn read_sig_dict(doc: &Document, dict: &Dictionary) -> SigField {
    let text = |key: &[u8]| {
        dict.get_deref(key, doc)
            .ok()
            .and_then(|o| decode_text_string(o).ok())
            .map(|s| s.trim_end_matches('\0').to_string())
    };
    let byte_range = dict
        .get_deref(b"ByteRange", doc)
        .and_then(Object::as_array)
        .map(|a| {
            a.iter()
                .map(|n| n.as_i64().ok().and_then(|v| u64::try_from(v).ok()))
                .collect::<Option<Vec<u64>>>()
                .unwrap_or_default()
        })
        .unwrap_or_default();
    SigField {
        field: None,
        sub_filter: dict
            .get_deref(b"SubFilter", doc)
            .and_then(Object::as_name)
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned()),
        byte_range,
        contents: dict
            .get_deref(b"Contents", doc)
            .and_then(Object::as_str)
            .map(<[u8]>::to_vec)
            .unwrap_or_default(),
        signing_time: text(b"M"),
        reason: text(b"Reason"),
        location: text(b"Location"),
        name: text(b"Name"),
        stamp_text: None,
    }
}
