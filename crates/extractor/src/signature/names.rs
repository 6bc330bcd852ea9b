//! Certificate names and facts, with Vietnamese text decoded from every ASN.1 string type.

use der::asn1::ObjectIdentifier;
use der::{Encode, Tag, Tagged};
use serde::Serialize;
use x509_cert::name::Name;
use x509_cert::Certificate;

/// What a signer certificate says about its holder and issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct CertificateInfo {
    /// Subject, attributes in certificate order ("C=VN, O=…, CN=Nguyễn Văn Â").
    pub subject: String,
    /// Common name (CN).
    pub common_name: Option<String>,
    /// Organisation (O).
    pub organization: Option<String>,
    /// Organisational unit (OU); several are joined with "; ".
    pub organizational_unit: Option<String>,
    /// Locality (L).
    pub locality: Option<String>,
    /// State or province (ST).
    pub state: Option<String>,
    /// Country (C).
    pub country: Option<String>,
    /// E-mail address (the emailAddress attribute).
    pub email: Option<String>,
    /// User ID (UID), where Vietnamese CAs put "CMND:…", "CCCD:…" or "MST:…".
    pub user_id: Option<String>,
    /// Issuer, attributes in certificate order.
    pub issuer: String,
    /// Issuer's common name.
    pub issuer_common_name: Option<String>,
    /// Serial number, upper-case hex.
    pub serial: String,
    /// Start of validity, RFC 3339.
    pub not_before: String,
    /// End of validity, RFC 3339.
    pub not_after: String,
}

impl CertificateInfo {
    /// Reads the subject, issuer, serial and validity of `cert`.
    pub(crate) fn of(cert: &Certificate) -> Self {
        let tbs = &cert.tbs_certificate;
        let subject = attributes(&tbs.subject);
        let issuer = attributes(&tbs.issuer);
        let first = |attrs: &[(String, String)], label: &str| {
            attrs
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.clone())
        };
        let units: Vec<&str> = subject
            .iter()
            .filter(|(l, _)| l == "OU")
            .map(|(_, v)| v.as_str())
            .collect();
        CertificateInfo {
            subject: join(&subject),
            common_name: first(&subject, "CN"),
            organization: first(&subject, "O"),
            organizational_unit: (!units.is_empty()).then(|| units.join("; ")),
            locality: first(&subject, "L"),
            state: first(&subject, "ST"),
            country: first(&subject, "C"),
            email: first(&subject, "E"),
            user_id: first(&subject, "UID"),
            issuer: join(&issuer),
            issuer_common_name: first(&issuer, "CN"),
            serial: tbs
                .serial_number
                .as_bytes()
                .iter()
                .map(|b| format!("{b:02X}"))
                .collect(),
            not_before: tbs.validity.not_before.to_date_time().to_string(),
            not_after: tbs.validity.not_after.to_date_time().to_string(),
        }
    }
}

/// "L=v" pairs joined with ", ".
fn join(attrs: &[(String, String)]) -> String {
    attrs
        .iter()
        .map(|(l, v)| format!("{l}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every attribute of a name as (label, text), in certificate order.
pub(crate) fn attributes(name: &Name) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rdn in name.0.iter() {
        for atv in rdn.0.iter() {
            let text = decode_string(atv.value.tag(), atv.value.value()).unwrap_or_else(|| {
                // Not a string: show the DER as hex, as RFC 4514 does.
                let der = atv.value.to_der().unwrap_or_default();
                format!(
                    "#{}",
                    der.iter().map(|b| format!("{b:02X}")).collect::<String>()
                )
            });
            out.push((label(&atv.oid), text));
        }
    }
    out
}

/// Short label of a name attribute, or its dotted OID.
fn label(oid: &ObjectIdentifier) -> String {
    const LABELS: &[(&str, &str)] = &[
        ("2.5.4.3", "CN"),
        ("2.5.4.4", "SN"),
        ("2.5.4.5", "SERIALNUMBER"),
        ("2.5.4.6", "C"),
        ("2.5.4.7", "L"),
        ("2.5.4.8", "ST"),
        ("2.5.4.9", "STREET"),
        ("2.5.4.10", "O"),
        ("2.5.4.11", "OU"),
        ("2.5.4.12", "T"),
        ("2.5.4.42", "GN"),
        ("1.2.840.113549.1.9.1", "E"),
        ("0.9.2342.19200300.100.1.1", "UID"),
        ("0.9.2342.19200300.100.1.25", "DC"),
    ];
    let dotted = oid.to_string();
    LABELS
        .iter()
        .find(|(o, _)| *o == dotted)
        .map_or(dotted, |(_, l)| (*l).to_string())
}

/// Text of an ASN.1 string of type `tag`; `None` for non-string types.
pub(crate) fn decode_string(tag: Tag, bytes: &[u8]) -> Option<String> {
    match tag {
        Tag::Utf8String => Some(String::from_utf8_lossy(bytes).into_owned()),
        Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            Some(bytes.iter().map(|&b| char::from(b)).collect())
        }
        // T.61 in theory; in practice signers put Latin-1 (or UTF-8) there.
        Tag::TeletexString => Some(
            String::from_utf8(bytes.to_vec())
                .unwrap_or_else(|_| bytes.iter().map(|&b| char::from(b)).collect()),
        ),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        // UniversalString (tag 28) is not in `der`'s Tag list; it arrives as an unknown tag.
        _ if tag.octet() == 0x1C => Some(
            bytes
                .chunks_exact(4)
                .map(|c| {
                    char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                        .unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bmp_string_gives_vietnamese_letters() {
        let bytes: Vec<u8> = "Văn phòng Ủy ban"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode_string(Tag::BmpString, &bytes).as_deref(),
            Some("Văn phòng Ủy ban")
        );
    }

    #[test]
    fn utf8_and_printable_strings() {
        assert_eq!(
            decode_string(Tag::Utf8String, "Nguyễn Văn Â".as_bytes()).as_deref(),
            Some("Nguyễn Văn Â")
        );
        assert_eq!(
            decode_string(Tag::PrintableString, b"VN").as_deref(),
            Some("VN")
        );
        assert_eq!(decode_string(Tag::Integer, b"\x01"), None);
    }
}
