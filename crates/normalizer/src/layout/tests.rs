//! Tests of `layout`.

use super::*;

#[test]
fn superscript_digits_are_the_ten_marker_digits() {
    let all: String = ('\u{0}'..='\u{2100}')
        .filter(|&c| is_superscript_digit(c))
        .collect();
    assert_eq!(all, "²³¹⁰⁴⁵⁶⁷⁸⁹");
}

fn doc(text: &str) -> CleanText {
    clean_pages(&[PageIn {
        number: 1,
        text,
        lines: &[],
    }])
}

#[test]
fn rejoins_wrapped_lines_and_keeps_markers_as_starts() {
    let c = doc("1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị \n\nliên quan: \n\n- Đôn đốc triển khai thực hiện 03 nhiệm vụ quá hạn; tham mưu việc xây \n\ndựng lộ trình.\n\n- Rà soát, điều chỉnh.");
    let ps = paragraphs(&c);
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan:",
            "- Đôn đốc triển khai thực hiện 03 nhiệm vụ quá hạn; tham mưu việc xây dựng lộ trình.",
            "- Rà soát, điều chỉnh."
        ]
    );
}

#[test]
fn sets_apart_a_footnote_dropped_mid_paragraph() {
    let text = "trả kết quả 8.608 hồ sơ1; cụ thể: trả trực tuyến \nhồ sơ. Các cơ sở dữ liệu chuyên ngành \n\n1 Trong đó: Trả trực tuyến (Igate) là 5.050 hồ sơ.\n về đất đai, đăng ký kinh doanh được rà soát.\n";
    let c = doc(text);
    assert_eq!(c.footnotes.len(), 1);
    assert_eq!(c.footnotes[0].marker, "1");
    assert!(c.footnotes[0].text.starts_with("Trong đó"));
    let ps = paragraphs(&c);
    let all: String = ps
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join("|");
    assert!(all.contains("8.608 hồ sơ;"), "{all}");
    assert!(all.contains("chuyên ngành về đất đai"), "{all}");
    assert!(!all.contains("Igate"));
    // Provenance of the footnote points at its raw text.
    let f = &c.footnotes[0];
    assert!(text[f.start..f.end].starts_with("1 Trong đó"));
}

#[test]
fn glued_marker_is_the_first_whole_digit_run_after_a_letter() {
    // "a11" is another number and "năm 20251" follows digits: only "b1," is the marker,
    // and only the first one is removed.
    let (out, found) = strip_markers("Mục a11; năm 20251 b1, c1.", &[], 0, &[]);
    assert_eq!(out, "Mục a11; năm 20251 b, c1.");
    assert_eq!(found, vec!["1".to_string()]);
    // With marker 1 seen, 2 is expected; at the end of the line it needs no separator.
    let (out, found) = strip_markers("đạt 90% hồ sơ2", &["1".to_string()], 0, &[]);
    assert_eq!(
        (out.as_str(), found),
        ("đạt 90% hồ sơ", vec!["2".to_string()])
    );
    let (out, found) = strip_markers("hồ sơ2x; hồ sơ12.", &["1".to_string()], 0, &[]);
    assert_eq!((out.as_str(), found.len()), ("hồ sơ2x; hồ sơ12.", 0));
}

#[test]
fn year_digits_are_not_footnote_markers() {
    let c = doc(
        "Hoàn thành trong năm 2025. Chỉ thị số 50-CT/TW đã triển khai.\n1. Giao UBND xã chủ trì.",
    );
    assert!(c.footnotes.is_empty());
    let ps = paragraphs(&c);
    assert_eq!(ps.len(), 2);
    assert!(ps[0].text.contains("năm 2025."));
}

#[test]
fn footnote_marker_alone_on_a_line_and_body_after_separator() {
    let text = "các nhiệm vụ quá hạn (Sở Tài chính khẩn trương triển khai thực hiện các nhiệm vụ quá hạn\n1\n); phối hợp xây dựng lộ trình\n                                \n1\n (1) Tập trung số hóa hồ sơ (Văn phòng Tỉnh ủy); (2) khẩn trương xác định dự án (Sở Tài chính).\n thực hiện cao; không xây dựng mới.\n";
    let c = doc(text);
    assert_eq!(c.footnotes.len(), 1, "{:?}", c.footnotes);
    assert!(c.footnotes[0].text.starts_with("(1) Tập trung"));
    let ps = paragraphs(&c);
    let all: String = ps
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join("|");
    assert!(all.contains("quá hạn); phối hợp"), "{all}");
    assert!(all.contains("lộ trình thực hiện cao"), "{all}");
}

#[test]
fn a_short_numbered_heading_ends_before_the_doer_in_wrapped_text() {
    let c = doc("1. Về công tác phòng cháy\nSở Xây dựng chủ trì, phối hợp với các đơn vị liên quan kiểm tra an toàn cháy nổ\ntại các chợ trên địa bàn tỉnh trước ngày 30/6/2026; Công an tỉnh hướng dẫn\n2. Về việc bố trí kinh phí sửa chữa các trụ sở xã của tỉnh Bình\nThuận mới sau sắp xếp, giao Sở Tài chính tổng hợp nhu cầu của các xã.\n");
    let texts: Vec<String> = paragraphs(&c).into_iter().map(|p| p.text).collect();
    assert_eq!(texts[0], "1. Về công tác phòng cháy");
    assert!(texts[1].starts_with("Sở Xây dựng chủ trì"), "{texts:?}");
    // A long first line cut inside a name goes on.
    assert!(texts[2].contains("tỉnh Bình Thuận mới"), "{texts:?}");
}

#[test]
fn the_number_of_page_two_set_apart_by_a_blank_line_is_no_body_text() {
    let pages = [
        PageIn {
            number: 1,
            text:
                "Sở Y tế đề nghị Trung tâm Y tế khu vực Bảo Thắng hoàn thành báo cáo về công tác\n",
            lines: &[],
        },
        PageIn {
            number: 2,
            text:
                "2\n\nphòng chống dịch trước ngày 15/7/2026.\nBáo cáo gửi về Sở Y tế.\nNơi nhận:\n",
            lines: &[],
        },
    ];
    let c = clean_pages(&pages);
    let two = c.all_lines.iter().find(|l| l.text == "2").unwrap();
    assert_eq!(two.role, LineRole::PageNumber);
    // A row number at a page top with its cells right under it stays.
    let c = clean_pages(&[
        PageIn {
            number: 1,
            text: "TT\nNội dung\n1\nRà soát chợ\nSở Công Thương\n",
            lines: &[],
        },
        PageIn {
            number: 2,
            text: "2\nKiểm tra hồ chứa\nSở Nông nghiệp\nQuý III/2026\n",
            lines: &[],
        },
    ]);
    assert!(c.all_lines.iter().all(|l| l.role != LineRole::PageNumber));
}

#[test]
fn stamp_text_is_kept_apart() {
    let c = doc("Đặng Gia Duẩn\n\t\tdanggiaduan@tudaclac\n\t2026-01-09T16:36:36+0700\n\t{\"signedBy\":3498777}\n\tEMAILADDRESS=a@b, CN=Đặng Gia Duẩn, OU=ĐẢNG ỦY, O=TỈNH ỦY, L=Đắk Lắk, C=VN\n");
    assert_eq!(c.stamps.len(), 1);
    assert!(c.stamps[0].contains("CN=Đặng Gia Duẩn"));
    let ps = paragraphs(&c);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "Đặng Gia Duẩn");
}

#[test]
fn superscript_markers_are_stripped_and_recorded() {
    let c = doc("trên địa bàn xã Đa Huoai¹.\n\n¹ Kế hoạch số 90/KH-UBND ngày 30/10/2025.\n");
    assert_eq!(c.footnotes.len(), 1);
    let ps = paragraphs(&c);
    assert_eq!(ps[0].text, "trên địa bàn xã Đa Huoai.");
}

/// A one-page PDF from rows `(x0, x1, bold, text)`; an empty text is a vertical gap.
fn pdf_paragraphs(rows: &[(f32, f32, bool, &str)]) -> Vec<String> {
    let text = rows.iter().map(|r| r.3).collect::<Vec<_>>().join("\n");
    let runs: Vec<TextLine> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.3.is_empty())
        .map(|(i, &(x0, x1, bold, t))| TextLine {
            text: t.to_string(),
            rect: nhiemvu_model::Rect {
                x0,
                y0: 800.0 - 16.0 * i as f32,
                x1,
                y1: 813.0 - 16.0 * i as f32,
            },
            font_size: 13.0,
            font: if bold { "Times-Bold" } else { "Times" }.to_string(),
        })
        .collect();
    let clean = clean_pages(&[PageIn {
        number: 1,
        text: &text,
        lines: &runs,
    }]);
    paragraphs(&clean).into_iter().map(|p| p.text).collect()
}

/// A PDF page from rows `(font size, text)`, one row every 16 points from the top.
fn pdf_page(number: u32, text: &str, sizes: &[f32]) -> (String, Vec<TextLine>) {
    let runs = text
        .lines()
        .zip(sizes)
        .enumerate()
        .map(|(i, (t, &size))| TextLine {
            text: t.to_string(),
            rect: nhiemvu_model::Rect {
                x0: 57.0,
                y0: 800.0 - 16.0 * i as f32,
                x1: 300.0 + 4.0 * t.chars().count() as f32,
                y1: 800.0 + size - 16.0 * i as f32,
            },
            font_size: size,
            font: format!("Times{number}"),
        })
        .collect();
    (text.to_string(), runs)
}

#[test]
fn a_footnote_quoting_its_rule_on_a_later_page_is_set_apart() {
    // Footnote 1's body ends page 1; marker 2 is glued to a letter on page 2 and its
    // body opens with a quote.
    let (t1, r1) = pdf_page(
        1,
        "Sở Xây dựng nhận được hồ sơ của Công ty về kho chứa xi măng.\nHồ sơ chưa có tài liệu minh chứng1 về điều kiện an toàn.\n1 Tài liệu do đơn vị tư vấn độc lập lập.",
        &[13.0, 13.0, 10.0],
    );
    let (t2, r2) = pdf_page(
        2,
        "Công ty bổ sung bản sao theo điểm đ2\nkhoản 1 Điều 39 của Luật trước ngày 30/6/2026.\n2 “đ) Bản sao văn bản nghiệm thu về phòng cháy;”.",
        &[13.0, 13.0, 10.0],
    );
    let pages = [
        PageIn {
            number: 1,
            text: &t1,
            lines: &r1,
        },
        PageIn {
            number: 2,
            text: &t2,
            lines: &r2,
        },
    ];
    let c = clean_pages(&pages);
    let markers: Vec<&str> = c.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["1", "2"], "{:?}", c.footnotes);
    assert!(c.footnotes[1].text.starts_with("“đ) Bản sao"));
    let all: Vec<String> = paragraphs(&c).into_iter().map(|p| p.text).collect();
    assert!(all.iter().all(|p| !p.contains("nghiệm thu")), "{all:?}");
    assert!(
        all.iter().any(|p| p.contains("theo điểm đ khoản 1")),
        "{all:?}"
    );
}

#[test]
fn a_pdf_line_opening_with_a_dash_inside_a_name_range_goes_on() {
    let p = pdf_paragraphs(&[
        (
            85.0,
            540.0,
            false,
            "Ngày 02/3/2026, Chủ tịch UBND xã kiểm tra tuyến đường Hòa Lạc",
        ),
        (
            57.0,
            410.0,
            false,
            "– Xuân Mai. Sau khi nghe báo cáo, Chủ tịch kết luận như sau:",
        ),
        (85.0, 200.0, false, "1. Phòng Kinh tế xã:"),
        (
            85.0,
            539.0,
            false,
            "- Rà soát hồ sơ giải phóng mặt bằng các hộ dân dọc tuyến;",
        ),
        (85.0, 300.0, false, "- Báo cáo kết quả."),
    ]);
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(p[0].ends_with("Hòa Lạc – Xuân Mai. Sau khi nghe báo cáo, Chủ tịch kết luận như sau:"));
    assert_eq!(p[3], "- Báo cáo kết quả.");
}

#[test]
fn a_bold_deadline_wrapped_to_the_next_pdf_line_stays_in_its_item() {
    let p = pdf_paragraphs(&[
        (
            85.0,
            540.0,
            false,
            "- Hoàn thiện danh sách hộ dân cần hỗ trợ, gửi Sở Tài chính thẩm định",
        ),
        (
            57.0,
            330.0,
            true,
            "trước ngày 15/8/2026 để kịp bố trí kinh phí.",
        ),
        (85.0, 400.0, false, "- Tổ chức đối thoại với người dân."),
    ]);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].ends_with("thẩm định trước ngày 15/8/2026 để kịp bố trí kinh phí."));
}

#[test]
fn a_clause_ended_at_the_margin_goes_on_where_paragraphs_are_indented() {
    let p = pdf_paragraphs(&[
        (
            85.0,
            540.0,
            false,
            "Xét đề nghị của các doanh nghiệp gồm: Công ty TNHH Hòa Bình tại Văn",
        ),
        (
            57.0,
            540.0,
            false,
            "bản số 12/CV-HB ngày 02/6/2026; Công ty cổ phần Minh Long tại Văn bản",
        ),
        (
            57.0,
            539.0,
            false,
            "số 15/ML ngày 04/6/2026; Hợp tác xã Đồng Tâm tại Văn bản số 03/ĐT;",
        ),
        (
            57.0,
            300.0,
            false,
            "Công ty TNHH Sơn Hà tại Văn bản số 21/SH ngày 05/6/2026.",
        ),
        (
            85.0,
            540.0,
            false,
            "Sau khi xem xét, Sở Công Thương xây dựng kế hoạch kiểm tra như sau:",
        ),
    ]);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].ends_with("số 03/ĐT; Công ty TNHH Sơn Hà tại Văn bản số 21/SH ngày 05/6/2026."));
}

#[test]
fn a_pdf_vertical_gap_ends_the_addressee_line() {
    let p = pdf_paragraphs(&[
        (200.0, 450.0, false, "Kính gửi: Công ty cổ phần Sông Đà 9"),
        (0.0, 0.0, false, ""),
        (
            85.0,
            540.0,
            false,
            "Sở Nông nghiệp và Môi trường nhận được Văn bản số 15/CV ngày",
        ),
        (57.0, 300.0, false, "02/3/2026 của Công ty."),
    ]);
    assert_eq!(p[0], "Kính gửi: Công ty cổ phần Sông Đà 9");
    assert_eq!(p.len(), 2, "{p:?}");
}

#[test]
fn a_right_column_line_at_the_margin_is_no_wrapped_body_line() {
    let p = pdf_paragraphs(&[
        (300.0, 540.0, false, "Tuyên Quang, ngày 05 tháng 3 năm 2026"),
        (
            57.0,
            260.0,
            false,
            "V/v triển khai kế hoạch phòng, chống thiên tai",
        ),
    ]);
    assert_eq!(p.len(), 2, "{p:?}");
}

#[test]
fn an_indented_capital_after_a_comma_opens_a_pdf_paragraph() {
    let p = pdf_paragraphs(&[
        (
            85.0,
            540.0,
            false,
            "Căn cứ Quyết định số 11/2025/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Cao",
        ),
        (
            57.0,
            539.0,
            false,
            "Bằng quy định chức năng, nhiệm vụ của Sở Xây dựng tỉnh Cao Bằng,",
        ),
        (
            85.0,
            540.0,
            false,
            "Xét đề nghị của Phòng Quản lý xây dựng, Sở Xây dựng thông báo như",
        ),
        (57.0, 200.0, false, "sau:"),
    ]);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[1].starts_with("Xét đề nghị"));
}
