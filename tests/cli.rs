//! The `nhiemvu` binary on mixed batches: every input yields one record, exit codes say
//! whether some failed, and eval scores and gates on thresholds.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nhiemvu-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn mixed_batch_yields_one_record_per_input_and_exit_1() {
    let dir = tmp("mixed");
    std::fs::write(dir.join("empty.pdf"), b"").unwrap();
    std::fs::write(dir.join("not_a_pdf.pdf"), b"hello, this is not a PDF").unwrap();
    std::fs::write(
        dir.join("truncated.pdf"),
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    )
    .unwrap();
    let seed = root().join("tests/data/seeds/003_40982fe340064d63.txt");
    let out = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("extract")
        .arg(dir.join("empty.pdf"))
        .arg(dir.join("not_a_pdf.pdf"))
        .arg(dir.join("truncated.pdf"))
        .arg(dir.join("missing.pdf"))
        .arg(&seed)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let mut kinds = Vec::new();
    for name in [
        "empty",
        "not_a_pdf",
        "truncated",
        "missing",
        "003_40982fe340064d63",
    ] {
        let text = std::fs::read_to_string(out.join(format!("{name}.json"))).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        kinds.push(v["error"]["kind"].as_str().unwrap_or("ok").to_string());
    }
    assert_eq!(kinds[0], "empty");
    assert_eq!(kinds[3], "io");
    assert_ne!(kinds[1], "ok");
    assert_ne!(kinds[2], "ok");
    assert_eq!(kinds[4], "ok");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 5);
}

#[test]
fn eval_scores_seeds_and_gates_on_thresholds() {
    let dir = tmp("eval");
    let out = dir.join("out");
    let ok = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(["extract", "--out"])
        .arg(&out)
        .arg(root().join("tests/data/seeds"))
        .status()
        .unwrap();
    assert_eq!(ok.code(), Some(0));
    let gold = root().join("fixtures/gold");
    let run = |min: &str| {
        Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
            .args(["eval", "--gold"])
            .arg(&gold)
            .arg(&out)
            .args(["--min-f1", min])
            .output()
            .unwrap()
    };
    let pass = run("0.5");
    let table = String::from_utf8(pass.stdout).unwrap();
    assert_eq!(pass.status.code(), Some(0), "{table}");
    assert!(table.lines().any(|l| l.starts_with("TOTAL")), "{table}");
    assert_eq!(
        table.lines().filter(|l| l.starts_with("00")).count(),
        5,
        "{table}"
    );
    let fail = run("1.01");
    assert_eq!(fail.status.code(), Some(1));
}
