//! The place and date line, and the date an appendix gives when the header has none.

use chrono::NaiveDate;
use nhiemvu_model::Metadata;
use once_cell::sync::Lazy;
use regex::Regex;

use nhiemvu_model::Frequency;
use nhiemvu_normalizer::lexicon::frame::{self, FrameKind};
use nhiemvu_normalizer::lexicon::{particles, time};

/// The words of a date ("ngày", "tháng", "năm") from the time lexicon.
fn calendar() -> (&'static str, &'static str, &'static str) {
    (
        time::period_word(Frequency::Daily),
        time::period_word(Frequency::Monthly),
        time::period_word(Frequency::Yearly),
    )
}

/// The place and date line ("Đông Sơn, ngày 05 tháng 3 năm 2026"; blanks allowed).
pub(super) static DATE_LINE: Lazy<Regex> = Lazy::new(|| {
    let (day, month, year) = calendar();
    Regex::new(&format!(
        r"(?:([\p{{Lu}}][\p{{L}} ]{{1,40}}?),\s*)?{day}[\s.…_]*(\d{{1,2}})?[\s.…_]*{month}[\s.…_]*(\d{{1,2}})?[\s.…_]*{year}\s*(\d{{4}})"
    ))
    .unwrap()
});

/// "(Ban hành kèm theo Kế hoạch số …/KH-UBND ngày …/7/2025 …)" (lexicon `frame`, `time`).
static ISSUED_WITH: Lazy<Regex> = Lazy::new(|| {
    let (day, _, _) = calendar();
    Regex::new(&format!(
        r"{} [^()]*?(?:(?:{})\s*[^\s]*\s*)?{day}\s*(\d{{1,2}})?\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}})",
        frame::pattern(|k| k == FrameKind::IssuedWith),
        particles::pattern(particles::NUMBER, false)
    ))
    .unwrap()
});

/// When the header gives no date, an appendix's "(Ban hành kèm theo Kế hoạch số …/KH-UBND
/// ngày …/7/2025 …)" dates the document itself (day often blank).
pub(super) fn date_from_appendix(paras: &[String], meta: &mut Metadata) {
    for p in paras {
        if let Some(c) = ISSUED_WITH.captures(p) {
            meta.year = c[3].parse().ok();
            meta.month = c[2].parse().ok();
            let day: Option<u32> = c.get(1).and_then(|d| d.as_str().parse().ok());
            meta.date = match (meta.year, meta.month, day) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            };
            meta.date_raw = Some(c[0].to_string());
            return;
        }
    }
}
