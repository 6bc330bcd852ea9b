//! Small PDFs built in memory with lopdf (as re-exported by pdf-extract) for edge cases.
#![allow(dead_code)]

use pdf_extract::content::{Content, Operation};
use pdf_extract::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::collections::BTreeSet;

/// A document under construction: one page tree, one Unicode (Type0, Identity-H) font.
pub struct Builder {
    pub doc: Document,
    pub pages_id: ObjectId,
    pub font_id: ObjectId,
    kids: Vec<Object>,
}

/// A string shown with the builder's font: UTF-16BE codes, so the code is the code point.
pub fn utf16(text: &str) -> Object {
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `BT /F1 size Tf x y Td (text) Tj ET`.
pub fn text_ops(size: f32, x: f32, y: f32, text: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), size.into()]),
        Operation::new("Td", vec![x.into(), y.into()]),
        Operation::new("Tj", vec![utf16(text)]),
        Operation::new("ET", vec![]),
    ]
}

/// Encode operations as a content stream.
pub fn content(ops: Vec<Operation>) -> Vec<u8> {
    Content { operations: ops }
        .encode()
        .expect("encode content")
}

impl Builder {
    /// A builder whose font can show every character of `texts`.
    pub fn new(texts: &[&str]) -> Self {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let chars: BTreeSet<u16> = texts.iter().flat_map(|t| t.encode_utf16()).collect();
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             /CMapName /Test-UCS def /CMapType 2 def\n\
             1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
        );
        let chars: Vec<u16> = chars.into_iter().collect();
        for chunk in chars.chunks(100) {
            cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
            for c in chunk {
                cmap.push_str(&format!("<{c:04X}> <{c:04X}>\n"));
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "TestSerif",
            "Flags" => 32,
            "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 900.into()],
            "ItalicAngle" => 0,
            "Ascent" => 900,
            "Descent" => -200,
            "CapHeight" => 700,
            "StemV" => 80,
        });
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => "ABCDEF+TestSerif",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "DW" => 500,
        });
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "ABCDEF+TestSerif",
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => to_unicode,
        });
        Builder {
            doc,
            pages_id,
            font_id,
            kids: Vec::new(),
        }
    }

    /// Resources with the font as /F1 plus `extra` entries.
    pub fn resources(&self, extra: Dictionary) -> Dictionary {
        let mut r = dictionary! { "Font" => dictionary! { "F1" => self.font_id } };
        for (k, v) in extra.into_iter() {
            r.set(k, v);
        }
        r
    }

    /// A Form XObject with `ops`, using `resources`.
    pub fn form(&mut self, ops: Vec<Operation>, resources: Option<Dictionary>) -> ObjectId {
        let mut dict = dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 50.into()],
        };
        if let Some(r) = resources {
            dict.set("Resources", r);
        }
        self.doc.add_object(Stream::new(dict, content(ops)))
    }

    /// Add an A4 page with raw content bytes and `resources`; returns the page id.
    pub fn page_raw(&mut self, content: Vec<u8>, resources: Dictionary) -> ObjectId {
        let contents = self.doc.add_object(Stream::new(dictionary! {}, content));
        let page = self.doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => contents,
            "Resources" => resources,
        });
        self.kids.push(page.into());
        page
    }

    /// Add an A4 page drawing `ops` with the font as /F1.
    pub fn page(&mut self, ops: Vec<Operation>) -> ObjectId {
        let resources = self.resources(Dictionary::new());
        self.page_raw(content(ops), resources)
    }

    /// Finish the page tree and catalog (with `catalog_extra` entries) and serialise.
    pub fn finish_with(mut self, catalog_extra: Dictionary) -> Vec<u8> {
        let count = self.kids.len() as i64;
        self.doc.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => self.kids,
                "Count" => count,
            }),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => self.pages_id };
        for (k, v) in catalog_extra.into_iter() {
            catalog.set(k, v);
        }
        let catalog_id = self.doc.add_object(catalog);
        self.doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        self.doc.save_to(&mut out).expect("save");
        out
    }

    /// Finish with a plain catalog.
    pub fn finish(self) -> Vec<u8> {
        self.finish_with(Dictionary::new())
    }
}
