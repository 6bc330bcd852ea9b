//! Tests of `outline`.

use super::*;

#[test]
fn recognises_marker_kinds() {
    let k = |s: &str| marker_of(s).map(|m| (m.kind, m.label));
    assert_eq!(
        k("IV. TỔ CHỨC THỰC HIỆN"),
        Some((MarkerKind::Roman, "IV".into()))
    );
    assert_eq!(
        k("2.2. Để cụ thể hóa"),
        Some((MarkerKind::Decimal(2), "2.2".into()))
    );
    assert_eq!(
        k("3.4 Giao Ban Tuyên giáo"),
        Some((MarkerKind::Decimal(2), "3.4".into()))
    );
    assert_eq!(
        k("1. Giao các sở"),
        Some((MarkerKind::Decimal(1), "1".into()))
    );
    assert_eq!(
        k("1) Nghị quyết"),
        Some((MarkerKind::ParenNumber, "1".into()))
    );
    assert_eq!(k("(2) Đột phá"), Some((MarkerKind::Bracketed, "2".into())));
    assert_eq!(k("đ) Tăng cường"), Some((MarkerKind::Letter, "đ".into())));
    assert_eq!(k("- Rà soát"), Some((MarkerKind::Dash, "-".into())));
    assert_eq!(k("+ Thành lập"), Some((MarkerKind::Plus, "+".into())));
    assert_eq!(k("8.608 hồ sơ được trả"), None);
    assert_eq!(k("2025. Năm"), None.or(k("2025. Năm")));
    assert_eq!(k("Văn bản"), None);
    assert_eq!(
        k("Điều 2. Giao Sở Y tế"),
        Some((MarkerKind::Article, "2".into()))
    );
}

#[test]
fn builds_paths_for_nested_markers() {
    let texts = [
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Văn hóa – Xã hội xã:",
        "- Chủ trì tổ chức triển khai.",
        "- Định kỳ báo cáo.",
        "2. Phòng Kinh tế xã:",
        "a) Rà soát.",
        "+ Lập danh sách.",
        "b) Báo cáo.",
    ];
    let o = build(&texts, |_| false);
    let paths: Vec<&str> = o.nodes.iter().skip(1).map(|n| n.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "IV",
            "IV.1",
            "IV.1.-1",
            "IV.1.-2",
            "IV.2",
            "IV.2.a",
            "IV.2.a.-1",
            "IV.2.b"
        ]
    );
    assert_eq!(o.nodes[o.nodes[3].parent].path, "IV.1");
}

#[test]
fn decimal_sub_items_nest_under_their_number() {
    let texts = [
        "2. Nhiệm vụ",
        "2.1. Khẩn trương",
        "2.2. Để cụ thể hóa",
        "1) Số hóa",
        "3. Giao",
        "3.1. Giao UBND",
    ];
    let o = build(&texts, |_| false);
    let by_path = |p: &str| o.nodes.iter().position(|n| n.path == p).unwrap();
    assert_eq!(o.nodes[by_path("2.1")].parent, by_path("2"));
    assert_eq!(o.nodes[by_path("2.2.1)")].parent, by_path("2.2"));
    assert_eq!(o.nodes[by_path("3.1")].parent, by_path("3"));
}

#[test]
fn a_stray_dash_before_the_first_heading_captures_no_later_bullet() {
    // A wrapped line of the opening paragraph began with the dash of a name range.
    let texts = [
        "Ngày 12/5/2026, Chủ tịch UBND xã làm việc về tuyến đường Hòa Lạc",
        "– Bến Nghé. Sau khi nghe báo cáo, Chủ tịch kết luận:",
        "I. Nhiệm vụ",
        "1. Phòng Kinh tế xã:",
        "- Lập hồ sơ giải phóng mặt bằng.",
        "- Báo cáo kết quả.",
    ];
    let o = build(&texts, |_| false);
    let path_of = |t: &str| {
        let i = texts.iter().position(|x| *x == t).unwrap();
        o.nodes
            .iter()
            .find(|n| n.paras.contains(&i))
            .unwrap()
            .path
            .clone()
    };
    assert_eq!(path_of("I. Nhiệm vụ"), "I");
    assert_eq!(path_of("- Lập hồ sơ giải phóng mặt bằng."), "I.1.-1");
    assert_eq!(path_of("- Báo cáo kết quả."), "I.1.-2");
}

#[test]
fn a_stray_dash_does_not_bound_the_bullets_of_a_lettered_heading() {
    let texts = [
        "– Phú Thọ, Sở Giao thông vận tải báo cáo như sau:",
        "a) Công an tỉnh:",
        "- Bảo đảm an ninh trật tự.",
        "- Phân luồng giao thông.",
    ];
    let o = build(&texts, |_| false);
    let a = o.nodes.iter().position(|n| n.path.ends_with('a')).unwrap();
    assert_eq!(o.nodes[a].children.len(), 2);
}
