//! Counting what a batch did and reporting it on stderr and, optionally, as JSON.

use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// Totals of one `extract` run.
#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct Summary {
    /// Inputs in this run (after sharding): processed + skipped.
    pub documents: usize,
    /// Inputs read and extracted in this run.
    pub processed: usize,
    /// Inputs skipped because a current output already existed (resume).
    pub skipped: usize,
    /// Pages over all documents (skipped ones as their old output recorded).
    pub pages: u64,
    /// Tasks over all documents (skipped ones as their old output recorded).
    pub tasks: u64,
    /// Documents with an error record, or whose output could not be written.
    pub failed: usize,
    /// Failures by error kind (`write` for outputs that could not be written).
    pub failures: BTreeMap<String, usize>,
    /// Wall time in seconds.
    pub elapsed_seconds: f64,
}

impl Summary {
    /// Count one document's outcome.
    pub fn add(&mut self, pages: u32, tasks: usize, error_kind: Option<&str>, skipped: bool) {
        self.documents += 1;
        if skipped {
            self.skipped += 1;
        } else {
            self.processed += 1;
        }
        self.pages += u64::from(pages);
        self.tasks += tasks as u64;
        if let Some(kind) = error_kind {
            self.fail(kind);
        }
    }

    /// Count a failure of `kind` for a document already counted.
    pub fn fail(&mut self, kind: &str) {
        self.failed += 1;
        *self.failures.entry(kind.to_string()).or_default() += 1;
    }

    /// Record the elapsed time.
    pub fn finish(&mut self, elapsed: Duration) {
        self.elapsed_seconds = (elapsed.as_secs_f64() * 1000.0).round() / 1000.0;
    }

    /// The human summary printed on stderr.
    pub fn render(&self) -> String {
        let failures = if self.failures.is_empty() {
            String::new()
        } else {
            let parts: Vec<String> = self
                .failures
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            format!(" ({})", parts.join(", "))
        };
        format!(
            "nhiemvu: {} documents ({} processed, {} skipped), {} pages, {} tasks, {} failed{}, {:.1}s",
            self.documents,
            self.processed,
            self.skipped,
            self.pages,
            self.tasks,
            self.failed,
            failures,
            self.elapsed_seconds
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_renders_failures_by_kind() {
        let mut s = Summary::default();
        s.add(5, 12, None, false);
        s.add(0, 0, Some("not_pdf"), false);
        s.add(3, 4, None, true);
        s.add(0, 0, Some("io"), false);
        s.add(0, 0, Some("io"), true);
        s.fail("write");
        s.finish(Duration::from_millis(1234));
        assert_eq!((s.documents, s.processed, s.skipped), (5, 3, 2));
        assert_eq!((s.pages, s.tasks, s.failed), (8, 16, 4));
        assert_eq!(
            s.render(),
            "nhiemvu: 5 documents (3 processed, 2 skipped), 8 pages, 16 tasks, 4 failed \
             (io: 2, not_pdf: 1, write: 1), 1.2s"
        );
    }
}
