//! The per-document time limit. Work on one document checks its budget between pages, every
//! few thousand glyphs and between stages, so an endless or pathological file ends with a
//! `time_limit` error instead of holding a worker forever. Threads cannot be killed, so the
//! limit is cooperative: it bounds the work between two checks, not the wall clock exactly.

use crate::error::ExtractError;
use std::time::{Duration, Instant};

/// When a document's work started and how long it may take.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    started: Instant,
    limit: Option<Duration>,
}

impl Budget {
    /// A budget of `limit` starting now; `None` never expires.
    pub fn start(limit: Option<Duration>) -> Self {
        Budget {
            started: Instant::now(),
            limit,
        }
    }

    /// A budget that never expires.
    pub fn unlimited() -> Self {
        Budget::start(None)
    }

    /// Time left before the limit; `None` when there is no limit.
    pub fn remaining(&self) -> Option<Duration> {
        self.limit.map(|l| l.saturating_sub(self.started.elapsed()))
    }

    /// True once the limit has passed.
    pub fn expired(&self) -> bool {
        self.limit
            .map(|l| self.started.elapsed() > l)
            .unwrap_or(false)
    }

    /// `Err(TimeLimit)` once the limit has passed; `during` names the work that was under way.
    pub fn check(&self, during: impl FnOnce() -> String) -> Result<(), ExtractError> {
        if self.expired() {
            Err(self.exceeded(during()))
        } else {
            Ok(())
        }
    }

    /// The error for running out of time `during` some work.
    pub fn exceeded(&self, during: String) -> ExtractError {
        ExtractError::TimeLimit {
            seconds: self.limit.map(|l| l.as_secs()).unwrap_or(0),
            during,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_budget_expires_and_names_the_work() {
        let b = Budget::start(Some(Duration::ZERO));
        std::thread::sleep(Duration::from_millis(2));
        let err = b.check(|| "while reading page 3".into()).unwrap_err();
        assert_eq!(err.kind(), "time_limit");
        assert!(err.to_string().contains("page 3"), "{err}");
        assert!(Budget::unlimited().check(|| unreachable!()).is_ok());
        assert!(Budget::start(Some(Duration::from_secs(3600)))
            .check(|| unreachable!())
            .is_ok());
    }
}
