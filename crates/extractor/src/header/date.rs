//! The place and date line, and the date an appendix gives when the header has none.

use chrono::NaiveDate;
use nhiemvu_model::Metadata;
use once_cell::sync::Lazy;
use regex::Regex;

pub(super) static DATE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:([\p{Lu}][\p{L} ]{1,40}?),\s*)?ngày[\s.…_]*(\d{1,2})?[\s.…_]*tháng[\s.…_]*(\d{1,2})?[\s.…_]*năm\s*(\d{4})")
        .unwrap()
});

static ISSUED_WITH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"kèm theo [^()]*?(?:số\s*[^\s]*\s*)?ngày\s*(\d{1,2})?\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    )
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
