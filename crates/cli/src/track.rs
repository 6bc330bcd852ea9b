//! `nhiemvu report` and `nhiemvu tasks`: what the people who track the tasks open — the HTML
//! report and the Excel workbook of a finished batch, and task-level lists (due within N
//! days, overdue, one unit's tasks) for scripts and dashboards.

use clap::{Args, ValueEnum};
use nhiemvu_exporter::tracking::{self, track_all, unit_name, Completions, Status, Tracked};
use nhiemvu_model::DocumentRecord;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `nhiemvu report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// An output folder of `extract` (its .json files) or an NDJSON file.
    #[arg(value_name = "OUT_DIR|NDJSON")]
    pub input: PathBuf,
    /// Write the self-contained HTML report here.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Write the Excel workbook here.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// The day to judge deadlines on (YYYY-MM-DD; default today in Vietnam).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// The office's own status CSV (task_id, status, completed_on).
    #[arg(long, value_name = "CSV")]
    pub status: Option<PathBuf>,
}

/// Output format of `nhiemvu tasks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskFormat {
    /// One JSON object a line: the task, its status and its document's metadata.
    Ndjson,
    /// CSV (UTF-8 with BOM) with an ISO due-date column.
    Csv,
    /// An aligned text table for the terminal.
    Table,
}

/// Arguments of `nhiemvu tasks`.
#[derive(Args, Debug)]
pub struct TasksArgs {
    /// An output folder of `extract` or an NDJSON file.
    #[arg(value_name = "OUT_DIR|NDJSON")]
    pub input: PathBuf,
    /// Only open tasks due within N days (0 = today).
    #[arg(long, value_name = "N")]
    pub due_within: Option<i64>,
    /// Only overdue tasks.
    #[arg(long)]
    pub overdue: bool,
    /// Only tasks this unit leads or supports (its canonical name, any case).
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// The day to judge deadlines on (YYYY-MM-DD; default today in Vietnam).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// The office's own status CSV (task_id, status, completed_on).
    #[arg(long, value_name = "CSV")]
    pub status: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TaskFormat,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    tracking::parse_day(s).ok_or_else(|| {
        tr!(
            "not a date (YYYY-MM-DD): {s:?}",
            "không phải ngày (YYYY-MM-DD): {s:?}"
        )
    })
}

/// Every record of an output folder (its `.json` files, recursively, sorted) or of an NDJSON
/// file. Page texts are dropped: trackers need tasks and metadata only.
pub fn load(input: &Path) -> Result<Vec<DocumentRecord>, String> {
    let mut out = Vec::new();
    let mut push = |text: &str, name: &str| -> Result<(), String> {
        let mut r: DocumentRecord = serde_json::from_str(text).map_err(|e| {
            tr!(
                "{name}: not an nhiemvu record: {e}",
                "{name}: không phải bản ghi của nhiemvu: {e}"
            )
        })?;
        r.pages.clear();
        out.push(r);
        Ok(())
    };
    if input.is_dir() {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f)
                .map_err(|e| format!("{}: {}", f.display(), crate::msg::io(&e)))?;
            push(&text, &f.display().to_string())?;
        }
    } else {
        let text = std::fs::read_to_string(input)
            .map_err(|e| format!("{}: {}", input.display(), crate::msg::io(&e)))?;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let (f, n) = (input.display(), i + 1);
            push(line, &tr!("{f} line {n}", "{f} dòng {n}"))?;
        }
    }
    if out.is_empty() {
        let f = input.display();
        return Err(tr!("no records in {f}", "không có bản ghi nào trong {f}"));
    }
    Ok(out)
}

fn completions(path: Option<&Path>) -> Result<Completions, String> {
    match path {
        None => Ok(Completions::new()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("{}: {}", p.display(), crate::msg::io(&e)))?;
            tracking::read_completions(&text).map_err(|e| format!("{}: {e}", p.display()))
        }
    }
}

/// The address of a record's source for links in the report: an absolute `file://` path
/// when the file exists, else the path as recorded.
fn source_link(rec: &DocumentRecord) -> String {
    match std::fs::canonicalize(&rec.source.path) {
        Ok(abs) => format!("file://{}", abs.display()),
        Err(_) => rec.source.path.clone(),
    }
}

/// Write `bytes` to `path` through a temporary file beside it and a rename.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| {
            let p = path.display();
            tr!("{p} names no file", "{p} không phải tên tệp")
        })?
        .to_string_lossy()
        .into_owned();
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: {}", dir.display(), crate::msg::io(&e)))?;
    nhiemvu_exporter::write_atomic(dir, &name, bytes)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// The records, the office's completions and the day to judge on, as both commands need.
fn judged(
    input: &Path,
    status: Option<&Path>,
    as_of: Option<chrono::NaiveDate>,
) -> Result<(Vec<DocumentRecord>, Completions, chrono::NaiveDate), String> {
    let records = load(input)?;
    let done = completions(status)?;
    Ok((
        records,
        done,
        as_of.unwrap_or_else(tracking::today_in_vietnam),
    ))
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("nhiemvu: {msg}");
    ExitCode::from(2)
}

/// Run `report`.
pub fn report(args: &ReportArgs) -> ExitCode {
    if args.html.is_none() && args.xlsx.is_none() {
        return fail(tr!(
            "give --html FILE and/or --xlsx FILE",
            "cần --html TỆP và/hoặc --xlsx TỆP"
        ));
    }
    let (records, done, as_of) = match judged(&args.input, args.status.as_deref(), args.as_of) {
        Ok(x) => x,
        Err(e) => return fail(e),
    };
    if let Some(path) = &args.html {
        let page = nhiemvu_exporter::report::html(&records, as_of, &done, &source_link);
        if let Err(e) = write_file(path, page.as_bytes()) {
            eprintln!("nhiemvu: {e}");
            return ExitCode::from(1);
        }
    }
    if let Some(path) = &args.xlsx {
        let bytes = match nhiemvu_exporter::xlsx::workbook(&records, as_of, &done) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("nhiemvu: {e}");
                return ExitCode::from(1);
            }
        };
        if let Err(e) = write_file(path, &bytes) {
            eprintln!("nhiemvu: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// True when `t` passes the filters of `args`.
fn keep(t: &Tracked<'_>, args: &TasksArgs) -> bool {
    if args.overdue && t.status != Status::Overdue {
        return false;
    }
    if let Some(n) = args.due_within {
        if !t.due_within(n) {
            return false;
        }
    }
    if let Some(u) = &args.unit {
        let u = u.to_lowercase();
        let named = t
            .task
            .assignees
            .iter()
            .chain(&t.task.coordinators)
            .any(|x| unit_name(x).to_lowercase() == u);
        if !named {
            return false;
        }
    }
    true
}

/// One task with its status and its document, as a JSON object.
fn task_json(t: &Tracked<'_>) -> serde_json::Value {
    let doc = t.record.document.as_ref();
    serde_json::json!({
        "task": t.task,
        "status": t.status.key(),
        "due": t.due.map(|d| d.to_string()),
        "days_left": t.days_left,
        "completed_on": t.completed_on.map(|d| d.to_string()),
        "document": {
            "path": t.record.source.path,
            "kind": doc.map(|d| d.kind),
            "number": doc.and_then(|d| d.number.clone()),
            "date": doc.and_then(|d| d.date).map(|d| d.to_string()),
            "issuer": doc.and_then(|d| d.issuer.clone()),
            "title": doc.and_then(|d| d.title.clone()),
        },
    })
}

/// Run `tasks`.
pub fn tasks(args: &TasksArgs) -> ExitCode {
    let (records, done, as_of) = match judged(&args.input, args.status.as_deref(), args.as_of) {
        Ok(x) => x,
        Err(e) => return fail(e),
    };
    let all = track_all(&records, as_of, &done);
    let chosen: Vec<&Tracked<'_>> = all.iter().filter(|t| keep(t, args)).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        TaskFormat::Ndjson => chosen
            .iter()
            .try_for_each(|t| writeln!(out, "{}", task_json(t))),
        TaskFormat::Csv => write_csv(&mut out, &chosen),
        TaskFormat::Table => write_table(&mut out, &chosen),
    }
    .and_then(|_| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nhiemvu: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_csv(out: &mut dyn Write, tasks: &[&Tracked<'_>]) -> std::io::Result<()> {
    out.write_all(nhiemvu_exporter::UTF8_BOM)?;
    let mut w = csv::Writer::from_writer(out);
    let header = [
        "task_id",
        "status",
        "due",
        "days_left",
        "deadline_raw",
        "assignees",
        "coordinators",
        "text",
        "document",
        "page",
    ];
    w.write_record(header).map_err(std::io::Error::other)?;
    for t in tasks {
        let names =
            |us: &[nhiemvu_model::Unit]| us.iter().map(unit_name).collect::<Vec<_>>().join("; ");
        w.write_record([
            t.task.id.clone(),
            t.status.key().to_string(),
            t.due.map(|d| d.to_string()).unwrap_or_default(),
            t.days_left.map(|d| d.to_string()).unwrap_or_default(),
            t.task
                .deadline
                .as_ref()
                .map(|d| d.raw.clone())
                .unwrap_or_default(),
            names(&t.task.assignees),
            names(&t.task.coordinators),
            t.task.text.clone(),
            t.record.source.path.clone(),
            t.task.provenance.page.to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

fn write_table(out: &mut dyn Write, tasks: &[&Tracked<'_>]) -> std::io::Result<()> {
    for t in tasks {
        let lead = t
            .task
            .assignees
            .iter()
            .map(unit_name)
            .collect::<Vec<_>>()
            .join("; ");
        let due = t
            .due
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|| "—".into());
        let text: String = t.task.text.chars().take(90).collect();
        writeln!(
            out,
            "{:<10}  {:<24}  {:<30}  {}",
            due,
            t.status.label(),
            lead,
            text
        )?;
    }
    Ok(())
}
