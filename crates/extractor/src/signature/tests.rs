//! Tests of `signature`.

use super::pdf_date_rfc3339;

#[test]
fn pdf_dates_become_rfc3339_with_their_offset() {
    let cases = [
        ("D:20250328091500+07'00'", Some("2025-03-28T09:15:00+07:00")),
        ("D:20250328091500+07'00", Some("2025-03-28T09:15:00+07:00")),
        ("D:20250328091500Z", Some("2025-03-28T09:15:00+00:00")),
        ("D:2025032809", Some("2025-03-28T09:00:00+00:00")),
        ("20251231235959-05'30'", Some("2025-12-31T23:59:59-05:30")),
        ("D:20251332000000Z", None),
        ("hôm qua", None),
    ];
    for (raw, want) in cases {
        assert_eq!(pdf_date_rfc3339(raw).as_deref(), want, "{raw}");
    }
}

fn signed(name: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/signed");
    std::fs::read(root.join(name)).unwrap()
}

/// `base` with an incremental update that adds a FreeText annotation saying `text` to
/// page 1 (object `page`, whose `/Annots` array is direct): what a forger appends to stamp
/// a fake number on a signed document.
fn with_annotation_added(base: &[u8], page: u32, text: &str) -> Vec<u8> {
    let find_last = |hay: &[u8], needle: &[u8]| {
        hay.windows(needle.len())
            .rposition(|w| w == needle)
            .expect("in the file")
    };
    let head = format!("\n{page} 0 obj");
    let start = find_last(base, head.as_bytes()) + 1;
    let end = start + find_last(&base[start..], b"endobj") + 6;
    let body = String::from_utf8_lossy(&base[start..end]).into_owned();
    let prev = String::from_utf8_lossy(&base[find_last(base, b"startxref") + 9..])
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let size: u32 = {
        let s = String::from_utf8_lossy(&base[find_last(base, b"/Size")..]).into_owned();
        s[5..]
            .trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let root = {
        let s = String::from_utf8_lossy(&base[find_last(base, b"/Root")..]).into_owned();
        s[5..]
            .trim_start()
            .split('R')
            .next()
            .unwrap()
            .trim()
            .to_string()
            + " R"
    };
    let annot = size;
    let utf16: String = std::iter::once(0xFEFFu16)
        .chain(text.encode_utf16())
        .map(|u| format!("{u:04X}"))
        .collect();
    let mut out = base.to_vec();
    out.push(b'\n');
    let annot_at = out.len();
    out.extend_from_slice(
        format!(
            "{annot} 0 obj\n<</Type/Annot/Subtype/FreeText/Rect[400 760 560 790]/DA(/Helv 12 Tf 0 g)/Contents<{utf16}>>>\nendobj\n"
        )
        .as_bytes(),
    );
    let page_at = out.len();
    assert!(body.contains("/Annots ["), "{body}");
    out.extend_from_slice(
        body.replace("/Annots [", &format!("/Annots [{annot} 0 R "))
            .as_bytes(),
    );
    out.push(b'\n');
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "xref\n{page} 1\n{page_at:010} 00000 n \n{annot} 1\n{annot_at:010} 00000 n \ntrailer\n<</Size {}/Root {root}/Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n",
            annot + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn an_annotation_added_after_signing_names_its_page_and_text() {
    let bytes = with_annotation_added(&signed("sha256_single.pdf"), 1, "Số: 999/QĐ-UBND");
    let sigs = super::read_signatures_detailed(&bytes).unwrap();
    assert_eq!(sigs.len(), 1);
    let m = sigs[0].modified_after_signing.as_ref().expect("appended");
    assert_eq!(m.changed_pages, [1], "{m:?}");
    assert_eq!(m.annotations.len(), 1, "{m:?}");
    let a = &m.annotations[0];
    assert_eq!(
        (a.page, a.change.as_str(), a.subtype.as_str()),
        (1, "added", "FreeText")
    );
    assert_eq!(a.text, "Số: 999/QĐ-UBND");
    // The signed bytes themselves are intact: the signature still verifies.
    assert_eq!(
        sigs[0].signature.status,
        Some(nhiemvu_model::SignatureStatus::Valid)
    );
}

#[test]
fn a_file_cut_short_keeps_its_complete_signatures_and_says_it_is_truncated() {
    let whole = signed("two_signatures_stamp.pdf");
    let cut = &whole[..whole.len() - 500];
    let doc = crate::pdf::open(cut, &Default::default()).unwrap();
    let (sigs, warning) = super::for_record(&doc, cut);
    assert_eq!(sigs.len(), 2, "{sigs:?}");
    assert_eq!(sigs[0].status, Some(nhiemvu_model::SignatureStatus::Valid));
    assert_ne!(sigs[1].status, Some(nhiemvu_model::SignatureStatus::Valid));
    let w = warning.expect("a truncation warning");
    assert!(
        w.message.starts_with("the file is truncated"),
        "{}",
        w.message
    );
    assert!(
        w.message
            .contains("1 signature(s) with a complete byte range"),
        "{}",
        w.message
    );
    // The whole file has no such warning.
    let doc = crate::pdf::open(&whole, &Default::default()).unwrap();
    assert!(super::for_record(&doc, &whole).1.is_none());
}
