//! Test support: the golden outputs of `fixtures/expected`, as the exports' tests read them.

use nhiemvu_model::{DocumentRecord, ErrorInfo, ErrorKind, Source, SourceFormat};

/// The golden outputs whose name holds `set` ("seeds", "corpus"), sorted, then a failed
/// record for `failed_path` with `kind`.
pub fn expected_with_failure(set: &str, failed_path: &str, kind: ErrorKind) -> Vec<DocumentRecord> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/expected");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(set))
        .collect();
    paths.sort();
    let mut v: Vec<DocumentRecord> = paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    v.push(DocumentRecord::failed(
        Source::new(failed_path, "ab", 0, SourceFormat::Pdf),
        ErrorInfo {
            kind,
            message: format!("{kind} (made up for the test)"),
        },
    ));
    v
}
