//! The histogram of a scored batch: the probability of filler, stacked by verdict, with the
//! model's thresholds.

use std::path::Path;

use plotters::prelude::*;

use super::distribution::{bin_counts, draw_thresholds, thresholds, BINS};
use super::{model_bands, verdict_color, Chart, ChartOptions};
use crate::error::Error;
use crate::model::predict::{Model, Verdict};
use crate::output::ScoreRow;
use crate::report::kit::backend::render;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::{legend, legend_entry, plot, Axes, Swatch};
use crate::report::kit::style::pct;

/// Histogram of the probability of filler, stacked by verdict, with the flagged share in the
/// title and the model's thresholds.
pub fn score_histogram(
    rows: &[ScoreRow],
    model: Option<&Model>,
    path: &Path,
    opts: &ChartOptions,
) -> Result<Chart, Error> {
    let n = rows.len();
    let verdicts = [Verdict::Filler, Verdict::Uncertain, Verdict::Ok];
    let counts: Vec<[u64; BINS]> = verdicts
        .iter()
        .map(|&v| bin_counts(rows.iter().filter(|r| r.verdict == v).filter_map(|r| r.probability.as_ref())))
        .collect();
    let unscored = rows.iter().filter(|r| r.probability.is_none()).count();
    let totals: Vec<usize> = verdicts.iter().map(|&v| rows.iter().filter(|r| r.verdict == v).count()).collect();
    let share = if n > 0 { totals[0] as f64 / n as f64 } else { 0.0 };
    let title = if n > 0 {
        format!("Scores of {n} articles: {} flagged as filler", pct(share))
    } else {
        "Scores of the batch".to_string()
    };
    let mut sub = format!(
        "filler {}, ok {}, uncertain {}; bars stacked by verdict, {} bins of {}",
        totals[0],
        totals[2],
        totals[1],
        BINS,
        1.0 / BINS as f64
    );
    if unscored > 0 {
        sub.push_str(&format!("; {unscored} without words, so without a probability, not drawn"));
    }
    let bands = model_bands(model);
    let (ts, t_label, _) = thresholds(&bands);
    let labels: Vec<String> = verdicts.iter().zip(&totals).map(|(v, t)| format!("{} ({t})", v.as_str())).collect();
    let mut chart = Chart::new(
        path,
        &title,
        format!("How the probability of filler is spread over the batch: {} of {n} articles flagged.", totals[0]),
    );
    chart.labels = labels.clone();
    if !t_label.is_empty() {
        chart.labels.push(t_label);
    }
    chart.values = vec![
        ("unscored".into(), unscored as f64),
        ("filler".into(), totals[0] as f64),
        ("uncertain".into(), totals[1] as f64),
        ("ok".into(), totals[2] as f64),
        ("flagged_share".into(), share),
    ];
    chart.values.extend(ts.iter().map(|&t| ("threshold".to_string(), t)));
    let stacked_max = (0..BINS).map(|b| counts.iter().map(|c| c[b]).sum::<u64>()).max().unwrap_or(0);
    render(path, (opts.width, opts.height), |root| {
        let body = header(root, &title, &sub)?;
        if n == 0 {
            return no_data(&body, "The batch has no scored articles.");
        }
        let top = ((stacked_max as f64 * 1.3).ceil()).max(5.0);
        let mut c = plot(
            &body,
            &Axes {
                x: 0.0..1.0,
                y: 0.0..top,
                x_desc: "Probability of filler (calibrated, 0 to 1)",
                y_desc: "Articles",
                x_pct: false,
                y_pct: false,
            },
        )?;
        draw_thresholds(&mut c, &bands, top)?;
        let w = 1.0 / BINS as f64;
        let mut below = [0u64; BINS];
        for ((v, cnt), label) in verdicts.iter().zip(&counts).zip(&labels) {
            let color = verdict_color(*v);
            let bars: Vec<_> = (0..BINS)
                .filter(|&b| cnt[b] > 0)
                .map(|b| {
                    let (y0, y1) = (below[b] as f64, (below[b] + cnt[b]) as f64);
                    Rectangle::new([(b as f64 * w + 0.003, y0), ((b + 1) as f64 * w - 0.003, y1)], color.filled())
                })
                .collect();
            c.draw_series(bars)?;
            legend_entry(&mut c, Swatch::Box(color), label)?;
            for b in 0..BINS {
                below[b] += cnt[b];
            }
        }
        legend(&mut c, SeriesLabelPosition::UpperMiddle)
    })?;
    Ok(chart)
}
