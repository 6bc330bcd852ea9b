//! The `nhiemvu extract` binary on real batches: every input yields exactly one record, exit
//! status 1 when some failed, resume skips current outputs, shards partition the inputs, and
//! the stream formats keep input order.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Run the binary from the repository root, so source paths are relative and stable.
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

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("tests/data/seeds"))
        .unwrap()
        .map(|e| {
            format!(
                "tests/data/seeds/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .filter(|p| p.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(files_under(&p));
        } else {
            v.push(p);
        }
    }
    v.sort();
    v
}

fn ndjson_paths(stdout: &[u8]) -> Vec<String> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["source"]["path"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_mixed_batch_yields_one_record_per_input_with_error_kinds_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("trong.pdf"), b"").unwrap();
    std::fs::write(
        dir.join("khong-phai-pdf.pdf"),
        "Đây không phải tệp PDF, chỉ là văn bản.".as_bytes(),
    )
    .unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Th\xf4ng b\xe1o s\xf4\xb4 09").unwrap();
    let good = seeds()[3].clone();
    // A path that does not exist, listed in a batch manifest: it still gets its record (one
    // named on the command line stops the run, see below).
    let missing = dir.join("khong-co.pdf");
    let manifest = dir.join("danh-sach.txt");
    std::fs::write(&manifest, format!("{}\n", s(&missing))).unwrap();
    let mut inputs: Vec<String> = vec![
        good.clone(),
        format!("@{}", s(&manifest)),
        s(&dir.join("trong.pdf")).to_string(),
        s(&dir.join("khong-phai-pdf.pdf")).to_string(),
        s(&dir.join("latin1.txt")).to_string(),
    ];
    // Hostile files kept for robustness work, when present: every one must yield a record.
    let robustness = root().join("tests/data/robustness");
    if robustness.is_dir() {
        let mut extra: Vec<String> = files_under(&robustness)
            .iter()
            .map(|p| s(p).to_string())
            .collect();
        extra.sort();
        inputs.extend(extra);
    }
    let out = dir.join("out");
    let summary = dir.join("summary.json");
    let mut args = vec![
        "extract",
        "--out",
        s(&out),
        "--summary-json",
        s(&summary),
        "-j",
        "2",
        "--lang",
        "vi",
    ];
    args.extend(inputs.iter().map(String::as_str));
    let run = nhiemvu(&args);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");

    let written = files_under(&out);
    assert_eq!(written.len(), inputs.len(), "{written:?}\n{stderr}");
    let kind_of = |name: &str| {
        let v = json(&out.join(name));
        v["error"]["kind"].as_str().unwrap_or("ok").to_string()
    };
    let good_name = format!(
        "{}.json",
        Path::new(&good).file_name().unwrap().to_str().unwrap()
    );
    assert_eq!(kind_of(&good_name), "ok");
    assert_eq!(kind_of("khong-co.pdf.json"), "io");
    assert_eq!(kind_of("trong.pdf.json"), "empty");
    assert_eq!(kind_of("latin1.txt.json"), "not_utf8");
    let not_pdf = kind_of("khong-phai-pdf.pdf.json");
    assert!(
        ["not_pdf", "malformed_pdf"].contains(&not_pdf.as_str()),
        "{not_pdf}"
    );
    // The good document really has tasks; a failed one has none.
    assert!(!json(&out.join(&good_name))["tasks"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(json(&out.join("trong.pdf.json"))["tasks"]
        .as_array()
        .unwrap()
        .is_empty());
    // Each record names its input as given.
    let v = json(&out.join("khong-co.pdf.json"));
    assert_eq!(v["source"]["path"], s(&missing));

    let sum = json(&summary);
    assert_eq!(sum["documents"], inputs.len());
    assert_eq!(sum["processed"], inputs.len());
    assert_eq!(sum["failures"]["io"], 1);
    // One crafted empty file, plus any zero-byte file of the robustness corpus.
    let empties = inputs
        .iter()
        .filter(|p| std::fs::metadata(p).map(|m| m.len() == 0).unwrap_or(false))
        .count();
    assert!(empties >= 1);
    assert_eq!(sum["failures"]["empty"], empties);
    assert_eq!(sum["failures"]["not_utf8"], 1);
    // Vietnamese by default; every failed file is named with its reason.
    assert!(
        stderr.contains(&format!("{} văn bản", inputs.len())),
        "{stderr}"
    );
    assert!(stderr.contains("io: 1"), "{stderr}");
    let named = stderr.lines().filter(|l| l.starts_with("  lỗi: ")).count();
    assert_eq!(named as u64, sum["failed"].as_u64().unwrap(), "{stderr}");
    assert!(stderr.contains("khong-co.pdf (io)"), "{stderr}");
    assert_eq!(sum["failed_files"].as_array().unwrap().len(), named);

    // The same batch as NDJSON: one line per input, in input order.
    let mut args = vec!["extract", "--format", "ndjson", "-q"];
    args.extend(inputs.iter().map(String::as_str));
    let run = nhiemvu(&args);
    assert_eq!(run.status.code(), Some(1));
    let paths: Vec<String> = inputs
        .iter()
        .map(|i| match i.strip_prefix('@') {
            Some(_) => s(&missing).to_string(),
            None => i.clone(),
        })
        .collect();
    assert_eq!(ndjson_paths(&run.stdout), paths);
    assert!(
        run.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn folders_and_manifests_expand_deterministically_and_ndjson_keeps_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let manifest = tmp.path().join("ds.txt");
    let all = seeds();
    std::fs::write(
        &manifest,
        format!("# danh sách văn bản\n\n{}\n{}\n", all[4], all[0]),
    )
    .unwrap();
    let m = format!("@{}", s(&manifest));
    let run = nhiemvu(&[
        "extract",
        "--format",
        "ndjson",
        "-j",
        "2",
        "tests/data/seeds",
        &m,
    ]);
    assert_eq!(run.status.code(), Some(0));
    let mut want = all.clone();
    want.push(all[4].clone());
    want.push(all[0].clone());
    assert_eq!(ndjson_paths(&run.stdout), want);
    // A second run gives the same bytes.
    let again = nhiemvu(&[
        "extract",
        "--format",
        "ndjson",
        "-j",
        "1",
        "tests/data/seeds",
        &m,
    ]);
    assert_eq!(again.stdout, run.stdout);
    // Clashing names are numbered, so both copies land in --out.
    let out = tmp.path().join("out");
    let run = nhiemvu(&["extract", "--out", s(&out), "-q", "tests/data/seeds", &m]);
    assert_eq!(run.status.code(), Some(0));
    let names: Vec<String> = files_under(&out)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    assert!(
        names.contains(&"000_cc8a43722e178857.txt~2.json".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_rerun_skips_current_outputs_redoes_changed_or_broken_ones_and_force_redoes_all() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("thang-10")).unwrap();
    let all = seeds();
    for (i, seed) in all.iter().enumerate() {
        let name = Path::new(seed).file_name().unwrap();
        let sub = if i % 2 == 0 {
            corpus.join("thang-10")
        } else {
            corpus.clone()
        };
        std::fs::copy(root().join(seed), sub.join(name)).unwrap();
    }
    let out = tmp.path().join("out");
    let summary = tmp.path().join("summary.json");
    let extract = |extra: &[&str]| {
        let mut args = vec![
            "extract",
            s(&corpus),
            "--out",
            s(&out),
            "--summary-json",
            s(&summary),
        ];
        args.extend_from_slice(extra);
        let run = nhiemvu(&args);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let v = json(&summary);
        (
            v["processed"].as_u64().unwrap(),
            v["skipped"].as_u64().unwrap(),
        )
    };
    assert_eq!(extract(&[]), (5, 0));
    // Output names mirror the folder layout.
    let first = out.join("thang-10/000_cc8a43722e178857.txt.json");
    assert!(first.is_file());
    let before = std::fs::read(&first).unwrap();
    let tasks_before = json(&summary)["tasks"].as_u64().unwrap();
    assert!(tasks_before > 0);

    assert_eq!(extract(&[]), (0, 5));
    assert_eq!(std::fs::read(&first).unwrap(), before);
    // Skipped documents still count their pages and tasks.
    assert_eq!(json(&summary)["tasks"].as_u64().unwrap(), tasks_before);

    // A changed input, a deleted output and a half-written output are redone; the rest skipped.
    let changed = corpus.join("001_0133bb71603e93cf.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nKết thúc.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::remove_file(out.join("003_40982fe340064d63.txt.json")).unwrap();
    std::fs::write(
        out.join("thang-10/002_8ed06b4abb7bd752.txt.json"),
        "{\"schema_version\": \"1\", \"so",
    )
    .unwrap();
    assert_eq!(extract(&[]), (3, 2));
    assert_eq!(files_under(&out).len(), 5);
    let redone = json(&out.join("thang-10/002_8ed06b4abb7bd752.txt.json"));
    assert!(redone["error"].is_null());

    assert_eq!(extract(&["--force"]), (5, 0));
    assert_eq!(std::fs::read(&first).unwrap(), before);
}

#[test]
fn shards_partition_the_inputs_by_path() {
    // The seeds and a dozen missing files of a manifest (cheap error records): shards depend
    // on the path only.
    let mut inputs: Vec<String> = seeds();
    let absent: Vec<String> = (1..=12)
        .map(|i| format!("khong-co/van-ban-{i:02}.pdf"))
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let manifest = tmp.path().join("lo.txt");
    std::fs::write(&manifest, absent.join("\n")).unwrap();
    let at_manifest = format!("@{}", s(&manifest));
    let mut args_in: Vec<String> = inputs.clone();
    args_in.push(at_manifest);
    inputs.extend(absent);
    let run_with = |extra: &[&str]| {
        let mut args = vec!["extract", "--format", "ndjson", "-q"];
        args.extend_from_slice(extra);
        args.extend(args_in.iter().map(String::as_str));
        nhiemvu(&args)
    };
    let full = run_with(&[]);
    assert_eq!(full.status.code(), Some(1));
    let everything = ndjson_paths(&full.stdout);
    assert_eq!(everything, inputs);
    let mut union = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let part = ndjson_paths(&run_with(&["--shard", &shard]).stdout);
        assert!(!part.is_empty() && part.len() < inputs.len(), "{part:?}");
        // Within a shard, input order is kept.
        let order: Vec<usize> = part
            .iter()
            .map(|p| everything.iter().position(|e| e == p).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{part:?}");
        union.extend(part);
    }
    let n = union.len();
    union.sort();
    union.dedup();
    assert_eq!(union.len(), n, "shards overlap");
    let mut want = everything.clone();
    want.sort();
    assert_eq!(union, want);
    let bad = nhiemvu(&["extract", "--format", "ndjson", "--shard", "0/3", "corpus"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn csv_table_has_a_bom_a_header_and_one_row_per_task() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("bang/nhiem-vu.csv");
    let summary = tmp.path().join("summary.json");
    let run = nhiemvu(&[
        "extract",
        "--format",
        "csv",
        "--out",
        s(&table),
        "--summary-json",
        s(&summary),
        "-q",
        "tests/data/seeds",
    ]);
    assert_eq!(run.status.code(), Some(0));
    let bytes = std::fs::read(&table).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with(
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Hạn,Thời hạn,Văn bản giao,Trang,Chữ ký số,Ghi chú,task_id,source_path\r\n"
    ));
    // Count records the way a spreadsheet would: quoted cells may hold line breaks.
    let mut rows = 0;
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => rows += 1,
            _ => {}
        }
    }
    let tasks = json(&summary)["tasks"].as_u64().unwrap();
    assert!(tasks > 0);
    assert_eq!(rows as u64, tasks + 1);
    assert!(text.contains(",tests/data/seeds/003_40982fe340064d63.txt\r\n"));
    // No temporary file is left beside the table.
    let left: Vec<_> = std::fs::read_dir(table.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(nhiemvu(&["extract", "corpus"]).status.code(), Some(2));
    assert_eq!(
        nhiemvu(&["extract", "@/khong/co/danh-sach.txt", "--out", "/tmp"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        nhiemvu(&["extract", "--format", "xml", "corpus"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(nhiemvu(&["extract"]).status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly_and_dash_is_stdout() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .current_dir(root())
        .args([
            "extract", "--format", "ndjson", "--out", "-", "-q", "-j", "1",
        ])
        .args(seeds())
        .arg("corpus")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(first.starts_with(b"{"));
    assert!(!root().join("-").exists(), "`-` is stdout, not a file");
}

#[test]
fn completions_and_colour_follow_the_flags() {
    let bash = nhiemvu(&["completions", "bash"]);
    assert!(bash.status.success());
    let script = String::from_utf8(bash.stdout).unwrap();
    for sub in ["extract", "report", "tasks", "eval"] {
        assert!(
            script.contains(sub),
            "{sub} missing from the completion script"
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("trong.pdf");
    std::fs::write(&missing, b"").unwrap();
    let run = |color: &str| {
        let o = nhiemvu(&[
            "extract",
            "--format",
            "ndjson",
            "--color",
            color,
            "--lang",
            "en",
            s(&missing),
        ]);
        assert_eq!(o.status.code(), Some(1));
        String::from_utf8(o.stderr).unwrap()
    };
    assert!(run("always").contains("\x1b[31m  failed: "));
    let plain = run("never");
    assert!(
        !plain.contains('\x1b') && plain.contains("  failed: "),
        "{plain}"
    );
}

/// Run the binary with `LANG` set (the locale variables of the test's own environment cleared).
fn nhiemvu_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .current_dir(root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let vi = nhiemvu_in("C.UTF-8", &["--help"]);
    assert_eq!(vi.status.code(), Some(0));
    let text = String::from_utf8(vi.stdout).unwrap();
    assert!(text.contains("Cách dùng: nhiemvu"), "{text}");
    assert!(
        text.contains("Lệnh:") && text.contains("Trích xuất văn bản và nhiệm vụ"),
        "{text}"
    );
    assert!(!text.contains("Usage:"), "{text}");
    let sub = nhiemvu_in("vi_VN.UTF-8", &["extract", "--help"]);
    let sub = String::from_utf8(sub.stdout).unwrap();
    // Option names stay English; their texts, defaults and values are Vietnamese.
    assert!(
        sub.contains("--out <PATH>") && sub.contains("Thư mục đầu ra cho json"),
        "{sub}"
    );
    assert!(
        sub.contains("[mặc định: json]") && sub.contains("Tùy chọn:"),
        "{sub}"
    );
    let tasks = String::from_utf8(nhiemvu_in("", &["tasks", "-h"]).stdout).unwrap();
    assert!(tasks.contains("Chỉ nhiệm vụ quá hạn"), "{tasks}");

    for (lang, args) in [
        ("C.UTF-8", vec!["--lang", "en", "--help"]),
        ("en_US.UTF-8", vec!["--help"]),
    ] {
        let en = String::from_utf8(nhiemvu_in(lang, &args).stdout).unwrap();
        assert!(
            en.contains("Usage: nhiemvu") && en.contains("Extract documents"),
            "{en}"
        );
        assert!(!en.contains("Cách dùng"), "{en}");
    }
    // `--lang vi` wins over an English locale.
    let forced = nhiemvu_in("en_US.UTF-8", &["extract", "--help", "--lang", "vi"]);
    assert!(String::from_utf8(forced.stdout)
        .unwrap()
        .contains("Cách dùng"));
}

#[test]
fn usage_errors_are_vietnamese_with_exit_2() {
    let o = nhiemvu_in("C.UTF-8", &["extract", "--fromat", "csv", "tests"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("lỗi: không có tùy chọn '--fromat'"), "{err}");
    assert!(err.contains("gợi ý: có phải ý bạn là '--format'?"), "{err}");
    assert!(err.contains("Cách dùng: nhiemvu extract"), "{err}");
    let o = nhiemvu_in("C.UTF-8", &["extract", "--format", "yaml", "tests"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("giá trị 'yaml' không hợp lệ"), "{err}");
    assert!(err.contains("json, ndjson, csv, xlsx"), "{err}");
    let o = nhiemvu_in("en_US.UTF-8", &["extract", "--fromat", "csv", "tests"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("error: unexpected argument"));
    // The CLI's own usage errors follow the language too.
    let o = nhiemvu_in(
        "C.UTF-8",
        &["extract", "@khong-co-danh-sach.txt", "--out", "-"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("không đọc được tệp danh sách khong-co-danh-sach.txt: không tồn tại"),
        "{err}"
    );
}

#[test]
fn an_input_named_on_the_command_line_that_does_not_exist_is_exit_2_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let missing = tmp.path().join("bao-cao-khong-co.pdf");
    let good = seeds()[0].clone();
    let o = nhiemvu_in(
        "C.UTF-8",
        &["extract", "--out", s(&out), &good, s(&missing)],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains(&format!("{}: không có tệp hay thư mục này", s(&missing))),
        "{err}"
    );
    assert!(err.contains("chưa xử lý văn bản nào"), "{err}");
    // Nothing was started: not even the good input has a record.
    assert!(!out.exists() || files_under(&out).is_empty());
    let en = nhiemvu_in(
        "en_US.UTF-8",
        &["extract", "--format", "ndjson", s(&missing)],
    );
    assert_eq!(en.status.code(), Some(2));
    assert!(en.stdout.is_empty());
    assert!(String::from_utf8(en.stderr)
        .unwrap()
        .contains("no such file or folder"));
}
