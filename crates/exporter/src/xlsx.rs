//! The workbook offices sort and filter (rust_xlsxwriter): sheets Tổng quan (totals),
//! Theo trạng thái (tasks by status), Theo đơn vị (the status grid per lead unit), Nhiệm vụ
//! (every task, due dates as real date cells) and Văn bản (every document, those without a
//! task too, with signature status and the reason). Every sheet has frozen headers and an
//! autofilter.

use crate::labels;
use crate::table::kind_label;
use crate::tracking::{
    grid_by_lead, no_task_reason, signature_label, signature_state, track_all, unit_name,
    Completions, Status, Tracked,
};
use crate::ExportError;
use chrono::{Datelike, NaiveDate};
use nhiemvu_model::DocumentRecord;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Xlsx(e.to_string())
    }
}

/// Sheet names, in workbook order.
pub const SHEETS: [&str; 5] = [
    "Tổng quan",
    "Theo trạng thái",
    "Theo đơn vị",
    "Nhiệm vụ",
    "Văn bản",
];

/// The task sheet's columns.
const TASK_HEADERS: [&str; 12] = [
    "STT",
    "Nội dung nhiệm vụ",
    labels::LEAD_UNIT,
    labels::COORD_UNIT,
    "Hạn",
    "Thời hạn (nguyên văn)",
    "Trạng thái",
    "Số ngày còn lại",
    "Văn bản giao",
    "Trang",
    "task_id",
    "Tệp",
];

/// The workbook of `records` judged on `as_of`, as bytes.
pub fn workbook(
    records: &[DocumentRecord],
    as_of: NaiveDate,
    completions: &Completions,
) -> Result<Vec<u8>, ExportError> {
    let tasks = track_all(records, as_of, completions);
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut wb = Workbook::new();
    overview(wb.add_worksheet(), records, &tasks, as_of, &bold, &date)?;
    by_status(wb.add_worksheet(), &tasks, &bold, &date)?;
    by_unit(wb.add_worksheet(), &tasks, &bold)?;
    task_sheet(wb.add_worksheet(), &tasks, &bold, &date)?;
    documents(wb.add_worksheet(), records, &bold, &date)?;
    Ok(wb.save_to_buffer()?)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// Header row in bold, frozen, with an autofilter over `rows` data rows.
fn header(ws: &mut Worksheet, names: &[&str], rows: usize, bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in names.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows as u32, names.len() as u16 - 1)?;
    Ok(())
}

fn overview(
    ws: &mut Worksheet,
    records: &[DocumentRecord],
    tasks: &[Tracked<'_>],
    as_of: NaiveDate,
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[0])?;
    let (_, total) = grid_by_lead(tasks);
    let failed = records.iter().filter(|r| r.error.is_some()).count();
    let silent = records
        .iter()
        .filter(|r| r.error.is_none() && r.tasks.is_empty())
        .count();
    let mut rows: Vec<(String, f64)> = vec![
        ("Tổng số văn bản".into(), records.len() as f64),
        ("Văn bản lỗi".into(), failed as f64),
        ("Văn bản không có nhiệm vụ".into(), silent as f64),
        ("Tổng số nhiệm vụ".into(), total.total() as f64),
    ];
    for s in Status::ALL {
        rows.push((s.label().to_string(), total.get(s) as f64));
    }
    header(ws, &["Chỉ tiêu", "Số lượng"], rows.len() + 1, bold)?;
    ws.write_string(1, 0, "Ngày đánh giá")?;
    ws.write_datetime_with_format(1, 1, &excel_date(as_of)?, date)?;
    for (i, (label, n)) in rows.iter().enumerate() {
        ws.write_string(i as u32 + 2, 0, label)?;
        ws.write_number(i as u32 + 2, 1, *n)?;
    }
    ws.set_column_width(0, 34)?;
    Ok(())
}

fn by_status(
    ws: &mut Worksheet,
    tasks: &[Tracked<'_>],
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[1])?;
    let names = [
        "Trạng thái",
        "Nội dung nhiệm vụ",
        labels::LEAD_UNIT,
        "Hạn",
        "task_id",
    ];
    header(ws, &names, tasks.len(), bold)?;
    let mut sorted: Vec<&Tracked<'_>> = tasks.iter().collect();
    sorted.sort_by_key(|t| (t.status, t.due));
    for (i, t) in sorted.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, t.status.label())?;
        ws.write_string(r, 1, &t.task.text)?;
        ws.write_string(r, 2, units(&t.task.assignees))?;
        if let Some(d) = t.due {
            ws.write_datetime_with_format(r, 3, &excel_date(d)?, date)?;
        }
        ws.write_string(r, 4, &t.task.id)?;
    }
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 70)?;
    ws.set_column_width(2, 30)?;
    ws.set_column_width(3, 12)?;
    Ok(())
}

fn by_unit(ws: &mut Worksheet, tasks: &[Tracked<'_>], bold: &Format) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[2])?;
    let (rows, total) = grid_by_lead(tasks);
    let mut names = vec![labels::LEAD_UNIT, "Tổng số"];
    names.extend(Status::ALL.iter().map(|s| s.label()));
    header(ws, &names, rows.len() + 1, bold)?;
    let all = ("Tổng cộng".to_string(), total);
    for (i, (unit, grid)) in rows.iter().chain(std::iter::once(&all)).enumerate() {
        let r = i as u32 + 1;
        let name = if unit.is_empty() {
            "(chưa xác định)"
        } else {
            unit
        };
        ws.write_string(r, 0, name)?;
        ws.write_number(r, 1, grid.total() as f64)?;
        for (c, s) in Status::ALL.iter().enumerate() {
            ws.write_number(r, c as u16 + 2, grid.get(*s) as f64)?;
        }
    }
    ws.set_column_width(0, 40)?;
    Ok(())
}

fn task_sheet(
    ws: &mut Worksheet,
    tasks: &[Tracked<'_>],
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[3])?;
    header(ws, &TASK_HEADERS, tasks.len(), bold)?;
    for (i, t) in tasks.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &t.task.text)?;
        ws.write_string(r, 2, units(&t.task.assignees))?;
        ws.write_string(r, 3, units(&t.task.coordinators))?;
        if let Some(d) = t.due {
            ws.write_datetime_with_format(r, 4, &excel_date(d)?, date)?;
        }
        let raw = t.task.deadline.as_ref().map_or("", |d| d.raw.as_str());
        ws.write_string(r, 5, raw)?;
        ws.write_string(r, 6, t.status.label())?;
        if let (Some(n), false) = (t.days_left, t.status.is_done()) {
            ws.write_number(r, 7, n as f64)?;
        }
        ws.write_string(r, 8, document_cell(t.record))?;
        ws.write_number(r, 9, t.task.provenance.page as f64)?;
        ws.write_string(r, 10, &t.task.id)?;
        ws.write_string(r, 11, &t.record.source.path)?;
    }
    for (c, w) in [
        (1u16, 70.0),
        (2, 30.0),
        (3, 30.0),
        (4, 12.0),
        (5, 28.0),
        (6, 24.0),
        (8, 40.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}

fn documents(
    ws: &mut Worksheet,
    records: &[DocumentRecord],
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[4])?;
    let names = [
        "Tệp",
        "Loại",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Cơ quan ban hành",
        "Trích yếu",
        "Người ký",
        "Số nhiệm vụ",
        "Chữ ký số",
        "Ghi chú",
    ];
    header(ws, &names, records.len(), bold)?;
    for (i, rec) in records.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &rec.source.path)?;
        if let Some(doc) = &rec.document {
            ws.write_string(r, 1, kind_label(doc.kind))?;
            ws.write_string(r, 2, doc.number.as_deref().unwrap_or(""))?;
            if let Some(d) = doc.date {
                ws.write_datetime_with_format(r, 3, &excel_date(d)?, date)?;
            }
            ws.write_string(r, 4, doc.issuer.as_deref().unwrap_or(""))?;
            ws.write_string(r, 5, doc.title.as_deref().unwrap_or(""))?;
            let signer = doc.signers.first().and_then(|s| s.name.as_deref());
            ws.write_string(r, 6, signer.unwrap_or(""))?;
        }
        ws.write_number(r, 7, rec.tasks.len() as f64)?;
        ws.write_string(r, 8, signature_label(signature_state(rec)))?;
        ws.write_string(r, 9, no_task_reason(rec).unwrap_or_default())?;
    }
    for (c, w) in [
        (0u16, 40.0),
        (2, 18.0),
        (4, 30.0),
        (5, 50.0),
        (8, 28.0),
        (9, 40.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}

fn units(us: &[nhiemvu_model::Unit]) -> String {
    us.iter().map(unit_name).collect::<Vec<_>>().join("; ")
}

/// Kind, number and issuer of the assigning document.
fn document_cell(rec: &DocumentRecord) -> String {
    let Some(doc) = &rec.document else {
        return rec.source.path.clone();
    };
    let mut s = kind_label(doc.kind).to_string();
    if let Some(n) = &doc.number {
        s = format!("{s} {n}");
    }
    if let Some(i) = &doc.issuer {
        s = format!("{s} · {i}");
    }
    s
}

#[cfg(test)]
mod tests;
