//! Unit reader tests: "sentence → leads / coordinators" on invented sentences.

use super::*;

#[test]
fn unit_phrases_end_at_the_verb() {
    let s = "các sở, ban, ngành, UBND các xã, phường căn cứ theo chức năng";
    let len = unit_phrase_len(s).unwrap();
    assert_eq!(&s[..len], "các sở, ban, ngành, UBND các xã, phường");
    assert_eq!(
        split_units(&s[..len]),
        vec!["các sở, ban, ngành", "UBND các xã, phường"]
    );
    let s = "Sở Khoa học và Công nghệ chủ trì, phối hợp";
    assert_eq!(
        &s[..unit_phrase_len(s).unwrap()],
        "Sở Khoa học và Công nghệ"
    );
}

#[test]
fn giao_with_lead_and_coordinators() {
    let p =
        parties_in("2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan:");
    assert_eq!(p.leads, vec!["Sở Khoa học và Công nghệ"]);
    assert_eq!(p.coordinators, vec!["các đơn vị liên quan"]);
}

#[test]
fn subject_with_lead_verb_and_trailing_parenthesis() {
    let p = parties_in("Số hóa hồ sơ, tài liệu: UBND phường chủ trì triển khai số hóa; Ban Chỉ đạo chỉ đạo các đơn vị kiểm tra.");
    assert_eq!(p.leads, vec!["UBND phường"]);
    let p =
        parties_in("(3) Chủ trì xây dựng lộ trình đổi mới công nghệ (Sở Khoa học và Công nghệ).");
    assert_eq!(p.leads, vec!["Sở Khoa học và Công nghệ"]);
}

#[test]
fn level_word_is_distributed() {
    let len = unit_phrase_len("Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã tăng cường").unwrap();
    let units = split_units(&"Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã tăng cường"[..len]);
    assert_eq!(
        units,
        vec![
            "Đảng ủy xã",
            "HĐND xã",
            "UBND xã",
            "Ủy ban MTTQ Việt Nam xã"
        ]
    );
}

#[test]
fn headings_that_are_units_and_owners() {
    assert_eq!(
        heading_is_unit("1. Phòng Văn hóa – Xã hội xã:"),
        Some(vec!["Phòng Văn hóa – Xã hội xã".to_string()])
    );
    assert_eq!(heading_is_unit("2. Triển khai hạ tầng số"), None);
    assert_eq!(
        owner_in_heading("2. Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm 2026"),
        Some(vec!["Ban Chỉ đạo".to_string()])
    );
}

#[test]
fn mat_tran_and_organisations_split_at_va() {
    let p = parties_in("Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường đổi mới mạnh mẽ nội dung");
    assert_eq!(
        p.leads,
        vec![
            "Ủy ban Mặt trận Tổ quốc",
            "các tổ chức chính trị - xã hội phường"
        ]
    );
}
