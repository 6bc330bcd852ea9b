//! PDF input through pdf-extract, page by page, with glyph positions kept.
//!
//! Glyphs are collected by an [`OutputDev`] with their position and size, then grouped
//! into visual lines (same baseline) and runs (split at wide gaps, so the two header
//! columns stay apart). `Page.text` is the lines top to bottom, runs joined by a tab.
//! Each page is read under `catch_unwind`: a page that fails becomes a warning.

use crate::ExtractError;
use nhiemvu_model::{Page, Rect, TextLine, Warning};
use pdf_extract::Document;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::panic::{self, AssertUnwindSafe};

/// Per-document limits that stop PDF bombs and endless files.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file accepted, bytes.
    pub max_file_bytes: u64,
    /// Most pages read.
    pub max_pages: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            max_pages: 5000,
        }
    }
}

/// Pages and warnings read from a PDF.
#[derive(Debug, Default)]
pub struct PdfContent {
    /// Pages with text and positioned runs.
    pub pages: Vec<Page>,
    /// Non-fatal problems (a page that failed).
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Default)]
struct Collector {
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _n: u32,
        _m: &MediaBox,
        _a: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _s: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        // The font size vector through the text matrix, as pdf-extract's own text output does.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        self.glyphs.push(Glyph {
            x,
            y,
            end: x + width * size,
            size,
            text: ch.to_string(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Read every page of a PDF. Panics inside the PDF library become errors or page warnings.
pub fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<PdfContent, ExtractError> {
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(ExtractError::NotPdf("no %PDF- header".into()));
    }
    let loaded = panic::catch_unwind(AssertUnwindSafe(|| Document::load_mem(bytes)));
    let mut doc = match loaded {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => return Err(ExtractError::Malformed(e.to_string())),
        Err(_) => {
            return Err(ExtractError::Panic(
                "while parsing the file structure".into(),
            ))
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ExtractError::Encrypted(
            "the empty user password does not open it".into(),
        ));
    }
    let pages = doc.get_pages();
    if pages.len() as u32 > limits.max_pages {
        return Err(ExtractError::Limit(format!(
            "{} pages, over the {} page limit",
            pages.len(),
            limits.max_pages
        )));
    }
    let mut out = PdfContent::default();
    for (&number, _) in pages.iter() {
        let mut dev = Collector::default();
        let r = panic::catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut dev, number)
        }));
        let failed = match r {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(_) => Some("the PDF reader panicked".to_string()),
        };
        if let Some(why) = failed {
            out.warnings.push(Warning::new(
                "page_failed",
                format!("page {number} could not be read: {why}"),
                Some(number),
            ));
        }
        let (text, lines) = layout(dev.glyphs);
        if text.trim().is_empty() {
            out.warnings.push(Warning::new(
                "ocr_needed",
                "no text layer on this page; OCR needed",
                Some(number),
            ));
        }
        out.pages.push(Page {
            number,
            text,
            annotations: Vec::new(),
            readability: None,
            lines,
        });
    }
    Ok(out)
}

/// Group glyphs into lines (by baseline) and runs (by gaps); return page text and runs.
fn layout(mut glyphs: Vec<Glyph>) -> (String, Vec<TextLine>) {
    glyphs.retain(|g| !g.text.is_empty());
    if glyphs.is_empty() {
        return (String::new(), Vec::new());
    }
    let body = median(glyphs.iter().map(|g| g.size).collect());
    // Sort top to bottom, then left to right; a superscript joins the line below it.
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        let tol = body.max(g.size) * 0.45;
        match lines
            .iter_mut()
            .rev()
            .take(3)
            .find(|l| (baseline(l) - g.y).abs() <= tol)
        {
            Some(l) => l.push(g),
            None => lines.push(vec![g]),
        }
    }
    for l in lines.iter_mut() {
        l.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines.sort_by(|a, b| baseline(b).total_cmp(&baseline(a)));
    let mut text = String::new();
    let mut runs_out = Vec::new();
    let mut prev_y: Option<f64> = None;
    for l in &lines {
        let y = baseline(l);
        let size = median(l.iter().map(|g| g.size).collect());
        if let Some(py) = prev_y {
            text.push('\n');
            if py - y > size * 2.2 {
                text.push('\n');
            }
        }
        prev_y = Some(y);
        let mut runs: Vec<(String, f64, f64, f64)> = Vec::new();
        let mut last_end = f64::MIN;
        for g in l {
            let gap = g.x - last_end;
            if runs.is_empty() || gap > size * 2.5 {
                runs.push((String::new(), g.x, g.end, g.size));
            } else if gap > size * 0.12 && !runs.last().unwrap().0.ends_with(' ') && g.text != " " {
                runs.last_mut().unwrap().0.push(' ');
            }
            let r = runs.last_mut().unwrap();
            r.0.push_str(&g.text);
            r.2 = r.2.max(g.end);
            last_end = g.end.max(g.x);
        }
        let mut cells = Vec::new();
        for (t, x0, x1, s) in runs {
            let t = t.trim().to_string();
            if t.is_empty() {
                continue;
            }
            runs_out.push(TextLine {
                text: t.clone(),
                rect: Rect {
                    x0: x0 as f32,
                    y0: y as f32,
                    x1: x1 as f32,
                    y1: (y + s) as f32,
                },
                font_size: s as f32,
                font: String::new(),
            });
            cells.push(t);
        }
        text.push_str(&cells.join("\t"));
    }
    (text, runs_out)
}

fn baseline(l: &[Glyph]) -> f64 {
    l.iter().map(|g| g.y).fold(f64::MIN, f64::max)
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 12.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}
