//! Tests of `task_table`.

use super::*;

fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

#[test]
fn pdf_rows_whose_first_line_holds_several_cells() {
    // A PDF table rendered as lines: a row's first line carries its number, content
    // and first lead as cells; later lines continue the content or add a person.
    let t = lines(concat!(
        "BẢNG PHÂN CÔNG\n",
        "| TT | Nhiệm vụ thực hiện | Người thực hiện |\n",
        "| 1. | Chuẩn bị tài liệu hội | Trần Minh Tú |\n",
        "nghị tập huấn\n",
        "Hà Thị Mai\n",
        "2.\n",
        "| Đón tiếp đại biểu | Lò Văn Sơn |\n",
    ));
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].text, "Chuẩn bị tài liệu hội nghị tập huấn");
    assert_eq!(r[0].leads, vec!["Trần Minh Tú", "Hà Thị Mai"]);
    assert_eq!(r[1].text, "Đón tiếp đại biểu");
    assert_eq!(r[1].leads, vec!["Lò Văn Sơn"]);
}

#[test]
fn markdown_rows_with_lead_and_coordinator_columns() {
    let t = lines(concat!(
        "PHỤ LỤC\n",
        "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành |\n",
        "| --- | --- | --- | --- | --- |\n",
        "| 1 | Rà soát quy hoạch mạng lưới chợ | Sở Công Thương | Sở Xây dựng; UBND các xã | Quý II/2027 |\n",
        "| 2 | Kiểm tra an toàn hồ chứa | Sở Nông nghiệp và Môi trường | | Thường xuyên |\n",
    ));
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].leads, ["Sở Công Thương"]);
    assert_eq!(r[0].coordinators, ["Sở Xây dựng", "UBND các xã"]);
    assert_eq!(r[0].time, "Quý II/2027");
    assert_eq!(r[1].text, "Kiểm tra an toàn hồ chứa");
    assert!(r[1].coordinators.is_empty());
    assert_eq!((r[1].first_line, r[1].last_line), (4, 4));
}

#[test]
fn piped_cells_one_per_line_with_group_rows() {
    let t = lines(concat!(
        "|\n**TT**\n|\n**Nội dung nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian thực hiện**\n|\n|\n",
        "**I. Hạ tầng số**\n|\n|\n|\n",
        "1\n|\nXây dựng kho dữ liệu dùng chung\ncủa tỉnh\n|\nSở Khoa học và Công nghệ\n|\nQuý IV/2026\n|\n|\n",
        "2\n|\nPhủ sóng di động các thôn vùng cao\n|\nSở Khoa học và Công nghệ; các doanh nghiệp viễn thông\n|\nNăm 2027\n|\n",
    ));
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].text, "Xây dựng kho dữ liệu dùng chung của tỉnh");
    assert_eq!(r[0].leads, ["Sở Khoa học và Công nghệ"]);
    assert_eq!(r[0].time, "Quý IV/2026");
    assert_eq!(
        r[1].leads,
        ["Sở Khoa học và Công nghệ", "các doanh nghiệp viễn thông"]
    );
}

#[test]
fn a_lead_cell_that_goes_on_into_its_duty_keeps_the_units() {
    let t = lines(concat!(
        "| TT | Chỉ tiêu | Chủ trì |\n",
        "| 1 | Tỷ lệ hồ sơ trực tuyến đạt 90% | Sở Tư pháp chủ trì hướng dẫn, tổng hợp; UBND các xã thực hiện |\n",
    ));
    let r = rows(&t);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].leads, ["Sở Tư pháp", "UBND các xã"]);
}

#[test]
fn unseparated_cells_with_letters_under_numbered_groups_and_broken_names() {
    let t = lines(concat!(
        "| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |\n",
        "| --- | --- | --- | --- |\n",
        "Thời gian thực hiện\n",
        "1\n",
        "Tuyên truyền chính sách mới về rừng\n",
        "a)\n",
        "Tổ chức hội nghị phổ biến chính sách.\n",
        "Chi cục Kiểm lâm\n",
        "Văn phòng Sở; các hạt kiểm lâm\n",
        "Quý III/2026\n",
        "b)\n",
        "Biên soạn tài liệu hỏi đáp\n",
        "Trung tâm Khuyến nông, Chi cục\n",
        "Các hạt kiểm lâm\n",
        "Quý IV/2026\n",
        "cho người dân vùng đệm.\n",
        "Kiểm lâm\n",
    ));
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].number, "1.a");
    assert_eq!(r[0].leads, ["Chi cục Kiểm lâm"]);
    assert_eq!(r[0].coordinators, ["Văn phòng Sở", "các hạt kiểm lâm"]);
    assert_eq!(
        r[1].text,
        "Biên soạn tài liệu hỏi đáp cho người dân vùng đệm."
    );
    assert_eq!(r[1].leads, ["Trung tâm Khuyến nông", "Chi cục Kiểm lâm"]);
}

#[test]
fn persons_one_per_line_are_each_a_lead() {
    let t = lines(concat!(
        "TT\nNhiệm vụ thực hiện\nNgười thực hiện\nGhi chú\n",
        "    1. \nChuẩn bị đề kiểm tra\nTrần Văn Bình\nLê Thị Hoa\n\n",
        "    2. \nIn giấy chứng nhận\nLê Thị Hoa\n",
    ));
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].leads, ["Trần Văn Bình", "Lê Thị Hoa"]);
    assert_eq!(r[1].leads, ["Lê Thị Hoa"]);
}

/// A run of 13-point text on `page` from `x0` to `x1` at baseline `y`.
fn run(x0: f32, y: f32, x1: f32, text: &str) -> TextLine {
    TextLine {
        text: text.to_string(),
        rect: nhiemvu_model::Rect {
            x0,
            y0: y - 3.25,
            x1,
            y1: y + 11.05,
        },
        font_size: 13.0,
        font: "Times".to_string(),
    }
}

/// The heading of a five-column table at baseline `y`, "Thời gian hoàn thành" wrapped.
fn heading(y: f32) -> Vec<TextLine> {
    vec![
        run(520.0, y + 7.0, 570.0, "Thời gian"),
        run(60.0, y, 80.0, "STT"),
        run(130.0, y, 250.0, "Nội dung công việc"),
        run(300.0, y, 380.0, "Đơn vị chủ trì"),
        run(410.0, y, 500.0, "Đơn vị phối hợp"),
        run(515.0, y - 7.0, 575.0, "hoàn thành"),
    ]
}

fn placed(pages: &[Vec<TextLine>]) -> Vec<TaskRow> {
    let runs: Vec<PlacedRun<'_>> = pages
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.iter().map(move |r| (k as u32 + 1, r)))
        .collect();
    rows_from_runs(&runs)
}

#[test]
fn pdf_cells_centred_in_their_rows_are_read_by_position() {
    // Runs in reading order (by baseline): the centred cells of a row interleave with
    // the lines of its neighbours' tall cells.
    let mut page = heading(700.0);
    page.extend([
        run(420.0, 667.0, 490.0, "Sở Tài chính;"),
        run(88.0, 660.0, 290.0, "Rà soát, cập nhật danh mục các"),
        run(62.0, 652.0, 68.0, "1"),
        run(310.0, 652.0, 370.0, "Sở Xây dựng"),
        run(418.0, 652.0, 492.0, "Sở Công Thương;"),
        run(525.0, 652.0, 565.0, "Năm 2027"),
        run(88.0, 645.0, 230.0, "công trình trọng điểm"),
        run(425.0, 637.0, 485.0, "UBND các xã"),
        run(301.0, 607.0, 379.0, "Ban Quản lý các"),
        run(62.0, 600.0, 68.0, "2"),
        run(88.0, 600.0, 260.0, "Kiểm tra an toàn hồ đập"),
        run(425.0, 600.0, 485.0, "UBND các xã"),
        run(517.0, 600.0, 573.0, "Trước 30/9/2026"),
        run(301.0, 592.0, 379.0, "khu công nghiệp"),
        // A paragraph after the table spans the columns: the table has ended.
        run(
            58.0,
            560.0,
            560.0,
            "Ghi chú: Các đơn vị báo cáo kết quả về Sở Tài chính hằng quý.",
        ),
    ]);
    let r = placed(&[page]);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(
        r[0].text,
        "Rà soát, cập nhật danh mục các công trình trọng điểm"
    );
    assert_eq!(r[0].leads, ["Sở Xây dựng"]);
    assert_eq!(
        r[0].coordinators,
        ["Sở Tài chính", "Sở Công Thương", "UBND các xã"]
    );
    assert_eq!(r[0].time, "Năm 2027");
    assert_eq!(r[1].text, "Kiểm tra an toàn hồ đập");
    assert_eq!(r[1].leads, ["Ban Quản lý các khu công nghiệp"]);
    assert_eq!(r[1].coordinators, ["UBND các xã"]);
    assert_eq!(r[1].time, "Trước 30/9/2026");
    assert!(!r[1].row_text.contains("Ghi chú"), "{}", r[1].row_text);
}

#[test]
fn a_pdf_group_title_across_merged_cells_does_not_end_the_table() {
    let mut page = heading(700.0);
    page.extend([
        run(62.0, 660.0, 68.0, "1"),
        run(88.0, 660.0, 290.0, "Lập kế hoạch phòng chống thiên tai"),
        run(310.0, 660.0, 370.0, "Sở Xây dựng"),
        run(
            88.0,
            630.0,
            470.0,
            "Nhóm nhiệm vụ về hạ tầng giao thông và thủy lợi",
        ),
        run(62.0, 600.0, 68.0, "2"),
        run(88.0, 600.0, 290.0, "Kiểm tra hồ chứa nước trước mùa mưa"),
        run(310.0, 600.0, 378.0, "Công an tỉnh"),
        run(
            58.0,
            560.0,
            560.0,
            "Các đơn vị báo cáo kết quả về Sở Tài chính trước ngày 15 hằng tháng.",
        ),
    ]);
    let r = placed(&[page]);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].text, "Lập kế hoạch phòng chống thiên tai");
    assert_eq!(r[1].text, "Kiểm tra hồ chứa nước trước mùa mưa");
    assert_eq!(r[1].leads, ["Công an tỉnh"]);
    assert!(!r[1].row_text.contains("báo cáo kết quả"), "{r:#?}");
}

#[test]
fn a_pdf_row_split_by_a_page_break_is_one_row() {
    let mut one = heading(700.0);
    one.extend([
        run(62.0, 660.0, 68.0, "1"),
        run(88.0, 660.0, 290.0, "Lập kế hoạch phòng chống thiên tai"),
        run(310.0, 660.0, 370.0, "Sở Xây dựng"),
        run(62.0, 620.0, 68.0, "2"),
        run(88.0, 620.0, 290.0, "Kiểm tra hồ chứa nước trước mùa mưa"),
        run(310.0, 620.0, 378.0, "Công an tỉnh"),
    ]);
    // The next page repeats the heading, ends row 2, then holds row 3.
    let mut two = heading(800.0);
    two.extend([
        run(88.0, 770.0, 250.0, "và báo cáo kết quả."),
        run(62.0, 730.0, 68.0, "3"),
        run(88.0, 730.0, 250.0, "Tổ chức diễn tập cứu hộ"),
        run(305.0, 730.0, 375.0, "Sở Y tế"),
    ]);
    let r = placed(&[one, two]);
    assert_eq!(r.len(), 3, "{r:#?}");
    assert_eq!(
        r[1].text,
        "Kiểm tra hồ chứa nước trước mùa mưa và báo cáo kết quả."
    );
    assert_eq!(r[1].leads, ["Công an tỉnh"]);
    assert_eq!(r[2].text, "Tổ chức diễn tập cứu hộ");
    assert_eq!(r[2].leads, ["Sở Y tế"]);
}

#[test]
fn a_kpi_table_without_a_content_and_lead_heading_is_not_a_task_table() {
    let t = lines(
        "| STT | Chỉ số | Năm 2026 | Năm 2027 |\n| 1 | Tỷ lệ hồ sơ trực tuyến | 80% | 90% |\n",
    );
    assert!(rows(&t).is_empty());
}
