//! Tests of `xlsx`: the workbook read back with a real reader (calamine).

use super::*;
use calamine::{open_workbook, Data, Reader, Xlsx};

/// The seed outputs kept as regression fixtures, plus a failed record.
fn records() -> Vec<DocumentRecord> {
    crate::fixtures::expected_with_failure(
        "seeds",
        "scan.pdf",
        nhiemvu_model::ErrorKind::MalformedPdf,
    )
}

#[test]
fn the_workbook_reads_back_with_its_sheets_dates_and_every_document() {
    let recs = records();
    let tasks: usize = recs.iter().map(|r| r.tasks.len()).sum();
    assert!(tasks > 50);
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let bytes = workbook(&recs, as_of, &Completions::new()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), SHEETS.map(String::from).to_vec());

    let sheet = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(sheet.height(), tasks + 1, "a header and one row per task");
    assert_eq!(sheet.get((0, 4)), Some(&Data::String("Hạn".into())));
    let dated = (1..sheet.height())
        .filter(|&r| matches!(sheet.get((r, 4)), Some(Data::DateTime(_))))
        .count();
    let with_due = recs
        .iter()
        .flat_map(|r| &r.tasks)
        .filter(|t| t.deadline.as_ref().is_some_and(|d| d.due.is_some()))
        .count();
    assert_eq!(dated, with_due, "every due date is a real date cell");

    let docs = wb.worksheet_range("Văn bản").unwrap();
    assert_eq!(
        docs.height(),
        recs.len() + 1,
        "every document, the failed one too"
    );
    let last = docs.rows().next_back().unwrap();
    assert_eq!(last[0], Data::String("scan.pdf".into()));
    assert!(
        last[9].to_string().contains("malformed_pdf"),
        "{:?}",
        last[9]
    );

    let units = wb.worksheet_range("Theo đơn vị").unwrap();
    let total_row = units.rows().next_back().unwrap();
    assert_eq!(total_row[0], Data::String("Tổng cộng".into()));
    assert_eq!(total_row[1].to_string(), tasks.to_string());
    let overview = wb.worksheet_range("Tổng quan").unwrap();
    let n_docs = overview.rows().find(|r| r[0] == "Tổng số văn bản").unwrap();
    assert_eq!(n_docs[1].to_string(), recs.len().to_string());
}
