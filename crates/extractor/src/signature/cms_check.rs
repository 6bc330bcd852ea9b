//! Integrity of one CMS signature: digest over the signed bytes, then the RSA signature.
//!
//! The signed attributes are hashed from their raw bytes as they stand in `/Contents`
//! (tag `[0]` turned into SET OF), never from a re-encoding: `der` sorts SET OF on decoding,
//! and signers that wrote them in another order would otherwise fail to verify.

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{Decode, Encode, Reader, SliceReader};
use nhiemvu_model::SignatureStatus;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::time::Time;
use x509_cert::Certificate;

use super::names::CertificateInfo;

const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
const OID_TIMESTAMP_TOKEN: &str = "1.2.840.113549.1.9.16.2.14";
const OID_SUBJECT_KEY_ID: &str = "2.5.29.14";

/// What checking `/Contents` established.
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    /// Integrity verdict.
    pub status: SignatureStatus,
    /// Why, when not valid.
    pub reason: Option<String>,
    /// Digest algorithm name ("sha256").
    pub digest_algorithm: Option<String>,
    /// Signature algorithm ("rsa-pkcs1v15", "ecdsa", or an OID).
    pub signature_algorithm: Option<String>,
    /// Signer certificate facts.
    pub certificate: Option<CertificateInfo>,
    /// Signed `signingTime` attribute, RFC 3339.
    pub signed_signing_time: Option<String>,
    /// An RFC 3161 timestamp token is attached.
    pub has_timestamp_token: bool,
}

impl Verdict {
    /// A verdict that only has a status and its reason.
    pub(crate) fn failed(status: SignatureStatus, reason: impl Into<String>) -> Self {
        Verdict {
            status,
            reason: Some(reason.into()),
            digest_algorithm: None,
            signature_algorithm: None,
            certificate: None,
            signed_signing_time: None,
            has_timestamp_token: false,
        }
    }
}

/// Hash functions a PDF signature may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DigestAlg {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl DigestAlg {
    /// From a digest (or RSA-with-digest) algorithm OID.
    fn from_oid(oid: &str) -> Option<Self> {
        Some(match oid {
            "1.3.14.3.2.26" | "1.2.840.113549.1.1.5" => DigestAlg::Sha1,
            "2.16.840.1.101.3.4.2.4" | "1.2.840.113549.1.1.14" => DigestAlg::Sha224,
            "2.16.840.1.101.3.4.2.1" | "1.2.840.113549.1.1.11" => DigestAlg::Sha256,
            "2.16.840.1.101.3.4.2.2" | "1.2.840.113549.1.1.12" => DigestAlg::Sha384,
            "2.16.840.1.101.3.4.2.3" | "1.2.840.113549.1.1.13" => DigestAlg::Sha512,
            _ => return None,
        })
    }

    /// Lower-case name as written in the output ("sha256").
    fn name(self) -> &'static str {
        match self {
            DigestAlg::Sha1 => "sha1",
            DigestAlg::Sha224 => "sha224",
            DigestAlg::Sha256 => "sha256",
            DigestAlg::Sha384 => "sha384",
            DigestAlg::Sha512 => "sha512",
        }
    }

    /// Digest of the concatenation of `parts`.
    fn hash(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: sha2::Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut h = D::new();
            for p in parts {
                h.update(p);
            }
            h.finalize().to_vec()
        }
        match self {
            DigestAlg::Sha1 => run::<sha1::Sha1>(parts),
            DigestAlg::Sha224 => run::<sha2::Sha224>(parts),
            DigestAlg::Sha256 => run::<sha2::Sha256>(parts),
            DigestAlg::Sha384 => run::<sha2::Sha384>(parts),
            DigestAlg::Sha512 => run::<sha2::Sha512>(parts),
        }
    }

    /// PKCS#1 v1.5 scheme with this digest's DigestInfo prefix.
    fn pkcs1v15(self) -> Pkcs1v15Sign {
        match self {
            DigestAlg::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
            DigestAlg::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
            DigestAlg::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
            DigestAlg::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
            DigestAlg::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        }
    }
}

/// Signature algorithm family from its OID: `Ok` for RSA PKCS#1 v1.5, `Err(name)` otherwise.
fn signature_family(oid: &str) -> Result<&'static str, String> {
    match oid {
        "1.2.840.113549.1.1.1"
        | "1.2.840.113549.1.1.5"
        | "1.2.840.113549.1.1.11"
        | "1.2.840.113549.1.1.12"
        | "1.2.840.113549.1.1.13"
        | "1.2.840.113549.1.1.14" => Ok("rsa-pkcs1v15"),
        "1.2.840.113549.1.1.10" => Err("rsassa-pss".into()),
        o if o.starts_with("1.2.840.10045.") || o.starts_with("1.3.132.") => Err("ecdsa".into()),
        o if o.starts_with("1.2.840.10040.4.") || o.starts_with("2.16.840.1.101.3.4.3.") => {
            Err("dsa".into())
        }
        o => Err(o.to_string()),
    }
}

/// Checks `/Contents` (zero-padded DER) against the signed byte `segments`.
pub(crate) fn check(contents: &[u8], sub_filter: Option<&str>, segments: &[&[u8]]) -> Verdict {
    if contents.iter().all(|&b| b == 0) {
        return Verdict::failed(
            SignatureStatus::Unsupported,
            "empty /Contents: the signature was never filled in",
        );
    }
    if contents.len() >= 2 && contents[0] == 0x30 && contents[1] == 0x80 {
        return Verdict::failed(
            SignatureStatus::Unsupported,
            "BER-encoded /Contents (indefinite lengths) is not supported; only DER is read",
        );
    }
    match sub_filter {
        None
        | Some("adbe.pkcs7.detached")
        | Some("ETSI.CAdES.detached")
        | Some("adbe.pkcs7.sha1") => {}
        Some(other) => {
            return Verdict::failed(
                SignatureStatus::Unsupported,
                format!("/SubFilter {other} is not supported"),
            )
        }
    }
    match check_der(contents, sub_filter == Some("adbe.pkcs7.sha1"), segments) {
        Ok(v) => v,
        Err(e) => Verdict::failed(
            SignatureStatus::Unsupported,
            format!("/Contents is not a readable DER CMS SignedData: {e}"),
        ),
    }
}

/// The constructed element's children, as raw TLVs.
fn children(tlv: &[u8]) -> der::Result<Vec<&[u8]>> {
    let mut outer = SliceReader::new(tlv)?;
    let header = der::Header::decode(&mut outer)?;
    let body = outer.read_slice(header.length)?;
    let mut inner = SliceReader::new(body)?;
    let mut out = Vec::new();
    while !inner.is_finished() {
        out.push(inner.tlv_bytes()?);
    }
    Ok(out)
}

/// The first signer's raw SignerInfo and its raw `[0]` signed attributes, found by walking DER.
fn raw_signer(content_info: &[u8]) -> der::Result<(&[u8], Option<&[u8]>)> {
    let missing = || der::Error::from(der::ErrorKind::Failed);
    let top = children(content_info)?;
    let explicit = top.get(1).ok_or_else(missing)?;
    let signed_data = *children(explicit)?.first().ok_or_else(missing)?;
    let parts = children(signed_data)?;
    let signer_infos = parts
        .iter()
        .skip(3)
        .rev()
        .find(|p| p.first() == Some(&0x31))
        .ok_or_else(missing)?;
    let signer = *children(signer_infos)?.first().ok_or_else(missing)?;
    let attrs = children(signer)?
        .into_iter()
        .find(|p| p.first() == Some(&0xA0));
    Ok((signer, attrs))
}

/// The whole check once `/Contents` is known to start like DER.
fn check_der(contents: &[u8], embedded_sha1: bool, segments: &[&[u8]]) -> der::Result<Verdict> {
    // One DER element; the zero padding after it is ignored.
    let tlv = SliceReader::new(contents)?.tlv_bytes()?;
    let content_info = ContentInfo::from_der(tlv)?;
    if content_info.content_type.to_string() != OID_SIGNED_DATA {
        return Ok(Verdict::failed(
            SignatureStatus::Unsupported,
            format!(
                "CMS content type {} is not SignedData",
                content_info.content_type
            ),
        ));
    }
    let signed_data: SignedData = content_info.content.decode_as()?;
    let (raw_signer_info, raw_attrs) = raw_signer(tlv)?;
    let signer = SignerInfo::from_der(raw_signer_info)?;

    let mut verdict = Verdict::failed(SignatureStatus::Unsupported, "");
    verdict.reason = None;
    let certificate = find_certificate(&signed_data, &signer.sid);
    verdict.certificate = certificate.map(CertificateInfo::of);
    verdict.has_timestamp_token = signer.unsigned_attrs.as_ref().is_some_and(|attrs| {
        attrs
            .iter()
            .any(|a| a.oid.to_string() == OID_TIMESTAMP_TOKEN)
    });

    let digest_oid = signer.digest_alg.oid.to_string();
    let Some(digest) = DigestAlg::from_oid(&digest_oid) else {
        verdict.reason = Some(format!("digest algorithm {digest_oid} is not supported"));
        return Ok(verdict);
    };
    verdict.digest_algorithm = Some(digest.name().to_string());

    // What the messageDigest attribute covers: the signed bytes, or for adbe.pkcs7.sha1
    // the encapsulated SHA-1 of the signed bytes.
    let encapsulated;
    let content: Vec<&[u8]> = if embedded_sha1 {
        let Some(econtent) = signed_data.encap_content_info.econtent.as_ref() else {
            return Ok(fail(
                verdict,
                SignatureStatus::BadSignature,
                "adbe.pkcs7.sha1 without encapsulated content",
            ));
        };
        encapsulated = econtent
            .decode_as::<OctetStringRef<'_>>()?
            .as_bytes()
            .to_vec();
        if DigestAlg::Sha1.hash(segments) != encapsulated {
            return Ok(fail(
                verdict,
                SignatureStatus::DigestMismatch,
                "the SHA-1 of the signed bytes differs from the encapsulated one",
            ));
        }
        vec![encapsulated.as_slice()]
    } else {
        segments.to_vec()
    };
    let content_digest = digest.hash(&content);

    let to_verify = match (&signer.signed_attrs, raw_attrs) {
        (Some(attrs), Some(raw)) => {
            let message_digest = attrs
                .iter()
                .find(|a| a.oid.to_string() == OID_MESSAGE_DIGEST)
                .and_then(|a| a.values.iter().next())
                .and_then(|v| v.decode_as::<OctetStringRef<'_>>().ok())
                .map(|o| o.as_bytes().to_vec());
            verdict.signed_signing_time = attrs
                .iter()
                .find(|a| a.oid.to_string() == OID_SIGNING_TIME)
                .and_then(|a| a.values.iter().next())
                .and_then(|v| Time::from_der(&v.to_der().ok()?).ok())
                .map(|t| t.to_date_time().to_string());
            match message_digest {
                None => {
                    return Ok(fail(
                        verdict,
                        SignatureStatus::BadSignature,
                        "signed attributes carry no messageDigest",
                    ))
                }
                Some(md) if md != content_digest => {
                    return Ok(fail(
                        verdict,
                        SignatureStatus::DigestMismatch,
                        "the digest of the signed bytes differs from the signed messageDigest",
                    ))
                }
                Some(_) => {}
            }
            let mut set = raw.to_vec();
            set[0] = 0x31;
            digest.hash(&[&set])
        }
        _ => content_digest,
    };

    let sig_oid = signer.signature_algorithm.oid.to_string();
    match signature_family(&sig_oid) {
        Ok(family) => verdict.signature_algorithm = Some(family.to_string()),
        Err(family) => {
            let reason = format!(
                "{} signatures are not checked (only RSA PKCS#1 v1.5); the digest matches",
                family.to_uppercase()
            );
            verdict.signature_algorithm = Some(family);
            return Ok(fail(verdict, SignatureStatus::Unsupported, reason));
        }
    }
    let Some(cert) = certificate else {
        return Ok(fail(
            verdict,
            SignatureStatus::Unsupported,
            "the signer certificate is not in /Contents",
        ));
    };
    let spki = cert.tbs_certificate.subject_public_key_info.to_der()?;
    let key = match RsaPublicKey::from_public_key_der(&spki) {
        Ok(k) => k,
        Err(e) => {
            return Ok(fail(
                verdict,
                SignatureStatus::Unsupported,
                format!("the signer certificate's key is not a usable RSA key: {e}"),
            ))
        }
    };
    let no_attrs = raw_attrs.is_none();
    Ok(
        match key.verify(digest.pkcs1v15(), &to_verify, signer.signature.as_bytes()) {
            Ok(()) => {
                verdict.status = SignatureStatus::Valid;
                verdict
            }
            Err(_) if no_attrs => fail(
                verdict,
                SignatureStatus::BadSignature,
                "the RSA signature does not verify (no signed attributes: the signed bytes or the signature changed)",
            ),
            Err(_) => fail(
                verdict,
                SignatureStatus::BadSignature,
                "the RSA signature over the signed attributes does not verify with the signer certificate's key",
            ),
        },
    )
}

/// `verdict` with `status` and `reason` set.
fn fail(mut verdict: Verdict, status: SignatureStatus, reason: impl Into<String>) -> Verdict {
    verdict.status = status;
    verdict.reason = Some(reason.into());
    verdict
}

/// The certificate named by `sid` among those carried in the SignedData.
fn find_certificate<'a>(sd: &'a SignedData, sid: &SignerIdentifier) -> Option<&'a Certificate> {
    let certs: Vec<&Certificate> = sd
        .certificates
        .as_ref()?
        .0
        .iter()
        .filter_map(|c| match c {
            CertificateChoices::Certificate(cert) => Some(cert),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let found = certs.iter().copied().find(|cert| match sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            cert.tbs_certificate.issuer == ias.issuer
                && cert.tbs_certificate.serial_number == ias.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => {
            subject_key_id(cert).as_deref() == Some(ski.0.as_bytes())
        }
    });
    found
}

/// The subject key identifier extension of `cert`.
fn subject_key_id(cert: &Certificate) -> Option<Vec<u8>> {
    let ski_oid = ObjectIdentifier::new(OID_SUBJECT_KEY_ID).ok()?;
    let ext = cert
        .tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id == ski_oid)?;
    let ski = SubjectKeyIdentifier::from_der(ext.extn_value.as_bytes()).ok()?;
    Some(ski.0.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ber_contents_is_unsupported_not_an_error() {
        let v = check(&[0x30, 0x80, 0x06, 0x09, 0, 0], None, &[b"x"]);
        assert_eq!(v.status, SignatureStatus::Unsupported);
        assert!(v.reason.unwrap().contains("BER"));
    }

    #[test]
    fn zero_filled_contents_is_an_unfilled_signature() {
        let v = check(&[0; 64], Some("adbe.pkcs7.detached"), &[b"x"]);
        assert_eq!(v.status, SignatureStatus::Unsupported);
        assert!(v.reason.unwrap().contains("never filled"));
    }

    #[test]
    fn garbage_contents_is_unsupported() {
        let v = check(&[0x30, 0x03, 0x02, 0x01], None, &[b"x"]);
        assert_eq!(v.status, SignatureStatus::Unsupported);
    }

    #[test]
    fn digest_names_and_values() {
        let d = DigestAlg::from_oid("2.16.840.1.101.3.4.2.1").unwrap();
        assert_eq!(d.name(), "sha256");
        // Hashing in parts equals hashing the whole.
        assert_eq!(
            d.hash(&["Chỉ ".as_bytes(), "thị".as_bytes()]),
            d.hash(&["Chỉ thị".as_bytes()])
        );
        assert_eq!(
            signature_family("1.2.840.10045.4.3.2"),
            Err("ecdsa".to_string())
        );
    }
}
