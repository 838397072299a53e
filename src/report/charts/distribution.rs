//! Score distributions: overlaid histograms of the probability of filler for human and
//! machine texts of an evaluation, with the stored threshold(s) and uncertainty band(s).

use std::path::Path;

use plotters::prelude::*;

use super::{class_names, Chart, ChartOptions};
use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::report::kit::backend::{render, Plot};
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::{legend, legend_entry, plot, Axes, Swatch};
use crate::report::kit::style::{self, num3};

/// `color` blended with white at `alpha`, as an opaque colour (for legend swatches of
/// translucent fills).
pub(crate) fn mixed(color: RGBColor, alpha: f64) -> RGBColor {
    let m = |c: u8| (255.0 - (255.0 - c as f64) * alpha).round() as u8;
    RGBColor(m(color.0), m(color.1), m(color.2))
}

/// Histogram bins over 0..1.
pub(crate) const BINS: usize = 20;

/// Counts of `probs` in [`BINS`] equal bins over 0..1 (non-finite values are skipped).
pub(crate) fn bin_counts<'a>(probs: impl IntoIterator<Item = &'a f64>) -> [u64; BINS] {
    let mut c = [0u64; BINS];
    for &p in probs {
        if p.is_finite() {
            c[((p.clamp(0.0, 1.0) * BINS as f64) as usize).min(BINS - 1)] += 1;
        }
    }
    c
}

/// The distinct thresholds of the length bands, the legend text naming them, and the
/// uncertainty bands `(from, threshold)` that are not empty.
pub(crate) fn thresholds(bands: &[(String, f64, f64)]) -> (Vec<f64>, String, Vec<(f64, f64)>) {
    let mut ts: Vec<f64> = bands.iter().map(|b| b.1).filter(|t| t.is_finite()).collect();
    ts.sort_by(f64::total_cmp);
    ts.dedup_by(|a, b| (*a - *b).abs() < 5e-4);
    let label = match ts.as_slice() {
        [] => String::new(),
        [t] => format!("threshold {}", num3(*t)),
        [lo, .., hi] => format!("thresholds by length band, {} to {}", num3(*lo), num3(*hi)),
    };
    let unc = bands
        .iter()
        .filter(|b| b.2.is_finite() && b.1.is_finite() && b.1 - b.2 > 1e-3)
        .map(|b| (b.2.clamp(0.0, 1.0), b.1.clamp(0.0, 1.0)))
        .collect();
    (ts, label, unc)
}

/// Draw the uncertainty bands and threshold lines on a histogram of height `top`, with their
/// legend entries.
pub(crate) fn draw_thresholds<'a, 'b: 'a>(
    c: &mut Plot<'a, 'b>,
    bands: &[(String, f64, f64)],
    top: f64,
) -> Result<(), Box<dyn std::error::Error>> {
    let (ts, label, unc) = thresholds(bands);
    if !unc.is_empty() {
        legend_entry(c, Swatch::Box(style::LIGHT_GREY), "uncertainty band (verdict uncertain)")?;
    }
    c.draw_series(unc.iter().map(|&(a, b)| Rectangle::new([(a, 0.0), (b, top)], style::LIGHT_GREY.filled())))?;
    legend_entry(c, Swatch::Dashed(style::BLACK), &label)?;
    for &t in &ts {
        c.draw_series(DashedLineSeries::new(vec![(t, top), (t, 0.0)], 10, 7, style::BLACK.stroke_width(3)))?;
    }
    Ok(())
}

/// The outline of a histogram of shares over 0..1: one step line per run of non-empty bins,
/// so that no line runs along the axis where a class has no texts.
pub(crate) fn outline(shares: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let w = 1.0 / shares.len().max(1) as f64;
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, &s) in shares.iter().enumerate() {
        let (x0, x1) = (i as f64 * w, (i + 1) as f64 * w);
        if s > 0.0 {
            if run.is_empty() {
                run.push((x0, 0.0));
            }
            run.push((x0, s));
            run.push((x1, s));
        } else if !run.is_empty() {
            run.push((x0, 0.0));
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        run.push((1.0, 0.0));
        runs.push(run);
    }
    runs
}

/// Counts per probability bin of the negative and positive texts: the evaluation's stored
/// histogram (always in the JSON), else binned from its scored rows.
fn class_histograms(rep: &EvalReport) -> (Vec<u64>, Vec<u64>) {
    let h = &rep.score_histogram;
    if h.bins > 0 && h.negative.len() == h.bins && h.positive.len() == h.bins {
        return (h.negative.clone(), h.positive.clone());
    }
    let of = |positive: bool| {
        bin_counts(rep.scores.iter().filter(|r| r.positive == positive).map(|r| &r.probability)).to_vec()
    };
    (of(false), of(true))
}

/// Overlaid histograms of the probability of filler, human against machine texts, each as a
/// share of its class, with the stored thresholds.
pub fn score_distribution(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let (neg, pos) = class_names(rep);
    let (neg_counts, pos_counts) = class_histograms(rep);
    let bins = neg_counts.len();
    let (n_neg, n_pos) = (neg_counts.iter().sum::<u64>(), pos_counts.iter().sum::<u64>());
    let share =
        |c: &[u64], n: u64| -> Vec<f64> { c.iter().map(|&k| if n > 0 { k as f64 / n as f64 } else { 0.0 }).collect() };
    let hs = share(&neg_counts, n_neg);
    let ms = share(&pos_counts, n_pos);
    let title = format!("Scores of {neg} and {pos} texts");
    let sub = format!(
        "{} texts; each histogram is a share of its own class, {} bins of {}",
        n_neg + n_pos,
        bins,
        1.0 / bins.max(1) as f64
    );
    let (ts, t_label, _) = thresholds(&rep.thresholds);
    let h_label = format!("{neg} texts (n={n_neg})");
    let m_label = format!("{pos} texts (n={n_pos})");
    let mut chart = Chart::new(
        path,
        &title,
        format!("How the probability of filler is spread for {neg} and {pos} texts; the dashed line is the flagging threshold."),
    );
    chart.labels = vec![h_label.clone(), m_label.clone()];
    if !t_label.is_empty() {
        chart.labels.push(t_label);
    }
    chart.values = ts.iter().map(|&t| ("threshold".to_string(), t)).collect();
    chart.values.push(("human".into(), n_neg as f64));
    chart.values.push(("machine".into(), n_pos as f64));
    let top = hs.iter().chain(ms.iter()).fold(0.0f64, |a, &b| a.max(b)) * 1.18;
    render(path, (opts.width, opts.height), |root| {
        let body = header(root, &title, &sub)?;
        if n_neg + n_pos == 0 {
            return no_data(&body, "The evaluation has no scored texts.");
        }
        let top = top.max(0.05);
        let mut c = plot(
            &body,
            &Axes {
                x: 0.0..1.0,
                y: 0.0..top,
                x_desc: "Probability of filler (calibrated, 0 to 1)",
                y_desc: "Share of the class's texts (%)",
                x_pct: false,
                y_pct: true,
            },
        )?;
        draw_thresholds(&mut c, &rep.thresholds, top)?;
        let w = 1.0 / bins as f64;
        for (shares, color, label, n) in [(&hs, style::HUMAN, &h_label, n_neg), (&ms, style::MACHINE, &m_label, n_pos)]
        {
            if n == 0 {
                continue;
            }
            let fill = color.mix(0.42);
            c.draw_series(
                shares
                    .iter()
                    .enumerate()
                    .filter(|(_, &s)| s > 0.0)
                    .map(|(i, &s)| Rectangle::new([(i as f64 * w, 0.0), ((i + 1) as f64 * w, s)], fill.filled())),
            )?;
            legend_entry(&mut c, Swatch::Box(mixed(color, 0.55)), label)?;
            // A solid outline of the bars so that overlapping classes stay readable.
            for run in outline(shares) {
                c.draw_series(LineSeries::new(run, color.stroke_width(3)))?;
            }
        }
        legend(&mut c, SeriesLabelPosition::UpperMiddle)
    })?;
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_and_threshold_labels() {
        let c = bin_counts(&[0.0, 0.04, 0.05, 1.0, f64::NAN, 0.999]);
        assert_eq!((c[0], c[1], c[BINS - 1]), (2, 1, 2));
        let one = vec![("<100".to_string(), 0.3, 0.3), ("100-200".to_string(), 0.3002, 0.25)];
        let (ts, label, unc) = thresholds(&one);
        assert_eq!(ts, vec![0.3]);
        assert_eq!(label, "threshold 0.300");
        assert_eq!(unc, vec![(0.25, 0.3002)]);
        let runs = outline(&[0.0, 0.5, 0.5, 0.0]);
        assert_eq!(runs, vec![vec![(0.25, 0.0), (0.25, 0.5), (0.5, 0.5), (0.5, 0.5), (0.75, 0.5), (0.75, 0.0)]]);
        assert!(outline(&[0.0; 4]).is_empty());
        let two = vec![("<100".to_string(), 0.27, 0.27), ("100-200".to_string(), 0.4, 0.4)];
        assert_eq!(thresholds(&two).1, "thresholds by length band, 0.270 to 0.400");
    }
}
