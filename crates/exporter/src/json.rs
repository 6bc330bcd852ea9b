//! One pretty JSON document per record, and its atomic write to disk.

use crate::ExportError;
use nhiemvu_model::DocumentRecord;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Pretty JSON of one record, newline-terminated. Deterministic: field order is the model's
/// declaration order and the model holds no hash maps.
pub fn to_json(rec: &DocumentRecord) -> Result<String, ExportError> {
    let mut s = serde_json::to_string_pretty(rec)?;
    s.push('\n');
    Ok(s)
}

/// One compact JSON line (newline-terminated) for NDJSON streams.
pub fn to_ndjson_line(rec: &DocumentRecord) -> Result<String, ExportError> {
    let mut s = serde_json::to_string(rec)?;
    s.push('\n');
    Ok(s)
}

/// Write `rec` as pretty JSON to `dir/name` and return the path written.
///
/// `name` may hold sub-folders (`"a/x.pdf.json"`); they are created. The bytes go to a
/// temporary file in the target's own folder, then are renamed over the target, so a killed
/// run leaves either the old file or the new one, never half of one.
///
/// Files are not fsynced one by one: two syncs per document made a batch wait on the disk
/// more than it computed. After a power loss a renamed file may come back torn; resuming a
/// batch parses every existing output and redoes any that does not parse, so nothing is
/// lost, only redone.
pub fn write_json_atomic(
    dir: &Path,
    name: &str,
    rec: &DocumentRecord,
) -> Result<PathBuf, ExportError> {
    let text = to_json(rec)?;
    write_atomic(dir, name, text.as_bytes())
}

/// The hidden name `file_name` is written under before its rename: `.x.pdf.json.<pid>.tmp`.
fn temporary_name(file_name: &str, pid: u32) -> String {
    format!(".{file_name}.{pid}.tmp")
}

/// True for a name [`write_atomic`] gives its temporary files; a killed run leaves them
/// behind, and a later run may remove them.
pub fn is_temporary_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    match rest.rsplit_once('.') {
        Some((file_name, pid)) => !file_name.is_empty() && pid.parse::<u32>().is_ok(),
        None => false,
    }
}

/// Write `bytes` to `dir/name` through a temporary file and a rename (see
/// [`write_json_atomic`]); returns the path written.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, ExportError> {
    let rel = Path::new(name);
    let safe = !name.is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        return Err(ExportError::BadName(name.to_string()));
    }
    let target = dir.join(rel);
    let parent = target.parent().unwrap_or(dir).to_path_buf();
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| ExportError::Io { path, source }
    };
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(temporary_name(&file_name, std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(bytes).map_err(io(&tmp))?;
        drop(f);
        std::fs::rename(&tmp, &target).map_err(io(&target))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nhiemvu_model::{ErrorInfo, Source, SourceFormat};

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        assert!(is_temporary_name(&temporary_name("x.pdf.json", 4242)));
        for other in [
            "x.pdf.json",
            ".notes.tmp",
            ".x.pdf.json.tmp",
            ".x.json.12a.tmp",
        ] {
            assert!(!is_temporary_name(other), "{other}");
        }
    }

    fn failed() -> DocumentRecord {
        DocumentRecord::failed(
            Source::new("corpus/x.pdf", "ab", 0, SourceFormat::Pdf),
            ErrorInfo {
                kind: nhiemvu_model::ErrorKind::Empty,
                message: "the file is empty".into(),
            },
        )
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn pretty_json_is_stable_and_newline_terminated() {
        let a = to_json(&failed()).unwrap();
        let b = to_json(&failed()).unwrap();
        assert_eq!(a, b);
        assert!(a.ends_with("}\n"));
        let head = format!(
            "{{\n  \"schema_version\": \"{}\",\n  \"tool\"",
            nhiemvu_model::SCHEMA_VERSION
        );
        assert!(a.starts_with(&head), "{a}");
        assert!(a.contains("\"kind\": \"empty\""));
    }

    #[test]
    fn ndjson_line_is_one_line() {
        let l = to_ndjson_line(&failed()).unwrap();
        assert_eq!(l.matches('\n').count(), 1);
        assert!(l.ends_with("}\n"));
    }

    #[test]
    fn atomic_write_leaves_only_the_target_and_creates_subfolders() {
        let dir = tempfile::tempdir().unwrap();
        let p = write_json_atomic(dir.path(), "a/x.pdf.json", &failed()).unwrap();
        assert_eq!(p, dir.path().join("a/x.pdf.json"));
        assert_eq!(names(dir.path()), vec!["a"]);
        assert_eq!(names(&dir.path().join("a")), vec!["x.pdf.json"]);
        let back: DocumentRecord =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        assert_eq!(back, failed());
        // Overwriting replaces the file whole.
        let mut other = failed();
        other.source.sha256 = "cd".into();
        write_json_atomic(dir.path(), "a/x.pdf.json", &other).unwrap();
        assert_eq!(names(&dir.path().join("a")), vec!["x.pdf.json"]);
        assert!(std::fs::read_to_string(&p).unwrap().contains("\"cd\""));
    }

    #[test]
    fn names_escaping_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["", "../x.json", "/etc/x.json", "a/../../x.json"] {
            let e = write_json_atomic(dir.path(), bad, &failed()).unwrap_err();
            assert!(matches!(e, ExportError::BadName(_)), "{bad}: {e}");
        }
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is an existing folder: the rename fails.
        std::fs::create_dir_all(dir.path().join("x.json/inner")).unwrap();
        let e = write_json_atomic(dir.path(), "x.json", &failed()).unwrap_err();
        assert!(matches!(e, ExportError::Io { .. }), "{e}");
        assert_eq!(names(dir.path()), vec!["x.json"]);
    }
}
