//! `nhiemvu`: batch ingestion of signed directive documents into task JSON, and scoring
//! against gold files. The binary only wires flags to the library crates.

mod eval;
mod inputs;

use clap::{Parser, Subcommand, ValueEnum};
use nhiemvu_model::DocumentRecord;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "nhiemvu",
    version,
    about = "Vietnamese directive documents to task lists"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One pretty JSON file per input in --out.
    Json,
    /// One compact JSON document per line on stdout, in input order.
    Ndjson,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract tasks from PDFs and text files into one JSON per input.
    Extract {
        /// Files, folders (walked recursively) or @manifest files (one path per line).
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output folder (required for --format json).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Worker threads (default: all cores).
        #[arg(short = 'j', long)]
        jobs: Option<usize>,
    },
    /// Score extracted outputs against gold files.
    Eval(eval::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Extract {
            inputs,
            out,
            format,
            jobs,
        } => extract(inputs, out, format, jobs),
        Cmd::Eval(args) => eval::run(&args),
    }
}

fn extract(
    args: Vec<String>,
    out: Option<PathBuf>,
    format: Format,
    jobs: Option<usize>,
) -> ExitCode {
    let list = match inputs::collect(&args) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("nhiemvu: {e}");
            return ExitCode::from(2);
        }
    };
    if matches!(format, Format::Json) && out.is_none() {
        eprintln!("nhiemvu: --format json needs --out DIR");
        return ExitCode::from(2);
    }
    if let Some(dir) = &out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("nhiemvu: cannot create {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .expect("thread pool");
    let started = Instant::now();
    let opts = nhiemvu_extractor::Options::default();
    let records: Vec<(inputs::Input, DocumentRecord)> = pool.install(|| {
        list.into_par_iter()
            .map(|input| {
                let rec = nhiemvu_extractor::process_file(&input.path, &opts);
                (input, rec)
            })
            .collect()
    });
    let mut failures: BTreeMap<String, usize> = BTreeMap::new();
    let (mut pages, mut tasks) = (0u64, 0u64);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for (input, rec) in &records {
        pages += rec.source.pages as u64;
        tasks += rec.tasks.len() as u64;
        if let Some(e) = &rec.error {
            *failures.entry(e.kind.clone()).or_default() += 1;
        }
        let written = match (format, &out) {
            (Format::Json, Some(dir)) => {
                nhiemvu_exporter::write_json_atomic(dir, &input.output_name, rec)
                    .map_err(|e| e.to_string())
            }
            _ => nhiemvu_exporter::to_ndjson_line(rec)
                .map_err(|e| e.to_string())
                .and_then(|l| lock.write_all(l.as_bytes()).map_err(|e| e.to_string())),
        };
        if let Err(e) = written {
            eprintln!(
                "nhiemvu: cannot write the output of {}: {e}",
                input.path.display()
            );
            *failures.entry("write".into()).or_default() += 1;
        }
    }
    let failed: usize = failures.values().sum();
    eprintln!(
        "nhiemvu: {} documents, {} pages, {} tasks, {} failed{} in {:.1}s",
        records.len(),
        pages,
        tasks,
        failed,
        if failures.is_empty() {
            String::new()
        } else {
            format!(" ({failures:?})")
        },
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
