//! Inputs the fuzz targets found (tests/data/fuzz/), each with the outcome it must have.

use nhiemvu_normalizer::text::{clean, match_key, nfc};

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
