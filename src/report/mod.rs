//! PNG reports: charts of an evaluation ([`eval_report`]) and of a scored batch
//! ([`batch_report`]), each with an `index.html` beside the PNGs.
//!
//! Takes an [`EvalReport`] (from `chaff evaluate`, or its JSON) or scored rows ([`ScoreRow`],
//! from [`ScoredArticle`]s or a file written by `chaff score`), and writes PNG files of
//! [`ChartOptions::width`] x [`ChartOptions::height`] pixels (taller when a table needs more
//! rows) into a directory. Every chart function returns a [`Chart`]: where it went, its title
//! and caption, and the numbers and labels it drew, so that tests can check that what a reader
//! sees comes from the input.
//!
//! Drawing uses plotters' bitmap backend with the embedded DejaVu Sans font (no system fonts),
//! the Okabe-Ito palette, and writes each file atomically. Empty or one-class inputs give a
//! chart that says "No data" and why; nothing here panics or draws a non-finite number.
//!
//! Three layers, imports pointing one way: `kit/` draws (a plotters backend whose text goes
//! through chaff's renderer, plots with plotters' axes and legends, the bar table, the look),
//! `charts/` has one file per chart kind and uses the kit, and `page.rs` assembles a report
//! from the charts and writes its `index.html`.
//!
//! [`ScoredArticle`]: crate::score::ScoredArticle
//! [`EvalReport`]: crate::model::evaluate::EvalReport
//! [`ScoreRow`]: crate::output::ScoreRow

mod article;
mod charts;
mod kit;
mod page;

pub use article::{article_html, page_file_name, write_article_pages, ArticleLink, ArticlePage};
pub use charts::{
    calibration, confusion, feature_importance, pr, profile, profile_bars, profile_file_name, roc, score_distribution,
    score_histogram, subgroups, top_flagged, transfer, Chart, ChartOptions, ProfileBar,
};
pub use kit::{style, text};
pub use page::{batch_report, eval_report, write_index, Report};

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
