//! Heading words that say what a part of a document holds: instructions, or records.
//!
//! "Nhiệm vụ", "giải pháp", "tổ chức thực hiện" open a task zone; results, objectives,
//! funding, agendas, attendee lists, eligibility, dossier components and award criteria
//! open a no-task zone (annotation guide §2, generalization P2). Courtesy and closing
//! formulas are never tasks. To add a heading word: one row here, in byte order.

use super::{alternation, Table};

/// At the start of a heading, opens a task zone ("Nhiệm vụ trọng tâm", "Giao …").
pub const TASKS_AT_START: u16 = 1;
/// Anywhere in a heading, opens a task zone ("Một số giải pháp chủ yếu").
pub const TASKS_ANYWHERE: u16 = 2;
/// At the start of a heading, opens a no-task zone ("Kết quả đạt được", "Thành phần").
pub const NO_TASKS_AT_START: u16 = 4;
/// As the whole heading, a noun that opens a no-task zone ("2. Yêu cầu" under "Mục đích,
/// yêu cầu": requirements, not orders).
pub const NO_TASKS_WHOLE: u16 = 8;
/// A record of the past: nothing beneath it is a task, whatever its sub-headings say.
pub const RECORD: u16 = 16;
/// At the start of a paragraph or sentence, a closing or courtesy formula.
pub const CLOSING_AT_START: u16 = 32;
/// Anywhere in a paragraph or sentence, a closing or courtesy formula.
pub const CLOSING_ANYWHERE: u16 = 64;

/// An order word used as a noun inside this phrase ("giao ban", "giao thông", "hồ sơ đề
/// nghị"): neither an order nor a task-zone heading.
pub const NOT_ORDER: u16 = 128;

/// Opens directions for the time ahead ("Trong thời gian tới, …"): in an assessment part,
/// this sentence and the rest of its paragraph are instructions.
pub const FORWARD: u16 = 256;
/// Followed by "của X", or as the topic after "Về", a heading of someone else's proposals
/// that the text answers ("Về các kiến nghị của Tỉnh"): read as any other part.
pub const ANSWERED: u16 = 512;

/// A field label of an item block ("Đơn vị chủ trì: Sở X"): the block's lead.
pub const FIELD_LEAD: u16 = 1024;
/// A field label of an item block ("Đơn vị phối hợp: …"): the block's supporting units.
pub const FIELD_COORD: u16 = 2048;
/// A field label of an item block ("Thời gian thực hiện: …"): the block's due date.
pub const FIELD_TIME: u16 = 4096;
/// A field label of an item block ("Nhiệm vụ: …", "Nội dung: …"): the block's tasks.
pub const FIELD_CONTENT: u16 = 8192;
/// A field label of an item block that holds no task ("Sản phẩm: …", "Kinh phí: …").
pub const FIELD_OTHER: u16 = 16384;
/// A task-list noun whose owner follows "của" ("Trách nhiệm của Sở Y tế", "Các nhiệm vụ
/// trọng tâm của Ban Chỉ đạo").
pub const OWNED: u16 = 32768;
/// Any field label.
pub const FIELD: u16 = FIELD_LEAD | FIELD_COORD | FIELD_TIME | FIELD_CONTENT | FIELD_OTHER;

/// One heading or closing word and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoneWord {
    /// The phrase, lower case, NFC.
    pub word: &'static str,
    /// Flags or'ed together.
    pub flags: u16,
}

const fn z(word: &'static str, flags: u16) -> ZoneWord {
    ZoneWord { word, flags }
}

const NO: u16 = NO_TASKS_AT_START;
const REC: u16 = NO_TASKS_AT_START | RECORD;
const POS: u16 = TASKS_AT_START | TASKS_ANYWHERE;

/// Every zone word, sorted by bytes, unique.
pub const ZONES: &[ZoneWord] = &[
    z("bài học", REC),
    z("bàn giao", NOT_ORDER),
    z("chương trình làm việc", NO),
    z("chương trình này", CLOSING_ANYWHERE),
    z("chương trình đề ra", CLOSING_ANYWHERE),
    z("chỉ thị này", CLOSING_ANYWHERE),
    z("chỉ tiêu", NO),
    z("chịu trách nhiệm thi hành", CLOSING_ANYWHERE),
    z("các nhiệm vụ", TASKS_AT_START),
    z("các nhiệm vụ được giao tại kế hoạch", CLOSING_ANYWHERE),
    z("có hiệu lực kể từ", CLOSING_ANYWHERE),
    z("có hiệu lực thi hành kể từ", CLOSING_ANYWHERE),
    z("có hiệu lực thi hành từ", CLOSING_ANYWHERE),
    z("có hiệu lực từ", CLOSING_ANYWHERE),
    z("công tác lãnh đạo", NO),
    z("công văn này", CLOSING_ANYWHERE),
    z("công văn đề nghị", NOT_ORDER),
    z("căn cứ", NO),
    z("cơ quan chịu trách nhiệm", FIELD_LEAD),
    z("cơ quan chủ trì", FIELD_LEAD),
    z("cơ quan chủ trì thực hiện", FIELD_LEAD),
    z("cơ quan phối hợp", FIELD_COORD),
    z("cơ quan phối hợp thực hiện", FIELD_COORD),
    z("cơ quan thực hiện", FIELD_LEAD),
    z("dự kiến sản phẩm", FIELD_OTHER),
    z("giao", TASKS_AT_START),
    z("giao ban", NOT_ORDER),
    z("giao dịch", NOT_ORDER),
    z("giao lưu", NOT_ORDER),
    z("giao nhận", NOT_ORDER),
    z("giao thông", NOT_ORDER),
    z("giao tiếp", NOT_ORDER),
    z("giải pháp", POS),
    z("giải trình", NO),
    z("giấy đề nghị", NOT_ORDER),
    z("hình thức văn bản", FIELD_OTHER),
    z("hạn chế", REC),
    z("hồ sơ", NO),
    z("hồ sơ đề nghị", NO | NOT_ORDER),
    z("khuyết điểm", REC),
    z("khó khăn", REC),
    z("kinh phí", NO | FIELD_OTHER),
    z("kiến nghị", NO | ANSWERED),
    z("kế hoạch này", CLOSING_ANYWHERE),
    z("kế hoạch đề ra", CLOSING_ANYWHERE),
    z("kết luận này", CLOSING_ANYWHERE),
    z("kết quả", REC),
    z("kết quả/sản phẩm", FIELD_OTHER),
    z("lịch làm việc", NO),
    z("mục tiêu", NO),
    z("mục đích", NO),
    z("nghiêm túc thực hiện./.", CLOSING_ANYWHERE),
    z("nghiêm túc triển khai thực hiện./.", CLOSING_ANYWHERE),
    z("nghị quyết này", CLOSING_ANYWHERE),
    z("nguyên nhân", REC),
    z("nguồn kinh phí", FIELD_OTHER),
    z("nhiệm vụ", POS | FIELD_CONTENT | OWNED),
    z("nhận được", CLOSING_AT_START),
    z("nội dung", FIELD_CONTENT),
    z("nội dung buổi làm việc", NO),
    z("nội dung công việc", FIELD_CONTENT),
    z("nội dung kiểm tra", NO),
    z("nội dung làm việc", NO),
    z("nội dung thực hiện", FIELD_CONTENT),
    z("phân công", TASKS_AT_START),
    z("phương hướng", POS),
    z("phương pháp", FIELD_OTHER),
    z("phương thức", FIELD_OTHER),
    z("quan tâm, phối hợp", CLOSING_ANYWHERE),
    z("quan điểm", NO),
    z("quyết định này", CLOSING_ANYWHERE),
    z("quán triệt và tuyên truyền", NO),
    z("quản triệt và tuyên truyền", NO),
    z("rất mong", CLOSING_AT_START),
    z("sản phẩm", FIELD_OTHER),
    z("sản phẩm đầu ra", FIELD_OTHER),
    z("sự cần thiết", NO),
    z("theo đề nghị", NOT_ORDER),
    z("thuận lợi", REC),
    z("thành phần", NO),
    z("thông báo này", CLOSING_ANYWHERE),
    z("thông báo để", CLOSING_ANYWHERE),
    z("thông qua", NO),
    z("thời gian hoàn thành", FIELD_TIME),
    z("thời gian thực hiện", FIELD_TIME),
    z("thời gian tới", FORWARD),
    z("thời hạn", FIELD_TIME),
    z("thời hạn hoàn thành", FIELD_TIME),
    z("tiêu chuẩn", NO),
    z("tiêu chí", NO),
    z("tiến độ thực hiện", FIELD_TIME),
    z("trong thời gian tới", FORWARD),
    z("trách nhiệm", TASKS_AT_START | OWNED),
    z("trân trọng", CLOSING_AT_START),
    z("trên đây", CLOSING_AT_START),
    z("trả lời", NO),
    z("tình hình", REC),
    z("tồn tại", REC),
    z("tổ chức thực hiện", POS),
    z("tờ trình đề nghị", NOT_ORDER),
    z("từ nay đến cuối năm", FORWARD),
    z("văn bản đề nghị", NOT_ORDER),
    z("xét đề nghị", NOT_ORDER),
    z("yêu cầu", TASKS_AT_START | NO_TASKS_WHOLE),
    z("ý kiến", NO),
    z("điều kiện", NO),
    z("đánh giá", REC),
    z("đơn vị chịu trách nhiệm", FIELD_LEAD),
    z("đơn vị chủ trì", FIELD_LEAD),
    z("đơn vị chủ trì thực hiện", FIELD_LEAD),
    z("đơn vị phối hợp", FIELD_COORD),
    z("đơn vị phối hợp thực hiện", FIELD_COORD),
    z("đơn vị thực hiện", FIELD_LEAD),
    z("được giao nhiệm vụ nghiêm túc", CLOSING_ANYWHERE),
    z("đề nghị", TASKS_AT_START),
    z("đề xuất", NO | ANSWERED),
    z("đối tượng", NO),
    z("ưu điểm", REC),
];

/// Words a no-task heading may open with before its zone word ("Các kết quả", "Về kinh phí").
pub const NO_TASK_LEADS: &[&str] = &["các", "công tác", "một số", "những", "về"];

/// The words of every row carrying `flag`.
pub fn with(flag: u16) -> impl Iterator<Item = &'static str> {
    ZONES
        .iter()
        .filter(move |w| w.flags & flag != 0)
        .map(|w| w.word)
}

/// Regex fragment: an alternation of the rows carrying `flag`, either case, longest first.
pub fn pattern(flag: u16) -> String {
    alternation(with(flag), true)
}

/// What a heading's own words say (marker and anything after its colon already removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A task zone.
    Tasks,
    /// A no-task zone; `record` when it is a record of the past.
    NoTasks {
        /// Nothing under it is a task, whatever its sub-headings say.
        record: bool,
    },
    /// Says nothing.
    Neutral,
}

/// Read a heading: a whole-heading noun first, then task words at its start, then no-task
/// words at its start, then task words anywhere. Words match whole (no "căn cứu").
pub fn read_heading(heading: &str) -> Reading {
    let h = super::lower_first(heading.trim().trim_end_matches([':', '.', ';']).trim());
    let h = h.to_lowercase();
    if ZONES
        .iter()
        .any(|w| w.flags & NO_TASKS_WHOLE != 0 && h == w.word)
    {
        return Reading::NoTasks { record: false };
    }
    if ZONES
        .iter()
        .any(|w| w.flags == NOT_ORDER && opens(&h, w.word))
    {
        return Reading::Neutral;
    }
    if ZONES
        .iter()
        .any(|w| w.flags & TASKS_AT_START != 0 && opens(&h, w.word))
    {
        return Reading::Tasks;
    }
    let mut rest = h.as_str();
    let mut topic = false;
    while let Some(lead) = NO_TASK_LEADS.iter().find(|l| opens(rest, l)) {
        topic |= *lead == "về";
        rest = rest[lead.len()..].trim_start();
    }
    if let Some(w) = ZONES
        .iter()
        .find(|w| w.flags & NO_TASKS_AT_START != 0 && opens(rest, w.word))
    {
        let after = rest[w.word.len()..].trim_start();
        // "Về kiến nghị …": a topic that answers a proposal.
        if w.flags & ANSWERED != 0 && (topic || opens(after, "của")) {
            return Reading::Neutral;
        }
        return Reading::NoTasks {
            record: w.flags & RECORD != 0 && !mentions_tasks(&h),
        };
    }
    if mentions_tasks(&h) {
        Reading::Tasks
    } else {
        Reading::Neutral
    }
}

fn mentions_tasks(h: &str) -> bool {
    ZONES.iter().any(|w| {
        w.flags & TASKS_ANYWHERE != 0
            && h.match_indices(w.word)
                .any(|(i, _)| boundary_before(h, i) && boundary_after(h, i + w.word.len()))
    })
}

/// The field an item opens with ("Đơn vị chủ trì: Sở Tư pháp." → its flag and "Sở Tư
/// pháp."): a label of the table, then a colon. `text` has its marker removed.
/// A label may run on past its row ("Đơn vị chủ trì tham mưu thực hiện:"); the longest
/// row it opens with decides.
pub fn field_of(text: &str) -> Option<(u16, &str)> {
    let colon = text.find(':')?;
    let label = text[..colon].trim().to_lowercase();
    if label.chars().count() > 50 {
        return None;
    }
    let row = ZONES
        .iter()
        .filter(|w| w.flags & FIELD != 0 && opens(&label, w.word))
        .max_by_key(|w| w.word.len())?;
    Some((row.flags & FIELD, text[colon + 1..].trim()))
}

/// True when `text` opens with directions for the time ahead ("Trong thời gian tới, …").
pub fn opens_forward(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    ZONES
        .iter()
        .any(|w| w.flags & FORWARD != 0 && opens(&t, w.word))
}

/// True when `text` is a closing or courtesy formula ("Trân trọng thông báo …",
/// "Nhận được Công văn này …", "… chịu trách nhiệm thi hành Quyết định này").
pub fn is_closing(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    ZONES.iter().any(|w| {
        (w.flags & CLOSING_AT_START != 0 && opens(&t, w.word))
            || (w.flags & CLOSING_ANYWHERE != 0 && t.contains(w.word))
    })
}

/// True when `h` opens with the whole word `w`.
fn opens(h: &str, w: &str) -> bool {
    h.starts_with(w) && boundary_after(h, w.len())
}

fn boundary_after(h: &str, at: usize) -> bool {
    h[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_before(h: &str, at: usize) -> bool {
    h[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The zone table for the lexicon checks.
pub struct ZoneTable;

impl Table for ZoneTable {
    fn name(&self) -> &'static str {
        "zones"
    }
    fn words(&self) -> Vec<&'static str> {
        ZONES.iter().map(|w| w.word).collect()
    }
    fn patterns(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "tasks_at_start",
                format!("^(?:{})", pattern(TASKS_AT_START)),
            ),
            ("no_tasks", format!("^(?:{})", pattern(NO_TASKS_AT_START))),
            ("closing", pattern(CLOSING_ANYWHERE)),
            ("not_order", pattern(NOT_ORDER)),
        ]
    }
    fn examples(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "tasks"),
            ("Một số giải pháp trọng tâm", "tasks"),
            ("TỔ CHỨC THỰC HIỆN", "tasks"),
            ("Trách nhiệm của Sở Tư pháp và Công an tỉnh", "tasks"),
            ("KẾT QUẢ ĐẠT ĐƯỢC", "record"),
            ("Những hạn chế, tồn tại", "record"),
            ("Kết quả thực hiện nhiệm vụ năm 2025", "no_tasks"),
            ("MỤC ĐÍCH, YÊU CẦU", "no_tasks"),
            ("Yêu cầu", "no_tasks"),
            ("Yêu cầu các xã rà soát hộ nghèo", "tasks"),
            ("NỘI DUNG KIỂM TRA", "no_tasks"),
            ("Nội dung làm việc với các huyện", "no_tasks"),
            ("THÀNH PHẦN ĐOÀN CÔNG TÁC", "no_tasks"),
            ("CHỈ TIÊU CHỦ YẾU", "no_tasks"),
            ("Đối tượng tham gia", "no_tasks"),
            ("Hồ sơ đề nghị khen thưởng gồm", "no_tasks"),
            ("Tiêu chuẩn xét tặng danh hiệu", "no_tasks"),
            ("Về kinh phí", "no_tasks"),
            ("Căn cứu địa chất", "neutral"),
            ("Về phát triển du lịch cộng đồng", "neutral"),
            ("NỘI DUNG", "neutral"),
            (
                "Rất mong nhận được sự quan tâm, phối hợp của Quý cơ quan.",
                "closing",
            ),
            ("Trân trọng thông báo để các cơ quan biết.", "closing"),
            (
                "Yêu cầu các sở, ngành triển khai kịp thời các nhiệm vụ được giao tại Kế hoạch.",
                "closing",
            ),
            (
                "Yêu cầu các sở, ngành nghiêm túc triển khai thực hiện./.",
                "closing",
            ),
            ("Giao Sở Tài chính bố trí kinh phí.", "tasks"),
            ("Giao thông nông thôn", "neutral"),
            ("MỘT SỐ KIẾN NGHỊ CỦA TỈNH", "neutral"),
            ("KIẾN NGHỊ, ĐỀ XUẤT", "no_tasks"),
            (
                "Về kiến nghị hỗ trợ kinh phí khắc phục hậu quả bão",
                "neutral",
            ),
            ("VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH", "neutral"),
            ("Về kinh phí thực hiện", "no_tasks"),
            ("Trong thời gian tới, Tỉnh tập trung chỉ đạo", "forward"),
            ("Đơn vị chủ trì: Sở Tư pháp.", "field lead"),
            (
                "Cơ quan phối hợp: Công an tỉnh, Sở Tài chính.",
                "field coord",
            ),
            ("Thời gian hoàn thành: Quý III/2027.", "field time"),
            ("Nhiệm vụ: Rà soát quy trình.", "field content"),
            ("Sản phẩm: Báo cáo kết quả.", "field other"),
            (
                "Phương pháp kiểm tra: Đối chiếu hồ sơ với thực địa.",
                "field other",
            ),
            ("Xét đề nghị của Trưởng phòng Tổ chức cán bộ", "neutral"),
            (
                "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan biết, thực hiện.",
                "closing",
            ),
            (
                "Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.",
                "field lead",
            ),
            (
                "Đơn vị phối hợp thực hiện: Các cơ quan liên quan.",
                "field coord",
            ),
        ]
    }
    fn read(&self, phrase: &str) -> String {
        if is_closing(phrase) {
            return "closing".into();
        }
        if opens_forward(phrase) {
            return "forward".into();
        }
        if let Some((flag, _)) = field_of(phrase) {
            let names = [
                (FIELD_LEAD, "lead"),
                (FIELD_COORD, "coord"),
                (FIELD_TIME, "time"),
                (FIELD_CONTENT, "content"),
                (FIELD_OTHER, "other"),
            ];
            let name = names.iter().find(|(f, _)| flag & f != 0).map(|(_, n)| *n);
            return format!("field {}", name.unwrap_or(""));
        }
        match read_heading(phrase) {
            Reading::Tasks => "tasks",
            Reading::NoTasks { record: true } => "record",
            Reading::NoTasks { record: false } => "no_tasks",
            Reading::Neutral => "neutral",
        }
        .into()
    }
}
