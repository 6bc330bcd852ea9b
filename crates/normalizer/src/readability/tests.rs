//! Tests of `readability`.

use super::*;

#[test]
fn syllables() {
    for ok in [
        "nghiêng",
        "Việt",
        "thuỷ",
        "thủy",
        "hòa",
        "khuya",
        "quốc",
        "giữ",
        "đảng",
        "người",
        "trường",
        "kế",
        "ghi",
        "nghĩa",
        "UBND",
    ] {
        assert!(is_vietnamese_syllable(ok) || token_reads(ok), "{ok}");
    }
    for bad in [
        "céng", "héi", "chñ", "nghÜa", "ViÖt", "ke̊", "ngie", "kaa", "hoµ",
    ] {
        assert!(!is_vietnamese_syllable(bad), "{bad}");
    }
}

#[test]
fn real_text_reads_and_mojibake_does_not() {
    let real = "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan tham mưu UBND tỉnh ban hành Kế hoạch số 146/KH-UBND, hoàn thành trước ngày 31/12/2025; đạt 94,97% hồ sơ trực tuyến qua Zalo OA của Viettel.";
    assert!(score(real) > 0.9, "{}", score(real));
    let tcvn3 = "Giao Së Khoa häc vµ C«ng nghÖ chñ tr×, phèi hîp víi c¸c ®¬n vÞ liªn quan tham m\u{AD}u UBND tØnh ban hµnh kÕ ho¹ch";
    assert!(score(tcvn3) < UNREADABLE_BELOW, "{}", score(tcvn3));
    assert_eq!(assess(tcvn3).verdict, Verdict::Unreadable);
    assert_eq!(assess("  \n 12 \n").verdict, Verdict::Empty);
    assert_eq!(assess(real).verdict, Verdict::Readable);
    let garbage = "ÿþ\u{1}ÀÁ ¤¥ ®¯° ±²³ ´µ¶ ·¸¹ º»¼ ½¾¿ ÆÇÈ ÉÊË ÌÍÎ";
    assert!(score(garbage) < 0.3);
}
