//! Header reading on small invented headers.

use super::*;
use chrono::NaiveDate;
use nhiemvu_model::DocForm;

fn paras(s: &str) -> Vec<String> {
    s.lines().map(|l| l.to_string()).collect()
}

#[test]
fn state_letter_header_with_blank_number_and_day() {
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK LẮK\tĐộc lập - Tự do - Hạnh phúc\nSố: /UBND-KGVX\tĐắk Lắk, ngày tháng 10 năm 2025\nV/v triển khai Kết luận của Thường trực Ban Chỉ đạo tỉnh\nKính gửi:\n- Các sở, ban, ngành;\n- UBND các xã, phường.\nThực hiện Kết luận của đồng chí Đỗ Hữu Huy (Thông báo số 09-TB/VPTU ngày 21/10/2025 của Văn phòng Tỉnh ủy gửi kèm), UBND tỉnh có ý kiến như sau:\n1. Giao các sở triển khai.\nNơi nhận:\tTL. CHỦ TỊCH\n- Như trên;\tKT. CHÁNH VĂN PHÒNG\n- Lưu: VT, KGVX.\tPHÓ CHÁNH VĂN PHÒNG\nCao Như Khánh");
    let (m, r) = parse(&p);
    assert_eq!(m.kind, DocKind::CongVan);
    assert_eq!(m.number, None);
    let n = m.number_parts.unwrap();
    assert_eq!(n.issuer_code.as_deref(), Some("UBND-KGVX"));
    assert_eq!(m.date, None);
    assert_eq!((m.year, m.month), (Some(2025), Some(10)));
    assert_eq!(m.place.as_deref(), Some("Đắk Lắk"));
    assert_eq!(
        m.addressees,
        vec!["Các sở, ban, ngành", "UBND các xã, phường"]
    );
    assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Đắk Lắk"));
    assert_eq!(m.form, Some(DocForm::State));
    assert_eq!(r.body_start, 7);
    assert_eq!(r.body_end, 9);
    assert_eq!(m.signers.len(), 1);
    assert_eq!(m.signers[0].name.as_deref(), Some("Cao Như Khánh"));
    assert_eq!(m.signers[0].authority.as_deref(), Some("TL."));
    assert!(m.recipients.iter().any(|r| r.starts_with("Lưu")));
    let refs = &m.references;
    assert_eq!(refs[0].number.as_deref(), Some("09-TB/VPTU"));
    assert_eq!(refs[0].date, NaiveDate::from_ymd_opt(2025, 10, 21));
    assert_eq!(refs[0].issuer.as_deref(), Some("Văn phòng Tỉnh ủy"));
}

#[test]
fn party_header_and_kind_line_with_title() {
    let p = paras("ĐẢNG BỘ TỈNH ĐẮK LẮK\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG EA KAO\tEa Kao, ngày 09 tháng 01 năm 2026\nSố 54-TB/ĐU\nTHÔNG BÁO\nKết luận Hội nghị Ban Chấp hành Đảng bộ phường lần thứ 5 (mở rộng),\ntổng kết công tác năm 2025\n-----\nNgày 06/01/2025, Ban Chấp hành Đảng bộ phường tổ chức Hội nghị.");
    let (m, r) = parse(&p);
    assert_eq!(m.kind, DocKind::ThongBao);
    assert_eq!(m.number.as_deref(), Some("54-TB/ĐU"));
    assert_eq!(
        m.number_parts.as_ref().unwrap().kind_code.as_deref(),
        Some("TB")
    );
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2026, 1, 9));
    assert_eq!(m.form, Some(DocForm::Party));
    assert_eq!(m.issuer.as_deref(), Some("Đảng ủy phường Ea Kao"));
    assert_eq!(m.issuer_parent.as_deref(), Some("ĐẢNG BỘ TỈNH ĐẮK LẮK"));
    assert!(m.title.unwrap().starts_with("Kết luận Hội nghị"));
    assert_eq!(r.body_start, 7);
}

#[test]
fn stamped_number_and_day_are_merged_from_annotations() {
    use nhiemvu_model::{AnnotationKind, AnnotationText, Page, Rect, TextLine};
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /BC-SNV\tĐắk Lắk, ngày tháng 11 năm 2025\nBÁO CÁO");
    let (mut m, _) = parse(&p);
    assert_eq!(m.number, None);
    let run = |text: &str, x0: f32, y: f32| TextLine {
        text: text.into(),
        rect: Rect {
            x0,
            y0: y,
            x1: x0 + 100.0,
            y1: y + 13.0,
        },
        font_size: 13.0,
        font: String::new(),
    };
    let ann = |text: &str, x0: f32, y: f32| AnnotationText {
        kind: AnnotationKind::Widget,
        field: Some("Signature2".into()),
        signature_field: true,
        rect: Rect {
            x0,
            y0: y,
            x1: x0 + 20.0,
            y1: y + 13.0,
        },
        text: text.into(),
    };
    let page = Page {
        number: 1,
        text: String::new(),
        annotations: vec![ann("228", 95.0, 700.0), ann("28", 380.0, 700.0)],
        readability: None,
        text_source: Default::default(),
        ocr: None,
        lines: vec![
            run("Số: /BC-SNV", 60.0, 700.0),
            run("Đắk Lắk, ngày tháng 11 năm 2025", 300.0, 700.0),
        ],
    };
    merge_stamped(&mut m, &page);
    assert_eq!(m.number.as_deref(), Some("228/BC-SNV"));
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2025, 11, 28));
    assert_eq!(m.stamped, vec!["number", "day"]);
}

#[test]
fn header_without_motto_is_read() {
    let p = paras("UBND XÃ EA WY\nSố: 146/KH-UBND\nKẾ HOẠCH\nTriển khai thực hiện Kế hoạch số 146/KH-UBND ngày 25/6/2025 của Chủ tịch UBND tỉnh\nI. MỤC TIÊU");
    let (m, r) = parse(&p);
    assert_eq!(m.kind, DocKind::KeHoach);
    assert_eq!(m.number.as_deref(), Some("146/KH-UBND"));
    assert_eq!(
        m.number_parts.as_ref().unwrap().serial.as_deref(),
        Some("146")
    );
    assert_eq!(r.body_start, 4);
    assert_eq!(
        m.references[0].issuer.as_deref(),
        Some("Chủ tịch UBND tỉnh")
    );
}

#[test]
fn portal_cells_and_bold_marks_are_read_as_lines() {
    let p = paras("|\n**UỶ BAN NHÂN DÂN** TỈNH HÒA BÌNH SƠN\n-------|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------| |\nSố: 77/KH-UBND |\n*Hòa Sơn, ngày 03 tháng 4 năm 2026* |\n** **\n**KẾ HOẠCH** PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TỈNH HÒA BÌNH SƠN GIAI ĐOẠN 2026 - 2030\nThực hiện Nghị quyết của Tỉnh ủy, UBND tỉnh ban hành Kế hoạch như sau:\n1. Sở Văn hóa chủ trì.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN\nDÂN**\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn Khánh");
    let (m, r) = parse(&p);
    assert_eq!(m.kind, DocKind::KeHoach);
    assert_eq!(m.number.as_deref(), Some("77/KH-UBND"));
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2026, 4, 3));
    assert_eq!(
        m.issuer.as_deref(),
        Some("Ủy ban nhân dân tỉnh Hòa Bình Sơn")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TỈNH HÒA BÌNH SƠN GIAI ĐOẠN 2026 - 2030")
    );
    assert_eq!(r.body_start, 10);
    assert_eq!(m.signers.len(), 1);
    assert_eq!(m.signers[0].position.as_deref(), Some("Phó Chủ tịch"));
    assert_eq!(m.signers[0].name.as_deref(), Some("Lò Văn Khánh"));
}

#[test]
fn department_under_its_province_and_columns_run_together() {
    let p = paras("UBND TỈNH NAM SƠN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ XÂY DỰNG\nĐộc lập - Tự do - Hạnh phúc\nSố: 412/SXD-QLN\nNam Sơn, ngày 12 tháng 5 năm 2026\nV/v rà soát các công trình nhà ở xã hội\nKính gửi: UBND các xã, phường\nSở Xây dựng đề nghị các xã rà soát.\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT, QLN.\nĐinh Thị Mai");
    let (m, _) = parse(&p);
    assert_eq!(m.kind, DocKind::CongVan);
    assert_eq!(m.issuer.as_deref(), Some("Sở Xây dựng tỉnh Nam Sơn"));
    assert_eq!(m.issuer_parent.as_deref(), Some("UBND TỈNH NAM SƠN"));
    assert_eq!(m.form, Some(DocForm::State));
    assert_eq!(
        m.title.as_deref(),
        Some("rà soát các công trình nhà ở xã hội")
    );
    let s = &m.signers[0];
    assert_eq!(s.authority.as_deref(), Some("KT."));
    assert_eq!(s.on_behalf_of.as_deref(), Some("GIÁM ĐỐC"));
    assert_eq!(s.position.as_deref(), Some("Phó Giám đốc"));
    assert_eq!(s.name.as_deref(), Some("Đinh Thị Mai"));
    assert!(m.recipients.iter().any(|r| r == "Như trên"));
}

#[test]
fn decision_title_loses_the_authority_line_and_telegram_kind_is_known() {
    let p = paras("BỘ XÂY DỰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 88/QĐ-BXD\tHà Nội, ngày 02 tháng 3 năm 2026\nQUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO BỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Nghị định số 33/2025/NĐ-CP;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nNơi nhận:\tKT. BỘ TRƯỞNG\n- Như Điều 3;\tTHỨ TRƯỞNG\n- Lưu: VT.\tVũ Minh Tâm");
    let (m, _) = parse(&p);
    assert_eq!(m.kind, DocKind::QuyetDinh);
    assert_eq!(m.issuer.as_deref(), Some("Bộ Xây dựng"));
    assert_eq!(
        m.title.as_deref(),
        Some("BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO")
    );
    assert_eq!(m.signers[0].position.as_deref(), Some("Thứ trưởng"));
    assert_eq!(m.signers[0].name.as_deref(), Some("Vũ Minh Tâm"));
    let t = paras("THỦ TƯỚNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 31/CĐ-TTg\tHà Nội, ngày 05 tháng 9 năm 2026\nCÔNG ĐIỆN\nVỀ VIỆC TẬP TRUNG ỨNG PHÓ BÃO SỐ 7\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch UBND các tỉnh ven biển.");
    let (m, _) = parse(&t);
    assert_eq!(m.kind, DocKind::CongDien);
    assert_eq!(m.number.as_deref(), Some("31/CĐ-TTg"));
    assert_eq!(m.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    assert_eq!(
        m.title.as_deref(),
        Some("VỀ VIỆC TẬP TRUNG ỨNG PHÓ BÃO SỐ 7")
    );
}

#[test]
fn kind_comes_from_the_number_code_without_a_kind_line() {
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN MINH\tĐộc lập - Tự do - Hạnh phúc\nSố: 15/BC-UBND\tTân Minh, ngày 20 tháng 6 năm 2026\nKết quả công tác sáu tháng đầu năm 2026\nI. KẾT QUẢ");
    let (m, _) = parse(&p);
    assert_eq!(m.kind, DocKind::BaoCao);
    assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân xã Tân Minh"));
}

#[test]
fn party_signature_with_slash_authority() {
    let p = paras("ĐẢNG BỘ TỈNH BÌNH SƠN\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ PHÚ AN\tPhú An, ngày 10 tháng 2 năm 2026\nSố 21-TB/ĐU\nTHÔNG BÁO\nKết luận của Thường trực Đảng ủy\n-----\nNgày 08/02/2026, Thường trực Đảng ủy họp.\nNơi nhận:\n- Lưu VPĐU.\nT/M ĐẢNG ỦY BÍ THƯ\nHà Văn Tùng");
    let (m, _) = parse(&p);
    assert_eq!(m.issuer.as_deref(), Some("Đảng ủy xã Phú An"));
    let s = &m.signers[0];
    assert_eq!(s.authority.as_deref(), Some("TM."));
    assert_eq!(s.on_behalf_of.as_deref(), Some("ĐẢNG ỦY"));
    assert_eq!(s.position.as_deref(), Some("Bí thư"));
    assert_eq!(s.name.as_deref(), Some("Hà Văn Tùng"));
    assert_eq!(m.recipients, vec!["Lưu VPĐU"]);
}

#[test]
fn council_resolution_title_stops_at_the_council_line() {
    let p = paras("HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KIM SƠN\tĐộc lập - Tự do - Hạnh phúc\nSố: 09/NQ-HĐND\tKim Sơn, ngày 10 tháng 7 năm 2026\nNGHỊ QUYẾT\nVề kế hoạch đầu tư công năm 2027\nHỘI ĐỒNG NHÂN DÂN TỈNH KIM SƠN\nKHÓA XI, KỲ HỌP THỨ 5\nCăn cứ Luật Đầu tư công;");
    let (m, _) = parse(&p);
    assert_eq!(m.kind, DocKind::NghiQuyet);
    assert_eq!(m.issuer.as_deref(), Some("Hội đồng nhân dân tỉnh Kim Sơn"));
    assert_eq!(m.title.as_deref(), Some("Về kế hoạch đầu tư công năm 2027"));
    // A title that cites its issuer keeps it.
    let q = paras("BAN CHỈ ĐẠO 35\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 03-TB/BCĐ\tHòa Lâm, ngày 02 tháng 2 năm 2026\nTHÔNG BÁO\nKẾT LUẬN CỦA TRƯỞNG BAN CHỈ ĐẠO 35 tại hội nghị sơ kết\n-----\nNgày 01/02/2026, Ban Chỉ đạo họp.");
    let (m, _) = parse(&q);
    assert_eq!(
        m.title.as_deref(),
        Some("KẾT LUẬN CỦA TRƯỞNG BAN CHỈ ĐẠO 35 tại hội nghị sơ kết")
    );
}

#[test]
fn a_rule_run_into_the_first_body_line_ends_the_title() {
    let p = paras("TỈNH ỦY HÒA LÂM\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-CT/TU\tHòa Lâm, ngày 05 tháng 3 năm 2026\nCHỈ THỊ\nvề tăng cường công tác phòng cháy\n-----Thời gian qua, công tác phòng cháy có chuyển biến.\n1. Các cấp ủy chỉ đạo rà soát.");
    let (m, r) = parse(&p);
    assert_eq!(m.issuer.as_deref(), Some("Tỉnh ủy Hòa Lâm"));
    assert_eq!(m.form, Some(DocForm::Party));
    assert_eq!(
        m.title.as_deref(),
        Some("về tăng cường công tác phòng cháy")
    );
    assert_eq!(r.body_start, 4);
}

#[test]
fn a_state_symbol_without_kind_code_is_a_letter() {
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN MINH\tĐộc lập - Tự do - Hạnh phúc\nSố: 233/UBND-VP\tTân Minh, ngày 20 tháng 6 năm 2026\nKính gửi: Các thôn, tổ dân phố\nỦy ban nhân dân xã đề nghị các thôn rà soát.");
    let (m, _) = parse(&p);
    assert_eq!(m.kind, DocKind::CongVan);
    let q = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 233/UBND\tTân Minh, ngày 20 tháng 6 năm 2026\nNội dung.");
    assert_eq!(parse(&q).0.kind, DocKind::Other);
}

#[test]
fn an_office_under_its_committee_and_two_bodies_on_one_line() {
    let p = paras("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HẢI LONG Độc lập - Tự do - Hạnh phúc\nVĂN PHÒNG\nSố: 51/TB-VP Hải Long, ngày 07 tháng 5 năm 2026\nTHÔNG BÁO\nKết luận của Chủ tịch UBND Thành phố tại cuộc họp về giao thông\nNgày 05/5/2026, Chủ tịch UBND Thành phố chủ trì cuộc họp.");
    let (m, _) = parse(&p);
    assert_eq!(
        m.issuer.as_deref(),
        Some("Văn phòng Ủy ban nhân dân thành phố Hải Long")
    );
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2026, 5, 7));
    let q = paras("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI LONG SỞ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 70/KH-SGDĐT\nHải Long, ngày 09 tháng 5 năm 2026\nKẾ HOẠCH\nThực hiện chuyển đổi số trong các trường học năm 2026\nCăn cứ Quyết định số 12/QĐ-UBND;\n1. Các trường rà soát.\nNơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNgô Thị Lan\nỦY BAN NHÂN DÂN THÀNH PHỐ HẢI LONG\nDANH MỤC CÁC TRƯỜNG");
    let (m, r) = parse(&q);
    assert_eq!(
        m.issuer.as_deref(),
        Some("Sở Giáo dục và Đào tạo thành phố Hải Long")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Thực hiện chuyển đổi số trong các trường học năm 2026")
    );
    assert_eq!(r.body_start, 6);
    assert_eq!(m.signers.len(), 1, "{:?}", m.signers);
    assert_eq!(m.signers[0].position.as_deref(), Some("Phó Giám đốc"));
}

#[test]
fn a_report_ending_in_a_table_before_its_signature() {
    let p = paras("SỞ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 40/BC-SNV\tBình Lâm, ngày 30 tháng 6 năm 2026\nBÁO CÁO\nKết quả cải cách hành chính sáu tháng đầu năm 2026\nI. KẾT QUẢ\n1. Các chỉ tiêu đạt được như bảng sau:\n| TT | Chỉ tiêu | Kết quả |\n| --- | --- | --- |\n| 1 | Hồ sơ trực tuyến | 85% |\n| 2 | GIÁM ĐỐC SỞ | Đạt |\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nVõ Thị Thu");
    let (m, r) = parse(&p);
    assert_eq!(m.kind, DocKind::BaoCao);
    assert_eq!(r.body_start, 4);
    assert_eq!(r.body_end, 10);
    assert_eq!(m.signers.len(), 1, "{:?}", m.signers);
    assert_eq!(m.signers[0].position.as_deref(), Some("Phó Giám đốc"));
    assert_eq!(m.signers[0].name.as_deref(), Some("Võ Thị Thu"));
}

#[test]
fn a_table_with_a_recipient_column_before_the_signature_is_not_the_end_matter() {
    // The last page: a table whose columns are "STT | Báo cáo | Nơi nhận | Thời hạn", then
    // the recipients beside the signature block, as a PDF's columns come out.
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ GIANG\tĐộc lập - Tự do - Hạnh phúc\nSố: 87/BC-UBND\tHà Giang, ngày 05 tháng 9 năm 2026\nBÁO CÁO\nTình hình thực hiện chế độ báo cáo định kỳ năm 2026\nI. KẾT QUẢ\n1. Các báo cáo định kỳ được gửi đúng hạn theo biểu sau:\nSTT\tTÊN BÁO CÁO\tNơi nhận\tTHỜI HẠN\n1\tBáo cáo kinh tế - xã hội quý III\tBộ Tài chính\t20/9/2026\n2\tBáo cáo cải cách hành chính\tBộ Nội vụ\t25/9/2026\nNơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Văn phòng Chính phủ;\tKT. CHỦ TỊCH\n- Lưu: VT, KTTH.\tPHÓ CHỦ TỊCH\nLò Văn Thành");
    let (m, r) = parse(&p);
    assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Hà Giang"));
    assert_eq!(r.body_end, 10, "the body keeps its table");
    assert_eq!(m.signers.len(), 1, "{:?}", m.signers);
    let s = &m.signers[0];
    assert_eq!(s.authority.as_deref(), Some("TM."));
    assert_eq!(
        s.on_behalf_of.as_deref(),
        Some("ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")
    );
    assert_eq!(s.position.as_deref(), Some("Phó Chủ tịch"));
    assert_eq!(s.name.as_deref(), Some("Lò Văn Thành"));
    assert_eq!(m.recipients, vec!["Văn phòng Chính phủ", "Lưu: VT, KTTH"]);
}

#[test]
fn a_table_row_inside_the_end_matter_gives_no_position() {
    // A table set after "Nơi nhận" (the officers in charge, under the recipients) before the
    // block: its head "STT" is no position and the name in its row is not the signer.
    let p = paras("SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 301/BC-SYT\tTây Sơn, ngày 12 tháng 10 năm 2026\nBÁO CÁO\nKết quả tiêm chủng mở rộng quý III năm 2026\n1. Tỷ lệ tiêm chủng đầy đủ đạt 96%.\nNơi nhận:\n- Bộ Y tế;\n- Lưu: VT, NVY.\nSTT\tHỌ VÀ TÊN\tCHỨC VỤ\n1\tPhan Văn Đức\tChuyên viên phòng Nghiệp vụ\nGIÁM ĐỐC SỞ Y TẾ TỈNH TÂY SƠN\nĐinh Thị Mai");
    let (m, _) = parse(&p);
    assert_eq!(m.signers.len(), 1, "{:?}", m.signers);
    let s = &m.signers[0];
    assert_eq!(s.position.as_deref(), Some("Giám đốc Sở Y tế tỉnh Tây Sơn"));
    assert_eq!(s.name.as_deref(), Some("Đinh Thị Mai"));
}

#[test]
fn place_and_date_split_at_a_blank_day_are_read_together() {
    // A blank day leaves a wide gap that the layout (or OCR) turns into a cell break.
    let p = paras("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC THỦY LỢI\tĐộc lập - Tự do - Hạnh phúc\nSố:     /TL-QLCT\tHà Nội, ngày\ttháng 7 năm 2026\nV/v kiểm tra an toàn hồ chứa\nKính gửi: Sở Nông nghiệp và Môi trường các tỉnh");
    let (m, _) = parse(&p);
    assert_eq!(m.place.as_deref(), Some("Hà Nội"));
    assert_eq!((m.year, m.month, m.date), (Some(2026), Some(7), None));
    assert_eq!(m.issuer.as_deref(), Some("Cục Thủy lợi"));
    assert_eq!(
        m.addressees,
        vec!["Sở Nông nghiệp và Môi trường các tỉnh".to_string()]
    );
    // A day that is there still dates the document when the line is split elsewhere.
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ AN PHÚ\tĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\tAn Phú, ngày 03\ttháng 8 năm 2026\nKẾ HOẠCH");
    let (m, _) = parse(&p);
    assert_eq!(m.place.as_deref(), Some("An Phú"));
    assert_eq!(m.date, chrono::NaiveDate::from_ymd_opt(2026, 8, 3));
    assert_eq!(m.number.as_deref(), Some("12/KH-UBND"));
}

#[test]
fn a_slash_lost_between_serial_and_kind_code_is_restored() {
    let p = paras("SỞ XÂY DỰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔ CÔNG TÁC\tĐộc lập - Tự do - Hạnh phúc\nSố: 218KH-TCT\tBình Sơn, ngày 14 tháng 5 năm 2026\nKẾ HOẠCH\nRà soát nhà ở xuống cấp");
    let (m, _) = parse(&p);
    assert_eq!(m.number.as_deref(), Some("218/KH-TCT"));
    let n = m.number_parts.expect("parts");
    assert_eq!(
        (n.kind_code.as_deref(), n.issuer_code.as_deref()),
        (Some("KH"), Some("TCT"))
    );
    // Letters that are no kind code are not taken for a symbol.
    let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 218AB-CD\tBình Sơn, ngày 14 tháng 5 năm 2026\nKẾ HOẠCH");
    assert_eq!(parse(&p).0.number, None);
}
