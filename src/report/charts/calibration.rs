//! Reliability diagram: in each probability bin, the share of texts that really are machine
//! against the mean predicted probability, with the diagonal of perfect calibration and the
//! expected calibration error (ECE) in the legend; below, how many texts each bin holds.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{class_names, Chart, ChartOptions};
use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::report::kit::backend::{render, text_style};
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::{legend, legend_entry, plot, Axes, Swatch};
use crate::report::kit::style::{self, num3};

/// The reliability diagram of an evaluation.
pub fn calibration(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let (_, pos) = class_names(rep);
    let bins: Vec<_> = rep
        .calibration
        .iter()
        .filter(|b| {
            b.mean_predicted.is_finite() && b.fraction_positive.is_finite() && b.lo.is_finite() && b.hi.is_finite()
        })
        .collect();
    let ece = rep.overall.ece.filter(|e| e.is_finite());
    let title = match ece {
        Some(e) => format!("Calibration: ECE {}", num3(e)),
        None => "Calibration".to_string(),
    };
    let sub = format!(
        "{} texts in {} bins of predicted probability; on the diagonal, a score of 0.8 means 80% are {pos}",
        rep.scores.len().max(rep.overall.n as usize),
        bins.len()
    );
    let curve_label = format!("chaff, ECE {}", ece.map(num3).unwrap_or_else(|| "n/a".into()));
    let mut chart = Chart::new(
        path,
        &title,
        format!("Whether the probability of filler can be read as a probability: observed share of {pos} texts per bin against the predicted share."),
    );
    chart.labels = vec![curve_label.clone(), "perfect calibration".into()];
    if let Some(e) = ece {
        chart.values.push(("ece".into(), e));
    }
    chart.values.extend(bins.iter().map(|b| (format!("bin {:.1}", b.lo), b.fraction_positive)));
    let max_count = bins.iter().map(|b| b.count).max().unwrap_or(0);
    render(path, (opts.width, opts.height), |root| {
        let body = header(root, &title, &sub)?;
        if bins.is_empty() {
            return no_data(&body, "The evaluation has no scored texts to bin.");
        }
        let (_, h) = body.dim_in_pixel();
        let (upper, lower) = body.split_vertically((h as f64 * 0.70) as i32);
        let mut c = plot(
            &upper,
            &Axes {
                x: 0.0..1.0,
                y: 0.0..1.0,
                x_desc: "Mean predicted probability of filler in the bin",
                y_desc: &format!("Observed share of {pos} texts"),
                x_pct: false,
                y_pct: true,
            },
        )?;
        legend_entry(&mut c, Swatch::Line(style::BLUE), &curve_label)?;
        legend_entry(&mut c, Swatch::Dashed(style::GREY), "perfect calibration")?;
        c.draw_series(DashedLineSeries::new(vec![(0.0, 0.0), (1.0, 1.0)], 10, 7, style::GREY.stroke_width(2)))?;
        let pts: Vec<(f64, f64)> =
            bins.iter().map(|b| (b.mean_predicted.clamp(0.0, 1.0), b.fraction_positive.clamp(0.0, 1.0))).collect();
        c.draw_series(LineSeries::new(pts.iter().copied(), style::BLUE.stroke_width(3)))?;
        c.draw_series(pts.iter().map(|&p| Circle::new(p, 7, style::BLUE.filled())))?;
        legend(&mut c, SeriesLabelPosition::UpperLeft)?;

        let top = (max_count as f64 * 1.3).max(1.0);
        let mut b = plot(
            &lower,
            &Axes {
                x: 0.0..1.0,
                y: 0.0..top,
                x_desc: "Predicted probability of filler (bin)",
                y_desc: "Texts",
                x_pct: false,
                y_pct: false,
            },
        )?;
        b.draw_series(bins.iter().map(|bin| {
            Rectangle::new([(bin.lo + 0.006, 0.0), (bin.hi - 0.006, bin.count as f64)], style::SKY_BLUE.filled())
        }))?;
        // Each bin's count just above its bar.
        let st = text_style(&style::text(style::NOTE, style::BLACK), (HPos::Center, VPos::Bottom));
        b.draw_series(bins.iter().map(|bin| {
            EmptyElement::at(((bin.lo + bin.hi) / 2.0, bin.count as f64))
                + Text::new(bin.count.to_string(), (0, -4), st.clone())
        }))?;
        Ok(())
    })?;
    Ok(chart)
}
