//! Encrypted PDFs whose text needs no password: a file identifier (`/ID`) missing or odd, and
//! encryption that covers only attachments (`/StmF` and `/StrF` `/Identity`, `/EFF` set).
//! Neither may be rejected as needing a password; a real user password still is.

mod pdf_support;

use lopdf::{EncryptionState, EncryptionVersion, Permissions};
use nhiemvu_extractor::pdf::{read_pdf, Limits};
use nhiemvu_extractor::ExtractError;
use pdf_extract::{dictionary, Document, Object, StringFormat};
use pdf_support::{text_ops, Builder};

const TEXT: &str = "Sở Xây dựng chủ trì rà soát hồ sơ";

/// A one-page document showing [`TEXT`], parsed back for changes.
fn plain() -> Document {
    let mut b = Builder::new(&[TEXT]);
    b.page(text_ops(12.0, 72.0, 700.0, TEXT));
    Document::load_mem(&b.finish()).unwrap()
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// RC4 128-bit encryption with an empty user password, keyed on an empty first `/ID`; then
/// the trailer's `/ID` is replaced by `id` (or removed).
fn encrypted_with_id(id: Option<Object>, user_password: &str) -> Vec<u8> {
    let mut doc = plain();
    let empty = Object::String(Vec::new(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![empty.clone(), empty]);
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::all(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    match id {
        Some(id) => doc.trailer.set("ID", id),
        None => {
            doc.trailer.remove(b"ID");
        }
    }
    save(doc)
}

fn text_of(bytes: &[u8]) -> String {
    let content = read_pdf(bytes, &Limits::default()).expect("read");
    content.pages.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn a_missing_or_odd_file_identifier_does_not_block_the_text() {
    let bytes = encrypted_with_id(None, "");
    assert!(bytes.windows(8).any(|w| w == b"/Encrypt"));
    assert!(Document::load_mem(&bytes)
        .unwrap()
        .trailer
        .get(b"ID")
        .is_err());
    assert_eq!(text_of(&bytes), TEXT);
    // An /ID that is a bare number, not an array of strings.
    assert_eq!(text_of(&encrypted_with_id(Some(7.into()), "")), TEXT);
    // A real user password is still needed.
    let locked = encrypted_with_id(None, "secret");
    assert!(matches!(
        read_pdf(&locked, &Limits::default()),
        Err(ExtractError::Encrypted(_))
    ));
}

/// A document whose `/Encrypt` dictionary asks for a password (its `/U` matches none) and
/// names `stream_filter` for streams; strings and streams are in fact in the clear.
fn password_for(stream_filter: &str) -> Vec<u8> {
    let mut doc = plain();
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard",
        "V" => 4,
        "R" => 4,
        "Length" => 128,
        "CF" => dictionary! {
            "StdCF" => dictionary! { "CFM" => "AESV2", "AuthEvent" => "EFOpen", "Length" => 16 },
        },
        "StmF" => stream_filter,
        "StrF" => "Identity",
        "EFF" => "StdCF",
        "O" => Object::String(vec![0x5a; 32], StringFormat::Hexadecimal),
        "U" => Object::String(vec![0xa5; 32], StringFormat::Hexadecimal),
        "P" => -4,
    });
    doc.trailer.set("Encrypt", encrypt);
    let id = Object::String(vec![1, 2, 3, 4], StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    save(doc)
}

#[test]
fn encryption_of_attachments_only_does_not_block_the_text() {
    // The password protects the embedded files alone.
    assert_eq!(text_of(&password_for("Identity")), TEXT);
    // With its streams encrypted (/StmF /StdCF) the same file needs the password.
    assert!(matches!(
        read_pdf(&password_for("StdCF"), &Limits::default()),
        Err(ExtractError::Encrypted(_))
    ));
}
