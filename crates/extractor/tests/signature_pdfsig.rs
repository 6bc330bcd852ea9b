//! Our verdicts agree with poppler's `pdfsig` on every file of the signed corpus: signature
//! validity, digest mismatch and whether the whole document is signed. Skipped with a note
//! when `pdfsig` (poppler-utils) is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use nhiemvu_extractor::signature::read_signatures;
use nhiemvu_model::SignatureStatus;

/// One signature as pdfsig reports it.
#[derive(Debug, Default)]
struct PdfsigEntry {
    field: Option<String>,
    validation: Option<String>,
    total: Option<bool>,
}

fn run_pdfsig(path: &Path) -> Option<Vec<PdfsigEntry>> {
    let out = match Command::new("pdfsig").arg(path).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("pdfsig did not run: {e}"),
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut entries: Vec<PdfsigEntry> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("Signature #") {
            entries.push(PdfsigEntry::default());
        } else if let Some(e) = entries.last_mut() {
            if let Some(v) = line.strip_prefix("- Signature Field Name: ") {
                e.field = Some(v.to_string());
            } else if let Some(v) = line.strip_prefix("- Signature Validation: ") {
                e.validation = Some(v.to_string());
            } else if line == "- Total document signed" {
                e.total = Some(true);
            } else if line == "- Not total document signed" {
                e.total = Some(false);
            }
        }
    }
    Some(entries)
}

/// Files where pdfsig is known to answer otherwise, with its answer. poppler does not find a
/// signer named by subject key identifier (SignerInfo version 3); `openssl cms -verify` accepts
/// the same CMS, and so do we.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] =
    &[("signer_by_key_id.pdf", "Unknown Validation Failure.")];

#[test]
fn verdicts_agree_with_pdfsig() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/signed");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    let mut compared = 0;
    for path in &files {
        let Some(theirs) = run_pdfsig(path) else {
            println!("note: pdfsig is not on PATH (install poppler-utils); comparison skipped");
            return;
        };
        let ours = read_signatures(&std::fs::read(path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(ours.len(), theirs.len(), "{name}: number of signatures");
        for (i, (o, t)) in ours.iter().zip(&theirs).enumerate() {
            let at = format!("{name} #{}", i + 1);
            assert_eq!(o.field, t.field, "{at}: field name");
            assert_eq!(o.covers_whole_file, t.total, "{at}: total document signed");
            let expected = match o.status {
                Some(SignatureStatus::Valid) => "Signature is Valid.",
                Some(SignatureStatus::DigestMismatch) => "Digest Mismatch.",
                Some(SignatureStatus::BadSignature) => "Signature is Invalid.",
                // pdfsig (NSS) checks ECDSA and BER that we report as unsupported.
                Some(SignatureStatus::Unsupported) | None => continue,
            };
            let known = KNOWN_DISAGREEMENTS.iter().find(|(f, _)| *f == name);
            let expected = known.map_or(expected, |(_, theirs)| theirs);
            assert_eq!(t.validation.as_deref(), Some(expected), "{at}: validation");
            compared += 1;
        }
    }
    assert!(compared >= 8, "only {compared} verdicts compared");
}
