//! ROC and precision-recall curves of an evaluation, with chaff's own operating point (the
//! verdicts at the stored thresholds, `uncertain` counting as not flagged) marked on each.

use std::path::Path;

use plotters::prelude::*;

use super::axes::{axes, Axes};
use super::canvas::{header, no_data, render};
use super::legend::{legend_box, Corner, Swatch};
use super::style::{self, num3, pct};
use super::{Chart, ChartOptions};
use crate::error::Error;
use crate::model::evaluate::EvalReport;

/// Names of the negative and positive classes as the data spells them (`human`, `machine`).
pub(crate) fn class_names(rep: &EvalReport) -> (String, String) {
    let name = |positive: bool, default: &str| {
        let mut labels: Vec<&str> =
            rep.scores.iter().filter(|r| r.positive == positive).map(|r| r.label.as_str()).collect();
        labels.sort_unstable();
        labels.dedup();
        match labels.len() {
            0 => default.to_string(),
            1..=2 => labels.join("/"),
            _ => default.to_string(),
        }
    };
    (name(false, "human"), name(true, "machine"))
}

/// Why a curve cannot be drawn: the class counts.
pub(crate) fn one_class_message(rep: &EvalReport) -> String {
    let (neg, pos) = class_names(rep);
    format!(
        "needs both classes: the evaluation has {} {neg} and {} {pos} texts",
        rep.overall.negatives, rep.overall.positives
    )
}

fn subtitle(rep: &EvalReport, drawable: bool) -> String {
    let (neg, pos) = class_names(rep);
    let kind = if rep.kind == "cross-validation" { "out-of-fold scores" } else { "test-set scores" };
    let dot = if drawable { "; the dot is chaff's verdicts at the stored thresholds" } else { "" };
    format!("{} texts ({} {neg}, {} {pos}), {kind}{dot}", rep.overall.n, rep.overall.negatives, rep.overall.positives)
}

/// ROC curve with the AUC in the legend, the chance diagonal, the target FPR and the operating
/// point of the stored thresholds.
pub fn roc(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let o = &rep.overall;
    let auc = o.roc_auc.filter(|a| a.is_finite());
    let title = match auc {
        Some(a) => format!("ROC curve: AUC {}", num3(a)),
        None => "ROC curve".to_string(),
    };
    let (neg, pos) = class_names(rep);
    let mut chart = Chart::new(
        path,
        &title,
        format!("Share of {pos} texts caught against share of {neg} texts falsely flagged, over every threshold; the dot marks chaff's verdicts."),
    );
    let pts: Vec<(f64, f64)> = rep
        .roc
        .iter()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .map(|&(f, t, _)| (f.clamp(0.0, 1.0), t.clamp(0.0, 1.0)))
        .collect();
    let op = match (o.human_fpr, o.recall) {
        (Some(f), Some(t)) if f.is_finite() && t.is_finite() => Some((f, t)),
        _ => None,
    };
    let curve_label = auc.map(|a| format!("ROC curve, AUC {}", num3(a))).unwrap_or_default();
    let op_label = op.map(|(f, t)| format!("stored thresholds: FPR {}, TPR {}", pct(f), pct(t))).unwrap_or_default();
    let target_label = format!("target FPR {}", pct(rep.target_fpr));
    let drawable = auc.is_some() && pts.len() >= 2;
    if drawable {
        chart.labels = vec![curve_label.clone(), "chance (AUC 0.5)".into(), target_label.clone()];
        chart.values.push(("auc".into(), auc.unwrap_or_default()));
        if let Some((f, t)) = op {
            chart.labels.push(op_label.clone());
            chart.values.push(("fpr".into(), f));
            chart.values.push(("tpr".into(), t));
        }
    } else {
        chart.caption = format!("No ROC curve: {}.", one_class_message(rep));
    }
    let sub = subtitle(rep, drawable);
    let msg = one_class_message(rep);
    let target = rep.target_fpr;
    render(path, (opts.width, opts.height), |root| {
        let body = header(root, &title, &sub)?;
        if !drawable {
            return no_data(&body, &format!("The ROC curve {msg}."));
        }
        let mut c = axes(
            &body,
            &Axes {
                x: 0.0..1.0,
                y: 0.0..1.0,
                x_desc: &format!("False positive rate (share of {neg} texts flagged)"),
                y_desc: &format!("True positive rate (share of {pos} texts caught)"),
                x_pct: true,
                y_pct: true,
            },
        )?;
        c.draw_series(DashedLineSeries::new(vec![(0.0, 0.0), (1.0, 1.0)], 10, 7, style::GREY.stroke_width(2)))?;
        let mut legend = vec![
            (Swatch::Line(style::BLUE), curve_label.clone()),
            (Swatch::Dashed(style::GREY), "chance (AUC 0.5)".to_string()),
        ];
        if (0.0..=1.0).contains(&target) {
            c.draw_series(DashedLineSeries::new(
                vec![(target, 0.0), (target, 1.0)],
                10,
                7,
                style::PURPLE.stroke_width(2),
            ))?;
            legend.push((Swatch::Dashed(style::PURPLE), target_label.clone()));
        }
        c.draw_series(LineSeries::new(pts.iter().copied(), style::BLUE.stroke_width(4)))?;
        if let Some(p) = op {
            c.draw_series(std::iter::once(Circle::new(p, 9, style::VERMILLION.filled())))?;
            c.draw_series(std::iter::once(Circle::new(p, 9, style::BLACK.stroke_width(2))))?;
            legend.push((Swatch::Dot(style::VERMILLION), op_label.clone()));
        }
        legend_box(&body, &c, &legend, Corner::LowerRight)
    })?;
    Ok(chart)
}

/// Precision-recall curve with the average precision in the legend, the chance level (the
/// share of positives) and the operating point of the stored thresholds.
pub fn pr(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let o = &rep.overall;
    let ap = o.pr_auc.filter(|a| a.is_finite());
    let title = match ap {
        Some(a) => format!("Precision-recall curve: PR-AUC {}", num3(a)),
        None => "Precision-recall curve".to_string(),
    };
    let (_, pos) = class_names(rep);
    let mut chart = Chart::new(
        path,
        &title,
        format!("Of the texts flagged, the share that are {pos} (precision) against the share of {pos} texts caught (recall)."),
    );
    let pts: Vec<(f64, f64)> = rep
        .pr
        .iter()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .map(|&(r, p)| (r.clamp(0.0, 1.0), p.clamp(0.0, 1.0)))
        .collect();
    let op = match (o.recall, o.precision) {
        (Some(r), Some(p)) if r.is_finite() && p.is_finite() => Some((r, p)),
        _ => None,
    };
    let prevalence = if o.n > 0 { o.positives as f64 / o.n as f64 } else { 0.0 };
    let curve_label = ap.map(|a| format!("PR curve, PR-AUC (average precision) {}", num3(a))).unwrap_or_default();
    let chance_label = format!("chance: share of {pos} texts, {}", pct(prevalence));
    let op_label =
        op.map(|(r, p)| format!("stored thresholds: recall {}, precision {}", pct(r), pct(p))).unwrap_or_default();
    let drawable = ap.is_some() && o.negatives > 0 && pts.len() >= 2;
    if drawable {
        chart.labels = vec![curve_label.clone(), chance_label.clone()];
        chart.values.push(("pr_auc".into(), ap.unwrap_or_default()));
        chart.values.push(("prevalence".into(), prevalence));
        if let Some((r, p)) = op {
            chart.labels.push(op_label.clone());
            chart.values.push(("recall".into(), r));
            chart.values.push(("precision".into(), p));
        }
    } else {
        chart.caption = format!("No precision-recall curve: {}.", one_class_message(rep));
    }
    let sub = subtitle(rep, drawable);
    let msg = one_class_message(rep);
    render(path, (opts.width, opts.height), |root| {
        let body = header(root, &title, &sub)?;
        if !drawable {
            return no_data(&body, &format!("The precision-recall curve {msg}."));
        }
        let mut c = axes(
            &body,
            &Axes {
                x: 0.0..1.0,
                y: 0.0..1.02,
                x_desc: &format!("Recall (share of {pos} texts caught)"),
                y_desc: &format!("Precision (share of flagged that are {pos})"),
                x_pct: true,
                y_pct: true,
            },
        )?;
        c.draw_series(DashedLineSeries::new(
            vec![(0.0, prevalence), (1.0, prevalence)],
            10,
            7,
            style::GREY.stroke_width(2),
        ))?;
        c.draw_series(LineSeries::new(pts.iter().copied(), style::BLUE.stroke_width(4)))?;
        let mut legend =
            vec![(Swatch::Line(style::BLUE), curve_label.clone()), (Swatch::Dashed(style::GREY), chance_label.clone())];
        if let Some(p) = op {
            c.draw_series(std::iter::once(Circle::new(p, 9, style::VERMILLION.filled())))?;
            c.draw_series(std::iter::once(Circle::new(p, 9, style::BLACK.stroke_width(2))))?;
            legend.push((Swatch::Dot(style::VERMILLION), op_label.clone()));
        }
        legend_box(&body, &c, &legend, Corner::LowerLeft)
    })?;
    Ok(chart)
}
