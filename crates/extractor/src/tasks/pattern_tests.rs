//! Table-driven checks of what is a task and where its lead comes from, one row per
//! pattern of generalization.md (P2, P6, P8) and annotation-guide rules 3, 8 and 14.
//! Every sentence is invented (units, places and dates of an imaginary province).

use super::*;
use crate::{analyse, outline};

/// One expected task: the start of its text, its leads, the rule that chose them.
type Want = (&'static str, &'static [&'static str], Option<UnitRule>);

struct Case {
    name: &'static str,
    kind: DocKind,
    lines: &'static [&'static str],
    want: &'static [Want],
}

fn run(kind: DocKind, lines: &[&str], addressees: &[String]) -> Vec<Draft> {
    let paras: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    let o = outline::build(lines, analyse::continues_item);
    find(&o, &paras, kind, addressees)
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let got = run(c.kind, c.lines, &[]);
        let got_rows: Vec<String> = got
            .iter()
            .map(|d| format!("{:?} {:?} {:?}", short(&d.text), d.leads, d.leads_rule))
            .collect();
        let want_rows: Vec<String> = c
            .want
            .iter()
            .map(|(t, l, r)| format!("{:?} {:?} {:?}", t, l, r))
            .collect();
        let same = got.len() == c.want.len()
            && got
                .iter()
                .zip(c.want)
                .all(|(d, (t, l, r))| d.text.starts_with(t) && d.leads == *l && d.leads_rule == *r);
        if !same {
            failures.push(format!(
                "{}:\n  got  {:#?}\n  want {:#?}",
                c.name, got_rows, want_rows
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn short(t: &str) -> String {
    t.chars().take(40).collect()
}

#[test]
fn p2_records_agendas_and_lists_hold_no_tasks() {
    check(&[
        Case {
            name: "inspection agenda and delegation list",
            kind: DocKind::ThongBao,
            lines: &[
                "I. NỘI DUNG LÀM VIỆC",
                "1. Tình hình thực hiện Kế hoạch số 45/KH-UBND ngày 10/2/2027.",
                "- Xây dựng phần mềm quản lý hồ sơ đất đai.",
                "II. THÀNH PHẦN THAM DỰ",
                "- Lãnh đạo Sở Xây dựng cùng chuyên viên phụ trách quy hoạch.",
                "III. TỔ CHỨC THỰC HIỆN",
                "1. Giao Sở Xây dựng chuẩn bị tài liệu trước ngày 12/3/2027.",
            ],
            want: &[(
                "Giao Sở Xây dựng chuẩn bị",
                &["Sở Xây dựng"],
                Some(UnitRule::GiaoX),
            )],
        },
        Case {
            name: "requirements under purpose, targets, eligibility",
            kind: DocKind::KeHoach,
            lines: &[
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "- Nâng cao chất lượng dịch vụ công trực tuyến.",
                "2. Yêu cầu",
                "- Triển khai đồng bộ, hiệu quả, đúng tiến độ.",
                "II. CHỈ TIÊU CHỦ YẾU",
                "- Phấn đấu 95% hồ sơ được giải quyết trực tuyến.",
                "III. ĐỐI TƯỢNG THAM GIA",
                "- Các tổ chức, cá nhân có hoạt động kinh doanh trên địa bàn.",
                "IV. NHIỆM VỤ",
                "1. Rà soát quy trình nội bộ của các thủ tục hành chính.",
            ],
            want: &[("Rà soát quy trình nội bộ", &[], None)],
        },
        Case {
            name: "dossier components and a dossier sentence in a task zone",
            kind: DocKind::KeHoach,
            lines: &[
                "III. TỔ CHỨC THỰC HIỆN",
                "1. Hồ sơ đề nghị xét duyệt gồm:",
                "a) Tờ trình của Ủy ban nhân dân xã.",
                "b) Báo cáo thành tích có xác nhận của cơ quan quản lý.",
                "2. Hồ sơ đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen nộp 02 bản.",
                "3. Giao Sở Nội vụ thẩm định hồ sơ trong tháng 9/2027.",
            ],
            want: &[(
                "Giao Sở Nội vụ thẩm định",
                &["Sở Nội vụ"],
                Some(UnitRule::GiaoX),
            )],
        },
        Case {
            name: "past results with a task-like sub-heading",
            kind: DocKind::KeHoach,
            lines: &[
                "I. KẾT QUẢ ĐẠT ĐƯỢC",
                "1. Về thực hiện các giải pháp trọng tâm",
                "- Triển khai 12 mô hình sản xuất an toàn.",
                "II. NHIỆM VỤ NĂM 2027",
                "1. Tiếp tục nhân rộng mô hình sản xuất an toàn.",
            ],
            want: &[("Tiếp tục nhân rộng", &[], None)],
        },
        Case {
            name: "courtesy closing is not a task",
            kind: DocKind::CongVan,
            lines: &[
                "1. Đề nghị Sở Tài chính thẩm định dự thảo trước ngày 05/4/2027.",
                "Rất mong nhận được sự quan tâm, phối hợp của Quý cơ quan./.",
            ],
            want: &[(
                "Đề nghị Sở Tài chính thẩm định",
                &["Sở Tài chính"],
                Some(UnitRule::GiaoX),
            )],
        },
    ]);
}

#[test]
fn p2_real_instructions_are_kept() {
    check(&[
        Case {
            name: "an item opening with 'Căn cứ …,' keeps its children",
            kind: DocKind::ThongBao,
            lines: &[
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Căn cứ kết quả khảo sát, đề nghị Sở Công Thương và UBND các phường đề xuất phương án; lưu ý:",
                "- Phương án cần nêu rõ nguồn vốn và tiến độ.",
            ],
            want: &[(
                "Phương án cần nêu rõ",
                &["Sở Công Thương", "UBND các phường"],
                Some(UnitRule::Heading),
            )],
        },
        Case {
            name: "status sentence then an order",
            kind: DocKind::ThongBao,
            lines: &[
                "1. Đến nay mới có 5/9 phường đã nộp báo cáo. Giao Sở Tư pháp đôn đốc các phường hoàn thành trước ngày 20/5/2027.",
            ],
            want: &[("Đến nay mới có", &["Sở Tư pháp"], Some(UnitRule::GiaoX))],
        },
        Case {
            name: "'đã' in a relative clause",
            kind: DocKind::ThongBao,
            lines: &[
                "1. Giao UBND xã Hòa Phong:",
                "- Chi trả hỗ trợ cho các hộ đã được phê duyệt danh sách trong tháng 10/2027.",
            ],
            want: &[("Chi trả hỗ trợ", &["UBND xã Hòa Phong"], Some(UnitRule::Heading))],
        },
        Case {
            name: "a noun homograph before a unit does not open",
            kind: DocKind::KeHoach,
            lines: &["1. Lãnh đạo Sở Nông nghiệp và Phát triển nông thôn cùng các chuyên viên."],
            want: &[],
        },
    ]);
}

#[test]
fn p6_inheritance() {
    check(&[
        Case {
            name: "'Trách nhiệm của X, Y' heading",
            kind: DocKind::KeHoach,
            lines: &[
                "IV. TỔ CHỨC THỰC HIỆN",
                "1. Trách nhiệm của Sở Tư pháp, Công an tỉnh",
                "a) Tổ chức tuyên truyền pháp luật tại các trường học trong quý II/2027.",
            ],
            want: &[(
                "Tổ chức tuyên truyền",
                &["Sở Tư pháp", "Công an tỉnh"],
                Some(UnitRule::Heading),
            )],
        },
        Case {
            name: "no sibling inheritance",
            kind: DocKind::KeHoach,
            lines: &[
                "II. NHIỆM VỤ",
                "1. Sở Tài chính chủ trì thẩm định dự toán năm 2028.",
                "2. Rà soát các khoản chi thường xuyên.",
            ],
            want: &[
                ("Sở Tài chính chủ trì", &["Sở Tài chính"], Some(UnitRule::XChuTri)),
                ("Rà soát các khoản chi", &[], None),
            ],
        },
        Case {
            name: "a second doer of the item's own is added to the heading's",
            kind: DocKind::ThongBao,
            lines: &[
                "2. Giao Trung tâm Y tế huyện:",
                "- Tổ chức tiêm chủng mở rộng; các phòng chuyên môn thuộc UBND huyện chủ động bố trí địa điểm.",
            ],
            want: &[(
                "Tổ chức tiêm chủng",
                &["Trung tâm Y tế huyện", "các phòng chuyên môn thuộc UBND huyện"],
                Some(UnitRule::XChuTri),
            )],
        },
    ]);
}

#[test]
fn p6_a_bullet_that_names_only_coordinators_lends_them() {
    let d = run(
        DocKind::KeHoach,
        &[
            "3. Sở Công Thương",
            "- Chủ trì, phối hợp với Sở Tài chính, Cục Thuế tỉnh, trong đó:",
            "+ Kiểm tra các cửa hàng xăng dầu trước ngày 30/10/2027.",
        ],
        &[],
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].leads, vec!["Sở Công Thương"]);
    assert_eq!(d[0].coordinators, vec!["Sở Tài chính", "Cục Thuế tỉnh"]);
    assert_eq!(d[0].coordinators_rule, Some(UnitRule::Heading));
}

#[test]
fn p8_segmentation() {
    check(&[
        Case {
            name: "a follow-on paragraph that begins a new order is its own task",
            kind: DocKind::ThongBao,
            lines: &[
                "2. Giao Sở Y tế kiểm tra an toàn thực phẩm trong tháng 8/2027.",
                "Các đơn vị được giao nhiệm vụ khẩn trương triển khai. Giao Sở Tài chính tổng hợp kết quả trước ngày 15/9/2027.",
            ],
            want: &[
                ("Giao Sở Y tế kiểm tra", &["Sở Y tế"], Some(UnitRule::GiaoX)),
                ("Giao Sở Tài chính tổng hợp", &["Sở Tài chính"], Some(UnitRule::GiaoX)),
            ],
        },
        Case {
            name: "a follow-on paragraph without a new order stays in the item",
            kind: DocKind::KeHoach,
            lines: &[
                "II. NHIỆM VỤ",
                "1. Phát triển du lịch cộng đồng: UBND xã chủ trì xây dựng sản phẩm du lịch.",
                "Đồng thời quảng bá sản phẩm đặc sản. UBND xã chịu trách nhiệm theo dõi kết quả.",
            ],
            want: &[("Phát triển du lịch cộng đồng", &["UBND xã"], Some(UnitRule::XChuTri))],
        },
        Case {
            name: "prose body under a unit heading: verb-first sentences",
            kind: DocKind::ThongBao,
            lines: &[
                "3. Sở Tư pháp:",
                "Khẩn trương rà soát văn bản quy phạm pháp luật, báo cáo UBND tỉnh trước ngày 31/7/2027.",
            ],
            want: &[(
                "Khẩn trương rà soát",
                &["Sở Tư pháp"],
                Some(UnitRule::Heading),
            )],
        },
        Case {
            name: "prose under a topic heading: 'chủ trì,' is an order",
            kind: DocKind::ThongBao,
            lines: &[
                "1. Về phòng, chống thiên tai:",
                "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các xã kiểm tra hồ đập trước mùa mưa.",
            ],
            want: &[(
                "Sở Nông nghiệp và Môi trường chủ trì",
                &["Sở Nông nghiệp và Môi trường"],
                Some(UnitRule::XChuTri),
            )],
        },
    ]);
}

#[test]
fn rule_14_cross_reference_assigns_a_part() {
    check(&[Case {
        name: "pointer item gives its unit the tasks of IV.1",
        kind: DocKind::KeHoach,
        lines: &[
            "IV. NHIỆM VỤ CỤ THỂ",
            "1. Nhóm nhiệm vụ về hạ tầng",
            "a) Nâng cấp mạng cáp quang đến các thôn.",
            "b) Sở Tài chính bố trí vốn đối ứng.",
            "V. TỔ CHỨC THỰC HIỆN",
            "1. Sở Khoa học và Công nghệ chủ trì triển khai các nhiệm vụ tại mục IV.1.",
        ],
        want: &[
            (
                "Nâng cấp mạng cáp quang",
                &["Sở Khoa học và Công nghệ"],
                Some(UnitRule::CrossReference),
            ),
            (
                "Sở Tài chính bố trí",
                &["Sở Tài chính"],
                Some(UnitRule::XChuTri),
            ),
        ],
    }]);
}

#[test]
fn an_order_whose_bullets_are_noun_phrases_is_one_task() {
    let d = run(
        DocKind::KeHoach,
        &[
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Sở Tài chính tham mưu UBND tỉnh trình HĐND tỉnh quyết định:",
            "- Phương án phân bổ vốn sự nghiệp cho các xã vùng cao;",
            "- Mức hỗ trợ từ ngân sách tỉnh cho từng dự án.",
            "2. Sở Y tế:",
            "- Rà soát danh mục thuốc thiết yếu.",
            "- Kiểm tra các cơ sở bán lẻ thuốc.",
        ],
        &[],
    );
    let texts: Vec<&str> = d.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(d.len(), 3, "{texts:#?}");
    assert!(texts[0].starts_with("Sở Tài chính tham mưu"), "{texts:#?}");
    assert_eq!(d[0].leads, vec!["Sở Tài chính"]);
    assert!(texts[1].starts_with("Rà soát danh mục"), "{texts:#?}");
}

#[test]
fn a_bare_head_stands_for_the_addressee_of_the_letter() {
    let d = run(
        DocKind::CongVan,
        &[
            "1. Đề nghị Công ty hoàn thiện hồ sơ thiết kế trước ngày 15/9/2027.",
            "2. Sau khi hoàn thành, đề nghị Công ty gửi báo cáo về Sở Xây dựng.",
        ],
        &["Công ty trách nhiệm hữu hạn Hoa Sen".to_string()],
    );
    assert_eq!(d.len(), 2, "{d:#?}");
    for t in &d {
        assert_eq!(
            t.leads,
            vec!["Công ty trách nhiệm hữu hạn Hoa Sen"],
            "{t:#?}"
        );
    }
}

#[test]
fn addressees_and_lead_ins_name_their_rule() {
    let d = run(
        DocKind::CongVan,
        &["1. Rà soát danh sách hộ cận nghèo trước ngày 10/11/2027."],
        &["UBND các xã".to_string()],
    );
    assert_eq!(d[0].leads, vec!["UBND các xã"]);
    assert_eq!(d[0].leads_rule, Some(UnitRule::Addressees));
    let d = run(
        DocKind::ChiThi,
        &[
            "I. NHIỆM VỤ CHUNG",
            "Giám đốc các sở, ban, ngành tập trung thực hiện các nhiệm vụ sau:",
            "1. Siết chặt kỷ luật, kỷ cương hành chính.",
        ],
        &[],
    );
    assert_eq!(d[0].leads_rule, Some(UnitRule::LeadIn));
}

#[test]
fn footnote_items_name_their_unit_in_parentheses() {
    let d = footnote_tasks(
        "3",
        "(1) Hoàn thiện quy chế phối hợp (Sở Nội vụ); (2) Kết quả năm 2026 đạt 90%.",
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].section, "fn3.1");
    assert_eq!(d[0].leads, vec!["Sở Nội vụ"]);
    assert_eq!(d[0].leads_rule, Some(UnitRule::Footnote));
}

#[test]
fn item_blocks_name_lead_supporting_units_and_time_in_fields() {
    let d = run(
        DocKind::KeHoach,
        &[
            "II. NHIỆM VỤ",
            "1. Về hạ tầng số",
            "a) Nhiệm vụ:",
            "- Nâng cấp trung tâm dữ liệu của tỉnh.",
            "- Phối hợp với Công an tỉnh bảo đảm an ninh mạng cho trung tâm dữ liệu.",
            "b) Cơ quan thực hiện:",
            "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.",
            "- Đơn vị phối hợp: Sở Tài chính, UBND các xã.",
            "c) Thời gian thực hiện: Hoàn thành trong năm 2027.",
        ],
        &[],
    );
    assert_eq!(d.len(), 2, "{d:#?}");
    for t in &d {
        assert_eq!(t.leads, vec!["Sở Khoa học và Công nghệ"]);
        assert_eq!(t.leads_rule, Some(UnitRule::FieldLabel));
        assert_eq!(t.due_text.as_deref(), Some("Hoàn thành trong năm 2027"));
    }
    assert_eq!(d[0].coordinators, vec!["Sở Tài chính", "UBND các xã"]);
    assert_eq!(
        d[1].coordinators,
        vec!["Sở Tài chính", "UBND các xã", "Công an tỉnh"]
    );
}

#[test]
fn cross_references_name_parts_as_label_chains() {
    let parts =
        |t: &str| -> Vec<String> { referenced_parts(t).iter().map(|p| p.join(".")).collect() };
    assert_eq!(
        parts("Chủ trì các nhiệm vụ tại mục IV.1 của Kế hoạch."),
        vec!["IV.1"]
    );
    assert_eq!(
        parts("Chủ trì các nhiệm vụ tại mục (II) (3) của Kế hoạch."),
        vec!["II.3"]
    );
    assert_eq!(
        parts("Chủ trì các nhiệm vụ tại mục (III) (2.1) (2.2) và Phụ lục."),
        vec!["III.2.1", "III.2.2"]
    );
    assert_eq!(
        parts("chủ trì thực hiện nhiệm vụ tại mục (V)(1.2)(b);"),
        vec!["V.1.2.b"]
    );
    assert!(parts("Chủ trì triển khai Kế hoạch này.").is_empty());
    // A remark, not an assignment.
    assert!(parts("Xây dựng kế hoạch của ngành (trọng tâm các nhiệm vụ tại mục III).").is_empty());
    assert!(parts("Căn cứ các nội dung tại mục III, xây dựng kế hoạch hành động.").is_empty());
}

#[test]
fn a_unit_heading_run_into_its_body_leads_it() {
    let lead = |t: &str| merged_heading_unit(t).map(|(u, v)| (u, v.to_string()));
    assert_eq!(
        lead("4. Sở Tư pháp Khẩn trương rà soát văn bản, báo cáo trước ngày 30/6/2027."),
        Some((vec!["Sở Tư pháp".to_string()], "Khẩn trương".to_string()))
    );
    // A name with a capitalised verb-like word is not cut: "Ban Chỉ đạo", "… và Đầu tư".
    assert_eq!(lead("Ban Chỉ đạo tỉnh triển khai kế hoạch."), None);
    assert_eq!(lead("Giao Sở Kế hoạch và Đầu tư tổng hợp kết quả."), None);
}

#[test]
fn a_bare_numbered_heading_takes_its_title_from_the_next_line() {
    check(&[Case {
        name: "'2.3.' then 'Công an tỉnh' then items",
        kind: DocKind::KeHoach,
        lines: &[
            "III. PHÂN CÔNG TRÁCH NHIỆM",
            "Căn cứ Kế hoạch này, các sở, ban, ngành, địa phương thực hiện các nhiệm vụ sau:",
            "2.3.",
            "Công an tỉnh",
            "a) Chủ trì kiểm tra các cơ sở kinh doanh karaoke trong quý IV/2027.",
        ],
        want: &[(
            "Chủ trì kiểm tra",
            &["Công an tỉnh"],
            Some(UnitRule::Heading),
        )],
    }]);
}

#[test]
fn a_line_that_only_names_units_is_not_a_task() {
    check(&[Case {
        name: "distribution list run into the body",
        kind: DocKind::KeHoach,
        lines: &[
            "V. TỔ CHỨC THỰC HIỆN",
            "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
            "- Sở Tư pháp;",
            "- Công an tỉnh;",
        ],
        want: &[(
            "Sở Tài chính bố trí",
            &["Sở Tài chính"],
            Some(UnitRule::XChuTri),
        )],
    }]);
}

#[test]
fn fields_after_a_group_of_items_describe_that_group() {
    let d = run(
        DocKind::KeHoach,
        &[
            "II. NHIỆM VỤ",
            "1. Nâng cao chất lượng văn bản",
            "- Rà soát quy trình soạn thảo văn bản của các sở.",
            "- Tổ chức lấy ý kiến chuyên gia đối với dự thảo quan trọng.",
            "Đơn vị thực hiện: Các sở, ngành, UBND cấp xã.",
            "Thời gian thực hiện: Thường xuyên.",
            "- Xây dựng phần mềm theo dõi văn bản.",
            "Đơn vị chủ trì tham mưu thực hiện: Sở Khoa học và Công nghệ.",
            "Đơn vị phối hợp thực hiện: Sở Tư pháp; các cơ quan liên quan.",
            "Thời gian thực hiện: Quý IV/2027.",
        ],
        &[],
    );
    let leads: Vec<Vec<String>> = d.iter().map(|t| t.leads.clone()).collect();
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(leads[0], vec!["Các sở, ngành", "UBND cấp xã"]);
    assert_eq!(leads[1], leads[0]);
    assert_eq!(leads[2], vec!["Sở Khoa học và Công nghệ"]);
    assert_eq!(
        d[2].coordinators,
        vec!["Sở Tư pháp", "các cơ quan liên quan"]
    );
    assert_eq!(d[2].due_text.as_deref(), Some("Quý IV/2027"));
}

#[test]
fn a_topic_title_over_prose_lends_nothing_but_is_no_task() {
    check(&[Case {
        name: "topic title, prose body with a verb-first sentence",
        kind: DocKind::KeHoach,
        lines: &[
            "III. NHIỆM VỤ, GIẢI PHÁP",
            "5. Giám sát, đánh giá",
            "Thực hiện thống kê, công bố kết quả chuyển đổi số hằng năm.",
        ],
        want: &[("Thực hiện thống kê", &[], None)],
    }]);
}

#[test]
fn own_lead_rules_name_how_the_item_says_it() {
    let rule = |t: &str| Found::own(t).leads_rule;
    assert_eq!(
        rule("Hoàn thiện quy chế phối hợp liên ngành (Sở Nội vụ)."),
        Some(UnitRule::TrailingParen)
    );
    assert_eq!(
        rule("Giao Sở Nội vụ hoàn thiện quy chế."),
        Some(UnitRule::GiaoX)
    );
    assert_eq!(
        rule("Sở Nội vụ chủ trì hoàn thiện quy chế."),
        Some(UnitRule::XChuTri)
    );
    assert_eq!(rule("Hoàn thiện quy chế phối hợp liên ngành."), None);
}

#[test]
fn a_label_that_is_itself_an_order_opens_the_item() {
    assert!(is_instruction(
        "- Lắp đặt camera giám sát giao thông: 40 điểm (Trong đó: xã A: 15 điểm);"
    ));
    assert!(is_instruction(
        "- Thiết lập hệ thống cảnh báo sớm: Cho phép kết nối các trạm đo mưa."
    ));
    assert!(!is_instruction("- Tỷ lệ hộ dân sử dụng nước sạch: 95%."));
}

#[test]
fn p6_a_title_heading_describing_a_group_leads_its_bullets() {
    check(&[Case {
        name: "group of doers named by a description",
        kind: DocKind::KeHoach,
        lines: &[
            "III. TỔ CHỨC THỰC HIỆN",
            "4. Các hợp tác xã là chủ vùng nguyên liệu (các hợp tác xã chè, cà phê…)",
            "- Thực hiện đầy đủ nghĩa vụ bảo vệ vùng nguyên liệu theo quy định.",
            "- Chủ động phối hợp với chính quyền địa phương kiểm tra ranh giới vùng trồng.",
            "5. Các doanh nghiệp chế biến đang hoạt động trong cụm công nghiệp Tân Mỹ",
            "- Bảo vệ an toàn hệ thống xử lý nước thải trong phạm vi quản lý.",
        ],
        want: &[
            (
                "Thực hiện đầy đủ nghĩa vụ",
                &["Các hợp tác xã là chủ vùng nguyên liệu"],
                Some(UnitRule::Heading),
            ),
            (
                "Chủ động phối hợp",
                &["Các hợp tác xã là chủ vùng nguyên liệu"],
                Some(UnitRule::Heading),
            ),
            (
                "Bảo vệ an toàn",
                &["Các doanh nghiệp chế biến đang hoạt động trong cụm công nghiệp Tân Mỹ"],
                Some(UnitRule::Heading),
            ),
        ],
    }]);
}

#[test]
fn p6_a_lead_in_whose_subject_is_the_province_leads_the_items() {
    check(&[Case {
        name: "conclusion notice: the province named in the lead-in",
        kind: DocKind::ThongBao,
        lines: &[
            "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP",
            "TRONG THỜI GIAN TỚI",
            "Để tháo gỡ khó khăn, vướng mắc trong sản xuất, giải ngân vốn đầu tư công, đạt mục tiêu tăng trưởng 8% trong năm 2027 của Tỉnh, tỉnh Hòa Bình cần tiếp tục thực hiện quyết liệt các chủ trương của Đảng, trong đó tập trung thực hiện một số nội dung trọng tâm sau:",
            "1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội được giao từ đầu năm.",
            "2. Đẩy mạnh giải ngân vốn đầu tư công, quyết tâm giải ngân 100% kế hoạch vốn.",
        ],
        want: &[
            ("Rà soát các chỉ tiêu", &["tỉnh Hòa Bình"], Some(UnitRule::LeadIn)),
            ("Đẩy mạnh giải ngân", &["tỉnh Hòa Bình"], Some(UnitRule::LeadIn)),
        ],
    }]);
}

#[test]
fn p6_items_under_a_bare_lead_and_coordinate_bullet_name_supporting_units() {
    let lines = [
        "III. TỔ CHỨC THỰC HIỆN",
        "2. Sở Y tế",
        "a) Chủ trì, phối hợp với các đơn vị liên quan tham mưu UBND tỉnh kiện toàn mạng lưới y tế cơ sở.",
        "b) Chủ trì, phối hợp",
        "- Sở Tài chính và các đơn vị có liên quan tham mưu UBND tỉnh bố trí kinh phí mua sắm trang thiết bị.",
        "- Sở Nội vụ tham mưu UBND tỉnh bổ sung biên chế cho các trạm y tế xã.",
    ];
    let got = run(DocKind::KeHoach, &lines, &[]);
    let rows: Vec<_> = got
        .iter()
        .map(|d| (short(&d.text), d.leads.clone(), d.coordinators.clone()))
        .collect();
    assert_eq!(rows.len(), 3, "{rows:#?}");
    assert_eq!(rows[1].1, vec!["Sở Y tế"], "{rows:#?}");
    assert_eq!(
        rows[1].2,
        vec!["Sở Tài chính", "các đơn vị có liên quan"],
        "{rows:#?}"
    );
    assert_eq!(rows[2].1, vec!["Sở Y tế"], "{rows:#?}");
    assert_eq!(rows[2].2, vec!["Sở Nội vụ"], "{rows:#?}");
}

#[test]
fn p8_prose_after_a_topic_bullet_with_its_own_doer_is_a_task() {
    let lines = [
        "2. Sở Kế hoạch và Đầu tư thực hiện nghiêm các ý kiến chỉ đạo của UBND tỉnh về Đề án thu hút đầu tư, cụ thể:",
        "- Về xây dựng danh mục dự án kêu gọi đầu tư:",
        "Sở Kế hoạch và Đầu tư rà soát danh mục dự án, thống nhất với Sở Tài chính trước khi trình UBND tỉnh.",
        "- Về cơ chế hỗ trợ nhà đầu tư:",
        "Sở Tài chính nghiên cứu, đề xuất cơ chế hỗ trợ lãi suất cho nhà đầu tư vào khu công nghiệp.",
    ];
    let got = run(DocKind::ThongBao, &lines, &[]);
    let rows: Vec<_> = got
        .iter()
        .map(|d| (short(&d.text), d.leads.clone()))
        .collect();
    assert_eq!(rows.len(), 3, "{rows:#?}");
    assert_eq!(rows[1].1, vec!["Sở Kế hoạch và Đầu tư"], "{rows:#?}");
    assert_eq!(rows[2].1, vec!["Sở Tài chính"], "{rows:#?}");
}

#[test]
fn a_bare_head_stands_for_the_full_name_met_before() {
    check(&[Case {
        name: "short mention of a centre named in the heading",
        kind: DocKind::ThongBao,
        lines: &[
            "5. Giao Trung tâm Dịch vụ nông nghiệp huyện Sơn Hà:",
            "- Tổ chức tập huấn kỹ thuật trồng lúa cho nông dân.",
            "- Trên cơ sở kế hoạch năm, giao Trung tâm chủ trì hội chợ nông sản quý III/2027.",
        ],
        want: &[
            (
                "Tổ chức tập huấn",
                &["Trung tâm Dịch vụ nông nghiệp huyện Sơn Hà"],
                Some(UnitRule::Heading),
            ),
            (
                "Trên cơ sở kế hoạch năm",
                &["Trung tâm Dịch vụ nông nghiệp huyện Sơn Hà"],
                Some(UnitRule::GiaoX),
            ),
        ],
    }]);
}

#[test]
fn only_proper_names_stand_for_a_bare_head() {
    assert!(proper_name("Trung tâm Khuyến nông tỉnh"));
    assert!(proper_name("Công ty Điện lực Sơn Hà"));
    assert!(!proper_name("Công ty phê duyệt"));
    assert!(!proper_name("Doanh nghiệp số"));
    assert!(!proper_name("Công ty Cổ phần Sông Đà biết"));
}

#[test]
fn p2_a_parameter_list_item_with_an_order_of_its_own_is_a_task() {
    let d = run(
        DocKind::CongVan,
        &[
            "1. Thời gian kiểm tra: Ngày 14 tháng 9 năm 2027.",
            "2. Thành phần kiểm tra:",
            "- Chủ trì: Sở Công Thương tỉnh Hòa Phong.",
            "- Đơn vị được kiểm tra: Công ty cổ phần Sông Lam. Đề nghị Công ty cử cán bộ kỹ thuật tham gia và chuẩn bị hồ sơ.",
            "- Lãnh đạo Trung tâm Khuyến công cùng chuyên viên phụ trách.",
            "3. Phương pháp kiểm tra: Đối chiếu hồ sơ với hiện trường, lập biên bản.",
        ],
        &["Công ty cổ phần Sông Lam".to_string()],
    );
    let texts: Vec<&str> = d.iter().map(|t| short_str(&t.text)).collect();
    assert_eq!(
        texts,
        vec!["Đơn vị được kiểm tra: Công ty cổ phần Sông Lam."],
        "{d:#?}"
    );
    assert_eq!(d[0].leads, vec!["Công ty cổ phần Sông Lam"], "{d:#?}");
}

fn short_str(t: &str) -> &str {
    t.split_inclusive(". ").next().unwrap_or(t).trim_end()
}

#[test]
fn p7_a_topic_answer_that_names_its_doer_is_a_task() {
    let d = run(
        DocKind::ThongBao,
        &[
            "II. VỀ CÁC ĐỀ XUẤT CỦA TỈNH",
            "1. Về đề xuất nâng cấp tuyến đường tỉnh 712:",
            "Giao Bộ Xây dựng nghiên cứu đề xuất của Tỉnh, báo cáo Thủ tướng Chính phủ.",
            "Sau khi dự án được phê duyệt chủ trương, Bộ Tài chính khẩn trương cân đối vốn cho dự án.",
            "2. Về đề xuất hỗ trợ kinh phí khắc phục hạn hán:",
            "Ủy ban nhân dân tỉnh Hòa Phong tiếp tục rà soát thiệt hại, gửi Bộ Nông nghiệp và Môi trường trước ngày 15/8/2027.",
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện.",
        ],
        &[],
    );
    let leads: Vec<Vec<String>> = d.iter().map(|t| t.leads.clone()).collect();
    assert_eq!(
        leads,
        vec![
            vec!["Bộ Xây dựng".to_string()],
            vec!["Bộ Tài chính".to_string()],
            vec!["Ủy ban nhân dân tỉnh Hòa Phong".to_string()],
        ],
        "{d:#?}"
    );
}

#[test]
fn a_request_of_the_addressee_to_the_issuer_is_no_task() {
    let d = run(
        DocKind::CongVan,
        &[
            "Sở Công Thương nhận được Văn bản số 15/CV-SL ngày 02/6/2027 của Công ty cổ phần Sông Lam. Trong đó Công ty đề nghị Sở Công Thương hướng dẫn thủ tục cấp giấy phép sử dụng kho.",
            "Sau khi nghiên cứu, Sở Công Thương có ý kiến như sau:",
            "1. Đề nghị Công ty hoàn thiện hồ sơ thiết kế kho trước ngày 30/6/2027.",
        ],
        &["Công ty cổ phần Sông Lam".to_string()],
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].text.starts_with("Đề nghị Công ty hoàn thiện"),
        "{d:#?}"
    );
    assert_eq!(d[0].leads, vec!["Công ty cổ phần Sông Lam"], "{d:#?}");
}

#[test]
fn p2_bullets_that_open_with_a_less_common_verb_are_tasks() {
    let d = run(
        DocKind::KeHoach,
        &[
            "III. PHÁT TRIỂN HẠ TẦNG SỐ",
            "1. Hạ tầng viễn thông",
            "- Phủ sóng di động đến toàn bộ các thôn vùng cao của tỉnh Hòa Phong.",
            "- Đa dạng hóa các gói cước cho hộ nghèo và hộ cận nghèo.",
            "- Từng bước thay thế cáp đồng bằng cáp quang tại các xã.",
            "- Hạ tầng viễn thông hiện đại, an toàn và bền vững.",
        ],
        &[],
    );
    let texts: Vec<String> = d.iter().map(|t| short(&t.text)).collect();
    assert_eq!(
        texts,
        vec![
            short("Phủ sóng di động đến toàn bộ các thôn vùng cao"),
            short("Đa dạng hóa các gói cước cho hộ nghèo và hộ cận"),
            short("Từng bước thay thế cáp đồng bằng cáp quang tại"),
        ],
        "{d:#?}"
    );
}

#[test]
fn p2_a_task_block_under_a_funding_heading_is_a_task() {
    let d = run(
        DocKind::KeHoach,
        &[
            "III. NGUỒN LỰC",
            "1. Kinh phí thực hiện",
            "a) Nhiệm vụ: Lập dự toán kinh phí thực hiện Kế hoạch, gửi Sở Tài chính thẩm định.",
            "b) Cơ quan thực hiện:",
            "- Đơn vị chủ trì: Các sở, ban, ngành.",
            "- Đơn vị phối hợp: Sở Tài chính.",
            "2. Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách tỉnh.",
        ],
        &[],
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].text.starts_with("Nhiệm vụ: Lập dự toán"), "{d:#?}");
    assert_eq!(d[0].leads, vec!["Các sở, ban, ngành"], "{d:#?}");
    assert_eq!(d[0].coordinators, vec!["Sở Tài chính"], "{d:#?}");
}

#[test]
fn p8_a_follow_on_order_after_a_connective_is_its_own_task() {
    let d = run(
        DocKind::KeHoach,
        &[
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Giao Sở Y tế chủ trì tổ chức tiêm chủng mở rộng trên địa bàn tỉnh.",
            "Đồng thời, giao Sở Tài chính bố trí kinh phí mua vắc xin trước ngày 30/9/2027.",
        ],
        &[],
    );
    let leads: Vec<Vec<String>> = d.iter().map(|t| t.leads.clone()).collect();
    assert_eq!(
        leads,
        vec![
            vec!["Sở Y tế".to_string()],
            vec!["Sở Tài chính".to_string()]
        ],
        "{d:#?}"
    );
}

#[test]
fn p8_later_sentences_without_a_doer_continue_the_heading_task() {
    let d = run(
        DocKind::KeHoach,
        &[
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Sở Văn hóa và Thể thao",
            "Tổ chức tuyên truyền về phòng, chống ma túy trong trường học. Hoàn thành, báo cáo kết quả trong tháng 10/2027.",
            "Phối hợp tổ chức các hoạt động văn hóa, thể thao tại các thôn.",
            "2. Sở Y tế",
            "Tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.",
        ],
        &[],
    );
    let got: Vec<(String, Vec<String>)> = d
        .iter()
        .map(|t| (short(&t.text), t.leads.clone()))
        .collect();
    assert_eq!(got.len(), 2, "{d:#?}");
    assert!(d[0].text.contains("tháng 10/2027"), "{d:#?}");
    assert!(d[0].text.contains("Phối hợp tổ chức"), "{d:#?}");
    assert_eq!(d[0].leads, vec!["Sở Văn hóa và Thể thao"], "{d:#?}");
    assert_eq!(d[1].leads, vec!["Sở Y tế"], "{d:#?}");
}
