//! NDJSON streams: one compact JSON document per line, flushed as each is written.

use crate::{to_ndjson_line, ExportError};
use nhiemvu_model::DocumentRecord;
use std::io::Write;

/// Writes records to `W` one per line, so a consumer can read documents as they arrive.
#[derive(Debug)]
pub struct NdjsonWriter<W: Write> {
    inner: W,
    written: usize,
}

impl<W: Write> NdjsonWriter<W> {
    /// A writer over `inner` (a file, stdout, a buffer).
    pub fn new(inner: W) -> Self {
        NdjsonWriter { inner, written: 0 }
    }

    /// Append one record as a line and flush it through.
    pub fn write(&mut self, rec: &DocumentRecord) -> Result<(), ExportError> {
        let line = to_ndjson_line(rec)?;
        self.inner
            .write_all(line.as_bytes())
            .and_then(|_| self.inner.flush())
            .map_err(ExportError::Stream)?;
        self.written += 1;
        Ok(())
    }

    /// How many records were written.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Flush and give back the underlying writer.
    pub fn into_inner(mut self) -> Result<W, ExportError> {
        self.inner.flush().map_err(ExportError::Stream)?;
        Ok(self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nhiemvu_model::{Source, SourceFormat};

    #[test]
    fn one_parseable_document_per_line_in_write_order() {
        let mut w = NdjsonWriter::new(Vec::new());
        for name in ["b.txt", "a.txt", "c.pdf"] {
            let rec = DocumentRecord::new(Source::new(name, "00", 1, SourceFormat::Text));
            w.write(&rec).unwrap();
        }
        assert_eq!(w.written(), 3);
        let bytes = w.into_inner().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let paths: Vec<String> = text
            .lines()
            .map(|l| {
                serde_json::from_str::<DocumentRecord>(l)
                    .unwrap()
                    .source
                    .path
            })
            .collect();
        assert_eq!(paths, ["b.txt", "a.txt", "c.pdf"]);
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn a_closed_stream_is_an_error_not_a_panic() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut w = NdjsonWriter::new(Closed);
        let rec = DocumentRecord::new(Source::new("a.txt", "00", 1, SourceFormat::Text));
        assert!(matches!(w.write(&rec), Err(ExportError::Stream(_))));
        assert_eq!(w.written(), 0);
    }
}
