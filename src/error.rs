//! Errors. A bad article is data ([`ArticleError`]): it is reported and skipped while the batch
//! goes on. [`Error`] is for whole-run failures (an unreadable model, a bad lexicon file, an
//! output that cannot be written).

use std::fmt;
use std::path::PathBuf;

/// Where an article came from: a file, and for CSV/JSONL the 1-based line where its record
/// starts (the CSV header is line 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The path as the user typed it (joined with the path below it for directories), or `-`.
    pub path: String,
    /// 1-based line where the record starts, for line- or record-based formats.
    pub line: Option<u64>,
}

impl Origin {
    /// An origin for a whole file.
    pub fn file(path: impl Into<String>) -> Self {
        Origin { path: path.into(), line: None }
    }

    /// An origin for a record that starts on `line` of `path`.
    pub fn at(path: impl Into<String>, line: u64) -> Self {
        Origin { path: path.into(), line: Some(line) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => write!(f, "{}", self.path),
        }
    }
}

/// One article (or file, or record) that could not be read or scored. Printed as
/// `PATH:LINE: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleError {
    /// Where the bad input is.
    pub origin: Origin,
    /// What is wrong with it, in words a user can act on.
    pub problem: String,
}

impl ArticleError {
    /// A new error for the input at `origin`.
    pub fn new(origin: Origin, problem: impl Into<String>) -> Self {
        ArticleError { origin, problem: problem.into() }
    }
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.problem)
    }
}

impl std::error::Error for ArticleError {}

/// A failure that stops a whole run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A lexicon file has a malformed entry.
    #[error("lexicon {name} ({origin}): {reason}")]
    Lexicon {
        /// The lexicon's name, such as `en/buzzwords`.
        name: String,
        /// File and line of the bad entry.
        origin: Origin,
        /// What is wrong.
        reason: String,
    },
    /// A model file is unreadable, from a newer schema, or does not match this binary.
    #[error("model {path}: {reason}")]
    Model {
        /// The model file (or `<embedded>`).
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// An option or a combination of options is invalid.
    #[error("{field}: {reason}")]
    Config {
        /// The option.
        field: String,
        /// Why it is invalid.
        reason: String,
    },
    /// Training or evaluation cannot proceed with the data given.
    #[error("{0}")]
    Data(String),
    /// Drawing a chart failed.
    #[error("chart {path}: {reason}")]
    Chart {
        /// The chart file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// A configuration error on option `field`.
    pub fn config(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Config { field: field.into(), reason: reason.into() }
    }
}

/// Result alias for whole-run operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;
