//! `folio`: look at a corpus from the command line, with the same code the app is built from.
//!
//! `folio inspect <dir> [--json]` ingests a data folder and prints what the explorer would show:
//! documents, metadata, sections with word counts, and how much of each source the model kept.

use std::path::Path;
use std::process::ExitCode;

mod bench;
mod inspect;
mod search;
mod topics;

const USAGE: &str = r#"folio — inspect a folder of documents as the folio explorer sees it

Usage:
  folio inspect <dir> [--json]                      documents, metadata, sections, coverage
  folio search <dir> "<query>" [--limit N] [--json]  ranked sections with snippets
  folio topics <dir> [--json]                       topics by group, with section and mention counts
  folio bench <dir> [--json]                        ingest, index and query timings, blob sizes
  folio --help | --version

Options:
  --json       print JSON instead of a summary
  --limit N    how many results to show (default 10)

Query syntax: words (the last one also matches as a prefix), "a phrase", -excluded"#;

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

/// Writes `text` to standard output. A reader that stops early (`folio inspect data | head`)
/// is no error: the rest is not wanted.
pub fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {e}"))
        }
        _ => Ok(()),
    }
}

/// Writes `value` as pretty JSON to standard output.
pub fn emit_json(value: &serde_json::Value) -> Result<(), String> {
    let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    emit(&format!("{json}\n"))
}

fn run(args: &[String]) -> Result<(), String> {
    let mut flags: Vec<&str> = Vec::new();
    let mut positional: Vec<&str> = Vec::new();
    let mut limit = 10;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--limit" {
            let value = iter.next().ok_or("--limit needs a number")?;
            limit = value
                .parse()
                .map_err(|_| format!("--limit needs a number, not `{value}`"))?;
        } else if arg.starts_with("--") {
            flags.push(arg);
        } else {
            positional.push(arg);
        }
    }
    if flags.contains(&"--help") || args.is_empty() {
        return emit(&format!("{USAGE}\n"));
    }
    if flags.contains(&"--version") {
        return emit(&format!("folio {}\n", env!("CARGO_PKG_VERSION")));
    }
    match positional.as_slice() {
        ["inspect", dir] => {
            check_flags(&flags, &["--json"])?;
            inspect::run(Path::new(dir), flags.contains(&"--json"))
        }
        ["inspect"] => Err(format!("inspect needs a folder\n\n{USAGE}")),
        ["search", dir, query] => {
            check_flags(&flags, &["--json"])?;
            search::run(Path::new(dir), query, limit, flags.contains(&"--json"))
        }
        ["search", ..] => Err(format!("search needs a folder and a query\n\n{USAGE}")),
        ["topics", dir] => {
            check_flags(&flags, &["--json"])?;
            topics::run(Path::new(dir), flags.contains(&"--json"))
        }
        ["topics"] => Err(format!("topics needs a folder\n\n{USAGE}")),
        ["bench", dir] => {
            check_flags(&flags, &["--json"])?;
            bench::run(Path::new(dir), flags.contains(&"--json"))
        }
        ["bench", ..] => Err(format!("bench needs a folder\n\n{USAGE}")),
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
