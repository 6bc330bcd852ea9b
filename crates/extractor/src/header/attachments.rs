//! Appendices and the documents issued with this one after its signature.

use once_cell::sync::Lazy;
use regex::Regex;

use nhiemvu_normalizer::lexicon::frame::{self, FrameKind};

use super::end_matter::NOI_NHAN;
use super::kind::kind_line;
use super::Regions;

/// An appendix's title line, in capitals or not ("PHỤ LỤC II"; lexicon `frame`).
pub(super) static APPENDIX: Lazy<Regex> = Lazy::new(|| {
    let word = frame::word(FrameKind::AppendixOpener);
    Regex::new(&format!(
        r"^({}|{})(\s+[IVX0-9]+)?\s*$",
        regex::escape(&word.to_uppercase()),
        regex::escape(word)
    ))
    .unwrap()
});

/// Documents issued with this one follow its signature: a kind line, a title, and
/// "(Ban hành kèm theo …)". Their bodies run to their own "Nơi nhận", an appendix or the end.
pub(super) fn find_attachments(paras: &[String], regions: &mut Regions) {
    let mut i = regions.body_end;
    while i < paras.len() {
        let first = paras[i].split('\t').next().unwrap_or("").trim();
        let found = kind_line(first);
        let issued_with = paras[i..paras.len().min(i + 5)].iter().position(|p| {
            p.to_lowercase()
                .contains(frame::word(FrameKind::IssuedWith))
        });
        if let (Some((kind, _)), Some(off)) = (found, issued_with) {
            let start = i + off + 1;
            let end = (start..paras.len())
                .find(|&j| {
                    let f = paras[j].split('\t').next().unwrap_or("").trim();
                    NOI_NHAN.is_match(f)
                        || APPENDIX.is_match(f)
                        || kind_line(f).is_some() && j > start
                })
                .unwrap_or(paras.len());
            regions.attachments.push((kind, start, end));
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
}
