//! The Vietnamese help: the texts of commands and options by their id (option names stay
//! English), and the headings clap prints. English help is the doc comments themselves.

use clap::Command;

/// Vietnamese text of a command (`"extract"`) or an option (`"extract.out"`), by id; rows
/// sorted by id (a test checks it).
const TEXTS: &[(&str, &str)] = &[
    ("", "Văn bản chỉ đạo (PDF, văn bản) thành danh sách nhiệm vụ"),
    ("completions", "In kịch bản gợi ý lệnh cho shell (bash, zsh, fish, elvish, powershell) ra stdout."),
    ("completions.shell", "Shell."),
    ("eval", "Chấm kết quả trích xuất so với tệp chuẩn (gold)."),
    ("eval.details", "Liệt kê thêm trên stderr các nhiệm vụ bỏ sót, thừa và sai."),
    ("eval.gold", "Thư mục các tệp `<tên>.gold.json`."),
    ("eval.json", "Lưu thêm các số đo dạng JSON vào FILE."),
    ("eval.meta", "Thư mục chuẩn siêu dữ liệu `<tên>.meta.json`; mặc định: thư mục `meta` cạnh --gold nếu có."),
    ("eval.min_assignee", "Thất bại khi độ chính xác đơn vị chủ trì dưới X."),
    ("eval.min_due", "Thất bại khi độ chính xác thời hạn dưới X."),
    ("eval.min_f1", "Thất bại (mã thoát 1) khi F1 nhiệm vụ dưới X (0..1)."),
    ("eval.min_meta", "Thất bại khi độ chính xác của một trường siêu dữ liệu dưới X."),
    ("eval.min_target_recall", "Thất bại khi độ phủ chỉ tiêu dưới X."),
    ("eval.output", "Thư mục kết quả JSON từng văn bản (tìm cả thư mục con) hoặc một tệp NDJSON."),
    ("extract", "Trích xuất văn bản và nhiệm vụ từ tệp PDF và tệp văn bản (mỗi đầu vào một bản ghi)."),
    ("extract.color", "Tô màu bản tóm tắt: auto (trên terminal, khi NO_COLOR chưa đặt), always hoặc never."),
    ("extract.force", "Làm lại cả những đầu vào đã có kết quả mới nhất (chỉ với json)."),
    ("extract.format", "Định dạng đầu ra."),
    ("extract.inputs", "Tệp, thư mục (tìm đệ quy các tệp .pdf, .txt, .md) hoặc tệp danh sách @MANIFEST (mỗi dòng một đường dẫn)."),
    ("extract.isolation", "Nơi đọc văn bản: trong tiến trình con mà lỗi sập không kéo theo cả lô (mặc định), hoặc trong luồng của tiến trình này."),
    ("extract.jobs", "Số luồng làm việc (mặc định: mọi lõi)."),
    ("extract.max_memory", "Giới hạn bộ nhớ mỗi tiến trình con, ví dụ 1G, 512M (0: không giới hạn)."),
    ("extract.ocr", "Nhận dạng chữ (OCR) trang PDF: auto (trang không có lớp chữ dùng được, khi có tesseract với dữ liệu tiếng Việt), never, hoặc force (mọi trang)."),
    ("extract.out", "Thư mục đầu ra cho json (bắt buộc); tệp đầu ra cho ndjson, csv và xlsx (mặc định stdout; `-` là stdout)."),
    ("extract.quiet", "Không hiện thanh tiến độ và bản tóm tắt trên stderr."),
    ("extract.retry_failed", "Làm lại các đầu vào mà kết quả cũ ghi nhận lỗi (sập, quá thời gian hoặc bộ nhớ)."),
    ("extract.shard", "Chỉ xử lý phần K trong N phần, chia theo băm của đường dẫn; `auto` đọc K và N từ Kubernetes Indexed Job, mảng Slurm hoặc AWS Batch."),
    ("extract.shard_count", "Số phần cho `--shard auto` khi hệ thống chạy lô không cho biết (Kubernetes, AWS)."),
    ("extract.summary_json", "Ghi thêm bản tóm tắt dạng JSON vào FILE."),
    ("extract.time_limit", "Số giây tối đa cho một văn bản trước khi ghi lỗi `time_limit` (0: không giới hạn)."),
    ("help", "In trợ giúp của lệnh này hoặc của lệnh con đã nêu."),
    ("lang", "Ngôn ngữ của trợ giúp, thông báo và bản tóm tắt (mặc định: tiếng Việt; tiếng Anh với locale tiếng Anh)."),
    ("report", "Ghi báo cáo theo dõi (một tệp HTML) và/hoặc sổ Excel của một lô."),
    ("report.as_of", "Ngày dùng để xét thời hạn (YYYY-MM-DD; mặc định hôm nay theo giờ Việt Nam)."),
    ("report.html", "Ghi báo cáo HTML tự chứa vào đây."),
    ("report.input", "Thư mục đầu ra của `extract` (các tệp .json) hoặc một tệp NDJSON."),
    ("report.status", "Tệp CSV trạng thái của cơ quan (task_id, status, completed_on)."),
    ("report.xlsx", "Ghi sổ Excel vào đây."),
    ("tasks", "Liệt kê nhiệm vụ, mỗi dòng một nhiệm vụ: sắp đến hạn trong N ngày, quá hạn, của một đơn vị."),
    ("tasks.as_of", "Ngày dùng để xét thời hạn (YYYY-MM-DD; mặc định hôm nay theo giờ Việt Nam)."),
    ("tasks.due_within", "Chỉ nhiệm vụ chưa xong đến hạn trong N ngày (0 = hôm nay)."),
    ("tasks.format", "Định dạng đầu ra."),
    ("tasks.input", "Thư mục đầu ra của `extract` hoặc một tệp NDJSON."),
    ("tasks.overdue", "Chỉ nhiệm vụ quá hạn."),
    ("tasks.status", "Tệp CSV trạng thái của cơ quan (task_id, status, completed_on)."),
    ("tasks.unit", "Chỉ nhiệm vụ đơn vị này chủ trì hoặc phối hợp (tên chuẩn, không phân biệt hoa thường)."),
];

/// The Vietnamese text for `key`, if any.
fn text(key: &str) -> Option<&'static str> {
    TEXTS
        .binary_search_by(|(k, _)| k.cmp(&key))
        .ok()
        .map(|i| TEXTS[i].1)
}

/// The help layout with Vietnamese headings.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// `cmd` (built) with Vietnamese help texts and headings, recursively; `path` names it.
pub fn localize(cmd: Command, path: &str) -> Command {
    let key = |id: &str| match path {
        "" => id.to_string(),
        p => format!("{p}.{id}"),
    };
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH");
    if let Some(t) = text(path) {
        cmd = cmd.about(t).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let vi = match id.as_str() {
            "help" => Some("In trợ giúp"),
            "version" => Some("In số phiên bản"),
            "lang" => text("lang"),
            _ => text(&key(&id)),
        };
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                "Đối số"
            } else {
                "Tùy chọn"
            };
            let mut a = a.help_heading(heading);
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let mut help = vi
                .map(str::to_string)
                .unwrap_or_else(|| a.get_help().map(ToString::to_string).unwrap_or_default());
            if !values.is_empty() && id != "help" {
                help.push_str(&format!(" [giá trị: {}]", values.join(", ")));
            }
            let flag = !a.get_action().takes_values();
            if !default.is_empty() && !flag && !a.is_hide_default_value_set() {
                help.push_str(&format!(" [mặc định: {}]", default.join(", ")));
            }
            a = a.hide_possible_values(true).hide_default_value(true);
            a.help(help).long_help(None)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if name == "help" {
            "help".to_string()
        } else {
            key(&name)
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub_path));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_sorted_and_unique() {
        assert!(TEXTS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(
            text("extract.out").map(|t| t.starts_with("Thư mục")),
            Some(true)
        );
        assert_eq!(text("extract.nothing"), None);
    }
}
