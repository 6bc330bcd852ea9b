//! Unit names: abbreviations expanded and spelling unified so the same unit compares equal.

use crate::text;

/// Abbreviations of unit names and their expansions, longest first.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("VH-XH", "Văn hóa - Xã hội"),
    ("VHXH", "Văn hóa - Xã hội"),
    ("CT-XH", "chính trị - xã hội"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("VP", "Văn phòng"),
];

/// Expand unit abbreviations ("UBND phường" → "Ủy ban nhân dân phường"), whole words only.
pub fn expand_abbreviations(raw: &str) -> String {
    let mut out = text::clean(raw);
    for (abbr, full) in ABBREVIATIONS {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(pos) = rest.find(abbr) {
            let before_ok = rest[..pos]
                .chars()
                .next_back()
                .map(|c| !c.is_alphanumeric())
                .unwrap_or(true);
            let after = &rest[pos + abbr.len()..];
            let after_ok = after
                .chars()
                .next()
                .map(|c| !c.is_alphanumeric())
                .unwrap_or(true);
            result.push_str(&rest[..pos]);
            result.push_str(if before_ok && after_ok { full } else { abbr });
            rest = after;
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// A key under which spellings of the same unit compare equal: abbreviations expanded,
/// one tone style, lower case, dashes unified ("Ủy ban Nhân dân phường" = "UBND phường").
pub fn unit_key(raw: &str) -> String {
    text::match_key(&expand_abbreviations(raw)).replace(" - ", "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_unit_share_a_key() {
        assert_eq!(unit_key("UBND phường"), unit_key("Ủy ban Nhân dân phường"));
        assert_eq!(unit_key("Phòng VH-XH"), unit_key("phòng Văn hóa – Xã hội"));
        assert_eq!(unit_key("Sở KH&CN"), unit_key("Sở Khoa học và Công nghệ"));
        assert_ne!(unit_key("UBND xã"), unit_key("HĐND xã"));
        assert_eq!(expand_abbreviations("UBNDX"), "UBNDX");
    }
}
