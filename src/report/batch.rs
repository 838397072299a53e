//! Charts of a scored batch: the distribution of scores by verdict, and the most likely filler
//! articles with their strongest reason.

use std::path::Path;

use plotters::prelude::*;

use super::axes::{axes, Axes};
use super::canvas::{header, no_data, render};
use super::distribution::{bin_counts, draw_thresholds, thresholds, BINS};
use super::importance::HEADER;
use super::legend::{legend_box, Corner, Swatch};
use super::rows::{ranked, strongest_reason};
use super::style::{self, num3, pct};
use super::table::{self, Bar, BarColumn, Column, Row, Table, TextColumn};
use super::{Chart, ChartOptions};
use crate::error::Error;
use crate::model::predict::{Model, Verdict};
use crate::model::threshold::band_label;
use crate::output::ScoreRow;

/// The colour of a verdict.
pub(crate) fn verdict_color(v: Verdict) -> RGBColor {
    match v {
        Verdict::Filler => style::MACHINE,
        Verdict::Ok => style::OK,
        Verdict::Uncertain => style::UNCERTAIN,
    }
}

/// The model's thresholds as (band, threshold, uncertain_from).
pub(crate) fn model_bands(model: Option<&Model>) -> Vec<(String, f64, f64)> {
    model
        .map(|m| {
            m.file
                .threshold
                .bands
                .iter()
                .map(|b| (band_label(b.min_words, b.max_words), b.threshold, b.uncertain_from))
                .collect()
        })
        .unwrap_or_default()
}

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
        let mut c = axes(
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
        let mut legend = draw_thresholds(&c, &bands, top)?;
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
            legend.push((Swatch::Box(color), label.clone()));
            for b in 0..BINS {
                below[b] += cnt[b];
            }
        }
        legend_box(&body, &c, &legend, Corner::UpperMiddle)
    })?;
    Ok(chart)
}

/// The [`ChartOptions::top_articles`] articles with the highest probability of filler, as
/// ranked bars coloured by verdict, with each one's strongest reason.
pub fn top_flagged(rows: &[ScoreRow], path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let ranked = ranked(rows);
    let shown: Vec<&ScoreRow> = ranked.into_iter().take(opts.top_articles).collect();
    let title = format!("Most likely filler: top {} of {} articles", shown.len(), rows.len());
    let sub = "Ranked by probability of filler; bar colour is the verdict, right: the strongest reason";
    let mut chart = Chart::new(
        path,
        &title,
        "The articles most likely to be filler, each with the feature that pushed its score most.",
    );
    let reasons: Vec<String> = shown.iter().map(|r| strongest_reason(r)).collect();
    chart.labels = shown.iter().map(|r| r.id.clone()).chain(reasons.iter().cloned()).collect();
    chart.values = shown.iter().filter_map(|r| Some((r.id.clone(), r.probability?))).collect();
    let t = Table {
        rows: shown
            .iter()
            .enumerate()
            .map(|(i, r)| Row::item(r.id.clone()).with_prefix(format!("{}.", i + 1)))
            .collect(),
        columns: vec![
            Column::Bars(BarColumn {
                title: "Probability of filler".into(),
                axis: "Probability (0 to 1)".into(),
                range: (0.0, 1.0),
                percent: false,
                bars: shown
                    .iter()
                    .map(|r| {
                        let p = r.probability?;
                        Some(Bar { value: p, color: verdict_color(r.verdict), text: num3(p) })
                    })
                    .collect(),
                missing: "no probability (no words)".into(),
                reference: None,
                weight: 4,
            }),
            Column::Text(TextColumn { title: "Strongest reason".into(), texts: reasons, weight: 5 }),
        ],
        legend: vec![
            (Swatch::Box(style::MACHINE), "filler".into()),
            (Swatch::Box(style::UNCERTAIN), "uncertain".into()),
            (Swatch::Box(style::OK), "ok".into()),
        ],
        max_label_share: 0.3,
    };
    let height = table::height_for(t.rows.len(), HEADER, opts.height, true);
    render(path, (opts.width, height), |root| {
        let body = header(root, &title, sub)?;
        if shown.is_empty() {
            return no_data(&body, "The batch has no scored articles.");
        }
        table::draw(&body, &t)
    })?;
    Ok(chart)
}
