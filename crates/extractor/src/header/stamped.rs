//! Number and day stamped by the signing service into the header's blanks.

use chrono::NaiveDate;
use nhiemvu_model::Metadata;
use once_cell::sync::Lazy;
use regex::Regex;

use nhiemvu_model::Frequency;
use nhiemvu_normalizer::lexicon::frame::{self, FrameKind};
use nhiemvu_normalizer::lexicon::time;

/// The number line ("Số: …"; lexicon `frame`).
static NUMBER_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:{})\b",
        frame::pattern(|k| k == FrameKind::NumberOpener)
    ))
    .unwrap()
});
/// The date line's words ("ngày … tháng"; lexicon `time`).
static DATE_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"{}\s*(?:\d{{1,2}})?\s*{}",
        time::period_word(Frequency::Daily),
        time::period_word(Frequency::Monthly)
    ))
    .unwrap()
});

/// Merge a number and day that the signing service stamped into the header's blanks. The
/// stamp is an annotation whose text is a bare number, on the line of "Số:" or of the date.
pub fn merge_stamped(meta: &mut Metadata, page: &nhiemvu_model::Page) {
    // Each line of an annotation that is a bare number is one stamp; one appearance may
    // carry both the number and the day ("228\n28"), in that order.
    let pieces: Vec<nhiemvu_model::AnnotationText> = page
        .annotations
        .iter()
        .flat_map(|a| {
            let lines: Vec<&str> = a
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let all_numbers = !lines.is_empty()
                && lines
                    .iter()
                    .all(|l| l.len() <= 6 && l.chars().all(|c| c.is_ascii_digit()));
            if all_numbers {
                lines
                    .iter()
                    .map(|l| nhiemvu_model::AnnotationText {
                        text: l.to_string(),
                        ..a.clone()
                    })
                    .collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let numbers: Vec<&nhiemvu_model::AnnotationText> = pieces.iter().collect();
    if numbers.is_empty() {
        return;
    }
    let several_in_one = numbers.len() >= 2 && numbers.iter().all(|a| a.rect == numbers[0].rect);
    let on_line = |pattern: &Regex| -> Option<f32> {
        page.lines
            .iter()
            .find(|l| pattern.is_match(&l.text))
            .map(|l| (l.rect.y0 + l.rect.y1) / 2.0)
    };
    let near = |a: &nhiemvu_model::AnnotationText, y: Option<f32>| match y {
        Some(y) => ((a.rect.y0 + a.rect.y1) / 2.0 - y).abs() < 12.0,
        None => false,
    };
    let number_y = on_line(&NUMBER_LINE);
    let date_y = on_line(&DATE_WORDS);
    let serial_blank = meta
        .number_parts
        .as_ref()
        .map(|n| n.serial.is_none())
        .unwrap_or(false);
    if serial_blank {
        let hit = if several_in_one || number_y.is_none() {
            numbers.first()
        } else {
            numbers.iter().find(|a| near(a, number_y))
        };
        if let (Some(a), Some(parts)) = (hit, meta.number_parts.as_mut()) {
            let serial = a.text.trim().to_string();
            parts.raw = format!("{serial}{}", parts.raw.trim_start());
            parts.serial = Some(serial);
            meta.number = Some(parts.raw.clone());
            meta.stamped.push("number".to_string());
        }
    }
    if meta.date.is_none() {
        if let (Some(y), Some(m)) = (meta.year, meta.month) {
            let hit = if several_in_one {
                numbers.get(1)
            } else {
                numbers.iter().filter(|a| near(a, date_y)).find(|a| {
                    a.text
                        .trim()
                        .parse::<u32>()
                        .map(|d| (1..=31).contains(&d))
                        .unwrap_or(false)
                })
            };
            if let Some(a) = hit {
                let d: u32 = a.text.trim().parse().unwrap_or(0);
                meta.date = NaiveDate::from_ymd_opt(y, m, d);
                if meta.date.is_some() {
                    meta.stamped.push("day".to_string());
                }
            }
        }
    }
}
