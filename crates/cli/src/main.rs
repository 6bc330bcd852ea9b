//! `nhiemvu`: batch ingestion of signed directive documents into task JSON.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "nhiemvu", version, about)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract tasks from PDFs and text files into one JSON per input.
    Extract {
        /// Files or folders.
        inputs: Vec<PathBuf>,
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Extract { inputs, out } => {
            std::fs::create_dir_all(&out).expect("create --out");
            let opts = nhiemvu_extractor::Options::default();
            for p in inputs {
                let rec = nhiemvu_extractor::process_file(&p, &opts);
                let name = p.file_stem().unwrap().to_string_lossy().to_string() + ".json";
                std::fs::write(out.join(name), nhiemvu_exporter::to_json(&rec).unwrap()).unwrap();
            }
        }
    }
}
