//! Tests of `signature`.

use super::pdf_date_rfc3339;

#[test]
fn pdf_dates_become_rfc3339_with_their_offset() {
    let cases = [
        ("D:20250328091500+07'00'", Some("2025-03-28T09:15:00+07:00")),
        ("D:20250328091500+07'00", Some("2025-03-28T09:15:00+07:00")),
        ("D:20250328091500Z", Some("2025-03-28T09:15:00+00:00")),
        ("D:2025032809", Some("2025-03-28T09:00:00+00:00")),
        ("20251231235959-05'30'", Some("2025-12-31T23:59:59-05:30")),
        ("D:20251332000000Z", None),
        ("hôm qua", None),
    ];
    for (raw, want) in cases {
        assert_eq!(pdf_date_rfc3339(raw).as_deref(), want, "{raw}");
    }
}
