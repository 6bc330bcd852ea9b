//! Tests of `text`.

use super::*;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// The shortcut for clean lines gives what the full cleaning gives.
    #[test]
    fn clean_shortcut_agrees_with_full_cleaning(
        s in "[a-zA-Z0-9 ,.–\u{2010}-\u{2015}\u{00A0}\u{00AD}\u{200B}\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{00D0}\u{00F0}\u{01A2}\u{01A3}àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđĐơƠưƯ\t]{0,24}"
    ) {
        proptest::prop_assert_eq!(clean(&s), compose(&s));
    }
}

#[test]
fn is_letter_agrees_with_the_unicode_table() {
    for c in (0..0x3000u32).filter_map(char::from_u32) {
        assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
    }
}

#[test]
fn clean_unifies_spaces_dashes_and_lookalikes() {
    assert_eq!(
        clean("Văn\u{00A0}hóa\u{2014}Xã  hội\u{00AD}"),
        "Văn hóa–Xã hội"
    );
    assert_eq!(clean("\u{00D0}ảng ủy"), "Đảng ủy");
    let nfd = "ho\u{0061}\u{0300}";
    assert_eq!(clean(nfd), "hoà");
}

#[test]
fn tones_fold_to_new_style() {
    assert_eq!(fold_tones("hoà thuỷ Hoá uỷ khoẻ"), "hòa thủy Hóa ủy khỏe");
    assert_eq!(fold_tones("quý hoàn"), "quý hoàn");
    assert_eq!(match_key("Hoà  Bình – Xã"), match_key("hòa bình - xã"));
}
