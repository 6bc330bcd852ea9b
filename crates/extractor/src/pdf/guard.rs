//! Containing pdf-extract's panics.
//!
//! pdf-extract panics on many odd files (on purpose, upstream). Each page is drawn inside
//! [`guarded`], which turns a panic into an error message. The default panic hook would still
//! print every contained panic to stderr, so a hook installed once stays quiet while the
//! current thread is inside a guarded section and hands every other panic to the previous hook.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<u32> = const { Cell::new(0) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
}

/// Restores the quiet counter even when the guarded code unwinds.
struct QuietSection;

impl QuietSection {
    fn enter() -> Self {
        QUIET.with(|q| q.set(q.get() + 1));
        QuietSection
    }
}

impl Drop for QuietSection {
    fn drop(&mut self) {
        QUIET.with(|q| q.set(q.get().saturating_sub(1)));
    }
}

/// Run `f`, turning a panic into `Err(message)` without printing it.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let _quiet = QuietSection::enter();
    panic::catch_unwind(AssertUnwindSafe(f))
        .map_err(|payload| crate::error::panic_message(&payload))
}
