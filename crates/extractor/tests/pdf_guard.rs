//! Hostile and broken PDFs: errors and warnings, never an abort or a printed panic.

mod pdf_support;

use nhiemvu_extractor::pdf::{read_pdf, Limits};
use nhiemvu_extractor::ExtractError;
use pdf_extract::content::Operation;
use pdf_extract::{dictionary, Object};
use pdf_support::{text_ops, Builder};

const LINE: &str = "Giao Sở Tài chính chủ trì thực hiện";

#[test]
fn self_drawing_form_is_refused_not_aborted() {
    let mut b = Builder::new(&[LINE]);
    let form = b.doc.new_object_id();
    let res = b.resources(dictionary! { "XObject" => dictionary! { "Fm0" => form } });
    let mut ops = text_ops(12.0, 72.0, 700.0, LINE);
    ops.push(Operation::new("Do", vec!["Fm0".into()]));
    let stream = pdf_extract::Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            "Resources" => res.clone(),
        },
        pdf_support::content(ops),
    );
    b.doc.objects.insert(form, Object::Stream(stream));
    b.page(vec![Operation::new("Do", vec!["Fm0".into()])]);
    // The page resources need the form too.
    let bytes = {
        let page_id = *b.doc.objects.keys().last().unwrap();
        let page = b.doc.get_dictionary_mut(page_id).unwrap();
        page.set("Resources", res);
        b.finish()
    };
    match read_pdf(&bytes, &Limits::default()) {
        Err(ExtractError::Limit(msg)) => assert!(msg.contains("draws itself"), "{msg}"),
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn form_cycle_through_missing_resources_is_refused() {
    // The form has no /Resources, so pdf-extract resolves its `Do` in the page resources,
    // which name the form itself: an indirect self-reference a resource-graph walk misses.
    let mut b = Builder::new(&[LINE]);
    let form = b.form(vec![Operation::new("Do", vec!["Fm0".into()])], None);
    let res = b.resources(dictionary! { "XObject" => dictionary! { "Fm0" => form } });
    b.page_raw(b"/Fm0 Do".to_vec(), res);
    let bytes = b.finish();
    assert!(matches!(
        read_pdf(&bytes, &Limits::default()),
        Err(ExtractError::Limit(_))
    ));
}

#[test]
fn two_form_cycle_and_excessive_depth_are_refused() {
    let mut b = Builder::new(&[LINE]);
    let a = b.doc.new_object_id();
    let fb = b.form(
        vec![Operation::new("Do", vec!["A".into()])],
        Some(dictionary! { "XObject" => dictionary! { "A" => a } }),
    );
    let fa = pdf_extract::Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "B" => fb } },
        },
        b"/B Do".to_vec(),
    );
    b.doc.objects.insert(a, Object::Stream(fa));
    let res = b.resources(dictionary! { "XObject" => dictionary! { "A" => a } });
    b.page_raw(b"/A Do".to_vec(), res);
    let bytes = b.finish();
    assert!(matches!(
        read_pdf(&bytes, &Limits::default()),
        Err(ExtractError::Limit(m)) if m.contains("draws itself")
    ));

    // A chain of 5 distinct forms, each drawing the next: fine by default, refused at depth 3.
    let mut b = Builder::new(&[LINE]);
    let mut inner = b.form(
        text_ops(12.0, 10.0, 10.0, LINE),
        Some(b.resources(dictionary! {})),
    );
    for _ in 0..4 {
        let res = dictionary! { "XObject" => dictionary! { "X" => inner } };
        inner = b.form(vec![Operation::new("Do", vec!["X".into()])], Some(res));
    }
    let res = b.resources(dictionary! { "XObject" => dictionary! { "X" => inner } });
    b.page_raw(b"/X Do".to_vec(), res);
    let bytes = b.finish();
    let ok = read_pdf(&bytes, &Limits::default()).expect("5 levels are allowed");
    assert_eq!(ok.pages[0].text, LINE);
    let shallow = Limits {
        max_xobject_depth: 3,
        ..Limits::default()
    };
    assert!(matches!(
        read_pdf(&bytes, &shallow),
        Err(ExtractError::Limit(m)) if m.contains("deeper than 3")
    ));
}

#[test]
fn panicking_operator_becomes_a_warning_and_other_pages_are_read() {
    let mut b = Builder::new(&[LINE]);
    b.page(text_ops(12.0, 72.0, 700.0, LINE));
    // `Tj` with a number operand: pdf-extract panics ("unexpected Tj operand").
    b.page_raw(
        b"BT /F1 12 Tf 72 700 Td 42 Tj ET".to_vec(),
        b.resources(dictionary! {}),
    );
    let bytes = b.finish();
    let out = read_pdf(&bytes, &Limits::default()).expect("document is read");
    assert_eq!(out.pages.len(), 2);
    assert_eq!(out.pages[0].text, LINE);
    assert_eq!(out.pages[1].text, "");
    assert_eq!(out.warnings.len(), 1);
    let w = &out.warnings[0];
    // The operator is skipped and named; the rest of its page is drawn (pdf-extract patch 6).
    assert_eq!((w.kind.as_str(), w.page), ("content_unreadable", Some(2)));
    assert!(w.message.contains("operator Tj"), "{}", w.message);
}

#[test]
fn text_before_any_font_is_skipped_and_a_missing_font_is_reported_on_its_page() {
    let mut b = Builder::new(&[LINE]);
    // No Tf before Tj: pdf-extract unwraps a missing font.
    b.page_raw(
        b"BT 72 700 Td <0041> Tj ET".to_vec(),
        b.resources(dictionary! {}),
    );
    // /F9 is not in the resources.
    b.page_raw(
        b"BT /F9 12 Tf 72 700 Td <0041> Tj ET".to_vec(),
        b.resources(dictionary! {}),
    );
    b.page(text_ops(12.0, 72.0, 700.0, LINE));
    let bytes = b.finish();
    let out = read_pdf(&bytes, &Limits::default()).expect("document is read");
    let failed: Vec<_> = out
        .warnings
        .iter()
        .map(|w| (w.kind.as_str(), w.page))
        .collect();
    // Text shown with no font is skipped silently, as poppler does; a font that cannot be
    // made (here: absent) is named, and the page is kept.
    assert_eq!(failed, vec![("content_unreadable", Some(2))]);
    assert!(
        out.warnings[0].message.contains("font /F9"),
        "{}",
        out.warnings[0].message
    );
    assert_eq!(out.pages[2].text, LINE);
}

#[test]
fn corrupt_compressed_stream_does_not_stop_the_document() {
    let mut b = Builder::new(&[LINE]);
    b.page(text_ops(12.0, 72.0, 700.0, LINE));
    let res = b.resources(dictionary! {});
    let page = b.page_raw(
        b"\x78\x9c\xff\xfe garbage that is not deflate".to_vec(),
        res,
    );
    let contents = b
        .doc
        .get_dictionary(page)
        .unwrap()
        .get(b"Contents")
        .unwrap()
        .as_reference()
        .unwrap();
    b.doc
        .get_object_mut(contents)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .dict
        .set("Filter", "FlateDecode");
    let bytes = b.finish();
    let out = read_pdf(&bytes, &Limits::default()).expect("document is read");
    assert_eq!(out.pages.len(), 2);
    assert_eq!(out.pages[0].text, LINE);
    assert!(out.pages[1].text.is_empty());
}

#[test]
fn decompression_bomb_is_refused_before_inflating() {
    use std::io::Write;
    let mut b = Builder::new(&[LINE]);
    // 4 MB of spaces compress to a few kB.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&vec![b' '; 4 << 20]).unwrap();
    let packed = z.finish().unwrap();
    assert!(packed.len() < 10_000);
    let res = b.resources(dictionary! {});
    let page = b.page_raw(packed, res);
    let contents = b
        .doc
        .get_dictionary(page)
        .unwrap()
        .get(b"Contents")
        .unwrap()
        .as_reference()
        .unwrap();
    b.doc
        .get_object_mut(contents)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .dict
        .set("Filter", "FlateDecode");
    let bytes = b.finish();
    let small = Limits {
        max_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    assert!(matches!(
        read_pdf(&bytes, &small),
        Err(ExtractError::Limit(m)) if m.contains("exceeds 1048576 bytes")
    ));
    // Under the default limit the same page is read (and is empty).
    let out = read_pdf(&bytes, &Limits::default()).expect("read");
    assert_eq!(out.pages[0].text, "");
}

#[test]
fn page_limit_and_bad_input_kinds() {
    let mut b = Builder::new(&[LINE]);
    b.page(text_ops(12.0, 72.0, 700.0, LINE));
    b.page(text_ops(12.0, 72.0, 700.0, LINE));
    let bytes = b.finish();
    let one = Limits {
        max_pages: 1,
        ..Limits::default()
    };
    assert!(matches!(read_pdf(&bytes, &one), Err(ExtractError::Limit(m)) if m.contains("2 pages")));

    let text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n".as_bytes();
    assert!(matches!(
        read_pdf(text, &Limits::default()),
        Err(ExtractError::NotPdf(_))
    ));

    let truncated = &bytes[..bytes.len() / 3];
    assert!(matches!(
        read_pdf(truncated, &Limits::default()),
        Err(ExtractError::Malformed(_)) | Ok(_)
    ));
    let junk = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF";
    assert!(matches!(
        read_pdf(junk, &Limits::default()),
        Err(ExtractError::Malformed(_))
    ));
}

#[test]
fn deeply_nested_arrays_do_not_overflow_the_stack() {
    // Nesting in the file body and in a content stream; lopdf caps object nesting at 100.
    let depth = 50_000;
    let mut body = b"%PDF-1.7\n1 0 obj\n".to_vec();
    body.extend(std::iter::repeat_n(b'[', depth));
    body.extend(std::iter::repeat_n(b']', depth));
    body.extend_from_slice(b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    assert!(read_pdf(&body, &Limits::default()).is_err());

    let mut b = Builder::new(&[LINE]);
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    content.extend(std::iter::repeat_n(b'[', depth));
    content.extend(std::iter::repeat_n(b']', depth));
    content.extend_from_slice(b" TJ ET");
    b.page(text_ops(12.0, 72.0, 700.0, LINE));
    let res = b.resources(dictionary! {});
    b.page_raw(content, res);
    let bytes = b.finish();
    let out = read_pdf(&bytes, &Limits::default()).expect("read");
    assert_eq!(out.pages[0].text, LINE);
}

#[test]
fn parent_loop_without_media_box_is_survived() {
    let mut b = Builder::new(&[LINE]);
    let page = b.page(text_ops(12.0, 72.0, 700.0, LINE));
    let pages_id = b.pages_id;
    let bytes = b.finish();
    // Rebuild: drop the page's MediaBox and make the page tree node its own parent.
    let mut doc = pdf_extract::Document::load_mem(&bytes).unwrap();
    doc.get_dictionary_mut(page).unwrap().remove(b"MediaBox");
    doc.get_dictionary_mut(pages_id)
        .unwrap()
        .set("Parent", Object::Reference(pages_id));
    let mut looped = Vec::new();
    doc.save_to(&mut looped).unwrap();
    let out = read_pdf(&looped, &Limits::default()).expect("read");
    assert_eq!(out.pages[0].text, LINE);
}
