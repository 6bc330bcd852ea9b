//! Tests of `ocr`.

use super::*;

#[test]
fn tones_dropped_or_misread_on_circumflex_vowels_are_put_back() {
    for (ocr, want) in [
        (
            "Sở Tư pháp kiêm tra việc châp hành",
            "Sở Tư pháp kiểm tra việc chấp hành",
        ),
        (
            "thực hiện chuyến đổi số đổi với cấp xã",
            "thực hiện chuyển đổi số đối với cấp xã",
        ),
        ("Tố chức tập huấn", "Tổ chức tập huấn"),
        (
            "ỦY BAN NHÂN DÂN TÍNH BẮC SƠN",
            "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
        ),
        (
            "báo cáo trong quý 1/2027 và quý 3 năm 2027",
            "báo cáo trong quý I/2027 và quý III năm 2027",
        ),
        ("sản xuât hàng hóa", "sản xuất hàng hóa"),
    ] {
        assert_eq!(correct(ocr), want, "{ocr}");
    }
}

#[test]
fn right_words_and_names_stay() {
    for ok in [
        "Phó Chủ tịch kiêm nhiệm Giám đốc",
        "Ông Nguyễn Văn Thuân, tính toán chi phí",
        "quý khách; 1/2027",
        "Tổ chức kiểm tra, báo cáo kết quả",
    ] {
        assert_eq!(correct(ok), ok);
    }
}
