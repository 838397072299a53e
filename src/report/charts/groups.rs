//! Per-group bars: ROC-AUC, human false-positive rate and TPR for each subgroup of an
//! evaluation (language, length band, source, and every `--by` column), and for each source
//! corpus held out in leave-one-source-out transfer.

use std::path::Path;

use super::{Chart, ChartOptions, HEADER};
use crate::error::Error;
use crate::model::evaluate::{EvalReport, GroupMetrics, Metrics};
use crate::model::threshold::{band_label, LENGTH_BANDS};
use crate::report::kit::backend::render;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::Swatch;
use crate::report::kit::style::{self, num3, pct};
use crate::report::kit::table::{self, Bar, BarColumn, Column, Row, RowKind, Table};

/// The three numbers drawn for a group.
#[derive(Debug, Clone, Copy, Default)]
struct Triple {
    auc: Option<f64>,
    fpr: Option<f64>,
    tpr: Option<f64>,
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite())
}

/// A table of AUC, human FPR and TPR columns for `rows` (headers carry no numbers).
fn metric_table(rows: Vec<(Row, Triple)>, target: f64, chart: &mut Chart) -> Table {
    let fpr_max = rows.iter().filter_map(|(_, t)| t.fpr).fold(target * 2.0, f64::max).clamp(0.02, 1.0);
    let fpr_hi = (fpr_max * 1.25).min(1.0);
    let mut auc = Vec::new();
    let mut fpr = Vec::new();
    let mut tpr = Vec::new();
    for (row, t) in &rows {
        if row.kind == RowKind::Header {
            auc.push(None);
            fpr.push(None);
            tpr.push(None);
            continue;
        }
        let name = row.full();
        if let Some(v) = t.auc {
            chart.values.push((format!("{name} auc"), v));
        }
        if let Some(v) = t.fpr {
            chart.values.push((format!("{name} human_fpr"), v));
        }
        if let Some(v) = t.tpr {
            chart.values.push((format!("{name} tpr"), v));
        }
        auc.push(t.auc.map(|v| Bar { value: v, color: style::BLUE, text: num3(v) }));
        fpr.push(t.fpr.map(|v| Bar {
            value: v,
            color: if v > target + 1e-12 { style::VERMILLION } else { style::GREEN },
            text: pct(v),
        }));
        tpr.push(t.tpr.map(|v| Bar { value: v, color: style::ORANGE, text: pct(v) }));
    }
    chart.labels.extend(rows.iter().map(|(r, _)| r.full()));
    Table {
        rows: rows.into_iter().map(|(r, _)| r).collect(),
        columns: vec![
            Column::Bars(BarColumn {
                title: "ROC-AUC".into(),
                axis: "ROC-AUC".into(),
                range: (0.0, 1.0),
                percent: false,
                bars: auc,
                missing: "n/a (one class)".into(),
                reference: Some(0.5),
                weight: 1,
            }),
            Column::Bars(BarColumn {
                title: "Human FPR".into(),
                axis: "Humans flagged".into(),
                range: (0.0, fpr_hi),
                percent: true,
                bars: fpr,
                missing: "no human texts".into(),
                reference: Some(target),
                weight: 1,
            }),
            Column::Bars(BarColumn {
                title: "TPR".into(),
                axis: "Machine texts caught".into(),
                range: (0.0, 1.0),
                percent: true,
                bars: tpr,
                missing: "no machine texts".into(),
                reference: None,
                weight: 1,
            }),
        ],
        legend: vec![
            (Swatch::Box(style::BLUE), "ROC-AUC".into()),
            (Swatch::Box(style::GREEN), "human FPR at or under target".into()),
            (Swatch::Box(style::VERMILLION), "human FPR above target".into()),
            (Swatch::Box(style::ORANGE), "TPR".into()),
        ],
        max_label_share: 0.34,
    }
}

fn triple(m: &Metrics) -> Triple {
    Triple { auc: finite(m.roc_auc), fpr: finite(m.human_fpr), tpr: finite(m.recall) }
}

/// How a breakdown column is titled.
fn column_title(c: &str) -> String {
    match c {
        "lang" => "Language".into(),
        "length_band" => "Length band (words)".into(),
        "source" => "Source corpus".into(),
        other => {
            let mut s = other.replace('_', " ");
            if let Some(f) = s.get(0..1) {
                s.replace_range(0..1, &f.to_uppercase());
            }
            s
        }
    }
}

/// The bars of one group: a group holding only machine texts (a generator) is compared with
/// the human texts of its source corpora for the AUC; it has no human FPR of its own.
fn group_row(g: &GroupMetrics) -> (Row, Triple) {
    let m = &g.metrics;
    let value = if g.value.is_empty() { "(none)" } else { g.value.as_str() };
    let row = Row::item(value).with_suffix(format!("(n={})", m.n));
    match &g.versus_human {
        Some(v) => (row, Triple { auc: finite(v.roc_auc), fpr: None, tpr: finite(m.recall) }),
        None => (row, triple(m)),
    }
}

/// The most groups shown per column so that at most `max` are shown in all (never fewer than
/// three per column): the largest limit whose total fits.
fn per_column_limit(sizes: &[usize], max: usize) -> usize {
    let largest = sizes.iter().copied().max().unwrap_or(0);
    (3..=largest.max(3)).rev().find(|&l| sizes.iter().map(|&s| s.min(l)).sum::<usize>() <= max).unwrap_or(3)
}

/// AUC, human FPR and TPR of every subgroup in the evaluation's breakdowns.
pub fn subgroups(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let mut columns: Vec<&str> = Vec::new();
    for g in &rep.by {
        if !columns.contains(&g.column.as_str()) {
            columns.push(&g.column);
        }
    }
    let sizes: Vec<usize> = columns.iter().map(|c| rep.by.iter().filter(|g| g.column == *c).count()).collect();
    let per_column = per_column_limit(&sizes, opts.max_groups);
    let mut rows = Vec::new();
    let mut omitted = 0usize;
    for col in &columns {
        let mut groups: Vec<&GroupMetrics> = rep.by.iter().filter(|g| g.column == *col).collect();
        if *col == "length_band" {
            let order: Vec<String> = LENGTH_BANDS.iter().map(|&(lo, hi)| band_label(lo, hi)).collect();
            groups.sort_by_key(|g| order.iter().position(|b| *b == g.value).unwrap_or(usize::MAX));
        }
        if groups.len() > per_column {
            // Keep the largest groups, in their original order.
            let mut idx: Vec<usize> = (0..groups.len()).collect();
            idx.sort_by(|&a, &b| groups[b].metrics.n.cmp(&groups[a].metrics.n));
            idx.truncate(per_column);
            idx.sort_unstable();
            omitted += groups.len() - per_column;
            groups = idx.into_iter().map(|i| groups[i]).collect();
        }
        rows.push((Row::header(column_title(col)), Triple::default()));
        rows.extend(groups.into_iter().map(group_row));
    }
    let title = "Results by subgroup".to_string();
    let mut sub = format!(
        "At the stored thresholds; dashed lines: chance (AUC 0.5) and the target human FPR ({})",
        pct(rep.target_fpr)
    );
    if omitted > 0 {
        sub.push_str(&format!(" ({omitted} smaller group{} not shown)", if omitted == 1 { "" } else { "s" }));
    }
    let mut chart = Chart::new(
        path,
        &title,
        "Where the detector works and where it falsely accuses: each language, length band, source and --by group. A group of machine texts only (a generator) is scored against the human texts of its source corpora.",
    );
    let t = metric_table(rows, rep.target_fpr, &mut chart);
    let height = table::height_for(t.rows.len(), HEADER, opts.height, true);
    render(path, (opts.width, height), |root| {
        let body = header(root, &title, &sub)?;
        if rep.by.is_empty() {
            return no_data(&body, "The evaluation has no subgroup breakdowns.");
        }
        table::draw(&body, &t)
    })?;
    Ok(chart)
}

/// Leave-one-source-out transfer: for each source corpus held out, AUC, human FPR and TPR of
/// a model trained on the others.
pub fn transfer(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let title = "Transfer: each source corpus held out in turn".to_string();
    let sub = format!(
        "Trained on the others (own calibration and thresholds); dashed: chance and target human FPR ({})",
        pct(rep.target_fpr)
    );
    let mut chart = Chart::new(
        path,
        &title,
        "How well the detector carries over to a corpus it never saw: ROC-AUC, human FPR and TPR per held-out source.",
    );
    let rows: Vec<(Row, Triple)> = rep
        .transfer
        .iter()
        .map(|t| (Row::item(t.source.clone()).with_suffix(format!("(n={})", t.metrics.n)), triple(&t.metrics)))
        .collect();
    let t = metric_table(rows, rep.target_fpr, &mut chart);
    let height = table::height_for(t.rows.len(), HEADER, opts.height, true);
    render(path, (opts.width, height), |root| {
        let body = header(root, &title, &sub)?;
        if rep.transfer.is_empty() {
            return no_data(
                &body,
                "No leave-one-source-out results: the evaluation had one source corpus or --no-loso.",
            );
        }
        table::draw(&body, &t)
    })?;
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_limits() {
        assert_eq!(per_column_limit(&[3, 4, 2, 5], 60), 5, "everything fits");
        assert_eq!(per_column_limit(&[3, 4, 2, 60, 3], 60), 48);
        assert_eq!(per_column_limit(&[50, 50], 60), 30);
        assert_eq!(per_column_limit(&[100; 30], 60), 3, "never under three");
        assert_eq!(per_column_limit(&[], 60), 3);
    }

    #[test]
    fn column_titles() {
        assert_eq!(column_title("lang"), "Language");
        assert_eq!(column_title("generator"), "Generator");
        assert_eq!(column_title("text_kind"), "Text kind");
        assert_eq!(column_title(""), "");
    }
}
