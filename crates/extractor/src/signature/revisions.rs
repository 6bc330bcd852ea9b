//! What the bytes appended after a signed range change: the signed revision (the file cut at
//! the end of the `/ByteRange`) is compared with the whole file, page by page.
//!
//! Adding signatures, form fields or annotations in incremental updates is normal (a second
//! signer, the issuing office's stamp); changing page content or the page list means what a
//! reader sees is not what was signed, even though the signature itself still verifies.

use std::collections::{HashMap, HashSet};

use pdf_extract::Document;
use pdf_extract::{Dictionary, Object, ObjectId};
use serde::Serialize;

/// Most objects compared, against hostile or huge files.
const COMPARE_BUDGET: usize = 200_000;
/// Deepest nesting followed while comparing.
const MAX_DEPTH: usize = 64;
/// Page attributes a page may inherit from its ancestors.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];
/// Catalog entries that signing and form filling legitimately touch.
const FORM_CATALOG_KEYS: [&[u8]; 3] = [b"AcroForm", b"DSS", b"Perms"];

/// How far the appended revisions go, from harmless to content-changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppendedChange {
    /// The appended bytes change no page, annotation or catalog entry.
    NothingVisible,
    /// Only signature fields, their widgets and signature data were added (pdfsig's
    /// "Not total document signed" on a valid signature).
    SignaturesOnly,
    /// Other annotations or form fields were added, changed or removed; page content is as signed.
    FormsAndAnnotations,
    /// Catalog entries other than the form changed (open action, names, outlines…).
    DocumentStructure,
    /// Page content, resources, boxes or the page list changed: the visible text is not the signed one.
    PageContent,
    /// The signed revision or the whole file could not be read for comparison.
    Unreadable,
}

/// Facts about the bytes after a signature's signed range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppendedRevision {
    /// Number of bytes after the signed range.
    pub appended_bytes: u64,
    /// The most serious kind of change found.
    pub change: AppendedChange,
    /// Pages (1-based, in the current file) whose content differs from the signed revision.
    pub changed_pages: Vec<u32>,
    /// What was seen, one line each ("page 1: content changed").
    pub notes: Vec<String>,
    /// Annotations other than signature widgets added or changed, with page and text.
    pub annotations: Vec<nhiemvu_model::ChangedAnnotation>,
}

/// Compares the signed revision `signed` with the whole file `now`.
pub(crate) fn compare(
    signed: Option<&Document>,
    now: &Document,
    appended_bytes: u64,
) -> AppendedRevision {
    let mut out = AppendedRevision {
        appended_bytes,
        change: AppendedChange::NothingVisible,
        changed_pages: Vec::new(),
        notes: Vec::new(),
        annotations: Vec::new(),
    };
    let Some(signed) = signed else {
        out.change = AppendedChange::Unreadable;
        out.notes
            .push("the file cut at the end of the signed range does not open as a PDF".into());
        return out;
    };
    let mut cmp = Comparer::new(signed, now);

    let before = signed.get_pages();
    let after = now.get_pages();
    if before.len() != after.len() {
        raise(
            &mut out,
            AppendedChange::PageContent,
            format!(
                "page count changed from {} to {}",
                before.len(),
                after.len()
            ),
        );
    }
    for (&number, &id_now) in &after {
        let Some(&id_signed) = before.get(&number) else {
            out.changed_pages.push(number);
            continue;
        };
        if !cmp.same_page(id_signed, id_now) {
            out.changed_pages.push(number);
            raise(
                &mut out,
                AppendedChange::PageContent,
                format!("page {number}: content, resources or boxes changed"),
            );
        }
        for change in cmp.annotation_changes(id_signed, id_now) {
            if let Some((verb, subtype, text)) = change.shown {
                // A visible change on the page: the page is named, with what it now says.
                if !out.changed_pages.contains(&number) {
                    out.changed_pages.push(number);
                }
                out.annotations.push(nhiemvu_model::ChangedAnnotation {
                    page: number,
                    change: verb.to_string(),
                    subtype,
                    text,
                });
            }
            raise(
                &mut out,
                change.kind,
                format!("page {number}: {}", change.note),
            );
        }
    }

    if let (Ok(cat_signed), Ok(cat_now)) = (signed.catalog(), now.catalog()) {
        let keys: HashSet<&[u8]> = cat_signed
            .iter()
            .chain(cat_now.iter())
            .map(|(k, _)| k.as_slice())
            .collect();
        let mut keys: Vec<&[u8]> = keys.into_iter().collect();
        keys.sort();
        for key in keys {
            if key == b"Pages" {
                continue; // compared page by page above
            }
            let same = match (cat_signed.get(key), cat_now.get(key)) {
                (Ok(a), Ok(b)) => cmp.same(a, b, 0),
                (Err(_), Err(_)) => true,
                _ => false,
            };
            if !same {
                let name = String::from_utf8_lossy(key);
                if FORM_CATALOG_KEYS.contains(&key) {
                    raise(
                        &mut out,
                        AppendedChange::SignaturesOnly,
                        format!("catalog /{name} updated"),
                    );
                } else {
                    raise(
                        &mut out,
                        AppendedChange::DocumentStructure,
                        format!("catalog /{name} changed"),
                    );
                }
            }
        }
    } else {
        raise(
            &mut out,
            AppendedChange::Unreadable,
            "a catalog is missing".into(),
        );
    }
    out
}

/// Records a change of `kind`, keeping the most serious one.
fn raise(out: &mut AppendedRevision, kind: AppendedChange, note: String) {
    out.change = out.change.max(kind);
    out.notes.push(note);
}

/// Structural comparison of objects across two documents, following references.
struct Comparer<'a> {
    a: &'a Document,
    b: &'a Document,
    budget: usize,
    /// Reference pairs being compared now (assumed equal, which closes cycles).
    in_progress: HashSet<(ObjectId, ObjectId)>,
    /// Reference pairs already compared, with the answer.
    known: HashMap<(ObjectId, ObjectId), bool>,
}

impl<'a> Comparer<'a> {
    fn new(a: &'a Document, b: &'a Document) -> Self {
        Comparer {
            a,
            b,
            budget: COMPARE_BUDGET,
            in_progress: HashSet::new(),
            known: HashMap::new(),
        }
    }

    /// Pages are the same apart from their annotations.
    fn same_page(&mut self, pa: ObjectId, pb: ObjectId) -> bool {
        let (Ok(da), Ok(db)) = (self.a.get_dictionary(pa), self.b.get_dictionary(pb)) else {
            return false;
        };
        if !self.same_dict(da, db, &[b"Annots", b"Parent"], 0) {
            return false;
        }
        INHERITED.iter().all(|key| {
            let va = inherited(self.a, da, key);
            let vb = inherited(self.b, db, key);
            match (va, vb) {
                (Some(x), Some(y)) => self.same(&x, &y, 0),
                (None, None) => true,
                _ => false,
            }
        })
    }

    /// Annotations added, changed or removed on a page, each with its kind.
    fn annotation_changes(&mut self, pa: ObjectId, pb: ObjectId) -> Vec<AnnotChange> {
        let list = |doc: &Document, page: ObjectId| -> Vec<Object> {
            doc.get_dictionary(page)
                .ok()
                .and_then(|d| d.get_deref(b"Annots", doc).ok())
                .and_then(|o| o.as_array().ok())
                .cloned()
                .unwrap_or_default()
        };
        let before = list(self.a, pa);
        let after = list(self.b, pb);
        let mut out = Vec::new();
        let mut matched = HashSet::new();
        for annot in &after {
            let twin = before.iter().position(|old| match (old, annot) {
                (Object::Reference(x), Object::Reference(y)) => x == y,
                _ => false,
            });
            let unchanged = match twin {
                Some(i) => {
                    matched.insert(i);
                    self.same(&before[i], annot, 0)
                }
                None => before.iter().enumerate().any(|(i, old)| {
                    !matched.contains(&i) && !matches!(old, Object::Reference(_)) && old == annot
                }),
            };
            if unchanged {
                continue;
            }
            let verb = if twin.is_some() { "changed" } else { "added" };
            let (kind, what) = classify(self.b, annot);
            let shown = (kind != AppendedChange::SignaturesOnly).then(|| {
                let (subtype, text) = shown_text(self.b, annot);
                (verb, subtype, text)
            });
            out.push(AnnotChange {
                kind,
                note: format!("{what} {verb}"),
                shown,
            });
        }
        for (i, old) in before.iter().enumerate() {
            let kept = matched.contains(&i)
                || !matches!(old, Object::Reference(_)) && after.iter().any(|a| a == old);
            if !kept {
                let (_, what) = classify(self.a, old);
                out.push(AnnotChange {
                    kind: AppendedChange::FormsAndAnnotations,
                    note: format!("{what} removed"),
                    shown: None,
                });
            }
        }
        out
    }

    /// Deep equality of `x` (in `a`) and `y` (in `b`).
    fn same(&mut self, x: &Object, y: &Object, depth: usize) -> bool {
        if self.budget == 0 || depth > MAX_DEPTH {
            return false;
        }
        self.budget -= 1;
        match (x, y) {
            (Object::Reference(ia), Object::Reference(ib)) => {
                let pair = (*ia, *ib);
                if let Some(&answer) = self.known.get(&pair) {
                    return answer;
                }
                if !self.in_progress.insert(pair) {
                    return true;
                }
                let answer = match (self.a.get_object(*ia), self.b.get_object(*ib)) {
                    // A page referred to from elsewhere (an open action, a link): its own
                    // annotations are compared separately, page by page.
                    (Ok(Object::Dictionary(da)), Ok(Object::Dictionary(db)))
                        if is_page(da) && is_page(db) =>
                    {
                        self.same_dict(da, db, &[b"Annots"], depth + 1)
                    }
                    (Ok(oa), Ok(ob)) => self.same(oa, ob, depth + 1),
                    (Err(_), Err(_)) => true,
                    _ => false,
                };
                self.in_progress.remove(&pair);
                self.known.insert(pair, answer);
                answer
            }
            (Object::Reference(ia), other) => match self.a.get_object(*ia) {
                Ok(oa) => self.same(oa, other, depth + 1),
                Err(_) => false,
            },
            (other, Object::Reference(ib)) => match self.b.get_object(*ib) {
                Ok(ob) => self.same(other, ob, depth + 1),
                Err(_) => false,
            },
            (Object::Dictionary(da), Object::Dictionary(db)) => self.same_dict(da, db, &[], depth),
            (Object::Stream(sa), Object::Stream(sb)) => {
                sa.content == sb.content && self.same_dict(&sa.dict, &sb.dict, &[], depth)
            }
            (Object::Array(va), Object::Array(vb)) => {
                va.len() == vb.len() && va.iter().zip(vb).all(|(p, q)| self.same(p, q, depth + 1))
            }
            _ => x == y,
        }
    }

    /// Deep equality of two dictionaries, ignoring `skip` keys and back-pointers (`/Parent`, `/P`).
    fn same_dict(
        &mut self,
        da: &Dictionary,
        db: &Dictionary,
        skip: &[&[u8]],
        depth: usize,
    ) -> bool {
        let ignored = |k: &[u8]| skip.contains(&k) || k == b"Parent" || k == b"P";
        let keys_a: Vec<&[u8]> = da
            .iter()
            .map(|(k, _)| k.as_slice())
            .filter(|k| !ignored(k))
            .collect();
        let keys_b = db.iter().filter(|(k, _)| !ignored(k)).count();
        if keys_a.len() != keys_b {
            return false;
        }
        keys_a.into_iter().all(|k| match (da.get(k), db.get(k)) {
            (Ok(va), Ok(vb)) => self.same(va, vb, depth + 1),
            _ => false,
        })
    }
}

/// A dictionary of `/Type /Page`.
fn is_page(dict: &Dictionary) -> bool {
    dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Page".as_slice())
}

/// A page attribute, looked up through `/Parent` when the page does not hold it.
fn inherited(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<Object> {
    let mut node = page.clone();
    for _ in 0..MAX_DEPTH {
        if let Ok(v) = node.get(key) {
            return Some(v.clone());
        }
        let parent = node.get_deref(b"Parent", doc).ok()?.as_dict().ok()?.clone();
        node = parent;
    }
    None
}

/// One annotation change on a page: its kind, a note, and for an annotation that shows
/// something (not a signature widget) added or changed, the verb, its subtype and its text.
struct AnnotChange {
    kind: AppendedChange,
    note: String,
    shown: Option<(&'static str, String, String)>,
}

/// The subtype of an annotation and its text: `/Contents`, else the field value `/V`, else
/// the strings its normal appearance shows.
fn shown_text(doc: &Document, annot: &Object) -> (String, String) {
    let Some(dict) = doc
        .dereference(annot)
        .ok()
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return (String::new(), String::new());
    };
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let string = |key: &[u8]| match dict.get_deref(key, doc) {
        Ok(Object::String(bytes, _)) => Some(pdf_text(bytes)),
        _ => None,
    };
    let text = string(b"Contents")
        .or_else(|| string(b"V"))
        .filter(|t| !t.trim().is_empty())
        .or_else(|| appearance_strings(doc, dict))
        .unwrap_or_default();
    (subtype, text)
}

/// The strings shown (`Tj`, `TJ`) by an annotation's normal appearance, space-joined: the
/// bytes as Latin-1 (a stamped number is digits and ASCII), or `None`.
fn appearance_strings(doc: &Document, dict: &Dictionary) -> Option<String> {
    let ap = dict.get_deref(b"AP", doc).ok()?.as_dict().ok()?;
    let normal = ap.get_deref(b"N", doc).ok()?.as_stream().ok()?;
    let data = crate::pdf::decoded_capped(normal, 1 << 20)?;
    let content = pdf_extract::content::Content::decode(&data).ok()?;
    let mut parts = Vec::new();
    for op in content.operations {
        for o in op.operands {
            let items = match o {
                Object::Array(items) => items,
                other => vec![other],
            };
            for item in items {
                if let Object::String(bytes, _) = item {
                    parts.push(bytes.iter().map(|&b| b as char).collect::<String>());
                }
            }
        }
    }
    let text = parts.join("");
    (!text.trim().is_empty()).then_some(text)
}

/// A PDF text string: UTF-16BE with its byte-order mark, else PDFDocEncoding read as Latin-1.
fn pdf_text(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Kind and short description of an annotation.
fn classify(doc: &Document, annot: &Object) -> (AppendedChange, String) {
    let Ok((_, obj)) = doc.dereference(annot) else {
        return (
            AppendedChange::FormsAndAnnotations,
            "unreadable annotation".into(),
        );
    };
    let Ok(dict) = obj.as_dict() else {
        return (
            AppendedChange::FormsAndAnnotations,
            "unreadable annotation".into(),
        );
    };
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_else(|_| "untyped".into());
    if subtype == "Widget" && field_type(doc, dict).as_deref() == Some(b"Sig".as_slice()) {
        return (AppendedChange::SignaturesOnly, "signature widget".into());
    }
    if subtype == "Widget" {
        return (
            AppendedChange::FormsAndAnnotations,
            "form field widget".into(),
        );
    }
    (
        AppendedChange::FormsAndAnnotations,
        format!("{subtype} annotation"),
    )
}

/// The field type (`/FT`) of a widget, looked up through its parents.
fn field_type(doc: &Document, dict: &Dictionary) -> Option<Vec<u8>> {
    let mut node = dict.clone();
    for _ in 0..MAX_DEPTH {
        if let Ok(ft) = node.get(b"FT").and_then(Object::as_name) {
            return Some(ft.to_vec());
        }
        node = node.get_deref(b"Parent", doc).ok()?.as_dict().ok()?.clone();
    }
    None
}
