//! Documents the text cites ("Kế hoạch số 146/KH-UBND ngày 25/6/2025 của UBND tỉnh").

use chrono::NaiveDate;
use nhiemvu_model::Reference;
use once_cell::sync::Lazy;
use rayon::prelude::*;
use regex::Regex;

use nhiemvu_model::Frequency;
use nhiemvu_normalizer::lexicon::{
    self,
    citations::{self, CiteKind},
    particles, time,
};

use super::kind::kind_from_word;

/// A citation: a kind's cited name, its number, its date, its issuer (all words from the
/// lexicon: `kinds`, `particles`, `time`, `citations`).
static REFERENCE: Lazy<Regex> = Lazy::new(|| {
    let kinds = lexicon::kinds::cited_pattern();
    let number = particles::pattern(particles::NUMBER, false);
    let of = particles::pattern(particles::POSSESSIVE, false);
    let (day, month, year) = (
        time::period_word(Frequency::Daily),
        time::period_word(Frequency::Monthly),
        time::period_word(Frequency::Yearly),
    );
    let issuer = citations::pattern(CiteKind::Issuer);
    let end = citations::pattern(CiteKind::End);
    Regex::new(&[
        format!("({kinds})"),
        format!(r"\s+(?:(?:{number})\s+)?(\d{{1,4}}[-/][A-ZĐa-z0-9\-/&]*[A-ZĐ])"),
        format!(
            r"(?:,?\s*{day}\s+(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}})|,?\s*{day}\s+(\d{{1,2}})\s+{month}\s+(\d{{1,2}})\s+{year}\s+(\d{{4}}))?"
        ),
        format!(
            r"(?:\s+(?:{of})\s+((?:{issuer})[^,;.()“\n]{{0,60}}?)(?:\s+(?:{end})\b|[,;.()“\n]|$))?"
        ),
    ]
    .concat())
    .unwrap()
});

/// Every cited document in `paras`, in order, without duplicates.
pub fn references(paras: &[String]) -> Vec<Reference> {
    // Paragraphs are searched independently (on every core for a long document), then the
    // citations are taken in order, the first of each number and date kept.
    let found: Vec<Vec<Reference>> = paras
        .par_iter()
        .with_min_len(256)
        .map(|p| references_in(p))
        .collect();
    let mut out: Vec<Reference> = Vec::new();
    for r in found.into_iter().flatten() {
        if !out
            .iter()
            .any(|o: &Reference| o.number == r.number && o.date == r.date)
        {
            out.push(r);
        }
    }
    out
}

/// Every cited document in one paragraph, in order, duplicates included.
fn references_in(p: &str) -> Vec<Reference> {
    // A document number has a digit then '/' or '-' ("12/KH-UBND"): without one, nothing
    // is cited, and the long pattern need not run.
    let numbered = p
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-'));
    if !numbered {
        return Vec::new();
    }
    REFERENCE
        .captures_iter(p)
        .map(|c| {
            let date = match (c.get(3), c.get(6)) {
                (Some(d), _) => ymd(&c[5], &c[4], d.as_str()),
                (None, Some(d)) => ymd(&c[8], &c[7], d.as_str()),
                _ => None,
            };
            Reference {
                text: c[0]
                    .trim_end_matches([',', ';', '.', '(', ')', ' '])
                    .to_string(),
                kind: kind_from_word(&c[1]),
                number: Some(c[2].to_string()),
                date,
                issuer: c.get(9).map(|m| m.as_str().trim().to_string()),
            }
        })
        .collect()
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}
