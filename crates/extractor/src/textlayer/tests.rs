//! Tests of `textlayer`.

use super::*;
use nhiemvu_model::{Rect, TextLine};

fn page(text: &str, lines: Vec<TextLine>) -> Page {
    Page {
        number: 1,
        text: text.to_string(),
        annotations: Vec::new(),
        readability: None,
        text_source: Default::default(),
        ocr: None,
        lines,
    }
}

#[test]
fn tcvn3_font_runs_are_converted_with_capitals_from_h_fonts() {
    let run = |t: &str, f: &str| TextLine {
        text: t.into(),
        rect: Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 1.0,
            y1: 1.0,
        },
        font_size: 13.0,
        font: f.into(),
    };
    let mut p = page(
        "uû ban nh©n d©n\nGiao Së Khoa häc vµ C«ng nghÖ chñ tr× thùc hiÖn kÕ ho¹ch.",
        vec![
            run("uû ban nh©n d©n", "ABCDEF+.VnTimeH"),
            run(
                "Giao Së Khoa häc vµ C«ng nghÖ chñ tr× thùc hiÖn kÕ ho¹ch.",
                ".VnTime",
            ),
        ],
    );
    let mut w = Vec::new();
    let ok = prepare(std::slice::from_mut(&mut p), &mut w);
    assert_eq!(
        p.text,
        "UỶ BAN NHÂN DÂN\nGiao Sở Khoa học và Công nghệ chủ trì thực hiện kế hoạch."
    );
    assert_eq!(ok, vec![true]);
    assert_eq!(w[0].kind, "legacy_encoding");
}

#[test]
fn portal_markup_is_not_counted_against_a_page() {
    let body = "**Giao Sở Y tế chủ trì** tổ chức tiêm chủng";
    let mut lines = vec!["|"; 12];
    lines.extend([body; 4]);
    let mut p = page(&lines.join("\n"), vec![]);
    prepare(std::slice::from_mut(&mut p), &mut Vec::new());
    assert_eq!(p.readability, Some(1.0));
}

#[test]
fn unreadable_and_empty_pages_are_flagged_and_skipped() {
    let mut pages = vec![
        page(
            "ÿþ\u{1}ÀÁ ¤¥ ®¯° ±²³ ´µ¶ ·¸¹ º»¼ ½¾¿ ÆÇÈ ÉÊË ÌÍÎ ÏÐÑ",
            vec![],
        ),
        page("   ", vec![]),
    ];
    pages[1].number = 2;
    let mut w = Vec::new();
    assert_eq!(prepare(&mut pages, &mut w), vec![false, false]);
    assert_eq!(w.iter().filter(|w| w.kind == "ocr_needed").count(), 2);
}
