//! Appendices and the documents issued with this one after its signature.

use once_cell::sync::Lazy;
use regex::Regex;

use super::end_matter::NOI_NHAN;
use super::number::kind_from_word;
use super::Regions;

pub(super) static KIND_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(THÔNG BÁO|KẾT LUẬN|KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|TỜ TRÌNH|GIẤY MỜI|CÔNG VĂN|CHƯƠNG TRÌNH|HƯỚNG DẪN|QUY CHẾ|ĐỀ ÁN|BIÊN BẢN)(?:\s+[\p{Lu} ]*)?$")
        .unwrap()
});
pub(super) static APPENDIX: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(PHỤ LỤC|Phụ lục)(\s+[IVX0-9]+)?\s*$").unwrap());

/// Documents issued with this one follow its signature: a kind line, a title, and
/// "(Ban hành kèm theo …)". Their bodies run to their own "Nơi nhận", an appendix or the end.
pub(super) fn find_attachments(paras: &[String], regions: &mut Regions) {
    let mut i = regions.body_end;
    while i < paras.len() {
        let first = paras[i].split('\t').next().unwrap_or("").trim();
        let kind_line = KIND_LINE.captures(first);
        let issued_with = paras[i..paras.len().min(i + 5)]
            .iter()
            .position(|p| p.contains("kèm theo"));
        if let (Some(k), Some(off)) = (kind_line, issued_with) {
            let start = i + off + 1;
            let end = (start..paras.len())
                .find(|&j| {
                    let f = paras[j].split('\t').next().unwrap_or("").trim();
                    NOI_NHAN.is_match(f)
                        || APPENDIX.is_match(f)
                        || KIND_LINE.is_match(f) && j > start
                })
                .unwrap_or(paras.len());
            regions
                .attachments
                .push((kind_from_word(&k[1]), start, end));
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
}
