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

#[test]
fn a_text_layer_with_dropped_glyphs_is_holed_and_a_table_is_not() {
    // An invented decision whose font lost its accented glyphs and some syllables.
    let broken = "C n c Lu t T  ch c chính quy n\ta ph ng ngày 19/6/2025;\n\
                  Xét  ngh  c a Tr ng phòng\tth ng m i\tvà  d ch v ,\n\
                  i u 1. Giao phòng\tchuyên môn\tthu c S  ki m tra\tvi c th c hi n.";
    let table = "STT\tNội dung\tĐơn vị chủ trì\tThời hạn\n\
                 1\tRà soát hồ sơ đất đai\tPhòng Kinh tế\tQuý II/2026\n\
                 2\tKiểm tra an toàn thực phẩm\tTrạm Y tế xã\tHằng tháng\n\
                 Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với các thôn thực hiện.";
    assert!(holes(broken) > 0.3, "{}", holes(broken));
    assert!(holes(table) < 0.1, "{}", holes(table));
}

#[test]
fn good_latin_text_of_another_language_is_readable_and_broken_font_glyphs_are_not() {
    // A German leaflet and a Czech notice: few Vietnamese syllables, but words.
    let german = "Strom und Wärme – zuverlässig, günstig! Für Kiel, Preetz & Plön";
    let czech = "Oznámení: obecní úřad bude v pondělí zavřený kvůli opravě střechy.";
    for text in [german, czech] {
        assert!(score(text) < UNREADABLE_BELOW, "{text}: {}", score(text));
        assert_eq!(assess(text).verdict, Verdict::Readable, "{text}");
    }
    // Broken font maps: mixed-case letters, other scripts and signs inside the words.
    let broken = [
        "uY BAN NgAN nAN TiNH HoA BiNH\nSo: 27/TB-UBND\nKeT LuAN cUA pHo cHu TiCH",
        "UBND 7ӌ1+ BẮC SƠN\n6Ӣ NÔNG NGHIӊP\n&Ӝ1* HÒA XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM\nĈӝF OұS - 7ӵ do - +ҥQK phúc",
    ];
    for text in broken {
        assert!(!reads_as_latin(text), "{text}");
    }
}
