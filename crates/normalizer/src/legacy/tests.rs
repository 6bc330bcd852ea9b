//! Tests of `legacy`.

use super::*;
use proptest::prelude::*;

/// Every Vietnamese letter, lower case.
const LETTERS: &str =
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";

#[test]
fn tcvn3_mojibake_reads_back() {
    // What pdftotext prints for ".VnTime" text: "Céng hoµ x· héi chñ nghÜa ViÖt Nam".
    assert_eq!(
        to_unicode(
            "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
            LegacyEncoding::Tcvn3,
            false
        ),
        "Cộng hoà xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(
        to_unicode("uû ban nh©n d©n", LegacyEncoding::Tcvn3, true),
        "UỶ BAN NHÂN DÂN"
    );
    assert_eq!(
        encoding_for_font("ABCDEF+.VnTimeH"),
        Some((LegacyEncoding::Tcvn3, true))
    );
    assert_eq!(
        encoding_for_font(".VnTime"),
        Some((LegacyEncoding::Tcvn3, false))
    );
    assert_eq!(
        encoding_for_font("VNI-Times"),
        Some((LegacyEncoding::Vni, false))
    );
    assert_eq!(encoding_for_font("LiberationSerif"), None);
}

#[test]
fn vni_reads_back() {
    let enc = from_unicode("Ủy ban nhân dân tỉnh Đắk Lắk", LegacyEncoding::Vni).unwrap();
    assert_eq!(
        to_unicode(&enc, LegacyEncoding::Vni, false),
        "Ủy ban nhân dân tỉnh Đắk Lắk"
    );
    assert_eq!(
        to_unicode("Vieät Nam", LegacyEncoding::Vni, false),
        "Việt Nam"
    );
}

#[test]
fn detection_finds_legacy_text_and_leaves_unicode_alone() {
    let seed = "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch chuyển đổi số, hoàn thành trước ngày 31 tháng 12 năm 2026";
    let lower = seed.to_lowercase();
    let tcvn3 = from_unicode(&lower, LegacyEncoding::Tcvn3).unwrap();
    assert_eq!(detect(&tcvn3), Some(LegacyEncoding::Tcvn3));
    let vni = from_unicode(seed, LegacyEncoding::Vni).unwrap();
    assert_eq!(detect(&vni), Some(LegacyEncoding::Vni));
    assert_eq!(detect(seed), None);
    assert_eq!(
        detect("The committee approved the annual budget and the new plan for the province."),
        None
    );
    assert_eq!(repair(&tcvn3, None).map(|(t, _)| t), Some(lower));
}

proptest! {
    #[test]
    fn tcvn3_round_trips(word in proptest::collection::vec(proptest::sample::select(LETTERS.chars().collect::<Vec<_>>()), 1..12)) {
        let s: String = word.into_iter().collect();
        let enc = from_unicode(&s, LegacyEncoding::Tcvn3).unwrap();
        prop_assert_eq!(to_unicode(&enc, LegacyEncoding::Tcvn3, false), s.clone());
        prop_assert_eq!(to_unicode(&enc, LegacyEncoding::Tcvn3, true), s.to_uppercase());
    }

    #[test]
    fn vni_round_trips(word in proptest::collection::vec(proptest::sample::select(LETTERS.chars().collect::<Vec<_>>()), 1..12), upper in any::<bool>()) {
        let s: String = word.into_iter().collect();
        let s = if upper { s.to_uppercase() } else { s };
        let enc = from_unicode(&s, LegacyEncoding::Vni).unwrap();
        prop_assert_eq!(to_unicode(&enc, LegacyEncoding::Vni, false), s);
    }
}
