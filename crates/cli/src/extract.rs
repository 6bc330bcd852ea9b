//! `nhiemvu extract`: many inputs to one record each, in parallel, written as JSON files,
//! an NDJSON stream or a CSV task table. Every input yields exactly one record.

use crate::inputs::{self, Input};
use crate::ordered::{run_ordered, Flow};
use crate::resume::Existing;
use crate::shard::Shard;
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
    /// Process only slice K of N, chosen by a stable hash of each input path.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
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
}

/// What happened to one input, sent from a worker to the writer.
struct Outcome {
    skipped: bool,
    pages: u32,
    tasks: usize,
    error_kind: Option<String>,
    write_error: Option<String>,
    /// The record, for stream outputs written in input order.
    record: Option<DocumentRecord>,
}

/// What workers share.
struct Work {
    opts: nhiemvu_extractor::Options,
    out_dir: Option<PathBuf>,
    force: bool,
    version: String,
}

/// Where records go.
enum Sink {
    Dir,
    Ndjson(NdjsonWriter<Box<dyn Write>>),
    Csv(Box<CsvWriter<Box<dyn Write>>>),
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
    let collected = match inputs::collect(&args.inputs) {
        Ok(c) => c,
        Err(e) => return usage(e),
    };
    for e in &collected.walk_errors {
        eprintln!("nhiemvu: warning: {e}");
    }
    let list: Vec<Input> = match args.shard {
        Some(s) => collected
            .inputs
            .into_iter()
            .filter(|i| s.contains(&i.display()))
            .collect(),
        None => collected.inputs,
    };
    let out_dir = match (args.format, &args.out) {
        (Format::Json, None) => return usage("--format json needs --out DIR"),
        (Format::Json, Some(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                return usage(format_args!("cannot create {}: {e}", dir.display()));
            }
            let swept = crate::resume::sweep_stale_temps(dir, crate::resume::STALE_TEMP_AGE);
            if swept > 0 && !args.quiet {
                eprintln!("nhiemvu: removed {swept} temporary file(s) left by an interrupted run");
            }
            Some(dir.clone())
        }
        (_, Some(file)) if file.is_dir() => {
            return usage(format_args!(
                "--out {} is a folder; ndjson and csv write one file",
                file.display()
            ))
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
        Err(e) => return usage(format_args!("cannot start {:?} threads: {e}", args.jobs)),
    };
    let progress = progress_bar(list.len() as u64, args.quiet);
    let mut opts = nhiemvu_extractor::Options::default();
    opts.limits.time_limit =
        (args.time_limit > 0).then(|| std::time::Duration::from_secs(args.time_limit));
    opts.ocr = args.ocr;
    let work = Arc::new(Work {
        opts,
        out_dir,
        force: args.force,
        version: ToolInfo::default().version,
    });
    let stream = !matches!(sink, Sink::Dir);
    let names: Vec<String> = list.iter().map(Input::display).collect();
    let output_names: Vec<String> = list.iter().map(|i| i.output_name.clone()).collect();
    let window = pool.current_num_threads() * 4;
    let mut summary = Summary::default();
    let mut broken = false;
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
            let mut write_error = outcome.write_error;
            if let (Some(rec), false) = (&outcome.record, broken) {
                if let Err(e) = write_stream(&mut sink, rec) {
                    // The stream is gone (closed pipe, full disk): say so once and stop.
                    write_error = Some(e.to_string());
                    broken = true;
                }
            }
            if let Some(e) = write_error {
                eprintln!("nhiemvu: {}: {e}", names[i]);
                summary.fail("write");
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
    match close_sink(sink, file_out) {
        Err(e) if !broken => {
            eprintln!("nhiemvu: {e}");
            summary.fail("write");
        }
        _ => {}
    }
    if broken {
        eprintln!("nhiemvu: output closed; the remaining inputs were not written");
    }
    summary.finish(started.elapsed());
    if !args.quiet {
        eprintln!("{}", summary.render());
    }
    if let Some(path) = &args.summary_json {
        let text = serde_json::to_string_pretty(&summary).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("nhiemvu: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    if summary.failed > 0 || broken {
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
            if let Some(b) = &bytes {
                let sha = hex::encode(Sha256::digest(b));
                if old.is_current(&sha, &work.version) {
                    return Outcome {
                        skipped: true,
                        pages: old.pages(),
                        tasks: old.task_count(),
                        error_kind: old.error_kind().map(str::to_string),
                        write_error: None,
                        record: None,
                    };
                }
            }
        }
    }
    let rec = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &bytes {
        Some(b) => nhiemvu_extractor::process_bytes(b, &display, &work.opts),
        None => nhiemvu_extractor::process_file(&input.path, &work.opts),
    }))
    .unwrap_or_else(|payload| {
        let msg = nhiemvu_extractor::pipeline::panic_message(&payload);
        panic_record(&display, &msg)
    });
    let dir = if stream {
        None
    } else {
        work.out_dir.as_deref()
    };
    finish_record(rec, dir, &input.output_name, stream)
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

/// The input's bytes, unless unreadable or over the size limit (then the extractor decides).
fn read_within_limit(path: &Path, opts: &nhiemvu_extractor::Options) -> Option<Vec<u8>> {
    let len = std::fs::metadata(path).ok()?.len();
    if len > opts.limits.max_file_bytes {
        return None;
    }
    std::fs::read(path).ok()
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
        _ => Sink::Csv(Box::new(CsvWriter::new(writer).map_err(|e| e.to_string())?)),
    })
}

fn write_stream(sink: &mut Sink, rec: &DocumentRecord) -> Result<(), ExportError> {
    match sink {
        Sink::Dir => Ok(()),
        Sink::Ndjson(w) => w.write(rec),
        Sink::Csv(w) => w.write(rec),
    }
}

/// Flush the stream and move a finished output file into place.
fn close_sink(sink: Sink, file_out: Option<(PathBuf, PathBuf)>) -> Result<(), String> {
    let flushed = match sink {
        Sink::Dir => return Ok(()),
        Sink::Ndjson(w) => w.into_inner().map(drop),
        Sink::Csv(w) => w.into_inner().map(drop),
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
