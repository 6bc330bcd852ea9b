//! `nhiemvu extract`: many inputs to one record each, in parallel, written as JSON files,
//! an NDJSON stream or a CSV task table. Every input yields exactly one record.

use crate::inputs::{self, Input};
use crate::ordered::{run_ordered, Flow};
use crate::resume::Existing;
use crate::shard::{Shard, ShardSpec};
use crate::summary::Summary;
use clap::{Args, ValueEnum};
use nhiemvu_exporter::{CsvWriter, ExportError, NdjsonWriter};
use nhiemvu_model::{DocumentRecord, ErrorInfo, Source, SourceFormat, ToolInfo};
use sha2::{Digest, Sha256};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// Output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One pretty JSON file per input under --out DIR (atomic writes, resumable).
    Json,
    /// One compact JSON document per line, in input order, to stdout or --out FILE.
    Ndjson,
    /// The task table (UTF-8 with BOM, one row per task) to stdout or --out FILE.
    Csv,
    /// The Excel workbook (overview, by status, by unit, tasks, documents) to --out FILE.
    Xlsx,
}

/// Arguments of `nhiemvu extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files, folders (walked recursively for .pdf and .txt) or @MANIFEST files (one path a line).
    #[arg(required = true, value_name = "FILE|DIR|@MANIFEST")]
    pub inputs: Vec<String>,
    /// Output folder for json (required); output file for ndjson and csv (default stdout).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Redo inputs whose output is already current (json only).
    #[arg(long)]
    pub force: bool,
    /// Process only slice K of N, chosen by a stable hash of each input path; `auto` reads
    /// K and N from a Kubernetes Indexed Job, a Slurm array or an AWS Batch array job.
    #[arg(long, value_name = "K/N|auto")]
    pub shard: Option<ShardSpec>,
    /// Number of shards for `--shard auto` when the engine does not say (Kubernetes, AWS).
    #[arg(long, value_name = "N")]
    pub shard_count: Option<u64>,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Seconds one document may take before it is recorded as a `time_limit` error (0: none).
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub time_limit: u64,
    /// OCR for PDF pages: `auto` (pages without a usable text layer, when tesseract with
    /// the Vietnamese model is installed), `never`, or `force` (every page).
    #[arg(long, value_name = "MODE", default_value = "auto")]
    pub ocr: nhiemvu_extractor::ocr::OcrMode,
    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,
    /// Where documents are parsed: in worker processes that a crash cannot take down
    /// (default), or in threads of this process (faster start, no isolation).
    #[arg(long, value_enum, default_value = "process")]
    pub isolation: Isolation,
    /// Memory cap of each worker process, e.g. 1G, 512M (0: none).
    #[arg(long, value_name = "BYTES", default_value = "1G", value_parser = parse_bytes)]
    pub max_memory: u64,
    /// Redo inputs whose existing output records a failure (crash, time or memory limit).
    #[arg(long)]
    pub retry_failed: bool,
    /// Colour in the summary: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
}

/// When to colour the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Color {
    /// True when stderr gets colour.
    fn on(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        }
    }
}

/// The summary with failed-file lines in red and the failure count in bold red.
fn paint(summary: &str, on: bool) -> String {
    if !on {
        return summary.to_string();
    }
    summary
        .lines()
        .map(|l| {
            if l.starts_with("  ") {
                format!("\x1b[31m{l}\x1b[0m")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where documents are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Isolation {
    /// Long-lived worker processes, one per job slot, replaced when they die.
    Process,
    /// Threads of this process, panics contained (a crash ends the batch).
    Thread,
}

/// "1G", "512M", "64K" or plain bytes.
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mul) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let mul = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix in {s:?} (use K, M or G)")),
            };
            (&t[..i], mul)
        }
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mul))
        .map_err(|_| format!("not a size: {s:?}"))
}

/// What happened to one input, sent from a worker to the writer.
struct Outcome {
    skipped: bool,
    pages: u32,
    tasks: usize,
    error_kind: Option<String>,
    /// The error message of a failed input.
    error_message: Option<String>,
    write_error: Option<String>,
    /// The record, for stream outputs written in input order.
    record: Option<DocumentRecord>,
}

/// What workers share.
struct Work {
    opts: nhiemvu_extractor::Options,
    out_dir: Option<PathBuf>,
    force: bool,
    retry_failed: bool,
    version: String,
    /// Worker processes, unless documents are parsed in threads.
    pool: Option<crate::worker::Pool>,
}

/// Where records go.
enum Sink {
    Dir,
    Ndjson(NdjsonWriter<Box<dyn Write>>),
    Csv(Box<CsvWriter<Box<dyn Write>>>),
    /// Records kept (without page texts) for the workbook written at the end.
    Xlsx(Box<dyn Write>, Vec<DocumentRecord>),
}

/// Inputs named on the command line that do not exist (not a manifest's lines: a batch list
/// gets a record for each of its paths, as does a file that vanishes during the run): each is
/// named on stderr and the run stops before it starts, exit status 2.
fn missing_inputs(args: &[String]) -> Option<ExitCode> {
    let missing: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with('@'))
        .filter(|a| {
            std::fs::symlink_metadata(a).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        })
        .collect();
    for m in &missing {
        eprintln!(
            "{}",
            tr!(
                "nhiemvu: {m}: no such file or folder",
                "nhiemvu: {m}: không có tệp hay thư mục này"
            )
        );
    }
    let n = missing.len();
    (n > 0).then(|| {
        usage(tr!(
            "{n} input(s) not found; nothing was processed",
            "không tìm thấy {n} đầu vào; chưa xử lý văn bản nào"
        ))
    })
}

/// A usage problem: message for stderr, exit status 2.
fn usage(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("nhiemvu: {msg}");
    ExitCode::from(2)
}

/// Run `extract`; the exit status is 0 when every input was read, 1 when some failed, 2 on
/// a usage error.
pub fn run(args: ExtractArgs) -> ExitCode {
    let started = Instant::now();
    if let Some(code) = missing_inputs(&args.inputs) {
        return code;
    }
    let collected = match inputs::collect(&args.inputs) {
        Ok(c) => c,
        Err(inputs::InputError::Manifest { path, source }) => {
            let why = crate::msg::io(&source);
            return usage(tr!(
                "cannot read manifest {path}: {why}",
                "không đọc được tệp danh sách {path}: {why}"
            ));
        }
    };
    for e in &collected.walk_errors {
        eprintln!("{}", tr!("nhiemvu: warning: {e}", "nhiemvu: cảnh báo: {e}"));
    }
    if collected.inputs.is_empty() {
        // An empty folder or manifest is almost always a wrong path.
        let named = args.inputs.join(", ");
        return usage(tr!(
            "no documents (.pdf, .txt, .md) found in {named}",
            "không tìm thấy văn bản nào (.pdf, .txt, .md) trong {named}"
        ));
    }
    let walk_failed = !collected.walk_errors.is_empty();
    let shard = match args.shard {
        None => None,
        Some(ShardSpec::Fixed(s)) => Some(s),
        Some(ShardSpec::Auto) => match Shard::from_env(|k| std::env::var(k).ok(), args.shard_count)
        {
            Ok(s) => Some(s),
            Err(e) => return usage(e),
        },
    };
    let list: Vec<Input> = match shard {
        Some(s) => collected
            .inputs
            .into_iter()
            .filter(|i| s.contains(&i.display()))
            .collect(),
        None => collected.inputs,
    };
    // Held to the end of the run: a second batch into the same folder is refused.
    let mut out_lock = None;
    let out_dir = match (args.format, &args.out) {
        (Format::Json, None) => {
            return usage(tr!(
                "--format json needs --out DIR",
                "--format json cần --out THƯ_MỤC"
            ))
        }
        (Format::Json, Some(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                let (d, why) = (dir.display(), crate::msg::io(&e));
                return usage(tr!("cannot create {d}: {why}", "không tạo được {d}: {why}"));
            }
            match crate::lock::OutLock::take_for(dir, shard.map(|s| (s.index, s.count))) {
                Ok(l) => out_lock = Some(l),
                Err(e) => return usage(e),
            }
            let swept = crate::resume::sweep_stale_temps(dir, crate::resume::STALE_TEMP_AGE);
            if swept > 0 && !args.quiet {
                eprintln!(
                    "{}",
                    tr!(
                        "nhiemvu: removed {swept} temporary file(s) left by an interrupted run",
                        "nhiemvu: đã xóa {swept} tệp tạm do lần chạy bị ngắt để lại"
                    )
                );
            }
            Some(dir.clone())
        }
        (_, Some(file)) if file.is_dir() => {
            let f = file.display();
            return usage(tr!(
                "--out {f} is a folder; ndjson and csv write one file",
                "--out {f} là thư mục; ndjson và csv ghi ra một tệp"
            ));
        }
        _ => None,
    };
    let mut file_out = None;
    let mut sink = match open_sink(args.format, args.out.as_deref(), &mut file_out) {
        Ok(s) => s,
        Err(e) => return usage(e),
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .thread_name(|i| format!("nhiemvu-{i}"))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            let n = args.jobs.unwrap_or(0);
            return usage(tr!(
                "cannot start {n} threads: {e}",
                "không khởi động được {n} luồng: {e}"
            ));
        }
    };
    let progress = progress_bar(list.len() as u64, args.quiet);
    let mut opts = nhiemvu_extractor::Options::default();
    opts.limits.time_limit =
        (args.time_limit > 0).then(|| std::time::Duration::from_secs(args.time_limit));
    let workers = pool.current_num_threads().min(list.len()).max(1);
    let processes = match args.isolation {
        Isolation::Thread => None,
        Isolation::Process => match std::env::current_exe() {
            Ok(exe) => Some(crate::worker::Pool::new(
                exe,
                opts.limits.time_limit,
                args.max_memory,
                args.ocr,
                // Cores left to each worker's own threads (page-parallel work).
                (std::thread::available_parallelism().map_or(1, |n| n.get()) / workers).max(1),
            )),
            Err(e) => {
                eprintln!(
                    "{}",
                    tr!(
                        "nhiemvu: warning: no worker processes ({e}); parsing in threads",
                        "nhiemvu: cảnh báo: không có tiến trình con ({e}); đọc trong luồng"
                    )
                );
                None
            }
        },
    };
    opts.ocr = args.ocr;
    let work = Arc::new(Work {
        opts,
        out_dir,
        force: args.force,
        retry_failed: args.retry_failed,
        version: ToolInfo::default().version,
        pool: processes,
    });
    let stream = !matches!(sink, Sink::Dir);
    let names: Vec<String> = list.iter().map(Input::display).collect();
    let output_names: Vec<String> = list.iter().map(|i| i.output_name.clone()).collect();
    let window = pool.current_num_threads() * 4;
    let mut summary = Summary::default();
    let mut broken = false;
    // The reader went away (`| head`): stop quietly, as other tools do.
    let mut pipe_closed = false;
    let job_work = Arc::clone(&work);
    run_ordered(
        &pool,
        list,
        window,
        move |input: &Input| handle(input, &job_work, stream),
        |i, outcome| {
            let outcome = outcome.unwrap_or_else(|| {
                // A worker died outside the extractor's own fences: still one record.
                let rec = panic_record(&names[i], "worker panicked");
                let dir = work.out_dir.as_deref().filter(|_| !stream);
                finish_record(rec, dir, &output_names[i], stream)
            });
            summary.add(
                outcome.pages,
                outcome.tasks,
                outcome.error_kind.as_deref(),
                outcome.skipped,
            );
            if let Some(kind) = &outcome.error_kind {
                let msg = outcome.error_message.as_deref().unwrap_or("");
                summary.name_failure(&names[i], kind, msg);
            }
            let mut write_error = outcome.write_error;
            if let (Some(rec), false) = (&outcome.record, broken) {
                if let Err(e) = write_stream(&mut sink, rec) {
                    // The stream is gone (closed pipe, full disk): say so once and stop.
                    if is_broken_pipe(&e) {
                        pipe_closed = true;
                    } else {
                        write_error = Some(e.to_string());
                    }
                    broken = true;
                }
            }
            if let Some(e) = write_error {
                eprintln!("nhiemvu: {}: {e}", names[i]);
                summary.fail("write");
                summary.name_failure(&names[i], "write", &e);
            }
            progress.inc(1);
            if broken {
                Flow::Stop
            } else {
                Flow::Continue
            }
        },
    );
    progress.finish_and_clear();
    if pipe_closed {
        return ExitCode::SUCCESS;
    }
    match close_sink(sink, file_out) {
        Err(e) if !broken => {
            eprintln!("nhiemvu: {e}");
            summary.fail("write");
        }
        _ => {}
    }
    if broken {
        eprintln!(
            "{}",
            tr!(
                "nhiemvu: output closed; the remaining inputs were not written",
                "nhiemvu: đầu ra đã đóng; các đầu vào còn lại không được ghi"
            )
        );
    }
    summary.finish(started.elapsed());
    if !args.quiet {
        let text = summary.render_in(crate::msg::lang());
        eprintln!("{}", paint(&text, args.color.on()));
    }
    if let Some(path) = &args.summary_json {
        let text = serde_json::to_string_pretty(&summary).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(path, text) {
            let (p, why) = (path.display(), crate::msg::io(&e));
            eprintln!(
                "{}",
                tr!(
                    "nhiemvu: cannot write {p}: {why}",
                    "nhiemvu: không ghi được {p}: {why}"
                )
            );
            return ExitCode::from(1);
        }
    }
    drop(out_lock);
    if summary.failed > 0 || broken || walk_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Process one input in a worker: resume check, extraction (fenced), and for json its write.
fn handle(input: &Input, work: &Work, stream: bool) -> Outcome {
    let display = input.display();
    let target = work.out_dir.as_ref().map(|d| d.join(&input.output_name));
    let mut bytes = None;
    if let (Some(target), false) = (&target, work.force) {
        if let Some(old) = Existing::read(target) {
            bytes = read_within_limit(&input.path, &work.opts);
            let retry = work.retry_failed && old.error_kind().is_some();
            if let (Some(b), false) = (&bytes, retry) {
                let sha = hex::encode(Sha256::digest(b));
                if old.is_current(&sha, &work.version) {
                    return Outcome {
                        skipped: true,
                        pages: old.pages(),
                        tasks: old.task_count(),
                        error_kind: old.error_kind().map(str::to_string),
                        error_message: old.error_message().map(str::to_string),
                        write_error: None,
                        record: None,
                    };
                }
            }
        }
    }
    let rec = match (not_regular(&input.path), &work.pool, &bytes) {
        (Some(why), _, _) => DocumentRecord::failed(
            Source::new(&display, "", 0, crate::worker::format_of(&display)),
            ErrorInfo {
                kind: nhiemvu_model::ErrorKind::NotAFile,
                message: format!("{display}: {why}"),
            },
        ),
        // The pipe protocol is JSON: a path that is not UTF-8 is parsed here instead.
        (None, Some(pool), _) if input.path.to_str().is_some() => {
            pool.process(&input.path, &display).unwrap_or_else(|f| {
                // The record of a crash carries the input's hash, so a rerun skips it (unless
                // --retry-failed) instead of dying at the same file again.
                let sha = bytes
                    .or_else(|| read_within_limit(&input.path, &work.opts))
                    .map(|b| hex::encode(Sha256::digest(&b)))
                    .unwrap_or_default();
                f.record(&display, &sha)
            })
        }
        (None, _, Some(b)) => fenced(
            || nhiemvu_extractor::process_bytes(b, &display, &work.opts),
            &display,
        ),
        (None, _, None) => process_in_process(&input.path, &display, &work.opts),
    };
    let dir = if stream {
        None
    } else {
        work.out_dir.as_deref()
    };
    finish_record(rec, dir, &input.output_name, stream)
}

/// Extract one file in this process, a panic contained as a `panic` record.
pub fn process_in_process(
    path: &Path,
    display: &str,
    opts: &nhiemvu_extractor::Options,
) -> DocumentRecord {
    fenced(
        || {
            let mut rec = nhiemvu_extractor::process_file(path, opts);
            // The extractor names the file lossily; `display` is the escaped, lossless name.
            rec.source.path = display.to_string();
            rec
        },
        display,
    )
}

/// Run `job`, turning a panic into a `panic` record for `display`.
fn fenced(job: impl FnOnce() -> DocumentRecord, display: &str) -> DocumentRecord {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).unwrap_or_else(|payload| {
        let msg = nhiemvu_extractor::pipeline::panic_message(&payload);
        panic_record(display, &msg)
    })
}

/// Why `path` is not a regular file (a FIFO, a device, a folder), following links; `None`
/// for a regular file or one that cannot be looked at (the extractor reports that).
fn not_regular(path: &Path) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = std::fs::metadata(path).ok()?.file_type();
    if t.is_file() {
        None
    } else if t.is_fifo() {
        Some("a FIFO (named pipe), not a file")
    } else if t.is_char_device() || t.is_block_device() {
        Some("a device, not a file")
    } else if t.is_socket() {
        Some("a socket, not a file")
    } else if t.is_dir() {
        Some("a folder, not a file")
    } else {
        Some("not a regular file")
    }
}

/// Write a record to its JSON file (when `dir` is given) and describe it.
fn finish_record(rec: DocumentRecord, dir: Option<&Path>, name: &str, stream: bool) -> Outcome {
    let write_error = dir.and_then(|d| {
        nhiemvu_exporter::write_json_atomic(d, name, &rec)
            .err()
            .map(|e| e.to_string())
    });
    let mut outcome = Outcome {
        skipped: false,
        pages: rec.source.pages,
        tasks: rec.tasks.len(),
        error_kind: rec.error.as_ref().map(|e| e.kind.to_string()),
        error_message: rec.error.as_ref().map(|e| e.message.clone()),
        write_error,
        record: None,
    };
    if stream {
        outcome.record = Some(rec);
    } else {
        // Freeing a long document's pages (many small strings) takes milliseconds; it need
        // not hold up whatever comes next.
        rayon::spawn(move || drop(rec));
    }
    outcome
}

/// The input's bytes, unless unreadable, not a regular file or over the size limit (then
/// the extractor decides). Reads at most the limit, whatever the metadata says.
fn read_within_limit(path: &Path, opts: &nhiemvu_extractor::Options) -> Option<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > opts.limits.max_file_bytes {
        return None;
    }
    let mut out = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .ok()?
        .take(opts.limits.max_file_bytes + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() as u64 <= opts.limits.max_file_bytes).then_some(out)
}

/// The record for an input whose processing panicked past the extractor.
fn panic_record(display: &str, msg: &str) -> DocumentRecord {
    let is_pdf = Path::new(display)
        .extension()
        .map(|e| e.eq_ignore_ascii_case("pdf"))
        .unwrap_or(false);
    let format = if is_pdf {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    };
    DocumentRecord::failed(
        Source::new(display, "", 0, format),
        ErrorInfo {
            kind: nhiemvu_model::ErrorKind::Panic,
            message: format!("processing panicked: {msg}"),
        },
    )
}

/// Open the stream sink; with an output file, bytes go to a temporary file renamed at the end.
fn open_sink(
    format: Format,
    out: Option<&Path>,
    file_out: &mut Option<(PathBuf, PathBuf)>,
) -> Result<Sink, String> {
    if format == Format::Json {
        return Ok(Sink::Dir);
    }
    // "-" is stdout, as for other tools.
    let out = out.filter(|p| *p != Path::new("-"));
    if format == Format::Xlsx && out.is_none() && std::io::stdout().is_terminal() {
        return Err("--format xlsx writes a binary workbook: give --out FILE.xlsx".into());
    }
    let writer: Box<dyn Write> = match out {
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
        Some(target) => {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or_else(|| format!("--out {} names no file", target.display()))?;
            let parent = target.parent().filter(|p| !p.as_os_str().is_empty());
            let parent = parent.unwrap_or(Path::new("."));
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
            let f = std::fs::File::create(&tmp)
                .map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
            *file_out = Some((tmp, target.to_path_buf()));
            Box::new(std::io::BufWriter::new(f))
        }
    };
    Ok(match format {
        Format::Ndjson => Sink::Ndjson(NdjsonWriter::new(writer)),
        Format::Xlsx => Sink::Xlsx(writer, Vec::new()),
        _ => Sink::Csv(Box::new(CsvWriter::new(writer).map_err(|e| e.to_string())?)),
    })
}

/// True when a write failed because the reader closed the pipe.
fn is_broken_pipe(e: &ExportError) -> bool {
    match e {
        ExportError::Stream(io) => io.kind() == std::io::ErrorKind::BrokenPipe,
        ExportError::Csv(c) => match c.kind() {
            csv::ErrorKind::Io(io) => io.kind() == std::io::ErrorKind::BrokenPipe,
            _ => false,
        },
        _ => false,
    }
}

fn write_stream(sink: &mut Sink, rec: &DocumentRecord) -> Result<(), ExportError> {
    match sink {
        Sink::Dir => Ok(()),
        Sink::Ndjson(w) => w.write(rec),
        Sink::Csv(w) => w.write(rec),
        Sink::Xlsx(_, kept) => {
            let mut r = rec.clone();
            r.pages.clear();
            kept.push(r);
            Ok(())
        }
    }
}

/// Flush the stream and move a finished output file into place.
fn close_sink(sink: Sink, file_out: Option<(PathBuf, PathBuf)>) -> Result<(), String> {
    let flushed = match sink {
        Sink::Dir => return Ok(()),
        Sink::Ndjson(w) => w.into_inner().map(drop),
        Sink::Csv(w) => w.into_inner().map(drop),
        Sink::Xlsx(mut w, kept) => {
            let as_of = nhiemvu_exporter::tracking::today_in_vietnam();
            let empty = nhiemvu_exporter::tracking::Completions::new();
            nhiemvu_exporter::xlsx::workbook(&kept, as_of, &empty).and_then(|bytes| {
                w.write_all(&bytes)
                    .and_then(|_| w.flush())
                    .map_err(ExportError::Stream)
            })
        }
    };
    if let Some((tmp, target)) = file_out {
        let done = flushed.map_err(|e| e.to_string()).and_then(|_| {
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .and_then(|_| std::fs::rename(&tmp, &target))
                .map_err(|e| format!("cannot write {}: {e}", target.display()))
        });
        if done.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        return done;
    }
    flushed.map_err(|e| e.to_string())
}

/// A progress bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar(len: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{elapsed_precise} [{bar:40}] {pos}/{len} documents, eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
