//! Property tests of the text functions: cleaning is idempotent, loses no letter, and does
//! not depend on the Unicode normal form of its input.

use nhiemvu_normalizer::text::{clean, fold_tones, match_key, nfc};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Vietnamese-looking text: letters with every tone, punctuation, odd spaces and dashes.
fn vietnamese() -> impl Strategy<Value = String> {
    "[a-zA-ZàảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĐƯƠÂÊÔĂ0-9 ,.;:()\u{a0}\u{2013}\u{2014}\u{ad}\u{200b}-]{0,80}"
}

proptest! {
    #[test]
    fn clean_is_idempotent(s in vietnamese()) {
        let once = clean(&s);
        prop_assert_eq!(clean(&once), once);
    }

    #[test]
    fn match_key_is_idempotent(s in vietnamese()) {
        let once = match_key(&s);
        prop_assert_eq!(match_key(&once), once);
    }

    #[test]
    fn clean_loses_no_letter(s in vietnamese()) {
        let letters = |t: &str| nfc(t).chars().filter(|c| c.is_alphabetic()).count();
        prop_assert_eq!(letters(&clean(&s)), letters(&s));
    }

    #[test]
    fn nfc_and_nfd_inputs_clean_alike(s in vietnamese()) {
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(clean(&nfd), clean(&s));
    }

    #[test]
    fn fold_tones_only_moves_marks(s in vietnamese()) {
        let base = |t: &str| -> String {
            t.nfd().filter(|c| !matches!(*c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')).collect()
        };
        prop_assert_eq!(base(&fold_tones(&s)), base(&nfc(&s)));
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = match_key(&s);
        let _ = nhiemvu_normalizer::readability::assess(&s);
        let _ = nhiemvu_normalizer::legacy::repair(&s, None);
        let _ = nhiemvu_normalizer::units::canonical_unit(&s, None);
        let _ = nhiemvu_normalizer::numbers::parse_vn_number(&s);
    }
}
