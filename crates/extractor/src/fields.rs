//! Labelled fields after a plan's items: "Đơn vị chủ trì: Sở Y tế." / "Đơn vị phối hợp:
//! Sở Tài chính." / "Thời gian thực hiện: Quý IV/2026." — the prose form of a task table row.
//!
//! A block of field paragraphs (marked or not, with a bare "Cơ quan thực hiện:" line
//! allowed between them) gives its units and time to the task items before it, back to the
//! previous block or the nearest numbered heading. The labels are the task-table column
//! headings of the lexicon ([`nhiemvu_normalizer::lexicon::columns`]).

use crate::outline::{marker_of, MarkerKind};
use crate::units;
use nhiemvu_normalizer::lexicon::columns::{column_of, is_field_label, Column};

/// A run of field paragraphs and the paragraphs it speaks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldBlock {
    /// First paragraph the block applies to (after the previous block or at the nearest
    /// numbered heading).
    pub scope_start: usize,
    /// First field paragraph.
    pub first: usize,
    /// Last field paragraph.
    pub last: usize,
    /// Lead units named by the block.
    pub leads: Vec<String>,
    /// Supporting units named by the block.
    pub coordinators: Vec<String>,
    /// The time field's value ("Quý IV/2026", "Thường xuyên").
    pub time: Option<String>,
}

/// A field paragraph: its column and value (the value may be empty: "Cơ quan thực hiện:").
pub fn field_of(text: &str) -> Option<(Option<Column>, String)> {
    let t = strip(text);
    let (label, value) = t.split_once(':')?;
    let label = label.trim();
    if label.is_empty() || label.split_whitespace().count() > 7 || !is_field_label(label) {
        return None;
    }
    let value = value.trim().trim_end_matches(['.', ';']).trim().to_string();
    match column_of(label) {
        Some(c @ (Column::Lead | Column::Coordinator | Column::Time)) => Some((Some(c), value)),
        // "Cơ quan thực hiện:" / "Đơn vị thực hiện:" opening the unit fields.
        _ if value.is_empty() && is_unit_group_label(label) => Some((None, value)),
        _ => None,
    }
}

fn is_unit_group_label(label: &str) -> bool {
    let l = label.to_lowercase();
    (l.starts_with("cơ quan") || l.starts_with("đơn vị")) && l.ends_with("thực hiện")
}

/// `text` without its list marker and emphasis stars.
fn strip(text: &str) -> String {
    let t = text.trim();
    let t = match marker_of(t) {
        Some(m) => &t[m.len..],
        None => t,
    };
    t.replace('*', "").trim().to_string()
}

/// Field blocks of a body whose paragraphs are `paras`, in order.
pub fn blocks(paras: &[String]) -> Vec<FieldBlock> {
    let mut out: Vec<FieldBlock> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let Some(_) = field_of(&paras[i]) else {
            i += 1;
            continue;
        };
        let first = i;
        let mut block = FieldBlock {
            first,
            ..FieldBlock::default()
        };
        while let Some((col, value)) = paras.get(i).and_then(|p| field_of(p)) {
            match col {
                Some(Column::Lead) => block.leads.extend(split(&value)),
                Some(Column::Coordinator) => block.coordinators.extend(split(&value)),
                Some(Column::Time) if !value.is_empty() => block.time = Some(value),
                _ => {}
            }
            block.last = i;
            i += 1;
        }
        if block.leads.is_empty() && block.coordinators.is_empty() && block.time.is_none() {
            continue;
        }
        let previous_end = out.last().map_or(0, |b| b.last + 1);
        let heading = (previous_end..first)
            .rev()
            .find(|&k| is_numbered_heading(&paras[k]))
            .unwrap_or(previous_end);
        block.scope_start = heading.max(previous_end);
        out.push(block);
    }
    out
}

/// True for a paragraph opened by a Roman or decimal number ("1.", "1.2.", "II.").
fn is_numbered_heading(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches('*');
    matches!(
        marker_of(t).map(|m| m.kind),
        Some(MarkerKind::Roman | MarkerKind::Decimal(_) | MarkerKind::Article)
    )
}

/// A field value split into units ("Các Sở, ngành, đơn vị, UBND cấp xã", "Sở A; Sở B").
fn split(value: &str) -> Vec<String> {
    value
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(units::split_units)
        .map(|u| u.trim().trim_end_matches(['.', ',']).to_string())
        .filter(|u| !u.is_empty())
        .collect()
}

/// The block that speaks for a task made of paragraphs `task_paras`, if any: the task lies
/// inside the block's scope, before its fields.
pub fn block_for<'a>(blocks: &'a [FieldBlock], task_paras: &[usize]) -> Option<&'a FieldBlock> {
    let (lo, hi) = (task_paras.iter().min()?, task_paras.iter().max()?);
    blocks
        .iter()
        .find(|b| *lo >= b.scope_start && *hi < b.first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn unmarked_fields_after_bullets_speak_for_the_bullets_of_their_heading() {
        let p = paras(concat!(
            "1. Kiện toàn đội ngũ hòa giải viên ở cơ sở\n",
            "- Rà soát danh sách hòa giải viên tại các thôn.\n",
            "- Bổ sung hòa giải viên còn thiếu.\n",
            "*Đơn vị chủ trì thực hiện: *UBND các xã, phường.\n",
            "*Đơn vị phối hợp: *Sở Tư pháp, Công an tỉnh.\n",
            "*Thời gian thực hiện: *Quý IV/2026.\n",
            "2. Tập huấn kỹ năng hòa giải\n",
            "- Mở lớp tập huấn cho hòa giải viên mới.\n",
            "Đơn vị chủ trì: Sở Tư pháp.\n",
        ));
        let b = blocks(&p);
        assert_eq!(b.len(), 2, "{b:#?}");
        assert_eq!((b[0].scope_start, b[0].first, b[0].last), (0, 3, 5));
        assert_eq!(b[0].leads, ["UBND các xã, phường"]);
        assert_eq!(b[0].coordinators, ["Sở Tư pháp", "Công an tỉnh"]);
        assert_eq!(b[0].time.as_deref(), Some("Quý IV/2026"));
        assert_eq!(block_for(&b, &[1]).map(|x| x.first), Some(3));
        assert_eq!(
            block_for(&b, &[7]).map(|x| x.leads.clone()),
            Some(vec!["Sở Tư pháp".to_string()])
        );
        assert_eq!(b[1].scope_start, 6);
    }

    #[test]
    fn lettered_task_unit_and_time_fields() {
        let p = paras(concat!(
            "1.1. Số hóa hồ sơ địa chính:\n",
            "a) Nhiệm vụ: Hoàn thành số hóa hồ sơ địa chính của các xã.\n",
            "b) Cơ quan thực hiện:\n",
            "- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.\n",
            "- Đơn vị phối hợp: UBND các xã.\n",
            "c) Thời gian thực hiện: Hoàn thành trong năm 2026.\n",
        ));
        let b = blocks(&p);
        assert_eq!(b.len(), 1, "{b:#?}");
        assert_eq!((b[0].scope_start, b[0].first, b[0].last), (0, 2, 5));
        assert_eq!(b[0].leads, ["Sở Nông nghiệp và Môi trường"]);
        assert_eq!(b[0].time.as_deref(), Some("Hoàn thành trong năm 2026"));
        assert!(block_for(&b, &[1]).is_some());
    }

    #[test]
    fn ordinary_sentences_with_a_colon_are_not_fields() {
        for s in [
            "Giao Sở Y tế chủ trì: rà soát danh mục thuốc.",
            "Nội dung kiểm tra: việc chấp hành quy định về an toàn thực phẩm.",
            "Sở Tài chính: thẩm định dự toán.",
        ] {
            assert_eq!(field_of(s), None, "{s}");
        }
        assert!(blocks(&paras("- Rà soát quy hoạch.\nGhi chú: không")).is_empty());
    }
}
