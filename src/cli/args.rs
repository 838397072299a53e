//! Command-line arguments (clap derive). Raw arguments are turned into validated library
//! options in each subcommand's file before any work starts.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

/// Separate substance from filler: measure how articles are written and flag low-substance or
/// machine-generated text, with reasons.
#[derive(Debug, Parser)]
#[command(name = "chaff", version, about, long_about = None, propagate_version = true)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Extract every feature of each article (one row per article).
    Features(FeaturesArgs),
    /// Print the documentation of one feature.
    Explain(ExplainArgs),
    /// Score articles: probability of filler, verdict and reasons.
    Score(ScoreArgs),
    /// Print an article with its evidence highlighted and the reasons as numbered notes.
    Show(ShowArgs),
    /// Train a model on labeled CSVs (cross-validated calibration and thresholds).
    Train(TrainArgs),
    /// Evaluate: cross-validation (with leave-one-source-out) or a model on a test set.
    Evaluate(EvaluateArgs),
    /// Draw PNG charts and an index.html from a saved evaluation or scored batch.
    Report(ReportArgs),
    /// Re-set a model's thresholds from your own known-human texts (conservative bound).
    Calibrate(CalibrateArgs),
}

/// `chaff calibrate`.
#[derive(Debug, Args)]
pub(crate) struct CalibrateArgs {
    /// Model to calibrate (default: the embedded model).
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// Known-human texts from your domain: files, directories, CSV or JSONL (one text each).
    #[arg(long, value_name = "INPUT", num_args = 1.., required = true)]
    pub human: Vec<String>,
    /// Optional known-machine texts: reports the TPR at the new thresholds.
    #[arg(long, value_name = "INPUT", num_args = 1..)]
    pub machine: Vec<String>,
    /// Where to write the calibrated model.
    #[arg(short = 'o', long, value_name = "FILE", required = true)]
    pub output: PathBuf,
    /// The human false-positive rate to guarantee.
    #[arg(long, default_value_t = 0.05)]
    pub target_fpr: f64,
    /// One-sided confidence of the guarantee (Clopper-Pearson).
    #[arg(long, default_value_t = 0.95)]
    pub confidence: f64,
    /// CSV column / JSONL field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_col: String,
    /// Skip texts larger than this many bytes.
    #[arg(long, default_value_t = chaff::input::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
}

/// Classifier for `--algorithm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AlgorithmArg {
    /// L2-regularised logistic regression (linfa-logistic): the default, best transfer.
    Logistic,
    /// Bagged decision trees on random feature subsets (linfa-trees).
    Forest,
}

/// Output format of `chaff score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScoreFormat {
    /// A table ranked by probability (the default on a terminal).
    Table,
    /// Comma-separated values.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Labeled data and how to read it (train, evaluate).
#[derive(Debug, Args)]
pub(crate) struct DataArgs {
    /// Labeled CSV files (header with at least text and label; see datasets/README.md).
    #[arg(long = "data", value_name = "CSV", num_args = 1.., required = true)]
    pub data: Vec<String>,
    /// Column holding the label.
    #[arg(long, default_value = "label", value_name = "NAME")]
    pub label_col: String,
    /// Label(s) of the flagged class (comma-separated).
    #[arg(long, default_value = "machine", value_name = "LABELS", value_delimiter = ',')]
    pub positive: Vec<String>,
    /// Column holding a group key: rows of one group stay on one side of every split.
    #[arg(long, value_name = "NAME", conflicts_with = "group_from_id")]
    pub group_col: Option<String>,
    /// Derive the group key from the id with this regular expression (the first capture group
    /// that matched, else the whole match; ids that do not match form their own group).
    #[arg(long, value_name = "REGEX")]
    pub group_from_id: Option<String>,
    /// Rename source corpora (by file name without extension), e.g. to treat several files as
    /// one corpus: --source-alias llmfake_news=politifact. Repeatable.
    #[arg(long, value_name = "FROM=TO")]
    pub source_alias: Vec<String>,
    /// Name the source of rows whose id matches REGEX, whatever their file (for a file that
    /// joins several source families): --source-from-id '^hppt-=hppt'. Repeatable; the first
    /// match wins.
    #[arg(long, value_name = "REGEX=NAME")]
    pub source_from_id: Vec<String>,
    /// CSV column holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_col: String,
    /// CSV column holding the id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_col: String,
    /// Extend an embedded word list: <lang>/<kind>=FILE. Repeatable.
    #[arg(long, value_name = "NAME=FILE")]
    pub lexicon: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Model settings (train, evaluate --cv).
#[derive(Debug, Args)]
pub(crate) struct ModelArgs {
    /// Classifier.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Logistic)]
    pub algorithm: AlgorithmArg,
    /// Features to use, comma-separated (default: every style feature; see `chaff features --list`).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub features: Option<Vec<String>>,
    /// L2 penalty of the logistic regression.
    #[arg(long, default_value_t = 1.0)]
    pub alpha: f64,
    /// Trees of the forest.
    #[arg(long, default_value_t = 100)]
    pub trees: usize,
    /// Folds of the grouped, stratified cross-validation that sets calibration and thresholds.
    #[arg(long = "cv", default_value_t = 5, value_name = "K")]
    pub folds: usize,
    /// Random seed (every split and sample is deterministic given it).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Target human false-positive rate of the verdicts.
    #[arg(long, default_value_t = 0.05)]
    pub target_fpr: f64,
    /// Articles with fewer words get the verdict `uncertain`.
    #[arg(long, default_value_t = 50)]
    pub min_words: u32,
}

/// `chaff score`.
#[derive(Debug, Args)]
pub(crate) struct ScoreArgs {
    /// Inputs and how to read them.
    #[command(flatten)]
    pub input: InputArgs,
    /// Model file (default: the model embedded in chaff).
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// Output format (default: a ranked table on a terminal, else CSV or by the -o extension).
    #[arg(long, value_enum)]
    pub format: Option<ScoreFormat>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Append every feature to each row.
    #[arg(long)]
    pub all_features: bool,
    /// Rank CSV/JSONL output by probability too (buffers the whole output).
    #[arg(long)]
    pub sort: bool,
    /// Exit with status 1 when any article is flagged as filler (for CI).
    #[arg(long)]
    pub fail_on_flagged: bool,
    /// Draw charts of the batch into this directory (PNG + index.html).
    #[arg(long, value_name = "DIR")]
    pub report: Option<PathBuf>,
    /// Rows in the table (0 = all).
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    /// Add the evidence spans to CSV output as a JSON cell (JSONL always has them).
    #[arg(long)]
    pub evidence: bool,
    /// Score each paragraph of at least 50 words too (`paragraphs` and `mixed` fields).
    #[arg(long)]
    pub paragraphs: bool,
    /// With --report: which articles get a page under DIR/articles/ (flagged = filler and
    /// uncertain).
    #[arg(long, value_enum, default_value = "flagged", requires = "report")]
    pub pages: PagesArg,
}

/// `chaff show`.
#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The article (file, or any input `score` reads; each article is shown in turn).
    #[command(flatten)]
    pub input: InputArgs,
    /// Model file (default: the model embedded in chaff).
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// Colour the evidence (auto: on a terminal, unless NO_COLOR is set); else `[[...]]`.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorArg {
    /// On a terminal.
    Auto,
    /// Always (ANSI escapes).
    Always,
    /// Never (`[[...]]` markers).
    Never,
}

/// `--pages`: which articles get an HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PagesArg {
    /// `filler` and `uncertain` articles.
    Flagged,
    /// Every article.
    All,
}

/// `chaff train`.
#[derive(Debug, Args)]
pub(crate) struct TrainArgs {
    /// Labeled data.
    #[command(flatten)]
    pub data: DataArgs,
    /// Model settings.
    #[command(flatten)]
    pub model: ModelArgs,
    /// Where to write the model (JSON, atomically).
    #[arg(short = 'o', long = "output", visible_alias = "out", value_name = "FILE", required = true)]
    pub output: PathBuf,
    /// Also measure leave-one-source-out transfer and store it in the model's metrics.
    #[arg(long)]
    pub loso: bool,
    /// Also measure leave-one-register-out transfer (register: the `domain` column before
    /// `/`) and store it in the model's metrics.
    #[arg(long)]
    pub loro: bool,
}

/// `chaff evaluate`.
#[derive(Debug, Args)]
pub(crate) struct EvaluateArgs {
    /// Labeled data.
    #[command(flatten)]
    pub data: DataArgs,
    /// Model settings (cross-validation).
    #[command(flatten)]
    pub model_args: ModelArgs,
    /// Evaluate this trained model on --data instead of cross-validating (use "default" for
    /// the embedded model).
    #[arg(long, value_name = "MODEL")]
    pub model: Option<String>,
    /// Hold out one source corpus at a time (the input file, after --source-alias) and report
    /// transfer. On by default with --cv and several sources; --no-loso turns it off.
    #[arg(long)]
    pub no_loso: bool,
    /// Hold out one register at a time (the `domain` column before `/`: news, academic, ...)
    /// and report transfer. On by default with --cv and several registers; --no-loro turns it
    /// off.
    #[arg(long)]
    pub no_loro: bool,
    /// Break metrics down by these columns (comma-separated), e.g. domain,generator,variant.
    /// Language, length band and source corpus are always reported.
    #[arg(long, value_name = "COLS", value_delimiter = ',')]
    pub by: Vec<String>,
    /// Write the full evaluation (JSON, the input of `chaff report`) here.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Draw charts of the evaluation into this directory.
    #[arg(long, value_name = "DIR")]
    pub report: Option<PathBuf>,
    /// Include every scored row (id, label, probability, verdict, ...) in the -o JSON.
    #[arg(long)]
    pub with_scores: bool,
}

/// `chaff report`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("input").required(true).args(["eval", "scores"])))]
pub(crate) struct ReportArgs {
    /// An evaluation written by `chaff evaluate -o EVAL.json`.
    #[arg(long, value_name = "EVAL.json")]
    pub eval: Option<PathBuf>,
    /// Scores written by `chaff score` (CSV or JSONL; written with --all-features, the article
    /// profiles show every key feature, else only the reason features).
    #[arg(long, value_name = "SCORES")]
    pub scores: Option<PathBuf>,
    /// Model whose thresholds and human reference the batch charts use (default: the embedded
    /// model; use the one the scores were made with).
    #[arg(long, value_name = "MODEL", requires = "scores")]
    pub model: Option<PathBuf>,
    /// Directory for the PNGs and index.html (created if needed; files in it are replaced).
    #[arg(short = 'o', long = "out", visible_aliases = ["output", "report"], default_value = "reports", value_name = "DIR")]
    pub out: PathBuf,
    /// Article profiles to draw for --scores (the most likely filler first).
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top: usize,
}

/// Input format for `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormatArg {
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
pub(crate) enum TableFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
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
pub(crate) struct FeaturesArgs {
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
pub(crate) struct ExplainArgs {
    /// Feature name (see `chaff features --list`).
    pub name: String,
}
