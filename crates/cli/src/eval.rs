//! `nhiemvu eval`: score outputs against gold files (docs/output-contract.md, "Gold").
//!
//! A predicted task matches the first unmatched gold task whose quote its text contains,
//! after NFC, lower case, one tone style and with white space removed. Over matched tasks:
//! assignee and coordinator accuracy (the sets of unit keys are equal), due and start
//! accuracy (same day; same minute when gold gives a time), recurring accuracy; target
//! recall counts gold targets found among the predicted targets' raw text.

use clap::Args;
use nhiemvu_model::DocumentRecord;
use nhiemvu_normalizer::text::match_key;
use nhiemvu_normalizer::units::{canonical_unit, unit_key, Locality};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `nhiemvu eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Folder of `<stem>.gold.json` files.
    #[arg(long)]
    pub gold: PathBuf,
    /// Folder of extracted JSON outputs.
    pub output: PathBuf,
    /// Minimum task F1 (0..1).
    #[arg(long)]
    pub min_f1: Option<f64>,
    /// Minimum assignee accuracy.
    #[arg(long)]
    pub min_assignee: Option<f64>,
    /// Minimum due-date accuracy.
    #[arg(long)]
    pub min_due: Option<f64>,
    /// Minimum target recall.
    #[arg(long)]
    pub min_target_recall: Option<f64>,
    /// Also list missed, extra and mismatched tasks on stderr.
    #[arg(long)]
    pub details: bool,
}

#[derive(Deserialize)]
struct GoldFile {
    tasks: Vec<GoldTask>,
}

#[derive(Deserialize)]
struct GoldTask {
    quote: String,
    assignees: Vec<String>,
    coordinators: Vec<String>,
    due: Option<String>,
    start: Option<String>,
    recurring: bool,
    targets: Vec<String>,
}

/// Counts for one document or the total.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
    assignee: usize,
    coordinator: usize,
    due: usize,
    start: usize,
    recurring: usize,
    targets_gold: usize,
    targets_found: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.assignee += o.assignee;
        self.coordinator += o.coordinator;
        self.due += o.due;
        self.start += o.start;
        self.recurring += o.recurring;
        self.targets_gold += o.targets_gold;
        self.targets_found += o.targets_found;
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            1.0
        } else {
            a as f64 / b as f64
        }
    }
    /// Task precision.
    pub fn precision(&self) -> f64 {
        Self::ratio(self.matched, self.predicted)
    }
    /// Task recall.
    pub fn recall(&self) -> f64 {
        Self::ratio(self.matched, self.gold)
    }
    /// Task F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn acc(&self, n: usize) -> f64 {
        Self::ratio(n, self.matched)
    }
}

fn key(s: &str) -> String {
    match_key(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Unit sets are equal when, canonicalised in the document's locality, their keys are.
fn units_equal(pred: &[nhiemvu_model::Unit], gold: &[String], loc: Option<&Locality>) -> bool {
    let p: BTreeSet<String> = pred
        .iter()
        .map(|u| unit_key(&canonical_unit(&u.raw, loc)))
        .collect();
    let g: BTreeSet<String> = gold
        .iter()
        .map(|u| unit_key(&canonical_unit(u, loc)))
        .collect();
    p == g
}

fn moment_equal(pred: Option<String>, gold: &Option<String>) -> bool {
    match (pred, gold) {
        (None, None) => true,
        (Some(p), Some(g)) if g.len() <= 10 => p.len() == 10 && p == *g,
        (Some(p), Some(g)) => p.len() >= 16 && p[..16] == g[..16.min(g.len())],
        _ => false,
    }
}

/// Score one document's record against its gold tasks.
fn score_doc(rec: &DocumentRecord, gold: &[GoldTask], details: bool) -> Score {
    let mut s = Score {
        gold: gold.len(),
        predicted: rec.tasks.len(),
        ..Default::default()
    };
    let keys: Vec<String> = rec.tasks.iter().map(|t| key(&t.text)).collect();
    let mut used = vec![false; rec.tasks.len()];
    for g in gold {
        let q = key(&g.quote);
        let Some(i) = (0..keys.len()).find(|&i| !used[i] && keys[i].contains(&q)) else {
            if details {
                eprintln!("  missed   {:?} {:?}", g.quote, g.assignees);
            }
            continue;
        };
        used[i] = true;
        s.matched += 1;
        let t = &rec.tasks[i];
        let loc = rec
            .document
            .as_ref()
            .and_then(|d| d.locality.as_deref())
            .and_then(Locality::parse);
        let names =
            |us: &[nhiemvu_model::Unit]| us.iter().map(|u| u.raw.clone()).collect::<Vec<_>>();
        let a_ok = units_equal(&t.assignees, &g.assignees, loc.as_ref());
        let c_ok = units_equal(&t.coordinators, &g.coordinators, loc.as_ref());
        let d = t.deadline.as_ref();
        let due = d.and_then(|d| d.due).map(|m| m.to_string());
        let start = d.and_then(|d| d.start).map(|m| m.to_string());
        let due_ok = moment_equal(due.clone(), &g.due);
        let start_ok = moment_equal(start.clone(), &g.start);
        if details && !(a_ok && c_ok && due_ok && start_ok) {
            eprintln!("  mismatch {:?} [{}]", g.quote, t.section);
            if !a_ok {
                eprintln!(
                    "           assignees gold {:?} got {:?}",
                    g.assignees,
                    names(&t.assignees)
                );
            }
            if !c_ok {
                eprintln!(
                    "           coordinators gold {:?} got {:?}",
                    g.coordinators,
                    names(&t.coordinators)
                );
            }
            if !due_ok {
                eprintln!("           due gold {:?} got {:?}", g.due, due);
            }
            if !start_ok {
                eprintln!("           start gold {:?} got {:?}", g.start, start);
            }
        }
        s.assignee += a_ok as usize;
        s.coordinator += c_ok as usize;
        s.due += due_ok as usize;
        s.start += start_ok as usize;
        let rec_pred = d.map(|d| d.recurrence.is_some()).unwrap_or(false);
        s.recurring += (rec_pred == g.recurring) as usize;
        s.targets_gold += g.targets.len();
        if details && (!t.targets.is_empty() || !g.targets.is_empty()) {
            let got: Vec<&str> = t.targets.iter().map(|x| x.raw.as_str()).collect();
            if got.len() != g.targets.len() {
                eprintln!(
                    "  targets  {:?} gold {:?} got {:?}",
                    g.quote, g.targets, got
                );
            }
        }
        let mut pool: Vec<String> = t.targets.iter().map(|x| key(&x.raw)).collect();
        for gt in &g.targets {
            let gk = key(gt);
            if let Some(pos) = pool
                .iter()
                .position(|p| *p == gk || p.contains(&gk) || gk.contains(p.as_str()))
            {
                pool.remove(pos);
                s.targets_found += 1;
            }
        }
    }
    if details {
        for (i, t) in rec.tasks.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let _ = i;
            eprintln!(
                "  extra    [{}] {}",
                t.section,
                t.text.chars().take(90).collect::<String>()
            );
        }
    }
    s
}

fn load_outputs(dir: &Path) -> Result<Vec<DocumentRecord>, String> {
    let mut out = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().map(|x| x == "json").unwrap_or(false) {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let rec: DocumentRecord = serde_json::from_str(&text)
                .map_err(|e| format!("{}: not an output record: {e}", p.display()))?;
            out.push(rec);
        }
    }
    Ok(out)
}

/// Score every gold file against the outputs; print the table; check thresholds.
pub fn run(args: &EvalArgs) -> ExitCode {
    let outputs = match load_outputs(&args.output) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("nhiemvu eval: {e}");
            return ExitCode::from(2);
        }
    };
    let mut golds: Vec<PathBuf> = match std::fs::read_dir(&args.gold) {
        Ok(r) => r
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect(),
        Err(e) => {
            eprintln!("nhiemvu eval: cannot read {}: {e}", args.gold.display());
            return ExitCode::from(2);
        }
    };
    golds.sort();
    println!(
        "{:<28} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>6} {:>6} {:>5} {:>5} {:>5} {:>6}",
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
    let mut total = Score::default();
    for g in &golds {
        let stem = g
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".gold.json", "");
        let gold: GoldFile = match std::fs::read_to_string(g)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(x) => x,
            Err(e) => {
                eprintln!("nhiemvu eval: {}: {e}", g.display());
                return ExitCode::from(2);
            }
        };
        let matching: Vec<&DocumentRecord> = outputs
            .iter()
            .filter(|r| {
                Path::new(&r.source.path)
                    .file_stem()
                    .map(|s| s.to_string_lossy() == stem)
                    .unwrap_or(false)
            })
            .collect();
        if matching.is_empty() {
            eprintln!("nhiemvu eval: no output for {stem}; counted as all missed");
        }
        for rec in matching.iter().copied().chain(
            std::iter::once(&DocumentRecord::new(nhiemvu_model::Source::new(
                &stem,
                "",
                0,
                nhiemvu_model::SourceFormat::Text,
            )))
            .filter(|_| matching.is_empty()),
        ) {
            if args.details {
                eprintln!("{stem}:");
            }
            let s = score_doc(rec, &gold.tasks, args.details);
            print_row(&format!("{stem:.20} {}", short_format(rec)), &s);
            total.add(&s);
        }
    }
    print_row("TOTAL", &total);
    let checks = [
        ("task F1", args.min_f1, total.f1()),
        (
            "assignee accuracy",
            args.min_assignee,
            total.acc(total.assignee),
        ),
        ("due accuracy", args.min_due, total.acc(total.due)),
        (
            "target recall",
            args.min_target_recall,
            Score::ratio(total.targets_found, total.targets_gold),
        ),
    ];
    let mut ok = true;
    for (name, min, got) in checks {
        if let Some(min) = min {
            if got + 1e-9 < min {
                eprintln!("nhiemvu eval: {name} {got:.3} is below {min:.3}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn short_format(rec: &DocumentRecord) -> &'static str {
    match rec.source.format {
        nhiemvu_model::SourceFormat::Pdf => "pdf",
        nhiemvu_model::SourceFormat::Text => "txt",
    }
}

fn print_row(name: &str, s: &Score) {
    println!(
        "{:<28} {:>4} {:>4} {:>4} {:>5.2} {:>5.2} {:>5.2} {:>6.2} {:>6.2} {:>5.2} {:>5.2} {:>5.2} {:>6.2}",
        name,
        s.gold,
        s.predicted,
        s.matched,
        s.precision(),
        s.recall(),
        s.f1(),
        s.acc(s.assignee),
        s.acc(s.coordinator),
        s.acc(s.due),
        s.acc(s.start),
        s.acc(s.recurring),
        Score::ratio(s.targets_found, s.targets_gold)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_compare_as_the_contract_says() {
        assert!(moment_equal(
            Some("2025-10-28T17:00:00+07:00".into()),
            &Some("2025-10-28T17:00".into())
        ));
        assert!(!moment_equal(
            Some("2025-10-28".into()),
            &Some("2025-10-28T17:00".into())
        ));
        assert!(moment_equal(None, &None));
        assert!(!moment_equal(Some("2025-10-31".into()), &None));
    }
}
