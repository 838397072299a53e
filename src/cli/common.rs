//! Shared CLI plumbing: input options, thread pool, progress bar, bad-input reporting, output
//! sinks and the summary line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chaff::input::{InputFormat, InputOptions};
use chaff::output::AtomicFile;
use chaff::ArticleError;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::{InputArgs, InputFormatArg, TableFormat};

/// Validated input options, the progress counter, and the feature context.
pub(super) struct Prepared {
    pub opts: InputOptions,
    pub bytes_read: Arc<AtomicU64>,
    pub cx: chaff::Context,
}

/// Check the input arguments and build library options.
pub(super) fn prepare_inputs(a: &InputArgs) -> anyhow::Result<Prepared> {
    if a.inputs.is_empty() {
        anyhow::bail!("no input given: name files, directories, or - for stdin");
    }
    if a.max_article_bytes == 0 || a.max_article_bytes > chaff::text::MAX_DOCUMENT_BYTES {
        anyhow::bail!("--max-article-bytes must be between 1 and {}", chaff::text::MAX_DOCUMENT_BYTES);
    }
    if let Some(n) = a.threads {
        if n == 0 {
            anyhow::bail!("--threads must be at least 1");
        }
        // Fails only if a pool already exists, which cannot happen before the first use.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    let bytes_read = Arc::new(AtomicU64::new(0));
    let opts = InputOptions {
        format: match a.input_format {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Csv => InputFormat::Csv,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Html => InputFormat::Html,
        },
        text_col: a.text_col.clone(),
        id_col: a.id_col.clone(),
        text_field: a.text_field.clone(),
        id_field: a.id_field.clone(),
        max_article_bytes: a.max_article_bytes,
        lossy_utf8: a.lossy_utf8,
        bytes_read: Some(bytes_read.clone()),
    };
    let exts = chaff::lexicon::extensions_from_args(&a.lexicon)?;
    let cx = if exts.is_empty() {
        chaff::Context::default()
    } else {
        chaff::Context { lexicons: Arc::new(chaff::lexicon::LexiconSet::build(&exts)?) }
    };
    Ok(Prepared { opts, bytes_read, cx })
}

/// Total bytes of the inputs, when all are files or directories (for a progress bar with ETA).
fn total_input_bytes(inputs: &[String]) -> Option<u64> {
    let mut total = 0u64;
    for arg in inputs {
        if arg == "-" {
            return None;
        }
        let p = Path::new(arg);
        let meta = std::fs::metadata(p).ok()?;
        if meta.is_dir() {
            for item in chaff::input::walk(p, arg) {
                if let chaff::input::WalkItem::File { path, .. } = item {
                    total += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                }
            }
        } else {
            total += meta.len();
        }
    }
    Some(total)
}

/// A progress bar on stderr when it is a terminal, hidden otherwise.
pub(super) struct Progress {
    bar: ProgressBar,
    bytes: Arc<AtomicU64>,
}

impl Progress {
    pub(super) fn new(inputs: &[String], bytes: Arc<AtomicU64>) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: ProgressBar::hidden(), bytes };
        }
        let bar = match total_input_bytes(inputs) {
            Some(total) => {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} {binary_bytes_per_sec} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar
            }
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar, bytes }
    }

    /// Update after an article (cheap).
    pub(super) fn tick(&self, articles: u64) {
        self.bar.set_position(self.bytes.load(Ordering::Relaxed));
        if articles.is_multiple_of(256) {
            self.bar.set_message(format!("{articles} articles"));
        }
    }

    /// Print a message above the bar (or plainly when hidden).
    pub(super) fn println(&self, msg: &str) {
        if self.bar.is_hidden() {
            eprintln!("{msg}");
        } else {
            self.bar.println(msg);
        }
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Counts of a run, for the summary line and the exit code.
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub read: u64,
    pub done: u64,
    pub skipped: u64,
}

impl Tally {
    /// Report a bad article on stderr (`PATH:LINE: problem`) and count it.
    pub(super) fn skip(&mut self, e: &ArticleError, progress: &Progress) {
        self.read += 1;
        self.skipped += 1;
        progress.println(&format!("chaff: {e}"));
    }
}

/// Where a table goes: stdout or an atomic file.
pub(super) enum Sink {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(AtomicFile),
}

impl Sink {
    pub(super) fn open(output: Option<&PathBuf>) -> anyhow::Result<Sink> {
        Ok(match output {
            Some(p) => Sink::File(AtomicFile::create(p).with_context(|| format!("cannot write {}", p.display()))?),
            None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout())),
        })
    }

    pub(super) fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush()?,
            Sink::File(f) => f.commit()?,
        }
        Ok(())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// The table format: explicit, else from the output file's extension, else CSV.
pub(super) fn table_format(explicit: Option<TableFormat>, output: Option<&PathBuf>) -> TableFormat {
    explicit.unwrap_or_else(|| match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("jsonl") | Some("ndjson") | Some("json") => TableFormat::Jsonl,
        _ => TableFormat::Csv,
    })
}

/// Print the summary line and choose the exit code (2 if anything was skipped).
pub(super) fn summary(command: &str, verb: &str, t: &Tally) -> std::process::ExitCode {
    eprintln!("chaff {command}: read {} articles, {verb} {}, skipped {}", t.read, t.done, t.skipped);
    if t.skipped > 0 {
        std::process::ExitCode::from(2)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// Escape a string as a JSON string literal.
pub(super) fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}
