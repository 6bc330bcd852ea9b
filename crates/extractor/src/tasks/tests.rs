//! Tests of `tasks`.

use super::*;
use crate::outline;

fn run(kind: DocKind, lines: &[&str]) -> Vec<Draft> {
    let paras: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    let refs: Vec<&str> = lines.to_vec();
    let o = outline::build(&refs, |t| t.starts_with(|c: char| c.is_lowercase()));
    find(&o, &paras, kind, &[])
}

#[test]
fn heading_lends_lead_and_coordinators_to_bullets() {
    let d = run(
        DocKind::CongVan,
        &[
            "2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan:",
            "- Đôn đốc triển khai thực hiện 03 nhiệm vụ quá hạn.",
            "- Chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu hoàn thiện dữ liệu.",
        ],
    );
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].leads, vec!["Sở Khoa học và Công nghệ"]);
    assert_eq!(d[0].coordinators, vec!["các đơn vị liên quan"]);
    assert_eq!(d[1].leads, vec!["Sở Khoa học và Công nghệ"]);
    assert_eq!(d[1].coordinators, vec!["Văn phòng Tỉnh ủy"]);
    assert_eq!(d[1].section, "2.-2");
}

#[test]
fn results_are_not_tasks_and_report_needs_task_zone() {
    let d = run(
        DocKind::BaoCao,
        &[
            "I. KẾT QUẢ THỰC HIỆN",
            "- Triển khai xây dựng hạ tầng số; đạt 100%.",
            "IV. Nhiệm vụ trọng tâm trong năm 2026",
            "- Tiếp tục tuyên truyền, quán triệt các nghị quyết.",
            "- UBND xã đã xây dựng Kế hoạch.",
        ],
    );
    assert_eq!(d.len(), 1);
    assert!(d[0].text.starts_with("Tiếp tục tuyên truyền"));
    assert!(d[0].leads.is_empty());
}

#[test]
fn unit_heading_and_owner_heading() {
    let d = run(
        DocKind::KeHoach,
        &[
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Văn hóa – Xã hội xã:",
            "- Chủ trì tổ chức triển khai thực hiện Kế hoạch;",
            "2. Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm 2026",
            "2.1. Khẩn trương triển khai thực hiện đồng bộ Kế hoạch.",
        ],
    );
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].leads, vec!["Phòng Văn hóa – Xã hội xã"]);
    assert_eq!(d[1].leads, vec!["Ban Chỉ đạo"]);
}

#[test]
fn lead_in_prose_is_not_a_task_and_items_inherit_the_heading() {
    let d = run(
        DocKind::KeHoach,
        &[
            "4. Các cơ quan, ngành và 36 thôn, buôn của xã:",
            "Thủ trưởng các cơ quan chịu trách nhiệm toàn diện về kết quả. Chỉ đạo triển khai các nội dung sau:",
            "- Phụ trách theo dõi, đôn đốc, kiểm tra thực hiện.",
            "- Định kỳ hàng Quý báo cáo kết quả.",
        ],
    );
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_eq!(d[0].leads, vec!["Các cơ quan, ngành", "36 thôn, buôn"]);
}

#[test]
fn closing_formula_and_past_records_are_not_tasks() {
    let d = run(
        DocKind::CongVan,
        &[
            "1. Giao Sở Y tế chủ trì triển khai tiêm chủng trước ngày 30/6/2026.",
            "Nhận được Công văn này, các cơ quan, đơn vị khẩn trương triển khai thực hiện./.",
        ],
    );
    assert_eq!(d.len(), 1);
    assert!(!d[0].text.contains("Nhận được"));
    assert_eq!(d[0].leads, vec!["Sở Y tế"]);
}

#[test]
fn decision_articles_issue_and_close_but_assign_in_between() {
    let d = run(
        DocKind::QuyetDinh,
        &[
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch năm 2026.",
            "Điều 2. Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức triển khai Kế hoạch.",
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này./.",
        ],
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].section, "Điều 2");
    assert_eq!(d[0].leads, vec!["Sở Y tế"]);
    assert_eq!(d[0].coordinators, vec!["các sở, ngành liên quan"]);
}

#[test]
fn a_lead_in_under_a_heading_names_the_doers() {
    let d = run(
        DocKind::ChiThi,
        &[
            "I. NHIỆM VỤ CHUNG",
            "Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu (sau đây gọi chung là các cơ quan, đơn vị) tập trung thực hiện các nhiệm vụ sau:",
            "1. Xác định cải cách hành chính là nhiệm vụ trọng tâm.",
        ],
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].leads,
        vec![
            "Thủ trưởng các sở, ban, ngành",
            "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"
        ]
    );
}

#[test]
fn prose_sentences_with_an_order_are_tasks() {
    let d = run(
        DocKind::ThongBao,
        &["Hội nghị đã thống nhất. Giao Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện. Trân trọng."],
    );
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].leads, vec!["Văn phòng Đảng ủy"]);
}
