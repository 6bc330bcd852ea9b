//! The lexicon: every Vietnamese word list and pattern fragment the rules read, as data.
//!
//! Vocabulary lives here and nowhere else: each table is a sorted, unique, NFC list with one
//! row per word and flags that say what the word does. Rules in the extractor build their
//! patterns from these tables. To add a word, add one row to its table (in byte order); the
//! table test (`lexicon::tests`) checks order, uniqueness, NFC, that every pattern compiles
//! and that each table's examples still read as stated.
//!
//! - [`verbs`]: instruction verbs and predicate words (opens an instruction, ends a unit
//!   phrase, makes its subject the lead, is also a noun).
//! - [`heads`]: unit head words, office holders, role nouns, collectives and the homographs
//!   that look like heads but are not units.
//! - [`levels`]: administrative levels and their rank ("tỉnh", "xã", "thôn").
//! - [`gazetteer`]: official names (provinces, ministries, departments, Party bodies) and the
//!   abbreviations of unit names.
//! - [`citations`]: the issuer heads and end words of a cited document ("… của UBND tỉnh
//!   về …").
//! - [`columns`]: task-table column headings and field labels (content, lead, coordinators,
//!   time).
//! - [`syllables`]: frequent syllables, the tie-breaker when glued syllables are split.
//! - [`kinds`]: document kinds: kind line, number codes, cited spelling, model kind.
//! - [`offices`]: words of issuing bodies and positions, and how names spell them.
//! - [`time`]: time words (periods, quarter numerals, weekdays) and the words that say what
//!   a date is (due, start, event, a cited document's date, an object's period).
//! - [`markers`]: the list-marker grammar (`I.`, `1.`, `2.1`, `a)`, `(1)`, `-`, `+`, `Điều N.`).
//! - [`measures`]: target words (comparators, counted and uncounted nouns, money, labels,
//!   delivery verbs, markers of past results).
//! - [`ocr_pairs`]: word pairs OCR misreads by one tone mark, and words before a Roman
//!   quarter numeral.
//! - [`frame`]: the letterhead lines, paragraph openers and KPI table words of a document.
//! - [`particles`]: function words around verbs (past marker, relative and owner words).
//! - [`zones`]: heading words that open a task zone or a no-task zone.

pub mod citations;
pub mod columns;
pub mod frame;
pub mod gazetteer;
pub mod heads;
pub mod kinds;
pub mod levels;
pub mod markers;
pub mod measures;
pub mod ocr_pairs;
pub mod offices;
pub mod particles;
pub mod syllables;
pub mod time;
pub mod verbs;
pub mod zones;

#[cfg(test)]
mod tests;

/// A table of the lexicon as the checks see it: its words, the patterns built from it and
/// examples of "phrase → expected reading".
pub trait Table: Sync {
    /// Short name used in test messages.
    fn name(&self) -> &'static str;
    /// Every row's key, in table order (checked: sorted by bytes, unique, NFC).
    fn words(&self) -> Vec<&'static str>;
    /// Named regex patterns built from the table (checked: each compiles).
    fn patterns(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// "phrase → expected reading" rows (checked with [`Table::read`]).
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
    /// How this table reads a phrase, for the examples.
    fn read(&self, _phrase: &str) -> String {
        String::new()
    }
}

/// Every table of the lexicon, for the checks and for tools that list the vocabulary.
pub fn tables() -> Vec<&'static dyn Table> {
    vec![
        &verbs::VerbTable,
        &heads::HeadTable,
        &heads::CollectiveTable,
        &heads::DeterminerTable,
        &heads::CollectiveWordTable,
        &heads::NameVerbTable,
        &levels::LevelTable,
        &gazetteer::NameTable,
        &gazetteer::ProvinceTable,
        &gazetteer::AbbreviationTable,
        &citations::CiteTable,
        &citations::CrossRefTable,
        &columns::ColumnTable,
        &columns::TimeCellTable,
        &syllables::SyllableTable,
        &kinds::KindTable,
        &ocr_pairs::OcrPairTable,
        &offices::OfficeTable,
        &time::TimeTable,
        &time::PeriodNounTable,
        &time::YearPartTable,
        &markers::MarkerTable,
        &frame::FrameTable,
        &particles::ParticleTable,
        &measures::MeasureTable,
        &zones::ZoneTable,
    ]
}

/// Regex alternation of `words`, escaped, longest first (so "phối hợp với" wins over
/// "phối hợp"). With `either_case` the first letter also matches in the other case.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>, either_case: bool) -> String {
    let mut ws: Vec<&str> = words.into_iter().collect();
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    ws.dedup();
    ws.iter()
        .map(|w| {
            let mut cs = w.chars();
            match (either_case, cs.next()) {
                (true, Some(c)) if c.is_alphabetic() && c.to_uppercase().ne(c.to_lowercase()) => {
                    let up: String = c.to_uppercase().collect();
                    let low: String = c.to_lowercase().collect();
                    format!("[{}{}]{}", up, low, regex::escape(cs.as_str()))
                }
                _ => regex::escape(w),
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// `s` with its first letter in lower case ("Triển khai" → "triển khai").
pub fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}
