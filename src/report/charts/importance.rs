//! Feature importance: the model inputs with the largest standardised logistic coefficients,
//! signed (towards machine or towards human), as horizontal bars.

use std::path::Path;

use super::{Chart, ChartOptions, HEADER};
use crate::error::Error;
use crate::model::evaluate::{EvalReport, Importance};
use crate::report::kit::backend::render;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::Swatch;
use crate::report::kit::style::{self, signed2};
use crate::report::kit::table::{self, Bar, BarColumn, Column, Row, Table};

/// The top [`ChartOptions::top_features`] standardised coefficients.
pub fn feature_importance(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let mut imp: Vec<&Importance> = rep.feature_importance.iter().filter(|i| i.coefficient.is_finite()).collect();
    imp.sort_by(|a, b| b.coefficient.abs().total_cmp(&a.coefficient.abs()));
    let total = imp.len();
    imp.truncate(opts.top_features);
    let title = format!("Feature importance: top {} of {} model inputs", imp.len(), total);
    let sub = "Standardised logistic coefficients: change in log-odds of filler per standard deviation of the input";
    let mut chart = Chart::new(
        path,
        &title,
        "The inputs that weigh most in the model, signed: right pushes towards machine-written filler, left towards human.",
    );
    chart.labels = imp.iter().map(|i| i.feature.clone()).collect();
    chart.values = imp.iter().map(|i| (i.feature.clone(), i.coefficient)).collect();
    let t = Table {
        rows: imp.iter().map(|i| Row::item(i.feature.clone())).collect(),
        columns: vec![Column::Bars(BarColumn {
            title: "Standardised coefficient".into(),
            axis: "Log-odds of filler per standard deviation".into(),
            range: table::symmetric_range(imp.iter().map(|i| i.coefficient), 0.05),
            percent: false,
            bars: imp
                .iter()
                .map(|i| {
                    Some(Bar {
                        value: i.coefficient,
                        color: if i.coefficient > 0.0 { style::MACHINE } else { style::HUMAN },
                        text: signed2(i.coefficient),
                    })
                })
                .collect(),
            missing: String::new(),
            reference: None,
            weight: 1,
        })],
        legend: vec![
            (Swatch::Box(style::MACHINE), "pushes towards filler (machine)".into()),
            (Swatch::Box(style::HUMAN), "pushes towards human".into()),
        ],
        max_label_share: 0.45,
    };
    let height = table::height_for(t.rows.len(), HEADER, opts.height, true);
    render(path, (opts.width, height), |root| {
        let body = header(root, &title, sub)?;
        if imp.is_empty() {
            return no_data(&body, "The evaluation lists no feature importances.");
        }
        table::draw(&body, &t)
    })?;
    Ok(chart)
}
