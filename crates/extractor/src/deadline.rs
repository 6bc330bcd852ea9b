//! Deadlines: due dates, starts and recurrences from Vietnamese phrases. (skeleton)

use chrono::NaiveDate;
use nhiemvu_model::Deadline;

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

/// Find the deadline a task's text sets, if any.
pub fn find_deadline(_text: &str, _ctx: &DateContext) -> Option<Deadline> {
    None
}
