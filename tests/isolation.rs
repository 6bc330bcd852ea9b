//! Worker processes: a document that kills its worker (abort, out of memory, stack overflow,
//! a hang past the time limit) gets a `crashed` / `memory_limit` / `time_limit` record and
//! every other document of the batch its normal record; a rerun does not retry it unless
//! `--retry-failed`; FIFOs and devices are refused without reading them. Faults are injected
//! with the worker's test hook (`NHIEMVU_WORKER_FAULT=SUBSTRING:FAULT`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Three seed texts copied into a fresh folder, one of them named to trip the fault hook.
fn batch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let seeds = root().join("tests/data/seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for (i, n) in names.iter().take(3).enumerate() {
        let to = if i == 1 {
            format!("victim-{n}")
        } else {
            n.clone()
        };
        std::fs::copy(seeds.join(n), input.join(to)).unwrap();
    }
    (dir, input)
}

fn extract(input: &Path, out: &Path, fault: Option<&str>, extra: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nhiemvu"));
    c.arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("-q")
        .args(extra);
    match fault {
        Some(f) => c.env("NHIEMVU_WORKER_FAULT", format!("victim-:{f}")),
        None => c.env_remove("NHIEMVU_WORKER_FAULT"),
    };
    c.output().unwrap()
}

/// Output records by file name.
fn records(out: &Path) -> Vec<(String, Value)> {
    let mut v: Vec<(String, Value)> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Runs a batch with `fault` on the victim; returns the victim's error kind and message
/// after checking the other two documents came through with their tasks.
fn victim_error(fault: &str, extra: &[&str]) -> (String, String) {
    let (dir, input) = batch();
    let out = dir.path().join("out");
    let o = extract(&input, &out, Some(fault), extra);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 3, "one record per input: {recs:?}");
    let mut victim = None;
    for (name, r) in &recs {
        if name.starts_with("victim-") {
            victim = Some(r.clone());
        } else {
            assert!(r["error"].is_null(), "{name}: {}", r["error"]);
            assert!(
                !r["tasks"].as_array().unwrap().is_empty(),
                "{name} lost its tasks"
            );
        }
    }
    let v = victim.expect("victim record");
    assert!(v["tasks"].as_array().unwrap().is_empty());
    assert_eq!(
        v["source"]["sha256"].as_str().unwrap().len(),
        64,
        "crash record keeps the hash"
    );
    (
        v["error"]["kind"].as_str().unwrap().to_string(),
        v["error"]["message"].as_str().unwrap().to_string(),
    )
}

#[test]
fn an_aborting_worker_costs_one_record_not_the_batch() {
    let (kind, msg) = victim_error("abort", &[]);
    assert_eq!(kind, "crashed");
    assert!(msg.contains("SIGABRT"), "{msg}");
}

#[test]
fn a_stack_overflow_is_a_crash_with_its_cause() {
    let (kind, msg) = victim_error("overflow", &[]);
    assert_eq!(kind, "crashed");
    assert!(msg.contains("stack overflow"), "{msg}");
}

#[test]
fn a_worker_over_its_memory_cap_gives_memory_limit() {
    let (kind, msg) = victim_error("alloc", &["--max-memory", "1G"]);
    assert_eq!(kind, "memory_limit");
    assert!(msg.contains("memory allocation of"), "{msg}");
}

#[test]
fn a_hanging_worker_is_killed_at_the_hard_time_limit() {
    let (kind, msg) = victim_error("hang", &["--time-limit", "1"]);
    assert_eq!(kind, "time_limit");
    assert!(msg.contains("hard time limit"), "{msg}");
}

#[test]
fn a_rerun_skips_the_crashed_document_unless_asked_to_retry() {
    let (dir, input) = batch();
    let out = dir.path().join("out");
    extract(&input, &out, Some("abort"), &[]);
    // Same fault, plain rerun: the crash record is current, nothing is redone, exit 1.
    let o = extract(
        &input,
        &out,
        Some("abort"),
        &["--summary-json", "/dev/stdout"],
    );
    let summary: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["skipped"], 3, "{summary}");
    assert_eq!(o.status.code(), Some(1));
    // Fault gone, --retry-failed: the victim is redone and reads.
    let o = extract(&input, &out, None, &["--retry-failed"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let recs = records(&out);
    let victim = &recs
        .iter()
        .find(|(n, _)| n.starts_with("victim-"))
        .unwrap()
        .1;
    assert!(victim["error"].is_null());
    assert!(!victim["tasks"].as_array().unwrap().is_empty());
}

#[test]
fn fifos_and_devices_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let fifo = input.join("pipe.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", input.join("zero.pdf")).unwrap();
    let out = dir.path().join("out");
    for isolation in ["process", "thread"] {
        let o = extract(&input, &out, None, &["--isolation", isolation, "--force"]);
        assert_eq!(o.status.code(), Some(1));
        let recs = records(&out);
        assert_eq!(recs.len(), 2, "{recs:?}");
        for (name, r) in &recs {
            assert_eq!(r["error"]["kind"], "not_a_file", "{name}");
            let msg = r["error"]["message"].as_str().unwrap();
            assert!(
                msg.contains("FIFO") || msg.contains("device"),
                "{name}: {msg}"
            );
        }
    }
}

#[test]
fn process_and_thread_isolation_give_the_same_records() {
    let (dir, input) = batch();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    assert_eq!(extract(&input, &a, None, &[]).status.code(), Some(0));
    let o = extract(&input, &b, None, &["--isolation", "thread"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(records(&a), records(&b));
}

#[test]
fn a_second_batch_into_the_same_folder_is_refused_while_the_first_runs() {
    let (dir, input) = batch();
    let out = dir.path().join("out");
    // The first batch hangs on its victim for a while, holding the folder.
    let first = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(["extract", "-q", "--time-limit", "1", "--out"])
        .arg(&out)
        .arg(&input)
        .env("NHIEMVU_WORKER_FAULT", "victim-:hang")
        .spawn()
        .unwrap();
    let mut waited = 0;
    while !out.exists() && waited < 100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        waited += 1;
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    let second = extract(&input, &out, None, &["--lang", "vi"]);
    let mut first = first;
    let status = first.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "the first batch recorded its time limit"
    );
    assert_eq!(second.status.code(), Some(2));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.contains("một lệnh nhiemvu extract khác đang ghi vào"),
        "{err}"
    );
    // Once the first is done the folder is free again.
    assert_eq!(
        extract(&input, &out, None, &["--retry-failed"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn an_empty_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = extract(&empty, &dir.path().join("out"), None, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no documents"));
}

#[test]
fn a_file_name_that_is_not_utf8_is_still_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"v\xe0n-b\xe1n.txt");
    let seed = root().join("tests/data/seeds/003_40982fe340064d63.txt");
    std::fs::copy(seed, input.join(name)).unwrap();
    let out = dir.path().join("out");
    let o = extract(&input, &out, None, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert!(recs[0].1["error"].is_null(), "{}", recs[0].1["error"]);
    assert!(!recs[0].1["tasks"].as_array().unwrap().is_empty());
    // Lossless: the Latin-1 bytes are written as %XX (no U+FFFD) in the record and its name.
    assert_eq!(recs[0].0, "v%E0n-b%E1n.txt.json");
    let path = recs[0].1["source"]["path"].as_str().unwrap();
    assert!(path.ends_with("/in/v%E0n-b%E1n.txt"), "{path}");
}
