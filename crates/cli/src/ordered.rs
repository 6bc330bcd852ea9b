//! Run jobs on a thread pool and hand their results back in input order, as they become
//! available, holding at most `window` jobs in flight (running or waiting to be emitted).
//! Memory is bounded by the window, not by the batch.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Arc;

/// What the consumer tells the engine after each result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Start no new jobs; results of jobs already started are still emitted.
    Stop,
}

/// Apply `job` to every item on `pool`, calling `emit(index, result)` in index order.
///
/// At most `window` (at least 1) items are started ahead of the next one to emit. `job` must
/// not panic (wrap it in `catch_unwind`): a job that panics anyway is reported to `emit` as
/// `None` instead of its result, so the order never stalls.
pub fn run_ordered<T, R, J, E>(
    pool: &rayon::ThreadPool,
    items: Vec<T>,
    window: usize,
    job: J,
    mut emit: E,
) where
    T: Send + Sync + 'static,
    R: Send + 'static,
    J: Fn(&T) -> R + Send + Sync + 'static,
    E: FnMut(usize, Option<R>) -> Flow,
{
    let items = Arc::new(items);
    let job = Arc::new(job);
    let total = items.len();
    let window = window.max(1);
    let (tx, rx) = mpsc::channel::<(usize, Option<R>)>();
    let mut pending: BTreeMap<usize, Option<R>> = BTreeMap::new();
    let (mut started, mut next) = (0usize, 0usize);
    let mut stopped = false;
    while next < started || (!stopped && started < total) {
        while !stopped && started < total && started - next < window {
            let (items, job, tx) = (Arc::clone(&items), Arc::clone(&job), tx.clone());
            let i = started;
            pool.spawn(move || {
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&items[i])));
                let _ = tx.send((i, r.ok()));
            });
            started += 1;
        }
        let Ok((i, r)) = rx.recv() else { break };
        pending.insert(i, r);
        while let Some(r) = pending.remove(&next) {
            next += 1;
            if emit(next - 1, r) == Flow::Stop {
                stopped = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_finishing_order() {
        let items: Vec<u64> = (0..50).collect();
        let mut got = Vec::new();
        run_ordered(
            &pool(4),
            items,
            6,
            |&x| {
                // Earlier items take longer, so they finish after later ones.
                let mut acc = 0u64;
                for k in 0..(50 - x) * 20_000 {
                    acc = acc.wrapping_add(k ^ x);
                }
                (x, acc)
            },
            |i, r| {
                got.push((i, r.unwrap().0));
                Flow::Continue
            },
        );
        let want: Vec<(usize, u64)> = (0..50).map(|i| (i, i as u64)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn never_more_than_window_in_flight() {
        let in_flight = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let (f, p) = (Arc::clone(&in_flight), Arc::clone(&peak));
        let mut emitted = 0;
        run_ordered(
            &pool(3),
            (0..40).collect::<Vec<u32>>(),
            5,
            move |&x| {
                let now = f.fetch_add(1, Ordering::SeqCst) + 1;
                p.fetch_max(now, Ordering::SeqCst);
                x
            },
            |_, r| {
                assert!(r.is_some());
                in_flight.fetch_sub(1, Ordering::SeqCst);
                emitted += 1;
                Flow::Continue
            },
        );
        assert_eq!(emitted, 40);
        assert!(peak.load(Ordering::SeqCst) <= 5, "{peak:?}");
    }

    #[test]
    fn a_panicking_job_is_reported_and_stop_ends_early() {
        let mut seen = Vec::new();
        run_ordered(
            &pool(2),
            (0..20).collect::<Vec<u32>>(),
            2,
            |&x| {
                if x == 3 {
                    panic!("job {x} fails");
                }
                x
            },
            |i, r| {
                seen.push((i, r));
                if i == 5 {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            },
        );
        assert_eq!(seen[3], (3, None));
        assert_eq!(seen[4], (4, Some(4)));
        // Stop at 5: the jobs already started (at most the window) still come back in order.
        assert!(seen.len() <= 8, "{seen:?}");
        assert!(seen.iter().enumerate().all(|(k, (i, _))| k == *i));
    }
}
