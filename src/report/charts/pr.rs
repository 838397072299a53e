//! The precision-recall curve of an evaluation, with chaff's own operating point (the verdicts
//! at the stored thresholds, `uncertain` counting as not flagged) marked on it.

use std::path::Path;

use plotters::prelude::*;

use super::roc::subtitle;
use super::{class_names, one_class_message, Chart, ChartOptions};
use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::report::kit::backend::render;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::{legend, legend_entry, plot, Axes, Swatch};
use crate::report::kit::style::{self, num3, pct};

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
        let mut c = plot(
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
        legend_entry(&mut c, Swatch::Line(style::BLUE), &curve_label)?;
        legend_entry(&mut c, Swatch::Dashed(style::GREY), &chance_label)?;
        let chance = vec![(0.0, prevalence), (1.0, prevalence)];
        c.draw_series(DashedLineSeries::new(chance, 10, 7, style::GREY.stroke_width(2)))?;
        c.draw_series(LineSeries::new(pts.iter().copied(), style::BLUE.stroke_width(4)))?;
        if let Some(p) = op {
            legend_entry(&mut c, Swatch::Dot(style::VERMILLION), &op_label)?;
            c.draw_series(std::iter::once(Circle::new(p, 9, style::VERMILLION.filled())))?;
            c.draw_series(std::iter::once(Circle::new(p, 9, style::BLACK.stroke_width(2))))?;
        }
        legend(&mut c, SeriesLabelPosition::LowerLeft)
    })?;
    Ok(chart)
}
