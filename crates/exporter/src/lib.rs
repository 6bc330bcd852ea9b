//! Serialises nhiemvu's shared model; knows nothing of Vietnamese text or PDFs.
//!
//! - [`to_json`] / [`write_json_atomic`]: one pretty, deterministic JSON document per input,
//!   written through a synced temporary file and a rename so a killed run never leaves half
//!   a file.
//! - [`NdjsonWriter`]: one compact document per line for streams.
//! - [`CsvWriter`]: the task table for spreadsheets (UTF-8 with BOM, one row per task).
//! - [`tracking`]: where each task stands on a day (done on time or late, open, overdue, no
//!   deadline), per lead unit, for the workbook and the report.
//! - [`report::html`]: the self-contained HTML tracking report.
//! - [`xlsx::workbook`]: the Excel workbook (overview, by status, by unit, tasks, documents).
//!
//! ```
//! use nhiemvu_exporter::{to_json, CsvWriter, NdjsonWriter};
//! use nhiemvu_model::{DocumentRecord, Source, SourceFormat};
//!
//! let rec = DocumentRecord::new(Source::new("corpus/003.txt", "00", 1, SourceFormat::Text));
//! assert!(to_json(&rec)?.ends_with("}\n"));
//!
//! let mut lines = NdjsonWriter::new(Vec::new());
//! lines.write(&rec)?;
//! assert_eq!(lines.into_inner()?.iter().filter(|&&b| b == b'\n').count(), 1);
//!
//! let mut table = CsvWriter::new(Vec::new())?;
//! table.write(&rec)?; // no tasks: one row that says why, no task row
//! assert_eq!(table.rows(), 0);
//! # Ok::<(), nhiemvu_exporter::ExportError>(())
//! ```

mod error;
#[cfg(test)]
mod fixtures;
mod json;
pub mod labels;
mod ndjson;
pub mod report;
mod table;
pub mod tracking;
pub mod xlsx;

pub use error::ExportError;
pub use json::{is_temporary_name, to_json, to_ndjson_line, write_atomic, write_json_atomic};
pub use ndjson::NdjsonWriter;
pub use table::{kind_label, CsvWriter, COLUMN_COUNT, TASK_COLUMNS, UTF8_BOM};
