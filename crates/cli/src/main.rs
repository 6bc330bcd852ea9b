//! `nhiemvu`: batch ingestion of signed directive documents into task JSON, and scoring
//! against gold files. The binary only wires flags to the library crates.

#[macro_use]
mod msg;
mod eval;
mod extract;
mod help_vi;
mod inputs;
mod lock;
mod ordered;
mod resume;
mod score;
mod shard;
mod summary;
mod track;
mod worker;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
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
    /// Language of help, messages and the summary (default: Vietnamese; English for an
    /// English locale in LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum, global = true)]
    lang: Option<summary::Lang>,
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

/// Parse the arguments with help and usage errors in the run's language; a usage error is
/// exit status 2, help and version exit 0.
fn parse() -> Result<Cli, ExitCode> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = msg::from_args(&argv);
    msg::init(lang);
    let mut cmd = Cli::command();
    if lang == summary::Lang::Vi {
        cmd.build();
        cmd = help_vi::localize(cmd, "");
    }
    let parsed = cmd
        .try_get_matches_from_mut(&argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| {
        use clap::error::ErrorKind as K;
        let code = match e.kind() {
            K::DisplayHelp | K::DisplayVersion => 0,
            _ => 2,
        };
        if code == 2 && msg::vi() && e.kind() != K::DisplayHelpOnMissingArgumentOrSubcommand {
            eprintln!("{}", msg::clap_error_vi(&e));
        } else {
            let _ = e.print();
        }
        ExitCode::from(code)
    })
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(c) => c,
        Err(code) => return code,
    };
    match cli.cmd {
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
