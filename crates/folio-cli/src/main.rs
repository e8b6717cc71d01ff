//! `folio`: look at a corpus from the command line, with the same code the app is built from.
//!
//! `folio inspect <dir> [--json]` ingests a data folder and prints what the explorer would show:
//! documents, metadata, sections with word counts, and how much of each source the model kept.

use std::path::Path;
use std::process::ExitCode;

mod inspect;

const USAGE: &str = "\
folio — inspect a folder of documents as the folio explorer sees it

Usage:
  folio inspect <dir> [--json]   documents, metadata, sections and text coverage
  folio --help | --version

Options:
  --json   print the whole model as JSON instead of a summary";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let flags: Vec<&str> = args
        .iter()
        .filter(|a| a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let positional: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    if flags.contains(&"--help") || args.is_empty() {
        println!("{USAGE}");
        return Ok(());
    }
    if flags.contains(&"--version") {
        println!("folio {}", env!("CARGO_PKG_VERSION"));
        return Ok(());
    }
    match positional.as_slice() {
        ["inspect", dir] => {
            check_flags(&flags, &["--json"])?;
            inspect::run(Path::new(dir), flags.contains(&"--json"))
        }
        ["inspect"] => Err(format!("inspect needs a folder\n\n{USAGE}")),
        [command, ..] => Err(format!("unknown command `{command}`\n\n{USAGE}")),
        [] => Err(USAGE.to_string()),
    }
}

fn check_flags(flags: &[&str], allowed: &[&str]) -> Result<(), String> {
    match flags.iter().find(|f| !allowed.contains(f)) {
        Some(flag) => Err(format!("unknown option `{flag}`\n\n{USAGE}")),
        None => Ok(()),
    }
}
