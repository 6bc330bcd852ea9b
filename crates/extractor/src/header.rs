//! Document metadata: header (issuer, number, place and date, kind, title, addressees),
//! the end matter (Nơi nhận, signature block), appendices and cited documents.
//!
//! The header's two columns arrive interleaved or as tab-separated runs; each field is found
//! by its own pattern, so column order does not matter. Numbers and days stamped by the
//! signing service into blanks arrive as annotation text and are merged here.

use chrono::NaiveDate;
use nhiemvu_model::{Appendix, DocForm, DocKind, DocNumber, Metadata, Reference, Signer};
use once_cell::sync::Lazy;
use rayon::prelude::*;
use regex::Regex;

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

static NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i:^|\s|\t)Số\s*:?\s*([0-9]*)[\s.…_]*([-/]\s*[A-ZĐ0-9][A-ZĐ0-9&.\-/]*)").unwrap()
});
static DATE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:([\p{Lu}][\p{L} ]{1,40}?),\s*)?ngày[\s.…_]*(\d{1,2})?[\s.…_]*tháng[\s.…_]*(\d{1,2})?[\s.…_]*năm\s*(\d{4})")
        .unwrap()
});
static KIND_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(THÔNG BÁO|KẾT LUẬN|KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|TỜ TRÌNH|GIẤY MỜI|CÔNG VĂN|CHƯƠNG TRÌNH|HƯỚNG DẪN|QUY CHẾ|ĐỀ ÁN|BIÊN BẢN)(?:\s+[\p{Lu} ]*)?$")
        .unwrap()
});
static VV: Lazy<Regex> = Lazy::new(|| Regex::new(r"^V/v\s*(.*)").unwrap());
static KINH_GUI: Lazy<Regex> = Lazy::new(|| Regex::new(r"^Kính gửi\s*:?\s*(.*)").unwrap());
static MOTTO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|^-{3,}$|^\*$")
        .unwrap()
});
static NOI_NHAN: Lazy<Regex> = Lazy::new(|| Regex::new(r"^Nơi nhận\s*:?").unwrap());
static AUTHORITY: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(TM|KT|TL|TUQ|Q)\.\s*(.*)$").unwrap());
static APPENDIX: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(PHỤ LỤC|Phụ lục)(\s+[IVX0-9]+)?\s*$").unwrap());
static BODY_OPENERS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(Căn cứ|Thực hiện|Ngày \d|Vừa qua|Sau khi|Theo|Nhằm|Trên cơ sở|Để|Tiếp tục|Qua|Trong)",
    )
    .unwrap()
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

/// Parse the header and end matter of `paras` (paragraph texts in order).
pub fn parse(paras: &[String]) -> (Metadata, Regions) {
    let mut meta = Metadata::default();
    let mut regions = Regions {
        body_start: 0,
        body_end: paras.len(),
        appendices: Vec::new(),
        attachments: Vec::new(),
    };
    let head_limit = paras.len().min(40);
    let mut last_header = None;
    let mut in_title = false;
    let mut in_addressees = false;
    let mut issuer_lines: Vec<String> = Vec::new();
    for (i, p) in paras.iter().enumerate().take(head_limit) {
        let cells: Vec<&str> = p.split('\t').map(str::trim).collect();
        let mut header_hit = false;
        // "Số:" and its symbol can fall in separate runs ("Số:\t/UBND-KGVX").
        if meta.number_parts.is_none() && cells.len() > 1 {
            if let Some(c) = NUMBER.captures(&p.replace('\t', " ")) {
                let n = parse_number(&c[1], &c[2]);
                meta.number = n.serial.as_ref().map(|_| n.raw.clone());
                meta.number_parts = Some(n);
                header_hit = true;
            }
        }
        for cell in &cells {
            if let Some(c) = NUMBER.captures(cell) {
                if meta.number_parts.is_none() {
                    let n = parse_number(&c[1], &c[2]);
                    meta.number = n.serial.as_ref().map(|_| n.raw.clone());
                    meta.number_parts = Some(n);
                    header_hit = true;
                    // The date may share the cell when the header has one column.
                    if !DATE_LINE.is_match(cell) {
                        continue;
                    }
                }
            }
            if let Some(c) = DATE_LINE.captures(cell) {
                if meta.year.is_none() && cell.len() < 120 {
                    meta.place = c.get(1).map(|m| m.as_str().trim().to_string());
                    meta.year = c[4].parse().ok();
                    meta.month = c.get(3).and_then(|m| m.as_str().parse().ok());
                    let day: Option<u32> = c.get(2).and_then(|m| m.as_str().parse().ok());
                    meta.date = match (meta.year, meta.month, day) {
                        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                        _ => None,
                    };
                    meta.date_raw = Some(c[0].to_string());
                    header_hit = true;
                    continue;
                }
            }
            if MOTTO.is_match(cell) {
                if cell.contains("ĐẢNG CỘNG SẢN") {
                    meta.form = Some(DocForm::Party);
                } else if cell.contains("CỘNG H") {
                    meta.form = Some(DocForm::State);
                }
                header_hit = true;
                continue;
            }
            if let Some(c) = KIND_LINE.captures(cell) {
                if meta.kind == DocKind::Other {
                    meta.kind = kind_from_word(&c[1]);
                    in_title = true;
                    header_hit = true;
                    continue;
                }
            }
            if let Some(c) = VV.captures(cell) {
                meta.kind = DocKind::CongVan;
                meta.title = Some(c[1].trim().to_string());
                header_hit = true;
                continue;
            }
            if let Some(c) = KINH_GUI.captures(cell) {
                in_addressees = true;
                in_title = false;
                let rest = c[1].trim();
                if !rest.is_empty() {
                    push_addressee(&mut meta.addressees, rest);
                }
                header_hit = true;
                continue;
            }
        }
        if header_hit {
            last_header = Some(i);
            continue;
        }
        let first = cells[0];
        if in_addressees && first.starts_with(['-', '+', '•']) {
            push_addressee(
                &mut meta.addressees,
                first.trim_start_matches(['-', '+', '•', ' ']),
            );
            last_header = Some(i);
            continue;
        }
        in_addressees = false;
        if in_title {
            if first
                .chars()
                .all(|c| c == '-' || c == '*' || c.is_whitespace())
            {
                last_header = Some(i);
                in_title = false;
                continue;
            }
            // A paragraph of running prose (a full stop inside, or long and ending in one)
            // is the body, not more title.
            let prose =
                first.contains(". ") || (first.ends_with('.') && first.chars().count() > 90);
            if BODY_OPENERS.is_match(first) || crate::outline::marker_of(first).is_some() || prose {
                in_title = false;
            } else {
                let t = meta.title.get_or_insert_with(String::new);
                if !t.is_empty() {
                    t.push(' ');
                }
                t.push_str(first);
                last_header = Some(i);
                continue;
            }
        }
        if meta.kind == DocKind::Other
            && meta.number_parts.is_none()
            && is_caps(first)
            && last_header.map(|l| l + 2 >= i).unwrap_or(i < 3)
        {
            issuer_lines.push(first.to_string());
            last_header = Some(i);
            continue;
        }
        // A V/v subject wraps over a few lines before the motto or date.
        if meta.kind == DocKind::CongVan && meta.addressees.is_empty() && meta.year.is_none() {
            if let Some(t) = meta.title.as_mut() {
                t.push(' ');
                t.push_str(first);
                last_header = Some(i);
                continue;
            }
        }
        if last_header.is_some() && i > last_header.unwrap() + 1 {
            break;
        }
    }
    for cell_line in paras.iter().take(head_limit) {
        for cell in cell_line.split('\t') {
            let c = cell.trim();
            if !is_caps(c) || MOTTO.is_match(c) || KIND_LINE.is_match(c) {
                continue;
            }
            if looks_issuer(c) {
                if !issuer_lines.iter().any(|x| x == c) {
                    issuer_lines.push(c.to_string());
                }
            } else if LEVEL_START.is_match(c) {
                if let Some(last) = issuer_lines.last_mut() {
                    if !LEVEL_IN.is_match(last) {
                        last.push(' ');
                        last.push_str(c);
                    }
                }
            }
        }
    }
    if let Some(last) = issuer_lines.last() {
        meta.issuer = Some(last.clone());
        if issuer_lines.len() > 1 {
            meta.issuer_parent = Some(issuer_lines[0].clone());
        }
    }
    regions.body_start = last_header.map(|l| l + 1).unwrap_or(0);
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
        if regions.body_end == paras.len() && p.split('\t').any(|c| NOI_NHAN.is_match(c.trim())) {
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
            if AUTHORITY.is_match(first) || (POSITION.is_match(first) && next_is_name) {
                regions.body_end = i;
                parse_end_matter(&paras[i..], &mut meta);
                break;
            }
        }
    }
    find_attachments(paras, &mut regions);
    if regions.body_end < paras.len() {
        let end = regions.appendices.first().copied().unwrap_or(paras.len());
        parse_end_matter(
            &paras[regions.body_end..end.max(regions.body_end)],
            &mut meta,
        );
    }
    meta.references = references(paras);
    if meta.year.is_none() {
        date_from_appendix(paras, &mut meta);
    }
    (meta, regions)
}

/// Documents issued with this one follow its signature: a kind line, a title, and
/// "(Ban hành kèm theo …)". Their bodies run to their own "Nơi nhận", an appendix or the end.
fn find_attachments(paras: &[String], regions: &mut Regions) {
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

static POSITION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỦ TRƯỞNG|TRƯỞNG PHÒNG|CHỦ NHIỆM|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|VỤ TRƯỞNG)\b[\p{Lu} ]*$").unwrap()
});

static NUMBER_LINE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s*Số\b").unwrap());
static DATE_WORDS: Lazy<Regex> = Lazy::new(|| Regex::new(r"ngày\s*(?:\d{1,2})?\s*tháng").unwrap());

/// Merge a number and day that the signing service stamped into the header's blanks. The
/// stamp is an annotation whose text is a bare number, on the line of "Số:" or of the date.
pub fn merge_stamped(meta: &mut Metadata, page: &nhiemvu_model::Page) {
    // Each line of an annotation that is a bare number is one stamp; one appearance may
    // carry both the number and the day ("228\n28"), in that order.
    let pieces: Vec<nhiemvu_model::AnnotationText> = page
        .annotations
        .iter()
        .flat_map(|a| {
            let lines: Vec<&str> = a
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let all_numbers = !lines.is_empty()
                && lines
                    .iter()
                    .all(|l| l.len() <= 6 && l.chars().all(|c| c.is_ascii_digit()));
            if all_numbers {
                lines
                    .iter()
                    .map(|l| nhiemvu_model::AnnotationText {
                        text: l.to_string(),
                        ..a.clone()
                    })
                    .collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let numbers: Vec<&nhiemvu_model::AnnotationText> = pieces.iter().collect();
    if numbers.is_empty() {
        return;
    }
    let several_in_one = numbers.len() >= 2 && numbers.iter().all(|a| a.rect == numbers[0].rect);
    let on_line = |pattern: &Regex| -> Option<f32> {
        page.lines
            .iter()
            .find(|l| pattern.is_match(&l.text))
            .map(|l| (l.rect.y0 + l.rect.y1) / 2.0)
    };
    let near = |a: &nhiemvu_model::AnnotationText, y: Option<f32>| match y {
        Some(y) => ((a.rect.y0 + a.rect.y1) / 2.0 - y).abs() < 12.0,
        None => false,
    };
    let number_y = on_line(&NUMBER_LINE);
    let date_y = on_line(&DATE_WORDS);
    let serial_blank = meta
        .number_parts
        .as_ref()
        .map(|n| n.serial.is_none())
        .unwrap_or(false);
    if serial_blank {
        let hit = if several_in_one || number_y.is_none() {
            numbers.first()
        } else {
            numbers.iter().find(|a| near(a, number_y))
        };
        if let (Some(a), Some(parts)) = (hit, meta.number_parts.as_mut()) {
            let serial = a.text.trim().to_string();
            parts.raw = format!("{serial}{}", parts.raw.trim_start());
            parts.serial = Some(serial);
            meta.number = Some(parts.raw.clone());
            meta.stamped.push("number".to_string());
        }
    }
    if meta.date.is_none() {
        if let (Some(y), Some(m)) = (meta.year, meta.month) {
            let hit = if several_in_one {
                numbers.get(1)
            } else {
                numbers.iter().filter(|a| near(a, date_y)).find(|a| {
                    a.text
                        .trim()
                        .parse::<u32>()
                        .map(|d| (1..=31).contains(&d))
                        .unwrap_or(false)
                })
            };
            if let Some(a) = hit {
                let d: u32 = a.text.trim().parse().unwrap_or(0);
                meta.date = NaiveDate::from_ymd_opt(y, m, d);
                if meta.date.is_some() {
                    meta.stamped.push("day".to_string());
                }
            }
        }
    }
}

static LEVEL_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(TỈNH|XÃ|PHƯỜNG|HUYỆN|THÀNH PHỐ|THỊ TRẤN|THỊ XÃ|QUẬN)\s").unwrap());
static LEVEL_IN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s(TỈNH|XÃ|PHƯỜNG|HUYỆN|THÀNH PHỐ|THỊ TRẤN|THỊ XÃ|QUẬN)\s").unwrap());

static ISSUED_WITH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"kèm theo [^()]*?(?:số\s*[^\s]*\s*)?ngày\s*(\d{1,2})?\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    )
    .unwrap()
});

/// When the header gives no date, an appendix's "(Ban hành kèm theo Kế hoạch số …/KH-UBND
/// ngày …/7/2025 …)" dates the document itself (day often blank).
fn date_from_appendix(paras: &[String], meta: &mut Metadata) {
    for p in paras {
        if let Some(c) = ISSUED_WITH.captures(p) {
            meta.year = c[3].parse().ok();
            meta.month = c[2].parse().ok();
            let day: Option<u32> = c.get(1).and_then(|d| d.as_str().parse().ok());
            meta.date = match (meta.year, meta.month, day) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            };
            meta.date_raw = Some(c[0].to_string());
            return;
        }
    }
}

fn looks_issuer(c: &str) -> bool {
    let u = c.to_uppercase();
    [
        "ỦY BAN",
        "UỶ BAN",
        "UBND",
        "ĐẢNG ỦY",
        "ĐẢNG UỶ",
        "ĐẢNG BỘ",
        "SỞ ",
        "BAN ",
        "VĂN PHÒNG",
        "TỈNH ỦY",
        "HỘI ĐỒNG",
        "PHÒNG ",
        "BỘ ",
        "HUYỆN ỦY",
        "THÀNH ỦY",
    ]
    .iter()
    .any(|k| u.starts_with(k))
        && c.chars().count() < 80
}

fn is_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

fn push_addressee(list: &mut Vec<String>, s: &str) {
    for part in s.split(';') {
        let p = part.trim().trim_end_matches(['.', ',', ';']).trim();
        if !p.is_empty() {
            list.push(p.to_string());
        }
    }
}

/// Recipients and signers from the paragraphs after "Nơi nhận".
fn parse_end_matter(paras: &[String], meta: &mut Metadata) {
    let mut cells: Vec<String> = Vec::new();
    for p in paras {
        for c in p.split('\t') {
            let c = c.trim();
            if !c.is_empty() {
                cells.push(c.to_string());
            }
        }
    }
    let mut signer: Option<Signer> = None;
    for c in &cells {
        if NOI_NHAN.is_match(c) {
            let rest = NOI_NHAN.replace(c, "").trim().to_string();
            if !rest.is_empty() {
                meta.recipients
                    .push(rest.trim_start_matches(['-', ' ']).to_string());
            }
            continue;
        }
        if c.starts_with('-') || c.starts_with('+') {
            let r = c
                .trim_start_matches(['-', '+', ' '])
                .trim_end_matches(['.', ';', ','])
                .to_string();
            // "- Lưu: VT, …" and the rest are recipients.
            meta.recipients.push(r);
            continue;
        }
        if let Some(a) = AUTHORITY.captures(c) {
            if let Some(s) = signer.as_mut().filter(|s| s.name.is_none()) {
                // Nested authority ("TL. CHỦ TỊCH" then "KT. CHÁNH VĂN PHÒNG"): one signer.
                let chain = s.on_behalf_of.get_or_insert_with(String::new);
                if !chain.is_empty() {
                    chain.push_str(" / ");
                }
                chain.push_str(c);
                continue;
            }
            if let Some(s) = signer.take() {
                meta.signers.push(s);
            }
            signer = Some(Signer {
                authority: Some(format!("{}.", &a[1])),
                on_behalf_of: Some(a[2].trim().to_string()).filter(|s| !s.is_empty()),
                position: None,
                name: None,
            });
            continue;
        }
        if is_caps(c) && c.chars().count() < 60 {
            let s = signer.get_or_insert(Signer {
                authority: None,
                on_behalf_of: None,
                position: None,
                name: None,
            });
            if s.name.is_some() {
                let done = signer.take().unwrap();
                meta.signers.push(done);
                signer = Some(Signer {
                    authority: None,
                    on_behalf_of: None,
                    position: Some(c.clone()),
                    name: None,
                });
            } else if let Some(a) = AUTHORITY.captures(c) {
                s.authority = Some(format!("{}.", &a[1]));
            } else {
                // Nested authorities: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH…".
                s.position = Some(c.clone());
            }
            continue;
        }
        if looks_name(c) {
            if let Some(s) = signer.as_mut() {
                if s.name.is_none() {
                    s.name = Some(c.clone());
                    continue;
                }
            }
        }
    }
    if let Some(s) = signer {
        meta.signers.push(s);
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

static REFERENCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(Nghị quyết|Kế hoạch(?: hành động)?|Quyết định|Chỉ thị|Thông báo|Công văn|Kết luận|",
        r"Chương trình(?: hành động)?|Hướng dẫn|Thông tư|Nghị định|Quy chế|Báo cáo|Tờ trình|Luật)",
        r"\s+(?:số\s+)?(\d{1,4}[-/][A-ZĐa-z0-9\-/&]*[A-ZĐ])",
        r"(?:,?\s*ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))?",
        r"(?:\s+của\s+((?:Bộ|Ban|Chính phủ|Thủ tướng|Tỉnh ủy|Tỉnh uỷ|UBND|Ủy ban|Chủ tịch|Văn phòng|Đảng ủy|Hội đồng|Sở|HĐND|Quốc hội)[^,;.()“\n]{0,60}?)(?:\s+(?:về|gửi|để|thực hiện|trên|tại)\b|[,;.()“\n]|$))?"
    ))
    .unwrap()
});

/// Every cited document in `paras`, in order, without duplicates.
pub fn references(paras: &[String]) -> Vec<Reference> {
    // Paragraphs are searched independently (on every core for a long document), then the
    // citations are taken in order, the first of each number and date kept.
    let found: Vec<Vec<Reference>> = paras
        .par_iter()
        .with_min_len(256)
        .map(|p| references_in(p))
        .collect();
    let mut out: Vec<Reference> = Vec::new();
    for r in found.into_iter().flatten() {
        if !out
            .iter()
            .any(|o: &Reference| o.number == r.number && o.date == r.date)
        {
            out.push(r);
        }
    }
    out
}

/// Every cited document in one paragraph, in order, duplicates included.
fn references_in(p: &str) -> Vec<Reference> {
    // A document number has a digit then '/' or '-' ("12/KH-UBND"): without one, nothing
    // is cited, and the long pattern need not run.
    let numbered = p
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-'));
    if !numbered {
        return Vec::new();
    }
    REFERENCE
        .captures_iter(p)
        .map(|c| {
            let date = match (c.get(3), c.get(6)) {
                (Some(d), _) => ymd(&c[5], &c[4], d.as_str()),
                (None, Some(d)) => ymd(&c[8], &c[7], d.as_str()),
                _ => None,
            };
            Reference {
                text: c[0]
                    .trim_end_matches([',', ';', '.', '(', ')', ' '])
                    .to_string(),
                kind: kind_from_word(&c[1]),
                number: Some(c[2].to_string()),
                date,
                issuer: c.get(9).map(|m| m.as_str().trim().to_string()),
            }
        })
        .collect()
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<String> {
        s.lines().map(|l| l.to_string()).collect()
    }

    #[test]
    fn state_letter_header_with_blank_number_and_day() {
        let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK LẮK\tĐộc lập - Tự do - Hạnh phúc\nSố: /UBND-KGVX\tĐắk Lắk, ngày tháng 10 năm 2025\nV/v triển khai Kết luận của Thường trực Ban Chỉ đạo tỉnh\nKính gửi:\n- Các sở, ban, ngành;\n- UBND các xã, phường.\nThực hiện Kết luận của đồng chí Đỗ Hữu Huy (Thông báo số 09-TB/VPTU ngày 21/10/2025 của Văn phòng Tỉnh ủy gửi kèm), UBND tỉnh có ý kiến như sau:\n1. Giao các sở triển khai.\nNơi nhận:\tTL. CHỦ TỊCH\n- Như trên;\tKT. CHÁNH VĂN PHÒNG\n- Lưu: VT, KGVX.\tPHÓ CHÁNH VĂN PHÒNG\nCao Như Khánh");
        let (m, r) = parse(&p);
        assert_eq!(m.kind, DocKind::CongVan);
        assert_eq!(m.number, None);
        let n = m.number_parts.unwrap();
        assert_eq!(n.issuer_code.as_deref(), Some("UBND-KGVX"));
        assert_eq!(m.date, None);
        assert_eq!((m.year, m.month), (Some(2025), Some(10)));
        assert_eq!(m.place.as_deref(), Some("Đắk Lắk"));
        assert_eq!(
            m.addressees,
            vec!["Các sở, ban, ngành", "UBND các xã, phường"]
        );
        assert_eq!(m.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"));
        assert_eq!(m.form, Some(DocForm::State));
        assert_eq!(r.body_start, 7);
        assert_eq!(r.body_end, 9);
        assert_eq!(m.signers.len(), 1);
        assert_eq!(m.signers[0].name.as_deref(), Some("Cao Như Khánh"));
        assert_eq!(m.signers[0].authority.as_deref(), Some("TL."));
        assert!(m.recipients.iter().any(|r| r.starts_with("Lưu")));
        let refs = &m.references;
        assert_eq!(refs[0].number.as_deref(), Some("09-TB/VPTU"));
        assert_eq!(refs[0].date, NaiveDate::from_ymd_opt(2025, 10, 21));
        assert_eq!(refs[0].issuer.as_deref(), Some("Văn phòng Tỉnh ủy"));
    }

    #[test]
    fn party_header_and_kind_line_with_title() {
        let p = paras("ĐẢNG BỘ TỈNH ĐẮK LẮK\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG EA KAO\tEa Kao, ngày 09 tháng 01 năm 2026\nSố 54-TB/ĐU\nTHÔNG BÁO\nKết luận Hội nghị Ban Chấp hành Đảng bộ phường lần thứ 5 (mở rộng),\ntổng kết công tác năm 2025\n-----\nNgày 06/01/2025, Ban Chấp hành Đảng bộ phường tổ chức Hội nghị.");
        let (m, r) = parse(&p);
        assert_eq!(m.kind, DocKind::ThongBao);
        assert_eq!(m.number.as_deref(), Some("54-TB/ĐU"));
        assert_eq!(
            m.number_parts.as_ref().unwrap().kind_code.as_deref(),
            Some("TB")
        );
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2026, 1, 9));
        assert_eq!(m.form, Some(DocForm::Party));
        assert_eq!(m.issuer.as_deref(), Some("ĐẢNG ỦY PHƯỜNG EA KAO"));
        assert_eq!(m.issuer_parent.as_deref(), Some("ĐẢNG BỘ TỈNH ĐẮK LẮK"));
        assert!(m.title.unwrap().starts_with("Kết luận Hội nghị"));
        assert_eq!(r.body_start, 7);
    }

    #[test]
    fn stamped_number_and_day_are_merged_from_annotations() {
        use nhiemvu_model::{AnnotationKind, AnnotationText, Page, Rect, TextLine};
        let p = paras("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /BC-SNV\tĐắk Lắk, ngày tháng 11 năm 2025\nBÁO CÁO");
        let (mut m, _) = parse(&p);
        assert_eq!(m.number, None);
        let run = |text: &str, x0: f32, y: f32| TextLine {
            text: text.into(),
            rect: Rect {
                x0,
                y0: y,
                x1: x0 + 100.0,
                y1: y + 13.0,
            },
            font_size: 13.0,
            font: String::new(),
        };
        let ann = |text: &str, x0: f32, y: f32| AnnotationText {
            kind: AnnotationKind::Widget,
            field: Some("Signature2".into()),
            signature_field: true,
            rect: Rect {
                x0,
                y0: y,
                x1: x0 + 20.0,
                y1: y + 13.0,
            },
            text: text.into(),
        };
        let page = Page {
            number: 1,
            text: String::new(),
            annotations: vec![ann("228", 95.0, 700.0), ann("28", 380.0, 700.0)],
            readability: None,
            lines: vec![
                run("Số: /BC-SNV", 60.0, 700.0),
                run("Đắk Lắk, ngày tháng 11 năm 2025", 300.0, 700.0),
            ],
        };
        merge_stamped(&mut m, &page);
        assert_eq!(m.number.as_deref(), Some("228/BC-SNV"));
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2025, 11, 28));
        assert_eq!(m.stamped, vec!["number", "day"]);
    }

    #[test]
    fn header_without_motto_is_read() {
        let p = paras("UBND XÃ EA WY\nSố: 146/KH-UBND\nKẾ HOẠCH\nTriển khai thực hiện Kế hoạch số 146/KH-UBND ngày 25/6/2025 của Chủ tịch UBND tỉnh\nI. MỤC TIÊU");
        let (m, r) = parse(&p);
        assert_eq!(m.kind, DocKind::KeHoach);
        assert_eq!(m.number.as_deref(), Some("146/KH-UBND"));
        assert_eq!(
            m.number_parts.as_ref().unwrap().serial.as_deref(),
            Some("146")
        );
        assert_eq!(r.body_start, 4);
        assert_eq!(
            m.references[0].issuer.as_deref(),
            Some("Chủ tịch UBND tỉnh")
        );
    }
}
