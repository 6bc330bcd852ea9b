//! One test over every table: sorted, unique, NFC, patterns compile, examples read.

use super::tables;
use unicode_normalization::UnicodeNormalization;

#[test]
fn every_table_is_sorted_unique_nfc() {
    for t in tables() {
        let words = t.words();
        assert!(!words.is_empty(), "table {} is empty", t.name());
        for w in &words {
            let nfc: String = w.nfc().collect();
            assert_eq!(&nfc, w, "table {}: {w:?} is not NFC", t.name());
            assert_eq!(w.trim(), *w, "table {}: {w:?} has outer spaces", t.name());
        }
        for pair in words.windows(2) {
            assert!(
                pair[0].as_bytes() < pair[1].as_bytes(),
                "table {}: {:?} must come after {:?} (sorted by bytes, no repeats)",
                t.name(),
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn every_pattern_compiles() {
    for t in tables() {
        for (name, p) in t.patterns() {
            if let Err(e) = regex::Regex::new(&p) {
                panic!("table {}: pattern {name} does not compile: {e}", t.name());
            }
        }
    }
}

#[test]
fn every_example_reads_as_stated() {
    let mut failures = Vec::new();
    for t in tables() {
        for (phrase, want) in t.examples() {
            let got = t.read(phrase);
            if got != *want {
                failures.push(format!("{}: {phrase:?} → {got:?}, want {want:?}", t.name()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn alternation_puts_longer_words_first() {
    let p = super::alternation(["phối hợp", "phối hợp với"], true);
    assert_eq!(p, "[Pp]hối hợp với|[Pp]hối hợp");
}
