//! Hostile and damaged signed PDFs: the reader answers (verdict or error) and never panics.

use std::path::PathBuf;

use nhiemvu_extractor::signature::{read_signatures, read_signatures_detailed};
use nhiemvu_model::SignatureStatus;
use proptest::prelude::*;

fn signed(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/signed")
        .join(name);
    std::fs::read(path).unwrap()
}

/// Replaces the first `from` with `to` (same length, so offsets stay valid).
fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern present");
    bytes[at..at + to.len()].copy_from_slice(to);
}

/// The `/ByteRange [...]` text of the first signature.
fn byte_range_text(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.windows(11).position(|w| w == b"/ByteRange ").unwrap() + 11;
    let end = start + bytes[start..].iter().position(|&c| c == b']').unwrap() + 1;
    bytes[start..end].to_vec()
}

#[test]
fn truncated_signed_file_is_an_error_or_a_mismatch() {
    let bytes = signed("sha256_single.pdf");
    for cut in [bytes.len() - 1, bytes.len() - 300, bytes.len() / 2, 100] {
        if let Ok(sigs) = read_signatures(&bytes[..cut]) {
            for s in sigs {
                assert_ne!(s.status, Some(SignatureStatus::Valid), "cut at {cut}");
            }
        }
    }
}

#[test]
fn byte_range_that_skips_content_is_flagged() {
    let mut bytes = signed("sha256_single.pdf");
    let old = byte_range_text(&bytes);
    let nums: Vec<u64> = String::from_utf8_lossy(&old[1..old.len() - 1])
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    // Claim the gap starts 10 bytes earlier: those bytes are no longer signed.
    let new = format!("[0 {} {} {}]", nums[1] - 10, nums[2], nums[3]);
    let new = format!("{new:<width$}", width = old.len());
    patch(&mut bytes, &old, new.as_bytes());
    let got = read_signatures_detailed(&bytes).unwrap();
    assert_eq!(got[0].gap_is_contents, Some(false));
    // The signed digest was over other bytes, so the digest no longer matches.
    assert_eq!(
        got[0].signature.status,
        Some(SignatureStatus::DigestMismatch)
    );
}

#[test]
fn byte_range_past_the_end_is_a_mismatch_not_a_panic() {
    let mut bytes = signed("sha256_single.pdf");
    let old = byte_range_text(&bytes);
    let new = format!("{:<width$}", "[0 10 20 99999999]", width = old.len());
    patch(&mut bytes, &old, new.as_bytes());
    let got = read_signatures_detailed(&bytes).unwrap();
    assert_eq!(
        got[0].signature.status,
        Some(SignatureStatus::DigestMismatch)
    );
    assert!(got[0]
        .status_reason
        .as_deref()
        .unwrap()
        .contains("past the end"));
    assert_eq!(got[0].signature.covers_whole_file, None);
}

#[test]
fn unfilled_signature_field_is_unsupported() {
    let mut bytes = signed("sha256_single.pdf");
    let start = bytes.windows(11).position(|w| w == b"/Contents <").unwrap() + 11;
    let end = start + bytes[start..].iter().position(|&c| c == b'>').unwrap();
    bytes[start..end].fill(b'0');
    let got = read_signatures_detailed(&bytes).unwrap();
    assert_eq!(got[0].signature.status, Some(SignatureStatus::Unsupported));
    assert!(got[0]
        .status_reason
        .as_deref()
        .unwrap()
        .contains("never filled"));
}

#[test]
fn deeply_nested_arrays_do_not_crash() {
    let mut pdf = b"%PDF-1.7\n1 0 obj\n<</Type/Catalog/AcroForm<</Fields[".to_vec();
    pdf.extend(vec![b'['; 200_000]);
    pdf.extend(b"]>>>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n");
    let _ = read_signatures(&pdf);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_signed_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = signed("two_signatures_stamp.pdf");
        for (at, value) in edits {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        if let Ok(sigs) = read_signatures(&bytes) {
            for s in sigs {
                prop_assert_eq!(s.trust.as_str(), "not_checked");
            }
        }
    }
}
