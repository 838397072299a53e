//! The ROC curve of an evaluation, with chaff's own operating point (the verdicts at the stored
//! thresholds, `uncertain` counting as not flagged) marked on it.

use std::path::Path;

use plotters::prelude::*;

use super::{class_names, one_class_message, Chart, ChartOptions};
use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::report::kit::backend::render;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::{legend, legend_entry, plot, Axes, Swatch};
use crate::report::kit::style::{self, num3, pct};

pub(super) fn subtitle(rep: &EvalReport, drawable: bool) -> String {
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
        let mut c = plot(
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
        legend_entry(&mut c, Swatch::Line(style::BLUE), &curve_label)?;
        legend_entry(&mut c, Swatch::Dashed(style::GREY), "chance (AUC 0.5)")?;
        c.draw_series(DashedLineSeries::new(vec![(0.0, 0.0), (1.0, 1.0)], 10, 7, style::GREY.stroke_width(2)))?;
        if (0.0..=1.0).contains(&target) {
            legend_entry(&mut c, Swatch::Dashed(style::PURPLE), &target_label)?;
            let line = vec![(target, 0.0), (target, 1.0)];
            c.draw_series(DashedLineSeries::new(line, 10, 7, style::PURPLE.stroke_width(2)))?;
        }
        c.draw_series(LineSeries::new(pts.iter().copied(), style::BLUE.stroke_width(4)))?;
        if let Some(p) = op {
            legend_entry(&mut c, Swatch::Dot(style::VERMILLION), &op_label)?;
            c.draw_series(std::iter::once(Circle::new(p, 9, style::VERMILLION.filled())))?;
            c.draw_series(std::iter::once(Circle::new(p, 9, style::BLACK.stroke_width(2))))?;
        }
        legend(&mut c, SeriesLabelPosition::LowerRight)
    })?;
    Ok(chart)
}
