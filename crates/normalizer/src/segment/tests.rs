//! Tests of `segment`.

use super::*;

#[test]
fn glued_syllables_are_split() {
    for (glued, split) in [
        ("Giao Uỷban MTTQ xã", "Giao Uỷ ban MTTQ xã"),
        ("ĐềnghịHội Cựu chiến binh", "Đề nghị Hội Cựu chiến binh"),
        ("Văn phòng Đảng uỷUBND xã", "Văn phòng Đảng uỷ UBND xã"),
        (
            "Phòng Kinh tế chủtrì, phối hợp",
            "Phòng Kinh tế chủ trì, phối hợp",
        ),
        (
            "thực hiện nhiệm vụtừngày 05/8/2026",
            "thực hiện nhiệm vụ từ ngày 05/8/2026",
        ),
        (
            "theo Tờtrình số 07/TTr-UBND",
            "theo Tờ trình số 07/TTr-UBND",
        ),
        (
            "(Uỷban nhân dân xã Tân Phú)",
            "(Uỷ ban nhân dân xã Tân Phú)",
        ),
        ("UBNDxãPhú Lâm", "UBND xã Phú Lâm"),
        ("ỦYBAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("cần banhành, thànhlập tổ", "cần ban hành, thành lập tổ"),
    ] {
        assert_eq!(split_glued(glued), split, "{glued}");
    }
}

#[test]
fn words_names_acronyms_and_codes_stay() {
    for keep in [
        "Nguyễn Thị Khuyến nghiêng về phương án",
        "UBND HĐND TTr KH&CN VPCP QĐ-UBND BCĐ ĐBQH",
        "Tờ trình số 12-TTr/VP; thư vanthu@langson.gov.vn; https://dichvucong.gov.vn/p/home",
        "Zalo, Viettel, VNeID, iPhone, eGov, MobiFone, VinFast, online, Internet",
        "huyện Krông Pắc, xã Ia Grai, Chư Păh, M'Đrắk, xã Madaguôi, thôn Alê",
        "Số12 năm2026 điểm a1",
    ] {
        assert_eq!(split_glued(keep), keep);
    }
}

#[test]
fn stop_codas_take_only_sharp_tones() {
    assert!(is_strict_syllable("việc") && is_strict_syllable("tập"));
    assert!(!is_strict_syllable("chủt") && !is_strict_syllable("tờt"));
    assert!(!is_strict_syllable("uBND") && is_strict_syllable("BAN"));
}
