//! The Kubernetes Indexed Job manifest (`deploy/k8s/indexed-job.yaml`) works as written: its
//! container command and env, run here once per `JOB_COMPLETION_INDEX` in `0..completions`
//! with `/data` mapped to a temporary folder, give every input exactly one record, and the
//! shards' records together are the whole input with no overlap.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The value after `key:` on the first line that has it (flow sequences are JSON arrays).
fn field<'a>(yaml: &'a str, key: &str) -> &'a str {
    yaml.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|l| l.trim().strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no {key} in the manifest"))
        .trim()
}

/// The container's `env` as (name, value) pairs.
fn env(yaml: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = yaml.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(name) = l.strip_prefix("- name: ") {
            if let Some(v) = lines.get(i + 1).and_then(|n| n.strip_prefix("value: ")) {
                out.push((name.to_string(), v.trim_matches('"').to_string()));
            }
        }
    }
    out
}

#[test]
fn the_indexed_job_manifest_shards_the_whole_input_without_overlap() {
    let yaml = std::fs::read_to_string(root().join("deploy/k8s/indexed-job.yaml")).unwrap();
    assert_eq!(field(&yaml, "completionMode"), "Indexed");
    let completions: u32 = field(&yaml, "completions").parse().unwrap();
    assert_eq!(field(&yaml, "parallelism"), completions.to_string());
    let command: Vec<String> = serde_json::from_str(field(&yaml, "command")).unwrap();
    assert_eq!(command[0], "nhiemvu");
    let env = env(&yaml);
    assert!(
        env.iter()
            .any(|(k, v)| k == "NHIEMVU_SHARD_COUNT" && *v == completions.to_string()),
        "the shard count must equal completions: {env:?}"
    );

    // /data/in: the seed texts and two PDFs.
    let data = tempfile::tempdir().unwrap();
    let input = data.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let mut want: Vec<String> = Vec::new();
    for e in std::fs::read_dir(root().join("tests/data/seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            std::fs::copy(&p, input.join(&name)).unwrap();
            want.push(format!("{name}.json"));
        }
    }
    for g in ["000_cc8a43722e178857.pdf", "003_40982fe340064d63.pdf"] {
        std::fs::copy(root().join("corpus").join(g), input.join(g)).unwrap();
        want.push(format!("{g}.json"));
    }
    want.sort();
    let data_dir = data.path().to_string_lossy().into_owned();
    let mut union: Vec<String> = Vec::new();
    for index in 0..completions {
        // Each pod writes into the shared /data/out; a separate run per index also lets the
        // test see which records each shard wrote.
        let out = data.path().join("out");
        let before: Vec<String> = listing(&out);
        let args: Vec<String> = command[1..]
            .iter()
            .map(|a| a.replace("/data", &data_dir))
            .collect();
        let o = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
            .args(&args)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("JOB_COMPLETION_INDEX", index.to_string())
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "index {index}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let after = listing(&out);
        union.extend(after.into_iter().filter(|n| !before.contains(n)));
    }
    let n = union.len();
    union.sort();
    union.dedup();
    assert_eq!(union.len(), n, "shards overlap");
    assert_eq!(union, want, "the shards together are not the whole input");
}

/// The record names in `dir` (none when it does not exist yet).
fn listing(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<String> = rd
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    v.sort();
    v
}
