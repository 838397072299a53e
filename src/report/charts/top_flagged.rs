//! The articles of a scored batch most likely to be filler, as ranked bars coloured by verdict,
//! each with its strongest reason.

use std::path::Path;

use super::rows::{ranked, strongest_reason};
use super::{verdict_color, Chart, ChartOptions, HEADER};
use crate::error::Error;
use crate::output::ScoreRow;
use crate::report::kit::backend::render;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::Swatch;
use crate::report::kit::style::{self, num3};
use crate::report::kit::table::{self, Bar, BarColumn, Column, Row, Table, TextColumn};

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
