//! Tests of `report`: the counts in the page agree with the tracking data.

use super::*;
use nhiemvu_model::ErrorKind;

/// The corpus outputs kept as regression fixtures, plus a crashed record.
fn records() -> Vec<DocumentRecord> {
    crate::fixtures::expected_with_failure("corpus", "hong/<scan>.pdf", ErrorKind::Crashed)
}

/// The text between `<tag id="id"` and the tag's end marker.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let j = html[i..].find(end).unwrap() + i;
    &html[i..j]
}

#[test]
fn the_page_counts_match_the_data_and_names_every_document() {
    let recs = records();
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let html = html(&recs, as_of, &Completions::new(), &|r| {
        r.source.path.clone()
    });
    let tasks = track_all(&recs, as_of, &Completions::new());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network"
    );
    let rows = section(&html, "<table id=\"tasks\"", "</table>");
    assert_eq!(rows.matches("<tr id=\"t-").count(), tasks.len());
    let overdue = tasks.iter().filter(|t| t.status == Status::Overdue).count();
    assert!(overdue > 0, "the seeds have deadlines in 2025");
    assert_eq!(rows.matches("class=\"overdue\"").count(), overdue);
    let grid = section(&html, "<table id=\"total-grid\"", "</table>");
    assert!(
        grid.contains(&format!("data-status=\"overdue\">{overdue}<")),
        "{grid}"
    );
    let docs = section(&html, "<table id=\"documents\"", "</table>");
    assert_eq!(docs.matches("<tr data-signature").count(), recs.len());
    let none = section(&html, "<ul id=\"no-tasks\"", "</ul>");
    assert!(
        none.contains("hong/&lt;scan&gt;.pdf"),
        "escaped and named: {none}"
    );
    assert!(none.contains("crashed"));
    assert!(html.contains("#page="), "links to the source page");
}

#[test]
fn completions_move_tasks_out_of_overdue() {
    let recs = records();
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let tasks = track_all(&recs, as_of, &Completions::new());
    let late = tasks
        .iter()
        .find(|t| t.status == Status::Overdue)
        .expect("an overdue task");
    let csv = format!(
        "task_id,status,completed_on\n{},hoàn thành,\n",
        late.task.id
    );
    let done = crate::tracking::read_completions(&csv).unwrap();
    let html = html(&recs, as_of, &done, &|r| r.source.path.clone());
    let row_start = html
        .find(&format!("<tr id=\"t-{}\"", late.task.id))
        .unwrap();
    let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
    assert!(row.contains("data-status=\"done_on_time\""), "{row}");
}
