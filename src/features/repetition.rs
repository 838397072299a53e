//! (in progress)

/// Gopher repetition statistics of a document (placeholder until implemented).
#[derive(Debug, Clone, Default)]
pub(crate) struct GopherStats;
