//! Property tests: the text half of the pipeline never panics and keeps its promises on
//! arbitrary input (random Vietnamese-looking lines, markers, dates, numbers, garbage).

use nhiemvu_extractor::analyse::analyse;
use nhiemvu_model::Page;
use proptest::prelude::*;

fn page(text: String) -> Page {
    Page {
        number: 1,
        text,
        annotations: Vec::new(),
        readability: None,
        text_source: Default::default(),
        ocr: None,
        lines: Vec::new(),
    }
}

/// Lines built from fragments that real documents contain, in random order.
fn doc_lines() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("I. NHIỆM VỤ, GIẢI PHÁP".to_string()),
        Just("1. Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan:".to_string()),
        Just("- Hoàn thành trước 17h00 ngày 28/10/2025;".to_string()),
        Just("a) Phấn đấu đạt ít nhất 50% số hộ".to_string()),
        Just("(1) Tập trung số hóa hồ sơ (Văn phòng Tỉnh ủy);".to_string()),
        Just("Nơi nhận:".to_string()),
        Just("PHỤ LỤC".to_string()),
        Just("STT Chỉ tiêu Đơn vị chịu trách nhiệm 2025 2030".to_string()),
        Just("1 - Tỷ lệ ≥ 60% 100% Phòng Văn hóa – Xã hội".to_string()),
        Just("trong quý II/2026, từ quý III/2026".to_string()),
        Just("¹ Kế hoạch số 90/KH-UBND ngày 30/10/2025.".to_string()),
        Just("Số: /UBND-KGVX".to_string()),
        Just("Đắk Lắk, ngày    tháng 10 năm 2025".to_string()),
        "[\\PC]{0,40}",
        "[0-9/.,%≥≤() -]{0,20}",
    ];
    prop::collection::vec(fragment, 0..40).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn never_panics_and_provenance_stays_in_the_page(text in doc_lines()) {
        let pages = vec![page(text.clone())];
        let a = analyse(&pages, "00");
        for t in &a.tasks {
            prop_assert!(t.provenance.start <= t.provenance.end || t.provenance.end_page.is_some());
            prop_assert!(t.provenance.start <= text.len());
            prop_assert!(text.is_char_boundary(t.provenance.start));
            prop_assert!(!t.id.is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = analyse(&[page(text)], "00");
    }

    #[test]
    fn the_same_input_gives_the_same_tasks(text in doc_lines()) {
        let a = analyse(&[page(text.clone())], "ab");
        let b = analyse(&[page(text)], "ab");
        prop_assert_eq!(a.tasks, b.tasks);
    }
}
