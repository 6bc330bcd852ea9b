//! Task tracking as offices count it: every task is done on time, done late, open within its
//! deadline, open and overdue, or has no deadline; due-soon lists take 7, 3 and 1 days. Dates
//! are judged in Asia/Ho_Chi_Minh (deadlines carry +07:00 already). A recurring duty is due at
//! its next occurrence on or after the day judged. Completions come from an office's own
//! status CSV (`task_id,status,completed_on`); without one every task is open.

use chrono::{Datelike, Duration, FixedOffset, Months, NaiveDate, Utc};
use nhiemvu_model::{DocumentRecord, Frequency, Task, Unit};
use std::collections::HashMap;

/// Where a task stands on the day judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Done on or before its due date.
    DoneOnTime,
    /// Done after its due date.
    DoneLate,
    /// Open, the due date not passed.
    Open,
    /// Open, the due date passed.
    Overdue,
    /// Open with no due date (ongoing, event-bound or none given).
    NoDeadline,
}

impl Status {
    /// Every status, in the order trackers show them.
    pub const ALL: [Status; 5] = [
        Status::DoneOnTime,
        Status::DoneLate,
        Status::Open,
        Status::Overdue,
        Status::NoDeadline,
    ];

    /// Stable machine name ("overdue").
    pub fn key(self) -> &'static str {
        match self {
            Status::DoneOnTime => "done_on_time",
            Status::DoneLate => "done_late",
            Status::Open => "open",
            Status::Overdue => "overdue",
            Status::NoDeadline => "no_deadline",
        }
    }

    /// The label trackers print ("Quá hạn").
    pub fn label(self) -> &'static str {
        match self {
            Status::DoneOnTime => "Hoàn thành đúng hạn",
            Status::DoneLate => "Hoàn thành quá hạn",
            Status::Open => "Đang thực hiện trong hạn",
            Status::Overdue => "Chưa hoàn thành, quá hạn",
            Status::NoDeadline => "Không có thời hạn",
        }
    }

    /// True for the two done states.
    pub fn is_done(self) -> bool {
        matches!(self, Status::DoneOnTime | Status::DoneLate)
    }
}

/// An office's own record of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// True when the office marked it done.
    pub done: bool,
    /// The day it was done, when known.
    pub completed_on: Option<NaiveDate>,
}

/// Completions by task id, read from a status CSV.
pub type Completions = HashMap<String, Completion>;

/// Read a status CSV with columns `task_id`, `status`, `completed_on` (header names in any
/// order; Vietnamese or English status words; dates as 2026-06-30 or 30/06/2026).
pub fn read_completions(text: &str) -> Result<Completions, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
    let col = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let id = col(&["task_id", "id"]).ok_or("the status CSV has no task_id column")?;
    let status = col(&["status", "trang_thai", "trạng thái"]);
    let done_on = col(&["completed_on", "ngay_hoan_thanh", "ngày hoàn thành"]);
    let mut out = Completions::new();
    for (i, row) in rdr.records().enumerate() {
        let row = row.map_err(|e| format!("line {}: {e}", i + 2))?;
        let Some(task) = row.get(id).map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        let completed_on = done_on.and_then(|c| row.get(c)).and_then(parse_day);
        let word = status.and_then(|c| row.get(c)).unwrap_or("").trim();
        let done = is_done_word(word) || (word.is_empty() && completed_on.is_some());
        out.insert(task.to_string(), Completion { done, completed_on });
    }
    Ok(out)
}

/// "done", "completed", "hoàn thành", "đã hoàn thành", "x", "1", "true".
fn is_done_word(w: &str) -> bool {
    let w = w.to_lowercase();
    [
        "done",
        "completed",
        "complete",
        "closed",
        "hoàn thành",
        "đã hoàn thành",
        "x",
        "1",
        "true",
    ]
    .contains(&w.as_str())
}

/// A day as 2026-06-30 or 30/06/2026.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
pub fn today_in_vietnam() -> NaiveDate {
    let vn = FixedOffset::east_opt(7 * 3600).expect("valid offset");
    Utc::now().with_timezone(&vn).date_naive()
}

/// The day `task` is due as judged on `as_of`: its due date, or for a recurring duty the
/// first occurrence on or after `as_of` (from its first due date by the period and interval).
pub fn due_on(task: &Task, as_of: NaiveDate) -> Option<NaiveDate> {
    let d = task.deadline.as_ref()?;
    let first = d.due.as_ref()?.date();
    let Some(rec) = &d.recurrence else {
        return Some(first);
    };
    let step = period_of(rec);
    let step = |day: NaiveDate| -> Option<NaiveDate> {
        match step? {
            Period::Days(n) => day.checked_add_signed(Duration::days(n)),
            Period::Months(n) => day.checked_add_months(Months::new(n)),
        }
    };
    let mut due = first;
    // At most a few thousand steps (daily over ten years); stop when the period is unknown.
    for _ in 0..5000 {
        if due >= as_of {
            break;
        }
        match step(due) {
            Some(next) => due = next,
            None => break,
        }
    }
    Some(due)
}

/// The step between two occurrences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Days(i64),
    Months(u32),
}

/// The step of a recurrence: from its RFC 5545 rule when it has one (`FREQ`, `INTERVAL`,
/// a `BYMONTH` list under `FREQ=YEARLY` as for quarters), else from its period.
fn period_of(rec: &nhiemvu_model::Recurrence) -> Option<Period> {
    let part = |key: &str| {
        rec.rule
            .as_deref()?
            .split(';')
            .find_map(|p| p.strip_prefix(key).map(str::to_string))
    };
    let interval = part("INTERVAL=")
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    let by_months = part("BYMONTH=").map(|m| m.split(',').count() as u32);
    match part("FREQ=").as_deref() {
        Some("DAILY") => Some(Period::Days(interval as i64)),
        Some("WEEKLY") => Some(Period::Days(7 * interval as i64)),
        Some("MONTHLY") => Some(Period::Months(interval)),
        Some("YEARLY") => match by_months {
            Some(k) if k > 0 && 12 % k == 0 => Some(Period::Months(12 / k)),
            _ => Some(Period::Months(12 * interval)),
        },
        _ => match rec.freq {
            Frequency::Daily => Some(Period::Days(1)),
            Frequency::Weekly => Some(Period::Days(7)),
            Frequency::Monthly => Some(Period::Months(1)),
            Frequency::Quarterly => Some(Period::Months(3)),
            Frequency::Semiannual => Some(Period::Months(6)),
            Frequency::Yearly => Some(Period::Months(12)),
            _ => None,
        },
    }
}

/// One task as a tracker sees it.
#[derive(Debug, Clone)]
pub struct Tracked<'a> {
    /// The document that gives it.
    pub record: &'a DocumentRecord,
    /// The task.
    pub task: &'a Task,
    /// The day it is due (next occurrence for recurring duties).
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub status: Status,
    /// Days from the day judged to the due date (negative when overdue).
    pub days_left: Option<i64>,
    /// The office's completion day, when known.
    pub completed_on: Option<NaiveDate>,
}

impl Tracked<'_> {
    /// True when open and due within `days` days (0 = today).
    pub fn due_within(&self, days: i64) -> bool {
        self.status == Status::Open && self.days_left.is_some_and(|d| (0..=days).contains(&d))
    }
}

/// Judge `task` of `record` on `as_of`.
pub fn track<'a>(
    record: &'a DocumentRecord,
    task: &'a Task,
    as_of: NaiveDate,
    completions: &Completions,
) -> Tracked<'a> {
    let due = due_on(task, as_of);
    let done = completions.get(&task.id).filter(|c| c.done);
    let completed_on = done.and_then(|c| c.completed_on);
    let status = match (done, due) {
        (Some(_), Some(due)) if completed_on.is_some_and(|c| c > due) => Status::DoneLate,
        (Some(_), _) => Status::DoneOnTime,
        (None, None) => Status::NoDeadline,
        (None, Some(due)) if due < as_of => Status::Overdue,
        (None, Some(_)) => Status::Open,
    };
    Tracked {
        record,
        task,
        due,
        status,
        days_left: due.map(|d| (d - as_of).num_days()),
        completed_on,
    }
}

/// Every task of `records`, judged on `as_of`, in record and task order.
pub fn track_all<'a>(
    records: &'a [DocumentRecord],
    as_of: NaiveDate,
    completions: &Completions,
) -> Vec<Tracked<'a>> {
    records
        .iter()
        .flat_map(|r| r.tasks.iter().map(move |t| (r, t)))
        .map(|(r, t)| track(r, t, as_of, completions))
        .collect()
}

/// The canonical name of a unit (its raw text when it has none).
pub fn unit_name(u: &Unit) -> &str {
    if u.name.is_empty() {
        &u.raw
    } else {
        &u.name
    }
}

/// Counts per status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    /// Count per status, in [`Status::ALL`] order.
    pub counts: [usize; 5],
}

impl Grid {
    /// Add one task.
    pub fn add(&mut self, s: Status) {
        let i = Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.counts[i] += 1;
    }
    /// All tasks counted.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
    /// The count of one status.
    pub fn get(&self, s: Status) -> usize {
        let i = Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.counts[i]
    }
}

/// The status grid of every lead unit (tasks with several leads count for each; tasks with
/// none under an empty name), sorted by unit name, and the total.
pub fn grid_by_lead(tasks: &[Tracked<'_>]) -> (Vec<(String, Grid)>, Grid) {
    let mut by: HashMap<String, Grid> = HashMap::new();
    let mut total = Grid::default();
    for t in tasks {
        total.add(t.status);
        if t.task.assignees.is_empty() {
            by.entry(String::new()).or_default().add(t.status);
        }
        for u in &t.task.assignees {
            by.entry(unit_name(u).to_string())
                .or_default()
                .add(t.status);
        }
    }
    let mut rows: Vec<(String, Grid)> = by.into_iter().collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    (rows, total)
}

/// A signature summary for a document: "valid", "invalid", "unverified", "none".
pub fn signature_state(rec: &DocumentRecord) -> &'static str {
    use nhiemvu_model::SignatureStatus as S;
    if rec.signatures.is_empty() {
        return "none";
    }
    let bad = rec
        .signatures
        .iter()
        .any(|s| matches!(s.status, Some(S::DigestMismatch | S::BadSignature)));
    let changed = rec.signatures.iter().any(|s| {
        s.modified_after_signing
            .as_ref()
            .is_some_and(|m| m.change == "page_content" || m.change == "document_structure")
    });
    if bad || changed {
        "invalid"
    } else if rec.signatures.iter().all(|s| s.status == Some(S::Valid)) {
        "valid"
    } else {
        "unverified"
    }
}

/// The label of a signature summary ("Hợp lệ").
pub fn signature_label(state: &str) -> &'static str {
    match state {
        "valid" => "Chữ ký số hợp lệ",
        "invalid" => "Chữ ký số không hợp lệ hoặc văn bản bị sửa",
        "unverified" => "Chữ ký số chưa kiểm tra được",
        _ => "Không có chữ ký số",
    }
}

/// Why a document gave no task, for the lists that must name every file: its error, or a
/// page that needed OCR, or none found.
pub fn no_task_reason(rec: &DocumentRecord) -> Option<String> {
    if !rec.tasks.is_empty() {
        return None;
    }
    if let Some(e) = &rec.error {
        return Some(format!("Lỗi ({}): {}", e.kind, e.message));
    }
    if rec.warnings.iter().any(|w| w.kind == "ocr_needed") {
        return Some("Bản quét hoặc lớp chữ hỏng: cần OCR".to_string());
    }
    Some("Không tìm thấy nhiệm vụ".to_string())
}

/// Year and month of a day, for timelines ("2026-06").
pub fn month_key(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

#[cfg(test)]
mod tests;
