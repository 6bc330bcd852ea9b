//! The named date rules (rustling style): each a pattern built from the time lexicon, a
//! production that turns a match into a dated candidate, and examples that one test reads.

use super::*;
use nhiemvu_normalizer::lexicon::{self, particles};

/// What a date rule produces from one match.
struct Hit {
    moment: Moment,
    strong: bool,
    start: bool,
    /// The phrase when it differs from the whole match.
    raw: Option<String>,
    /// The year was left out.
    yearless: bool,
}

impl Hit {
    /// A hit whose strength comes from its cue words.
    fn cued(moment: Moment, c: &Captures<'_>) -> Hit {
        let (strong, start) = strength(cue(c));
        Hit {
            moment,
            strong,
            start,
            raw: None,
            yearless: false,
        }
    }
}

/// What a rule's production sees besides its match.
struct Scan<'a> {
    text: &'a str,
    ctx: &'a DateContext,
    /// Candidates found by earlier rules.
    found: &'a [Found],
}

/// A named date rule (rustling style): a pattern, what it produces, and examples read
/// against the document date [`EXAMPLE_DATE`].
pub(super) struct Rule {
    pub(super) name: &'static str,
    re: Regex,
    produce: fn(&Captures<'_>, &Scan<'_>) -> Option<Hit>,
}

/// The document date the rule examples are read against.
#[cfg(test)]
pub(super) const EXAMPLE_DATE: &str = "2026-03-15";

/// Words that introduce a due date or a start, each followed by an optional "ngày".
static CUE: Lazy<String> = Lazy::new(|| {
    format!(
        r"(?P<cue>(?:{}|{})\s*(?:{}\s*)?)?",
        time::pattern(Kind::Due),
        time::pattern(Kind::Start),
        time::period_word(Frequency::Daily)
    )
});

/// After "trước ngày 10": "của tháng cuối", the day of a quarter's last month.
static QUARTER_DAY_TAIL: Lazy<Regex> = Lazy::new(|| {
    let month = time::period_word(Frequency::Monthly);
    Regex::new(&format!(
        "^(?:(?:{}) {month}|{month} (?:{}))",
        particles::pattern(particles::POSSESSIVE, false),
        lexicon::alternation(
            time::YEAR_PARTS.iter().filter(|p| p.late).map(|p| p.word),
            false
        )
    ))
    .unwrap()
});

/// The cue words of a match ("" when none).
fn cue<'t>(c: &Captures<'t>) -> &'t str {
    c.name("cue").map_or("", |m| m.as_str())
}

/// Cue words that make a date a deadline rather than a mention; a start cue makes it a start.
fn strength(cue: &str) -> (bool, bool) {
    // Compared without spaces, so glued cues ("kểtừ") read the same.
    let c: String = cue.to_lowercase().split_whitespace().collect();
    let start = time::with(Kind::Start).any(|w| c.starts_with(&w.replace(' ', "")));
    let strong = !c.is_empty() && !start;
    (strong, start)
}

pub(super) fn num<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn year_or(ctx: &DateContext, y: Option<i32>, month: u32, day: u32) -> Option<i32> {
    if y.is_some() {
        return y;
    }
    // A year left out: the document's year, or the next occurrence after its date.
    let anchor = ctx.anchor()?;
    let this = NaiveDate::from_ymd_opt(anchor.year(), month, day)?;
    Some(if this < anchor {
        anchor.year() + 1
    } else {
        anchor.year()
    })
}

/// Day, month and year of a date match (year left out → document year or next occurrence).
/// Numeric ("20/7/2026") or in words ("ngày mồng 5 tháng 7 năm 2026").
fn ymd(c: &Captures<'_>, ctx: &DateContext) -> Option<NaiveDate> {
    let d: u32 = num(c, "d").or_else(|| num(c, "wd"))?;
    let mo: u32 = num(c, "mo").or_else(|| num(c, "wmo"))?;
    let y = year_or(ctx, num(c, "y").or_else(|| num(c, "wy")), mo, d)?;
    NaiveDate::from_ymd_opt(y, mo, d)
}

/// Hour and minute of a time match ("16 giờ 30", "16h30", "16:30").
fn hm(c: &Captures<'_>) -> (u32, u32) {
    let h = num(c, "h").or_else(|| num(c, "h2")).unwrap_or(99);
    let mi = num(c, "mi").or_else(|| num(c, "mi2")).unwrap_or(0);
    (h, mi)
}

fn date_time(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    let (h, mi) = hm(c);
    let date = ymd(c, s.ctx)?;
    let dt = vn()
        .with_ymd_and_hms(date.year(), date.month(), date.day(), h, mi, 0)
        .single()?;
    let mut hit = Hit::cued(Moment::DateTime(dt), c);
    hit.yearless = no_year(c);
    // The character that closed the time ("16h" before a space) is not part of the phrase.
    Some(without_tail(hit, c))
}

/// `hit` with its raw phrase ending before the pattern's `tail` group (the character that
/// closed the match), when the pattern has one.
fn without_tail(mut hit: Hit, c: &Captures<'_>) -> Hit {
    if let (Some(all), Some(tail)) = (c.get(0), c.name("tail")) {
        hit.raw = Some(
            all.as_str()[..tail.start() - all.start()]
                .trim()
                .to_string(),
        );
    }
    hit
}

/// A month or quarter whose year is left out: the document's year, or the next one when
/// the period has already ended by the document date (annotation guide rule 4).
fn next_period(c: &Captures<'_>, s: &Scan<'_>, first: u32, last: u32) -> Option<Hit> {
    if cue(c).trim().is_empty() {
        return None;
    }
    let anchor = s.ctx.anchor()?;
    let (_, start) = strength(cue(c));
    let mut y = anchor.year();
    if last_day_of_month(y, last)? < anchor {
        y += 1;
    }
    period_hit(y, (first, last), start, c)
}

/// The hit for months `first..=last` of year `y`: its first day for a start, else the last
/// day of its last month.
fn period_hit(y: i32, (first, last): (u32, u32), start: bool, c: &Captures<'_>) -> Option<Hit> {
    let d = if start {
        NaiveDate::from_ymd_opt(y, first, 1)
    } else {
        last_day_of_month(y, last)
    }?;
    Some(Hit::cued(Moment::Date(d), c))
}

fn month_no_year(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    let m: u32 = num(c, "mo").filter(|m| (1..=12).contains(m))?;
    let hit = next_period(c, s, m, m)?;
    // The character that closed the month is not part of the phrase.
    Some(without_tail(hit, c))
}

fn quarter_no_year(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    let q = u32::from(time::lookup(c.name("q")?.as_str())?.value);
    next_period(c, s, q * 3 - 2, q * 3)
}

fn date_words(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    let mut hit = Hit::cued(Moment::Date(ymd(c, s.ctx)?), c);
    hit.yearless = no_year(c);
    Some(hit)
}

/// True when a date match left its year out.
fn no_year(c: &Captures<'_>) -> bool {
    c.name("y").is_none() && c.name("wy").is_none()
}

fn date_numeric(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    // "4.796/5.050" and "10/102" are not dates: a date has a day ≤ 31 and a month ≤ 12.
    let after = &s.text[c.get(0)?.end()..];
    if after.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    // Without a year only cue words make "10/12" a date.
    if c.name("y").is_none() && cue(c).trim().is_empty() {
        return None;
    }
    let mut hit = Hit::cued(Moment::Date(ymd(c, s.ctx)?), c);
    hit.yearless = no_year(c);
    Some(hit)
}

fn quarter(c: &Captures<'_>, _: &Scan<'_>) -> Option<Hit> {
    let q = u32::from(time::lookup(c.name("q")?.as_str())?.value);
    let y: i32 = num(c, "y")?;
    let (_, start) = strength(cue(c));
    let d = if start {
        quarter_start(y, q)
    } else if let Some(y2) = num::<i32>(c, "y2").filter(|&y2| y2 > y && y2 <= y + 5) {
        NaiveDate::from_ymd_opt(y2, 12, 31)
    } else {
        quarter_end(y, q)
    }?;
    let mut hit = Hit::cued(Moment::Date(d), c);
    // The trailing year's closing character is not part of the phrase.
    hit.raw = Some(
        c.get(0)?
            .as_str()
            .trim_end_matches(|ch: char| !ch.is_alphanumeric())
            .to_string(),
    );
    Some(hit)
}

fn half_year(c: &Captures<'_>, _: &Scan<'_>) -> Option<Hit> {
    let end = time::lookup(c.name("half")?.as_str())?.value;
    let y: i32 = num(c, "y")?;
    let d = NaiveDate::from_ymd_opt(y, u32::from(end), if end == 6 { 30 } else { 31 })?;
    Some(Hit::cued(Moment::Date(d), c))
}

fn month(c: &Captures<'_>, _: &Scan<'_>) -> Option<Hit> {
    let (m, y): (u32, i32) = (num(c, "mo")?, num(c, "y")?);
    let (_, start) = strength(cue(c));
    period_hit(y, (m, m), start, c)
}

fn year(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    let y: i32 = num(c, "y")?;
    let cue = cue(c);
    let part = c.name("part").map(|m| m.as_str().to_lowercase());
    let late = part.as_deref().is_some_and(time::is_late_part);
    let early = part.is_some() && !late;
    let (strong, start) = strength(cue);
    let is_start = start || (early && !cue.trim().is_empty());
    // "Năm 2026, …" opening a sentence names the year the task is for.
    let whole = c.get(0)?;
    let before = s.text[..whole.start()].trim_end();
    let opens = before.is_empty() || before.ends_with([':', '.', ';']);
    if cue.trim().is_empty() && !opens && !is_start {
        return None;
    }
    let d = if is_start {
        NaiveDate::from_ymd_opt(y, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, 12, 31)
    }?;
    let raw = whole.as_str().trim();
    Some(Hit {
        moment: Moment::Date(d),
        strong: strong || late || opens,
        start: is_start,
        raw: Some(raw.trim_start_matches([',', ';', '(']).trim().to_string()),
        yearless: false,
    })
}

fn day_only(c: &Captures<'_>, s: &Scan<'_>) -> Option<Hit> {
    // "trước ngày 10 của tháng cuối" (a quarter's last month) belongs to a quarterly rule.
    let rest = s.text[c.name("d")?.end()..].trim_start().to_lowercase();
    if QUARTER_DAY_TAIL.is_match(&rest) {
        return None;
    }
    let d: u32 = num(c, "d")?;
    let doc_anchor = s.ctx.anchor()?;
    // "Kể từ tháng 4/2026, … trước ngày 10": the first day 10 after the start.
    let anchor = s
        .found
        .iter()
        .filter(|f| f.start)
        .map(|f| f.moment.date())
        .min()
        .map_or(doc_anchor, |st| st.max(doc_anchor));
    Some(Hit {
        moment: Moment::Date(next_day_of_month(anchor, d)?),
        strong: true,
        start: false,
        raw: None,
        yearless: false,
    })
}

/// The first day `d` of a month on or after `anchor`.
fn next_day_of_month(anchor: NaiveDate, d: u32) -> Option<NaiveDate> {
    let x = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), d)?;
    if x >= anchor {
        return Some(x);
    }
    let (y, mo) = if anchor.month() == 12 {
        (anchor.year() + 1, 1)
    } else {
        (anchor.year(), anchor.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, mo, d)
}

// Word ends after digits are written `(?-u:\b)`: a Unicode `\b` keeps the regex off its
// fast DFA on any non-ASCII text (all Vietnamese text), and after a digit the two agree
// except before a letter glued to the number.
/// The date rules, in priority order: a span read by one rule is not read again by a later.
pub(super) static RULES: Lazy<Vec<Rule>> = Lazy::new(|| {
    let cue = CUE.as_str();
    let q = time::pattern(Kind::Numeral);
    let half = time::pattern(Kind::Half);
    let day_cue = time::pattern_where(time::is_hard);
    let prefix = time::pattern(Kind::DayPrefix);
    let every = time::pattern(Kind::Every);
    let qw = time::period_word(Frequency::Quarterly);
    let (day, mon, year_w) = (
        time::period_word(Frequency::Daily),
        time::period_word(Frequency::Monthly),
        time::period_word(Frequency::Yearly),
    );
    let (hour, minute, clock) = (
        time::pattern(Kind::Hour),
        time::pattern(Kind::Minute),
        time::clock_pattern(),
    );
    let and = particles::pattern(particles::AND, false);
    let parts = time::year_parts();
    // "16 giờ 30", "16h30", "16 giờ 30 phút", "16:30".
    let time_f = format!(
        r"(?:(?P<h>\d{{1,2}})\s*(?:{hour})\s*(?P<mi>\d{{1,2}})?(?:\s*(?:{minute}))?|(?P<h2>\d{{1,2}}):(?P<mi2>\d{{2}}))"
    );
    // "20/7/2026", "20-7", "ngày 20 tháng 7 năm 2026", "mồng 5 tháng 7".
    let date_f = format!(
        r"(?:(?P<d>\d{{1,2}})[/.-](?P<mo>\d{{1,2}})(?:[/.-](?P<y>\d{{4}}))?(?-u:\b)|(?:{day}\s+)?(?:(?:{prefix})\s*)?(?P<wd>\d{{1,2}})\s+{mon}\s+(?P<wmo>\d{{1,2}})(?:\s+{year_w}\s+(?P<wy>\d{{4}}))?)"
    );
    let rule = |name, pat: String, produce| Rule {
        name,
        re: Regex::new(&pat).unwrap(),
        produce,
    };
    vec![
        rule(
            "date_time",
            // A stray footnote number may sit between "ngày" and the date ("ngày 2 15/4/2026").
            format!(r"(?i){cue}{time_f}(?:\s*,)?\s*(?:{day}\s+(?:\d{{1,2}}\s+)?|,\s*)?{date_f}"),
            date_time as fn(&Captures<'_>, &Scan<'_>) -> Option<Hit>,
        ),
        rule(
            "date_then_time",
            format!(
                r"(?i){cue}(?:{day}\s+)?{date_f}\s*,?\s*(?:\(\s*|(?:{clock})\s+)?{time_f}(?P<tail>[^\p{{L}}\d]|$)"
            ),
            date_time,
        ),
        rule(
            "date_words",
            format!(
                r"(?i){cue}(?:{day}\s+(?:(?:{prefix})\s*)?|(?:{prefix})\s*)(?P<d>\d{{1,2}})\s+{mon}\s+(?P<mo>\d{{1,2}})(?:\s+{year_w}\s+(?P<y>\d{{4}}))?"
            ),
            date_words,
        ),
        rule(
            "date",
            format!(
                r"(?i){cue}(?P<d>\d{{1,2}})[/.-](?P<mo>\d{{1,2}})(?:[/.-](?P<y>\d{{4}}))?(?-u:\b)"
            ),
            date_numeric,
        ),
        rule(
            "quarter",
            // "III, IV/2026" after the quarter word: the last quarter of the list; "IV/2026, 2027": a
            // period list that runs on to a later year ends with that year.
            format!(
                r"(?i){cue}{qw}\s+(?:(?:{q})\s*(?:,|{and}|-|–)\s*(?:{qw}\s+)?)*(?P<q>{q})(?:\s*/\s*|\s+{year_w}\s+)(?P<y>\d{{4}})(?:\s*(?:,|{and}|-|–)\s*(?:{year_w}\s+)?(?P<y2>\d{{4}})(?-u:\b)(?:[^.,/\d]|$))?"
            ),
            quarter,
        ),
        rule(
            "half_year",
            format!(r"(?i){cue}(?P<half>{half})\s+(?P<y>\d{{4}})"),
            half_year,
        ),
        rule(
            "month",
            // "trong tháng 3 và tháng 4/2026", "tháng 5, 6/2026": the last month of the list.
            format!(
                r"(?i){cue}{mon}\s+(?:\d{{1,2}}\s*(?:,|{and})\s*(?:{mon}\s+)?)*(?P<mo>\d{{1,2}})(?:\s*/\s*|\s+{year_w}\s+)(?P<y>\d{{4}})"
            ),
            month,
        ),
        rule(
            "year",
            format!(
                r"(?i)(?:^|[\s,;(]){cue}(?P<part>(?:{parts})\s+)?{year_w}\s+(?P<y>\d{{4}})(?-u:\b)"
            ),
            year,
        ),
        rule(
            "month_no_year",
            format!(r"(?i){cue}{mon}\s+(?P<mo>\d{{1,2}})(?-u:\b)(?:\s*(?P<tail>[^\s/\d])|\s*$)"),
            month_no_year,
        ),
        rule(
            "quarter_no_year",
            format!(r"(?i){cue}{qw}\s+(?P<q>{q})(?:[\s,.;)]|$)"),
            quarter_no_year,
        ),
        rule(
            "day_of_month",
            format!(
                r"(?i)(?:{day_cue})\s+{day}\s+(?P<d>\d{{1,2}})(?-u:\b)(?:\s*(?:{every})\s+{mon})?(?:[^/\d]|$)"
            ),
            day_only,
        ),
    ]
});

/// Collect every dated candidate in `t` (non-deadline spans already blanked).
pub(super) fn candidates(t: &str, ctx: &DateContext) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for rule in RULES.iter() {
        for c in rule.re.captures_iter(t) {
            let m = c.get(0).unwrap();
            if out
                .iter()
                .any(|f| m.start() < f.at + f.len() && f.at < m.end())
            {
                continue;
            }
            let scan = Scan {
                text: t,
                ctx,
                found: &out,
            };
            if let Some(hit) = (rule.produce)(&c, &scan) {
                out.push(Found {
                    at: m.start(),
                    moment: hit.moment,
                    raw: hit.raw.unwrap_or_else(|| {
                        let raw = m.as_str().trim().trim_end_matches([';', ',', '(', ')']);
                        raw.trim().to_string()
                    }),
                    strong: hit.strong,
                    start: hit.start,
                    rule: rule.name,
                    span: m.end() - m.start(),
                    yearless: hit.yearless,
                });
            }
        }
    }
    out.sort_by_key(|f| f.at);
    out
}
