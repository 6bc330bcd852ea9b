//! Text drawn by annotations: stamped numbers, signature stamps, filled fields.

mod pdf_support;

use nhiemvu_extractor::pdf::{read_pdf, Limits};
use nhiemvu_model::AnnotationKind;
use pdf_extract::content::Operation;
use pdf_extract::{dictionary, Dictionary, Object};
use pdf_support::{text_ops, utf16, Builder};

const BODY: &str = "Số: /KH-UBND";
const SIGNER: &str = "Ký bởi: Ủy ban nhân dân tỉnh Đắk Lắk";
const WHEN: &str = "Thời gian ký: 12.10.2025 08:30:15 +07:00";

fn two_lines(first: &str, second: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 9.into()]),
        Operation::new("Td", vec![2.into(), 30.into()]),
        Operation::new("Tj", vec![utf16(first)]),
        Operation::new("Td", vec![0.into(), (-11).into()]),
        Operation::new("Tj", vec![utf16(second)]),
        Operation::new("ET", vec![]),
    ]
}

fn stamped_document() -> Vec<u8> {
    let mut b = Builder::new(&[BODY, SIGNER, WHEN, "228", "146", "Đã xem"]);
    let page = b.page(text_ops(13.0, 90.0, 700.0, BODY));

    // 1. A widget whose appearance writes the number into the blank after "Số:".
    let number_ap = b.form(
        text_ops(13.0, 1.0, 3.0, "228"),
        Some(b.resources(dictionary! {})),
    );
    let number = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
        "T" => Object::string_literal("SoVanBan"),
        "Rect" => vec![112.into(), 697.into(), 140.into(), 712.into()],
        "AP" => dictionary! { "N" => number_ap },
        "P" => page,
    });

    // 2. A signature field (/FT /Sig on the parent) with a widget kid whose appearance has
    //    no /Resources: its font comes from the form's default resources /AcroForm /DR.
    let stamp_ap = b.form(two_lines(SIGNER, WHEN), None);
    let sig_field = b.doc.new_object_id();
    let stamp = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget",
        "Parent" => sig_field,
        "Rect" => vec![300.into(), 100.into(), 500.into(), 150.into()],
        "AP" => dictionary! { "N" => stamp_ap },
        "F" => 4,
    });
    b.doc.objects.insert(
        sig_field,
        Object::Dictionary(dictionary! {
            "FT" => "Sig",
            "T" => Object::string_literal("Signature1"),
            "Kids" => vec![stamp.into()],
        }),
    );

    // 3. A text field with a value but no appearance.
    let value = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
        "T" => Object::string_literal("SoDen"),
        "V" => Object::string_literal("146"),
        "Rect" => vec![400.into(), 700.into(), 450.into(), 712.into()],
    });

    // 4. A hidden FreeText annotation: not read.
    let hidden_ap = b.form(
        text_ops(10.0, 1.0, 3.0, "Đã xem"),
        Some(b.resources(dictionary! {})),
    );
    let hidden = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "FreeText", "F" => 2,
        "Rect" => vec![50.into(), 50.into(), 100.into(), 60.into()],
        "AP" => dictionary! { "N" => hidden_ap },
    });

    // 5. A visible FreeText annotation.
    let note_ap = b.form(
        text_ops(10.0, 1.0, 3.0, "Đã xem"),
        Some(b.resources(dictionary! {})),
    );
    let note = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "FreeText",
        "Rect" => vec![50.into(), 760.into(), 100.into(), 772.into()],
        "AP" => dictionary! { "N" => note_ap },
    });

    b.doc.get_dictionary_mut(page).unwrap().set(
        "Annots",
        vec![
            number.into(),
            stamp.into(),
            value.into(),
            hidden.into(),
            note.into(),
        ],
    );
    let dr: Dictionary = b.resources(dictionary! {});
    let acroform = b.doc.add_object(dictionary! {
        "Fields" => vec![number.into(), sig_field.into(), value.into()],
        "DR" => dr,
    });
    b.finish_with(dictionary! { "AcroForm" => acroform })
}

#[test]
fn widget_appearances_and_values_become_annotation_text() {
    let out = read_pdf(&stamped_document(), &Limits::default()).expect("read");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(
        out.pages.len(),
        1,
        "synthetic appearance pages must not show up as pages"
    );
    let page = &out.pages[0];
    // Annotation text is kept apart from the page text.
    assert_eq!(page.text, BODY);
    let a = &page.annotations;
    assert_eq!(a.len(), 4, "{a:#?}");

    assert_eq!(a[0].kind, AnnotationKind::Widget);
    assert_eq!(a[0].field.as_deref(), Some("SoVanBan"));
    assert!(!a[0].signature_field);
    assert_eq!(a[0].text, "228");
    assert_eq!((a[0].rect.x0, a[0].rect.y1), (112.0, 712.0));

    assert_eq!(a[1].kind, AnnotationKind::Widget);
    assert_eq!(a[1].field.as_deref(), Some("Signature1"));
    assert!(a[1].signature_field);
    assert_eq!(a[1].text, format!("{SIGNER}\n{WHEN}"));
    assert_eq!(a[1].rect.x1, 500.0);

    assert_eq!(a[2].field.as_deref(), Some("SoDen"));
    assert_eq!(a[2].text, "146");

    assert_eq!(a[3].kind, AnnotationKind::FreeText);
    assert_eq!(a[3].field, None);
    assert_eq!(a[3].text, "Đã xem");
}

/// A cycle in an annotation's appearance loses that annotation (with a warning on its page),
/// not the document: the page text is read.
#[test]
fn self_drawing_appearance_loses_the_annotation_not_the_document() {
    let mut b = Builder::new(&[BODY]);
    let page = b.page(text_ops(13.0, 90.0, 700.0, BODY));
    let ap = b.doc.new_object_id();
    let stream = pdf_extract::Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Me" => ap } },
        },
        b"/Me Do".to_vec(),
    );
    b.doc.objects.insert(ap, Object::Stream(stream));
    let widget = b.doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget",
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
        "AP" => dictionary! { "N" => ap },
    });
    b.doc
        .get_dictionary_mut(page)
        .unwrap()
        .set("Annots", vec![widget.into()]);
    let bytes = b.finish();
    let content = read_pdf(&bytes, &Limits::default()).expect("the document is read");
    assert_eq!(content.pages.len(), 1);
    assert!(
        content.pages[0].text.contains("KH-UBND"),
        "{}",
        content.pages[0].text
    );
    assert!(content.pages[0].annotations.is_empty());
    let w = content
        .warnings
        .iter()
        .find(|w| w.kind == nhiemvu_model::WarningKind::AnnotationFailed)
        .unwrap_or_else(|| panic!("{:?}", content.warnings));
    assert_eq!(w.page, Some(1));
    assert!(w.message.contains("draws itself"), "{}", w.message);
}
