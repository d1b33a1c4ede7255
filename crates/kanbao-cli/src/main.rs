//! `kanbao`: batch conversion of newspaper page text, natively, with the parser the app uses.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Kanbao (看报): structured articles from the text of Chinese newspaper pages.
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse page text files into articles.
    Parse(cmd::parse::Args),
    /// Write a deterministic corpus of made-up pages, for benchmarks.
    Gen(cmd::r#gen::Args),
    /// Build a static, searchable archive from a directory of page text files.
    Build(cmd::build::Args),
    /// Write the built app and its pages as one HTML file that runs from disk.
    Bundle(cmd::bundle::Args),
    /// Score the parser against labelled pages: accuracy per field and per paper.
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout with success; usage errors exit 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Parse(args) => cmd::parse::run(&args),
        Command::Gen(args) => cmd::r#gen::run(&args),
        Command::Build(args) => cmd::build::run(&args),
        Command::Bundle(args) => cmd::bundle::run(&args),
        Command::Eval(args) => cmd::eval::run(&args),
    }
}
