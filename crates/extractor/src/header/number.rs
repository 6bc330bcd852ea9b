//! The document number and symbol ("146/KH-UBND", "09-TB/VPTU") and the kind a word names.

use nhiemvu_model::{DocKind, DocNumber};
use once_cell::sync::Lazy;
use regex::Regex;

pub(super) static NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i:^|\s|\t)Số\s*:?\s*([0-9]*)[\s.…_]*([-/]\s*[A-ZĐ0-9][A-ZĐ0-9&.\-/]*)").unwrap()
});

/// Which kind a kind line or citation names.
pub fn kind_from_word(word: &str) -> DocKind {
    let w = word.to_lowercase();
    let w = w.trim();
    if w.starts_with("thông báo") {
        DocKind::ThongBao
    } else if w.starts_with("kết luận") {
        DocKind::KetLuan
    } else if w.starts_with("kế hoạch") {
        DocKind::KeHoach
    } else if w.starts_with("báo cáo") {
        DocKind::BaoCao
    } else if w.starts_with("quyết định") {
        DocKind::QuyetDinh
    } else if w.starts_with("chỉ thị") {
        DocKind::ChiThi
    } else if w.starts_with("nghị quyết") {
        DocKind::NghiQuyet
    } else if w.starts_with("tờ trình") {
        DocKind::ToTrinh
    } else if w.starts_with("giấy mời") {
        DocKind::GiayMoi
    } else if w.starts_with("công văn") {
        DocKind::CongVan
    } else {
        DocKind::Other
    }
}

/// Parse a number and symbol ("146/KH-UBND", "09-TB/VPTU", "/UBND-KGVX").
pub fn parse_number(serial: &str, symbol: &str) -> DocNumber {
    let symbol: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    let serial = serial.trim();
    let raw = format!("{serial}{symbol}");
    let body = symbol.trim_start_matches(['-', '/']);
    // State form: "KH-UBND" (kind-issuer) or "UBND-KGVX" (Công văn: issuer-unit).
    // Party form: "TB/VPTU" (kind/issuer).
    let (kind_code, issuer_code) = if symbol.starts_with('-') {
        match body.split_once('/') {
            Some((k, i)) => (Some(k.to_string()), Some(i.to_string())),
            None => (None, Some(body.to_string())),
        }
    } else {
        match body.split_once('-') {
            Some((k, i)) if is_kind_code(k) => (Some(k.to_string()), Some(i.to_string())),
            _ => (None, Some(body.to_string())),
        }
    };
    DocNumber {
        raw,
        serial: if serial.is_empty() {
            None
        } else {
            Some(serial.to_string())
        },
        kind_code,
        issuer_code,
    }
}

fn is_kind_code(k: &str) -> bool {
    matches!(
        k,
        "KH" | "TB"
            | "BC"
            | "QĐ"
            | "CT"
            | "NQ"
            | "TTr"
            | "KL"
            | "GM"
            | "HD"
            | "CTr"
            | "QC"
            | "ĐA"
            | "BB"
            | "TT"
            | "NĐ"
    )
}
