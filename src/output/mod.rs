//! Outputs: atomic files, value formats, and the rows of a score file.
//!
//! A file output is written to a temporary file in the target's directory and renamed over the
//! target only when complete, so an interrupted run never leaves a half-written file in place
//! of an old one. A score file (`chaff score`, CSV or JSONL) is a list of [`ScoreRow`]s, written
//! and read back (`chaff report --scores`) through that one type.

mod atomic;
mod format;
mod live;
mod score_file;
mod score_row;

pub use atomic::{write_atomic, AtomicFile};
pub use format::{format_value, readable};
pub use live::{live_temp_files, remove_live_temp_files};
pub use score_file::{read_scores, ScoresFile};
pub use score_row::{parse_reasons_cell, reason_text, reasons_cell, CsvColumns, ScoreReason, ScoreRow, CSV_COLUMNS};
