//! Tests of `table`.

use super::*;
use chrono::NaiveDate;
use nhiemvu_model::{Deadline, Metadata, Moment, Provenance, Source, SourceFormat};

fn unit(name: &str, raw: &str) -> Unit {
    Unit {
        name: name.into(),
        raw: raw.into(),
    }
}

fn record() -> DocumentRecord {
    let mut rec = DocumentRecord::new(Source::new(
        "corpus/a/146-KH.pdf",
        "ff",
        4,
        SourceFormat::Pdf,
    ));
    rec.document = Some(Metadata {
        kind: DocKind::KeHoach,
        number: Some("146/KH-UBND".into()),
        issuer: Some("Ủy ban nhân dân tỉnh Đắk Lắk".into()),
        date: NaiveDate::from_ymd_opt(2025, 10, 21),
        ..Default::default()
    });
    rec.tasks.push(Task {
        id: "t-1".into(),
        section: "IV.1".into(),
        text: "Thành lập Trang Zalo OA, nâng cấp Cổng thông tin điện tử phường, \"đạt 100%\""
            .into(),
        assignees: vec![unit(
            "Trung tâm Phục vụ hành chính công phường",
            "Trung tâm Phục vụ hành chính công phường",
        )],
        coordinators: vec![
            unit("Sở Khoa học và Công nghệ", "Sở KH&CN"),
            unit("", "các đơn vị liên quan"),
        ],
        assignees_rule: None,
        coordinators_rule: None,
        deadline: Some(Deadline {
            due: Some(Moment::Date(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap())),
            start: None,
            recurrence: None,
            ongoing: false,
            raw: "trong quý II/2026".into(),
            due_rule: None,
        }),
        targets: vec![],
        provenance: Provenance {
            page: 3,
            start: 10,
            end: 40,
            end_page: Some(4),
        },
    });
    let mut second = rec.tasks[0].clone();
    second.id = "t-2".into();
    second.text = "- Thường xuyên cập nhật; báo cáo\nkết quả".into();
    second.deadline = Some(Deadline {
        due: None,
        start: None,
        recurrence: None,
        ongoing: true,
        raw: "thường xuyên".into(),
        due_rule: None,
    });
    second.provenance.end_page = None;
    rec.tasks.push(second);
    rec
}

fn read(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(UTF8_BOM));
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[UTF8_BOM.len()..]);
    r.records()
        .map(|row| row.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn header_then_one_row_per_task_round_trips_through_a_csv_reader() {
    let mut w = CsvWriter::new(Vec::new()).unwrap();
    w.write(&record()).unwrap();
    let rows = read(&w.into_inner().unwrap());
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], TASK_COLUMNS);
    assert_eq!(rows[1][0], "1");
    assert_eq!(rows[1][1], record().tasks[0].text);
    assert_eq!(
        rows[1][2..10],
        [
            "Trung tâm Phục vụ hành chính công phường",
            "Sở Khoa học và Công nghệ; các đơn vị liên quan",
            "2026-06-30",
            "trong quý II/2026",
            "Kế hoạch 146/KH-UBND · 2025-10-21 · Ủy ban nhân dân tỉnh Đắk Lắk",
            "3-4",
            "Không có chữ ký số",
            "",
        ]
    );
    assert_eq!(rows[1][10..], ["t-1", "corpus/a/146-KH.pdf"]);
    // A newline and a leading dash survive, the dash guarded against formulas.
    assert_eq!(rows[2][0], "2");
    assert_eq!(rows[2][1], "'- Thường xuyên cập nhật; báo cáo\nkết quả");
    assert_eq!(rows[2][4], "", "no due date");
    assert_eq!(rows[2][5], "thường xuyên");
    assert_eq!(rows[2][7], "3");
}

#[test]
fn numbering_runs_across_documents_and_a_failed_one_gets_a_row_with_its_reason() {
    let failed = DocumentRecord::failed(
        Source::new("x.pdf", "", 0, SourceFormat::Pdf),
        nhiemvu_model::ErrorInfo {
            kind: nhiemvu_model::ErrorKind::Empty,
            message: "the file is empty".into(),
        },
    );
    let mut w = CsvWriter::new(Vec::new()).unwrap();
    w.write(&record()).unwrap();
    w.write(&failed).unwrap();
    w.write(&record()).unwrap();
    assert_eq!(w.rows(), 4);
    assert_eq!(w.empty_documents(), 1);
    let rows = read(&w.into_inner().unwrap());
    let stt: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(stt, ["1", "2", "", "3", "4"]);
    assert!(
        rows[3][9].contains("empty") && rows[3][11] == "x.pdf",
        "{:?}",
        rows[3]
    );
}

#[test]
fn caller_headers_and_crlf_rows() {
    let headers = [
        "No", "Task", "Lead", "Support", "Due", "Phrase", "Doc", "Page", "Sig", "Note", "id",
        "path",
    ];
    let w = CsvWriter::with_headers(Vec::new(), headers).unwrap();
    let bytes = w.into_inner().unwrap();
    assert_eq!(
        &bytes[UTF8_BOM.len()..],
        b"No,Task,Lead,Support,Due,Phrase,Doc,Page,Sig,Note,id,path\r\n"
    );
}
