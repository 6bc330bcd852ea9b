//! Unit reader tests: "sentence → leads / coordinators" on invented sentences.

use super::*;

#[test]
fn unit_phrases_end_at_the_verb() {
    let s = "các sở, ban, ngành, UBND các xã, phường căn cứ theo chức năng";
    let len = unit_phrase_len(s).unwrap();
    assert_eq!(&s[..len], "các sở, ban, ngành, UBND các xã, phường");
    assert_eq!(
        split_units(&s[..len]),
        vec!["các sở, ban, ngành", "UBND các xã, phường"]
    );
    let s = "Sở Khoa học và Công nghệ chủ trì, phối hợp";
    assert_eq!(
        &s[..unit_phrase_len(s).unwrap()],
        "Sở Khoa học và Công nghệ"
    );
}

#[test]
fn giao_with_lead_and_coordinators() {
    let p =
        parties_in("2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan:");
    assert_eq!(p.leads, vec!["Sở Khoa học và Công nghệ"]);
    assert_eq!(p.coordinators, vec!["các đơn vị liên quan"]);
}

#[test]
fn subject_with_lead_verb_and_trailing_parenthesis() {
    let p = parties_in("Số hóa hồ sơ, tài liệu: UBND phường chủ trì triển khai số hóa; Ban Chỉ đạo chỉ đạo các đơn vị kiểm tra.");
    assert_eq!(p.leads, vec!["UBND phường"]);
    let p =
        parties_in("(3) Chủ trì xây dựng lộ trình đổi mới công nghệ (Sở Khoa học và Công nghệ).");
    assert_eq!(p.leads, vec!["Sở Khoa học và Công nghệ"]);
}

#[test]
fn level_word_is_distributed() {
    let len = unit_phrase_len("Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã tăng cường").unwrap();
    let units = split_units(&"Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã tăng cường"[..len]);
    assert_eq!(
        units,
        vec![
            "Đảng ủy xã",
            "HĐND xã",
            "UBND xã",
            "Ủy ban MTTQ Việt Nam xã"
        ]
    );
}

#[test]
fn headings_that_are_units_and_owners() {
    assert_eq!(
        heading_is_unit("1. Phòng Văn hóa – Xã hội xã:"),
        Some(vec!["Phòng Văn hóa – Xã hội xã".to_string()])
    );
    assert_eq!(heading_is_unit("2. Triển khai hạ tầng số"), None);
    assert_eq!(
        owner_in_heading("2. Các nhiệm vụ trọng tâm của Ban Chỉ đạo năm 2026"),
        Some(vec!["Ban Chỉ đạo".to_string()])
    );
}

#[test]
fn mat_tran_and_organisations_split_at_va() {
    let p = parties_in("Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường đổi mới mạnh mẽ nội dung");
    assert_eq!(
        p.leads,
        vec![
            "Ủy ban Mặt trận Tổ quốc",
            "các tổ chức chính trị - xã hội phường"
        ]
    );
}

/// One row: a sentence, the leads and the coordinators it must give.
type Row = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// "sentence → leads / coordinators" for every pattern the reader knows (invented names).
const ROWS: &[Row] = &[
    // P1 (a): heads outside the old closed list, roles, acronyms.
    ("Giao Thanh tra tỉnh chủ trì thanh tra việc thu hồi đất tại xã Phú Sơn.", &["Thanh tra tỉnh"], &[]),
    ("Đề nghị Nhà đầu tư cam kết tiến độ góp vốn trong tháng 9/2026.", &["Nhà đầu tư"], &[]),
    ("Chủ đầu tư chủ trì bàn giao mặt bằng cho đơn vị thi công.", &["Chủ đầu tư"], &[]),
    ("Nhà thầu thi công chủ trì lập biện pháp bảo đảm an toàn giao thông.", &["Nhà thầu thi công"], &[]),
    ("Giao Kiểm toán Nhà nước khu vực VII chủ trì kiểm toán dự án cầu Hòa Phong.", &["Kiểm toán Nhà nước khu vực VII"], &[]),
    ("Giao Chi nhánh Ngân hàng Chính sách xã hội tỉnh chủ trì giải ngân vốn vay.", &["Chi nhánh Ngân hàng Chính sách xã hội tỉnh"], &[]),
    ("Quỹ Đầu tư phát triển tỉnh chủ trì thẩm định phương án cho vay.", &["Quỹ Đầu tư phát triển tỉnh"], &[]),
    ("Giao Viện Kiểm sát nhân dân tỉnh chủ trì kiểm sát việc tạm giữ.", &["Viện Kiểm sát nhân dân tỉnh"], &[]),
    ("Tòa án nhân dân tỉnh chủ trì rà soát các vụ án hành chính tồn đọng.", &["Tòa án nhân dân tỉnh"], &[]),
    ("Giao Hải quan tỉnh chủ trì kiểm soát hàng hóa qua cửa khẩu Tân Thanh.", &["Hải quan tỉnh"], &[]),
    ("Tổng công ty Điện lực miền Trung chủ trì cấp điện cho khu tái định cư.", &["Tổng công ty Điện lực miền Trung"], &[]),
    ("Giao Hiệp hội Du lịch tỉnh chủ trì quảng bá sản phẩm du lịch cộng đồng.", &["Hiệp hội Du lịch tỉnh"], &[]),
    ("Giao Báo Sông Lam chủ trì mở chuyên mục về chuyển đổi số.", &["Báo Sông Lam"], &[]),
    ("Cảng vụ Hàng hải Quy Nhơn chủ trì kiểm tra an toàn luồng tàu.", &["Cảng vụ Hàng hải Quy Nhơn"], &[]),
    ("Giao Vườn quốc gia Bạch Mã chủ trì tuần tra bảo vệ rừng.", &["Vườn quốc gia Bạch Mã"], &[]),
    ("Giao đơn vị tư vấn chủ trì hoàn thiện hồ sơ thiết kế.", &["đơn vị tư vấn"], &[]),
    ("Giao Bộ Chỉ huy Quân sự tỉnh chủ trì diễn tập khu vực phòng thủ.", &["Bộ Chỉ huy Quân sự tỉnh"], &[]),
    ("Ngân hàng Nhà nước chi nhánh tỉnh chủ trì kiểm tra tín dụng đen.", &["Ngân hàng Nhà nước chi nhánh tỉnh"], &[]),
    ("UBND xã Tân Lập chủ trì lập danh sách hộ nghèo.", &["UBND xã Tân Lập"], &[]),
    ("Đề nghị các Bộ Tài chính, Tư pháp và Xây dựng sớm có ý kiến.", &["Bộ Tài chính", "Bộ Tư pháp", "Bộ Xây dựng"], &[]),
    ("Giao Công an Thành phố chủ trì, phối hợp với UBND các phường: Kim Liên, Hàng Bột rà soát.", &["Công an Thành phố"], &["UBND phường Kim Liên", "UBND phường Hàng Bột"]),
    ("Đảng ủy giao Ủy ban nhân dân xã lập quy hoạch nông thôn mới.", &["Ủy ban nhân dân xã"], &[]),
    ("Ủy ban Kiểm tra Đảng ủy đưa nội dung giám sát vào chương trình công tác.", &["Ủy ban Kiểm tra Đảng ủy"], &[]),
    ("Phòng Cảnh sát giao thông Công an tỉnh chủ trì tuần tra.", &["Phòng Cảnh sát giao thông Công an tỉnh"], &[]),
    ("Các sở, ban, ngành phối hợp với các Sở, Ban, ngành liên quan rà soát hạ tầng.", &["Các sở, ban, ngành"], &["các Sở, Ban, ngành liên quan"]),
    ("Các cơ sở đào tạo phối hợp với các doanh nghiệp vận tải hành khách công cộng tổ chức đào tạo lái xe.", &["Các cơ sở đào tạo"], &["các doanh nghiệp vận tải hành khách công cộng"]),
    ("Trong thời gian tới, Tỉnh tập trung rà soát quy hoạch vùng ven biển.", &["Tỉnh"], &[]),
    ("Sở Tư pháp chủ trì, phối hợp Công an tỉnh và sở, ngành có liên quan rà soát.", &["Sở Tư pháp"], &["Công an tỉnh", "sở, ngành có liên quan"]),
    ("Phối hợp với Sở Y tế và tổ chức tập huấn cho cán bộ y tế thôn.", &[], &["Sở Y tế"]),
    ("Công an tỉnh Chỉ đạo lực lượng Công an xã tuần tra ban đêm.", &["Công an tỉnh"], &[]),
    ("Các sở, ngành, các cơ quan, tổ chức có liên quan căn cứ nhiệm vụ được giao triển khai.", &["Các sở, ngành", "các cơ quan, tổ chức có liên quan"], &[]),
    // P1 (b): official names with commas, "và" or verb-like words are never cut.
    ("Sở Lao động, Thương binh và Xã hội chủ trì chi trả trợ cấp cho người có công.", &["Sở Lao động, Thương binh và Xã hội"], &[]),
    ("Giao Sở Giáo dục và Đào tạo chủ trì rà soát đội ngũ giáo viên mầm non.", &["Sở Giáo dục và Đào tạo"], &[]),
    ("Giao Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh chủ trì, phối hợp với EVN và các đơn vị liên quan di dời cột điện.", &["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"], &["EVN", "các đơn vị liên quan"]),
    ("Trung tâm Văn hóa, Điện ảnh tỉnh tổ chức chiếu phim tại các bản vùng cao.", &["Trung tâm Văn hóa, Điện ảnh tỉnh"], &[]),
    ("Giao Trung tâm Khuyến công, Tư vấn phát triển công nghiệp tỉnh hỗ trợ các cơ sở làng nghề.", &["Trung tâm Khuyến công, Tư vấn phát triển công nghiệp tỉnh"], &[]),
    ("Sở Văn hoá, Thể thao và Du lịch chủ trì tổ chức giải đua thuyền.", &["Sở Văn hoá, Thể thao và Du lịch"], &[]),
    ("Sở Xây dựng Khẩn trương hoàn thiện quy chế quản lý kiến trúc.", &["Sở Xây dựng"], &[]),
    ("Đề nghị Công ty cổ phần Cấp nước Hòa Bình Sở Y tế nhận được văn bản.", &["Công ty cổ phần Cấp nước Hòa Bình"], &[]),
    // P4: coordinators with and without "với".
    ("Giao Sở Y tế chủ trì, phối hợp Sở Tài chính và các đơn vị liên quan lập phương án mua sắm.", &["Sở Y tế"], &["Sở Tài chính", "các đơn vị liên quan"]),
    ("UBND xã Phú Sơn khẩn trương phối hợp Chi cục Thủy lợi kiểm tra các hồ chứa.", &["UBND xã Phú Sơn"], &["Chi cục Thủy lợi"]),
    ("Sở Công Thương chủ trì, phối hợp chặt chẽ Sở Xây dựng rà soát các cửa hàng xăng dầu.", &["Sở Công Thương"], &["Sở Xây dựng"]),
    ("Công an tỉnh chủ trì, phối hợp cùng Bộ Chỉ huy Quân sự tỉnh tuần tra biên giới.", &["Công an tỉnh"], &["Bộ Chỉ huy Quân sự tỉnh"]),
    ("Sở Nội vụ chủ trì, phối với Sở Tư pháp rà soát thủ tục hành chính.", &["Sở Nội vụ"], &["Sở Tư pháp"]),
    ("Sở Tài chính gửi dự thảo cho Sở Nội vụ để phối hợp Sở Tư pháp góp ý.", &["Sở Tài chính"], &[]),
    ("Giao Sở Y tế chủ trì; Công an, lực lượng Quản lý thị trường phối hợp kiểm tra.", &["Sở Y tế", "Công an", "lực lượng Quản lý thị trường"], &[]),
    ("Giao UBND phường chủ trì, phối hợp với doanh nghiệp, hợp tác xã xây dựng vùng nguyên liệu.", &["UBND phường"], &["doanh nghiệp", "hợp tác xã"]),
    // P6: unit-level parts.
    ("Giao UBND các xã: Tân Phú, Hòa Lạc, Bình Minh:", &["UBND xã Tân Phú", "UBND xã Hòa Lạc", "UBND xã Bình Minh"], &[]),
    ("2. Văn phòng UBND tỉnh (Trung tâm Tin học - Công báo)", &["Văn phòng UBND tỉnh"], &[]),
    ("(3) Xây dựng lộ trình chuyển đổi số trong ngành (Sở Khoa học và Công nghệ).", &["Sở Khoa học và Công nghệ"], &[]),
    // P7: subjects after an introductory clause, distributive collectives.
    ("Căn cứ hướng dẫn của Sở Y tế, các trạm y tế xã lập danh sách trẻ cần tiêm bổ sung.", &["các trạm y tế xã"], &[]),
    ("Trong quý III/2026, các trường học tổ chức diễn tập thoát nạn.", &["các trường học"], &[]),
    ("Sau khi được giao vốn, các bệnh viện có trách nhiệm mua sắm thiết bị.", &["các bệnh viện"], &[]),
    ("Khi có mưa lũ, Giám đốc các công ty thủy lợi chủ động vận hành hồ chứa.", &["Giám đốc các công ty thủy lợi"], &[]),
    ("Bên cạnh đó, Sở Tư pháp tiếp tục rà soát văn bản quy phạm pháp luật.", &["Sở Tư pháp"], &[]),
    ("Từng trường, từng lớp phải bố trí giáo viên trực trong dịp Tết.", &["Từng trường, từng lớp"], &[]),
    ("Mỗi hợp tác xã và từng tổ hợp tác phải cập nhật thông tin thành viên.", &["Mỗi hợp tác xã và từng tổ hợp tác"], &[]),
    ("Các cấp, các ngành tập trung tháo gỡ khó khăn cho doanh nghiệp.", &["Các cấp, các ngành"], &[]),
    // Rule 7: "chỉ đạo".
    ("Giao UBND huyện chỉ đạo các phòng chuyên môn thực hiện kiểm kê đất đai.", &["UBND huyện"], &[]),
    ("Chủ tịch UBND các xã chỉ đạo các thôn rà soát hộ nghèo.", &["Chủ tịch UBND các xã"], &[]),
    ("UBND xã chủ trì kiểm tra; Ban Chỉ đạo chỉ đạo các tổ công tác hỗ trợ.", &["UBND xã"], &[]),
    // Noun uses of order words.
    ("Hồ sơ đề nghị Giám đốc Sở Nội vụ tặng Giấy khen gồm 03 bộ.", &[], &[]),
    ("Sở Công Thương: Chủ trì cuộc họp giao ban quý với các hiệp hội ngành hàng.", &["Sở Công Thương"], &[]),
    ("Theo đề nghị của Sở Tài chính, UBND tỉnh thống nhất chủ trương.", &[], &[]),
    ("Tổ chức hội nghị sơ kết công tác bàn giao mặt bằng trong tháng 7/2026.", &[], &[]),
];

#[test]
fn sentences_give_their_leads_and_coordinators() {
    let mut failures = Vec::new();
    for (text, leads, coords) in ROWS {
        let p = parties_in(text);
        if p.leads != *leads || p.coordinators != *coords {
            failures.push(format!(
                "{text}\n   leads {:?} (want {leads:?})\n   coordinators {:?} (want {coords:?})",
                p.leads, p.coordinators
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rules_are_named() {
    let p = parties_in("Giao Sở Y tế chủ trì, phối hợp Sở Tài chính lập phương án.");
    assert_eq!(p.leads_rule, Some(UnitRule::GiaoX));
    assert_eq!(p.coordinators_rule, Some(UnitRule::PhoiHopX));
    let p = parties_in("Sở Tư pháp chủ trì rà soát văn bản.");
    assert_eq!(p.leads_rule, Some(UnitRule::XChuTri));
    assert_eq!(p.coordinators_rule, None);
    let p = parties_in("Số hóa hồ sơ địa chính (Sở Nông nghiệp và Môi trường).");
    assert_eq!(p.leads_rule, Some(UnitRule::TrailingParen));
}

#[test]
fn short_mentions_resolve_to_the_full_name_met_before() {
    let known =
        full_names_in("5. Giao Trung tâm Khuyến nông tỉnh và Ban Quản lý rừng phòng hộ Sông Hinh:");
    assert_eq!(
        known,
        vec![
            "Trung tâm Khuyến nông tỉnh",
            "Ban Quản lý rừng phòng hộ Sông Hinh"
        ]
    );
    let p = parties_in_known(
        "Trên cơ sở kế hoạch năm, giao Trung tâm chủ trì hội chợ nông sản.",
        &known,
    );
    assert_eq!(p.leads, vec!["Trung tâm Khuyến nông tỉnh"]);
    let p = parties_in("Trên cơ sở kế hoạch năm, giao Trung tâm chủ trì hội chợ nông sản.");
    assert_eq!(p.leads, vec!["Trung tâm"]);
}

#[test]
fn owners_of_a_list_in_headings() {
    assert_eq!(
        owner_in_heading("1. Trách nhiệm của Sở Y tế và các bệnh viện tuyến tỉnh"),
        Some(vec![
            "Sở Y tế".to_string(),
            "các bệnh viện tuyến tỉnh".to_string()
        ])
    );
    assert_eq!(
        heading_is_unit("3. Sở Giáo dục và Đào tạo"),
        Some(vec!["Sở Giáo dục và Đào tạo".to_string()])
    );
    assert_eq!(
        heading_is_unit("1. Nhà đầu tư dự án khu công nghiệp Hòa Phú:"),
        Some(vec!["Nhà đầu tư dự án khu công nghiệp Hòa Phú".to_string()])
    );
}

#[test]
fn title_headings_that_describe_a_group_of_doers() {
    assert_eq!(
        group_heading(
            "4. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ, các Công ty lâm nghiệp…)"
        ),
        Some(vec!["Các chủ rừng là tổ chức".to_string()])
    );
    assert_eq!(
        group_heading("3. Các doanh nghiệp thứ cấp đang hoạt động trong cụm công nghiệp"),
        Some(vec![
            "Các doanh nghiệp thứ cấp đang hoạt động trong cụm công nghiệp".to_string()
        ])
    );
    // A list of groups is split into its units.
    assert_eq!(
        group_heading("2. Các phòng, ban của huyện Sơn Hà, UBND các thị trấn"),
        Some(vec![
            "Các phòng, ban của huyện Sơn Hà".to_string(),
            "UBND các thị trấn".to_string()
        ])
    );
    // A sentence that introduces a list, a topic title and a bare unit are not read so.
    assert_eq!(
        group_heading("2. Các hợp tác xã thực hiện các nội dung sau:"),
        None
    );
    assert_eq!(group_heading("2. Phát triển hạ tầng viễn thông"), None);
    assert_eq!(group_heading("1. Sở Tài chính"), None);
    assert_eq!(group_heading("III. TỔ CHỨC THỰC HIỆN"), None);
}

#[test]
fn the_subject_after_a_purpose_clause_with_commas_leads() {
    let p = parties_in("Để tháo gỡ khó khăn, vướng mắc trong sản xuất, giải ngân vốn đầu tư công, đạt mục tiêu tăng trưởng 7% của Tỉnh, tỉnh Hòa Bình cần tập trung thực hiện một số nội dung sau:");
    assert_eq!(p.leads, vec!["tỉnh Hòa Bình"]);
    // A unit followed by a comma continues a list of the intro; it is not the subject.
    let p = parties_in("Căn cứ chức năng, nhiệm vụ và các văn bản chỉ đạo của Chính phủ, Bộ, ngành và tỉnh, phối hợp với các phòng chuyên môn để tham mưu thực hiện.");
    assert!(p.leads.is_empty(), "{:?}", p.leads);
    // A province in lower case is a unit only before its name.
    let p = parties_in("Trên địa bàn tỉnh có nhiều dự án chậm tiến độ.");
    assert!(p.leads.is_empty(), "{:?}", p.leads);
}

#[test]
fn two_heads_joined_by_va_read_as_the_merged_official_unit() {
    assert_eq!(
        split_units("Cục Lâm nghiệp và Cục Kiểm lâm, Sở Nông nghiệp và Môi trường các tỉnh"),
        vec![
            "Cục Lâm nghiệp và Kiểm lâm",
            "Sở Nông nghiệp và Môi trường các tỉnh"
        ]
    );
    // Two units with no merged official name stay two.
    assert_eq!(
        split_units("Sở Tài chính và Sở Xây dựng"),
        vec!["Sở Tài chính", "Sở Xây dựng"]
    );
}

#[test]
fn chu_tri_cung_names_the_supporting_units() {
    let p = parties_in(
        "Sở Tài chính chủ trì cùng Sở Xây dựng và các sở, ngành liên quan rà soát nguồn vốn.",
    );
    assert_eq!(p.leads, vec!["Sở Tài chính"]);
    assert_eq!(
        p.coordinators,
        vec!["Sở Xây dựng", "các sở, ngành liên quan"]
    );
}

#[test]
fn an_adverb_before_the_verb_ends_a_person_name() {
    let p = parties_in("Giao Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình trực tiếp chỉ đạo công tác giải phóng mặt bằng.");
    assert_eq!(p.leads, vec!["Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình"]);
}

#[test]
fn office_holders_sharing_one_plural_object_are_one_group() {
    let p = parties_in(
        "Giám đốc, Thủ trưởng các sở, ban, cơ quan thuộc UBND tỉnh, Chủ tịch UBND các huyện, \
         thị xã, Tổng giám đốc các công ty, Tổng Công ty, doanh nghiệp liên quan khẩn trương \
         rà soát danh mục dự án, báo cáo trước ngày 20/8/2026.",
    );
    assert_eq!(
        p.leads,
        vec![
            "Giám đốc, Thủ trưởng các sở, ban, cơ quan thuộc UBND tỉnh",
            "Chủ tịch UBND các huyện, thị xã",
            "Tổng giám đốc các công ty, Tổng Công ty, doanh nghiệp liên quan",
        ]
    );
    // Titles without a shared plural object stay one person each; a named unit after the
    // group is not governed by its "các".
    let p =
        parties_in("Giám đốc Sở Xây dựng, Giám đốc Sở Tài chính chủ trì thẩm định hồ sơ dự án.");
    assert_eq!(
        p.leads,
        vec!["Giám đốc Sở Xây dựng", "Giám đốc Sở Tài chính"]
    );
    let p = parties_in("Chủ tịch UBND các xã, Công an tỉnh tăng cường tuần tra địa bàn.");
    assert_eq!(p.leads, vec!["Chủ tịch UBND các xã", "Công an tỉnh"]);
}

#[test]
fn official_names_side_by_side_without_a_comma_are_two_units() {
    let p = parties_in(
        "Phối hợp: Sở Tài chính Sở Xây dựng; UBND các xã. Sở Nội vụ chủ trì rà soát vị trí việc làm.",
    );
    assert_eq!(p.leads, vec!["Sở Nội vụ"]);
    assert_eq!(
        split_units("Sở Tài chính Sở Xây dựng"),
        vec!["Sở Tài chính", "Sở Xây dựng"]
    );
    // A name that merely begins with an official name stays whole.
    assert_eq!(
        split_units("Sở Tài chính tỉnh Tân An"),
        vec!["Sở Tài chính tỉnh Tân An"]
    );
    assert_eq!(
        split_units("Sở Tài chính tỉnh Lào Cai"),
        vec!["Sở Tài chính tỉnh Lào Cai"]
    );
}

#[test]
fn an_aside_between_the_subject_and_its_verb_is_skipped() {
    let p = parties_in(
        "5. Các phòng, ban chuyên môn theo chức năng, nhiệm vụ được giao phối hợp với UBND các \
         xã triển khai thực hiện Kế hoạch này.",
    );
    assert_eq!(p.leads, vec!["Các phòng, ban chuyên môn"]);
    assert_eq!(p.coordinators, vec!["UBND các xã"]);
    // No lead verb after the aside: no lead.
    let p = parties_in("Các hộ dân theo quy định của pháp luật về đất đai.");
    assert!(p.leads.is_empty(), "{:?}", p.leads);
}

#[test]
fn a_passive_or_nominal_giao_names_no_addressee() {
    let p = parties_in(
        "Rà soát diện tích đất đã được giao cho các hợp tác xã quản lý để thu hồi theo quy định.",
    );
    assert!(p.leads.is_empty(), "{:?}", p.leads);
    let p = parties_in(
        "Tỉnh chủ động làm việc với Bộ Tài chính về việc giao Ban Quản lý dự án tỉnh là chủ đầu tư.",
    );
    assert_eq!(p.leads, vec!["Tỉnh"]);
}

#[test]
fn action_verbs_after_a_subject_make_it_lead() {
    let p = parties_in(
        "3. Các phòng chuyên môn thuộc UBND huyện kiện toàn đội ngũ công chức làm công tác pháp chế.",
    );
    assert_eq!(p.leads, vec!["Các phòng chuyên môn thuộc UBND huyện"]);
    let p = parties_in("UBND các xã củng cố tổ hòa giải ở cơ sở trong quý III/2026.");
    assert_eq!(p.leads, vec!["UBND các xã"]);
}
