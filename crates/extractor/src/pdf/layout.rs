//! Reading order: glyphs → visual lines → runs → page text.
//!
//! Glyphs are grouped into visual lines by baseline (tolerance relative to font size), lines
//! are sorted top to bottom and glyphs left to right. A gap wider than
//! [`SPACE_GAP`] × font size between two glyphs becomes a space; a gap wider than
//! [`COLUMN_GAP`] × font size (or [`BARE_COLUMN_GAP`] when no space glyph is drawn in it)
//! splits the line into separate runs (the two header columns share
//! a baseline but are separate runs). Small raised (or lowered) glyphs next to a line —
//! footnote markers — join that line, glued to the word they follow.

use super::glyphs::{Glyph, GlyphPage};
use nhiemvu_model::{Rect, TextLine};

/// Gap between glyphs, in font sizes, above which a space is inserted.
pub const SPACE_GAP: f32 = 0.18;
/// Gap between glyphs, in font sizes, above which a line splits into separate runs.
pub const COLUMN_GAP: f32 = 3.0;
/// A gap with no space glyph in it splits a line from this width on (in font sizes): table
/// cells and header columns are drawn apart without spaces between them.
pub const BARE_COLUMN_GAP: f32 = 1.5;
/// Baseline gap, in line heights, above which the page text gets a blank line.
pub const PARAGRAPH_GAP: f32 = 1.8;

/// One visual line: its runs left to right.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// Runs, left to right.
    pub runs: Vec<TextLine>,
    /// Baseline in the row's frame.
    baseline: f32,
    /// Dominant font size.
    size: f32,
    /// Text direction in quarter turns.
    quarter: u8,
}

impl Row {
    /// An upright row of `runs` at `baseline` (points, up the page) in font `size`: how
    /// lines read from elsewhere (OCR) enter the same page layout.
    pub(crate) fn upright(runs: Vec<TextLine>, baseline: f32, size: f32) -> Row {
        Row {
            runs,
            baseline,
            size,
            quarter: 0,
        }
    }
}

/// Lay out a page's glyphs into rows, upright text first, then other directions.
pub(crate) fn rows(page: &GlyphPage) -> Vec<Row> {
    let mut out = Vec::new();
    for quarter in 0..4u8 {
        let glyphs: Vec<Glyph> = page
            .glyphs
            .iter()
            .copied()
            .filter(|g| g.quarter == quarter)
            .collect();
        if !glyphs.is_empty() {
            out.extend(rows_of(page, glyphs, quarter));
        }
    }
    out
}

/// Page text: runs of a row joined by '\t', rows by '\n', a blank line before a row that
/// sits more than [`PARAGRAPH_GAP`] line heights below the previous one or runs in another
/// direction.
pub(crate) fn page_text(rows: &[Row]) -> String {
    let pitch = line_pitch(rows);
    let mut text = String::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            text.push('\n');
            let prev = &rows[i - 1];
            let gap = prev.baseline - row.baseline;
            // Text in another direction (margin notes) is a block of its own.
            if prev.quarter != row.quarter || gap > PARAGRAPH_GAP * pitch * prev.size.max(row.size)
            {
                text.push('\n');
            }
        }
        for (j, run) in row.runs.iter().enumerate() {
            if j > 0 {
                text.push('\t');
            }
            text.push_str(&run.text);
        }
    }
    text
}

/// Annotation text: runs joined by a space, rows by '\n'.
pub(crate) fn plain_text(rows: &[Row]) -> String {
    let lines: Vec<String> = rows
        .iter()
        .map(|r| {
            r.runs
                .iter()
                .map(|run| run.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    lines.join("\n")
}

/// Typical baseline distance of the page, in font sizes (1.2 when it cannot be measured).
fn line_pitch(rows: &[Row]) -> f32 {
    let mut ratios: Vec<f32> = rows
        .windows(2)
        .filter(|w| w[0].quarter == w[1].quarter)
        .filter_map(|w| {
            let size = w[0].size.max(w[1].size);
            let r = (w[0].baseline - w[1].baseline) / size;
            (size > 0.0 && (0.8..=2.5).contains(&r)).then_some(r)
        })
        .collect();
    if ratios.is_empty() {
        return 1.2;
    }
    ratios.sort_by(f32::total_cmp);
    ratios[ratios.len() / 2]
}

/// A group of glyphs sharing a baseline.
struct Cluster {
    glyphs: Vec<(usize, Glyph)>,
    baseline: f32,
    size: f32,
    x0: f32,
    x1: f32,
}

impl Cluster {
    fn new(i: usize, g: Glyph) -> Self {
        Cluster {
            glyphs: vec![(i, g)],
            baseline: g.y,
            size: g.size,
            x0: g.x,
            x1: g.x + g.w,
        }
    }

    fn add(&mut self, i: usize, g: Glyph) {
        self.size = self.size.max(g.size);
        self.x0 = self.x0.min(g.x);
        self.x1 = self.x1.max(g.x + g.w);
        self.glyphs.push((i, g));
    }
}

fn rows_of(page: &GlyphPage, glyphs: Vec<Glyph>, quarter: u8) -> Vec<Row> {
    let mut order: Vec<(usize, Glyph)> = glyphs.into_iter().enumerate().collect();
    // Top to bottom, then left to right; drawing order breaks ties.
    order.sort_by(|a, b| {
        b.1.y
            .total_cmp(&a.1.y)
            .then(a.1.x.total_cmp(&b.1.x))
            .then(a.0.cmp(&b.0))
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, g) in order {
        if let Some(c) = clusters.last_mut() {
            let tol = 0.3 * g.size.min(c.size).max(0.1);
            if (c.baseline - g.y).abs() <= tol {
                c.add(i, g);
                continue;
            }
        }
        clusters.push(Cluster::new(i, g));
    }
    for c in &mut clusters {
        c.size = dominant_size(c.glyphs.iter().map(|(_, g)| g));
    }
    let clusters = attach_scripts(clusters);
    clusters
        .into_iter()
        .filter_map(|c| row_of(page, c, quarter))
        .collect()
}

/// Merge small raised (superscript) or lowered (subscript) clusters into the line they touch.
fn attach_scripts(clusters: Vec<Cluster>) -> Vec<Cluster> {
    let mut slots: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    let n = slots.len();
    for i in 0..n {
        let Some(c) = slots[i].as_ref() else { continue };
        let (base, size, x0, x1) = (c.baseline, c.size, c.x0, c.x1);
        let fits = |m: &Cluster| {
            let lift = base - m.baseline;
            size <= 0.85 * m.size
                && x1 >= m.x0 - m.size
                && x0 <= m.x1 + m.size
                && ((lift > 0.0 && lift <= 0.75 * m.size) || (lift < 0.0 && -lift <= 0.4 * m.size))
        };
        // The line below (superscript) or above (subscript), whichever fits first.
        let target = [i + 1, i.wrapping_sub(1)]
            .into_iter()
            .filter(|&j| j < n)
            .find(|&j| slots[j].as_ref().map(&fits).unwrap_or(false));
        if let Some(j) = target {
            let small = slots[i].take();
            if let (Some(small), Some(main)) = (small, slots[j].as_mut()) {
                for (k, g) in small.glyphs {
                    main.add(k, g);
                }
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// Most common glyph size (by count of non-blank glyphs, rounded to 0.1).
fn dominant_size<'a>(glyphs: impl Iterator<Item = &'a Glyph>) -> f32 {
    let mut counts: Vec<(i32, u32)> = Vec::new();
    let mut any = 0.0f32;
    for g in glyphs {
        any = any.max(g.size);
        if g.is_blank() {
            continue;
        }
        let key = (g.size * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(k, _)| *k as f32 / 10.0)
        .unwrap_or(any)
}

fn row_of(page: &GlyphPage, mut c: Cluster, quarter: u8) -> Option<Row> {
    c.glyphs
        .sort_by(|a, b| a.1.x.total_cmp(&b.1.x).then(a.0.cmp(&b.0)));
    let text = &page.text;
    let mut runs: Vec<Vec<Glyph>> = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    let mut last_solid: Option<Glyph> = None;
    let mut blank_since = false;
    for &(_, g) in &c.glyphs {
        let blank = g.is_blank();
        if blank {
            blank_since = true;
        } else {
            if let Some(p) = last_solid {
                let size = p.size.max(g.size).max(0.1);
                // Fake bold: the same glyph drawn twice a hair apart.
                if g.text(text) == p.text(text) && (g.x - p.x).abs() < 0.15 * size {
                    continue;
                }
                let gap = g.x - end_of(&p);
                let limit = if blank_since {
                    COLUMN_GAP
                } else {
                    BARE_COLUMN_GAP
                };
                if gap > limit * size {
                    runs.push(std::mem::take(&mut current));
                }
            }
            last_solid = Some(g);
            blank_since = false;
        }
        current.push(g);
    }
    runs.push(current);
    let runs: Vec<TextLine> = runs
        .into_iter()
        .filter_map(|r| run_of(page, &r, quarter))
        .collect();
    if runs.is_empty() {
        return None;
    }
    Some(Row {
        runs,
        baseline: c.baseline,
        size: c.size,
        quarter,
    })
}

/// Where a glyph ends; a glyph without a width is taken as half an em wide.
fn end_of(g: &Glyph) -> f32 {
    if g.w > 0.01 * g.size {
        g.x + g.w
    } else {
        g.x + 0.5 * g.size
    }
}

fn run_of(page: &GlyphPage, glyphs: &[Glyph], quarter: u8) -> Option<TextLine> {
    let text = &page.text;
    let first = glyphs.iter().position(|g| !g.is_blank())?;
    let last = glyphs.iter().rposition(|g| !g.is_blank())?;
    let glyphs = &glyphs[first..=last];
    let mut s = String::with_capacity(glyphs.iter().map(|g| g.len as usize + 1).sum());
    let mut prev: Option<&Glyph> = None;
    for g in glyphs {
        let blank = g.is_blank();
        if let Some(p) = prev {
            let p_blank = p.is_blank();
            if blank && p_blank && g.x - end_of(p) < -0.01 * g.size {
                // Two spaces drawn on top of each other.
                continue;
            }
            if !blank && !p_blank {
                let size = p.size.max(g.size);
                if g.x - end_of(p) > SPACE_GAP * size {
                    s.push(' ');
                }
            }
        }
        s.push_str(g.text(text));
        prev = Some(g);
    }
    let x0 = glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
    let x1 = glyphs.iter().map(end_of).fold(f32::NEG_INFINITY, f32::max);
    let y0 = glyphs
        .iter()
        .map(|g| g.y - 0.25 * g.size)
        .fold(f32::INFINITY, f32::min);
    let y1 = glyphs
        .iter()
        .map(|g| g.y + 0.85 * g.size)
        .fold(f32::NEG_INFINITY, f32::max);
    let font_size = dominant_size(glyphs.iter());
    let font = page
        .fonts
        .get(glyphs[0].font as usize)
        .cloned()
        .unwrap_or_default();
    Some(TextLine {
        text: s,
        rect: to_page(x0, y0, x1, y1, quarter),
        font_size,
        font,
    })
}

/// Map a rectangle from a glyph frame back to page space.
fn to_page(x0: f32, y0: f32, x1: f32, y1: f32, quarter: u8) -> Rect {
    let map = |x: f32, y: f32| match quarter {
        0 => (x, y),
        1 => (-y, x),
        2 => (-x, -y),
        _ => (y, -x),
    };
    let (ax, ay) = map(x0, y0);
    let (bx, by) = map(x1, y1);
    Rect {
        x0: ax.min(bx),
        y0: ay.min(by),
        x1: ax.max(bx),
        y1: ay.max(by),
    }
}
