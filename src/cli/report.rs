//! `chaff report`: PNG charts and an index.html from a saved evaluation (`--eval`) or scored
//! batch (`--scores`), and the charts of `evaluate --report` and `score --report`. The charts
//! are drawn by `chaff::report`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use chaff::model::evaluate::EvalReport;
use chaff::model::predict::Model;
use chaff::model::shipped;
use chaff::output::{read_scores, ScoreRow};
use chaff::report::{self, ChartOptions};
use chaff::score::ScoredArticle;

use super::args::ReportArgs;

/// Say where a report went.
fn announce(who: &str, r: &report::Report) {
    eprintln!("chaff {who}: wrote {} charts to {} (open {})", r.charts.len(), r.dir.display(), r.index.display());
    for note in &r.notes {
        eprintln!("chaff {who}: note: {note}");
    }
}

/// The charts of an evaluation (for `evaluate --report DIR`).
pub(super) fn eval_charts(rep: &EvalReport, dir: &Path) -> anyhow::Result<()> {
    let r = report::eval_report(rep, dir, &ChartOptions::default())?;
    announce("evaluate", &r);
    Ok(())
}

/// The charts of a scored batch (for `score --report DIR`).
pub(super) fn score_charts(rows: &[ScoredArticle], model: &Model, dir: &Path) -> anyhow::Result<report::Report> {
    let rows: Vec<ScoreRow> = rows.iter().map(ScoreRow::from_scored).collect();
    let r = report::batch_report(&rows, Some(model), dir, &ChartOptions::default(), "chaff score")?;
    announce("score", &r);
    Ok(r)
}

pub(super) fn run(a: ReportArgs) -> anyhow::Result<ExitCode> {
    if let Some(path) = &a.eval {
        let json = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let rep: EvalReport = serde_json::from_str(&json).with_context(|| {
            format!(
                "{} is not an evaluation written by `chaff evaluate -o` (this chaff reads its own version's format)",
                path.display()
            )
        })?;
        let r = report::eval_report(&rep, &a.out, &ChartOptions::default())?;
        announce("report", &r);
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = &a.scores else { anyhow::bail!("give --eval EVAL.json or --scores SCORES") };
    let model = shipped::load(a.model.as_deref())?;
    let file = read_scores(path)?;
    for p in &file.problems {
        eprintln!("chaff: {p}");
    }
    if file.rows.is_empty() {
        eprintln!("chaff report: {} has no readable scored rows; the charts say so", path.display());
    }
    let opts = ChartOptions { profiles: a.top, ..ChartOptions::default() };
    let r = report::batch_report(&file.rows, Some(&model), &a.out, &opts, &path.display().to_string())?;
    announce("report", &r);
    if !file.problems.is_empty() {
        eprintln!(
            "chaff report: read {} rows, skipped {} (see above)",
            file.rows.len() + file.problems.len(),
            file.problems.len()
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
