//! The committed JSON Schema matches the Rust types, and every golden output validates
//! against it. Regenerate after an intended change with
//! `NHIEMVU_BLESS=1 cargo test -p nhiemvu-model --test schema`, bump `SCHEMA_VERSION` on a
//! breaking change, and add a line to CHANGELOG.md.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn committed_schema_matches_the_types() {
    let path = root().join("schema/document.schema.json");
    let generated = serde_json::to_string_pretty(&nhiemvu_model::json_schema()).unwrap() + "\n";
    if std::env::var_os("NHIEMVU_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/document.schema.json is out of date with the Rust types; regenerate with \
         NHIEMVU_BLESS=1 cargo test -p nhiemvu-model --test schema and review the diff"
    );
}

#[test]
fn every_fixture_validates() {
    let schema = nhiemvu_model::json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    let dir = root().join("fixtures/expected");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().map(|e| e == "json").unwrap_or(false) {
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&doc)
                .map(|e| e.to_string())
                .take(5)
                .collect();
            assert!(
                errors.is_empty(),
                "{} does not validate: {errors:?}",
                p.display()
            );
            n += 1;
        }
    }
    assert!(n >= 5, "expected golden outputs in {}", dir.display());
    // A broken document is rejected, so the check can fail.
    let bad = serde_json::json!({"schema_version": 1, "tasks": "none"});
    assert!(!validator.is_valid(&bad));
    // So is a good one with a misspelled field, an unknown version or an unknown error kind.
    let good: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("corpus__003_40982fe340064d63.pdf.json")).unwrap(),
    )
    .unwrap();
    assert!(validator.is_valid(&good));
    let mut typo = good.clone();
    typo["tasks"][0]["asignees"] = serde_json::json!([]);
    assert!(!validator.is_valid(&typo), "a misspelled task field");
    let mut version = good.clone();
    version["schema_version"] = serde_json::json!("99");
    assert!(!validator.is_valid(&version), "an unknown schema version");
    let mut kind = good;
    kind["error"] = serde_json::json!({"kind": "exploded", "message": "x"});
    assert!(!validator.is_valid(&kind), "an unknown error kind");
    assert!(schema["$id"]
        .as_str()
        .is_some_and(|id| id.ends_with("document.schema.json")));
}

/// The closed kinds write the same strings through serde as through `as_str`, so the
/// JSON and the messages that name a kind never drift apart.
#[test]
fn closed_kinds_serialise_as_their_names() {
    use nhiemvu_model::{ErrorKind, WarningKind};
    let warnings = [
        WarningKind::AnnotationFailed,
        WarningKind::AnnotationsSkipped,
        WarningKind::LegacyEncoding,
        WarningKind::OcrNeeded,
        WarningKind::OcrUnavailable,
        WarningKind::PageFailed,
        WarningKind::PopplerText,
        WarningKind::SignatureFailed,
        WarningKind::SignaturesUnreadable,
    ];
    for k in warnings {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
    let errors = [
        ErrorKind::Io,
        ErrorKind::Empty,
        ErrorKind::NotPdf,
        ErrorKind::NotUtf8,
        ErrorKind::Encrypted,
        ErrorKind::MalformedPdf,
        ErrorKind::LimitExceeded,
        ErrorKind::TimeLimit,
        ErrorKind::Panic,
        ErrorKind::Crashed,
        ErrorKind::MemoryLimit,
        ErrorKind::NotAFile,
    ];
    for k in errors {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
    assert_eq!(ErrorKind::MalformedPdf, "malformed_pdf");
}
