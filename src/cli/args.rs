//! Command-line arguments (clap derive). Raw arguments are turned into validated library
//! options in each subcommand's file before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Separate substance from filler: measure how articles are written and flag low-substance or
/// machine-generated text, with reasons.
#[derive(Debug, Parser)]
#[command(name = "chaff", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract every feature of each article (one row per article).
    Features(FeaturesArgs),
    /// Print the documentation of one feature.
    Explain(ExplainArgs),
}

/// Input format for `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By file extension (.csv, .jsonl, .html; anything else is plain text); stdin is plain text.
    Auto,
    /// One article per file.
    Text,
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One HTML page per file.
    Html,
}

/// Table format for outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively: .txt, .md, .html, .htm) or - for stdin. CSV and
    /// JSONL files hold one article per record; .gz and .zst files are decompressed.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Format of the inputs (default: by extension; stdin: plain text).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// CSV column holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_col: String,
    /// CSV column holding the article id (else FILE:LINE).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_col: String,
    /// JSONL field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSONL field holding the article id (else FILE:LINE).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// Skip articles larger than this many bytes (keeps memory bounded).
    #[arg(long, default_value_t = chaff::input::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// Replace invalid UTF-8 (and read NUL bytes) instead of skipping the article.
    #[arg(long)]
    pub lossy_utf8: bool,
    /// Extend an embedded word list with your own file: <lang>/<kind>=FILE, e.g.
    /// en/buzzwords=my_words.txt (one entry per line; see src/lexicon/README.md). Repeatable.
    #[arg(long, value_name = "NAME=FILE")]
    pub lexicon: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `chaff features`.
#[derive(Debug, Args)]
pub struct FeaturesArgs {
    /// Inputs and how to read them.
    #[command(flatten)]
    pub input: InputArgs,
    /// List every feature with its one-line summary and exit.
    #[arg(long)]
    pub list: bool,
    /// Output format (default: from the -o extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `chaff explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Feature name (see `chaff features --list`).
    pub name: String,
}
