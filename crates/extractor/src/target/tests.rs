//! Tests of `target`.

use super::*;

fn raws(text: &str) -> Vec<String> {
    find_targets(text).into_iter().map(|t| t.raw).collect()
}

#[test]
fn percentages_with_comparators_and_measures() {
    let t = find_targets(
        "Giải quyết dứt điểm ít nhất 50% số trường hợp chưa được định danh điện tử mức độ 2.",
    );
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].raw.as_str(), t[0].value, t[0].comparator),
        ("ít nhất 50%", Some(50.0), Comparator::Ge)
    );
    assert!(t[0]
        .measure
        .as_deref()
        .unwrap()
        .starts_with("số trường hợp"));
    let t = find_targets("Quy mô kinh tế số đến hết năm 2030 đạt 30% GRDP trở lên.");
    assert_eq!(
        (t[0].raw.as_str(), t[0].unit.as_deref(), t[0].comparator),
        ("30% GRDP trở lên", Some("% GRDP"), Comparator::Ge)
    );
    let t = find_targets("Tỷ lệ hộ dùng nước sạch đạt 80-90% vào năm 2027; chi phí không quá 5%.");
    assert_eq!(t[0].comparator, Comparator::Range);
    assert_eq!((t[0].value, t[0].value_max), (Some(80.0), Some(90.0)));
    assert_eq!(t[1].comparator, Comparator::Le);
    assert_eq!(
        raws("Bố trí ít nhất 2% ngân sách và tiếp tục nâng lên 3% GDP của xã."),
        vec!["ít nhất 2%", "3% GDP"]
    );
    assert_eq!(find_targets("đạt tối thiểu 2,5% GRDP")[0].value, Some(2.5));
}

#[test]
fn ranks_counts_and_levels() {
    let t = find_targets("Phấn đấu xếp hạng nằm trong top 10/102 xã, phường của tỉnh.");
    assert_eq!(
        (t[0].raw.as_str(), t[0].value, t[0].unit.as_deref()),
        ("top 10/102", Some(10.0), Some("rank/102"))
    );
    assert_eq!(
        raws("Đôn đốc triển khai thực hiện 03 nhiệm vụ quá hạn."),
        vec!["03 nhiệm vụ"]
    );
    assert_eq!(
        raws("Ban hành 3 Nghị quyết chuyên đề để triển khai."),
        vec!["3 Nghị quyết chuyên đề"]
    );
    assert_eq!(
        raws("Mỗi tổ chức thực hiện ít nhất một công trình, phần việc cụ thể."),
        vec!["ít nhất một công trình"]
    );
    assert_eq!(
        raws("phấn đấu đến năm 2030 xã lên đô thị loại 5"),
        vec!["đô thị loại 5"]
    );
    assert_eq!(
        raws("Hỗ trợ 5.000 hộ gia đình lắp đặt điện mặt trời."),
        vec!["5.000 hộ gia đình"]
    );
}

#[test]
fn statistics_of_the_past_are_not_targets() {
    assert!(
        find_targets("trả kết quả trực tuyến 4.796/5.050 hồ sơ, đạt 94,97% (NQ giao 60%)")
            .iter()
            .all(|t| t.raw != "94,97%")
    );
    assert!(raws("Tham mưu triển khai 25 nhiệm vụ (còn 02 nhiệm vụ đang thực hiện); rà soát 23 nhiệm vụ đã được đánh giá hoàn thành.").contains(&"25 nhiệm vụ".to_string()));
    assert_eq!(
        raws("rà soát 23 nhiệm vụ đã được đánh giá hoàn thành"),
        Vec::<String>::new()
    );
    assert_eq!(
        raws("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 trong 05 năm tiếp theo."),
        Vec::<String>::new()
    );
}

/// Counts of the objects acted on are targets; counts of the present or past are not
/// (guide rule 13, generalization P9). (sentence, expected target raws)
const COUNT_ROWS: &[(&str, &[&str])] = &[
    ("Giải quyết dứt điểm 64 hồ sơ đất đai còn tồn đọng.", &["64 hồ sơ đất đai"]),
    ("Di dời 17 hộ dân ra khỏi vùng có nguy cơ sạt lở.", &["17 hộ dân"]),
    ("Chủ trì rà soát 9 dự án trên địa bàn huyện.", &["9 dự án"]),
    ("Phối hợp kiểm tra lại danh sách 42 cơ sở kinh doanh xăng dầu.", &["42 cơ sở kinh doanh"]),
    ("Tổ chức ít nhất 02 cuộc đối thoại với doanh nghiệp.", &["ít nhất 02 cuộc đối thoại"]),
    ("Giao Thanh tra huyện xử lý 6/45 đơn thư còn tồn đọng.", &["6/45 đơn thư"]),
    ("Tập trung giải quyết 3/18 kiến nghị còn lại của cử tri.", &["3/18 kiến nghị"]),
    (
        "Hoàn thành chi trả cho 38 hộ đã được phê duyệt, phấn đấu đến hết quý IV/2026 đạt tối thiểu 95% hộ nhận hỗ trợ.",
        &["38 hộ", "tối thiểu 95%"],
    ),
    (
        "Lắp đặt mới trạm đo mưa tự động: 12 trạm (trong đó: huyện Đông Sơn 5 trạm, huyện Tây Hòa 7 trạm).",
        &["12 trạm", "5 trạm", "7 trạm"],
    ),
    (
        "Triển khai Kế hoạch số 31/KH-UBND ngày 14/3/2026 của UBND huyện, phấn đấu 40% thôn đạt chuẩn văn hóa.",
        &["40%"],
    ),
    ("Quyết tâm giải ngân 100% kế hoạch vốn năm 2026 đã được UBND tỉnh giao.", &["100%"]),
    ("Giải ngân ít nhất 800 tỷ đồng vốn tín dụng chính sách trong năm 2026.", &["ít nhất 800 tỷ đồng"]),
    ("Triển khai dự án với tổng mức đầu tư 120 tỷ đồng.", &[]),
    (
        "Phấn đấu Chỉ số PCI nằm trong nhóm top 5/63 tỉnh và Chỉ số hài lòng đạt ≥ 90%.",
        &["top 5/63", "≥ 90%"],
    ),
    ("Hiện còn 276 hồ sơ chưa được số hóa.", &[]),
    ("Đến nay đã hoàn thành 31 nhiệm vụ được giao.", &[]),
    ("Tiếp tục theo dõi 12 công trình đã được nghiệm thu hoàn thành.", &[]),
    ("Năm 2025 trên địa bàn có 57 hợp tác xã đang hoạt động.", &[]),
];

#[test]
fn counts_of_objects_acted_on() {
    let mut failures = Vec::new();
    for (text, want) in COUNT_ROWS {
        let got = raws(text);
        if got != *want {
            failures.push(format!("{text:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn table_cells() {
    let c = parse_cell("≥ 1,0% GRDP", Some(2025)).unwrap();
    assert_eq!(
        (c.value, c.unit.as_deref(), c.comparator, c.by),
        (Some(1.0), Some("% GRDP"), Comparator::Ge, Some(2025))
    );
    let c = parse_cell("1 - 2", Some(2040)).unwrap();
    assert_eq!(
        (c.value, c.value_max, c.comparator),
        (Some(1.0), Some(2.0), Comparator::Range)
    );
    let c = parse_cell("Có", Some(2025)).unwrap();
    assert_eq!((c.raw.as_str(), c.value), ("Có", None));
    assert_eq!(parse_cell("≥ 0.60", None).unwrap().value, Some(0.6));
    assert_eq!(parse_cell("100%", None).unwrap().comparator, Comparator::Eq);
}
