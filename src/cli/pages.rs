//! `score --report DIR`'s article pages: one HTML page per `filler` or `uncertain` article (or
//! every article with `--pages all`) under `DIR/articles/`, linked from `DIR/index.html`.

use std::path::Path;

use chaff::model::predict::Model;
use chaff::output::ScoreRow;
use chaff::report::{self, ArticlePage, ChartOptions};
use chaff::score::paragraphs::ParagraphScore;
use chaff::score::ScoredArticle;

/// What a page needs that the scored article does not keep: its text and paragraph scores.
#[derive(Debug, Clone)]
pub(super) struct PageText {
    /// Article id (as in its scored row).
    pub(super) id: String,
    /// The text as given.
    pub(super) text: String,
    /// Its paragraph scores.
    pub(super) paragraphs: Vec<ParagraphScore>,
}

/// Write the pages of `texts` (ranked by probability, highest first) and link them from the
/// index of `report`.
pub(super) fn write_pages(
    scored: &[ScoredArticle],
    texts: &[PageText],
    model: &Model,
    mut report: report::Report,
    dir: &Path,
) -> anyhow::Result<()> {
    let rows: Vec<(ScoreRow, &PageText)> = texts
        .iter()
        .filter_map(|t| scored.iter().find(|s| s.id == t.id).map(|s| (ScoreRow::from_scored(s), t)))
        .collect();
    let mut pages: Vec<ArticlePage<'_>> =
        rows.iter().map(|(row, t)| ArticlePage { row, text: &t.text, paragraphs: &t.paragraphs }).collect();
    pages.sort_by(|a, b| {
        b.row.probability.unwrap_or(f64::NEG_INFINITY).total_cmp(&a.row.probability.unwrap_or(f64::NEG_INFINITY))
    });
    report.articles = report::write_article_pages(&pages, model, dir, &ChartOptions::default())?;
    report::write_index(&report)?;
    eprintln!("chaff score: wrote {} article pages to {}", report.articles.len(), dir.join("articles").display());
    Ok(())
}
