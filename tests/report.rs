//! The tracking report and workbook as a person meets them: a batch is extracted, `nhiemvu
//! report` writes the HTML file, headless Chromium opens it (CI installs Debian's
//! `chromium`), and the counts the page shows after its filters run are checked against the
//! data; a screenshot is saved under target/. `nhiemvu tasks` lists are checked against the
//! same data.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn nhiemvu(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|n| PathBuf::from("/usr/bin").join(n))
        .find(|p| p.exists())
}

/// Chromium headless with the flags this machine's closed network needs.
fn headless(bin: &Path, profile: &Path) -> Command {
    let mut c = Command::new(bin);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The seeds extracted once into `dir/out`, and their tasks judged with `nhiemvu tasks`.
fn batch(dir: &Path) -> (PathBuf, Vec<Value>) {
    let out = dir.join("out");
    let o = nhiemvu(&[
        "extract",
        "tests/data/seeds",
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = nhiemvu(&[
        "tasks",
        out.to_str().unwrap(),
        "--as-of",
        "2026-01-15",
        "--format",
        "ndjson",
    ]);
    assert!(o.status.success());
    let tasks: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out, tasks)
}

#[test]
fn task_lists_filter_by_status_due_window_and_unit() {
    let dir = tempfile::tempdir().unwrap();
    let (out, all) = batch(dir.path());
    assert!(all.len() > 100);
    let count = |args: &[&str]| -> usize {
        let mut a = vec!["tasks", out.to_str().unwrap(), "--as-of", "2026-01-15"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--format", "ndjson"]);
        let o = nhiemvu(&a);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap().lines().count()
    };
    let overdue = all.iter().filter(|t| t["status"] == "overdue").count();
    assert!(overdue > 0);
    assert_eq!(count(&["--overdue"]), overdue);
    let soon = all
        .iter()
        .filter(|t| t["status"] == "open" && t["days_left"].as_i64().is_some_and(|d| d <= 30))
        .count();
    assert_eq!(count(&["--due-within", "30"]), soon);
    let unit = all
        .iter()
        .find_map(|t| t["task"]["assignees"][0]["name"].as_str())
        .unwrap()
        .to_string();
    let of_unit = all
        .iter()
        .filter(|t| {
            let named = |k: &str| {
                t["task"][k]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|u| u["name"].as_str() == Some(unit.as_str()))
            };
            named("assignees") || named("coordinators")
        })
        .count();
    assert_eq!(count(&["--unit", &unit]), of_unit);
}

#[test]
fn the_report_opens_in_chromium_and_its_filters_show_the_right_counts() {
    let Some(bin) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed (CI installs Debian's chromium); the report was not opened in a browser");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (out, all) = batch(dir.path());
    let html = dir.path().join("report.html");
    let xlsx = dir.path().join("report.xlsx");
    let o = nhiemvu(&[
        "report",
        out.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--as-of",
        "2026-01-15",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
    let shown = |fragment: &str| -> (usize, String) {
        let profile = tempfile::tempdir().unwrap();
        let url = format!("file://{}#{fragment}", html.display());
        let o = headless(&bin, profile.path())
            .arg("--dump-dom")
            .arg(&url)
            .output()
            .unwrap();
        let dom = String::from_utf8_lossy(&o.stdout).into_owned();
        let at = dom.find("id=\"shown\">").expect("the page ran") + "id=\"shown\">".len();
        let n: String = dom[at..].chars().take_while(char::is_ascii_digit).collect();
        (n.parse().unwrap(), dom)
    };
    let (n, _) = shown("");
    assert_eq!(n, all.len(), "no filter: every task");
    let overdue = all.iter().filter(|t| t["status"] == "overdue").count();
    let (n, dom) = shown("status=overdue");
    assert_eq!(n, overdue);
    let cell = format!("data-status=\"overdue\">{overdue}<");
    assert!(dom.contains(&cell), "the total grid follows the filter");
    let unit = all
        .iter()
        .find_map(|t| t["task"]["assignees"][0]["name"].as_str())
        .unwrap()
        .to_string();
    let leads = all
        .iter()
        .filter(|t| {
            t["task"]["assignees"]
                .as_array()
                .unwrap()
                .iter()
                .any(|u| u["name"].as_str() == Some(unit.as_str()))
        })
        .count();
    let (n, _) = shown(&format!("unit={unit}&role=lead"));
    assert_eq!(n, leads, "the lead tab of {unit}");
    // A screenshot for people to look at.
    let shot = root().join("target/report-screenshot.png");
    let profile = tempfile::tempdir().unwrap();
    let o = headless(&bin, profile.path())
        .arg("--window-size=1280,1600")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}#status=overdue", html.display()))
        .output()
        .unwrap();
    assert!(
        o.status.success() && shot.exists(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
