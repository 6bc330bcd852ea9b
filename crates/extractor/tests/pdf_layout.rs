//! Reading order and runs on LibreOffice-made PDFs (tests/data/pdf, built by
//! scripts/make_test_pdfs.py) and on small hand-built pages.

mod pdf_support;

use nhiemvu_extractor::pdf::{read_pdf, Limits, PdfContent};
use nhiemvu_extractor::ExtractError;
use pdf_extract::content::Operation;
use pdf_support::{text_ops, utf16, Builder};

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/data/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> PdfContent {
    read_pdf(&data(name), &Limits::default()).expect("readable PDF")
}

fn check_kế_hoạch(out: &PdfContent) {
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(out.pages.len(), 2);
    let p1 = &out.pages[0];
    assert_eq!(p1.number, 1);

    // The two header columns share a baseline but stay separate runs.
    let left = p1
        .lines
        .iter()
        .find(|l| l.text == "ỦY BAN NHÂN DÂN")
        .expect("left column");
    let right = p1
        .lines
        .iter()
        .find(|l| l.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .expect("right column");
    assert!((left.rect.y0 - right.rect.y0).abs() < 1.0);
    assert!(left.rect.x1 < right.rect.x0);
    assert!(right.font.contains("Bold"), "{}", right.font);
    assert!(!left.font.contains("Bold"), "{}", left.font);
    assert_eq!(left.font_size.round(), 12.0);

    let lines: Vec<&str> = p1.text.lines().collect();
    assert_eq!(
        lines[0],
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    assert_eq!(lines[1], "TỈNH ĐẮK LẮK\tĐộc lập - Tự do - Hạnh phúc");
    assert_eq!(
        lines[2],
        "Số: 146/KH-UBND\tĐắk Lắk, ngày 12 tháng 10 năm 2025"
    );
    // The title sits well below the header: a blank line before it.
    assert!(p1.text.contains("2025\n\nKẾ HOẠCH\n"), "{}", p1.text);

    // The footnote marker stays glued to its word; the paragraph's lines follow in order.
    assert!(
        p1.text.contains("trả kết\nquả 8.608 hồ sơ1; cụ thể: trả kết quả trực tuyến 4.796/5.050 hồ sơ, đạt 94,97%."),
        "{}",
        p1.text
    );
    // The footnote body at the page foot is small type, after a blank line; then the page number.
    let foot = p1
        .lines
        .iter()
        .find(|l| l.text.ends_with("tỉnh Đắk Lắk."))
        .expect("footnote body");
    assert_eq!(
        foot.text,
        "1Số liệu từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Đắk Lắk."
    );
    assert_eq!(foot.font_size.round(), 10.0);
    assert!(p1.text.ends_with(
        "\n\n1Số liệu từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Đắk Lắk.\n1"
    ));

    let p2 = &out.pages[1];
    assert_eq!(
        p2.text,
        "2. Các sở, ban, ngành thường xuyên cập nhật dữ liệu lên Cổng thông tin điện tử\ncủa tỉnh.\n\n2"
    );
    assert!(p1.annotations.is_empty() && p2.annotations.is_empty());
}

#[test]
fn libreoffice_header_footnote_and_footer() {
    check_kế_hoạch(&read("header_footnote.pdf"));
}

#[test]
fn identity_h_cid_fonts_read_the_same() {
    // The same document rewritten by pdftocairo, with Type0 Identity-H fonts as Word writes.
    let cid = read("header_footnote_cid.pdf");
    check_kế_hoạch(&cid);
    let plain = read("header_footnote.pdf");
    assert_eq!(cid.pages[0].text, plain.pages[0].text);
}

#[test]
fn encrypted_with_empty_user_password_is_read() {
    let out = read("encrypted_empty.pdf");
    check_kế_hoạch(&out);
}

#[test]
fn encrypted_with_user_password_is_refused() {
    assert!(matches!(
        read_pdf(&data("encrypted_user.pdf"), &Limits::default()),
        Err(ExtractError::Encrypted(_))
    ));
}

#[test]
fn superscript_marker_drawn_later_joins_its_line() {
    // Body text, then (as some producers do) the raised marker drawn after the whole line.
    let (head, tail) = ("đến năm 2025", " đạt chỉ tiêu");
    let mut b = Builder::new(&[head, tail, "2", "Nội dung tiếp theo của văn bản"]);
    // The builder font advances 0.5 em per character: "2025" ends at 72 + 12 * 7, the
    // marker (8 pt) takes 4 pt, and the line goes on after it.
    let mut ops = text_ops(14.0, 72.0, 700.0, head);
    ops.extend(text_ops(14.0, 72.0 + 12.0 * 7.0 + 4.0, 700.0, tail));
    ops.extend([
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 8.into()]),
        Operation::new("Ts", vec![5.into()]),
        Operation::new("Td", vec![(72.0 + 12.0 * 7.0).into(), 700.into()]),
        Operation::new("Tj", vec![utf16("2")]),
        Operation::new("ET", vec![]),
    ]);
    ops.extend(text_ops(
        14.0,
        72.0,
        680.0,
        "Nội dung tiếp theo của văn bản",
    ));
    b.page(ops);
    let out = read_pdf(&b.finish(), &Limits::default()).expect("read");
    assert_eq!(
        out.pages[0].text,
        "đến năm 20252 đạt chỉ tiêu\nNội dung tiếp theo của văn bản"
    );
    assert_eq!(out.pages[0].lines[0].font_size, 14.0);
}

#[test]
fn columns_without_spaces_split_and_word_gaps_do_not() {
    // Two runs drawn 2 em apart on one baseline (table cells, no space glyph between them),
    // then a line whose words are 0.5 em apart with no space glyphs: one run with spaces.
    let mut b = Builder::new(&[
        "Số: 09-TB/VPTU",
        "Ea Kao, ngày 15 tháng 01 năm 2026",
        "Kính",
        "gửi:",
    ]);
    let mut ops = text_ops(13.0, 72.0, 700.0, "Số: 09-TB/VPTU");
    ops.extend(text_ops(
        13.0,
        72.0 + 14.0 * 6.5 + 26.0,
        700.0,
        "Ea Kao, ngày 15 tháng 01 năm 2026",
    ));
    ops.extend(text_ops(13.0, 100.0, 670.0, "Kính"));
    ops.extend(text_ops(13.0, 100.0 + 4.0 * 6.5 + 6.5, 670.0, "gửi:"));
    b.page(ops);
    let out = read_pdf(&b.finish(), &Limits::default()).expect("read");
    let p = &out.pages[0];
    assert_eq!(
        p.text,
        "Số: 09-TB/VPTU\tEa Kao, ngày 15 tháng 01 năm 2026\nKính gửi:"
    );
    assert_eq!(p.lines.len(), 3);
    assert_eq!(p.lines[0].font, "TestSerif");
}

#[test]
fn rotated_margin_text_follows_upright_text() {
    let mut b = Builder::new(&["Nơi nhận:", "Ký bởi Văn phòng"]);
    let mut ops = text_ops(12.0, 72.0, 700.0, "Nơi nhận:");
    // Text running up the left margin (90° rotation).
    ops.extend([
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 8.into()]),
        Operation::new(
            "Tm",
            vec![
                0.into(),
                1.into(),
                (-1).into(),
                0.into(),
                20.into(),
                300.into(),
            ],
        ),
        Operation::new("Tj", vec![utf16("Ký bởi Văn phòng")]),
        Operation::new("ET", vec![]),
    ]);
    b.page(ops);
    let out = read_pdf(&b.finish(), &Limits::default()).expect("read");
    let p = &out.pages[0];
    // Text in another direction comes after the upright text, as a block of its own.
    assert_eq!(p.text, "Nơi nhận:\n\nKý bởi Văn phòng");
    let r = p.lines[1].rect;
    assert!(r.y1 - r.y0 > r.x1 - r.x0, "vertical run: {r:?}");
}

#[test]
fn a_long_document_reads_the_same_on_one_worker_and_on_several() {
    // Over the parallel threshold, so several workers share the pages.
    let texts: Vec<String> = (1..=75)
        .map(|n| format!("Trang {n}: nhiệm vụ số {n}"))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut b = Builder::new(&refs);
    for t in &texts {
        let mut ops = text_ops(12.0, 72.0, 700.0, t);
        ops.extend(text_ops(10.0, 72.0, 60.0, "Chân trang"));
        b.page(ops);
    }
    let bytes = b.finish();
    let read_with = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| read_pdf(&bytes, &Limits::default()).expect("readable PDF"))
    };
    let one = read_with(1);
    assert_eq!(one.pages.len(), 75);
    for (i, page) in one.pages.iter().enumerate() {
        assert_eq!(page.number as usize, i + 1);
        assert!(
            page.text.starts_with(&format!("Trang {}:", i + 1)),
            "{}",
            page.text
        );
    }
    for threads in [2, 3] {
        let many = read_with(threads);
        let texts = |c: &PdfContent| c.pages.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&many), texts(&one), "{threads} workers");
        assert_eq!(many.warnings.len(), one.warnings.len());
    }
}
