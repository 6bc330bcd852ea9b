//! Regression guard: the pipeline's output for every corpus document and seed text must
//! equal its golden file in `fixtures/expected/`.
//!
//! After an intended change, regenerate with
//! `NHIEMVU_BLESS=1 cargo test -p nhiemvu --test regression`, then READ every changed file
//! (`git diff fixtures/expected`) before committing it.

use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn inputs(root: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for dir in ["corpus", "tests/data/seeds"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            for e in rd.flatten() {
                let p = e.path();
                let ext = p.extension().map(|x| x.to_string_lossy().to_lowercase());
                if matches!(ext.as_deref(), Some("pdf") | Some("txt")) {
                    v.push(Path::new(dir).join(e.file_name()));
                }
            }
        }
    }
    v.sort();
    v
}

fn expected_name(rel: &Path) -> String {
    format!("{}.json", rel.to_string_lossy().replace('/', "__"))
}

#[test]
fn outputs_match_fixtures() {
    let root = repo_root();
    std::env::set_current_dir(&root).unwrap();
    let bless = std::env::var_os("NHIEMVU_BLESS").is_some();
    let list = inputs(&root);
    assert!(
        list.len() >= 5,
        "expected the five seed texts at least, found {list:?}"
    );
    let mut failures = Vec::new();
    for rel in list {
        let rec = nhiemvu_extractor::process_file(&rel, &Default::default());
        let got = nhiemvu_exporter::to_json(&rec).unwrap();
        let path = root.join("fixtures/expected").join(expected_name(&rel));
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &got).unwrap();
            eprintln!("blessed {}", path.display());
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            let diff = similar::TextDiff::from_lines(&want, &got);
            let text = diff
                .unified_diff()
                .context_radius(2)
                .header("expected", "got")
                .to_string();
            let short: String = text.lines().take(60).collect::<Vec<_>>().join("\n");
            failures.push(format!(
                "{} differs from {}:\n{short}",
                rel.display(),
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended: NHIEMVU_BLESS=1 cargo test -p nhiemvu --test regression, then read the diff.",
        failures.join("\n\n")
    );
}
