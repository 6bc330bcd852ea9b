//! A scanned page's own image: the one JPEG (DCTDecode) a scanner puts on each page, taken
//! byte for byte, when its resolution is good enough to read as it is.

use super::{Wanted, NATIVE_MIN_DPI};
use pdf_extract::{Document, Object, ObjectId};
use std::path::{Path, PathBuf};

/// A page's JPEG and its resolution.
#[derive(Debug)]
pub(super) struct NativeImage {
    jpeg: Vec<u8>,
    /// Dots per inch at the page's size.
    pub(super) dpi: u32,
}

impl NativeImage {
    /// Write the JPEG beside `base`; returns its path.
    pub(super) fn write(&self, base: &Path) -> Result<PathBuf, String> {
        let path = base.with_extension("jpg");
        std::fs::write(&path, &self.jpeg).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

/// Where the image of a page to OCR comes from.
#[derive(Debug)]
pub(super) enum Source {
    /// The page's own JPEG.
    Native(NativeImage),
    /// The page rendered by `pdftoppm`.
    Render,
    /// Nothing drawn on the page (no text, no image, next to no content): nothing to read.
    Blank,
}

/// Largest content stream of a page that counts as drawing nothing, bytes.
const BLANK_CONTENT: usize = 256;

/// For each wanted page, where its image comes from: its native image when the page is one
/// JPEG of at least [`NATIVE_MIN_DPI`] and has no text, else a rendering.
pub(super) fn page_images(bytes: &[u8], wanted: &[Wanted]) -> Vec<Source> {
    let render = || wanted.iter().map(|_| Source::Render).collect();
    if wanted.iter().all(|w| w.has_text) {
        return render();
    }
    let Ok(doc) = crate::pdf::open(bytes, &Default::default()) else {
        return render();
    };
    let pages = doc.get_pages();
    wanted
        .iter()
        .map(|w| match pages.get(&w.number) {
            Some(id) if !w.has_text => source(&doc, *id),
            _ => Source::Render,
        })
        .collect()
}

/// The source of a page without text.
fn source(doc: &Document, page: ObjectId) -> Source {
    if let Some(img) = native(doc, page) {
        return Source::Native(img);
    }
    let drawn = crate::pdf::drawn_bytes(doc, page, BLANK_CONTENT + 1);
    let has_xobjects = doc
        .get_page_resources(page)
        .ok()
        .and_then(|(res, _)| res.map(|r| r.has(b"XObject")))
        .unwrap_or(true);
    if drawn <= BLANK_CONTENT && !has_xobjects {
        Source::Blank
    } else {
        Source::Render
    }
}

/// The page's only image when it is a JPEG of a good resolution.
fn native(doc: &Document, page: ObjectId) -> Option<NativeImage> {
    let images = doc.get_page_images(page).ok()?;
    let [img] = images.as_slice() else {
        return None;
    };
    let filters = img.filters.as_deref().unwrap_or_default();
    if filters != ["DCTDecode"] || img.width <= 0 {
        return None;
    }
    let width_pt = page_width(doc, page)?;
    let dpi = (img.width as f32 * 72.0 / width_pt).round() as u32;
    (dpi >= NATIVE_MIN_DPI).then(|| NativeImage {
        jpeg: img.content.to_vec(),
        dpi,
    })
}

/// The width of the page's MediaBox in points (inherited from the page tree if need be).
fn page_width(doc: &Document, page: ObjectId) -> Option<f32> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(Object::Array(b)) = node.get(b"MediaBox").map(|o| match o {
            Object::Reference(r) => doc.get_object(*r).unwrap_or(o),
            _ => o,
        }) {
            let n: Vec<f32> = b.iter().filter_map(|o| o.as_float().ok()).collect();
            return (n.len() == 4 && n[2] > n[0]).then(|| n[2] - n[0]);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}
