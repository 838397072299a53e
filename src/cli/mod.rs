//! The subcommands. Each file turns its arguments into library options, runs the library and
//! prints; nothing here computes features or scores itself.

pub(crate) mod args;
mod calibrate;
mod common;
mod evaluate;
mod explain;
mod features;
mod pages;
mod report;
mod score;
mod show;
pub(crate) mod signals;
mod train;
mod training;

use std::process::ExitCode;

use args::{Cli, Command};

/// Run one subcommand.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Features(a) => features::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Score(a) => score::run(a),
        Command::Show(a) => show::run(a),
        Command::Train(a) => train::run(a),
        Command::Evaluate(a) => evaluate::run(a),
        Command::Report(a) => report::run(a),
        Command::Calibrate(a) => calibrate::run(a),
    }
}
