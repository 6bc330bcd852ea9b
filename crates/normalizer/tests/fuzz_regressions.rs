//! Inputs the fuzz targets found (tests/data/fuzz/), each with the outcome it must have.

use nhiemvu_normalizer::text::{clean, match_key, nfc};
use nhiemvu_normalizer::units::locality_from_issuer;

fn fuzz_input(name: &str) -> String {
    let path = format!(
        "{}/../../tests/data/fuzz/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    String::from_utf8(std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

#[test]
fn invisible_character_between_letter_and_mark_is_dropped_before_composing() {
    // "a", ZERO WIDTH SPACE, COMBINING ACUTE ACCENT.
    let input = fuzz_input("clean_invisible_between_letter_and_mark.txt");
    assert_eq!(input, "a\u{200B}\u{301}");
    let once = clean(&input);
    assert_eq!(once, "á");
    assert_eq!(clean(&once), once);
    assert_eq!(match_key(&input), match_key("á"));
}

#[test]
fn look_alike_replaced_by_a_letter_that_takes_marks_is_composed() {
    // LATIN CAPITAL LETTER OI is mapped to Ư; with a combining acute it must become Ứ.
    let once = clean("\u{1A2}\u{301}ng, soft\u{AD}\u{309}");
    assert_eq!(once, nfc(&once));
    assert!(once.starts_with('\u{1EE8}'), "{once:?}");
    assert_eq!(clean(&once), once);
}

#[test]
fn issuer_with_a_letter_whose_upper_case_is_longer_finds_its_locality() {
    // "Hᾐ", "XÃ ", then an invalid byte: 'ᾐ' upper-cases to "ἘΙ" (two bytes longer), so the
    // offset of "XÃ " in the upper-cased text used to land inside a character of the issuer.
    let bytes = std::fs::read(format!(
        "{}/../../tests/data/fuzz/locality_uppercase_changes_length.bin",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let issuer = String::from_utf8_lossy(&bytes);
    assert_eq!(issuer, "H\u{1F90}X\u{C3} \u{FFFD}");
    let loc = locality_from_issuer(&issuer).expect("a locality after 'XÃ '");
    assert_eq!((loc.level.as_str(), loc.name.as_str()), ("xã", "\u{FFFD}"));
    // Real names behind a longer upper case are read whole.
    let loc = locality_from_issuer("ĐẢNG ỦY ᾐ XÃ EA KAO").unwrap();
    assert_eq!((loc.level.as_str(), loc.name.as_str()), ("xã", "Ea Kao"));
}
