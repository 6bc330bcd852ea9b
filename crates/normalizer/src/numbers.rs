//! Numbers in Vietnamese notation ("8.608", "94,97", "1.234,5") and Roman numerals.

/// Parse a number written the Vietnamese way: ',' is the decimal separator and '.' groups
/// thousands ("8.608" → 8608, "94,97" → 94.97). A single '.' followed by other than exactly
/// three digits is read as a decimal point ("0.60" → 0.6), as tables often write it.
pub fn parse_vn_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let dots = s.matches('.').count();
    let normalized = if s.contains(',') {
        // "1.234,5": dots group, the comma is the decimal point.
        s.replace('.', "").replace(',', ".")
    } else if dots == 1 {
        let frac = s.split('.').nth(1).unwrap_or("");
        if frac.len() == 3 {
            s.replace('.', "")
        } else {
            s.to_string()
        }
    } else {
        s.replace('.', "")
    };
    normalized.parse().ok()
}

/// A fraction such as "4.796/5.050" as (numerator, denominator).
pub fn parse_fraction(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once('/')?;
    Some((parse_vn_number(a)?, parse_vn_number(b)?))
}

const ROMAN: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Roman numeral for 1..=3999.
pub fn int_to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in ROMAN {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Value of a canonical Roman numeral ("IV" → 4); `None` for anything else ("IIII", "VX").
pub fn roman_to_int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let mut total = 0u32;
    let mut rest = s;
    for (v, sym) in ROMAN {
        while let Some(r) = rest.strip_prefix(sym) {
            total += v;
            rest = r;
        }
    }
    (rest.is_empty() && total > 0 && int_to_roman(total) == s).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_notation() {
        assert_eq!(parse_vn_number("8.608"), Some(8608.0));
        assert_eq!(parse_vn_number("94,97"), Some(94.97));
        assert_eq!(parse_vn_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_vn_number("1.633.000"), Some(1633000.0));
        assert_eq!(parse_vn_number("03"), Some(3.0));
        assert_eq!(parse_vn_number("1,0"), Some(1.0));
        assert_eq!(parse_vn_number("0.60"), Some(0.6));
        assert_eq!(parse_vn_number("abc"), None);
        assert_eq!(parse_fraction("4.796/5.050"), Some((4796.0, 5050.0)));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_to_int("IV"), Some(4));
        assert_eq!(roman_to_int("XIV"), Some(14));
        assert_eq!(roman_to_int("IIII"), None);
        assert_eq!(roman_to_int("VX"), None);
        assert_eq!(int_to_roman(39), "XXXIX");
    }

    proptest! {
        #[test]
        fn roman_round_trips(n in 1u32..4000) {
            prop_assert_eq!(roman_to_int(&int_to_roman(n)), Some(n));
        }

        #[test]
        fn thousands_groups_round_trip(n in 0u64..10_000_000_000) {
            // Write n the Vietnamese way and read it back.
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push('.');
                }
                grouped.push(c);
            }
            prop_assert_eq!(parse_vn_number(&grouped), Some(n as f64));
        }
    }
}
