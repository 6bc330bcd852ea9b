//! A safe walk over a page's content streams, done before pdf-extract sees the page.
//!
//! pdf-extract recurses into every Form XObject a page draws with `Do`, without a depth limit
//! or a cycle check: a form that draws itself overflows the stack and aborts the process, which
//! `catch_unwind` cannot stop. This walk follows the same path pdf-extract will take (same
//! resource lookup, including its fallback to the caller's resources when a form has none),
//! with an explicit stack of the forms being drawn, so cycles, excessive nesting and
//! decompression bombs are refused first. On the way it notes the font of every shown string,
//! which pdf-extract does not report to its output device.

use super::caps::Notes;
use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

/// Why a page was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WalkError {
    /// A Form XObject draws itself, directly or through other forms.
    Cycle(ObjectId),
    /// Forms nest deeper than allowed.
    Depth(u32),
    /// The page's decoded content (forms counted each time they are drawn) is too large.
    Bytes(u64),
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WalkError::Cycle((n, g)) => write!(f, "Form XObject {n} {g} R draws itself"),
            WalkError::Depth(max) => write!(f, "Form XObjects nest deeper than {max} levels"),
            WalkError::Bytes(max) => write!(f, "decoded content exceeds {max} bytes"),
        }
    }
}

/// What the walk learned about a page.
#[derive(Debug, Default)]
pub(crate) struct PageFonts {
    /// Font names; index 0 is the unknown font.
    pub fonts: Vec<String>,
    /// Font index of every shown string, in drawing order.
    pub string_fonts: Vec<u16>,
    /// Decoded content bytes, forms counted each time they are drawn.
    pub bytes: u64,
    /// The page's own content, parsed, handed to pdf-extract so it is not parsed twice;
    /// `None` when it does not parse (pdf-extract then parses, and fails, by itself).
    pub content: Option<Content>,
    /// Why part of the page's content could not be read (read leniently around it).
    pub trouble: Option<String>,
    /// What the caps ([`super::caps`]) left out of the page, once each.
    pub capped: Vec<String>,
}

/// Walk limits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WalkLimits {
    /// Deepest Form XObject nesting.
    pub max_depth: u32,
    /// Most decoded content bytes.
    pub max_bytes: u64,
}

struct Walker<'a> {
    doc: &'a Document,
    notes: &'a Notes,
    limits: WalkLimits,
    out: PageFonts,
    font_index: HashMap<String, u16>,
    stack: Vec<ObjectId>,
    parsed: HashMap<ObjectId, (Rc<Content>, u64)>,
}

/// Walk the page `page_id` as pdf-extract will draw it.
/// `notes` are what the document-wide caps changed, by object ([`super::caps::defuse`]).
pub(crate) fn walk_page(
    doc: &Document,
    notes: &Notes,
    page_id: ObjectId,
    limits: WalkLimits,
) -> Result<PageFonts, WalkError> {
    let mut w = Walker {
        doc,
        notes,
        limits,
        out: PageFonts {
            fonts: vec![String::new()],
            ..PageFonts::default()
        },
        font_index: HashMap::new(),
        stack: Vec::new(),
        parsed: HashMap::new(),
    };
    let page = doc.get_dictionary(page_id).ok();
    let resources = page.and_then(|p| inherited_resources(doc, p));
    // The page content is the concatenation of its content streams.
    let mut content = Vec::new();
    for id in doc.get_page_contents(page_id) {
        if let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) {
            w.note(id);
            let remaining = w.remaining();
            let bytes = decoded(stream, remaining)?;
            w.charge(bytes.len() as u64)?;
            content.extend_from_slice(&bytes);
            // As `Document::get_page_content` joins them, so both parse the same operators.
            content.push(b'\n');
        }
    }
    let read = super::content::read(&content);
    read.capped.into_iter().for_each(|c| w.cap(c));
    w.walk(&read.content, resources, 0)?;
    w.out.content = Some(read.content);
    w.out.trouble = read.trouble;
    Ok(w.out)
}

/// `/Resources` of a page, inherited through `/Parent` like pdf-extract does.
fn inherited_resources<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    let mut node = page;
    for _ in 0..64 {
        if let Some(d) = deref(doc, node.get(b"Resources").ok()).and_then(|o| o.as_dict().ok()) {
            return Some(d);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Follow one reference, like pdf-extract's `maybe_deref`.
pub(crate) fn deref<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Object> {
    match o? {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// Largest decoded Form XObject the document-wide caps look into (a larger one is refused by
/// the walk's own size limit when a page draws it).
pub(crate) const MAX_FORM_BYTES: u64 = 64 << 20;

/// Decoded bytes of `stream`, refusing more than `max` bytes before inflating them all.
pub(crate) fn decoded(stream: &Stream, max: u64) -> Result<Vec<u8>, WalkError> {
    let Ok(filters) = stream.filters() else {
        return capped(stream.content.clone(), max);
    };
    if let Some(inner) = super::filters::without_text_filters(stream, &filters) {
        // lopdf does not decode ASCIIHex: the text filters in front are undone first.
        return decoded(&inner, max);
    }
    if filters
        .first()
        .map(|f| *f == b"FlateDecode")
        .unwrap_or(false)
    {
        // Inflate at most one byte over the limit, so a bomb is refused cheaply.
        let mut dec = flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(max + 1);
        let mut out = Vec::new();
        let read = dec.read_to_end(&mut out);
        if out.len() as u64 > max {
            return Err(WalkError::Bytes(max));
        }
        // The common case, plain Flate without predictors, is done; anything else (an
        // error, more filters, parameters) goes through lopdf as pdf-extract would.
        if read.is_ok() && filters.len() == 1 && stream.dict.get(b"DecodeParms").is_err() {
            return Ok(out);
        }
    }
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    capped(bytes, max)
}

fn capped(bytes: Vec<u8>, max: u64) -> Result<Vec<u8>, WalkError> {
    if bytes.len() as u64 > max {
        Err(WalkError::Bytes(max))
    } else {
        Ok(bytes)
    }
}

impl<'a> Walker<'a> {
    /// Note on the page what a cap left out, once.
    fn cap(&mut self, what: String) {
        if !self.out.capped.contains(&what) {
            self.out.capped.push(what);
        }
    }

    /// Note on the page what the document-wide caps changed in object `id`, if anything.
    fn note(&mut self, id: ObjectId) {
        if let Some(n) = self.notes.get(&id) {
            self.cap(n.clone());
        }
    }

    fn remaining(&self) -> u64 {
        self.limits.max_bytes.saturating_sub(self.out.bytes)
    }

    fn charge(&mut self, n: u64) -> Result<(), WalkError> {
        self.out.bytes = self.out.bytes.saturating_add(n);
        if self.out.bytes > self.limits.max_bytes {
            Err(WalkError::Bytes(self.limits.max_bytes))
        } else {
            Ok(())
        }
    }

    fn font_of(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> u16 {
        let doc = self.doc;
        let dict = resources
            .and_then(|r| deref(doc, r.get(b"Font").ok()))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| deref(doc, f.get(name).ok()))
            .and_then(|f| f.as_dict().ok());
        if let Some(Ok(cmap)) = dict
            .and_then(|d| d.get(b"ToUnicode").ok())
            .map(Object::as_reference)
        {
            self.note(cmap);
        }
        let base = dict
            .and_then(|f| deref(doc, f.get(b"BaseFont").ok()))
            .and_then(|b| b.as_name().ok())
            .map(|b| strip_subset(&String::from_utf8_lossy(b)).to_string())
            .unwrap_or_else(|| String::from_utf8_lossy(name).into_owned());
        if let Some(&i) = self.font_index.get(&base) {
            return i;
        }
        if self.out.fonts.len() >= u16::MAX as usize {
            return 0;
        }
        let i = self.out.fonts.len() as u16;
        self.out.fonts.push(base.clone());
        self.font_index.insert(base, i);
        i
    }

    fn walk(
        &mut self,
        content: &Content,
        resources: Option<&'a Dictionary>,
        depth: u32,
    ) -> Result<(), WalkError> {
        let mut font = 0u16;
        let mut saved: Vec<u16> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "q" => saved.push(font),
                "Q" => font = saved.pop().unwrap_or(font),
                "Tf" => {
                    if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                        font = self.font_of(resources, name);
                    }
                }
                "Tj" => {
                    if let Some(Object::String(..)) = op.operands.first() {
                        self.out.string_fonts.push(font);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = op.operands.first() {
                        for item in items {
                            if let Object::String(..) = item {
                                self.out.string_fonts.push(font);
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                        self.draw(resources, name, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn draw(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        depth: u32,
    ) -> Result<(), WalkError> {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| deref(doc, r.get(b"XObject").ok()))
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let Object::Reference(id) = entry else {
            // A direct stream cannot refer to itself; pdf-extract needs a stream here anyway.
            return Ok(());
        };
        let id = *id;
        if self.stack.contains(&id) {
            return Err(WalkError::Cycle(id));
        }
        if depth + 1 > self.limits.max_depth {
            return Err(WalkError::Depth(self.limits.max_depth));
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return Ok(());
        };
        let form_resources = deref(doc, stream.dict.get(b"Resources").ok())
            .and_then(|r| r.as_dict().ok())
            .or(resources);
        self.note(id);
        let (content, size) = match self.parsed.get(&id) {
            Some((c, n)) => (c.clone(), *n),
            None => {
                let bytes = decoded(stream, self.remaining())?;
                let n = bytes.len() as u64;
                let read = super::content::read(&bytes);
                read.capped.into_iter().for_each(|c| self.cap(c));
                let c = Rc::new(read.content);
                self.parsed.insert(id, (c.clone(), n));
                (c, n)
            }
        };
        self.charge(size)?;
        self.stack.push(id);
        let r = self.walk(&content, form_resources, depth + 1);
        self.stack.pop();
        r
    }
}

/// "ABCDEF+Times" → "Times": drop the subset tag of an embedded font subset.
pub(crate) fn strip_subset(name: &str) -> &str {
    let b = name.as_bytes();
    if b.len() > 7 && b[6] == b'+' && b[..6].iter().all(u8::is_ascii_uppercase) {
        &name[7..]
    } else {
        name
    }
}
