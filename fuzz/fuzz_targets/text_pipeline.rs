//! Arbitrary bytes, read as (lossy) UTF-8 text, through the whole text pipeline:
//! text input → legacy-encoding repair and readability → normalizer layout → header →
//! outline → tasks → units, deadlines, targets. Any panic in our code, and any record that
//! breaks the output contract, is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nhiemvu_extractor::{process_bytes, Options};

fuzz_target!(
    init: {
        nhiemvu_fuzz::warm_up_pdf_guard();
        nhiemvu_fuzz::panic_in_our_code_is_fatal();
    },
    |data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        // Input with a PDF signature near the start is routed to the PDF reader: that is
        // the pdf_ingest target's job.
        if text.as_bytes()[..text.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
            return;
        }
        let rec = process_bytes(text.as_bytes(), "fuzz.txt", &Options::default());
        match &rec.error {
            None => {}
            Some(e) if e.kind == "empty" && text.is_empty() => {}
            Some(e) => panic!("valid UTF-8 text gave an error record: {} {}", e.kind, e.message),
        }
        nhiemvu_fuzz::check_record(&rec);
    }
);
