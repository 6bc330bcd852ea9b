//! The language of the program's words for people (help, usage errors, messages): Vietnamese
//! unless `--lang en` or an English locale; chosen once, before the arguments are parsed.

use crate::summary::Lang;
use std::sync::OnceLock;

static LANG: OnceLock<Lang> = OnceLock::new();

/// The language asked for on the command line (`--lang en`, `--lang=vi`), else the locale.
pub fn from_args(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("en") => flag = Some(Lang::En),
            Some("vi") => flag = Some(Lang::Vi),
            _ => {}
        }
    }
    Lang::resolve(flag)
}

/// Fix the language of this run (the first call wins).
pub fn init(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run.
pub fn lang() -> Lang {
    *LANG.get_or_init(|| Lang::resolve(None))
}

/// True when messages are in Vietnamese.
pub fn vi() -> bool {
    lang() == Lang::Vi
}

/// `format!` of the English or the Vietnamese text, in the run's language.
macro_rules! tr {
    ($en:literal, $vi:literal $(, $a:expr)* $(,)?) => {
        if $crate::msg::vi() {
            format!($vi $(, $a)*)
        } else {
            format!($en $(, $a)*)
        }
    };
}

/// An I/O error's reason in the run's language (the common kinds; else the system's text).
pub fn io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match (vi(), e.kind()) {
        (true, K::NotFound) => "không tồn tại".into(),
        (true, K::PermissionDenied) => "không có quyền truy cập".into(),
        (true, K::AlreadyExists) => "đã tồn tại".into(),
        (true, K::IsADirectory) => "là một thư mục".into(),
        (true, K::NotADirectory) => "không phải thư mục".into(),
        (true, K::StorageFull) => "hết chỗ trên đĩa".into(),
        _ => e.to_string(),
    }
}

/// A clap usage error in Vietnamese: what is wrong, a suggestion, the usage line.
pub fn clap_error_vi(e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let get = |k: C| {
        e.get(k)
            .map(|v| match v {
                V::String(s) => s.clone(),
                V::Strings(v) => v.join(", "),
                V::StyledStr(s) => s.to_string(),
                V::StyledStrs(v) => v
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                V::Number(n) => n.to_string(),
                V::Bool(b) => b.to_string(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let (arg, value) = (get(C::InvalidArg), get(C::InvalidValue));
    let source = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let head = match e.kind() {
        K::UnknownArgument => format!("không có tùy chọn '{arg}'"),
        K::InvalidSubcommand => format!("không có lệnh '{}'", get(C::InvalidSubcommand)),
        K::InvalidValue => format!(
            "giá trị '{value}' không hợp lệ cho {arg}; các giá trị được phép: {}",
            get(C::ValidValue)
        ),
        K::ValueValidation => format!("giá trị '{value}' không hợp lệ cho {arg}: {source}"),
        K::MissingRequiredArgument => format!("thiếu đối số bắt buộc: {arg}"),
        K::MissingSubcommand => "thiếu lệnh (extract, eval, report, tasks…)".into(),
        K::ArgumentConflict => format!("{arg} không dùng được cùng {}", get(C::PriorArg)),
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            format!("số giá trị cho {arg} không đúng")
        }
        K::NoEquals => format!("{arg} cần dấu '=' trước giá trị"),
        K::InvalidUtf8 => "đối số không phải UTF-8".into(),
        _ => e.kind().to_string(),
    };
    let mut out = format!("lỗi: {head}");
    let suggestion = [get(C::SuggestedArg), get(C::SuggestedSubcommand)].concat();
    if !suggestion.is_empty() {
        out.push_str(&format!("\n\n  gợi ý: có phải ý bạn là '{suggestion}'?"));
    }
    let usage = get(C::Usage);
    if !usage.is_empty() {
        out.push_str("\n\n");
        out.push_str(&usage.replacen("Usage:", "Cách dùng:", 1));
    }
    out.push_str("\n\nXem thêm: '--help'.");
    out
}
