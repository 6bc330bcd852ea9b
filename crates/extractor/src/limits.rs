//! Per-document limits the pipeline enforces, below both the pipeline and the PDF reader
//! so neither imports the other for them.

/// Documents with at least this many pages are worked on page by page on several threads
/// (reading, text-layer checks, line splitting); shorter ones stay on one, a batch being
/// parallel already.
pub const PARALLEL_FROM_PAGES: usize = 32;

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
    /// Most annotations read per page; the rest are skipped with a warning.
    pub max_annotations_per_page: u32,
    /// Longest time one document may take, end to end; `None` for no limit.
    pub time_limit: Option<std::time::Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            max_pages: 5000,
            max_xobject_depth: 12,
            max_stream_bytes: 64 * 1024 * 1024,
            max_annotations_per_page: 500,
            time_limit: Some(std::time::Duration::from_secs(120)),
        }
    }
}
