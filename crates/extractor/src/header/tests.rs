//! Header reading on small invented headers.

use super::*;
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
