//! `nhiemvu eval` on a crafted gold + output pair with known numbers, on NDJSON input, and on
//! the real seeds against the hand-made gold; exit status follows the thresholds.

use chrono::NaiveDate;
use nhiemvu_model::{
    Comparator, Deadline, DocumentRecord, Moment, Provenance, Source, SourceFormat, Target, Task,
    Unit,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn nhiemvu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn unit(raw: &str) -> Unit {
    Unit {
        name: raw.into(),
        raw: raw.into(),
    }
}

fn task(n: usize, text: &str, assignees: &[&str], due: Option<(i32, u32, u32)>) -> Task {
    Task {
        id: format!("t{n}"),
        section: n.to_string(),
        text: text.into(),
        assignees: assignees.iter().map(|a| unit(a)).collect(),
        coordinators: vec![],
        assignees_rule: None,
        coordinators_rule: None,
        deadline: due.map(|(y, m, d)| Deadline {
            due: Some(Moment::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())),
            start: None,
            recurrence: None,
            ongoing: false,
            raw: format!("trước ngày {d}/{m}/{y}"),
            due_rule: None,
        }),
        targets: vec![],
        provenance: Provenance {
            page: 1,
            start: 0,
            end: text.len(),
            end_page: None,
        },
    }
}

/// Four predicted tasks against four gold tasks: three match (one with a wrong due date, one
/// with a wrong lead, one recalling one of two targets), one gold task is missed, one
/// prediction is extra.
fn crafted() -> (DocumentRecord, Value) {
    let mut rec = DocumentRecord::new(Source::new(
        "vanban/ke-hoach-146.pdf",
        "ab",
        2,
        SourceFormat::Pdf,
    ));
    let mut t1 = task(
        1,
        "Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng số dùng chung, đạt ít nhất 50% hồ sơ trực tuyến.",
        &["Sở Khoa học và Công nghệ"],
        Some((2026, 6, 30)),
    );
    t1.targets.push(Target {
        raw: "ít nhất 50%".into(),
        value: Some(50.0),
        value_max: None,
        unit: Some("%".into()),
        comparator: Comparator::Ge,
        measure: None,
        by: None,
    });
    rec.tasks.push(t1);
    rec.tasks.push(task(
        2,
        "UBND các xã, phường rà soát thủ tục hành chính.",
        &["UBND các xã, phường"],
        Some((2025, 12, 31)),
    ));
    rec.tasks.push(task(
        3,
        "Công an tỉnh bảo đảm an ninh mạng.",
        &["Công an tỉnh"],
        None,
    ));
    rec.tasks.push(task(4, "Tổ chức sơ kết.", &[], None));
    let gold = serde_json::json!({
        "tasks": [
            { "quote": "xây dựng nền tảng số dùng chung", "assignees": ["Sở KH&CN"],
              "coordinators": [], "due": "2026-06-30", "start": null, "recurring": false,
              "targets": ["50%", "100%"] },
            { "quote": "rà soát  thủ tục hành chính", "assignees": ["UBND các xã, phường"],
              "coordinators": [], "due": "2026-03-31", "start": null, "recurring": false,
              "targets": [] },
            { "quote": "bảo đảm an ninh mạng", "assignees": ["Sở Thông tin và Truyền thông"],
              "coordinators": [], "due": null, "start": null, "recurring": false, "targets": [] },
            { "quote": "Báo cáo kết quả về Văn phòng", "assignees": [], "coordinators": [],
              "due": null, "start": null, "recurring": false, "targets": [] }
        ]
    });
    (rec, gold)
}

fn setup(ndjson: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let gold_dir = tmp.path().join("gold");
    std::fs::create_dir_all(&gold_dir).unwrap();
    let (rec, gold) = crafted();
    std::fs::write(
        gold_dir.join("ke-hoach-146.gold.json"),
        serde_json::to_string_pretty(&gold).unwrap(),
    )
    .unwrap();
    let output = if ndjson {
        let f = tmp.path().join("all.ndjson");
        let mut w = nhiemvu_exporter::NdjsonWriter::new(std::fs::File::create(&f).unwrap());
        w.write(&rec).unwrap();
        w.into_inner().unwrap();
        f
    } else {
        let dir = tmp.path().join("out");
        nhiemvu_exporter::write_json_atomic(&dir, "vanban/ke-hoach-146.pdf.json", &rec).unwrap();
        // Other JSON beside the outputs (a run summary) is skipped, not fatal.
        std::fs::write(dir.join("summary.json"), "{\"documents\": 1}").unwrap();
        dir
    };
    (tmp, gold_dir, output)
}

#[test]
fn crafted_pair_gives_the_expected_numbers_table_and_json() {
    let (tmp, gold, out) = setup(false);
    let report = tmp.path().join("eval.json");
    let run = nhiemvu(&["eval", "--gold", s(&gold), s(&out), "--json", s(&report)]);
    let table = String::from_utf8(run.stdout).unwrap();
    assert_eq!(run.status.code(), Some(0), "{table}");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[0].starts_with("document "), "{table}");
    assert_eq!(
        lines[1],
        "ke-hoach-146 pdf                   4    4    3  0.75  0.75  0.75   0.67   1.00  0.67  1.00  1.00   0.50"
    );
    assert!(lines[2].starts_with("TOTAL  "), "{table}");
    assert!(lines[2].ends_with(&lines[1][31..]), "{table}");

    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let c = &v["total"]["counts"];
    assert_eq!(
        (&c["gold"], &c["predicted"], &c["matched"]),
        (&Value::from(4), &Value::from(4), &Value::from(3))
    );
    assert_eq!(c["assignee"], 2);
    assert_eq!(c["due"], 2);
    assert_eq!(c["targets_gold"], 2);
    assert_eq!(c["targets_found"], 1);
    assert_eq!(v["total"]["metrics"]["f1"], 0.75);
    assert_eq!(v["documents"][0]["source"], "vanban/ke-hoach-146.pdf");
    assert_eq!(v["passed"], true);
}

#[test]
fn thresholds_decide_the_exit_status() {
    let (_tmp, gold, out) = setup(false);
    let run = |extra: &[&str]| {
        let mut args = vec!["eval", "--gold", s(&gold), s(&out)];
        args.extend_from_slice(extra);
        nhiemvu(&args)
    };
    assert_eq!(run(&["--min-f1", "0.75"]).status.code(), Some(0));
    assert_eq!(run(&["--min-f1", "0.76"]).status.code(), Some(1));
    assert_eq!(
        run(&["--min-assignee", "0.6", "--min-target-recall", "0.5"])
            .status
            .code(),
        Some(0)
    );
    let due = run(&["--min-f1", "0.5", "--min-due", "0.7"]);
    assert_eq!(due.status.code(), Some(1));
    let err = String::from_utf8_lossy(&due.stderr);
    assert!(err.contains("due accuracy 0.67 is below 0.700"), "{err}");
    assert_eq!(run(&["--min-target-recall", "0.51"]).status.code(), Some(1));
}

#[test]
fn ndjson_outputs_score_the_same_and_details_name_the_problems() {
    let (_tmp, gold, out) = setup(true);
    let run = nhiemvu(&[
        "eval",
        "--gold",
        s(&gold),
        s(&out),
        "--details",
        "--min-f1",
        "0.75",
    ]);
    assert_eq!(run.status.code(), Some(0));
    let table = String::from_utf8(run.stdout).unwrap();
    assert!(
        table.contains("ke-hoach-146 pdf                   4    4    3  0.75"),
        "{table}"
    );
    let details = String::from_utf8(run.stderr).unwrap();
    assert!(
        details.contains("missed   \"Báo cáo kết quả về Văn phòng\""),
        "{details}"
    );
    assert!(
        details.contains("extra    [4] Tổ chức sơ kết."),
        "{details}"
    );
    assert!(
        details.contains("due: gold Some(\"2026-03-31\") got Some(\"2025-12-31\")"),
        "{details}"
    );
}

#[test]
fn bad_inputs_are_usage_errors() {
    let (tmp, gold, out) = setup(false);
    assert_eq!(
        nhiemvu(&["eval", "--gold", "/khong/co", s(&out)])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        nhiemvu(&["eval", "--gold", s(&gold), "/khong/co"])
            .status
            .code(),
        Some(2)
    );
    std::fs::write(
        gold.join("hong.gold.json"),
        r#"{"tasks":[{"quote":"x","due":"30/06/2026"}]}"#,
    )
    .unwrap();
    let run = nhiemvu(&["eval", "--gold", s(&gold), s(&out)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("30/06/2026"));
    drop(tmp);
}

#[test]
fn real_seeds_score_against_the_hand_made_gold() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let ok = nhiemvu(&["extract", "-q", "--out", s(&out), "tests/data/seeds"]);
    assert_eq!(ok.status.code(), Some(0));
    let run = nhiemvu(&[
        "eval",
        "--gold",
        "fixtures/gold",
        s(&out),
        "--min-f1",
        "0.5",
    ]);
    let table = String::from_utf8(run.stdout).unwrap();
    assert_eq!(run.status.code(), Some(0), "{table}");
    assert_eq!(
        table.lines().filter(|l| l.starts_with("00")).count(),
        5,
        "{table}"
    );
    assert!(
        table.lines().last().unwrap().starts_with("TOTAL"),
        "{table}"
    );
    assert_eq!(
        nhiemvu(&[
            "eval",
            "--gold",
            "fixtures/gold",
            s(&out),
            "--min-f1",
            "1.01"
        ])
        .status
        .code(),
        Some(1)
    );
}

/// The quality bar of the task issue, on the five corpus PDFs and on the five seed texts
/// separately: task F1 ≥ 0.95, assignee and due accuracy ≥ 0.95, target recall ≥ 0.90.
#[test]
fn corpus_pdfs_and_seed_texts_meet_the_quality_bar() {
    for input in ["corpus", "tests/data/seeds"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let ok = nhiemvu(&["extract", "-q", "--out", s(&out), input]);
        assert_eq!(ok.status.code(), Some(0), "{input}");
        let run = nhiemvu(&[
            "eval",
            "--gold",
            "fixtures/gold",
            s(&out),
            "--min-f1",
            "0.95",
            "--min-assignee",
            "0.95",
            "--min-due",
            "0.95",
            "--min-target-recall",
            "0.90",
        ]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{input} is below the bar:\n{}\n{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

/// Metadata gold beside the task gold (`meta/`) is found and scored per field; `--meta`
/// names another folder and `--min-meta` gates on the weakest field.
#[test]
fn metadata_gold_is_scored_per_field_and_gated() {
    let (tmp, gold, out) = setup(false);
    let meta = tmp.path().join("meta");
    std::fs::create_dir_all(&meta).unwrap();
    let blank = serde_json::json!({ "kind": "other", "number": null, "issuer": null,
        "date": null, "title": null, "signers": [] });
    std::fs::write(meta.join("ke-hoach-146.meta.json"), blank.to_string()).unwrap();
    let report = tmp.path().join("r.json");
    let run = nhiemvu(&["eval", "--gold", s(&gold), s(&out), "--json", s(&report)]);
    let table = String::from_utf8(run.stdout).unwrap();
    assert!(
        table.contains("metadata (1 outputs): kind 1.00  number 1.00  issuer 1.00"),
        "{table}"
    );
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(r["metadata"]["accuracy"]["signer"].as_f64(), Some(1.0));

    let other = tmp.path().join("meta2");
    std::fs::create_dir_all(&other).unwrap();
    let wrong = serde_json::json!({ "kind": "ke_hoach", "number": "146/KH-UBND",
        "issuer": "Ủy ban nhân dân tỉnh An Hòa", "date": null, "title": null, "signers": [] });
    std::fs::write(other.join("ke-hoach-146.meta.json"), wrong.to_string()).unwrap();
    let run = nhiemvu(&[
        "eval",
        "--gold",
        s(&gold),
        s(&out),
        "--meta",
        s(&other),
        "--min-meta",
        "0.9",
    ]);
    let table = String::from_utf8(run.stdout).unwrap();
    assert!(
        table.contains("kind 0.00  number 0.00  issuer 0.00  date 1.00"),
        "{table}"
    );
    assert_eq!(run.status.code(), Some(1), "{table}");
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("kind"), "{stderr}");
}
