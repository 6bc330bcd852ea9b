//! Document metadata: header (issuer, number, place and date, kind, title, addressees),
//! the end matter (Nơi nhận, signature block), appendices and cited documents.
//!
//! The header's two columns arrive interleaved or as tab-separated runs; each field is found
//! by its own pattern, so column order does not matter. Numbers and days stamped by the
//! signing service into blanks arrive as annotation text and are merged here.

mod attachments;
mod date;
mod end_matter;
mod issuer;
mod kind;
mod number;
mod references;
mod stamped;
#[cfg(test)]
mod tests;
mod walk;

use nhiemvu_model::{DocKind, Metadata};
use nhiemvu_normalizer::lexicon::frame;
use once_cell::sync::Lazy;
use regex::Regex;

pub use kind::kind_from_word;
pub use number::parse_number;
pub use references::references;
pub use stamped::merge_stamped;

use attachments::{find_attachments, APPENDIX};
use date::date_from_appendix;
use end_matter::find_end_matter;
use issuer::collect_issuer;
use kind::kind_from_code;
use walk::Walk;

/// Where the body starts and ends among the paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Regions {
    /// First paragraph of the body.
    pub body_start: usize,
    /// One past the last body paragraph (start of Nơi nhận / signature).
    pub body_end: usize,
    /// Paragraph index where each appendix starts.
    pub appendices: Vec<usize>,
    /// Documents issued with this one ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"):
    /// their kind and the paragraph range of their body.
    pub attachments: Vec<(DocKind, usize, usize)>,
}

/// A letterhead line (lexicon `frame`), or the rule under it.
static MOTTO: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"{}|^-{{3,}}$|^\*$", frame::letterhead_starts())).unwrap());
/// Parse the header and end matter of `paras` (paragraph texts in order).
pub fn parse(original: &[String]) -> (Metadata, Regions) {
    let cleaned: Vec<String> = original.iter().map(|p| clean_cells(p)).collect();
    let paras = &cleaned[..];
    let mut meta = Metadata::default();
    let mut regions = Regions {
        body_start: 0,
        body_end: paras.len(),
        appendices: Vec::new(),
        attachments: Vec::new(),
    };
    let head_limit = paras.len().min(40);
    let mut walk = Walk::new(&mut meta);
    for (i, p) in paras.iter().enumerate().take(head_limit) {
        if !walk.para(i, p) {
            break;
        }
    }
    let (last_header, mut issuer_lines) = (walk.last_header, walk.fallback);
    collect_issuer(paras, head_limit, &mut issuer_lines, &mut meta);
    if meta.kind == DocKind::Other {
        let code = meta
            .number_parts
            .as_ref()
            .and_then(|n| n.kind_code.as_deref());
        meta.kind = code.and_then(kind_from_code).unwrap_or(DocKind::Other);
        // A state symbol with no kind code is the issuer and its unit ("UBND-VP"): a Công văn.
        let letter = meta.number_parts.as_ref().is_some_and(|n| {
            n.kind_code.is_none() && n.issuer_code.as_deref().is_some_and(|c| c.contains('-'))
        });
        if letter {
            meta.kind = DocKind::CongVan;
        }
    }
    regions.body_start = last_header.map(|l| l + 1).unwrap_or(0);
    find_end_matter(paras, &mut regions, &mut meta);
    meta.references = references(original);
    if meta.year.is_none() {
        date_from_appendix(paras, &mut meta);
    }
    (meta, regions)
}

static MOTTO_INSIDE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(\S)\s+({})(?:\s|$)",
        frame::pattern(frame::is_letterhead)
    ))
    .unwrap()
});
static RULE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*-{3,}\s*").unwrap());

/// A paragraph as clean cells joined by tabs: portal texts separate cells with `|` and mark
/// bold with `**` (a bold run is a line of its own there); both become cell breaks, and
/// italics' `*` and empty cells are dropped.
fn clean_cells(p: &str) -> String {
    // Columns run together ("BỘ X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): the motto is a cell.
    let split = MOTTO_INSIDE.is_match(p);
    let p = &*MOTTO_INSIDE.replace_all(p, "$1\t$2\t");
    if !split && !p.contains(['|', '*']) {
        return p.to_string();
    }
    let joined = p
        .split(['\t', '|'])
        .flat_map(|c| c.split("**"))
        .map(|c| c.trim().trim_matches(['*', '_']).trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t");
    // A rule under a letterhead line ("VĂN PHÒNG CHÍNH PHỦ -------") is a cell of its own.
    RULE.replace_all(&joined, "\t---\t")
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}
