//! The end matter: where the body stops (Nơi nhận, signature block), recipients and signers.

use nhiemvu_model::{Appendix, Metadata, Signer};
use once_cell::sync::Lazy;
use regex::Regex;

use nhiemvu_normalizer::lexicon::offices;

use super::issuer::is_caps;
use super::kind::kind_line;
use super::{find_attachments, Regions, APPENDIX};

pub(super) static NOI_NHAN: Lazy<Regex> = Lazy::new(|| Regex::new(r"^Nơi nhận\s*:?").unwrap());
/// "TM. …", "KT. …", "TL. …", "TUQ. …", "Q. …", and the Party's "T/M …".
static AUTHORITY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:(TM|KT|TL|TUQ|Q)\.|(T/M|K/T|T/L)\s)\s*(.*)$").unwrap());

/// The authority of a capture of [`AUTHORITY`], written "TM." whatever the form.
fn authority_of(a: &regex::Captures) -> String {
    let m = a.get(1).or_else(|| a.get(2)).map_or("", |m| m.as_str());
    format!("{}.", m.replace('/', ""))
}

/// A line in capitals that opens with a signer's or an authority's position ("BỘ TRƯỞNG BỘ
/// TÀI CHÍNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …").
pub(super) fn is_position_line(line: &str) -> bool {
    is_caps(line) && nhiemvu_normalizer::lexicon::offices::opens_position(line)
}

/// Find appendices and the end of the body, then read recipients and signers.
pub(super) fn find_end_matter(paras: &[String], regions: &mut Regions, meta: &mut Metadata) {
    // End matter.
    for (i, p) in paras.iter().enumerate().skip(regions.body_start) {
        let first = p.split('\t').next().unwrap_or("").trim();
        if APPENDIX.is_match(first) {
            regions.appendices.push(i);
            meta.appendices.push(Appendix {
                label: first.to_string(),
                title: paras.get(i + 1).map(|t| t.replace('\t', " ")),
                page: 0,
            });
        }
        if regions.body_end == paras.len() && opens_recipients(p) {
            regions.body_end = i;
        }
    }
    // Without "Nơi nhận", the signature block ends the body: an authority or a position
    // line in capitals followed by a name.
    if regions.body_end == paras.len() {
        for i in regions.body_start..paras.len() {
            let first = paras[i].split('\t').next().unwrap_or("").trim();
            let next_is_name = paras
                .get(i + 1)
                .map(|n| looks_name(n.trim()))
                .unwrap_or(false);
            if AUTHORITY.is_match(first) || (is_position_line(first) && next_is_name) {
                regions.body_end = i;
                break;
            }
        }
    }
    find_attachments(paras, regions);
    if regions.body_end < paras.len() {
        let end = regions.appendices.first().copied().unwrap_or(paras.len());
        parse_end_matter(&paras[regions.body_end..end.max(regions.body_end)], meta);
    }
}

/// A row that opens the recipients: "Nơi nhận" as its first cell, or with its colon beside
/// the signature ("Nơi nhận" as the column head of a report's table is not).
fn opens_recipients(p: &str) -> bool {
    p.split('\t').enumerate().any(|(k, c)| {
        let c = c.trim();
        NOI_NHAN.is_match(c) && (k == 0 || c.contains(':'))
    })
}

/// A row of a table in the end matter (three cells or more, none a recipient or an
/// authority): "STT | Nội dung | …" before the signature is neither a position nor a name.
fn is_table_row(p: &str) -> bool {
    let cells: Vec<&str> = p
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.len() >= 3
        && !cells
            .iter()
            .any(|c| NOI_NHAN.is_match(c) || AUTHORITY.is_match(c) || recipient(c).is_some())
}

static AUTHORITY_INSIDE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s(?:(?:TM|KT|TL|TUQ|Q)\.|T/M|K/T|T/L)\s").unwrap());
static WIDE_GAP: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s{2,}").unwrap());

/// One cell of the end matter cut where its columns ran together: at wide gaps, before an
/// authority ("Nơi nhận: KT. BỘ TRƯỞNG"), before a trailing position or name in a recipient
/// line ("- Như trên; THỨ TRƯỞNG") and between an authority's office and the signer's own
/// position ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH").
fn pieces(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    for gap in WIDE_GAP.split(cell) {
        let mut rest = gap.trim();
        while let Some(m) = AUTHORITY_INSIDE.find(rest) {
            out.extend(split_tail(rest[..m.start()].trim()));
            rest = rest[m.start()..].trim();
        }
        out.extend(split_tail(rest));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Split a piece before a trailing run in capitals that opens a position, before a trailing
/// name, or an authority line before the signer's own position.
fn split_tail(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let caps = |w: &str| !w.chars().any(char::is_lowercase);
    // A name's words are capitalised, not in capitals ("Nguyễn Văn A", not "Lưu VPĐU").
    let name_word = |w: &str| w.chars().skip(1).all(|c| !c.is_uppercase());
    let name_at =
        |j: usize| words[j..].iter().all(|w| name_word(w)) && looks_name(&words[j..].join(" "));
    let lettered = |ws: &[&str]| ws.iter().any(|w| w.chars().any(char::is_alphabetic));
    let authority = AUTHORITY.is_match(piece);
    for j in 1..words.len() {
        let head = words[..j].join(" ");
        let tail = words[j..].join(" ");
        let after_comma = words[j - 1].ends_with(',');
        let position_tail = is_caps(&tail) && offices::opens_position(&tail);
        let splits = if authority {
            // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"; "KT. BỘ TRƯỞNG, CHỦ NHIỆM" stays whole.
            j >= 2 && position_tail && !after_comma
                || words[..j].iter().all(|w| caps(w)) && name_at(j)
        } else if words[..j].iter().all(|w| caps(w)) && lettered(&words[..j]) {
            name_at(j)
        } else {
            position_tail
        };
        if splits {
            let mut out = split_tail(&head);
            out.extend(split_tail(&tail));
            return out;
        }
    }
    vec![piece.to_string()]
}

/// Recipients and signers from the paragraphs after "Nơi nhận".
fn parse_end_matter(paras: &[String], meta: &mut Metadata) {
    let mut cells: Vec<String> = Vec::new();
    for p in paras.iter().filter(|p| !is_table_row(p)) {
        for c in p.split('\t') {
            cells.extend(pieces(c.trim()));
        }
    }
    let mut signer: Option<Signer> = None;
    for c in &cells {
        // A kind line here starts a document issued with this one: the end matter is over.
        if kind_line(c).is_some() {
            break;
        }
        if let Some(r) = recipient(c) {
            if !r.is_empty() {
                meta.recipients.push(r);
            }
            continue;
        }
        signer_line(&mut signer, &mut meta.signers, c);
    }
    meta.signers.extend(signer);
    // Positions are printed in capitals and written as a title ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch").
    for s in &mut meta.signers {
        if let Some(p) = s.position.as_mut().filter(|p| is_caps(p)) {
            *p = offices::official_case(p);
        }
    }
}

/// A recipient line ("Nơi nhận: …", "- Như trên;", "- Lưu: VT, …"), its text; `Some("")`
/// for a bare "Nơi nhận:".
fn recipient(c: &str) -> Option<String> {
    if NOI_NHAN.is_match(c) {
        let rest = NOI_NHAN.replace(c, "").trim().to_string();
        return Some(rest.trim_start_matches(['-', ' ']).to_string());
    }
    if c.starts_with('-') || c.starts_with('+') {
        let r = c
            .trim_start_matches(['-', '+', ' '])
            .trim_end_matches(['.', ';', ','])
            .to_string();
        return Some(r);
    }
    None
}

/// One line of the signature block: an authority opens a signer (or nests in the open one),
/// a line in capitals is a position, a name closes the signer.
fn signer_line(signer: &mut Option<Signer>, done: &mut Vec<Signer>, c: &str) {
    let blank = || Signer {
        authority: None,
        on_behalf_of: None,
        position: None,
        name: None,
    };
    if let Some(a) = AUTHORITY.captures(c) {
        if let Some(s) = signer.as_mut().filter(|s| s.name.is_none()) {
            // Nested authority ("TL. CHỦ TỊCH" then "KT. CHÁNH VĂN PHÒNG"): one signer.
            let chain = s.on_behalf_of.get_or_insert_with(String::new);
            if !chain.is_empty() {
                chain.push_str(" / ");
            }
            chain.push_str(c);
            return;
        }
        done.extend(signer.take());
        *signer = Some(Signer {
            authority: Some(authority_of(&a)),
            on_behalf_of: Some(a[3].trim().to_string()).filter(|s| !s.is_empty()),
            ..blank()
        });
        return;
    }
    if is_caps(c) && c.chars().count() < 60 {
        let s = signer.get_or_insert_with(blank);
        if s.name.is_some() {
            // After a signed block, only a position opens another signer (a joint document);
            // other capitals are what follows the signature (an attachment's letterhead).
            if !offices::opens_position(c) {
                return;
            }
            done.extend(signer.take());
            *signer = Some(Signer {
                position: Some(c.to_string()),
                ..blank()
            });
        } else if s.position.is_none() || offices::opens_position(c) {
            // Of several lines, the one that names a position is the signer's.
            s.position = Some(c.to_string());
        }
        return;
    }
    if looks_name(c) {
        if let Some(s) = signer.as_mut().filter(|s| s.name.is_none()) {
            s.name = Some(c.to_string());
        }
    }
}

fn looks_name(s: &str) -> bool {
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        if words > 5 || !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    words >= 2 && !s.contains(':')
}
