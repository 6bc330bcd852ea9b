//! `nhiemvu`: batch ingestion of signed directive documents into task JSON, and scoring
//! against gold files. The binary only wires flags to the library crates.

mod eval;
mod extract;
mod inputs;
mod lock;
mod ordered;
mod resume;
mod score;
mod shard;
mod summary;
mod track;
mod worker;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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

#[derive(Subcommand)]
enum Cmd {
    /// Extract documents and tasks from PDFs and text files (one record per input).
    Extract(extract::ExtractArgs),
    /// Score extracted outputs against gold files.
    Eval(eval::EvalArgs),
    /// Write the tracking report (one HTML file) and/or the Excel workbook of a batch.
    Report(track::ReportArgs),
    /// List tasks one a line: due within N days, overdue, one unit's.
    Tasks(track::TasksArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Parse documents named on stdin, one record a line on stdout (started by `extract`).
    #[command(hide = true)]
    Worker(worker::WorkerArgs),
}

fn main() -> ExitCode {
    match Cli::parse().cmd {
        Cmd::Extract(args) => extract::run(args),
        Cmd::Eval(args) => eval::run(&args),
        Cmd::Worker(args) => worker::serve(&args),
        Cmd::Report(args) => track::report(&args),
        Cmd::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "nhiemvu", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Cmd::Tasks(args) => track::tasks(&args),
    }
}
