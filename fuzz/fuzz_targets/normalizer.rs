//! Arbitrary bytes, as lossy UTF-8, through the normalizer's public functions, checking the
//! promises their docs make: `clean` gives NFC and is idempotent, `match_key` is
//! idempotent, layout offsets stay on the page's character boundaries, legacy conversion and detection, readability and number parsing never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nhiemvu_normalizer::layout::{self, PageIn};
use nhiemvu_normalizer::legacy::{self, LegacyEncoding};
use nhiemvu_normalizer::{numbers, readability, text, units};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();

    let cleaned = text::clean(s);
    assert_eq!(text::clean(&cleaned), cleaned, "clean is not idempotent");
    assert_eq!(text::nfc(&cleaned), cleaned, "clean output is not NFC");
    let key = text::match_key(s);
    assert_eq!(text::match_key(&key), key, "match_key is not idempotent");
    let _ = text::fold_tones(s);

    for enc in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
        let _ = legacy::to_unicode(s, enc, false);
        let _ = legacy::to_unicode(s, enc, true);
        let _ = legacy::from_unicode(s, enc);
    }
    let _ = legacy::detect(s);
    let _ = legacy::repair(s, None);
    let _ = legacy::encoding_for_font(s);

    let _ = readability::assess(s);
    let _ = numbers::parse_vn_number(s);
    let _ = numbers::parse_fraction(s);
    let _ = numbers::roman_to_int(s);
    let _ = units::canonical_unit(s, units::locality_from_issuer(s).as_ref());

    let pages: Vec<&str> = s.split('\u{c}').collect();
    let inputs: Vec<PageIn<'_>> = pages
        .iter()
        .enumerate()
        .map(|(i, t)| PageIn {
            number: i as u32 + 1,
            text: t,
            lines: &[],
        })
        .collect();
    let clean = layout::clean_pages(&inputs);
    let in_page = |page: u32, start: usize, end: usize| {
        let t = pages[page as usize - 1];
        start <= end && end <= t.len() && t.is_char_boundary(start) && t.is_char_boundary(end)
    };
    for l in &clean.all_lines {
        assert!(
            in_page(l.page, l.start, l.end),
            "line offsets outside page: {l:?}"
        );
    }
    for f in &clean.footnotes {
        assert!(
            in_page(f.page, f.start, f.end),
            "footnote offsets outside page: {f:?}"
        );
        assert!(f.lines.iter().all(|&i| i < clean.all_lines.len()));
    }
    for p in layout::paragraphs(&clean) {
        assert!(p.lines.iter().all(|&i| i < clean.all_lines.len()));
    }
});
