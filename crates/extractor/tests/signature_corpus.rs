//! Verdicts on the signed corpus (tests/data/signed, made by scripts/make_signed_corpus.py)
//! must equal what the script knows it built (expected.json).

use std::path::PathBuf;

use nhiemvu_extractor::signature::{read_signatures, read_signatures_detailed, AppendedChange};
use nhiemvu_model::SignatureStatus;
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/signed")
}

fn expected() -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.json")).expect("expected.json");
    serde_json::from_str::<Value>(&text)
        .expect("expected.json is JSON")
        .as_object()
        .expect("an object of files")
        .clone()
}

fn status_name(s: SignatureStatus) -> &'static str {
    match s {
        SignatureStatus::Valid => "valid",
        SignatureStatus::DigestMismatch => "digest_mismatch",
        SignatureStatus::BadSignature => "bad_signature",
        SignatureStatus::Unsupported => "unsupported",
    }
}

fn change_name(c: AppendedChange) -> &'static str {
    match c {
        AppendedChange::NothingVisible => "nothing_visible",
        AppendedChange::SignaturesOnly => "signatures_only",
        AppendedChange::FormsAndAnnotations => "forms_and_annotations",
        AppendedChange::DocumentStructure => "document_structure",
        AppendedChange::PageContent => "page_content",
        AppendedChange::Unreadable => "unreadable",
    }
}

#[test]
fn verdicts_equal_expected_json() {
    let expected = expected();
    assert!(
        expected.len() >= 10,
        "corpus lists {} files",
        expected.len()
    );
    for (file, want) in &expected {
        let bytes = std::fs::read(corpus_dir().join(file)).expect(file);
        let got = read_signatures_detailed(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        let want = want.as_array().expect("a list of signatures");
        assert_eq!(got.len(), want.len(), "{file}: number of signatures");
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            let at = format!("{file} signature #{}", i + 1);
            let s = &g.signature;
            let text = |key: &str| w[key].as_str().map(str::to_string);
            assert_eq!(s.field, text("field"), "{at}: field");
            assert_eq!(s.sub_filter, text("sub_filter"), "{at}: sub_filter");
            assert_eq!(s.digest_algorithm, text("digest_algorithm"), "{at}: digest");
            assert_eq!(
                s.status.map(status_name),
                w["status"].as_str(),
                "{at}: status ({:?})",
                g.status_reason
            );
            assert_eq!(
                s.covers_whole_file,
                w["covers_whole_file"].as_bool(),
                "{at}: whole file"
            );
            assert_eq!(s.signer_org, text("signer_org"), "{at}: O");
            assert_eq!(s.reason, text("reason"), "{at}: reason");
            assert_eq!(s.location, text("location"), "{at}: location");
            assert_eq!(s.signing_time_raw, text("signing_time"), "{at}: /M");
            if let Some(raw) = text("signing_time") {
                // `D:20250328091500+07'00'` is read as RFC 3339 with its offset.
                let rfc = s.signing_time.clone().unwrap_or_default();
                let t = chrono::DateTime::parse_from_rfc3339(&rfc);
                assert!(t.is_ok(), "{at}: signing_time {rfc:?} from {raw}");
                if raw.ends_with("+07'00'") {
                    assert!(rfc.ends_with("+07:00"), "{at}: offset kept in {rfc}");
                }
            }
            assert_eq!(s.trust, "not_checked");
            assert_eq!(
                g.certificate
                    .as_ref()
                    .and_then(|c| c.issuer_common_name.clone()),
                text("issuer_cn"),
                "{at}: issuer CN"
            );
            // With the certificate unreadable the name still comes from /Name.
            let name = text("signer_name").or_else(|| s.signer_name.clone());
            assert_eq!(s.signer_name, name, "{at}: CN");
            assert_eq!(
                g.modified_after_signing
                    .as_ref()
                    .map(|m| change_name(m.change)),
                w["appended_change"].as_str(),
                "{at}: appended change {:?}",
                g.modified_after_signing
            );
            for piece in w["stamp_contains"].as_array().into_iter().flatten() {
                let piece = piece.as_str().unwrap();
                assert!(
                    s.stamp_text.as_deref().is_some_and(|t| t.contains(piece)),
                    "{at}: stamp text {:?} lacks {piece}",
                    s.stamp_text
                );
            }
            if let Some(word) = w["unsupported_mentions"].as_str() {
                let reason = g.status_reason.as_deref().unwrap_or_default();
                assert!(
                    reason.contains(word),
                    "{at}: reason {reason:?} lacks {word}"
                );
            }
        }
    }
}

#[test]
fn signer_certificate_details_are_decoded() {
    let bytes = std::fs::read(corpus_dir().join("sha256_single.pdf")).unwrap();
    let got = read_signatures_detailed(&bytes).unwrap();
    let cert = got[0].certificate.as_ref().expect("certificate");
    assert_eq!(cert.common_name.as_deref(), Some("Nguyễn Văn Â"));
    assert_eq!(
        cert.organization.as_deref(),
        Some("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK")
    );
    // OU is a BMPString in this certificate.
    assert_eq!(cert.organizational_unit.as_deref(), Some("Văn phòng"));
    assert_eq!(cert.locality.as_deref(), Some("Buôn Ma Thuột"));
    assert_eq!(cert.state.as_deref(), Some("Đắk Lắk"));
    assert_eq!(cert.country.as_deref(), Some("VN"));
    assert_eq!(cert.email.as_deref(), Some("nva@daklak.gov.vn"));
    assert_eq!(cert.serial, "2025032801");
    assert_eq!(cert.not_before, "2025-01-01T00:00:00Z");
    assert_eq!(cert.not_after, "2035-01-01T00:00:00Z");
    assert!(cert.subject.contains("CN=Nguyễn Văn Â"), "{}", cert.subject);
    assert_eq!(
        got[0].signed_signing_time.as_deref(),
        Some("2025-03-28T02:15:00Z")
    );
    assert_eq!(got[0].signature_algorithm.as_deref(), Some("rsa-pkcs1v15"));
    assert_eq!(got[0].gap_is_contents, Some(true));
    assert!(!got[0].has_timestamp_token);
    let s = &got[0].signature;
    assert_eq!(s.signer_subject.as_deref(), Some(cert.subject.as_str()));
    assert!(s
        .issuer
        .as_deref()
        .unwrap()
        .starts_with("CN=Cơ quan chứng thực"));
}

#[test]
fn page_change_after_signing_names_the_page() {
    let bytes = std::fs::read(corpus_dir().join("page_changed_after_signing.pdf")).unwrap();
    let got = read_signatures_detailed(&bytes).unwrap();
    let m = got[0]
        .modified_after_signing
        .as_ref()
        .expect("appended revision");
    assert_eq!(m.change, AppendedChange::PageContent);
    assert_eq!(m.changed_pages, vec![1]);
    assert!(m.appended_bytes > 0);
    // The stamp revision of the two-signature file adds only the stamp's widget.
    let bytes = std::fs::read(corpus_dir().join("two_signatures_stamp.pdf")).unwrap();
    let got = read_signatures_detailed(&bytes).unwrap();
    let m = got[0]
        .modified_after_signing
        .as_ref()
        .expect("appended revision");
    assert!(m.changed_pages.is_empty(), "{m:?}");
    assert!(
        m.notes.iter().any(|n| n.contains("signature widget added")),
        "{m:?}"
    );
}

#[test]
fn unsigned_pdf_has_no_signatures_and_garbage_is_an_error() {
    let bytes = std::fs::read(corpus_dir().join("unsigned.pdf")).unwrap();
    assert!(read_signatures(&bytes).unwrap().is_empty());
    assert!(read_signatures(b"Chi thi so 228/CT-UBND").is_err());
    assert!(read_signatures(&[]).is_err());
}
