//! Function words the rules read around a verb: the past-tense marker, the words that open
//! a relative or prepositional phrase, and those that give a noun its owner or number.

use super::{alternation, Table};

/// Marks the past tense ("đã"): a main clause with it records what was done.
pub const PAST_TENSE: u8 = 1;
/// Opens a relative or prepositional phrase ("cho", "của", "mà", "với"): a past marker
/// after it describes an object ("… cho các hộ đã được duyệt"), not the clause.
pub const RELATIVE: u8 = 2;
/// After a noun homograph, gives its owner or number ("Báo cáo của …", "Báo cáo số 12").
pub const OWNER: u8 = 4;
/// Gives the owner of a task list ("Trách nhiệm của Sở Y tế").
pub const POSSESSIVE: u8 = 8;
/// Joins two items of a list ("tháng 3 và tháng 4", "Sở Y tế và Sở Nội vụ").
pub const AND: u8 = 16;
/// Introduces a document's number ("Kế hoạch số 12/KH-UBND").
pub const NUMBER: u8 = 32;
/// Ties a unit to a place ("thuộc", "trên địa bàn"): "UBND các xã thuộc huyện" is a
/// place's units, not another unit.
pub const OF_PLACE: u8 = 64;

/// One function word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Particle {
    /// The word, lower case, NFC.
    pub word: &'static str,
    /// Flags or'ed together.
    pub flags: u8,
}

const fn p(word: &'static str, flags: u8) -> Particle {
    Particle { word, flags }
}

/// Every particle, sorted by bytes, unique.
pub const PARTICLES: &[Particle] = &[
    p("cho", RELATIVE),
    p("của", RELATIVE | OWNER | POSSESSIVE | OF_PLACE),
    p("mà", RELATIVE),
    p("số", OWNER | NUMBER),
    p("thuộc", OF_PLACE),
    p("trên địa bàn", OF_PLACE),
    p("và", AND),
    p("với", RELATIVE),
    p("đã", PAST_TENSE),
];

/// Regex alternation of the particles carrying `flag`; with `either_case` the first letter
/// also matches in capitals.
pub fn pattern(flag: u8, either_case: bool) -> String {
    alternation(
        PARTICLES
            .iter()
            .filter(|p| p.flags & flag != 0)
            .map(|p| p.word),
        either_case,
    )
}

/// The particle table for the lexicon checks.
pub struct ParticleTable;

impl Table for ParticleTable {
    fn name(&self) -> &'static str {
        "particles"
    }
    fn words(&self) -> Vec<&'static str> {
        PARTICLES.iter().map(|p| p.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![
            ("past", pattern(PAST_TENSE, true)),
            ("relative", pattern(RELATIVE, false)),
            ("owner", pattern(OWNER, false)),
            ("and", pattern(AND, false)),
            ("of_place", pattern(OF_PLACE, false)),
        ]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("đã", "past"),
            ("của", "relative owner possessive of_place"),
            ("trên địa bàn", "of_place"),
            ("số", "owner number"),
            ("và", "and"),
            ("sẽ", ""),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        let flags = PARTICLES
            .iter()
            .find(|p| p.word == phrase)
            .map_or(0, |p| p.flags);
        [
            (PAST_TENSE, "past"),
            (RELATIVE, "relative"),
            (OWNER, "owner"),
            (POSSESSIVE, "possessive"),
            (AND, "and"),
            (NUMBER, "number"),
            (OF_PLACE, "of_place"),
        ]
        .iter()
        .filter(|(f, _)| flags & f != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(" ")
    }
}
