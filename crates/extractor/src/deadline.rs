//! Deadlines: due dates, starts and recurrences from Vietnamese phrases.
//!
//! The phrases are catalogued in docs/domain.md ("trước 17h00 ngày 28/10/2025", "trong tháng
//! 6/2026", "đến hết năm 2030", "từ tháng 9/2026", a quarterly report due on a day of the
//! quarter's last month, "trước ngày 10"). Dates that belong to cited documents, plan titles or periods
//! ("Kế hoạch số 01-KH/BCĐ ngày 11/7/2025", "giai đoạn 2022-2025, tầm nhìn đến năm 2030")
//! are blanked first so they are never taken for deadlines, and so are periods that only
//! describe the objects ("các gói thầu khởi công trong tháng 8/2026").
//!
//! The dates are read by a table of named rules (`RULES`: name, pattern, production,
//! examples; one test runs every rule's examples), built from the time words of
//! `nhiemvu_normalizer::lexicon::time`. Of an item's dates the last one under a deadline word
//! is due; a periodic report's own dates give its first occurrence; a heading that says when
//! its items must be done dates those that have none ([`heading_deadline`]). All calendar
//! work is chrono's.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use nhiemvu_model::{DateRule, Deadline, Frequency, Moment, Recurrence};
use nhiemvu_normalizer::lexicon::time::{self, Kind};
use once_cell::sync::Lazy;
use regex::{Captures, Regex};

/// The document's own date, which anchors years and months left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// Full document date when known.
    pub date: Option<NaiveDate>,
    /// Year of the document even when the day is blank.
    pub year: Option<i32>,
    /// Month of the document even when the day is blank.
    pub month: Option<u32>,
    /// When the day is blank: the latest date its opening text gives (the meeting date).
    pub text_date: Option<NaiveDate>,
}

/// The words of a date in words ("ngày", "tháng", "năm"), from the time lexicon.
fn calendar_words() -> (&'static str, &'static str, &'static str) {
    (
        time::period_word(Frequency::Daily),
        time::period_word(Frequency::Monthly),
        time::period_word(Frequency::Yearly),
    )
}

/// A full date in the opening text ("Ngày 05/6/2026", "ngày 5 tháng 6 năm 2026").
static FULL_DATE: Lazy<Regex> = Lazy::new(|| {
    let (day, month, year) = calendar_words();
    Regex::new(&format!(
        r"(?i)(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*(\d{{4}})|{day}\s+(\d{{1,2}})\s+{month}\s+(\d{{1,2}})\s+{year}\s+(\d{{4}})"
    ))
    .unwrap()
});

impl DateContext {
    /// The earliest day the document can be dated: its date; with the day blank, the latest
    /// date its opening text gives, else the first of its month or year (guide rule 12).
    fn anchor(&self) -> Option<NaiveDate> {
        self.date.or(self.text_date).or_else(|| {
            let y = self.year?;
            NaiveDate::from_ymd_opt(y, self.month.unwrap_or(1), 1)
        })
    }

    /// With the day blank, remember the latest date in the document's month (or before it,
    /// in its year) that the opening paragraphs `opening` give.
    pub fn anchored_on(mut self, opening: &[String]) -> Self {
        let (None, Some(year)) = (self.date, self.year) else {
            return self;
        };
        let month = self.month.unwrap_or(12);
        self.text_date = opening
            .iter()
            .take(6)
            .flat_map(|p| FULL_DATE.captures_iter(p))
            .filter_map(|c| {
                let g = |a: usize, b: usize| {
                    c.get(a)
                        .or(c.get(b))
                        .and_then(|m| m.as_str().parse::<u32>().ok())
                };
                NaiveDate::from_ymd_opt(g(3, 6)? as i32, g(2, 5)?, g(1, 4)?)
            })
            .filter(|d| d.year() == year && d.month() <= month)
            .max();
        self
    }
}

/// Vietnam's offset, used for due times ("17h00" → +07:00).
fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

fn quarter_end(y: i32, q: u32) -> Option<NaiveDate> {
    last_day_of_month(y, q * 3)
}

fn quarter_start(y: i32, q: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, q * 3 - 2, 1)
}

/// Spans that look like dates but are not deadlines: cited documents with their titles,
/// plan periods, quoted titles.
static NOT_DEADLINE: Lazy<Regex> = Lazy::new(|| {
    let (day, month, year) = calendar_words();
    let number = nhiemvu_normalizer::lexicon::particles::pattern(
        nhiemvu_normalizer::lexicon::particles::NUMBER,
        false,
    );
    Regex::new(&[
        r"(?i)(?:",
        // A cited document: kind, number, date, and its title up to the next clause break.
        &format!("(?:{})", time::pattern(Kind::Cited)),
        &format!(
            r"\s+(?:(?:{number})\s+)?\d{{1,4}}[-/][^\s,;]*(?:,?\s*{day}\s+\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}})?[^;.()]*"
        ),
        // Any cited number with its date ("Quy định số 178-QĐ/TW ngày 27/6/2024", "Kết luận
        // liên ngành … số 23/KL-LNTPTW ngày 21/11/2024", "Quyết định số: 2200/QĐ-X ngày …").
        &format!(
            r"|(?:{number})\s*:?\s*\d{{1,5}}\s*[-/][^\s,;]*(?:\s+[A-ZĐ][^\s,;]*)?\s*,?\s*{day}\s+\d{{1,2}}(?:\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*\d{{4}}|\s+{month}\s+\d{{1,2}}\s+{year}\s+\d{{4}})"
        ),
        r"|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}(?:[^,;.]*?tầm nhìn[^,;.]*)?",
        r"|tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?\d{4}",
        // The horizon of a roadmap or strategy, not a deadline for the task.
        &format!("|(?:{})", time::period_nouns(time::HORIZON)),
        // Its object may list places ("quy hoạch … trong các khu, cụm công nghiệp đến năm
        // 2030"), and its end may read "đến hết năm".
        r"(?:,?\s+[^\s,;.]+){0,16}?\s+đến\s+(?:hết\s+)?năm\s+\d{4}",
        r"|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}",
        r"|“[^”]*”|\x22[^\x22]*\x22",
        r"|trong\s+\d+\s+năm\s+tiếp\s+theo",
        r")",
    ]
    .concat())
    .unwrap()
});

/// Nouns whose name follows in quotes.
static TITLED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{})(?:\s+\S+){{0,3}}\s*$",
        time::period_nouns(time::TITLED)
    ))
    .unwrap()
});

/// Words after which a cited document's title has ended and the task's own words resume.
static TITLE_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\s(?:{}|{}|trong\s+(?:{}))\s",
        time::pattern_where(time::is_hard),
        time::pattern(Kind::Purpose),
        one_word_periods()
    ))
    .unwrap()
});

/// The one-word period nouns ("ngày", "tháng", …) as a regex alternation.
fn one_word_periods() -> String {
    time::pattern_where(|t| t.kind == Kind::Period && !t.word.contains(' '))
}

/// The text with non-deadline spans blanked (same byte length, so offsets hold).
fn blank_non_deadlines(text: &str) -> String {
    let mut out = text.to_string();
    for m in NOT_DEADLINE.find_iter(text) {
        let s = m.as_str();
        // A quoted title ("Nghị quyết chuyên đề “… đến năm 2030”") is not a deadline; a quoted
        // goal ("mục tiêu … là “Quy mô kinh tế số đến hết năm 2030 …”") is.
        let quoted = s.starts_with(['“', '"']);
        let before = text[..m.start()].trim_end();
        if quoted && (!TITLED.is_match(before) || before.ends_with(" là") || before.ends_with(':'))
        {
            continue;
        }
        let end = if quoted {
            s.len()
        } else {
            TITLE_END.find(s).map(|e| e.start()).unwrap_or(s.len())
        };
        let range = m.start()..m.start() + end;
        let len = range.len();
        out.replace_range(range, &" ".repeat(len));
    }
    // "các gói thầu khởi công trong tháng 8/2026": the period describes the objects.
    for m in DESCRIBED.find_iter(text) {
        out.replace_range(m.range(), &" ".repeat(m.len()));
    }
    out
}

/// A describing word ("khởi công", "dự kiến", "sẽ", "đã"), a few words, then a period: a
/// period that says which objects are meant, not when the task is due (guide rule 10).
static DESCRIBED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|\s)(?:{})(?:\s+[^\s,;.:()]+){{0,3}}?\s+(?:trong|vào|từ)\s+(?:{})\s+[^\s,;.()]+(?:\s*/\s*\d{{4}}|\s+năm\s+\d{{4}})?",
        time::pattern(Kind::Describes),
        one_word_periods()
    ))
    .unwrap()
});

/// A dated candidate found in the text.
#[derive(Debug, Clone)]
struct Found {
    at: usize,
    moment: Moment,
    raw: String,
    strong: bool,
    start: bool,
    /// The name of the date rule that read it.
    rule: &'static str,
    /// Length of the match in bytes (spans read once).
    span: usize,
    /// Its year was left out (read from the document date).
    yearless: bool,
}

impl Found {
    fn len(&self) -> usize {
        self.span
    }
}

static ONGOING: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)\b(?:{})\b", time::pattern(Kind::Ongoing))).unwrap());

static PERIODIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?i)(?:(định kỳ)\s*)?(?:(?:{every})\s+({period})|(6 tháng)(?:\s+một lần)?",
            r"|theo\s+(ngày), tháng, {quarter}(?:,)? và năm",
            // "02 tuần/lần", "3 tháng một lần".
            r"|(?P<n>\d{{1,2}})\s+(?P<per>{period})\s*(?:/\s*lần|một lần|1 lần)",
            r")"
        ),
        every = time::pattern(Kind::Every),
        quarter = time::period_word(Frequency::Quarterly),
        // One-word periods ("6 tháng" has its own branch above).
        period = time::pattern_where(|t| t.kind == Kind::Period && !t.word.contains(' ')),
    ))
    .unwrap()
});
static MONTHDAY: Lazy<Regex> = Lazy::new(|| {
    let (day, month, _) = calendar_words();
    Regex::new(&format!(
        r"(?i){day}\s+(\d{{1,2}})\s+(?:{})\s+{month}",
        time::pattern(Kind::Every)
    ))
    .unwrap()
});
static QUARTER_DAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{every})\s+{quarter}\s*\(?\s*(?:trước|chậm nhất)?\s*(?:ngày\s+)?(\d{{1,2}})\s+(?:của\s+)?tháng\s+cuối\s+{quarter}",
        every = time::pattern(Kind::Every),
        quarter = time::period_word(Frequency::Quarterly)
    ))
    .unwrap()
});
/// A weekday, with the hour before it ("trước 16 giờ thứ Sáu mỗi tuần").
static WEEKDAY_AT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?P<h>\d{{1,2}})\s*(?:{})\s*(?P<mi>\d{{2}})?(?:\s*(?:{}))?\s*,?\s*(?:{}\s+)?)?(?P<wd>{})(?:[\s,.;)]|$)",
        time::pattern(Kind::Hour),
        time::pattern(Kind::Minute),
        calendar_words().0,
        time::pattern(Kind::Weekday)
    ))
    .unwrap()
});
static PLAN_NOUN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{})(?:,?\s+\S+){{0,6}}\s*$",
        time::period_nouns(time::PLANNED)
    ))
    .unwrap()
});

/// One period found: its frequency and interval ("02 tuần/lần" → weekly, 2).
fn period_of(c: &Captures<'_>, t: &str) -> Option<(Frequency, u32)> {
    let explicit = c.get(1).is_some();
    let word = |w: &str| {
        time::lookup(w)
            .filter(|r| r.kind == Kind::Period)
            .map_or(Frequency::Yearly, |r| {
                time::FREQUENCIES[usize::from(r.value)]
            })
    };
    if let (Some(n), Some(per)) = (num::<u32>(c, "n"), c.name("per")) {
        return Some(match (word(per.as_str()), n) {
            (Frequency::Monthly, 3) => (Frequency::Quarterly, 1),
            (Frequency::Monthly, 6) => (Frequency::Semiannual, 1),
            (f, n) => (f, n.max(1)),
        });
    }
    if let Some(w) = c.get(2) {
        return Some((word(w.as_str()), 1));
    }
    if c.get(3).is_some() {
        // "6 tháng" alone is a span of time, not a period.
        let periodic = explicit || t.to_lowercase().contains("định kỳ");
        return periodic.then_some((Frequency::Semiannual, 1));
    }
    Some((Frequency::Daily, 1))
}

/// The RRULE of a frequency, with its interval and the day parts the text gives.
fn rrule(t: &str, freq: Frequency, interval: u32) -> String {
    let monthday = MONTHDAY
        .captures(t)
        .map(|c| c[1].trim_start_matches('0').to_string());
    let quarterday = QUARTER_DAY
        .captures(t)
        .map(|c| c[1].trim_start_matches('0').to_string());
    let every = |f: &str| match interval {
        1 => format!("FREQ={f}"),
        n => format!("FREQ={f};INTERVAL={n}"),
    };
    match freq {
        Frequency::Daily => every("DAILY"),
        Frequency::Weekly => {
            let mut r = every("WEEKLY");
            if let Some(c) = WEEKDAY_AT.captures(t) {
                let wd = time::lookup(&c["wd"]).map_or(1, |w| w.value);
                r.push_str(&format!(
                    ";BYDAY={}",
                    time::WEEKDAY_CODES[usize::from(wd) - 1]
                ));
                if let Some(h) = num::<u32>(&c, "h").filter(|h| *h < 24) {
                    r.push_str(&format!(";BYHOUR={h}"));
                    if let Some(mi) = num::<u32>(&c, "mi").filter(|m| *m > 0 && *m < 60) {
                        r.push_str(&format!(";BYMINUTE={mi}"));
                    }
                }
            }
            r
        }
        Frequency::Monthly => match monthday {
            Some(d) => format!("{};BYMONTHDAY={d}", every("MONTHLY")),
            None => every("MONTHLY"),
        },
        Frequency::Quarterly => match quarterday {
            Some(d) => format!("FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={d}"),
            None => "FREQ=MONTHLY;INTERVAL=3".to_string(),
        },
        Frequency::Semiannual => "FREQ=MONTHLY;INTERVAL=6".to_string(),
        _ => every("YEARLY"),
    }
}

/// Periodic duties: the most frequent period gives `freq`; RRULE per RFC 5545.
fn recurrence(t: &str) -> Option<Recurrence> {
    let mut periods: Vec<(Frequency, u32)> = Vec::new();
    let mut raws = Vec::new();
    for c in PERIODIC.captures_iter(t) {
        let m = c.get(0).unwrap();
        // "kế hoạch công tác mỗi năm" describes a plan, not a periodic duty.
        if c.get(1).is_none() && PLAN_NOUN.is_match(&t[..m.start()]) {
            continue;
        }
        if let Some(p) = period_of(&c, t) {
            periods.push(p);
            raws.push(m.as_str().trim().to_string());
        }
    }
    // The most frequent period wins ("mỗi tháng … và mỗi năm" → monthly).
    let Some((freq, interval)) = time::FREQUENCIES
        .into_iter()
        .find_map(|f| periods.iter().find(|p| p.0 == f).copied())
    else {
        return unsaid_period(t);
    };
    Some(Recurrence {
        freq,
        rule: Some(rrule(t, freq, interval)),
        raw: raws.join("; "),
    })
}

/// A word that is itself a period ("báo cáo thường niên"), or "định kỳ" with the period
/// left unsaid ("Định kỳ báo cáo kết quả") → irregular, with no RRULE.
fn unsaid_period(t: &str) -> Option<Recurrence> {
    // "định kỳ" before its verb ("định kỳ công bố") makes the action periodic; after a noun
    // at a clause end ("kế hoạch bảo trì định kỳ,") it describes the noun.
    let (m, freq) = PERIODIC_WORD.find_iter(t).find_map(|m| {
        let row = time::lookup(m.as_str())?;
        let freq = time::FREQUENCIES.get(usize::from(row.value)).copied();
        let before_verb = t[m.end()..].starts_with(|c: char| c.is_whitespace())
            && t[m.end()..].trim_start().starts_with(char::is_alphabetic);
        (freq.is_some() || before_verb).then(|| (m, freq.unwrap_or(Frequency::Irregular)))
    })?;
    Some(Recurrence {
        freq,
        rule: (freq != Frequency::Irregular).then(|| rrule(t, freq, 1)),
        raw: m.as_str().to_string(),
    })
}

static PERIODIC_WORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)(?:{})", time::pattern(Kind::Periodic))).unwrap());

/// The first quarterly occurrence ([`QUARTER_DAY`]: day 10 of a quarter's last month) on
/// or after the anchor.
fn first_quarterly(t: &str, ctx: &DateContext) -> Option<NaiveDate> {
    let d: u32 = QUARTER_DAY.captures(t)?[1].parse().ok()?;
    let anchor = ctx.anchor()?;
    (0..8).find_map(|k| {
        let q = (anchor.month() - 1) / 3 + 1 + k;
        let y = anchor.year() + ((q - 1) / 4) as i32;
        let q = (q - 1) % 4 + 1;
        NaiveDate::from_ymd_opt(y, q * 3, d).filter(|x| *x >= anchor)
    })
}

/// `m` moved on by whole years until it is on or after `from`.
fn on_or_after(m: Moment, from: NaiveDate) -> Moment {
    let mut m = m;
    for _ in 0..100 {
        if m.date() >= from {
            break;
        }
        let next = match m {
            Moment::Date(d) => d.with_year(d.year() + 1).map(Moment::Date),
            Moment::DateTime(t) => t.with_year(t.year() + 1).map(Moment::DateTime),
        };
        let Some(next) = next else { break };
        m = next;
    }
    m
}

/// A hard deadline word just before a weekday ("trước 16h00 thứ Năm mỗi tuần").
static DUE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{})\s*$",
        time::pattern_where(time::is_hard)
    ))
    .unwrap()
});

/// The first weekly occurrence on or after the anchor of a deadline set by weekday and
/// hour ("trước 16 giờ thứ Sáu mỗi tuần"); a weekday without a deadline word gives none.
fn first_weekly(t: &str, ctx: &DateContext) -> Option<Moment> {
    let c = WEEKDAY_AT.captures(t)?;
    if !DUE_BEFORE.is_match(&t[..c.get(0)?.start()]) {
        return None;
    }
    let wd = u32::from(time::lookup(&c["wd"])?.value);
    let anchor = ctx.anchor()?;
    let date = (0..7)
        .map(|k| anchor + Duration::days(k))
        .find(|d| d.weekday().number_from_monday() == wd)?;
    let Some(h) = num::<u32>(&c, "h") else {
        return Some(Moment::Date(date));
    };
    let mi = num::<u32>(&c, "mi").unwrap_or(0);
    let dt = vn()
        .with_ymd_and_hms(date.year(), date.month(), date.day(), h, mi, 0)
        .single()?;
    Some(Moment::DateTime(dt))
}

/// "trước khi …", "sau khi …": the time is tied to an event; the phrase is kept as raw and
/// no date is invented.
static EVENT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s,;(])((?:{})\s+[^,;.()]+)",
        time::pattern(Kind::Event)
    ))
    .unwrap()
});

fn event_deadline(t: &str) -> Option<Deadline> {
    let c = EVENT.captures(t)?;
    Some(Deadline {
        due: None,
        start: None,
        recurrence: None,
        ongoing: false,
        raw: c[1].trim().to_string(),
        due_rule: Some(DateRule::Event),
    })
}

/// Hard deadline words ("trước", "chậm nhất", "xong", "hoàn thành") anywhere in a text.
static HARD_DUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s,(])(?:{})(?:[\s,.;:)]|$)",
        time::pattern_where(time::is_hard)
    ))
    .unwrap()
});

/// Find the deadline a task's text sets, if any: due, start, recurrence, or ongoing.
pub fn find_deadline(text: &str, ctx: &DateContext) -> Option<Deadline> {
    let t = blank_non_deadlines(text);
    let found = candidates(&t, ctx);
    let rec = recurrence(&t);
    let mut due = choose_due(&t, &found, rec.is_some());
    if let Some(r) = &rec {
        due = first_occurrence(&t, ctx, r, due);
    }
    let start = found.iter().find(|f| f.start).cloned();
    // "mỗi năm trước ngày 30 tháng 6, kể từ năm 2027": a date without a year falls on or
    // after the start.
    if let (Some(d), Some(st)) = (due.as_mut(), start.as_ref()) {
        if d.yearless {
            d.moment = on_or_after(d.moment, st.moment.date());
        }
    }
    let ongoing = ONGOING.is_match(&t);
    if due.is_none() && start.is_none() && rec.is_none() && !ongoing {
        return event_deadline(&t);
    }
    let mut raw: Vec<String> = Vec::new();
    raw.extend(due.iter().chain(start.iter()).map(|f| f.raw.clone()));
    if let Some(r) = rec.as_ref().filter(|r| !raw.contains(&r.raw)) {
        raw.push(r.raw.clone());
    }
    if raw.is_empty() {
        raw.extend(ONGOING.find(&t).map(|m| m.as_str().to_string()));
    }
    let due_rule = Some(match (&due, &start, &rec) {
        (Some(d), _, _) if d.rule.starts_with("first_") => DateRule::Recurrence,
        (Some(_), _, _) => DateRule::OwnDate,
        (None, _, Some(_)) => DateRule::Recurrence,
        (None, Some(_), None) => DateRule::Start,
        (None, None, None) => DateRule::Ongoing,
    });
    Some(Deadline {
        due: due.map(|f| f.moment),
        start: start.map(|f| f.moment),
        recurrence: rec,
        ongoing: ongoing && found.is_empty(),
        raw: raw.join("; "),
        due_rule,
    })
}

/// The due date among the candidates. Several dates: the last one, by which the whole item
/// is done (guide rule 9), dates under a hard word ("trước", "chậm nhất") outranking a
/// horizon ("đến năm 2030"). A periodic report's own dates ("6 tháng (trước ngày 15/6)",
/// "ngày 05 mỗi tháng") are its occurrences: with no other date, the first one is due.
fn choose_due(t: &str, found: &[Found], periodic_text: bool) -> Option<Found> {
    let dues: Vec<&Found> = found.iter().filter(|f| !f.start).collect();
    let periods: Vec<(usize, usize)> = PERIODIC
        .find_iter(t)
        .map(|m| (m.start(), m.end()))
        .collect();
    let periodic = |f: &Found| {
        periods
            .iter()
            .any(|&(a, b)| f.at <= b + 3 && a <= f.at + f.span)
    };
    let (occurrences, own): (Vec<&Found>, Vec<&Found>) =
        dues.iter().filter(|f| f.strong).partition(|f| periodic(f));
    let last = own
        .iter()
        .rev()
        .max_by_key(|f| (HARD_DUE.is_match(&f.raw), f.moment.date()));
    if let Some(f) = last {
        return Some((*f).clone());
    }
    if let Some(f) = occurrences.iter().min_by_key(|f| f.moment.date()) {
        let mut f = (*f).clone();
        if periodic_text {
            f.rule = "first_occurrence";
        }
        return Some(f);
    }
    // Bare dates with a year ("ngày 15/4/2026") still count when nothing stronger does.
    dues.into_iter()
        .find(|f| f.raw.contains('/') || f.raw.contains("tháng"))
        .cloned()
}

/// A periodic report's first occurrence after the document date, when it comes before the
/// due date read so far (quarterly) or when none was read (weekly by weekday and hour).
fn first_occurrence(
    t: &str,
    ctx: &DateContext,
    r: &Recurrence,
    due: Option<Found>,
) -> Option<Found> {
    let synthetic = |moment, rule| Found {
        at: 0,
        moment,
        raw: r.raw.clone(),
        strong: true,
        start: false,
        rule,
        span: 0,
        yearless: false,
    };
    if let Some(first) = first_quarterly(t, ctx) {
        if due.as_ref().is_none_or(|d| d.moment.date() > first) {
            return Some(synthetic(Moment::Date(first), "first_quarterly"));
        }
    }
    if due.is_none() && r.freq == Frequency::Weekly {
        return first_weekly(t, ctx).map(|m| synthetic(m, "first_weekly"));
    }
    due
}

mod inherit;
mod rules;
pub use inherit::{field_deadline, heading_deadline, with_heading, with_outline};
use rules::{candidates, num};
#[cfg(test)]
use rules::{EXAMPLE_DATE, RULES};

#[cfg(test)]
mod tests;
