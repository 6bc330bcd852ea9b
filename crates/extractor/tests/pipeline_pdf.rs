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
    assert_eq!(doc.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"));
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
