//! PDF input through pdf-extract. (skeleton: filled by the PDF ingestion work)

use crate::ExtractError;
use nhiemvu_model::{Page, Warning};

/// Per-document limits that stop PDF bombs and endless files.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file accepted, bytes.
    pub max_file_bytes: u64,
    /// Most pages read.
    pub max_pages: u32,
    /// Deepest Form XObject nesting accepted.
    pub max_xobject_depth: u32,
    /// Largest decompressed content per page, bytes.
    pub max_stream_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            max_pages: 5000,
            max_xobject_depth: 12,
            max_stream_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Pages and warnings read from a PDF.
#[derive(Debug, Default)]
pub struct PdfContent {
    /// Pages with text, positioned lines and annotation text.
    pub pages: Vec<Page>,
    /// Non-fatal problems (a page that failed, an unreadable annotation).
    pub warnings: Vec<Warning>,
}

/// Read every page of a PDF. Never panics: panics inside the PDF library become errors.
pub fn read_pdf(_bytes: &[u8], _limits: &Limits) -> Result<PdfContent, ExtractError> {
    Err(ExtractError::Malformed("PDF reading not built yet".into()))
}
