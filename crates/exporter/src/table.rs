//! The task table as CSV for spreadsheets: one row per task, UTF-8 with a byte-order mark so
//! Excel reads Vietnamese letters correctly, quoting by the `csv` crate.

use crate::labels;
use crate::tracking::{no_task_reason, signature_label, signature_state};
use crate::ExportError;
use nhiemvu_model::{DocKind, DocumentRecord, Task, Unit};
use std::io::Write;

/// Number of columns in the task table.
pub const COLUMN_COUNT: usize = 12;

/// Default column headers: the columns officials read (the due date as a sortable ISO date,
/// the deadline phrase as written, the signature status, a note for documents that gave no
/// task), then two machine columns.
pub const TASK_COLUMNS: [&str; COLUMN_COUNT] = [
    "STT",
    "Nội dung nhiệm vụ",
    labels::LEAD_UNIT,
    labels::COORD_UNIT,
    "Hạn",
    "Thời hạn",
    "Văn bản giao",
    "Trang",
    "Chữ ký số",
    "Ghi chú",
    "task_id",
    "source_path",
];

/// UTF-8 byte-order mark; Excel needs it to open a CSV as UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Separator between several units in one cell.
const UNIT_SEPARATOR: &str = "; ";
/// Separator between the parts of the "Văn bản giao" cell.
const PART_SEPARATOR: &str = " · ";

/// Writes the task table: a BOM and the header row first, then the tasks of each record.
///
/// `STT` counts task rows across the whole table (1, 2, …). A record without tasks (failed,
/// scanned, none found) adds one row with no `STT` and the reason in `Ghi chú`, so no
/// document vanishes from the table. Cells starting with `=`, `+`, `-` or `@` get a leading `'` so a
/// spreadsheet shows them as text instead of running them as formulas.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    rows: usize,
    empty_documents: usize,
}

impl<W: Write> CsvWriter<W> {
    /// A table with the default [`TASK_COLUMNS`] headers.
    pub fn new(inner: W) -> Result<Self, ExportError> {
        Self::with_headers(inner, TASK_COLUMNS)
    }

    /// A table with caller-given headers (same column meaning as [`TASK_COLUMNS`]).
    pub fn with_headers(mut inner: W, headers: [&str; COLUMN_COUNT]) -> Result<Self, ExportError> {
        inner.write_all(UTF8_BOM).map_err(ExportError::Stream)?;
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(inner);
        w.write_record(headers)?;
        Ok(CsvWriter {
            inner: w,
            rows: 0,
            empty_documents: 0,
        })
    }

    /// Append one row per task of `rec`, and flush.
    pub fn write(&mut self, rec: &DocumentRecord) -> Result<(), ExportError> {
        let source_doc = source_document_cell(rec);
        let signature = signature_label(signature_state(rec));
        for task in &rec.tasks {
            self.rows += 1;
            let row = task_row(self.rows, task, &source_doc, signature, &rec.source.path);
            self.inner.write_record(row.iter().map(|c| guard(c)))?;
        }
        if let Some(why) = no_task_reason(rec) {
            self.empty_documents += 1;
            let mut row: [String; COLUMN_COUNT] = Default::default();
            row[6] = source_doc;
            row[8] = signature.to_string();
            row[9] = why;
            row[11] = rec.source.path.clone();
            self.inner.write_record(row.iter().map(|c| guard(c)))?;
        }
        self.inner.flush().map_err(ExportError::Stream)?;
        Ok(())
    }

    /// Task rows written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Rows written for documents that gave no task.
    pub fn empty_documents(&self) -> usize {
        self.empty_documents
    }

    /// Flush and give back the underlying writer.
    pub fn into_inner(self) -> Result<W, ExportError> {
        self.inner
            .into_inner()
            .map_err(|e| ExportError::Stream(std::io::Error::other(e.error().to_string())))
    }
}

fn task_row(
    n: usize,
    task: &Task,
    source_doc: &str,
    signature: &str,
    path: &str,
) -> [String; COLUMN_COUNT] {
    [
        n.to_string(),
        task.text.clone(),
        units_cell(&task.assignees),
        units_cell(&task.coordinators),
        due_cell(task),
        task.deadline
            .as_ref()
            .map(|d| d.raw.trim().to_string())
            .unwrap_or_default(),
        source_doc.to_string(),
        page_cell(task),
        signature.to_string(),
        String::new(),
        task.id.clone(),
        path.to_string(),
    ]
}

fn units_cell(units: &[Unit]) -> String {
    units
        .iter()
        .map(|u| if u.name.is_empty() { &u.raw } else { &u.name })
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(UNIT_SEPARATOR)
}

/// The due date as spreadsheets sort it: "2026-06-30", or "2025-10-28 17:00" for a time
/// (Vietnam time, as written); empty when none.
fn due_cell(task: &Task) -> String {
    match task.deadline.as_ref().and_then(|d| d.due.as_ref()) {
        Some(nhiemvu_model::Moment::Date(d)) => d.format("%Y-%m-%d").to_string(),
        Some(nhiemvu_model::Moment::DateTime(t)) => t.format("%Y-%m-%d %H:%M").to_string(),
        None => String::new(),
    }
}

fn page_cell(task: &Task) -> String {
    let p = &task.provenance;
    match p.end_page {
        Some(end) if end != p.page => format!("{}-{}", p.page, end),
        _ => p.page.to_string(),
    }
}

/// Kind, number, date and issuer of the assigning document in one readable cell.
fn source_document_cell(rec: &DocumentRecord) -> String {
    let Some(doc) = &rec.document else {
        return String::new();
    };
    let mut parts: Vec<String> = Vec::new();
    let head = [Some(kind_label(doc.kind)), doc.number.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    parts.push(head);
    if let Some(date) = doc.date {
        parts.push(date.format("%Y-%m-%d").to_string());
    }
    if let Some(issuer) = &doc.issuer {
        parts.push(issuer.clone());
    }
    parts.join(PART_SEPARATOR)
}

/// Display name of a document kind, as the documents themselves name it.
pub fn kind_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::KetLuan => "Kết luận",
        DocKind::ThongBao => "Thông báo",
        DocKind::KeHoach => "Kế hoạch",
        DocKind::BaoCao => "Báo cáo",
        DocKind::CongVan => "Công văn",
        DocKind::QuyetDinh => "Quyết định",
        DocKind::ChiThi => "Chỉ thị",
        DocKind::NghiQuyet => "Nghị quyết",
        DocKind::ToTrinh => "Tờ trình",
        DocKind::GiayMoi => "Giấy mời",
        DocKind::CongDien => "Công điện",
        DocKind::ChuongTrinh => "Chương trình",
        DocKind::HuongDan => "Hướng dẫn",
        DocKind::QuyChe => "Quy chế",
        DocKind::QuyDinh => "Quy định",
        DocKind::DeAn => "Đề án",
        DocKind::PhuongAn => "Phương án",
        DocKind::BienBan => "Biên bản",
        DocKind::ThongTu => "Thông tư",
        DocKind::NghiDinh => "Nghị định",
        DocKind::Luat => "Luật",
        DocKind::Other => "Văn bản",
    }
}

/// Keep a spreadsheet from reading a cell as a formula.
fn guard(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests;
