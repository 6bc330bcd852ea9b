//! The one error type of the exporter: serialisation or file-system failures, with the path.

use thiserror::Error;

/// Why an output could not be produced or written.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The record could not be turned into JSON.
    #[error("cannot serialise to JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A stream refused the bytes (stdout closed, disk full).
    #[error("cannot write output: {0}")]
    Stream(#[source] std::io::Error),
    /// The file system refused a file operation on `path`.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder the operation was about.
        path: String,
        /// Underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The workbook writer failed.
    #[error("cannot write the workbook: {0}")]
    Xlsx(String),
    /// An output name that would escape the output folder or is empty.
    #[error("bad output name {0:?}: must be a non-empty relative path without '..'")]
    BadName(String),
}
