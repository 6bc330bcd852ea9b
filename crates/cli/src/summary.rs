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
    /// Every failed input with its error kind and message, in input order.
    pub failed_files: Vec<FailedFile>,
}

/// One input that failed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FailedFile {
    /// The input path.
    pub path: String,
    /// Its error kind (`write` when the output could not be written).
    pub kind: String,
    /// What went wrong.
    pub message: String,
}

/// The language of messages for people: Vietnamese unless asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt (the default).
    Vi,
    /// English (also chosen by an English locale in LC_ALL, LC_MESSAGES or LANG).
    En,
}

impl Lang {
    /// `--lang` when given, else the locale: English for an `en` locale, else Vietnamese.
    pub fn resolve(flag: Option<Lang>) -> Lang {
        if let Some(l) = flag {
            return l;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if locale.starts_with("en") {
            Lang::En
        } else {
            Lang::Vi
        }
    }
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

    /// Name a failed input (its kind already counted).
    pub fn name_failure(&mut self, path: &str, kind: &str, message: &str) {
        self.failed_files.push(FailedFile {
            path: path.to_string(),
            kind: kind.to_string(),
            message: message.to_string(),
        });
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

    /// The human summary printed on stderr, in `lang`, with one line per failed input.
    pub fn render_in(&self, lang: Lang) -> String {
        let mut out = match lang {
            Lang::En => self.render(),
            Lang::Vi => self.render_vi(),
        };
        for f in &self.failed_files {
            let line = match lang {
                Lang::En => format!("\n  failed: {} ({}): {}", f.path, f.kind, f.message),
                Lang::Vi => format!("\n  lỗi: {} ({}): {}", f.path, f.kind, f.message),
            };
            out.push_str(&line);
        }
        out
    }

    /// " (io: 2, not_pdf: 1)", or nothing without failures.
    fn failures_by_kind(&self) -> String {
        if self.failures.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = self
            .failures
            .iter()
            .map(|(k, n)| format!("{k}: {n}"))
            .collect();
        format!(" ({})", parts.join(", "))
    }

    /// The Vietnamese summary line.
    fn render_vi(&self) -> String {
        let failures = self.failures_by_kind();
        format!(
            "nhiemvu: {} văn bản ({} đã xử lý, {} bỏ qua vì đã có kết quả), {} trang, {} nhiệm vụ, {} lỗi{}, {:.1} giây",
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

    /// The English summary line.
    pub fn render(&self) -> String {
        let failures = self.failures_by_kind();
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
        s.name_failure("a/x.pdf", "not_pdf", "not a PDF");
        let vi = s.render_in(Lang::Vi);
        assert!(vi.starts_with("nhiemvu: 5 văn bản (3 đã xử lý"), "{vi}");
        assert!(
            vi.ends_with("\n  lỗi: a/x.pdf (not_pdf): not a PDF"),
            "{vi}"
        );
        assert!(s
            .render_in(Lang::En)
            .contains("\n  failed: a/x.pdf (not_pdf)"));
    }
}
