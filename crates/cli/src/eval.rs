//! `nhiemvu eval`: score extracted outputs against gold files, print a table, gate on
//! thresholds. The scoring rules are in [`crate::score`].

use crate::score::{
    score, score_meta, Counts, Finding, GoldFile, GoldMeta, MetaCounts, Metrics, META_FIELDS,
};
use clap::Args;
use nhiemvu_model::{DocumentRecord, Source, SourceFormat};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `nhiemvu eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Folder of `<stem>.gold.json` files.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Folder of per-document JSON outputs (searched recursively) or an NDJSON file.
    #[arg(value_name = "OUTPUT")]
    pub output: PathBuf,
    /// Fail (exit 1) when the total task F1 is below X (0..1).
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Fail when the total assignee accuracy is below X.
    #[arg(long, value_name = "X")]
    pub min_assignee: Option<f64>,
    /// Fail when the total due accuracy is below X.
    #[arg(long, value_name = "X")]
    pub min_due: Option<f64>,
    /// Fail when the total target recall is below X.
    #[arg(long, value_name = "X")]
    pub min_target_recall: Option<f64>,
    /// Folder of `<stem>.meta.json` metadata gold; default: a `meta` folder beside `--gold`
    /// when there is one.
    #[arg(long, value_name = "DIR")]
    pub meta: Option<PathBuf>,
    /// Fail when the accuracy of any metadata field is below X.
    #[arg(long, value_name = "X")]
    pub min_meta: Option<f64>,
    /// Also save the numbers as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Also list missed, extra and mismatched tasks on stderr.
    #[arg(long)]
    pub details: bool,
}

/// One row of the table.
#[derive(Debug, Serialize)]
struct Row {
    /// Gold file stem.
    document: String,
    /// `source.path` of the output scored, `null` when there was none.
    source: Option<String>,
    counts: Counts,
    metrics: Metrics,
}

/// One threshold and whether it was met.
#[derive(Debug, Serialize)]
struct Check {
    name: &'static str,
    min: f64,
    value: Option<f64>,
    met: bool,
}

/// Everything `--json` saves.
#[derive(Debug, Serialize)]
struct Report {
    documents: Vec<Row>,
    total: Row,
    thresholds: Vec<Check>,
    passed: bool,
    /// Metadata accuracy per field, when metadata gold was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<MetaReport>,
}

/// Metadata accuracy over the outputs scored.
#[derive(Debug, Serialize)]
struct MetaReport {
    counts: MetaCounts,
    accuracy: std::collections::BTreeMap<&'static str, Option<f64>>,
}

/// The metadata gold folder: `--meta`, else a `meta` folder beside the gold folder.
fn meta_dir(args: &EvalArgs) -> Option<PathBuf> {
    if let Some(m) = &args.meta {
        return Some(m.clone());
    }
    let gold = args.gold.canonicalize().ok()?;
    let sibling = gold.parent()?.join("meta");
    sibling.is_dir().then_some(sibling)
}

/// The metadata gold of `stem` in `dir`, if annotated.
fn load_meta(dir: &Path, stem: &str) -> Result<Option<GoldMeta>, String> {
    let p = dir.join(format!("{stem}.meta.json"));
    if !p.is_file() {
        return Ok(None);
    }
    std::fs::read_to_string(&p)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        .map(Some)
        .map_err(|e| format!("{}: {e}", p.display()))
}

/// A problem with the arguments or files: exit status 2.
fn usage(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("nhiemvu eval: {msg}");
    ExitCode::from(2)
}

/// Run `eval`; 0 when every given threshold is met, 1 when one is not, 2 on bad input.
pub fn run(args: &EvalArgs) -> ExitCode {
    let outputs = match load_outputs(&args.output) {
        Ok(o) => o,
        Err(e) => return usage(e),
    };
    let golds = match load_golds(&args.gold) {
        Ok(g) => g,
        Err(e) => return usage(e),
    };
    if golds.is_empty() {
        return usage(format_args!(
            "no *.gold.json files in {}",
            args.gold.display()
        ));
    }
    let meta = meta_dir(args);
    if let Some(m) = args.meta.as_ref().filter(|m| !m.is_dir()) {
        return usage(format_args!("cannot read {}", m.display()));
    }
    let mut meta_total = MetaCounts::default();
    let mut rows = Vec::new();
    let mut total = Counts::default();
    for (stem, gold) in &golds {
        let matching: Vec<&DocumentRecord> = outputs
            .iter()
            .filter(|r| source_stem(&r.source.path) == *stem)
            .collect();
        if matching.is_empty() {
            eprintln!("nhiemvu eval: no output for {stem}; all its gold tasks count as missed");
            let empty = DocumentRecord::new(Source::new("", "", 0, SourceFormat::Text));
            let (c, _) = score(&empty, &gold.tasks);
            rows.push(row(stem, None, c));
            total.add(&c);
        }
        let gold_meta = match meta.as_deref().map(|d| load_meta(d, stem)) {
            Some(Err(e)) => return usage(e),
            Some(Ok(m)) => m,
            None => None,
        };
        for rec in matching {
            let (c, mut findings) = score(rec, &gold.tasks);
            if let Some(gm) = &gold_meta {
                let (mc, mf) = score_meta(rec, gm);
                meta_total.add(&mc);
                findings.extend(mf);
            }
            if args.details {
                print_findings(stem, &rec.source.path, &findings);
            }
            rows.push(row(stem, Some(rec.source.path.clone()), c));
            total.add(&c);
        }
    }
    let total = row("TOTAL", None, total);
    print!("{}", render_table(&rows, &total));
    let meta_rates = meta_total.rates();
    if meta_total.docs > 0 {
        print!("{}", render_meta(&meta_total));
    }
    let m = &total.metrics;
    let mut wanted = vec![
        ("task F1", args.min_f1, Some(m.f1)),
        ("assignee accuracy", args.min_assignee, m.assignee),
        ("due accuracy", args.min_due, m.due),
        ("target recall", args.min_target_recall, m.target_recall),
    ];
    if meta_total.docs > 0 {
        for (name, rate) in META_FIELDS.iter().zip(meta_rates) {
            wanted.push((name, args.min_meta, rate));
        }
    }
    let checks: Vec<Check> = wanted
        .into_iter()
        .filter_map(|(name, min, value)| {
            let min = min?;
            // A rate with nothing to measure (no matched task, no gold target) is met.
            let met = value.map(|v| v + 1e-9 >= min).unwrap_or(true);
            Some(Check {
                name,
                min,
                value,
                met,
            })
        })
        .collect();
    for c in checks.iter().filter(|c| !c.met) {
        eprintln!(
            "nhiemvu eval: {} {} is below {:.3}",
            c.name,
            fmt_rate(c.value),
            c.min
        );
    }
    let passed = checks.iter().all(|c| c.met);
    if let Some(path) = &args.json {
        let report = Report {
            documents: rows,
            total,
            thresholds: checks,
            passed,
            metadata: (meta_total.docs > 0).then(|| MetaReport {
                counts: meta_total,
                accuracy: META_FIELDS.iter().copied().zip(meta_rates).collect(),
            }),
        };
        let text = serde_json::to_string_pretty(&report).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(path, text) {
            return usage(format_args!("cannot write {}: {e}", path.display()));
        }
    }
    if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One line of metadata accuracy per field ("metadata (22 outputs): kind 0.95 …").
fn render_meta(c: &MetaCounts) -> String {
    let fields: Vec<String> = META_FIELDS
        .iter()
        .zip(c.rates())
        .map(|(f, r)| format!("{f} {}", fmt_rate(r)))
        .collect();
    format!("metadata ({} outputs): {}\n", c.docs, fields.join("  "))
}

fn row(document: &str, source: Option<String>, counts: Counts) -> Row {
    Row {
        document: document.to_string(),
        source,
        metrics: counts.metrics(),
        counts,
    }
}

/// The file stem of an output's `source.path` ("corpus/003_x.pdf" → "003_x").
fn source_stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Gold files sorted by name, each with its stem.
fn load_golds(dir: &Path) -> Result<Vec<(String, GoldFile)>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            let stem = name.trim_end_matches(".gold.json").to_string();
            let gold: GoldFile = std::fs::read_to_string(&p)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
                .and_then(|g: GoldFile| g.validate().map(|_| g))
                .map_err(|e| format!("{}: {e}", p.display()))?;
            Ok((stem, gold))
        })
        .collect()
}

/// Records from a folder of JSON outputs (recursive; hidden entries and JSON files that are
/// not output records are skipped with a note) or from an NDJSON file (every line must be a
/// record).
fn load_outputs(path: &Path) -> Result<Vec<DocumentRecord>, String> {
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        return text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| {
                serde_json::from_str(l).map_err(|e| {
                    format!(
                        "{} line {}: not an output record: {e}",
                        path.display(),
                        n + 1
                    )
                })
            })
            .collect();
    }
    if !path.is_dir() {
        return Err(format!("{} is neither a folder nor a file", path.display()));
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| e.to_string())?;
        let p = entry.path();
        if !entry.file_type().is_file() || p.extension().map(|x| x != "json").unwrap_or(true) {
            continue;
        }
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        match serde_json::from_str::<DocumentRecord>(&text) {
            Ok(rec) => out.push(rec),
            Err(e) => eprintln!(
                "nhiemvu eval: skipping {}: not an output record ({e})",
                p.display()
            ),
        }
    }
    Ok(out)
}

fn print_findings(stem: &str, source: &str, findings: &[Finding]) {
    eprintln!("{stem} ({source}):");
    for f in findings {
        match f {
            Finding::Missed(q) => eprintln!("  missed   {q:?}"),
            Finding::Extra(section, text) => eprintln!(
                "  extra    [{section}] {}",
                text.chars().take(90).collect::<String>()
            ),
            Finding::Wrong(q, field, gold, got) => {
                eprintln!("  wrong    {q:?} {field}: gold {gold} got {got}")
            }
        }
    }
}

/// A rate with two decimals, or "-" when there was nothing to measure.
fn fmt_rate(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into())
}

/// Document label: the gold stem (at most 24 characters) and the output's format.
fn label(r: &Row) -> String {
    let stem: String = r.document.chars().take(24).collect();
    let ext = r
        .source
        .as_deref()
        .and_then(|s| Path::new(s).extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    match (&r.source, ext) {
        (None, _) if r.document == "TOTAL" => stem,
        (None, _) => format!("{stem} (none)"),
        (Some(_), Some(ext)) => format!("{stem} {ext}"),
        (Some(_), None) => stem,
    }
}

/// The fixed-width table: a header, one row per scored output, the TOTAL row (micro-averaged).
fn render_table(rows: &[Row], total: &Row) -> String {
    let mut s = format!(
        "{:<31} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>6} {:>6} {:>5} {:>5} {:>5} {:>6}\n",
        "document",
        "gold",
        "pred",
        "hit",
        "P",
        "R",
        "F1",
        "assig",
        "coord",
        "due",
        "start",
        "recur",
        "target"
    );
    for r in rows.iter().chain(std::iter::once(total)) {
        let (c, m) = (&r.counts, &r.metrics);
        s.push_str(&format!(
            "{:<31} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5.2} {:>6} {:>6} {:>5} {:>5} {:>5} {:>6}\n",
            label(r),
            c.gold,
            c.predicted,
            c.matched,
            fmt_rate(m.precision),
            fmt_rate(m.recall),
            m.f1,
            fmt_rate(m.assignee),
            fmt_rate(m.coordinator),
            fmt_rate(m.due),
            fmt_rate(m.start),
            fmt_rate(m.recurring),
            fmt_rate(m.target_recall),
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_fixed_width_and_unmeasured_rates_show_a_dash() {
        let c = Counts {
            gold: 4,
            predicted: 5,
            matched: 3,
            assignee: 2,
            coordinator: 3,
            due: 3,
            start: 3,
            recurring: 3,
            targets_gold: 0,
            targets_found: 0,
        };
        let rows = vec![
            row(
                "003_40982fe340064d63",
                Some("corpus/003_40982fe340064d63.pdf".into()),
                c,
            ),
            row(
                "004_f4dc75817bcbd3bd",
                None,
                Counts {
                    gold: 2,
                    ..Default::default()
                },
            ),
        ];
        let mut t = c;
        t.add(&rows[1].counts);
        let table = render_table(&rows, &row("TOTAL", None, t));
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(
            lines
                .iter()
                .all(|l| l.chars().count() == lines[0].chars().count()),
            "{table}"
        );
        assert_eq!(
            lines[1],
            "003_40982fe340064d63 pdf           4    5    3  0.60  0.75  0.67   0.67   1.00  1.00  1.00  1.00      -"
        );
        assert!(
            lines[2].starts_with("004_f4dc75817bcbd3bd (none)"),
            "{table}"
        );
        assert!(
            lines[2].ends_with(
                "    2    0    0     -  0.00  0.00      -      -     -     -     -      -"
            ),
            "{table}"
        );
        assert!(lines[3].starts_with("TOTAL      "), "{table}");
    }
}
