//! Regression guard: the pipeline's output for every corpus document (`corpus/`, any depth)
//! and every seed text (`tests/data/seeds/*.txt`) must equal its golden file in
//! `fixtures/expected/`, named by the input's repository-relative path with '/' → "__" plus
//! ".json" (`corpus/003_x.pdf` → `fixtures/expected/corpus__003_x.pdf.json`).
//!
//! Inputs are read with the repository root as the base, so `source.path` in the outputs is
//! relative and the same on every machine ("corpus/003_x.pdf").
//!
//! After an intended change, rewrite the expected files with
//!
//! ```sh
//! NHIEMVU_BLESS=1 cargo test -p nhiemvu --test regression
//! ```
//!
//! which prints the files it rewrote (and removes expected files whose input is gone); then
//! READ `git diff fixtures/expected` before committing. Without blessing, a missing or stale
//! expected file is a failure.

use std::path::{Path, PathBuf};

/// How many diff lines to show per differing file.
const DIFF_LINES: usize = 80;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Repository-relative paths of the inputs, sorted.
fn inputs(root: &Path) -> Vec<String> {
    fn walk(root: &Path, rel: &str, exts: &[&str], out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(root.join(rel)) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let child = format!("{rel}/{name}");
            let lower = name.to_lowercase();
            if e.path().is_dir() {
                walk(root, &child, exts, out);
            } else if exts.iter().any(|x| lower.ends_with(x)) {
                out.push(child);
            }
        }
    }
    let mut v = Vec::new();
    walk(root, "corpus", &[".pdf"], &mut v);
    walk(root, "tests/data/seeds", &[".txt"], &mut v);
    v.sort();
    v
}

fn expected_name(rel: &str) -> String {
    format!("{}.json", rel.replace('/', "__"))
}

fn diff(want: &str, got: &str) -> String {
    let text = similar::TextDiff::from_lines(want, got)
        .unified_diff()
        .context_radius(2)
        .header("expected", "got")
        .to_string();
    let total = text.lines().count();
    let mut short: Vec<&str> = text.lines().take(DIFF_LINES).collect();
    let more = format!("… {} more diff lines", total.saturating_sub(DIFF_LINES));
    if total > DIFF_LINES {
        short.push(&more);
    }
    short.join("\n")
}

#[test]
fn outputs_match_fixtures() {
    let root = repo_root();
    let expected_dir = root.join("fixtures/expected");
    let bless = std::env::var_os("NHIEMVU_BLESS").is_some_and(|v| v != "0" && !v.is_empty());
    let list = inputs(&root);
    assert!(
        list.len() >= 5,
        "expected the five seed texts at least, found {list:?}"
    );
    let mut failures = Vec::new();
    let mut rewritten = Vec::new();
    for rel in &list {
        let bytes = std::fs::read(root.join(rel)).unwrap();
        let rec = nhiemvu_extractor::process_bytes(&bytes, rel, &Default::default());
        let got = nhiemvu_exporter::to_json(&rec).unwrap();
        let name = expected_name(rel);
        let path = expected_dir.join(&name);
        let want = std::fs::read_to_string(&path).ok();
        if want.as_deref() == Some(got.as_str()) {
            continue;
        }
        if bless {
            nhiemvu_exporter::write_atomic(&expected_dir, &name, got.as_bytes()).unwrap();
            rewritten.push(format!("fixtures/expected/{name}"));
            continue;
        }
        match want {
            None => failures.push(format!("{rel}: no expected file fixtures/expected/{name}")),
            Some(want) => failures.push(format!(
                "{rel} differs from fixtures/expected/{name}:\n{}",
                diff(&want, &got)
            )),
        }
    }
    // Expected files whose input is gone.
    let wanted: Vec<String> = list.iter().map(|r| expected_name(r)).collect();
    let mut stale: Vec<String> = std::fs::read_dir(&expected_dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json") && !wanted.contains(n))
                .collect()
        })
        .unwrap_or_default();
    stale.sort();
    for name in &stale {
        if bless {
            std::fs::remove_file(expected_dir.join(name)).unwrap();
            rewritten.push(format!("fixtures/expected/{name} (removed: no input)"));
        } else {
            failures.push(format!(
                "fixtures/expected/{name} has no input in corpus/ or tests/data/seeds/"
            ));
        }
    }
    if bless {
        if rewritten.is_empty() {
            eprintln!(
                "NHIEMVU_BLESS: all {} expected files were current",
                list.len()
            );
        } else {
            eprintln!("NHIEMVU_BLESS rewrote {} file(s):", rewritten.len());
            for f in &rewritten {
                eprintln!("  {f}");
            }
            eprintln!("Read `git diff fixtures/expected` before committing.");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs do not match:\n\n{}\n\nIf the change is intended: \
         NHIEMVU_BLESS=1 cargo test -p nhiemvu --test regression, then read the diff.",
        failures.len(),
        list.len(),
        failures.join("\n\n")
    );
}
