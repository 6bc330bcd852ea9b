//! Instruction verbs and the predicate words that end a unit phrase.
//!
//! One row per word, with flags saying what the word does. A word may do several things:
//! "triển khai" opens an instruction ("Triển khai …"), ends a unit phrase ("Sở Y tế triển
//! khai") and makes the unit before it the lead. To add a verb: one row here, in byte order.

use super::{alternation, Table};

/// Opens an instruction when it begins an item ("Rà soát …", "Giao …").
pub const OPENS: u16 = 1;
/// Ends a unit phrase: the predicate starts here ("Sở Y tế | chủ trì").
pub const ENDS_UNIT: u16 = 2;
/// Right after a unit phrase, makes that unit the lead ("Sở Y tế chủ trì").
pub const LEAD: u16 = 4;
/// Also a noun ("báo cáo", "tổ chức", "lãnh đạo", "đề nghị" after "hồ sơ"): an opener only
/// when what follows reads as its object, never on its own.
pub const NOUN: u16 = 8;
/// Names its addressee next, who leads ("Giao X", "Đề nghị X", "Yêu cầu X"). A longer row
/// that covers the word ("giao ban", "hồ sơ đề nghị", "theo yêu cầu") is no order.
pub const ADDRESSES: u16 = 16;
/// Opens an introductory clause that ends at the first comma ("Trong quý IV/2026,",
/// "Căn cứ …,", "Sau khi …,"): the subject comes after that comma.
pub const INTRO: u16 = 32;
/// Names supporting units next ("phối hợp (với) X", "phối hợp chặt chẽ với X", "phối với X").
pub const COORD: u16 = 64;
/// "chỉ đạo": its object is neither lead nor coordinator; its subject leads only when the
/// text names no other doer (annotation guide rule 7).
pub const DIRECTS: u16 = 128;
/// Also a noun naming the people of the unit that follows ("Lãnh đạo Sở Y tế"): before a
/// unit name it does not open an instruction.
pub const HEADS_UNIT: u16 = 256;
/// Opens an adverbial phrase, not an action ("Căn cứ …,", "Trong quá trình …,"): the
/// doer comes after its comma.
pub const ADVERBIAL: u16 = 512;
/// Gives an order wherever it stands: a later sentence holding it makes its item an
/// instruction ("… Giao Sở X …"). Words that also address ([`ADDRESSES`]) match in either case.
pub const ORDERS: u16 = 1024;
/// Names what the unit before it answers for: a cross-reference right after it gives the
/// referenced part's tasks to that unit (annotation guide rule 14).
pub const ANSWERS_FOR: u16 = 2048;

/// One verb or predicate word and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    /// The word, lower case, NFC.
    pub word: &'static str,
    /// [`OPENS`], [`ENDS_UNIT`], [`LEAD`], [`NOUN`], [`ADDRESSES`], [`INTRO`], [`COORD`],
    /// [`DIRECTS`], [`HEADS_UNIT`], [`ADVERBIAL`], [`ORDERS`], [`ANSWERS_FOR`] or'ed together.
    pub flags: u16,
}

impl Verb {
    /// True when the row carries `flag`.
    pub const fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

const fn v(word: &'static str, flags: u16) -> Verb {
    Verb { word, flags }
}

/// Every verb, sorted by bytes, unique.
pub const VERBS: &[Verb] = &[
    v("ban hành", OPENS | ENDS_UNIT | LEAD),
    v("biểu quyết", ENDS_UNIT),
    v("bàn giao", OPENS | ENDS_UNIT | LEAD),
    v("bám sát", OPENS | ENDS_UNIT | LEAD),
    v("báo cáo", OPENS | ENDS_UNIT | LEAD | NOUN),
    v("bên cạnh đó", INTRO),
    v("bảo vệ", OPENS),
    v("bảo đảm", OPENS | ENDS_UNIT | LEAD),
    v("bố trí", OPENS | ENDS_UNIT | LEAD),
    v("bồi dưỡng", OPENS | ENDS_UNIT | LEAD),
    v("bổ sung", OPENS | ENDS_UNIT | LEAD),
    v("cam kết", ENDS_UNIT | LEAD),
    v("chi trả", ENDS_UNIT),
    v("chuyển", OPENS | ENDS_UNIT | LEAD),
    v("chuyển đổi", OPENS),
    v("chuẩn bị", OPENS | ENDS_UNIT | LEAD),
    v("chuẩn hóa", OPENS),
    v("chấp hành", ENDS_UNIT),
    v("chậm nhất", INTRO),
    v("chỉ", ENDS_UNIT),
    v("chỉ đạo", OPENS | ENDS_UNIT | DIRECTS),
    v("chịu trách nhiệm", ENDS_UNIT | LEAD | ORDERS | ANSWERS_FOR),
    v("chủ trì", OPENS | ENDS_UNIT | LEAD | ORDERS | ANSWERS_FOR),
    v("chủ trì cùng", OPENS | ENDS_UNIT | LEAD | COORD),
    v("chủ động", OPENS | ENDS_UNIT | LEAD),
    v("cung cấp", OPENS | ENDS_UNIT | LEAD),
    v("có", ENDS_UNIT),
    v("có trách nhiệm", ENDS_UNIT | LEAD | ORDERS),
    v("công văn đề nghị", NOUN),
    v("cùng", ENDS_UNIT),
    v("căn cứ", OPENS | ENDS_UNIT | LEAD | INTRO | ADVERBIAL),
    v("cải cách", OPENS),
    v("cải thiện", OPENS),
    v("cần", ENDS_UNIT | LEAD),
    v("cập nhật", OPENS | ENDS_UNIT | LEAD),
    v("cụ thể hoá", OPENS | ENDS_UNIT | LEAD),
    v("cụ thể hóa", OPENS | ENDS_UNIT | LEAD),
    v("của", ENDS_UNIT),
    v("củng cố", OPENS | ENDS_UNIT | LEAD),
    v("cử", ENDS_UNIT | LEAD),
    v("di dời", ENDS_UNIT | LEAD),
    v("duy trì", OPENS | ENDS_UNIT | LEAD),
    v("dành", ENDS_UNIT),
    v("ghi nhận", ENDS_UNIT),
    v("giao", OPENS | ENDS_UNIT | ADDRESSES | ORDERS),
    v("giao ban", NOUN),
    v("giao cho", OPENS | ENDS_UNIT | ADDRESSES),
    v("giao dịch", NOUN),
    v("giao lưu", NOUN),
    v("giao nhận", NOUN),
    v("giao thông", NOUN),
    v("giao tiếp", NOUN),
    v("giám sát", OPENS | ENDS_UNIT | LEAD),
    v("giải quyết", OPENS | ENDS_UNIT | LEAD),
    v("giải đáp", ENDS_UNIT),
    v("giấy đề nghị", NOUN),
    v("giữ", ENDS_UNIT),
    v("giữ vững", OPENS | ENDS_UNIT | LEAD),
    v("gửi", OPENS | ENDS_UNIT | LEAD),
    v("hiện đại hóa", OPENS),
    v("hoàn chỉnh", OPENS | ENDS_UNIT | LEAD),
    v("hoàn thiện", OPENS | ENDS_UNIT | LEAD),
    v("hoàn thành", OPENS | ENDS_UNIT | LEAD),
    v("hoàn tất", ENDS_UNIT),
    v("huy động", OPENS | ENDS_UNIT | LEAD),
    v("hàng", OPENS | ENDS_UNIT | LEAD | INTRO),
    v("hình thành", OPENS),
    v("hướng dẫn", OPENS | ENDS_UNIT | LEAD),
    v("hướng tới", ENDS_UNIT),
    v("hằng", OPENS | ENDS_UNIT | LEAD | INTRO),
    v("hồ sơ đề nghị", NOUN),
    v("hỗ trợ", OPENS | ENDS_UNIT | LEAD),
    v("khai thác", OPENS | ENDS_UNIT | LEAD),
    v("khen thưởng", OPENS),
    v("khi", ENDS_UNIT | INTRO),
    v("khuyến khích", OPENS),
    v("khảo sát", OPENS | ENDS_UNIT),
    v("khẩn trương", OPENS | ENDS_UNIT | LEAD),
    v("khắc phục", OPENS | ENDS_UNIT | LEAD),
    v("kiểm soát", OPENS),
    v("kiểm tra", OPENS | ENDS_UNIT | LEAD),
    v("kiểm điểm", ENDS_UNIT),
    v("kiện toàn", OPENS | ENDS_UNIT | LEAD),
    v("kêu gọi", OPENS | ENDS_UNIT | LEAD),
    v("kính đề nghị", OPENS | ADDRESSES),
    v("ký kết", OPENS | ENDS_UNIT | LEAD),
    v("kết hợp", OPENS),
    v("kết nối", OPENS | ENDS_UNIT | LEAD),
    v("kịp thời", OPENS | ENDS_UNIT | LEAD),
    v("liên hệ", ENDS_UNIT | LEAD),
    v("là", ENDS_UNIT),
    v("làm", ENDS_UNIT),
    v("làm rõ", OPENS | ENDS_UNIT | LEAD),
    v("làm tốt", OPENS | ENDS_UNIT | LEAD),
    v("lãnh đạo", OPENS | ENDS_UNIT | LEAD | NOUN | HEADS_UNIT),
    v("lập", OPENS | ENDS_UNIT | LEAD),
    v("lắp đặt", OPENS),
    v("lồng ghép", OPENS | ENDS_UNIT | LEAD),
    v("lựa chọn", OPENS),
    v("mời", ENDS_UNIT),
    v("mở", ENDS_UNIT),
    v("mở rộng", OPENS),
    v("nghiêm túc", OPENS | ENDS_UNIT | LEAD),
    v("nghiên cứu", OPENS | ENDS_UNIT | LEAD),
    v("ngoài ra", INTRO),
    v("ngăn chặn", OPENS),
    v("nhân rộng", OPENS | ENDS_UNIT | LEAD),
    v("nhằm", ENDS_UNIT),
    v("nâng cao", OPENS | ENDS_UNIT | LEAD),
    v("nâng cấp", OPENS | ENDS_UNIT | LEAD),
    v("nêu", ENDS_UNIT),
    v("nêu cao", OPENS | ENDS_UNIT | LEAD),
    v("nắm", OPENS | ENDS_UNIT | LEAD),
    v("nếu", ENDS_UNIT | INTRO),
    v("nộp", LEAD),
    v("phát huy", OPENS | ENDS_UNIT | LEAD),
    v("phát triển", OPENS | ENDS_UNIT | LEAD),
    v("phân công", OPENS | ENDS_UNIT | ADDRESSES),
    v("phê duyệt", OPENS),
    v("phòng ngừa", OPENS),
    v("phải", ENDS_UNIT | LEAD),
    v("phấn đấu", OPENS | ENDS_UNIT | LEAD),
    v("phối hợp", OPENS | ENDS_UNIT | LEAD | COORD),
    v("phối hợp chặt chẽ", COORD),
    v("phối hợp chặt chẽ với", COORD),
    v("phối hợp cùng", COORD),
    v("phối hợp với", COORD),
    v("phối với", COORD),
    v("phổ biến", OPENS | ENDS_UNIT | LEAD),
    v("phổ cập", OPENS),
    v("phụ trách", OPENS | ANSWERS_FOR),
    v("phủ sóng", OPENS),
    v("quan tâm", OPENS | ENDS_UNIT | LEAD),
    v("quyết liệt", OPENS | ENDS_UNIT | LEAD),
    v("quán triệt", OPENS | ENDS_UNIT | LEAD),
    v("quản lý", OPENS | ENDS_UNIT),
    v("quảng bá", ENDS_UNIT),
    v("rà", ENDS_UNIT | LEAD),
    v("rà soát", OPENS | ENDS_UNIT | LEAD),
    v("rèn luyện", OPENS),
    v("rút", ENDS_UNIT),
    v("sau khi", INTRO),
    v("sơ kết", OPENS),
    v("sắp xếp", OPENS | ENDS_UNIT | LEAD),
    v("sẽ", ENDS_UNIT),
    v("số hóa", OPENS | ENDS_UNIT | LEAD),
    v("sớm", ENDS_UNIT | LEAD),
    v("sử dụng", OPENS | ENDS_UNIT | LEAD),
    v("sửa đổi", OPENS),
    v("tham gia", OPENS | ENDS_UNIT | LEAD),
    v("tham mưu", OPENS | ENDS_UNIT | LEAD | NOUN),
    v("theo", ENDS_UNIT | INTRO),
    v("theo dõi", OPENS | ENDS_UNIT | LEAD),
    v("theo yêu cầu", NOUN),
    v("theo đề nghị", NOUN),
    v("thiết lập", OPENS),
    v("thu hút", OPENS | ENDS_UNIT | LEAD),
    v("thu thập", OPENS),
    v("thành lập", OPENS | ENDS_UNIT | LEAD),
    v("tháo gỡ", ENDS_UNIT),
    v("thí điểm", OPENS),
    v("thông báo", ENDS_UNIT | LEAD | NOUN),
    v("thông minh hóa", OPENS),
    v("thúc đẩy", OPENS | ENDS_UNIT | LEAD),
    v("thường xuyên", OPENS | ENDS_UNIT | LEAD),
    v("thảo luận", ENDS_UNIT),
    v("thẩm định", OPENS | ENDS_UNIT),
    v("thống kê", ENDS_UNIT),
    v("thống nhất", ENDS_UNIT),
    v("thực hiện", OPENS | ENDS_UNIT | LEAD),
    v("tiến hành", OPENS | ENDS_UNIT | LEAD),
    v("tiếp cận", ENDS_UNIT),
    v("tiếp nhận", OPENS | ENDS_UNIT | LEAD),
    v("tiếp thu", ENDS_UNIT | LEAD),
    v("tiếp tục", OPENS | ENDS_UNIT | LEAD),
    v("tranh thủ", OPENS | ENDS_UNIT | LEAD),
    v("triển khai", OPENS | ENDS_UNIT | LEAD),
    v("trong", ENDS_UNIT | INTRO),
    v("trong quá trình", OPENS | INTRO | ADVERBIAL),
    v("trên cơ sở", INTRO),
    v("trình", OPENS | ENDS_UNIT),
    v("trước", INTRO),
    v("trường hợp", INTRO),
    v("trả", ENDS_UNIT),
    v("trả lời", OPENS),
    v("trực tiếp", ENDS_UNIT | LEAD),
    v("tuyên dương", OPENS | ENDS_UNIT | LEAD),
    v("tuyên truyền", OPENS | ENDS_UNIT | LEAD),
    v("tuân thủ", OPENS),
    v("tìm", ENDS_UNIT),
    v("tích cực", OPENS | ENDS_UNIT | LEAD),
    v("tích hợp", OPENS),
    v("tăng cường", OPENS | ENDS_UNIT | LEAD),
    v("tại", ENDS_UNIT),
    v("tạo", OPENS | ENDS_UNIT | LEAD),
    v("tận dụng", OPENS | ENDS_UNIT | LEAD),
    v("tập huấn", OPENS | ENDS_UNIT),
    v("tập trung", OPENS | ENDS_UNIT | LEAD),
    v("tổ chức", OPENS | ENDS_UNIT | LEAD | NOUN),
    v("tổng hợp", OPENS | ENDS_UNIT | LEAD),
    v("tổng kết", OPENS),
    v("tờ trình đề nghị", NOUN),
    v("từ", INTRO),
    v("từng bước", OPENS),
    v("việc giao", NOUN),
    v("vào", ENDS_UNIT),
    v("văn bản đề nghị", NOUN),
    v("vận dụng", OPENS),
    v("vận hành", OPENS | ENDS_UNIT | LEAD),
    v("vận động", OPENS | ENDS_UNIT | LEAD),
    v("về", ENDS_UNIT),
    v("với", ENDS_UNIT),
    v("xem xét", OPENS | ENDS_UNIT | LEAD),
    v("xin", ENDS_UNIT),
    v("xác định", OPENS | ENDS_UNIT | LEAD),
    v("xây dựng", OPENS | ENDS_UNIT | LEAD | NOUN),
    v("xã hội hóa", OPENS),
    v("xử lý", OPENS | ENDS_UNIT | LEAD),
    v("yêu cầu", OPENS | ENDS_UNIT | ADDRESSES | ORDERS),
    v("áp dụng", OPENS),
    v("đa dạng hóa", OPENS),
    v("đang", ENDS_UNIT),
    v("điều chỉnh", OPENS | ENDS_UNIT),
    v("đào tạo", OPENS | ENDS_UNIT | LEAD),
    v("đánh giá", OPENS | ENDS_UNIT),
    v("đáp ứng yêu cầu", NOUN),
    v("đã", ENDS_UNIT),
    v("đôn đốc", OPENS | ENDS_UNIT | LEAD),
    v("đăng ký", ENDS_UNIT),
    v("đưa", OPENS | ENDS_UNIT | LEAD),
    v("được", ENDS_UNIT),
    v("được giao", ENDS_UNIT),
    v("được giao cho", ENDS_UNIT),
    v("đảm bảo", OPENS | ENDS_UNIT | LEAD),
    v("đấu tranh", OPENS),
    v("đầu mối", OPENS),
    v("đầu tư", OPENS | ENDS_UNIT | LEAD),
    v("đẩy mạnh", OPENS | ENDS_UNIT | LEAD),
    v("đến", INTRO),
    v("đề nghị", OPENS | ENDS_UNIT | NOUN | ADDRESSES | ORDERS),
    v("đề xuất", OPENS | ENDS_UNIT | LEAD),
    v("để", ENDS_UNIT | INTRO),
    v("định kỳ", OPENS | ENDS_UNIT | LEAD | INTRO),
    v("đối với", ENDS_UNIT | INTRO),
    v("đồng thời", ENDS_UNIT | INTRO),
    v("đổi mới", OPENS | ENDS_UNIT | LEAD),
    v("ưu tiên", OPENS | ENDS_UNIT | LEAD),
    v("ứng dụng", OPENS | ENDS_UNIT | LEAD),
];

/// The words of every row carrying `flag`.
pub fn with(flag: u16) -> impl Iterator<Item = &'static str> {
    VERBS.iter().filter(move |v| v.has(flag)).map(|v| v.word)
}

/// True when `text` (first letter in either case) begins with a whole word of a row
/// carrying `flag` ("Phối hợp với …" begins with a [`COORD`] row).
pub fn begins_with(text: &str, flag: u16) -> bool {
    let lower = super::lower_first(text);
    VERBS.iter().any(|v| {
        v.has(flag)
            && lower.starts_with(v.word)
            && lower[v.word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Regex fragment: an alternation of the words carrying `flag`, longest first; with
/// `either_case` the first letter also matches in capitals ("Triển khai").
pub fn pattern(flag: u16, either_case: bool) -> String {
    alternation(with(flag), either_case)
}

/// The verb table for the lexicon checks.
pub struct VerbTable;

impl Table for VerbTable {
    fn name(&self) -> &'static str {
        "verbs"
    }
    fn words(&self) -> Vec<&'static str> {
        VERBS.iter().map(|v| v.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![
            ("opens", format!(r"^(?:{})(?:\s|,|$)", pattern(OPENS, true))),
            (
                "ends_unit",
                format!(r"^(?:{})(?:\s|$|[,.;:])", pattern(ENDS_UNIT, false)),
            ),
            ("lead", format!(r"^(?:{})(?:\s|,|$)", pattern(LEAD, false))),
        ]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("Triển khai thực hiện", "opens ends_unit lead"),
            (
                "chủ trì, phối hợp",
                "opens ends_unit lead orders answers_for",
            ),
            ("phụ trách lĩnh vực", "opens answers_for"),
            ("báo cáo kết quả", "opens ends_unit lead noun"),
            ("biểu quyết", "ends_unit"),
            ("Giao Sở Y tế", "opens ends_unit addresses orders"),
            ("giao ban quý", "opens ends_unit noun addresses orders"),
            ("Sau khi được phân bổ", "intro"),
            ("phối hợp chặt chẽ với", "opens ends_unit lead coord"),
            (
                "chủ trì cùng Sở Tài chính",
                "opens ends_unit lead coord orders answers_for",
            ),
            ("chỉ đạo các phòng", "opens ends_unit directs"),
            ("Lãnh đạo Sở Y tế", "opens ends_unit lead noun heads_unit"),
            (
                "Trong quá trình thực hiện,",
                "opens ends_unit intro adverbial",
            ),
            ("Lắp đặt camera giám sát", "opens"),
            ("Phủ sóng di động đến các thôn vùng cao", "opens"),
            ("Đa dạng hóa sản phẩm du lịch cộng đồng", "opens"),
            ("Từng bước thay thế hồ sơ giấy", "opens"),
            ("Kết hợp dữ liệu dân cư với dữ liệu đất đai", "opens"),
            ("Quản lý chặt chẽ", "opens ends_unit"),
            ("Sở Y tế", ""),
            ("thông báo cho các chủ thể", "ends_unit lead noun"),
            ("được giao cho các hộ", "ends_unit"),
            ("việc giao đất", "noun"),
            ("kiện toàn bộ máy", "opens ends_unit lead"),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        let lower = super::lower_first(phrase);
        let mut flags = 0;
        for v in VERBS {
            if lower.starts_with(v.word)
                && lower[v.word.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                flags |= v.flags;
            }
        }
        let names = [
            (OPENS, "opens"),
            (ENDS_UNIT, "ends_unit"),
            (LEAD, "lead"),
            (NOUN, "noun"),
            (ADDRESSES, "addresses"),
            (INTRO, "intro"),
            (COORD, "coord"),
            (DIRECTS, "directs"),
            (HEADS_UNIT, "heads_unit"),
            (ADVERBIAL, "adverbial"),
            (ORDERS, "orders"),
            (ANSWERS_FOR, "answers_for"),
        ];
        names
            .iter()
            .filter(|(f, _)| flags & f != 0)
            .map(|(_, n)| *n)
            .collect::<Vec<_>>()
            .join(" ")
    }
}
