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
        ("Phòng Kinh tế –- Hạ tầng", "Phòng Kinh tế – Hạ tầng"),
        ("giai đoạn 2026 -— 2030", "giai đoạn 2026 — 2030"),
        // Capitals: a circumflex merged into the tone above it, a tone misread.
        ("QUYÉT ĐỊNH BAN HÀNH", "QUYẾT ĐỊNH BAN HÀNH"),
        ("CỤC HÓA CHÁT", "CỤC HÓA CHẤT"),
        ("KT. GIÁM ĐÓC", "KT. GIÁM ĐỐC"),
        ("CỘNG HÕA XÃ HỘI", "CỘNG HÒA XÃ HỘI"),
        ("PHÓ CỤC TRƯỜNG", "PHÓ CỤC TRƯỞNG"),
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
        "TRƯỜNG TIỂU HỌC AN PHÚ",
        "HÓA ĐƠN ĐIỆN TỬ",
    ] {
        assert_eq!(correct(ok), ok);
    }
}

#[test]
fn a_footnote_marker_read_as_an_apostrophe_gets_its_number_back() {
    let page = "các nhiệm vụ còn chậm'); báo cáo Sở Nội vụ.\n\n1(1) Rà soát hồ sơ (Sở Xây dựng)";
    assert_eq!(
        correct(page),
        "các nhiệm vụ còn chậm1); báo cáo Sở Nội vụ.\n\n1(1) Rà soát hồ sơ (Sở Xây dựng)"
    );
    // No footnote body on the page, or a marker already read right: nothing changes.
    for same in [
        "các nhiệm vụ còn chậm'); báo cáo Sở Nội vụ.",
        "nhiệm vụ chậm1; việc khác'.\n1 Theo Kế hoạch số 12/KH-UBND",
    ] {
        assert_eq!(correct(same), same);
    }
}
