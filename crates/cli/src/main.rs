//! `nhiemvu`: batch ingestion of signed directive documents into task JSON, and scoring
//! against gold files. The binary only wires flags to the library crates.

mod eval;
mod extract;
mod inputs;
mod ordered;
mod resume;
mod score;
mod shard;
mod summary;

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
}

fn main() -> ExitCode {
    match Cli::parse().cmd {
        Cmd::Extract(args) => extract::run(args),
        Cmd::Eval(args) => eval::run(&args),
    }
}
