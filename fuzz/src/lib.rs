//! Shared checks for the nhiemvu fuzz targets.
//!
//! libFuzzer reports a crash when the process aborts, so the checks here panic (and the
//! libfuzzer-sys panic hook aborts) when a record breaks a promise the pipeline documents:
//! it serialises, and every provenance points inside its page's text on character
//! boundaries. [`panic_in_our_code_is_fatal`] makes panics raised in this workspace's own
//! crates fatal even where the pipeline would contain them, while panics inside third-party
//! parsers (pdf-extract, lopdf, the CMS stack) stay contained as designed.

use nhiemvu_model::{DocumentRecord, Provenance};
use std::panic::{self, PanicHookInfo};

/// The repository root, as rustc records it in panic locations of the workspace crates
/// (absolute: they are path dependencies, not members of the fuzz workspace).
fn repo_root() -> &'static str {
    let manifest = env!("CARGO_MANIFEST_DIR");
    manifest.strip_suffix("/fuzz").unwrap_or(manifest)
}

/// Whether a panic was raised in nhiemvu's own source (its crates, or these checks), not in
/// a dependency or std.
fn raised_in_our_code(info: &PanicHookInfo<'_>) -> bool {
    info.location()
        .map(|l| {
            let file = l.file();
            file.strip_prefix(repo_root())
                .map(|rest| rest.starts_with("/crates/") || rest.starts_with("/fuzz/"))
                .unwrap_or(false)
                || file.starts_with("src/")
                || file.starts_with("fuzz_targets/")
        })
        .unwrap_or(false)
}

/// Install a panic hook, on top of the ones already set, that aborts on any panic raised in
/// nhiemvu's crates (even one the pipeline's `catch_unwind` would turn into an error record)
/// and stays silent for panics raised inside dependencies, which the pipeline contains on
/// purpose. A dependency panic that escapes the pipeline still aborts: libfuzzer-sys aborts
/// when the fuzz body unwinds.
///
/// Call once from the target's `init`, after the extractor's own quiet hook is installed
/// (see [`warm_up_pdf_guard`]): this hook replaces it and libfuzzer-sys's.
pub fn panic_in_our_code_is_fatal() {
    // The hooks below (libfuzzer-sys's abort, the extractor's quiet one) are replaced.
    drop(panic::take_hook());
    panic::set_hook(Box::new(move |info| {
        if raised_in_our_code(info) {
            eprintln!("panic in nhiemvu's own code: {info}");
            std::process::abort();
        }
        // Contained by design; kept only to explain an escape (see `last_dependency_panic`).
        LAST_DEPENDENCY_PANIC.with(|l| *l.borrow_mut() = Some(info.to_string()));
    }));
}

thread_local! {
    static LAST_DEPENDENCY_PANIC: std::cell::RefCell<Option<String>> =
        const { std::cell::RefCell::new(None) };
}

/// The message of the last panic raised in a dependency on this thread, if any.
pub fn last_dependency_panic() -> Option<String> {
    LAST_DEPENDENCY_PANIC.with(|l| l.borrow_mut().take())
}

/// Run the PDF path once on a header-only file so the extractor installs its quiet panic
/// hook (it does so lazily, on the first guarded parse) before ours goes on top.
pub fn warm_up_pdf_guard() {
    let _ = nhiemvu_extractor::process_bytes(b"%PDF-1.4\n", "warm-up.pdf", &Default::default());
}

/// Panics unless `p` lies inside the record's page texts on character boundaries.
fn check_provenance(rec: &DocumentRecord, p: &Provenance, what: &str) {
    let text_of = |page: u32| -> &str {
        assert!(
            page >= 1 && (page as usize) <= rec.pages.len(),
            "{what}: page {page} outside 1..={}",
            rec.pages.len()
        );
        &rec.pages[page as usize - 1].text
    };
    let start_text = text_of(p.page);
    assert!(
        p.start <= start_text.len() && start_text.is_char_boundary(p.start),
        "{what}: start {} not a char boundary of page {} ({} bytes)",
        p.start,
        p.page,
        start_text.len()
    );
    let end_page = p.end_page.unwrap_or(p.page);
    assert!(
        end_page >= p.page,
        "{what}: end page {end_page} before start page {}",
        p.page
    );
    let end_text = text_of(end_page);
    assert!(
        p.end <= end_text.len() && end_text.is_char_boundary(p.end),
        "{what}: end {} not a char boundary of page {end_page} ({} bytes)",
        p.end,
        end_text.len()
    );
    if p.end_page.is_none() {
        assert!(
            p.start <= p.end,
            "{what}: start {} after end {}",
            p.start,
            p.end
        );
    }
}

/// Panics when a record breaks the output contract: it must serialise to JSON, and every
/// task and footnote provenance must point inside the page texts it names.
pub fn check_record(rec: &DocumentRecord) {
    serde_json::to_string(rec).expect("every record serialises to JSON");
    for task in &rec.tasks {
        assert!(!task.id.is_empty(), "task without id");
        check_provenance(rec, &task.provenance, &format!("task {}", task.id));
    }
    for note in &rec.footnotes {
        check_provenance(rec, &note.provenance, &format!("footnote {}", note.marker));
    }
}
