//! Arbitrary bytes through the PDF entry point (`process_bytes` with a `.pdf` name): lopdf
//! parsing, page walk limits, glyph collection and layout, annotations, signatures, then
//! the text pipeline. The entry never panics by contract, so a crash is a panic in our own
//! code (contained or not), a dependency panic that escaped, an abort, a stack overflow, an
//! out-of-memory or a timeout; a record that breaks the output contract is a crash too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nhiemvu_extractor::{process_bytes, Options};
use std::panic::{self, AssertUnwindSafe};

fuzz_target!(
    init: {
        nhiemvu_fuzz::warm_up_pdf_guard();
        nhiemvu_fuzz::panic_in_our_code_is_fatal();
    },
    |data: &[u8]| {
        let run = panic::catch_unwind(AssertUnwindSafe(|| {
            process_bytes(data, "fuzz.pdf", &Options::default())
        }));
        let rec = match run {
            Ok(rec) => rec,
            Err(_) => {
                let why = nhiemvu_fuzz::last_dependency_panic().unwrap_or_default();
                eprintln!("a panic escaped process_bytes: {why}");
                std::process::abort();
            }
        };
        nhiemvu_fuzz::check_record(&rec);
    }
);
