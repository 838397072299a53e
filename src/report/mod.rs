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
//! [`ScoredArticle`]: crate::score::ScoredArticle

mod axes;
mod batch;
mod calibration;
mod canvas;
mod confusion;
mod curves;
mod distribution;
mod fit;
mod groups;
mod html;
mod importance;
mod legend;
mod profile;
mod rows;
pub mod style;
mod table;
pub mod text;

use std::path::{Path, PathBuf};

pub use batch::{score_histogram, top_flagged};
pub use calibration::calibration;
pub use confusion::confusion;
pub use curves::{pr, roc};
pub use distribution::score_distribution;
pub use groups::{subgroups, transfer};
pub use html::write_index;
pub use importance::feature_importance;
pub use profile::{profile, profile_file_name, ProfileBar};

use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::model::predict::{Model, Verdict};
use crate::output::ScoreRow;

/// Sizes and limits of the charts.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels (bar tables are shorter when they have a few rows, down to half of
    /// this, and grow taller when they have many).
    pub height: u32,
    /// Features in the importance chart.
    pub top_features: usize,
    /// Articles in the most-flagged chart.
    pub top_articles: usize,
    /// Article profiles drawn for a batch.
    pub profiles: usize,
    /// Features in each profile.
    pub profile_features: usize,
    /// Most subgroup rows in the subgroup chart (the largest groups of each column are kept).
    pub max_groups: usize,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 1200,
            height: 800,
            top_features: 20,
            top_articles: 20,
            profiles: 5,
            profile_features: 12,
            max_groups: 60,
        }
    }
}

/// What a chart shows, for the index page and for tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The PNG file.
    pub file: PathBuf,
    /// Its title.
    pub title: String,
    /// One line saying what it shows.
    pub caption: String,
    /// Texts drawn from the input: legend entries, row labels, annotations.
    pub labels: Vec<String>,
    /// Named numbers drawn (an AUC, confusion counts, bar values).
    pub values: Vec<(String, f64)>,
}

impl Chart {
    fn new(file: &Path, title: impl Into<String>, caption: impl Into<String>) -> Chart {
        Chart { file: file.to_path_buf(), title: title.into(), caption: caption.into(), labels: vec![], values: vec![] }
    }

    /// The value drawn under `name`, if any.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.values.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
    }

    /// Whether some drawn label contains `text`.
    pub fn shows(&self, text: &str) -> bool {
        self.labels.iter().any(|l| l.contains(text)) || self.title.contains(text)
    }
}

/// A written report: its charts, headline numbers and index page.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The directory.
    pub dir: PathBuf,
    /// Title of the index page.
    pub title: String,
    /// Headline numbers (name, formatted value).
    pub headline: Vec<(String, String)>,
    /// Notes shown under the headline (what is missing and why).
    pub notes: Vec<String>,
    /// The charts, in index order.
    pub charts: Vec<Chart>,
    /// The index page.
    pub index: PathBuf,
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

/// Draw every chart of an evaluation into `dir` (created if needed) and write `index.html`.
///
/// Writes roc.png, pr.png, confusion.png, score_distribution.png, calibration.png,
/// feature_importance.png, subgroups.png and, when the evaluation has leave-one-source-out
/// results, transfer.png.
pub fn eval_report(rep: &EvalReport, dir: &Path, opts: &ChartOptions) -> Result<Report, Error> {
    create_dir(dir)?;
    let mut charts = vec![
        roc(rep, &dir.join("roc.png"), opts)?,
        pr(rep, &dir.join("pr.png"), opts)?,
        confusion(rep, &dir.join("confusion.png"), opts)?,
        score_distribution(rep, &dir.join("score_distribution.png"), opts)?,
        calibration(rep, &dir.join("calibration.png"), opts)?,
        feature_importance(rep, &dir.join("feature_importance.png"), opts)?,
        subgroups(rep, &dir.join("subgroups.png"), opts)?,
    ];
    let mut notes = Vec::new();
    if rep.transfer.is_empty() {
        notes.push("No leave-one-source-out results (one source corpus, a test-set evaluation, or --no-loso): transfer.png is not drawn.".to_string());
    } else {
        charts.push(transfer(rep, &dir.join("transfer.png"), opts)?);
    }
    let o = &rep.overall;
    let mut headline = vec![
        ("Evaluation".to_string(), format!("{} ({} model)", rep.kind, rep.algorithm)),
        ("Texts".to_string(), format!("{} ({} human, {} machine)", o.n, o.negatives, o.positives)),
        ("ROC-AUC".to_string(), style::opt_num3(o.roc_auc)),
        ("PR-AUC (average precision)".to_string(), style::opt_num3(o.pr_auc)),
        ("Human FPR (target)".to_string(), format!("{} ({})", style::opt_pct(o.human_fpr), style::pct(rep.target_fpr))),
        ("TPR (recall)".to_string(), style::opt_pct(o.recall)),
        (
            "TPR at 1% / 5% human FPR (thresholds set on these rows)".to_string(),
            format!("{} / {}", style::opt_pct(o.tpr_at_1pct_fpr), style::opt_pct(o.tpr_at_5pct_fpr)),
        ),
        (
            "F1 (everything machine)".to_string(),
            format!("{} ({})", style::opt_num3(o.f1), style::opt_num3(o.all_machine_f1)),
        ),
        ("Coverage (definite verdicts)".to_string(), format!("{} ({} uncertain)", style::pct(o.coverage), o.uncertain)),
        ("ECE".to_string(), style::opt_num3(o.ece)),
    ];
    if !rep.thresholds.is_empty() {
        let t: Vec<String> = rep
            .thresholds
            .iter()
            .map(|(band, t, from)| {
                if from < t {
                    format!("{band} words: {} (uncertain from {})", style::num3(*t), style::num3(*from))
                } else {
                    format!("{band} words: {}", style::num3(*t))
                }
            })
            .collect();
        headline.push(("Thresholds (probability of filler)".to_string(), t.join("; ")));
    }
    if let Some(a) = rep.baselines.length_only_roc_auc {
        headline.push(("Length-only baseline ROC-AUC".to_string(), style::num3(a)));
    }
    headline.push(("Data".to_string(), rep.files.join(", ")));
    headline.push(("chaff".to_string(), rep.chaff_version.clone()));
    let report = Report {
        dir: dir.to_path_buf(),
        title: "chaff evaluation report".to_string(),
        headline,
        notes,
        charts,
        index: dir.join("index.html"),
    };
    write_index(&report)?;
    Ok(report)
}

/// Draw the charts of a scored batch into `dir` (created if needed) and write `index.html`:
/// `score_histogram.png`, `top_flagged.png` and `profile_<rank>_<id>.png` for the
/// [`ChartOptions::profiles`] most likely filler articles. `model` supplies thresholds and the
/// human reference of the profiles; `source` names where the rows came from.
pub fn batch_report(
    rows: &[ScoreRow],
    model: Option<&Model>,
    dir: &Path,
    opts: &ChartOptions,
    source: &str,
) -> Result<Report, Error> {
    create_dir(dir)?;
    let mut charts = vec![
        score_histogram(rows, model, &dir.join("score_histogram.png"), opts)?,
        top_flagged(rows, &dir.join("top_flagged.png"), opts)?,
    ];
    let mut notes = Vec::new();
    let ranked = rows::ranked(rows);
    match model {
        Some(m) => {
            for (rank, row) in ranked.iter().take(opts.profiles).enumerate() {
                let path = dir.join(profile_file_name(rank + 1, &row.id));
                charts.push(profile(row, rank + 1, m, &path, opts)?);
            }
        }
        None => notes.push("No model given: article profiles are not drawn.".to_string()),
    }
    if !rows.is_empty() && rows.iter().all(|r| r.features.is_none()) {
        notes.push(
            "The scores carry no feature values (score with --all-features for full profiles): profiles show only the reason features.".to_string(),
        );
    }
    let n = rows.len();
    let count = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
    let flagged = count(Verdict::Filler);
    let mut headline = vec![
        ("Articles".to_string(), n.to_string()),
        (
            "Flagged as filler".to_string(),
            format!("{} ({})", flagged, if n > 0 { style::pct(flagged as f64 / n as f64) } else { "n/a".into() }),
        ),
        ("ok".to_string(), count(Verdict::Ok).to_string()),
        ("uncertain".to_string(), count(Verdict::Uncertain).to_string()),
        (
            "Coverage (definite verdicts)".to_string(),
            if n > 0 { style::pct((n - count(Verdict::Uncertain)) as f64 / n as f64) } else { "n/a".into() },
        ),
        ("Scores".to_string(), source.to_string()),
    ];
    if let Some(m) = model {
        headline.push((
            "Model".to_string(),
            format!(
                "{} trained {} (chaff {}), target human FPR {}",
                m.file.algorithm.name(),
                m.file.created,
                m.file.chaff_version,
                style::pct(m.file.threshold.target_fpr)
            ),
        ));
    }
    let report = Report {
        dir: dir.to_path_buf(),
        title: "chaff batch report".to_string(),
        headline,
        notes,
        charts,
        index: dir.join("index.html"),
    };
    write_index(&report)?;
    Ok(report)
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
