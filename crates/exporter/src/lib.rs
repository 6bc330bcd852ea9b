//! Serialises the shared model. Knows nothing of Vietnamese or PDF.
//!
//! One pretty JSON document per input ([`to_json`], written atomically by
//! [`write_json_atomic`]) or one compact line per document for streams ([`to_ndjson_line`]).
//!
//! ```
//! use nhiemvu_model::{DocumentRecord, Source, SourceFormat};
//! let rec = DocumentRecord::new(Source::new("a.txt", "00", 1, SourceFormat::Text));
//! let line = nhiemvu_exporter::to_ndjson_line(&rec).unwrap();
//! assert!(line.ends_with('\n') && !line.trim_end().contains('\n'));
//! ```

use nhiemvu_model::DocumentRecord;
use std::io::Write;
use std::path::Path;
use thiserror::Error;

/// Why an output could not be written.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Serialisation failed.
    #[error("cannot serialise: {0}")]
    Json(#[from] serde_json::Error),
    /// The file system refused.
    #[error("cannot write {path}: {source}")]
    Io {
        /// Target path.
        path: String,
        /// Underlying error.
        source: std::io::Error,
    },
}

/// Pretty JSON of one record, newline-terminated; field order is fixed by the model.
pub fn to_json(rec: &DocumentRecord) -> Result<String, ExportError> {
    let mut s = serde_json::to_string_pretty(rec)?;
    s.push('\n');
    Ok(s)
}

/// One compact JSON line for NDJSON streams.
pub fn to_ndjson_line(rec: &DocumentRecord) -> Result<String, ExportError> {
    let mut s = serde_json::to_string(rec)?;
    s.push('\n');
    Ok(s)
}

/// Write `rec` as `dir/name` through a temporary file and a rename, so a killed run never
/// leaves a half-written output.
pub fn write_json_atomic(dir: &Path, name: &str, rec: &DocumentRecord) -> Result<(), ExportError> {
    let text = to_json(rec)?;
    let target = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp"));
    let io = |e| ExportError::Io {
        path: target.display().to_string(),
        source: e,
    };
    let mut f = std::fs::File::create(&tmp).map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    f.sync_all().map_err(io)?;
    std::fs::rename(&tmp, &target).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nhiemvu_model::{ErrorInfo, Source, SourceFormat};

    #[test]
    fn atomic_write_leaves_only_the_target() {
        let dir = std::env::temp_dir().join(format!("nhiemvu-exp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let rec = DocumentRecord::failed(
            Source::new("x.pdf", "ab", 0, SourceFormat::Pdf),
            ErrorInfo {
                kind: "empty".into(),
                message: "the file is empty".into(),
            },
        );
        write_json_atomic(&dir, "x.json", &rec).unwrap();
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["x.json"]);
        let back: DocumentRecord =
            serde_json::from_str(&std::fs::read_to_string(dir.join("x.json")).unwrap()).unwrap();
        assert_eq!(back, rec);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
