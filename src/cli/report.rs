//! Charts for `--report` (PNG reports are drawn by `chaff::report`).

use std::path::Path;

use chaff::model::evaluate::EvalReport;
use chaff::model::predict::Model;
use chaff::score::ScoredArticle;

pub fn eval_charts(_rep: &EvalReport, _dir: &Path) -> anyhow::Result<()> {
    anyhow::bail!("charts are not available in this build")
}

pub fn score_charts(_rows: &[ScoredArticle], _model: &Model, _dir: &Path) -> anyhow::Result<()> {
    anyhow::bail!("charts are not available in this build")
}
