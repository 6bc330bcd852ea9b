//! Pages our reader could not read fully, read again by poppler's `pdftotext` when installed.
//!
//! Some fonts pdf-extract cannot decode (CID fonts without `/ToUnicode`, Type3 glyph names,
//! CMaps it does not know); poppler decodes them. A page whose drawing met such a font, or
//! failed, or drew nothing though it shows text, is read once more with `pdftotext -bbox`:
//! its words, with their boxes, become glyphs for the same layout as our own ([`layout`]),
//! and the page is kept from poppler only when poppler finds more text than we did.
//!
//! [`layout`]: super::layout

use super::glyphs::{Glyph, GlyphPage};
use once_cell::sync::Lazy;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a `pdftotext` run may take before it is killed.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(20);

/// Environment variable that turns the fallback off (`NHIEMVU_POPPLER=never`), to measure
/// our own reader alone.
pub(crate) const SWITCH: &str = "NHIEMVU_POPPLER";

/// Whether `pdftotext` is on PATH (looked up once per process) and not switched off.
pub(crate) fn available() -> bool {
    static FOUND: Lazy<bool> = Lazy::new(|| {
        Command::new("pdftotext")
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    });
    std::env::var(SWITCH).map_or(true, |v| v != "never") && *FOUND
}

/// The words of pages `first..=last` of the PDF `bytes` as glyph pages (one per page, in
/// order), read by `pdftotext -bbox`, within `timeout` (capped at [`TIMEOUT`]).
pub(crate) fn read_pages(
    bytes: &[u8],
    first: u32,
    last: u32,
    timeout: Duration,
) -> Result<Vec<GlyphPage>, String> {
    let xhtml = run(bytes, first, last, timeout.min(TIMEOUT))?;
    Ok(parse_bbox(&xhtml))
}

/// Run `pdftotext -bbox` on `bytes` (given on standard input) and return its output.
fn run(bytes: &[u8], first: u32, last: u32, timeout: Duration) -> Result<String, String> {
    let mut child = Command::new("pdftotext")
        .args(["-q", "-bbox", "-enc", "UTF-8", "-f"])
        .arg(first.to_string())
        .arg("-l")
        .arg(last.to_string())
        .args(["-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("pdftotext: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("pdftotext: no standard input")?;
    let mut stdout = child.stdout.take().ok_or("pdftotext: no standard output")?;
    std::thread::scope(|s| {
        // A reader that stops early closes its input: the write error is expected then.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let reader = s.spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.read_to_end(&mut out);
            out
        });
        let start = Instant::now();
        let status = loop {
            match child.try_wait().map_err(|e| format!("pdftotext: {e}"))? {
                Some(status) => break status,
                None if start.elapsed() > timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!("pdftotext ran over {} s", timeout.as_secs()));
                }
                None => std::thread::sleep(Duration::from_millis(5)),
            }
        };
        let out = reader.join().unwrap_or_default();
        if !status.success() {
            return Err(format!("pdftotext failed ({status})"));
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    })
}

/// The pages of `pdftotext -bbox` output: each `<word>` becomes one upright glyph whose
/// baseline is the bottom of its box (PDF space, origin bottom-left) and whose size is the
/// box's height.
pub(crate) fn parse_bbox(xhtml: &str) -> Vec<GlyphPage> {
    let mut pages = Vec::new();
    for chunk in xhtml.split("<page ").skip(1) {
        let height = attr(chunk, "height").unwrap_or(842.0);
        let mut page = GlyphPage {
            fonts: vec![String::new()],
            ..GlyphPage::default()
        };
        for word in chunk.split("<word ").skip(1) {
            let (Some(x0), Some(y0), Some(x1), Some(y1)) = (
                attr(word, "xMin"),
                attr(word, "yMin"),
                attr(word, "xMax"),
                attr(word, "yMax"),
            ) else {
                continue;
            };
            let Some(text) = word
                .split_once('>')
                .and_then(|(_, rest)| rest.split_once("</word>"))
                .map(|(t, _)| unescape(t))
            else {
                continue;
            };
            let text = text.trim();
            if text.is_empty() || text.len() > u16::MAX as usize {
                continue;
            }
            // The layout's glyph box runs from 0.25 sizes below the baseline to 0.85 above.
            let size = ((y1 - y0) / 1.1).max(1.0);
            let y = height - y1 + 0.25 * size;
            let start = page.text.len() as u32;
            page.text.push_str(text);
            page.glyphs.push(Glyph {
                x: x0,
                y,
                w: (x1 - x0).max(0.0),
                size,
                font: 0,
                start,
                len: text.len() as u16,
                quarter: 0,
                blank: false,
            });
            // poppler has found the word's end: a space after it, whatever the gap.
            page.glyphs.push(Glyph {
                x: x1.max(x0),
                y,
                w: 0.0,
                size,
                font: 0,
                start: page.text.len() as u32,
                len: 1,
                quarter: 0,
                blank: true,
            });
            page.text.push(' ');
        }
        pages.push(page);
    }
    pages
}

/// The number in `name="…"` inside the tag that opens `s`.
fn attr(s: &str, name: &str) -> Option<f32> {
    let tag = s.split('>').next()?;
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')? + at;
    tag[at..end].parse().ok().filter(|v: &f32| v.is_finite())
}

/// The five XML entities `pdftotext` writes, back to their characters.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// How much readable text a page holds: its letters and digits.
pub(crate) fn weight(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<doc>
  <page width="595.000000" height="842.000000">
    <word xMin="72.0" yMin="100.0" xMax="110.0" yMax="112.0">Tỉnh</word>
    <word xMin="110.5" yMin="100.0" xMax="140.0" yMax="112.0">A&amp;B</word>
  </page>
  <page width="595.000000" height="842.000000">
  </page>
</doc>"#;

    #[test]
    fn bbox_words_become_glyphs_in_pdf_space() {
        let pages = parse_bbox(SAMPLE);
        assert_eq!(pages.len(), 2);
        let p = &pages[0];
        let words: Vec<&str> = p
            .glyphs
            .iter()
            .filter(|g| !g.blank)
            .map(|g| g.text(&p.text))
            .collect();
        assert_eq!(words, ["Tỉnh", "A&B"]);
        let g = p.glyphs[0];
        assert!((g.size * 1.1 - 12.0).abs() < 1e-3);
        assert!((g.y - 0.25 * g.size - (842.0 - 112.0)).abs() < 1e-3);
        assert!(pages[1].glyphs.is_empty());
        let rows = super::super::layout::rows(p);
        assert_eq!(super::super::layout::page_text(&rows), "Tỉnh A&B");
    }

    #[test]
    fn weight_counts_letters_and_digits_only() {
        assert_eq!(weight("Số 12/CT-UBND, ngày…"), 14);
        assert_eq!(weight(" \u{fffd}–.;"), 0);
    }
}
