//! Scoring one document's predicted tasks against its gold tasks (docs/output-contract.md).
//!
//! Rules:
//! - Text key: `match_key` (NFC, lower case, one tone style) with all white space removed.
//! - Task matching: gold tasks in file order; each takes the first not-yet-matched predicted
//!   task whose text key contains the gold quote's key. Unmatched predictions are false
//!   positives, unmatched gold tasks false negatives.
//! - Units (assignees, coordinators), strictly: a matched task's units are right when the
//!   gold list and the predicted list pair up one to one (duplicates removed); a gold string
//!   pairs with a predicted unit when the unit's `name` (never its `raw`) is the same name
//!   after abbreviations, case, tone style and white space are folded, or differs only by the
//!   document's locality added ("Sở Nội vụ" = "Sở Nội vụ tỉnh An Hòa"). A name cut short
//!   ("Trung tâm Khuyến công" for "Trung tâm Khuyến công, Tư vấn …") or run on into the verb that
//!   follows it ("Sở Tài chính triển khai") is wrong.
//! - Due and start: gold `null` = predicted none; a gold date equals a predicted date (not a
//!   date-time); a gold local date-time ("2025-10-28T17:00") equals a predicted date-time
//!   with the same local date, hour and minute ("2025-10-28T17:00:00+07:00"); a gold
//!   date-time with an offset must be the same instant.
//! - Recurring: gold `recurring` equals whether the predicted deadline has a recurrence.
//! - Target recall: each gold target is recalled when some not-yet-used predicted target's
//!   `raw` key equals it, contains it, or is contained in it (each predicted target is used
//!   at most once).

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use nhiemvu_model::{DocumentRecord, Moment, Task, Unit};
use nhiemvu_normalizer::text::match_key;
use nhiemvu_normalizer::units::{canonical_unit, unit_key, Locality};
use serde::{Deserialize, Serialize};

/// One gold task as annotated.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct GoldTask {
    /// A short exact substring of the task's text.
    pub quote: String,
    /// Lead units as written.
    #[serde(default)]
    pub assignees: Vec<String>,
    /// Supporting units as written.
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Due date or date-time.
    #[serde(default)]
    pub due: Option<String>,
    /// Start date or date-time.
    #[serde(default)]
    pub start: Option<String>,
    /// Whether the duty repeats.
    #[serde(default)]
    pub recurring: bool,
    /// Target values as written.
    #[serde(default)]
    pub targets: Vec<String>,
}

/// A gold file: the tasks of one document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFile {
    /// Gold tasks.
    pub tasks: Vec<GoldTask>,
}

impl GoldFile {
    /// Check every date in the file parses; the message names the task.
    pub fn validate(&self) -> Result<(), String> {
        for t in &self.tasks {
            for d in t.due.iter().chain(t.start.iter()) {
                GoldMoment::parse(d).map_err(|e| format!("task {:?}: {e}", t.quote))?;
            }
        }
        Ok(())
    }
}

/// Counts for one document or a total; rates are derived from them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold tasks.
    pub gold: usize,
    /// Predicted tasks.
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Matched tasks with the right assignees.
    pub assignee: usize,
    /// Matched tasks with the right coordinators.
    pub coordinator: usize,
    /// Matched tasks with the right due moment.
    pub due: usize,
    /// Matched tasks with the right start moment.
    pub start: usize,
    /// Matched tasks with the right recurring flag.
    pub recurring: usize,
    /// Gold targets of matched tasks.
    pub targets_gold: usize,
    /// Of those, recalled.
    pub targets_found: usize,
}

/// The rates the table and thresholds use; `None` when the denominator is zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Metrics {
    /// matched / predicted.
    pub precision: Option<f64>,
    /// matched / gold.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall; 1 when there is neither gold nor prediction.
    pub f1: f64,
    /// assignee / matched.
    pub assignee: Option<f64>,
    /// coordinator / matched.
    pub coordinator: Option<f64>,
    /// due / matched.
    pub due: Option<f64>,
    /// start / matched.
    pub start: Option<f64>,
    /// recurring / matched.
    pub recurring: Option<f64>,
    /// targets_found / targets_gold.
    pub target_recall: Option<f64>,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

impl Counts {
    /// Add another document's counts (micro-averaging).
    pub fn add(&mut self, o: &Counts) {
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

    /// The rates of these counts.
    pub fn metrics(&self) -> Metrics {
        let precision = ratio(self.matched, self.predicted);
        let recall = ratio(self.matched, self.gold);
        let f1 = match (precision, recall) {
            (None, None) => 1.0,
            (p, r) => {
                let (p, r) = (p.unwrap_or(0.0), r.unwrap_or(0.0));
                if p + r == 0.0 {
                    0.0
                } else {
                    2.0 * p * r / (p + r)
                }
            }
        };
        Metrics {
            precision,
            recall,
            f1,
            assignee: ratio(self.assignee, self.matched),
            coordinator: ratio(self.coordinator, self.matched),
            due: ratio(self.due, self.matched),
            start: ratio(self.start, self.matched),
            recurring: ratio(self.recurring, self.matched),
            target_recall: ratio(self.targets_found, self.targets_gold),
        }
    }
}

/// What went wrong on one gold task, for `--details`.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// No predicted task contains the quote.
    Missed(String),
    /// A predicted task no gold quote matched: section and text.
    Extra(String, String),
    /// A matched task with a wrong field: quote, field, gold, predicted.
    Wrong(String, &'static str, String, String),
}

/// The text key used for quotes, task texts and targets.
pub fn key(s: &str) -> String {
    match_key(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Score `rec` against `gold`, returning the counts and the findings.
pub fn score(rec: &DocumentRecord, gold: &[GoldTask]) -> (Counts, Vec<Finding>) {
    let mut c = Counts {
        gold: gold.len(),
        predicted: rec.tasks.len(),
        ..Default::default()
    };
    let mut findings = Vec::new();
    let locality = rec
        .document
        .as_ref()
        .and_then(|d| d.locality.as_deref())
        .and_then(Locality::parse);
    let keys: Vec<String> = rec.tasks.iter().map(|t| key(&t.text)).collect();
    let mut used = vec![false; rec.tasks.len()];
    for g in gold {
        let q = key(&g.quote);
        let Some(i) = (0..keys.len()).find(|&i| !used[i] && keys[i].contains(&q)) else {
            findings.push(Finding::Missed(g.quote.clone()));
            continue;
        };
        used[i] = true;
        c.matched += 1;
        let t = &rec.tasks[i];
        let mut check = |ok: bool, field: &'static str, gold: String, got: String| {
            if !ok {
                findings.push(Finding::Wrong(g.quote.clone(), field, gold, got));
            }
            ok as usize
        };
        c.assignee += check(
            units_equal(&t.assignees, &g.assignees, locality.as_ref()),
            "assignees",
            format!("{:?}", g.assignees),
            format!("{:?}", raws(&t.assignees)),
        );
        c.coordinator += check(
            units_equal(&t.coordinators, &g.coordinators, locality.as_ref()),
            "coordinators",
            format!("{:?}", g.coordinators),
            format!("{:?}", raws(&t.coordinators)),
        );
        let due = t.deadline.as_ref().and_then(|d| d.due);
        let start = t.deadline.as_ref().and_then(|d| d.start);
        c.due += check(
            moment_equal(due.as_ref(), g.due.as_deref()),
            "due",
            format!("{:?}", g.due),
            format!("{:?}", due.map(|m| m.to_string())),
        );
        c.start += check(
            moment_equal(start.as_ref(), g.start.as_deref()),
            "start",
            format!("{:?}", g.start),
            format!("{:?}", start.map(|m| m.to_string())),
        );
        let recurring = t
            .deadline
            .as_ref()
            .map(|d| d.recurrence.is_some())
            .unwrap_or(false);
        c.recurring += check(
            recurring == g.recurring,
            "recurring",
            g.recurring.to_string(),
            recurring.to_string(),
        );
        let found = targets_recalled(t, &g.targets);
        c.targets_gold += g.targets.len();
        c.targets_found += found;
        check(
            found == g.targets.len(),
            "targets",
            format!("{:?}", g.targets),
            format!("{:?}", t.targets.iter().map(|x| &x.raw).collect::<Vec<_>>()),
        );
    }
    for (t, _) in rec.tasks.iter().zip(&used).filter(|(_, u)| !**u) {
        findings.push(Finding::Extra(t.section.clone(), t.text.clone()));
    }
    (c, findings)
}

fn raws(units: &[Unit]) -> Vec<&str> {
    units.iter().map(|u| u.raw.as_str()).collect()
}

/// A unit name's key: abbreviations expanded, a bare level completed with the document's
/// locality, then case, tone style and white space folded.
fn unit_name_key(name: &str, loc: Option<&Locality>) -> String {
    key(&unit_key(&canonical_unit(name, loc)))
}

/// Strict equality of a predicted unit name and a gold name (see the module doc): the same
/// name, or the same but for the document's locality added to one of them.
pub fn unit_names_equal(pred: &str, gold: &str, loc: Option<&Locality>) -> bool {
    let (p, g) = (unit_name_key(pred, loc), unit_name_key(gold, loc));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    if p == g {
        return true;
    }
    let Some(loc) = loc else {
        return false;
    };
    let suffix = key(&loc.to_string());
    let strip = |k: &str| k.strip_suffix(suffix.as_str()).unwrap_or(k).to_string();
    strip(&p) == strip(&g)
}

/// See the module doc: one-to-one pairing of gold strings and predicted units by name.
pub fn units_equal(pred: &[Unit], gold: &[String], loc: Option<&Locality>) -> bool {
    let mut p: Vec<&str> = Vec::new();
    for u in pred {
        if !p.iter().any(|x| unit_names_equal(x, &u.name, loc)) {
            p.push(&u.name);
        }
    }
    let mut g: Vec<&str> = Vec::new();
    for s in gold {
        if !g.iter().any(|x| unit_names_equal(x, s, loc)) {
            g.push(s);
        }
    }
    if p.len() != g.len() {
        return false;
    }
    let mut used = vec![false; p.len()];
    g.iter().all(|gs| {
        let hit = (0..p.len()).find(|&i| !used[i] && unit_names_equal(p[i], gs, loc));
        hit.map(|i| used[i] = true).is_some()
    })
}

/// A gold due or start value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoldMoment {
    /// A whole day.
    Date(NaiveDate),
    /// A local time on a day, no offset given.
    Local(NaiveDateTime),
    /// A time with an offset.
    Instant(DateTime<chrono::FixedOffset>),
}

impl GoldMoment {
    /// Parse "2026-06-30", "2025-10-28T17:00", "2025-10-28T17:00:00" or RFC 3339.
    pub fn parse(s: &str) -> Result<GoldMoment, String> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(GoldMoment::Date(d));
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(GoldMoment::Instant(t));
        }
        for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
                return Ok(GoldMoment::Local(t));
            }
        }
        Err(format!("not a date or date-time: {s:?}"))
    }
}

/// See the module doc for the rule.
pub fn moment_equal(pred: Option<&Moment>, gold: Option<&str>) -> bool {
    let (p, g) = match (pred, gold) {
        (None, None) => return true,
        (Some(p), Some(g)) => (p, g),
        _ => return false,
    };
    match (p, GoldMoment::parse(g)) {
        (Moment::Date(p), Ok(GoldMoment::Date(g))) => *p == g,
        (Moment::DateTime(p), Ok(GoldMoment::Local(g))) => {
            let local = p.naive_local();
            local.date() == g.date()
                && local.format("%H:%M").to_string() == g.format("%H:%M").to_string()
        }
        (Moment::DateTime(p), Ok(GoldMoment::Instant(g))) => *p == g,
        _ => false,
    }
}

/// How many gold targets some predicted target recalls (see the module doc).
fn targets_recalled(task: &Task, gold: &[String]) -> usize {
    let mut pool: Vec<String> = task.targets.iter().map(|t| key(&t.raw)).collect();
    let mut found = 0;
    for g in gold {
        let gk = key(g);
        if gk.is_empty() {
            continue;
        }
        let hit = pool.iter().position(|p| {
            !p.is_empty() && (*p == gk || p.contains(&gk) || gk.contains(p.as_str()))
        });
        if let Some(i) = hit {
            pool.remove(i);
            found += 1;
        }
    }
    found
}

/// A signer as the metadata gold gives it.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct GoldSigner {
    /// Position ("Phó Chủ tịch").
    #[serde(default)]
    pub position: Option<String>,
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A `<stem>.meta.json` file: the document's metadata as annotated.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct GoldMeta {
    /// Kind as the output names it ("ke_hoach").
    #[serde(default)]
    pub kind: Option<String>,
    /// Number and symbol; `null` when blank.
    #[serde(default)]
    pub number: Option<String>,
    /// Issuing body, written as a name.
    #[serde(default)]
    pub issuer: Option<String>,
    /// ISO date; `null` when blank.
    #[serde(default)]
    pub date: Option<String>,
    /// Title or subject.
    #[serde(default)]
    pub title: Option<String>,
    /// Signers in order.
    #[serde(default)]
    pub signers: Vec<GoldSigner>,
}

/// The metadata fields scored, in report order.
pub const META_FIELDS: [&str; 6] = ["kind", "number", "issuer", "date", "title", "signer"];

/// Right answers per metadata field over `docs` documents.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MetaCounts {
    /// Documents scored.
    pub docs: usize,
    /// Right answers, one per field of [`META_FIELDS`].
    pub right: [usize; 6],
}

impl MetaCounts {
    /// Add another document's counts.
    pub fn add(&mut self, o: &MetaCounts) {
        self.docs += o.docs;
        for (a, b) in self.right.iter_mut().zip(o.right) {
            *a += b;
        }
    }
    /// Accuracy of each field, `None` when no document was scored.
    pub fn rates(&self) -> [Option<f64>; 6] {
        self.right.map(|r| ratio(r, self.docs))
    }
}

/// A title's key: "V/v" or "Về việc" dropped, case, tone style, white space and trailing
/// punctuation folded.
fn title_key(t: &str) -> String {
    let k = key(t);
    let k = k
        .strip_prefix("v/v")
        .or_else(|| k.strip_prefix("vềviệc"))
        .unwrap_or(&k);
    k.trim_matches(|c: char| matches!(c, '.' | ':' | ';' | ','))
        .to_string()
}

fn same(pred: Option<&str>, gold: Option<&str>, f: fn(&str) -> String) -> bool {
    pred.map(f).filter(|k| !k.is_empty()) == gold.map(f).filter(|k| !k.is_empty())
}

/// Score one record's metadata against its gold; `findings` gets each wrong field.
pub fn score_meta(rec: &DocumentRecord, gold: &GoldMeta) -> (MetaCounts, Vec<Finding>) {
    let d = rec.document.clone().unwrap_or_default();
    let kind = serde_json::to_value(d.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string));
    let pred_signers: Vec<(String, String)> = d
        .signers
        .iter()
        .map(|s| {
            let p = s.position.as_deref().map(key).unwrap_or_default();
            (p, s.name.as_deref().map(key).unwrap_or_default())
        })
        .collect();
    let gold_signers: Vec<(String, String)> = gold
        .signers
        .iter()
        .map(|s| {
            let p = s.position.as_deref().map(key).unwrap_or_default();
            (p, s.name.as_deref().map(key).unwrap_or_default())
        })
        .collect();
    let checks: [(bool, String, String); 6] = [
        (
            same(kind.as_deref(), gold.kind.as_deref(), key),
            gold.kind.clone().unwrap_or_default(),
            kind.unwrap_or_default(),
        ),
        (
            same(d.number.as_deref(), gold.number.as_deref(), key),
            gold.number.clone().unwrap_or_default(),
            d.number.clone().unwrap_or_default(),
        ),
        (
            same(d.issuer.as_deref(), gold.issuer.as_deref(), key),
            gold.issuer.clone().unwrap_or_default(),
            d.issuer.clone().unwrap_or_default(),
        ),
        {
            let date = d.date.map(|x| x.format("%Y-%m-%d").to_string());
            (
                date.as_deref() == gold.date.as_deref(),
                gold.date.clone().unwrap_or_default(),
                date.unwrap_or_default(),
            )
        },
        (
            same(d.title.as_deref(), gold.title.as_deref(), title_key),
            gold.title.clone().unwrap_or_default(),
            d.title.clone().unwrap_or_default(),
        ),
        (
            pred_signers == gold_signers,
            format!("{gold_signers:?}"),
            format!("{pred_signers:?}"),
        ),
    ];
    let mut c = MetaCounts {
        docs: 1,
        ..Default::default()
    };
    let mut findings = Vec::new();
    for (i, (ok, want, got)) in checks.into_iter().enumerate() {
        if ok {
            c.right[i] += 1;
        } else {
            findings.push(Finding::Wrong(
                "(metadata)".into(),
                META_FIELDS[i],
                want,
                got,
            ));
        }
    }
    (c, findings)
}

#[cfg(test)]
mod tests;
