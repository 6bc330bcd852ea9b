//! Tests of `markup`.

use super::*;

#[test]
fn emphasis_and_table_markup_are_read_off() {
    assert_eq!(
        read_line("*Đơn vị chủ trì: *Sở Nội vụ."),
        MarkupLine::Text("Đơn vị chủ trì: Sở Nội vụ.".into())
    );
    assert_eq!(
        read_line("**1. **Rà soát"),
        MarkupLine::Text("1. Rà soát".into())
    );
    assert_eq!(
        read_line("* Tổ chức hội nghị"),
        MarkupLine::Text("* Tổ chức hội nghị".into())
    );
    assert_eq!(
        read_line("Chỉ tiêu (*)"),
        MarkupLine::Text("Chỉ tiêu (*)".into())
    );
    assert_eq!(read_line("** **"), MarkupLine::Empty);
    assert_eq!(
        read_line("## Điều 2\\. Tổ chức"),
        MarkupLine::Text("Điều 2. Tổ chức".into())
    );
    assert_eq!(
        read_line("Sở KH&amp;CN"),
        MarkupLine::Text("Sở KH&CN".into())
    );
    assert_eq!(
        read_line("| Sở Y tế<br>chủ trì | Quý&nbsp;II/2026 |"),
        MarkupLine::Text("Sở Y tế chủ trì\tQuý II/2026".into())
    );
    assert_eq!(
        read_line("Nơi nhận:              KT. GIÁM ĐỐC"),
        MarkupLine::Text("Nơi nhận:\tKT. GIÁM ĐỐC".into())
    );
    for blank in [
        "Lào Sơn, ngày           tháng 5 năm 2026",
        "Số:            /KH-UBND",
    ] {
        assert_eq!(read_line(blank), MarkupLine::Text(blank.into()));
    }
    assert_eq!(read_line("* *"), MarkupLine::Empty);
    assert_eq!(read_line("|"), MarkupLine::Border);
    assert_eq!(read_line("| --- | :---: |"), MarkupLine::Border);
    assert_eq!(
        read_line("| SỞ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ----- |"),
        MarkupLine::Text("SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into())
    );
    assert_eq!(
        read_line("| Số: 15/KH-SYT | *Long Hải, ngày 02 tháng 3 năm 2026* |"),
        MarkupLine::Text("Số: 15/KH-SYT\tLong Hải, ngày 02 tháng 3 năm 2026".into())
    );
}

#[test]
fn flavours_are_told_from_the_lines() {
    let portal = "**KẾ HOẠCH**\n\nPhòng chống dịch\n\n1. Sở Y tế chủ trì, phối hợp với\ncác xã tổ chức tiêm chủng cho\ntrẻ em.\n\n2. Công an tỉnh bảo đảm an ninh\ntrật tự tại các điểm\ntiêm.\n\n3. Sở Tài chính bố trí kinh\nphí.\n\n- Các xã báo cáo\nkết quả.\n";
    assert_eq!(detect(&[portal]), Flavour::Blank);
    let per_line = "KẾ HOẠCH\nPhòng chống dịch\n1. Về tiêm chủng\nSở Y tế chủ trì tổ chức tiêm chủng cho trẻ em.\n2. Công an tỉnh bảo đảm an ninh trật tự.\n3. Sở Tài chính bố trí kinh phí.\n- Các xã báo cáo kết quả.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n";
    assert_eq!(detect(&[per_line]), Flavour::PerLine);
    let wrapped = "1. Sở Y tế chủ trì, phối hợp với\n\ncác xã tổ chức tiêm chủng cho\n\ntrẻ em. Công an tỉnh bảo đảm an\n\nninh trật tự tại các điểm\ntiêm chủng; Sở Tài chính bố\n\ntrí kinh phí và các xã báo\ncáo kết quả.\n\n2. Giao Sở Nội vụ theo\ndõi.\n";
    assert_eq!(detect(&[wrapped]), Flavour::Wrapped);
}
