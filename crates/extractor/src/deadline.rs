//! Deadlines: due dates, starts and recurrences from Vietnamese phrases.
//!
//! The phrases are catalogued in docs/domain.md ("trước 17h00 ngày 28/10/2025", "trong quý
//! I/2026", "đến hết năm 2030", "từ quý II/2026", "Định kỳ hàng Quý (trước ngày 10 của tháng
//! cuối Quý)", "trước ngày 10"). Dates that belong to cited documents, plan titles or periods
//! ("Kế hoạch số 01-KH/BCĐ ngày 11/7/2025", "giai đoạn 2022-2025, tầm nhìn đến năm 2030")
//! are blanked first so they are never taken for deadlines. All calendar work is chrono's.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use nhiemvu_model::{Deadline, Moment, Recurrence};
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
}

impl DateContext {
    /// The earliest day the document can be dated: its date, or the first of its month or year.
    fn anchor(&self) -> Option<NaiveDate> {
        self.date.or_else(|| {
            let y = self.year?;
            NaiveDate::from_ymd_opt(y, self.month.unwrap_or(1), 1)
        })
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

fn roman_or_number(s: &str) -> Option<u32> {
    match s.to_uppercase().as_str() {
        "I" | "1" => Some(1),
        "II" | "2" => Some(2),
        "III" | "3" => Some(3),
        "IV" | "4" => Some(4),
        _ => None,
    }
}

/// Spans that look like dates but are not deadlines: cited documents with their titles,
/// plan periods, quoted titles.
static NOT_DEADLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)(?:",
        // A cited document: kind, number, date, and its title up to the next clause break.
        r"(?:nghị quyết|kế hoạch(?: hành động)?|quyết định|chỉ thị|thông báo|công văn|kết luận|chương trình(?: hành động)?|",
        r"hướng dẫn|thông tư|nghị định|quy chế|báo cáo|tờ trình|đề án|luật|văn bản)",
        r"\s+(?:số\s+)?\d{1,4}[-/][^\s,;]*(?:,?\s*ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4})?[^;.()]*",
        r"|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}(?:[^,;.]*?tầm nhìn[^,;.]*)?",
        r"|tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?\d{4}",
        // The horizon of a roadmap or strategy, not a deadline for the task.
        r"|(?:lộ trình|chiến lược|quy hoạch)(?:\s+[^\s,;.]+){0,6}?\s+đến\s+năm\s+\d{4}",
        r"|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}",
        r"|“[^”]*”|\x22[^\x22]*\x22",
        r"|trong\s+\d+\s+năm\s+tiếp\s+theo",
        r")"
    ))
    .unwrap()
});

/// Nouns whose name follows in quotes.
static TITLED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:nghị quyết|kế hoạch|chương trình|đề án|phong trào|chuyên đề|dự án|cuộc vận động|hội thi|chủ đề|khẩu hiệu|mô hình|danh hiệu)(?:\s+\S+){0,3}\s*$").unwrap()
});

/// Words after which a cited document's title has ended and the task's own words resume.
static TITLE_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s(?:trước|chậm nhất|hoàn thành|để|nhằm|trong quý|trong tháng|trong năm|bảo đảm|đảm bảo)\s").unwrap()
});

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
    out
}

/// A dated candidate found in the text.
#[derive(Debug, Clone)]
struct Found {
    at: usize,
    moment: Moment,
    raw: String,
    strong: bool,
    start: bool,
}

const CUE: &str = r"(?:(?:trước|chậm nhất(?: là)?|hạn chót|hạn|đến|đến hết|hết|cuối|xong|hoàn thành(?: trước| trong)?|trong|kết thúc|tới|muộn nhất|không quá|vào|kể từ|từ|bắt đầu từ|ngay từ)\s+(?:ngày\s+)?)?";

// Word ends after digits are written `(?-u:\b)`: a Unicode `\b` keeps the regex off its
// fast DFA on any non-ASCII text (all Vietnamese text), and after a digit the two agree
// except before a letter glued to the number.
static DATETIME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i){CUE}(\d{{1,2}})\s*(?:h|giờ)\s*(\d{{1,2}})?(?:\s*phút)?(?:\s*,)?\s*(?:ngày\s+|,\s*)?(\d{{1,2}})[/.-](\d{{1,2}})(?:[/.-](\d{{4}}))?"
    ))
    .unwrap()
});
static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i){CUE}(\d{{1,2}})[/.-](\d{{1,2}})(?:[/.-](\d{{4}}))?(?-u:\b)"
    ))
    .unwrap()
});
static DATE_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i){CUE}ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+(\d{{4}}))?"
    ))
    .unwrap()
});
static MONTH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i){CUE}tháng\s+(\d{{1,2}})(?:\s*/\s*|\s+năm\s+)(\d{{4}})"
    ))
    .unwrap()
});
static QUARTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i){CUE}quý\s+(IV|III|II|I|[1-4])(?:\s*/\s*|\s+năm\s+)(\d{{4}})"
    ))
    .unwrap()
});
static HALF: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i){CUE}6 tháng (đầu|cuối) năm\s+(\d{{4}})")).unwrap());
static YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)(?:^|[\s,;(])({CUE})(đầu\s+|cuối\s+|những tuần đầu, tháng đầu của\s+|những tháng đầu\s+)?năm\s+(\d{{4}})(?-u:\b)")).unwrap()
});
static DAY_ONLY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:trước|chậm nhất|hạn)\s+ngày\s+(\d{1,2})(?-u:\b)(?:\s*(?:hằng|hàng)\s+tháng)?(?:[^/\d]|$)").unwrap()
});
static ONGOING: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(thường xuyên|kịp thời|liên tục|lâu dài)\b").unwrap());

/// Cue words that make a date a deadline rather than a mention.
fn strength(cue: &str) -> (bool, bool) {
    let c = cue.trim().to_lowercase();
    let start = c.starts_with("từ")
        || c.starts_with("kể từ")
        || c.starts_with("bắt đầu")
        || c.starts_with("ngay từ");
    let strong = !c.is_empty() && !start;
    (strong, start)
}

fn cue_of(c: &Captures<'_>, first_group: usize) -> String {
    let whole = c.get(0).unwrap();
    let g = c.get(first_group).map(|m| m.start()).unwrap_or(whole.end());
    whole.as_str()[..g - whole.start()].to_string()
}

fn year_or(ctx: &DateContext, y: Option<regex::Match<'_>>, month: u32, day: u32) -> Option<i32> {
    if let Some(y) = y {
        return y.as_str().parse().ok();
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

/// Collect every dated candidate in `t` (non-deadline spans already blanked).
fn candidates(t: &str, ctx: &DateContext) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let overlaps = |taken: &Vec<(usize, usize)>, a: usize, b: usize| {
        taken.iter().any(|&(x, y)| a < y && x < b)
    };
    let push = |out: &mut Vec<Found>,
                taken: &mut Vec<(usize, usize)>,
                m: regex::Match<'_>,
                moment: Option<Moment>,
                cue: &str| {
        if let Some(moment) = moment {
            if overlaps(taken, m.start(), m.end()) {
                return;
            }
            let (strong, start) = strength(cue);
            taken.push((m.start(), m.end()));
            out.push(Found {
                at: m.start(),
                moment,
                raw: m.as_str().trim().to_string(),
                strong,
                start,
            });
        }
    };
    for c in DATETIME.captures_iter(t) {
        let (h, mi): (u32, u32) = (
            c[1].parse().unwrap_or(99),
            c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(0),
        );
        let (d, mo): (u32, u32) = (c[3].parse().unwrap_or(0), c[4].parse().unwrap_or(0));
        let moment = year_or(ctx, c.get(5), mo, d)
            .and_then(|y| vn().with_ymd_and_hms(y, mo, d, h, mi, 0).single())
            .map(|dt: DateTime<FixedOffset>| Moment::DateTime(dt));
        push(
            &mut out,
            &mut taken,
            c.get(0).unwrap(),
            moment,
            &cue_of(&c, 1),
        );
    }
    for c in DATE_WORDS.captures_iter(t) {
        let (d, mo): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        let moment = year_or(ctx, c.get(3), mo, d)
            .and_then(|y| NaiveDate::from_ymd_opt(y, mo, d))
            .map(Moment::Date);
        push(
            &mut out,
            &mut taken,
            c.get(0).unwrap(),
            moment,
            &cue_of(&c, 1),
        );
    }
    for c in DATE.captures_iter(t) {
        let (d, mo): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // "4.796/5.050" and "10/102" are not dates: a date has a day ≤ 31 and a month ≤ 12.
        let after = &t[c.get(0).unwrap().end()..];
        if after.starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let moment = year_or(ctx, c.get(3), mo, d)
            .and_then(|y| NaiveDate::from_ymd_opt(y, mo, d))
            .map(Moment::Date);
        // Without a year only cue words make "10/12" a date.
        let cue = cue_of(&c, 1);
        if c.get(3).is_none() && cue.trim().is_empty() {
            continue;
        }
        push(&mut out, &mut taken, c.get(0).unwrap(), moment, &cue);
    }
    for c in QUARTER.captures_iter(t) {
        let (q, y) = (roman_or_number(&c[1]), c[2].parse::<i32>().ok());
        let cue = cue_of(&c, 1);
        let (_, start) = strength(&cue);
        let moment = match (q, y) {
            (Some(q), Some(y)) if start => quarter_start(y, q),
            (Some(q), Some(y)) => quarter_end(y, q),
            _ => None,
        }
        .map(Moment::Date);
        push(&mut out, &mut taken, c.get(0).unwrap(), moment, &cue);
    }
    for c in HALF.captures_iter(t) {
        let y: Option<i32> = c[2].parse().ok();
        let first = c[1].eq_ignore_ascii_case("đầu");
        let moment = y.and_then(|y| {
            if first {
                NaiveDate::from_ymd_opt(y, 6, 30)
            } else {
                NaiveDate::from_ymd_opt(y, 12, 31)
            }
        });
        push(
            &mut out,
            &mut taken,
            c.get(0).unwrap(),
            moment.map(Moment::Date),
            &cue_of(&c, 1),
        );
    }
    for c in MONTH.captures_iter(t) {
        let (m, y): (u32, i32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        let cue = cue_of(&c, 1);
        let (_, start) = strength(&cue);
        let moment = if start {
            NaiveDate::from_ymd_opt(y, m, 1)
        } else {
            last_day_of_month(y, m)
        };
        push(
            &mut out,
            &mut taken,
            c.get(0).unwrap(),
            moment.map(Moment::Date),
            &cue,
        );
    }
    for c in YEAR.captures_iter(t) {
        let y: i32 = c[3].parse().unwrap_or(0);
        let cue = c[1].to_string();
        let early = c
            .get(2)
            .map(|m| !m.as_str().to_lowercase().starts_with("cuối"))
            .unwrap_or(false);
        let (mut strong, start) = strength(&cue);
        let is_start = start || (early && !cue.trim().is_empty());
        if c.get(2)
            .map(|m| m.as_str().to_lowercase().starts_with("cuối"))
            .unwrap_or(false)
        {
            strong = true;
        }
        // "Năm 2026, …" opening a sentence names the year the task is for.
        let whole = c.get(0).unwrap();
        let opens = t[..whole.start()].trim_end().is_empty()
            || t[..whole.start()].trim_end().ends_with([':', '.', ';']);
        if cue.trim().is_empty() && !opens && !is_start {
            continue;
        }
        let moment = if is_start {
            NaiveDate::from_ymd_opt(y, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, 12, 31)
        };
        if let Some(mo) = moment {
            let m = whole;
            if overlaps(&taken, m.start(), m.end()) {
                continue;
            }
            taken.push((m.start(), m.end()));
            out.push(Found {
                at: m.start(),
                moment: Moment::Date(mo),
                raw: m
                    .as_str()
                    .trim()
                    .trim_start_matches([',', ';', '('])
                    .trim()
                    .to_string(),
                strong: strong || opens,
                start: is_start,
            });
        }
    }
    for c in DAY_ONLY.captures_iter(t) {
        let m = c.get(0).unwrap();
        // "trước ngày 10 của tháng cuối quý" belongs to a quarterly rule.
        let rest = t[c.get(1).unwrap().end()..].trim_start().to_lowercase();
        if overlaps(&taken, m.start(), m.end())
            || rest.starts_with("của tháng")
            || rest.starts_with("tháng cuối")
        {
            continue;
        }
        let d: u32 = c[1].parse().unwrap_or(0);
        let Some(doc_anchor) = ctx.anchor() else {
            continue;
        };
        // "Kể từ tháng 4/2026, … trước ngày 10": the first day 10 after the start.
        let anchor = out
            .iter()
            .filter(|f| f.start)
            .map(|f| f.moment.date())
            .min()
            .map_or(doc_anchor, |s| s.max(doc_anchor));
        // "trước ngày 10": the next day 10 on or after the document date.
        let mut date = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), d);
        if let Some(x) = date {
            if x < anchor {
                let (y, mo) = if anchor.month() == 12 {
                    (anchor.year() + 1, 1)
                } else {
                    (anchor.year(), anchor.month() + 1)
                };
                date = NaiveDate::from_ymd_opt(y, mo, d);
            }
        }
        if let Some(date) = date {
            taken.push((m.start(), m.end()));
            out.push(Found {
                at: m.start(),
                moment: Moment::Date(date),
                raw: m.as_str().trim().to_string(),
                strong: true,
                start: false,
            });
        }
    }
    out.sort_by_key(|f| f.at);
    out
}

static PERIODIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)(?:(định kỳ)\s*)?(?:(?:hằng|hàng|mỗi)\s+(ngày|tuần|tháng|quý|năm)|(6 tháng)(?:\s+một lần)?",
        r"|theo\s+(ngày), tháng, quý(?:,)? và năm)"
    ))
    .unwrap()
});
static MONTHDAY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng").unwrap());
static QUARTER_DAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:hằng|hàng|mỗi)\s+quý\s*\(?\s*(?:trước|chậm nhất)?\s*(?:ngày\s+)?(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+quý").unwrap()
});
static PLAN_NOUN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:kế hoạch|chương trình|chỉ tiêu|dự toán|ngân sách|báo cáo tổng kết)(?:\s+\S+){0,3}\s*$").unwrap()
});

/// Periodic duties: the most frequent period gives `freq`; RRULE per RFC 5545.
fn recurrence(t: &str) -> Option<Recurrence> {
    let mut periods: Vec<(&'static str, String)> = Vec::new();
    let mut raws = Vec::new();
    for c in PERIODIC.captures_iter(t) {
        let m = c.get(0).unwrap();
        let explicit = c.get(1).is_some();
        // "kế hoạch công tác hằng năm" describes a plan, not a periodic duty.
        if !explicit && PLAN_NOUN.is_match(&t[..m.start()]) {
            continue;
        }
        let p = if let Some(w) = c.get(2) {
            match w.as_str().to_lowercase().as_str() {
                "ngày" => "daily",
                "tuần" => "weekly",
                "tháng" => "monthly",
                "quý" => "quarterly",
                _ => "yearly",
            }
        } else if c.get(3).is_some() {
            "semiannual"
        } else {
            "daily"
        };
        if c.get(3).is_some() && !explicit && !t.to_lowercase().contains("định kỳ") {
            continue; // "6 tháng" alone is a span of time, not a period
        }
        periods.push((p, m.as_str().to_string()));
        raws.push(m.as_str().trim().to_string());
    }
    if periods.is_empty() {
        return None;
    }
    const ORDER: [&str; 6] = [
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "semiannual",
        "yearly",
    ];
    let freq = ORDER
        .iter()
        .find(|f| periods.iter().any(|(p, _)| p == *f))
        .copied()
        .unwrap_or("yearly");
    let monthday = MONTHDAY.captures(t).map(|c| c[1].to_string());
    let quarterday = QUARTER_DAY.captures(t).map(|c| c[1].to_string());
    let rule = match freq {
        "daily" => "FREQ=DAILY".to_string(),
        "weekly" => "FREQ=WEEKLY".to_string(),
        "monthly" => match monthday {
            Some(d) => format!("FREQ=MONTHLY;BYMONTHDAY={}", d.trim_start_matches('0')),
            None => "FREQ=MONTHLY".to_string(),
        },
        "quarterly" => match quarterday {
            Some(d) => format!(
                "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={}",
                d.trim_start_matches('0')
            ),
            None => "FREQ=MONTHLY;INTERVAL=3".to_string(),
        },
        "semiannual" => "FREQ=MONTHLY;INTERVAL=6".to_string(),
        _ => "FREQ=YEARLY".to_string(),
    };
    Some(Recurrence {
        freq: freq.to_string(),
        rule: Some(rule),
        raw: raws.join("; "),
    })
}

/// The first quarterly occurrence ("ngày 10 của tháng cuối quý") on or after the anchor.
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

/// Find the deadline a task's text sets, if any: due, start, recurrence, or ongoing.
pub fn find_deadline(text: &str, ctx: &DateContext) -> Option<Deadline> {
    let t = blank_non_deadlines(text);
    let found = candidates(&t, ctx);
    let rec = recurrence(&t);
    let starts: Vec<&Found> = found.iter().filter(|f| f.start).collect();
    let dues: Vec<&Found> = found.iter().filter(|f| !f.start).collect();
    let strong: Vec<&&Found> = dues.iter().filter(|f| f.strong).collect();
    let mut due = strong.first().map(|f| (**f).clone()).or_else(|| {
        // Bare dates with a year ("ngày 15/4/2026") still count when nothing stronger does.
        dues.iter()
            .find(|f| f.raw.contains('/') || f.raw.contains("tháng"))
            .map(|f| (*f).clone())
    });
    // A periodic report: its first occurrence after the document date is the due date.
    if let Some(r) = &rec {
        if let Some(first) = first_quarterly(&t, ctx) {
            let earlier = due
                .as_ref()
                .map(|d| d.moment.date() > first)
                .unwrap_or(true);
            if earlier {
                due = Some(Found {
                    at: 0,
                    moment: Moment::Date(first),
                    raw: r.raw.clone(),
                    strong: true,
                    start: false,
                });
            }
        }
    }
    let start = starts.first().map(|f| (*f).clone());
    let ongoing = ONGOING.is_match(&t);
    if due.is_none() && start.is_none() && rec.is_none() && !ongoing {
        return None;
    }
    let mut raw: Vec<String> = Vec::new();
    if let Some(d) = &due {
        raw.push(d.raw.clone());
    }
    if let Some(s) = &start {
        raw.push(s.raw.clone());
    }
    if let Some(r) = &rec {
        if !raw.contains(&r.raw) {
            raw.push(r.raw.clone());
        }
    }
    if raw.is_empty() {
        if let Some(m) = ONGOING.find(&t) {
            raw.push(m.as_str().to_string());
        }
    }
    Some(Deadline {
        due: due.map(|f| f.moment),
        start: start.map(|f| f.moment),
        recurrence: rec,
        ongoing: ongoing && found.is_empty(),
        raw: raw.join("; "),
        due_rule: None,
    })
}

#[cfg(test)]
mod tests;
