//! Unit names: abbreviations expanded and spelling unified so the same unit compares equal.

use crate::lexicon::{gazetteer, heads, levels};
use crate::text;
use rayon::prelude::*;

/// Abbreviations of unit names (the gazetteer's table), longest first so "UBMTTQVN" wins
/// over "MTTQ".
static ABBREVIATIONS: once_cell::sync::Lazy<Vec<(&'static str, &'static str)>> =
    once_cell::sync::Lazy::new(|| {
        let mut v = gazetteer::ABBREVIATIONS.to_vec();
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        v
    });

/// Expand unit abbreviations ("UBND phường" → "Ủy ban nhân dân phường"), whole words only.
pub fn expand_abbreviations(raw: &str) -> String {
    let mut out = text::clean(raw);
    for (abbr, full) in ABBREVIATIONS.iter() {
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

/// The administrative place a document belongs to ("phường Ea Kao").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    /// "xã", "phường", "thị trấn", "tỉnh", "huyện".
    pub level: String,
    /// Proper name in title case ("Ea Kao").
    pub name: String,
}

impl Locality {
    /// Parse "xã Ea Wy" back into a locality.
    pub fn parse(s: &str) -> Option<Locality> {
        let s = s.trim();
        LEVELS.iter().find_map(|l| {
            s.strip_prefix(l)
                .and_then(|rest| rest.strip_prefix(' '))
                .map(|name| Locality {
                    level: l.to_string(),
                    name: name.trim().to_string(),
                })
        })
    }

    /// The locality most often named in running text ("xã Ea Wy" in "UBND xã Ea Wy").
    pub fn most_named(text: &str) -> Option<Locality> {
        Self::most_named_in(&[text])
    }

    /// [`Locality::most_named`] over several texts (paragraphs) taken together, each searched
    /// on its own (on every core when there are many): a name never spans two paragraphs.
    pub fn most_named_in<S: AsRef<str> + Sync>(texts: &[S]) -> Option<Locality> {
        static NAMED: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
            regex::Regex::new(
                r"\b(xã|phường|thị trấn) ((?:\p{Lu}[\p{Ll}\p{M}]*)(?: \p{Lu}[\p{Ll}\p{M}]*){0,3})",
            )
            .unwrap()
        });
        type Counts = std::collections::BTreeMap<(String, String), usize>;
        let count = |text: &S| {
            let mut counts = Counts::new();
            for c in NAMED.captures_iter(text.as_ref()) {
                *counts
                    .entry((c[1].to_string(), c[2].to_string()))
                    .or_default() += 1;
            }
            counts
        };
        let counts =
            texts
                .par_iter()
                .with_min_len(256)
                .map(count)
                .reduce(Counts::new, |mut a, b| {
                    for (k, n) in b {
                        *a.entry(k).or_default() += n;
                    }
                    a
                });
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .filter(|(_, n)| *n >= 2)
            .map(|((level, name), _)| Locality { level, name })
    }
}

impl std::fmt::Display for Locality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.level, self.name)
    }
}

/// The administrative levels a locality can have, longest first (from the levels table).
static LEVELS: once_cell::sync::Lazy<Vec<&'static str>> =
    once_cell::sync::Lazy::new(|| levels::words_up_to(3));

/// Units that exist at every level and so need the level to be named in full.
const LEVELLED: &[&str] = &[
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc",
    "Đảng ủy",
    "Phòng ",
    "Văn phòng ",
    "Công an",
    "Trung tâm ",
    "Ban Chỉ đạo",
];

/// The locality named by an issuing body ("ĐẢNG ỦY PHƯỜNG EA KAO" → phường Ea Kao).
pub fn locality_from_issuer(issuer: &str) -> Option<Locality> {
    // Upper-casing can change a character's length in bytes ("ᾐ" → "ἘΙ"), so offsets found
    // in `up` are mapped back to `issuer` through where each character's upper case starts.
    let mut up = String::with_capacity(issuer.len());
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(issuer.len());
    for (i, c) in issuer.char_indices() {
        starts.push((up.len(), i));
        up.extend(c.to_uppercase());
    }
    let to_issuer = |at: usize| -> Option<usize> {
        if at == up.len() {
            return Some(issuer.len());
        }
        starts
            .binary_search_by_key(&at, |&(u, _)| u)
            .ok()
            .map(|k| starts[k].1)
    };
    for level in LEVELS.iter() {
        let key = format!("{} ", level.to_uppercase());
        // The key ends with a space, so its end is always where a character's upper case
        // starts; a match starting inside one character's expansion is no match.
        let found = up
            .rfind(&key)
            .filter(|&pos| to_issuer(pos).is_some())
            .and_then(|pos| to_issuer(pos + key.len()));
        if let Some(name_start) = found {
            let name = issuer[name_start..].trim();
            if !name.is_empty() {
                return Some(Locality {
                    level: level.to_string(),
                    name: title_case(name),
                });
            }
        }
    }
    None
}

/// "EA KAO" → "Ea Kao", "ĐẮK LẮK" → "Đắk Lắk".
pub fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Canonical unit name: abbreviations expanded, and in a document of `locality` a bare
/// level word completed ("UBND phường" → "Ủy ban nhân dân phường Ea Kao") or a levelled
/// unit without level given one ("Phòng Kinh tế" in xã Ea Wy → "Phòng Kinh tế xã Ea Wy").
/// Plural collectives ("UBND các xã, phường") are only expanded.
pub fn canonical_unit(raw: &str, locality: Option<&Locality>) -> String {
    let expanded = expand_abbreviations(raw.trim());
    let expanded = capitalise_head(&unify_dashes(&unify_case(&expanded)));
    let Some(loc) = locality else {
        return expanded;
    };
    let lower = expanded.to_lowercase();
    if lower.contains("các ") || lower.starts_with("mỗi ") || lower.contains(',') {
        return expanded;
    }
    if let Some(stripped) = expanded.strip_suffix(&format!(" {}", loc.level)) {
        return format!("{stripped} {loc}");
    }
    // "Xã hội" (society) is not the level "xã".
    let lower = lower.replace("xã hội", "xh");
    let has_level = LEVELS
        .iter()
        .any(|l| lower.contains(&format!(" {l} ")) || lower.ends_with(&format!(" {l}")));
    if !has_level && LEVELLED.iter().any(|p| expanded.starts_with(p)) {
        return format!("{expanded} {loc}");
    }
    expanded
}

/// One dash between the words of a name: "Văn hóa-Xã hội", "Văn hóa - Xã hội" and
/// "Văn hóa – Xã hội" are all written "Văn hóa – Xã hội".
fn unify_dashes(s: &str) -> String {
    static DASH: once_cell::sync::Lazy<regex::Regex> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(r"(\p{L})\s*[-–]\s*(\p{L})").unwrap());
    DASH.replace_all(s, "$1 – $2").into_owned()
}

/// A unit head written in lower case before a proper name takes its capital ("phòng Văn hóa
/// – Xã hội" → "Phòng Văn hóa – Xã hội"); plurals and roles ("doanh nghiệp viễn thông") stay.
fn capitalise_head(s: &str) -> String {
    if !s.starts_with(|c: char| c.is_lowercase()) {
        return s.to_string();
    }
    let upper = heads::upper_first(s);
    let Some(n) = heads::unit_head_len(&upper) else {
        return s.to_string();
    };
    let h = heads::head_at(&upper).unwrap();
    let next_is_name = upper[n..]
        .trim_start()
        .starts_with(|c: char| c.is_uppercase());
    if h.has(heads::LOOSE) && h.has(heads::UNIT) && next_is_name {
        upper
    } else {
        s.to_string()
    }
}

/// One capitalisation for the words of common unit names ("Ủy ban Nhân dân" → "Ủy ban nhân dân").
fn unify_case(s: &str) -> String {
    s.replace("Ủy ban Nhân dân", "Ủy ban nhân dân")
        .replace("Uỷ ban", "Ủy ban")
        .replace("Hội đồng Nhân dân", "Hội đồng nhân dân")
        .replace("Đảng uỷ", "Đảng ủy")
}

#[cfg(test)]
mod locality_tests {
    use super::*;

    #[test]
    fn units_complete_with_the_document_locality() {
        let loc = locality_from_issuer("ĐẢNG ỦY PHƯỜNG EA KAO").unwrap();
        assert_eq!(loc.to_string(), "phường Ea Kao");
        assert_eq!(
            canonical_unit("UBND phường", Some(&loc)),
            "Ủy ban nhân dân phường Ea Kao"
        );
        assert_eq!(
            canonical_unit("Ủy ban Nhân dân phường", Some(&loc)),
            "Ủy ban nhân dân phường Ea Kao"
        );
        assert_eq!(
            canonical_unit("UBND các xã, phường", Some(&loc)),
            "Ủy ban nhân dân các xã, phường"
        );
        let xa = Locality {
            level: "xã".into(),
            name: "Ea Wy".into(),
        };
        assert_eq!(
            canonical_unit("Phòng Kinh tế", Some(&xa)),
            "Phòng Kinh tế xã Ea Wy"
        );
        assert_eq!(
            canonical_unit("Phòng Kinh tế xã", Some(&xa)),
            "Phòng Kinh tế xã Ea Wy"
        );
        assert_eq!(
            canonical_unit("Công an xã Ea Wy", Some(&xa)),
            "Công an xã Ea Wy"
        );
        assert_eq!(canonical_unit("Sở Tài chính", Some(&xa)), "Sở Tài chính");
        assert_eq!(
            canonical_unit("Phòng Văn hóa – Xã hội", Some(&xa)),
            "Phòng Văn hóa – Xã hội xã Ea Wy"
        );
        // One name for every spelling of one unit; only the locality is added.
        for raw in [
            "Phòng VH-XH",
            "phòng Văn hóa-Xã hội",
            "Phòng Văn hóa - Xã hội xã",
        ] {
            assert_eq!(
                canonical_unit(raw, Some(&xa)),
                "Phòng Văn hóa – Xã hội xã Ea Wy"
            );
        }
        assert_eq!(
            canonical_unit("doanh nghiệp viễn thông", Some(&xa)),
            "doanh nghiệp viễn thông"
        );
        let q = Locality::parse("quận Ba Đình").unwrap();
        assert_eq!(q.level, "quận");
        assert_eq!(
            canonical_unit("UBND quận", Some(&q)),
            "Ủy ban nhân dân quận Ba Đình"
        );
        assert_eq!(
            canonical_unit("Sở Lao động, Thương binh và Xã hội", Some(&xa)),
            "Sở Lao động, Thương binh và Xã hội"
        );
    }
}
