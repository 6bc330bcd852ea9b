//! Tests of `tracking`.

use super::*;
use nhiemvu_model::{Source, SourceFormat};

fn day(s: &str) -> NaiveDate {
    parse_day(s).unwrap()
}

fn task(id: &str, lead: &str, deadline: serde_json::Value) -> Task {
    serde_json::from_value(serde_json::json!({
        "id": id, "section": "1", "text": format!("Nhiệm vụ {id}"),
        "assignees": [{"name": lead, "raw": lead}], "coordinators": [],
        "deadline": deadline, "targets": [],
        "provenance": {"page": 1, "start": 0, "end": 10}
    }))
    .unwrap()
}

fn due(d: &str) -> serde_json::Value {
    serde_json::json!({"due": d, "start": null, "recurrence": null, "ongoing": false, "raw": d})
}

fn record(tasks: Vec<Task>) -> DocumentRecord {
    let mut r = DocumentRecord::new(Source::new("a.pdf", "00", 1, SourceFormat::Pdf));
    r.tasks = tasks;
    r
}

#[test]
fn the_five_states_and_due_soon() {
    let rec = record(vec![
        task("a", "Sở Y tế", due("2026-06-30")),
        task("b", "Sở Y tế", due("2026-06-30")),
        task("c", "Sở Nội vụ", due("2026-07-03")),
        task("d", "Sở Nội vụ", due("2026-05-01")),
        task("e", "Sở Nội vụ", serde_json::Value::Null),
    ]);
    let done = read_completions(
        "task_id,status,completed_on\na,hoàn thành,2026-06-29\nb,done,02/07/2026\n",
    )
    .unwrap();
    let t = track_all(std::slice::from_ref(&rec), day("2026-07-01"), &done);
    let states: Vec<Status> = t.iter().map(|t| t.status).collect();
    assert_eq!(
        states,
        [
            Status::DoneOnTime,
            Status::DoneLate,
            Status::Open,
            Status::Overdue,
            Status::NoDeadline
        ]
    );
    assert!(t[2].due_within(3) && !t[2].due_within(1));
    assert_eq!(t[3].days_left, Some(-61));
    let (rows, total) = grid_by_lead(&t);
    assert_eq!(total.total(), 5);
    assert_eq!(rows[0].0, "Sở Nội vụ");
    assert_eq!(rows[0].1.get(Status::Overdue), 1);
    assert_eq!(rows[1].1.get(Status::DoneLate), 1);
}

#[test]
fn a_recurring_duty_is_due_at_its_next_occurrence() {
    let monthly = serde_json::json!({
        "due": "2026-01-05", "start": null, "ongoing": false, "raw": "ngày 05 hằng tháng",
        "recurrence": {"freq": "monthly", "rule": "FREQ=MONTHLY;BYMONTHDAY=5", "raw": "hằng tháng"}
    });
    let t = task("m", "Sở Tài chính", monthly);
    assert_eq!(due_on(&t, day("2026-03-06")), Some(day("2026-04-05")));
    assert_eq!(due_on(&t, day("2026-03-05")), Some(day("2026-03-05")));
    let quarterly = serde_json::json!({
        "due": "2026-03-10", "start": null, "ongoing": false, "raw": "",
        "recurrence": {"freq": "quarterly", "rule": "FREQ=MONTHLY;INTERVAL=3", "raw": ""}
    });
    let q = task("q", "Sở Tài chính", quarterly);
    // The rule says how far apart: three months.
    assert_eq!(due_on(&q, day("2026-03-11")), Some(day("2026-06-10")));
    let by_month = serde_json::json!({
        "due": "2026-03-10", "start": null, "ongoing": false, "raw": "",
        "recurrence": {"freq": "quarterly", "rule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10", "raw": ""}
    });
    let b = task("b", "Sở Tài chính", by_month);
    assert_eq!(due_on(&b, day("2026-07-01")), Some(day("2026-09-10")));
    let rec = record(vec![t]);
    let tracked = track(&rec, &rec.tasks[0], day("2026-03-06"), &Completions::new());
    assert_eq!(
        tracked.status,
        Status::Open,
        "a recurring duty is never overdue forever"
    );
}

#[test]
fn status_csv_needs_a_task_id_and_reads_both_date_forms() {
    assert!(read_completions("id_khac,status\n1,done\n").is_err());
    let c = read_completions("\u{feff}completed_on,task_id\n30/06/2026,x\n").unwrap();
    assert_eq!(
        c["x"],
        Completion {
            done: true,
            completed_on: Some(day("2026-06-30"))
        }
    );
}
