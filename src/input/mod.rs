//! Inputs: turn command-line paths into a stream of articles.
//!
//! Takes paths (files, directories, `-` for stdin) and [`InputOptions`]; returns an iterator
//! of `Result<Article, ArticleError>` in input order. It streams: at most one article (or one
//! CSV record / JSONL line) is held at a time, and an article over `max_article_bytes` is
//! skipped without being read into memory whole (CSV records are the exception: the CSV parser
//! holds one record). A bad file or record is an `Err` item naming the file and line; the
//! stream goes on with the next one. Nothing here panics on any input.

mod delimited;
mod files;
pub mod html;

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::article::Article;
use crate::error::{ArticleError, Origin};

pub use files::{walk, WalkItem};

/// Default for `--max-article-bytes`: 16 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 16 << 20;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// By file extension: `.csv`, `.jsonl`/`.ndjson`, `.html`/`.htm`, anything else plain text;
    /// stdin is plain text.
    Auto,
    /// One article per file (plain text or markdown).
    Text,
    /// CSV with a header row, one article per record.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One HTML page per file; the main visible text is extracted.
    Html,
}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Format override (`Auto` detects by extension).
    pub format: InputFormat,
    /// CSV column holding the text.
    pub text_col: String,
    /// CSV column holding the id (if absent, ids are `FILE:LINE`).
    pub id_col: String,
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the id.
    pub id_field: String,
    /// Articles larger than this (in bytes) are skipped with a message.
    pub max_article_bytes: usize,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the article.
    pub lossy_utf8: bool,
    /// Counts raw input bytes consumed (for progress bars), if set.
    pub bytes_read: Option<Arc<AtomicU64>>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            text_col: "text".into(),
            id_col: "id".into(),
            text_field: "text".into(),
            id_field: "id".into(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            lossy_utf8: false,
            bytes_read: None,
        }
    }
}

/// One item of the input stream.
pub(crate) type InputItem = Result<Article, ArticleError>;

type Source = Box<dyn Iterator<Item = InputItem> + Send>;

/// The stream of articles from a list of paths.
pub struct Inputs {
    pending: VecDeque<Pending>,
    current: Option<Source>,
    opts: InputOptions,
}

enum Pending {
    /// A command-line argument, not yet looked at.
    Arg(String),
    /// A file found under a directory, with its id (the argument joined with the path below).
    File { path: std::path::PathBuf, id: String },
    /// A problem found while walking a directory.
    Error(ArticleError),
}

/// Read articles from `paths` (files, directories, or `-` for stdin).
pub fn read(paths: &[String], opts: InputOptions) -> Inputs {
    Inputs { pending: paths.iter().cloned().map(Pending::Arg).collect(), current: None, opts }
}

impl Iterator for Inputs {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(src) = &mut self.current {
                if let Some(item) = src.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.pending.pop_front()? {
                Pending::Error(e) => return Some(Err(e)),
                Pending::File { path, id } => {
                    let format = files::format_of(&path, InputFormat::Auto);
                    self.current = Some(open_source(&path, &id, format, &self.opts));
                }
                Pending::Arg(arg) => {
                    if arg == "-" {
                        let format = match self.opts.format {
                            InputFormat::Auto => InputFormat::Text,
                            f => f,
                        };
                        let stdin: Box<dyn BufRead + Send> =
                            Box::new(io::BufReader::new(CountingReader::new(io::stdin(), &self.opts)));
                        self.current = Some(source_from_reader(stdin, "-", "-", format, &self.opts));
                        continue;
                    }
                    let path = std::path::PathBuf::from(&arg);
                    match std::fs::metadata(&path) {
                        Err(e) => {
                            return Some(Err(ArticleError::new(Origin::file(&arg), io_problem("cannot read", &e))))
                        }
                        Ok(m) if m.is_dir() => {
                            // Files of the directory go first, in sorted order.
                            let found: Vec<Pending> = walk(&path, &arg)
                                .map(|item| match item {
                                    WalkItem::File { path, id } => Pending::File { path, id },
                                    WalkItem::Error(e) => Pending::Error(e),
                                })
                                .collect();
                            for p in found.into_iter().rev() {
                                self.pending.push_front(p);
                            }
                        }
                        Ok(_) => {
                            let format = files::format_of(&path, self.opts.format);
                            self.current = Some(open_source(&path, &arg, format, &self.opts));
                        }
                    }
                }
            }
        }
    }
}

/// A readable message for an I/O error.
pub(crate) fn io_problem(what: &str, e: &io::Error) -> String {
    format!("{what}: {e}")
}

/// Open `path` (decompressing `.gz` / `.zst`) and read it as `format`.
fn open_source(path: &std::path::Path, id: &str, format: InputFormat, opts: &InputOptions) -> Source {
    let display = id.to_string();
    match files::open(path, opts) {
        Ok(reader) => source_from_reader(reader, id, &display, format, opts),
        Err(e) => {
            Box::new(std::iter::once(Err(ArticleError::new(Origin::file(display), io_problem("cannot open", &e)))))
        }
    }
}

fn source_from_reader(
    reader: Box<dyn BufRead + Send>,
    id: &str,
    display: &str,
    format: InputFormat,
    opts: &InputOptions,
) -> Source {
    match format {
        InputFormat::Csv => Box::new(delimited::csv_records(reader, display.to_string(), opts.clone())),
        InputFormat::Jsonl => Box::new(delimited::jsonl_records(reader, display.to_string(), opts.clone())),
        InputFormat::Html => Box::new(std::iter::once(files::read_whole(reader, id, display, opts).map(|mut a| {
            a.text = html::extract_text(&a.text);
            a
        }))),
        InputFormat::Text | InputFormat::Auto => {
            Box::new(std::iter::once(files::read_whole(reader, id, display, opts)))
        }
    }
}

/// Counts bytes read from the underlying source, for progress bars.
pub(crate) struct CountingReader<R> {
    inner: R,
    counter: Option<Arc<AtomicU64>>,
}

impl<R> CountingReader<R> {
    pub(crate) fn new(inner: R, opts: &InputOptions) -> Self {
        CountingReader { inner, counter: opts.bytes_read.clone() }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.counter {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// Decode `bytes` as UTF-8, or describe where it is not (or replace bad bytes when lossy).
pub(crate) fn decode_utf8(bytes: Vec<u8>, lossy: bool) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "not valid UTF-8 (first bad byte at offset {}); re-encode it as UTF-8 or pass --lossy-utf8",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// Message for an article over the size limit.
pub(crate) fn too_big(limit: usize) -> String {
    format!("article is larger than --max-article-bytes ({limit} bytes); skipped")
}
