//! The `chaff` command line: a thin layer over the library. It parses arguments, runs one
//! subcommand and maps the outcome to an exit code (0 all read and scored, 1 flagged with
//! `--fail-on-flagged`, 2 error or skipped input). A closed pipe is not an error.

// The command line prints its tables and lists; the library below it never does.
#![allow(clippy::print_stdout)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::args::Cli as clap::Parser>::parse();
    cli::signals::install();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("chaff: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<chaff::Error>().is_some_and(
                |c| matches!(c, chaff::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}
