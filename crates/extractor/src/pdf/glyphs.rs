//! Glyph collection: an `OutputDev` that records every character pdf-extract draws.
//!
//! pdf-extract hands each decoded character to [`GlyphCollector::output_character`] with its
//! text-rendering matrix. We keep position, advance, size and font per glyph, with the text of
//! all glyphs in one shared buffer (no per-glyph `String`). Characters arrive in content-stream
//! order; [`crate::pdf::layout`] puts them in reading order.

use crate::budget::Budget;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use unicode_normalization::char::is_combining_mark;

/// One drawn character (or a base character with the combining marks drawn after it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    /// Origin along the baseline, in the glyph's frame (page space for upright text).
    pub x: f32,
    /// Baseline position, in the glyph's frame.
    pub y: f32,
    /// Advance width in user-space units.
    pub w: f32,
    /// Font size in user-space units (text size × text matrix × CTM scale).
    pub size: f32,
    /// Index into [`GlyphPage::fonts`].
    pub font: u16,
    /// Byte range of the text in [`GlyphPage::text`].
    pub start: u32,
    /// Byte length of the text.
    pub len: u16,
    /// Text direction in quarter turns (0 = upright, 1 = 90° counter-clockwise, …).
    pub quarter: u8,
    /// Whether the text is all blanks (space, no-break space, tab); layout asks this of
    /// every glyph several times, so it is decided once when the glyph is drawn.
    pub blank: bool,
}

impl Glyph {
    /// Whether the glyph is a blank (space, no-break space, tab).
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// The glyph's text inside the shared buffer.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        let s = self.start as usize;
        &text[s..s + self.len as usize]
    }
}

/// All glyphs of one page (or one annotation appearance).
#[derive(Debug, Default)]
pub(crate) struct GlyphPage {
    /// Text of every glyph, back to back.
    pub text: String,
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Font names referenced by [`Glyph::font`].
    pub fonts: Vec<String>,
    /// Characters pdf-extract handed over.
    pub drawn: u32,
    /// Of those, characters that decoded to nothing readable (no text, control characters,
    /// U+FFFD, private use): a font it could not decode.
    pub lost: u32,
}

/// The `OutputDev` that fills a [`GlyphPage`].
///
/// pdf-extract does not tell an output device which font is in use, so the caller passes the
/// font of every shown string, in drawing order, as found by [`crate::pdf::walk`]; pdf-extract
/// calls `begin_word` once per shown string, which keeps the two in step.
pub(crate) struct GlyphCollector<'a> {
    page: GlyphPage,
    string_fonts: &'a [u16],
    next_string: usize,
    font: u16,
    budget: &'a Budget,
    /// Glyphs seen since the budget was last checked.
    since_check: u32,
    out_of_time: bool,
    /// Glyphs left out past [`super::caps::MAX_GLYPHS`].
    dropped: u64,
}

/// Glyphs drawn between two looks at the clock.
const GLYPHS_PER_CHECK: u32 = 4096;

/// Font index used when the walk and pdf-extract disagree.
pub(crate) const UNKNOWN_FONT: u16 = 0;

impl<'a> GlyphCollector<'a> {
    /// A collector for a page whose fonts are `fonts` (index 0 is the unknown font) and whose
    /// shown strings use `string_fonts`, in order.
    /// Drawing stops with an error once `budget` runs out (see [`Self::out_of_time`]).
    pub fn new(fonts: Vec<String>, string_fonts: &'a [u16], budget: &'a Budget) -> Self {
        GlyphCollector {
            page: GlyphPage {
                fonts,
                ..GlyphPage::default()
            },
            string_fonts,
            next_string: 0,
            font: UNKNOWN_FONT,
            budget,
            since_check: 0,
            out_of_time: false,
            dropped: 0,
        }
    }

    /// How many glyphs were left out past the page's glyph cap.
    pub fn glyphs_dropped(&self) -> u64 {
        self.dropped
    }

    /// True when drawing was stopped because the document's time ran out.
    pub fn out_of_time(&self) -> bool {
        self.out_of_time
    }

    /// The glyphs collected so far.
    pub fn finish(self) -> GlyphPage {
        self.page
    }

    fn push(&mut self, trm: &Transform, width: f64, font_size: f64, s: &str) {
        let (a, b, c, d) = (trm.m11, trm.m12, trm.m21, trm.m22);
        let (e, f) = (trm.m31, trm.m32);
        let vscale = (c * c + d * d).sqrt();
        let hscale = (a * a + b * b).sqrt();
        let size = (font_size * vscale).abs();
        let w = (width * font_size * hscale).abs();
        if !(e.is_finite() && f.is_finite() && size.is_finite() && w.is_finite()) {
            return;
        }
        // Direction of the baseline, in quarter turns; positions are rotated into that frame
        // so that layout can treat every direction as left-to-right, top-to-bottom.
        let quarter = if a.abs() >= b.abs() {
            if a >= 0.0 {
                0
            } else {
                2
            }
        } else if b > 0.0 {
            1
        } else {
            3
        };
        let (x, y) = match quarter {
            0 => (e, f),
            1 => (f, -e),
            2 => (-e, -f),
            _ => (-f, e),
        };
        // Combining marks drawn as their own glyphs belong to the previous base character.
        let all_marks = !s.is_empty() && s.chars().all(is_combining_mark);
        if all_marks {
            if let Some(last) = self.page.glyphs.last_mut() {
                if last.start as usize + last.len as usize == self.page.text.len()
                    && (last.len as usize + s.len()) <= u16::MAX as usize
                {
                    self.page.text.push_str(s);
                    last.len += s.len() as u16;
                    last.blank = false;
                    return;
                }
            }
        }
        let start = self.page.text.len();
        if start > u32::MAX as usize - s.len() {
            return;
        }
        for ch in s.chars() {
            match ch {
                '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{3000}' => self.page.text.push(' '),
                c if c.is_control() => {}
                c => self.page.text.push(c),
            }
        }
        let len = self.page.text.len() - start;
        if self.page.text[start..]
            .chars()
            .all(|c| c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c))
        {
            self.page.lost += 1;
        }
        if len == 0 || len > u16::MAX as usize {
            self.page.text.truncate(start);
            return;
        }
        let blank = self.page.text[start..].chars().all(char::is_whitespace);
        self.page.glyphs.push(Glyph {
            x: x as f32,
            y: y as f32,
            w: w as f32,
            size: size as f32,
            font: self.font,
            start: start as u32,
            len: len as u16,
            quarter,
            blank,
        });
    }
}

impl OutputDev for GlyphCollector<'_> {
    fn begin_page(
        &mut self,
        _page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
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
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.since_check += 1;
        self.page.drawn += 1;
        if self.since_check >= GLYPHS_PER_CHECK {
            self.since_check = 0;
            if self.budget.expired() {
                // pdf-extract stops drawing on any error; the caller reads `out_of_time`.
                self.out_of_time = true;
                return Err(OutputError::FormatError(std::fmt::Error));
            }
        }
        if self.page.glyphs.len() >= super::caps::MAX_GLYPHS {
            self.dropped += 1;
        } else {
            self.push(trm, width, font_size, char);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.font = self
            .string_fonts
            .get(self.next_string)
            .copied()
            .unwrap_or(UNKNOWN_FONT);
        self.next_string += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn drawing_stops_mid_page_when_the_budget_runs_out() {
        let trm = Transform::identity();
        let open = Budget::start(Some(Duration::from_secs(3600)));
        let mut dev = GlyphCollector::new(vec![String::new()], &[], &open);
        for _ in 0..3 * GLYPHS_PER_CHECK {
            dev.output_character(&trm, 0.5, 0.0, 12.0, "a")
                .expect("time left");
        }
        assert!(!dev.out_of_time());
        assert_eq!(dev.finish().glyphs.len(), 3 * GLYPHS_PER_CHECK as usize);

        let spent = Budget::start(Some(Duration::ZERO));
        std::thread::sleep(Duration::from_millis(2));
        let mut dev = GlyphCollector::new(vec![String::new()], &[], &spent);
        let drawn = (0..2 * GLYPHS_PER_CHECK)
            .take_while(|_| dev.output_character(&trm, 0.5, 0.0, 12.0, "a").is_ok())
            .count();
        assert_eq!(drawn as u32, GLYPHS_PER_CHECK - 1);
        assert!(dev.out_of_time());
    }
}
