//! Annotation text: signature stamps, stamped numbers, filled form fields.
//!
//! pdf-extract never reads `/Annots`. For every widget, FreeText annotation, or other
//! annotation with a normal appearance (`/AP /N`), we add a synthetic page to the document
//! whose only content draws that appearance Form XObject, and run it through the same glyph
//! collector as real pages: pdf-extract then decodes the text with the appearance's own fonts
//! (or the form's default resources `/AcroForm /DR` when the appearance has none). A text field
//! without an appearance falls back to its `/V` value.

use super::walk::deref;
use nhiemvu_model::{AnnotationKind, Rect};
use pdf_extract::{decode_text_string, dictionary, Dictionary, Document, Object, ObjectId, Stream};

/// Name under which a synthetic page's resources hold the appearance.
const AP_NAME: &[u8] = b"NhvAp";

/// An annotation whose text is to be read.
#[derive(Debug, Clone)]
pub(crate) struct AnnotSpec {
    /// Subtype, as the model knows it.
    pub kind: AnnotationKind,
    /// Fully qualified field name (`/T` of the field and its parents, joined by '.').
    pub field: Option<String>,
    /// Field type `/Sig`, inherited from parents.
    pub signature_field: bool,
    /// `/Rect`, normalised.
    pub rect: Rect,
    /// The synthetic page drawing the appearance, once added.
    pub appearance_page: Option<ObjectId>,
    /// `/V` text value, the fallback when the appearance shows nothing.
    pub value: Option<String>,
    appearance: Option<Appearance>,
}

#[derive(Debug, Clone)]
enum Appearance {
    Indirect(ObjectId),
    Direct(Box<Stream>),
}

/// Annotations of one page worth reading, at most `max` of them; also says whether some
/// were left out.
pub(crate) fn page_annotations(
    doc: &Document,
    page_id: ObjectId,
    max: usize,
) -> (Vec<AnnotSpec>, bool) {
    let mut out = Vec::new();
    let Some(annots) = doc
        .get_dictionary(page_id)
        .ok()
        .and_then(|p| deref(doc, p.get(b"Annots").ok()))
        .and_then(|a| a.as_array().ok())
    else {
        return (out, false);
    };
    let mut dropped = false;
    for item in annots {
        let Some(dict) = deref(doc, Some(item)).and_then(|d| d.as_dict().ok()) else {
            continue;
        };
        if let Some(spec) = spec_of(doc, dict) {
            if out.len() >= max {
                dropped = true;
                break;
            }
            out.push(spec);
        }
    }
    (out, dropped)
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    deref(doc, dict.get(key).ok()).and_then(|o| o.as_name().ok())
}

fn spec_of(doc: &Document, dict: &Dictionary) -> Option<AnnotSpec> {
    let subtype = name_of(doc, dict, b"Subtype").unwrap_or(b"");
    if subtype == b"Popup" {
        return None;
    }
    let flags = deref(doc, dict.get(b"F").ok())
        .and_then(|f| f.as_i64().ok())
        .unwrap_or(0);
    if flags & 2 != 0 {
        // Hidden.
        return None;
    }
    let kind = match subtype {
        b"Widget" => AnnotationKind::Widget,
        b"FreeText" => AnnotationKind::FreeText,
        _ => AnnotationKind::Other,
    };
    let appearance = appearance_of(doc, dict);
    let chain = field_chain(doc, dict);
    let field_type = chain.iter().find_map(|d| name_of(doc, d, b"FT"));
    let value = chain
        .iter()
        .find_map(|d| deref(doc, d.get(b"V").ok()))
        .filter(|v| matches!(v, Object::String(..)))
        .and_then(|v| decode_text_string(v).ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let contents = if kind == AnnotationKind::FreeText {
        deref(doc, dict.get(b"Contents").ok())
            .and_then(|v| decode_text_string(v).ok())
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    } else {
        None
    };
    if appearance.is_none() && value.is_none() && contents.is_none() {
        return None;
    }
    if kind == AnnotationKind::Other && appearance.is_none() {
        return None;
    }
    let mut names: Vec<String> = chain
        .iter()
        .rev()
        .filter_map(|d| deref(doc, d.get(b"T").ok()))
        .filter_map(|t| decode_text_string(t).ok())
        .collect();
    names.retain(|n| !n.is_empty());
    let field = (!names.is_empty()).then(|| names.join("."));
    Some(AnnotSpec {
        kind,
        field,
        signature_field: field_type == Some(b"Sig"),
        rect: rect_of(doc, dict),
        appearance_page: None,
        value: value.or(contents),
        appearance,
    })
}

/// The annotation and its field ancestors, nearest first (at most 32 levels).
fn field_chain<'a>(doc: &'a Document, dict: &'a Dictionary) -> Vec<&'a Dictionary> {
    let mut chain = vec![dict];
    let mut seen: Vec<ObjectId> = Vec::new();
    let mut node = dict;
    while chain.len() < 32 {
        let Some(Ok(parent)) = node.get(b"Parent").ok().map(Object::as_reference) else {
            break;
        };
        if seen.contains(&parent) {
            break;
        }
        seen.push(parent);
        let Ok(p) = doc.get_dictionary(parent) else {
            break;
        };
        chain.push(p);
        node = p;
    }
    chain
}

fn rect_of(doc: &Document, dict: &Dictionary) -> Rect {
    let nums: Vec<f32> = deref(doc, dict.get(b"Rect").ok())
        .and_then(|r| r.as_array().ok())
        .map(|a| {
            a.iter()
                .filter_map(|o| deref(doc, Some(o)))
                .filter_map(|o| o.as_float().ok())
                .collect()
        })
        .unwrap_or_default();
    if nums.len() < 4 || nums.iter().any(|n| !n.is_finite()) {
        return Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 0.0,
            y1: 0.0,
        };
    }
    Rect {
        x0: nums[0].min(nums[2]),
        y0: nums[1].min(nums[3]),
        x1: nums[0].max(nums[2]),
        y1: nums[1].max(nums[3]),
    }
}

/// The normal appearance stream, choosing the `/AS` state when `/N` holds several.
fn appearance_of(doc: &Document, dict: &Dictionary) -> Option<Appearance> {
    let ap = deref(doc, dict.get(b"AP").ok())?.as_dict().ok()?;
    let n = ap.get(b"N").ok()?;
    let pick = |o: &Object| -> Option<Appearance> {
        match o {
            Object::Reference(id) => doc
                .get_object(*id)
                .ok()
                .and_then(|t| t.as_stream().ok())
                .map(|_| Appearance::Indirect(*id)),
            Object::Stream(s) => Some(Appearance::Direct(Box::new(s.clone()))),
            _ => None,
        }
    };
    if let Some(a) = pick(n) {
        return Some(a);
    }
    let states = deref(doc, Some(n))?.as_dict().ok()?;
    let state = name_of(doc, dict, b"AS")?;
    pick(states.get(state).ok()?)
}

/// Add one synthetic page per annotation appearance at the end of the page tree.
///
/// Real pages keep their numbers; returns `false` when the page tree could not be extended.
pub(crate) fn add_appearance_pages(doc: &mut Document, specs: &mut [AnnotSpec]) -> bool {
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok())
    else {
        return false;
    };
    let default_resources: Dictionary = doc
        .catalog()
        .ok()
        .and_then(|c| deref(doc, c.get(b"AcroForm").ok()))
        .and_then(|a| a.as_dict().ok())
        .and_then(|a| deref(doc, a.get(b"DR").ok()))
        .and_then(|r| r.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    let mut new_kids = Vec::new();
    for spec in specs.iter_mut() {
        let form_id = match spec.appearance.take() {
            Some(Appearance::Indirect(id)) => id,
            Some(Appearance::Direct(s)) => doc.add_object(Object::Stream(*s)),
            None => continue,
        };
        let bbox = doc
            .get_object(form_id)
            .ok()
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| deref(doc, s.dict.get(b"BBox").ok()))
            .and_then(|b| b.as_array().ok())
            .filter(|b| b.len() == 4 && b.iter().all(|n| n.as_float().is_ok()))
            .cloned()
            .unwrap_or_else(|| {
                let r = spec.rect;
                vec![
                    0.into(),
                    0.into(),
                    (r.x1 - r.x0).into(),
                    (r.y1 - r.y0).into(),
                ]
            });
        let mut resources = default_resources.clone();
        resources.set(
            "XObject",
            dictionary! { AP_NAME => Object::Reference(form_id) },
        );
        let contents = doc.add_object(Stream::new(dictionary! {}, b"/NhvAp Do".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => Object::Reference(root),
            "MediaBox" => bbox,
            "Resources" => resources,
            "Contents" => Object::Reference(contents),
        });
        spec.appearance_page = Some(page);
        new_kids.push(Object::Reference(page));
    }
    if new_kids.is_empty() {
        return true;
    }
    let kids_ref = doc
        .get_dictionary(root)
        .ok()
        .and_then(|r| r.get(b"Kids").ok())
        .and_then(|k| k.as_reference().ok());
    let kids = match kids_ref {
        Some(id) => doc.get_object_mut(id).and_then(Object::as_array_mut),
        None => doc
            .get_dictionary_mut(root)
            .and_then(|r| r.get_mut(b"Kids"))
            .and_then(Object::as_array_mut),
    };
    match kids {
        Ok(kids) => {
            kids.extend(new_kids);
            true
        }
        Err(_) => false,
    }
}
