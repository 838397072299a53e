//! `score --report DIR`'s article pages: one HTML page per `filler` or `uncertain` article (or
//! every article with `--pages all`) under `DIR/articles/`, linked from `DIR/index.html`.

use std::path::Path;

use chaff::model::predict::Model;
use chaff::output::ScoreRow;
use chaff::report::{self, ArticlePage, ChartOptions};
use chaff::score::paragraphs::ParagraphScore;

/// What a page shows: the scored row, the text (which the scored article does not keep) and
/// the paragraph scores.
#[derive(Debug, Clone)]
pub(super) struct PageText {
    /// The scored article's row (evidence and feature values included).
    pub(super) row: ScoreRow,
    /// The text as given.
    pub(super) text: String,
    /// Its paragraph scores.
    pub(super) paragraphs: Vec<ParagraphScore>,
}

/// Write the pages of `texts` (ranked by probability, highest first) and link them from the
/// index of `report`.
pub(super) fn write_pages(
    texts: &[PageText],
    model: &Model,
    mut report: report::Report,
    dir: &Path,
) -> anyhow::Result<()> {
    let mut pages: Vec<ArticlePage<'_>> =
        texts.iter().map(|t| ArticlePage { row: &t.row, text: &t.text, paragraphs: &t.paragraphs }).collect();
    pages.sort_by(|a, b| {
        b.row.probability.unwrap_or(f64::NEG_INFINITY).total_cmp(&a.row.probability.unwrap_or(f64::NEG_INFINITY))
    });
    report.articles = report::write_article_pages(&pages, model, dir, &ChartOptions::default())?;
    report::write_index(&report)?;
    eprintln!("chaff score: wrote {} article pages to {}", report.articles.len(), dir.join("articles").display());
    Ok(())
}
