//! Tests of `analyse`.

use super::restated;

#[test]
fn a_body_item_restated_by_a_table_row_is_one_task() {
    let body = [
        "Tổ chức hội nghị phổ biến, quán triệt Luật Thủy lợi đến các tổ chức thủy lợi cơ sở trên địa bàn.",
        "Xây dựng cơ sở dữ liệu về công trình thủy lợi nhỏ, kết quả kiểm định an toàn đập, hồ chứa nước.",
        "Kiểm tra việc vận hành các trạm bơm điện trong mùa khô.",
    ];
    let rows = [
        "Xây dựng cơ sở dữ liệu về công trình thủy lợi nhỏ và kết quả kiểm định an toàn đập, hồ chứa.",
        "Tổ chức tập huấn nghiệp vụ cho cán bộ quản lý thủy lợi cấp xã.",
    ];
    assert_eq!(restated(&body, &rows), vec![1]);
    // A row that shares only a few words with a long item leaves it alone.
    let rows = ["Tổ chức hội nghị sơ kết."];
    assert!(restated(&body, &rows).is_empty());
}
