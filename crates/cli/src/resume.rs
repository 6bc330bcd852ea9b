//! Resuming a batch: an input whose output already exists for the same bytes (SHA-256) and
//! the same tool version is skipped; what the old output said still counts in the summary.

use serde::de::IgnoredAny;
use serde::Deserialize;
use std::path::Path;

/// The parts of an existing output that decide whether it is current.
#[derive(Debug, Deserialize)]
pub struct Existing {
    tool: ExistingTool,
    source: ExistingSource,
    #[serde(default)]
    tasks: Vec<IgnoredAny>,
    #[serde(default)]
    error: Option<nhiemvu_model::ErrorInfo>,
}

#[derive(Debug, Deserialize)]
struct ExistingTool {
    version: String,
}

#[derive(Debug, Deserialize)]
struct ExistingSource {
    sha256: String,
    #[serde(default)]
    pages: u32,
}

impl Existing {
    /// Read the output at `path`; `None` when absent or not an output record.
    pub fn read(path: &Path) -> Option<Existing> {
        let text = std::fs::read_to_string(path).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// True when this output was made by `version` from bytes hashing to `sha256`.
    pub fn is_current(&self, sha256: &str, version: &str) -> bool {
        !self.source.sha256.is_empty()
            && self.source.sha256 == sha256
            && self.tool.version == version
    }

    /// Pages the old output recorded.
    pub fn pages(&self) -> u32 {
        self.source.pages
    }

    /// Tasks the old output recorded.
    pub fn task_count(&self) -> usize {
        self.tasks.len()
    }

    /// The error message the old output recorded, if it was a failure.
    pub fn error_message(&self) -> Option<&str> {
        self.error.as_ref().map(|e| e.message.as_str())
    }

    /// The error kind the old output recorded, if it was a failure.
    pub fn error_kind(&self) -> Option<&str> {
        self.error.as_ref().map(|e| e.kind.as_str())
    }
}

/// Temporary files older than this are left over from a killed run: a live one is renamed
/// within milliseconds of its creation.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Remove the hidden temporary files (`.x.pdf.json.<pid>.tmp`) a killed run left under
/// `out_dir`, if older than `max_age` (younger ones may belong to a run still going, say
/// another shard writing to the same folder). Returns how many were removed.
pub fn sweep_stale_temps(out_dir: &Path, max_age: std::time::Duration) -> usize {
    let now = std::time::SystemTime::now();
    walkdir::WalkDir::new(out_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && nhiemvu_exporter::is_temporary_name(&e.file_name().to_string_lossy())
        })
        .filter(|e| {
            e.metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| now.duration_since(t).ok())
                .map(|age| age > max_age)
                .unwrap_or(false)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use nhiemvu_model::{DocumentRecord, ErrorInfo, Source, SourceFormat};

    #[test]
    fn current_only_for_same_bytes_and_version() {
        let d = tempfile::tempdir().unwrap();
        let rec = DocumentRecord::new(Source::new("a.txt", "abc", 2, SourceFormat::Text));
        let p = nhiemvu_exporter::write_json_atomic(d.path(), "a.txt.json", &rec).unwrap();
        let e = Existing::read(&p).unwrap();
        let v = &rec.tool.version;
        assert!(e.is_current("abc", v));
        assert!(!e.is_current("abd", v));
        assert!(!e.is_current("abc", "0.0.0-other"));
        assert_eq!((e.pages(), e.task_count(), e.error_kind()), (2, 0, None));
    }

    #[test]
    fn failed_records_keep_their_kind_and_junk_is_not_current() {
        let d = tempfile::tempdir().unwrap();
        let rec = DocumentRecord::failed(
            Source::new("x.pdf", "", 0, SourceFormat::Pdf),
            ErrorInfo {
                kind: nhiemvu_model::ErrorKind::Io,
                message: "missing".into(),
            },
        );
        let p = nhiemvu_exporter::write_json_atomic(d.path(), "x.json", &rec).unwrap();
        let e = Existing::read(&p).unwrap();
        assert_eq!(e.error_kind(), Some("io"));
        // No hash (the file could not be read) never counts as current.
        assert!(!e.is_current("", &rec.tool.version));
        std::fs::write(d.path().join("junk.json"), "{\"half\": ").unwrap();
        assert!(Existing::read(&d.path().join("junk.json")).is_none());
        assert!(Existing::read(&d.path().join("absent.json")).is_none());
    }

    #[test]
    fn only_old_temporary_files_of_outputs_are_swept() {
        let d = tempfile::tempdir().unwrap();
        let sub = d.path().join("a");
        std::fs::create_dir_all(&sub).unwrap();
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let make = |path: std::path::PathBuf, old: bool| {
            let f = std::fs::File::create(&path).unwrap();
            if old {
                f.set_modified(hour_ago).unwrap();
            }
            path
        };
        let stale = make(sub.join(".x.pdf.json.4242.tmp"), true);
        let live = make(d.path().join(".y.pdf.json.4243.tmp"), false);
        let output = make(d.path().join("x.pdf.json"), true);
        let foreign = make(d.path().join(".notes.tmp"), true);
        assert_eq!(sweep_stale_temps(d.path(), STALE_TEMP_AGE), 1);
        assert!(!stale.exists());
        assert!(live.exists() && output.exists() && foreign.exists());
    }
}
