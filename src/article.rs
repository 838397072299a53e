//! The unit of work: one article with a stable id, its origin and any extra columns of its
//! record (labels, groups) that training and evaluation need.

use crate::error::Origin;

/// One article as read from an input.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: the path for files, the id column/field for CSV/JSONL, else `FILE:LINE`.
    pub id: String,
    /// Where it came from, for error messages.
    pub origin: Origin,
    /// The raw text (normalised later by [`crate::text::Document`]).
    pub text: String,
    /// Other string columns of a CSV row or JSONL object, in input order (empty for files).
    pub meta: Vec<(String, String)>,
}

impl Article {
    /// An article with no extra columns.
    pub fn new(id: impl Into<String>, origin: Origin, text: impl Into<String>) -> Self {
        Article { id: id.into(), origin, text: text.into(), meta: Vec::new() }
    }

    /// The value of an extra column, if the record had it.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}
