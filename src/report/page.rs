//! Page assembly: a report is a folder of charts with an `index.html`, one self-contained page
//! (inline style, no scripts or external assets) with the headline numbers and every chart, each
//! with its one-line caption. The PNGs are referenced by file name, so the folder can be moved
//! or zipped as a whole.

use std::path::{Path, PathBuf};

use super::article::ArticleLink;
use super::charts::{
    calibration, confusion, feature_importance, pr, profile, profile_file_name, ranked, roc, score_distribution,
    score_histogram, subgroups, top_flagged, transfer, Chart, ChartOptions,
};
use super::kit::style;
use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::model::predict::{Model, Verdict};
use crate::output::ScoreRow;

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
    /// Article pages under `articles/`, linked from the index (`score --report`).
    pub articles: Vec<ArticleLink>,
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
    finish(dir, "chaff evaluation report", headline, notes, charts)
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
    let ranked = ranked(rows);
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
    finish(dir, "chaff batch report", headline, notes, charts)
}

/// Escape text for HTML content and attribute values.
/// The report of `dir` with these parts, its index page written.
fn finish(
    dir: &Path,
    title: &str,
    headline: Vec<(String, String)>,
    notes: Vec<String>,
    charts: Vec<Chart>,
) -> Result<Report, Error> {
    let report = Report {
        dir: dir.to_path_buf(),
        title: title.to_string(),
        headline,
        notes,
        charts,
        index: dir.join("index.html"),
        articles: Vec::new(),
    };
    write_index(&report)?;
    Ok(report)
}

pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1240px;padding:0 1rem;color:#111;line-height:1.45}\
h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}\
table{border-collapse:collapse;margin:1rem 0}th,td{padding:.3rem .9rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\
th{font-weight:600;white-space:nowrap}.notes{color:#7a4a00}\
nav ul{columns:2;padding-left:1.2rem}figure{margin:2.5rem 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}\
figcaption{color:#333;margin-top:.4rem}h2{margin-bottom:.4rem;font-size:1.2rem}";

/// The page of `report`.
pub(crate) fn index_html(report: &Report) -> String {
    let mut h = String::new();
    h.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n", escape(&report.title)));
    h.push_str(&format!("<h1>{}</h1>\n", escape(&report.title)));
    h.push_str(&format!(
        "<p class=\"meta\">Made by chaff {}. Charts are PNG files beside this page.</p>\n",
        escape(env!("CARGO_PKG_VERSION"))
    ));
    h.push_str("<table class=\"headline\">\n");
    for (k, v) in &report.headline {
        h.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", escape(k), escape(v)));
    }
    h.push_str("</table>\n");
    if !report.notes.is_empty() {
        h.push_str("<ul class=\"notes\">\n");
        for n in &report.notes {
            h.push_str(&format!("<li>{}</li>\n", escape(n)));
        }
        h.push_str("</ul>\n");
    }
    if !report.articles.is_empty() {
        h.push_str("<h2 id=\"articles\">Article pages</h2>\n<p>Each article's text with its evidence marked and its paragraphs shaded.</p>\n<ol class=\"articles\">\n");
        for a in &report.articles {
            h.push_str(&format!(
                "<li><a href=\"{}\">{}</a> ({}, probability {})</li>\n",
                escape(&a.href),
                escape(&a.id),
                a.verdict.as_str(),
                a.probability.map(|p| format!("{p:.3}")).unwrap_or_else(|| "n/a".into())
            ));
        }
        h.push_str("</ol>\n");
    }
    let name = |c: &Chart| c.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    h.push_str("<nav><ul>\n");
    for c in &report.charts {
        let f = name(c);
        h.push_str(&format!("<li><a href=\"#{}\">{}</a></li>\n", escape(&f), escape(&c.title)));
    }
    h.push_str("</ul></nav>\n");
    for c in &report.charts {
        let f = name(c);
        h.push_str(&format!(
            "<figure id=\"{f}\">\n<h2>{t}</h2>\n<a href=\"{f}\"><img src=\"{f}\" alt=\"{cap}\"></a>\n<figcaption>{cap} <code>{f}</code></figcaption>\n</figure>\n",
            f = escape(&f),
            t = escape(&c.title),
            cap = escape(&c.caption)
        ));
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// Write `index.html` of `report` (atomically).
pub fn write_index(report: &Report) -> Result<(), Error> {
    crate::output::write_atomic(&report.index, index_html(report).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists_charts_and_escapes() {
        let r = Report {
            dir: "r".into(),
            title: "T <1>".into(),
            headline: vec![("AUC".into(), "0.9 & more".into())],
            notes: vec!["no transfer".into()],
            charts: vec![Chart {
                file: "r/roc.png".into(),
                title: "ROC \"curve\"".into(),
                caption: "a caption".into(),
                labels: vec![],
                values: vec![],
            }],
            index: "r/index.html".into(),
            articles: vec![],
        };
        let h = index_html(&r);
        assert!(h.contains("<title>T &lt;1&gt;</title>"));
        assert!(h.contains("<td>0.9 &amp; more</td>"));
        assert!(h.contains("<img src=\"roc.png\" alt=\"a caption\">"));
        assert!(h.contains("ROC &quot;curve&quot;"));
        assert!(h.contains("<li>no transfer</li>"));
        assert!(!h.contains("http"), "no external assets");
    }
}
