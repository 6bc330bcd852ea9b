//! Tests of `score`.

use super::*;
use chrono::{FixedOffset, TimeZone};
use nhiemvu_model::{Comparator, Deadline, Provenance, Recurrence, Source, SourceFormat, Target};

fn unit(raw: &str) -> Unit {
    Unit {
        name: raw.into(),
        raw: raw.into(),
    }
}

fn task(text: &str, assignees: &[&str]) -> Task {
    Task {
        id: format!("id-{}", text.len()),
        section: "1".into(),
        text: text.into(),
        assignees: assignees.iter().map(|a| unit(a)).collect(),
        coordinators: vec![],
        assignees_rule: None,
        coordinators_rule: None,
        deadline: None,
        targets: vec![],
        provenance: Provenance {
            page: 1,
            start: 0,
            end: 1,
            end_page: None,
        },
    }
}

fn gold(quote: &str, assignees: &[&str]) -> GoldTask {
    GoldTask {
        quote: quote.into(),
        assignees: assignees.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn date(y: i32, m: u32, d: u32) -> Moment {
    Moment::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn quotes_match_across_case_tone_style_whitespace_and_nfd() {
    let mut rec = DocumentRecord::new(Source::new("x.txt", "", 1, SourceFormat::Text));
    // NFD letters, old tone placement ("hoà"), a line break inside the quote.
    rec.tasks.push(task(
        "Sở Tài chính chủ trì, Hoà  nhập\nchuyển đổi số trong quý I/2026.",
        &["Sở Tài chính"],
    ));
    let quote = "hòa nhập chuyển đổi số";
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(quote).collect::<String>();
    let (c, f) = score(&rec, &[gold(&nfd, &["sở tài chính"])]);
    assert_eq!((c.matched, c.assignee), (1, 1), "{f:?}");
}

#[test]
fn one_to_one_matching_counts_extras_and_misses() {
    let mut rec = DocumentRecord::new(Source::new("x.txt", "", 1, SourceFormat::Text));
    rec.tasks
        .push(task("Rà soát thủ tục hành chính năm 2026", &["UBND xã"]));
    rec.tasks
        .push(task("Rà soát thủ tục hành chính quý II", &["UBND xã"]));
    rec.tasks.push(task("Báo cáo kết quả thực hiện", &[]));
    let g = [
        gold("Rà soát thủ tục", &["UBND xã"]),
        gold("Rà soát thủ tục", &["Ủy ban nhân dân xã"]),
        gold("Tổ chức hội nghị sơ kết", &[]),
    ];
    let (c, f) = score(&rec, &g);
    assert_eq!((c.gold, c.predicted, c.matched), (3, 3, 2));
    assert_eq!(c.assignee, 2, "{f:?}");
    assert!(f.contains(&Finding::Missed("Tổ chức hội nghị sơ kết".into())));
    assert!(f
        .iter()
        .any(|x| matches!(x, Finding::Extra(_, t) if t.starts_with("Báo cáo"))));
    let m = c.metrics();
    assert!((m.f1 - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn unit_names_compare_strictly_with_only_a_locality_allowed() {
    let loc = Locality::parse("tỉnh An Hòa");
    let loc = loc.as_ref();
    assert!(unit_names_equal("Sở Nội vụ", "Sở Nội vụ tỉnh An Hòa", loc));
    assert!(unit_names_equal("Sở Nội vụ tỉnh An Hoà", "sở nội  vụ", loc));
    assert!(unit_names_equal(
        "UBND tỉnh",
        "Ủy ban nhân dân tỉnh An Hòa",
        loc
    ));
    assert!(!unit_names_equal(
        "Trung tâm Khuyến công",
        "Trung tâm Khuyến công, Tư vấn phát triển công nghiệp",
        loc
    ));
    assert!(!unit_names_equal(
        "Sở Tài chính chủ trì",
        "Sở Tài chính",
        loc
    ));
    assert!(!unit_names_equal(
        "Sở Nội vụ tỉnh Bình Lâm",
        "Sở Nội vụ",
        loc
    ));
    assert!(!unit_names_equal(
        "Sở Nội vụ tỉnh An Hòa",
        "Sở Nội vụ",
        None
    ));
    // The raw text does not rescue a wrong name.
    let cut = Unit {
        name: "Trung tâm Khuyến công".into(),
        raw: "Trung tâm Khuyến công, Tư vấn phát triển công nghiệp".into(),
    };
    let g = vec!["Trung tâm Khuyến công, Tư vấn phát triển công nghiệp".to_string()];
    assert!(!units_equal(&[cut], &g, loc));
}

#[test]
fn unit_sets_pair_one_to_one_by_name() {
    let pred = vec![
        Unit {
            name: "Ủy ban nhân dân xã".into(),
            raw: "UBND xã".into(),
        },
        unit("Công an xã"),
    ];
    let g = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(units_equal(&pred, &g(&["công an xã", "UBND xã"]), None));
    assert!(units_equal(
        &pred,
        &g(&["Ủy ban nhân dân xã", "Công an  xã"]),
        None
    ));
    assert!(!units_equal(&pred, &g(&["UBND xã"]), None));
    assert!(!units_equal(
        &pred,
        &g(&["UBND xã", "Công an xã", "Đoàn Thanh niên"]),
        None
    ));
    assert!(!units_equal(&pred, &g(&["HĐND xã", "Công an xã"]), None));
    assert!(units_equal(&[], &[], None));
}

#[test]
fn moments_compare_as_the_contract_says() {
    let tz = FixedOffset::east_opt(7 * 3600).unwrap();
    let t = Moment::DateTime(tz.with_ymd_and_hms(2025, 10, 28, 17, 0, 0).unwrap());
    assert!(moment_equal(Some(&t), Some("2025-10-28T17:00")));
    assert!(moment_equal(Some(&t), Some("2025-10-28T17:00:00")));
    assert!(moment_equal(Some(&t), Some("2025-10-28T10:00:00Z")));
    assert!(!moment_equal(Some(&t), Some("2025-10-28T16:30")));
    assert!(!moment_equal(Some(&t), Some("2025-10-28")));
    assert!(moment_equal(Some(&date(2026, 6, 30)), Some("2026-06-30")));
    assert!(!moment_equal(Some(&date(2026, 6, 30)), Some("2026-06-29")));
    assert!(!moment_equal(Some(&date(2026, 6, 30)), None));
    assert!(!moment_equal(None, Some("2026-06-30")));
    assert!(moment_equal(None, None));
    assert!(!moment_equal(Some(&date(2026, 6, 30)), Some("30/06/2026")));
    assert!(GoldMoment::parse("30/06/2026").is_err());
}

#[test]
fn fields_and_targets_over_matched_tasks() {
    let mut rec = DocumentRecord::new(Source::new("x.txt", "", 1, SourceFormat::Text));
    let mut t = task(
        "Phấn đấu tỷ lệ hồ sơ trực tuyến đạt ít nhất 50%, top 10/102",
        &[],
    );
    t.deadline = Some(Deadline {
        due: Some(date(2026, 12, 31)),
        start: Some(date(2026, 4, 1)),
        recurrence: Some(Recurrence {
            freq: nhiemvu_model::Frequency::Quarterly,
            rule: None,
            raw: "hằng quý".into(),
        }),
        ongoing: false,
        raw: "đến cuối năm 2026".into(),
        due_rule: None,
    });
    let target = |raw: &str| Target {
        raw: raw.into(),
        value: Some(50.0),
        value_max: None,
        unit: Some("%".into()),
        comparator: Comparator::Ge,
        measure: None,
        by: None,
    };
    t.targets = vec![target("ít nhất 50%")];
    rec.tasks.push(t);
    let g = GoldTask {
        quote: "tỷ lệ hồ sơ trực tuyến".into(),
        due: Some("2026-12-31".into()),
        start: Some("2026-04-01".into()),
        recurring: true,
        targets: vec!["50%".into(), "top 10/102".into()],
        ..Default::default()
    };
    let (c, f) = score(&rec, &[g]);
    assert_eq!(
        (c.due, c.start, c.recurring, c.targets_gold, c.targets_found),
        (1, 1, 1, 2, 1),
        "{f:?}"
    );
    let m = c.metrics();
    assert_eq!(m.target_recall, Some(0.5));
    assert_eq!(m.precision, Some(1.0));
}

#[test]
fn empty_gold_and_prediction_score_f1_one_and_rates_unmeasured() {
    let m = Counts::default().metrics();
    assert_eq!(m.f1, 1.0);
    assert_eq!(m.assignee, None);
    let m = Counts {
        gold: 2,
        ..Default::default()
    }
    .metrics();
    assert_eq!((m.f1, m.recall, m.precision), (0.0, Some(0.0), None));
}

#[test]
fn metadata_fields_score_after_normalisation() {
    use nhiemvu_model::{DocKind, Metadata, Signer, Source, SourceFormat};
    let mut rec = DocumentRecord::new(Source::new("a.txt", "", 1, SourceFormat::Text));
    rec.document = Some(Metadata {
        kind: DocKind::CongVan,
        number: Some("77/SXD-QH".into()),
        issuer: Some("Sở Xây dựng tỉnh An Hòa".into()),
        date: NaiveDate::from_ymd_opt(2026, 3, 2),
        title: Some("góp ý  dự thảo quy hoạch chung.".into()),
        signers: vec![Signer {
            authority: Some("KT.".into()),
            on_behalf_of: Some("GIÁM ĐỐC".into()),
            position: Some("Phó Giám đốc".into()),
            name: Some("Trần Văn Bình".into()),
        }],
        ..Default::default()
    });
    let gold: GoldMeta = serde_json::from_str(
        r#"{"kind":"cong_van","number":"77/SXD-QH","issuer":"Sở Xây dựng tỉnh An Hoà",
        "date":"2026-03-02","title":"V/v góp ý dự thảo quy hoạch chung",
        "signers":[{"position":"Phó Giám đốc","name":"Trần Văn Bình"}]}"#,
    )
    .unwrap();
    let (c, f) = score_meta(&rec, &gold);
    assert_eq!(c.right, [1, 1, 1, 1, 1, 1], "{f:?}");
    let mut wrong = gold.clone();
    wrong.issuer = Some("Sở Xây dựng".into());
    wrong.date = Some("2026-03-03".into());
    wrong.signers[0].position = Some("Giám đốc".into());
    let (c, f) = score_meta(&rec, &wrong);
    assert_eq!(c.right, [1, 1, 0, 0, 1, 0]);
    assert_eq!(f.len(), 3);
}
