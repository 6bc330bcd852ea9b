//! Plain text input: documents already extracted elsewhere (portal pages saved as `.txt` or
//! `.md`, converter output). UTF-8, or UTF-16 with its byte-order mark as Word saves
//! "Unicode text". Form feeds split pages; markup and line flavour are read by the
//! normalizer's layout, so page text stays as given and offsets point into it.

use crate::ExtractError;
use nhiemvu_model::Page;
use std::borrow::Cow;

/// Split text into pages at form feeds.
pub fn read_text(bytes: &[u8]) -> Result<Vec<Page>, ExtractError> {
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text
        .split('\u{c}')
        .enumerate()
        .map(|(i, t)| Page {
            number: i as u32 + 1,
            text: t.to_string(),
            annotations: Vec::new(),
            readability: None,
            text_source: Default::default(),
            ocr: None,
            lines: Vec::new(),
        })
        .collect())
}

/// The text of `bytes`: UTF-16 (little or big endian) after its byte-order mark, else UTF-8.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ExtractError> {
    let utf16 = |be: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|e| ExtractError::NotUtf8(format!("UTF-16: {e}")))
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| ExtractError::NotUtf8(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse;
    use nhiemvu_model::{DocKind, Task};

    /// An invented plan as a national portal renders it: `|` letterhead cells, bold and
    /// italic markers, hard wraps at about 60 columns (a date and a year range split across
    /// lines), blank lines between paragraphs.
    const PORTAL: &str = "|\n**ỦY BAN NHÂN DÂN\n**\nTỈNH SƠN HẢI\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 77/KH-UBND\n|\n*Sơn Hải, ngày 12\ntháng 3 năm 2026*\n|\n\n** **\n\n**KẾ HOẠCH**\n\nPHÒNG, CHỐNG HẠN HÁN VÀ XÂM NHẬP MẶN\nGIAI ĐOẠN 2026 - 2030\n\nThực hiện Chỉ thị số 05/CT-TTg\nngày 02/02/2026 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban\nhành Kế hoạch như sau:\n\n**I. NHIỆM VỤ,\nGIẢI PHÁP**\n\n**1. **Sở Nông nghiệp và Môi trường chủ trì, phối\nhợp với Ủy ban nhân dân các xã xây dựng phương án tích trữ\nnước ngọt giai đoạn 2026\n- 2030, hoàn thành trước ngày 30\ntháng 6 năm 2026.\n\n**2. **Giao Sở Tài chính bố trí kinh phí thực hiện\nKế hoạch trong dự toán năm 2026.\n\n*Đơn vị phối hợp: *Sở Nội\nvụ.\n\nỦy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc\ntriển khai thực hiện./.\n\n|\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN\nDÂN**\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Lê Minh Khải**\n|\n";

    fn tasks_of(text: &str) -> (nhiemvu_model::Metadata, Vec<Task>, Vec<String>) {
        let pages = read_text(text.as_bytes()).unwrap();
        let (_, paras) = analyse::clean_paragraphs(&pages);
        let a = analyse::analyse(&pages, "0000");
        (
            a.metadata,
            a.tasks,
            paras.into_iter().map(|p| p.text).collect(),
        )
    }

    fn leads(t: &Task) -> Vec<&str> {
        t.assignees.iter().map(|u| u.name.as_str()).collect()
    }

    #[test]
    fn utf16_text_as_word_saves_it_is_read() {
        let text = "Giao Sở Y tế chủ trì.\u{c}Trang hai";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let pages = read_text(&bytes).unwrap();
            assert_eq!(pages.len(), 2);
            assert_eq!(pages[0].text, "Giao Sở Y tế chủ trì.");
        }
        assert!(read_text(&[0xC3, 0x28]).is_err());
    }

    #[test]
    fn portal_text_is_rejoined_into_the_paragraphs_a_pdf_gives() {
        let (meta, tasks, paras) = tasks_of(PORTAL);
        for want in [
            "ỦY BAN NHÂN DÂN TỈNH SƠN HẢI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 77/KH-UBND",
            "Sơn Hải, ngày 12 tháng 3 năm 2026",
            "KẾ HOẠCH",
            "I. NHIỆM VỤ, GIẢI PHÁP",
            "Đơn vị phối hợp: Sở Nội vụ.",
            "TM. ỦY BAN NHÂN DÂN",
        ] {
            assert!(
                paras.iter().any(|p| p == want),
                "{want:?} not in {paras:#?}"
            );
        }
        assert!(
            paras.iter().all(|p| !p.contains('*') && !p.contains('|')),
            "{paras:#?}"
        );
        let item = paras.iter().find(|p| p.starts_with("1. Sở")).unwrap();
        assert!(
            item.contains("giai đoạn 2026 - 2030, hoàn thành trước ngày 30 tháng 6 năm 2026."),
            "{item}"
        );
        assert_eq!(meta.kind, DocKind::KeHoach);
        assert_eq!(meta.number.as_deref(), Some("77/KH-UBND"));
        let issuer = meta.issuer.unwrap_or_default().to_lowercase();
        assert!(issuer.contains("sơn hải"), "{issuer}");
        assert_eq!(tasks.len(), 2, "{tasks:#?}");
        assert_eq!(leads(&tasks[0]), vec!["Sở Nông nghiệp và Môi trường"]);
        let due = tasks[0].deadline.as_ref().and_then(|d| d.due);
        assert_eq!(due.map(|d| d.to_string()), Some("2026-06-30".to_string()));
        assert_eq!(leads(&tasks[1]), vec!["Sở Tài chính"]);
    }

    #[test]
    fn a_bold_heading_closed_at_its_line_end_is_its_own_paragraph() {
        // Portal text without blank lines between a heading and its body.
        let text = "**KẾ HOẠCH**\nTHU GOM RÁC THẢI NĂM 2026\n**1. Mục tiêu**\n- Thu gom 95% rác thải sinh hoạt\ntrên địa bàn.\n**2. Tổ chức thực hiện**\nPhòng Kinh tế xã chủ trì\nhướng dẫn các thôn thực hiện.\n";
        let (_, _, paras) = tasks_of(text);
        assert_eq!(
            paras,
            [
                "KẾ HOẠCH",
                "THU GOM RÁC THẢI NĂM 2026",
                "1. Mục tiêu",
                "- Thu gom 95% rác thải sinh hoạt trên địa bàn.",
                "2. Tổ chức thực hiện",
                "Phòng Kinh tế xã chủ trì hướng dẫn các thôn thực hiện."
            ]
        );
    }

    #[test]
    fn portal_rows_of_cells_become_tab_separated_lines() {
        let text = "| SỞ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc  --------------- |\n| --- | --- |\n| Số: 31/KH-SYT | *Cát Lâm, ngày 04 tháng 5 năm 2026* |\nKẾ HOẠCH\nTiêm chủng mở rộng năm 2026\n1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì tổ chức tiêm chủng, hoàn thành trước ngày 31/10/2026.\n2. Phòng Nghiệp vụ Y theo dõi, báo cáo kết quả hằng quý.\n";
        let (meta, tasks, paras) = tasks_of(text);
        assert_eq!(
            paras[..2],
            [
                "SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
                "Số: 31/KH-SYT\tCát Lâm, ngày 04 tháng 5 năm 2026"
            ]
        );
        assert_eq!(meta.number.as_deref(), Some("31/KH-SYT"));
        assert_eq!(leads(&tasks[0]), vec!["Trung tâm Kiểm soát bệnh tật tỉnh"]);
    }

    #[test]
    fn one_paragraph_per_line_breaks_a_heading_from_the_doer_below_it() {
        // generalization P8(a): a topic heading without final punctuation, then the doer.
        let text = "ỦY BAN NHÂN DÂN\nTỈNH ĐÔNG GIANG\nSố: 19/TB-UBND\nĐông Giang, ngày 08 tháng 4 năm 2026\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về phòng, chống thiên tai\nNgày 06/4/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp. Chủ tịch UBND tỉnh kết luận như sau:\n1. Về công tác phòng, chống sạt lở đất vùng núi\nSở Xây dựng chủ trì, phối hợp với UBND các xã rà soát các điểm có nguy cơ sạt lở trước ngày 30/5/2026.\n2. Sở Công Thương\nKhẩn trương kiểm tra an toàn các hồ chứa thủy điện, báo cáo trước ngày 15/6/2026.\n3. Giao Sở Tài chính bố trí kinh phí khắc phục hậu quả thiên tai.\nTrân trọng thông báo để các cơ quan, đơn vị biết, thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nHà Quang Vinh\n";
        let (meta, tasks, paras) = tasks_of(text);
        let at = |want: &str| paras.iter().position(|p| p == want);
        let heading = at("1. Về công tác phòng, chống sạt lở đất vùng núi").expect("heading");
        assert!(
            paras[heading + 1].starts_with("Sở Xây dựng chủ trì, phối hợp"),
            "{paras:#?}"
        );
        let unit = at("2. Sở Công Thương").expect("unit heading");
        assert!(
            paras[unit + 1].starts_with("Khẩn trương kiểm tra"),
            "{paras:#?}"
        );
        assert_eq!(meta.kind, DocKind::ThongBao);
        assert!(
            tasks.iter().any(|t| leads(t) == vec!["Sở Tài chính"]),
            "{tasks:#?}"
        );
    }

    #[test]
    fn glued_syllables_no_longer_hide_the_order_and_its_unit() {
        // generalization P10: syllables glued by the text layer.
        let text = "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 40/TB-UBND\nTân Lập, ngày 02 tháng 6 năm 2026\nTHÔNG BÁO\nKết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 5\nNgày 01/6/2026, Chủ tịch UBND xã chủ trì cuộc họp giao ban. Chủ tịch UBND xã kết luận như sau:\n1. ĐềnghịHội Cựu chiến binh xã vận động hội viên tham gia giữ gìn an ninh trật tự trước ngày 30/6/2026.\n2. Giao Uỷban MTTQ xã tuyên truyền cuộc vận động xây dựng nông thôn mới, báo cáo trước ngày 10/7/2026.\n3. Giao Văn phòng Đảng uỷUBND xã chủtrì tổng hợp ý kiến của các thôn.\nTrân trọng thông báo./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nĐinh Văn Hòa\n";
        let (_, tasks, paras) = tasks_of(text);
        assert!(paras
            .iter()
            .any(|p| p.starts_with("1. Đề nghị Hội Cựu chiến binh xã")));
        assert_eq!(tasks.len(), 3, "{tasks:#?}");
        assert!(
            leads(&tasks[0])[0].starts_with("Hội Cựu chiến binh xã"),
            "{tasks:#?}"
        );
        assert!(
            leads(&tasks[1])[0].starts_with("Ủy ban Mặt trận Tổ quốc xã"),
            "{tasks:#?}"
        );
        assert!(
            tasks[2].text.contains("Văn phòng Đảng uỷ UBND xã chủ trì"),
            "{tasks:#?}"
        );
        assert!(
            leads(&tasks[2])[0].starts_with("Văn phòng Đảng ủy"),
            "{tasks:#?}"
        );
    }
}
