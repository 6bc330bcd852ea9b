//! End to end on a LibreOffice-made PDF laid out like an office document: the two-column
//! header is read, the real footnote is set apart and linked, tasks carry units and dates.

use std::path::Path;

#[test]
fn office_layout_pdf_gives_header_footnote_and_tasks() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/pdf/header_footnote.pdf");
    let rec = nhiemvu_extractor::process_file(&path, &Default::default());
    assert!(rec.error.is_none(), "{:?}", rec.error);
    let doc = rec.document.as_ref().unwrap();
    assert_eq!(doc.number.as_deref(), Some("146/KH-UBND"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2025-10-12")
    );
    assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Đắk Lắk"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Triển khai chuyển đổi số năm 2026")
    );
    assert_eq!(rec.footnotes.len(), 1);
    assert!(rec.footnotes[0].text.starts_with("Số liệu từ Hệ thống"));
    // The footnote body is not part of any task, and the marker is gone from the text.
    assert!(rec.tasks.iter().all(|t| !t.text.contains("Số liệu từ")));
    let first = &rec.tasks[0];
    assert_eq!(first.assignees[0].raw, "Sở Khoa học và Công nghệ");
    assert_eq!(first.coordinators[0].raw, "các đơn vị liên quan");
    assert_eq!(
        first.deadline.as_ref().unwrap().due.unwrap().to_string(),
        "2026-12-31"
    );
    // Provenance points at the task's words in the page text.
    let page = &rec.pages[first.provenance.page as usize - 1].text;
    assert!(page[first.provenance.start..].starts_with("1. Giao Sở Khoa học"));
}

#[test]
fn a_document_over_its_time_limit_is_a_time_limit_record_not_a_hang() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/pdf/header_footnote.pdf");
    let mut opts = nhiemvu_extractor::Options::default();
    opts.limits.time_limit = Some(std::time::Duration::ZERO);
    let rec = nhiemvu_extractor::process_file(&path, &opts);
    let err = rec.error.as_ref().expect("the zero budget is spent");
    assert_eq!(err.kind, "time_limit");
    assert!(err.message.contains("page 1"), "{}", err.message);
    assert!(rec.tasks.is_empty());
    assert_eq!(
        rec.source.sha256.len(),
        64,
        "the record still names its input"
    );

    // Text input is bounded by the same budget.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/seeds/000_cc8a43722e178857.txt");
    let text = std::fs::read(seed).expect("seed text");
    let rec = nhiemvu_extractor::process_bytes(&text, "seed.txt", &opts);
    assert_eq!(
        rec.error.map(|e| e.kind),
        Some(nhiemvu_model::ErrorKind::TimeLimit)
    );
}

#[test]
fn the_pipeline_reports_the_signatures_the_signature_reader_finds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/signed");
    for name in [
        "page_changed_after_signing.pdf",
        "sha256_single.pdf",
        "bad_signature.pdf",
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let rec = nhiemvu_extractor::process_bytes(&bytes, name, &Default::default());
        assert!(rec.error.is_none(), "{name}: {:?}", rec.error);
        let doc = nhiemvu_extractor::pdf::open(&bytes, &Default::default()).unwrap();
        let (want, warning) = nhiemvu_extractor::signature::for_record(&doc, &bytes);
        assert!(warning.is_none(), "{name}: {warning:?}");
        assert!(!want.is_empty(), "{name}");
        assert_eq!(rec.signatures, want, "{name}");
        // A signature that stops short of the end is compared with what was appended.
        let appended = rec.signatures[0].modified_after_signing.is_some();
        assert_eq!(appended, name == "page_changed_after_signing.pdf", "{name}");
    }
}
