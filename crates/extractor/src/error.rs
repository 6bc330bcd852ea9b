//! Typed errors for one document.

use nhiemvu_model::ErrorKind;
use thiserror::Error;

/// Why a document could not be processed. Each variant maps to a stable `kind` string.
#[derive(Debug, Error)]
pub enum ExtractError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// Path as given.
        path: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Neither a PDF nor UTF-8 text.
    #[error("not a PDF: {0}")]
    NotPdf(String),
    /// The file is not valid UTF-8 text.
    #[error("text file is not UTF-8: {0}")]
    NotUtf8(String),
    /// Encrypted with a password we do not have.
    #[error("encrypted PDF needs a password: {0}")]
    Encrypted(String),
    /// The PDF structure could not be parsed.
    #[error("malformed PDF: {0}")]
    Malformed(String),
    /// A per-document limit was exceeded (size, pages, nesting, time).
    #[error("limit exceeded: {0}")]
    Limit(String),
    /// The document took longer than the per-document time limit.
    #[error("time limit of {seconds} s exceeded {during}")]
    TimeLimit {
        /// The limit, seconds.
        seconds: u64,
        /// Where the work stopped ("while reading page 12").
        during: String,
    },
    /// The PDF library panicked; the panic was contained.
    #[error("PDF reader panicked: {0}")]
    Panic(String),
}

impl ExtractError {
    /// Stable machine-readable kind, as written in the output's `error.kind`.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ExtractError::Io { .. } => ErrorKind::Io,
            ExtractError::Empty => ErrorKind::Empty,
            ExtractError::NotPdf(_) => ErrorKind::NotPdf,
            ExtractError::NotUtf8(_) => ErrorKind::NotUtf8,
            ExtractError::Encrypted(_) => ErrorKind::Encrypted,
            ExtractError::Malformed(_) => ErrorKind::MalformedPdf,
            ExtractError::Limit(_) => ErrorKind::LimitExceeded,
            ExtractError::TimeLimit { .. } => ErrorKind::TimeLimit,
            ExtractError::Panic(_) => ErrorKind::Panic,
        }
    }
}

/// Text of a caught panic payload.
pub fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}
