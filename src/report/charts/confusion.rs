//! The confusion matrix of chaff's verdicts as an annotated 2x2 heat map: actual class down the
//! side, flagged or not across the top, each cell shaded by its share of the actual class.
//! `uncertain` verdicts count as not flagged, and the cells say how many of them they hold.
//!
//! Laid out by hand: four annotated cells with row and column names are a grid of boxes and
//! texts, not a plot; plotters' axes and legends have nothing to add.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{class_names, Chart, ChartOptions};
use crate::error::Error;
use crate::model::evaluate::EvalReport;
use crate::model::predict::Verdict;
use crate::report::kit::backend::{draw_text, render};
use crate::report::kit::fit::fit_end;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::style::{self, opt_pct, pct};

/// The shade of a cell holding `share` of its row: white to Okabe-Ito blue.
fn shade(share: f64) -> RGBColor {
    let s = share.clamp(0.0, 1.0) * 0.9 + 0.04;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * s).round() as u8;
    RGBColor(mix(0xF7, 0x00), mix(0xFB, 0x5A), mix(0xFF, 0x9C))
}

/// The annotated confusion matrix of the overall verdicts.
pub fn confusion(rep: &EvalReport, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let o = &rep.overall;
    let c = o.confusion;
    let (neg, pos) = class_names(rep);
    let unc = |positive: bool| {
        rep.scores.iter().filter(|r| r.positive == positive && r.verdict == Verdict::Uncertain).count() as u64
    };
    let (unc_neg, unc_pos) = (unc(false), unc(true));
    let title = format!("Confusion matrix of chaff's verdicts ({} texts)", o.n);
    let sub = format!(
        "Cells shaded by share of the actual class; uncertain verdicts ({} in all) count as not flagged",
        o.uncertain
    );
    let note = format!(
        "Human FPR {}, TPR {}, precision {}, coverage {} (share with a definite verdict).",
        opt_pct(o.human_fpr),
        opt_pct(o.recall),
        opt_pct(o.precision),
        pct(o.coverage)
    );
    let mut chart = Chart::new(
        path,
        &title,
        format!("Counts of {neg} and {pos} texts flagged or not at the stored thresholds; {note}"),
    );
    chart.values = vec![
        ("tp".into(), c.tp as f64),
        ("fp".into(), c.fp as f64),
        ("tn".into(), c.tn as f64),
        ("fn".into(), c.fn_ as f64),
        ("uncertain".into(), o.uncertain as f64),
    ];
    // (row, column, count, uncertain inside, name of the cell)
    let cells = [
        (0usize, 0usize, c.tn, unc_neg, "correctly not flagged"),
        (0, 1, c.fp, 0, "false accusations"),
        (1, 0, c.fn_, unc_pos, "missed"),
        (1, 1, c.tp, 0, "caught"),
    ];
    let row_totals = [c.tn + c.fp, c.fn_ + c.tp];
    let row_names = [format!("{neg} (n={})", row_totals[0]), format!("{pos} (n={})", row_totals[1])];
    let col_names = ["not flagged (ok or uncertain)".to_string(), "flagged as filler".to_string()];
    chart.labels = row_names.iter().chain(col_names.iter()).cloned().collect();
    chart.labels.extend(cells.iter().map(|&(_, _, n, _, _)| n.to_string()));
    chart.labels.push(note.clone());
    render(path, (opts.width, opts.height), |root| {
        let body = header(root, &title, &sub)?;
        if o.n == 0 {
            return no_data(&body, "The evaluation has no scored texts.");
        }
        let (w, h) = body.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let (left, top, bottom) = (300, 96, 80);
        let cell_w = ((w - left - 60) / 2).min(400);
        let cell_h = (h - top - bottom) / 2;
        let x0 = left + ((w - left - 60) - 2 * cell_w) / 2;
        let axis = style::bold(style::AXIS, style::BLACK);
        let label = style::text(style::LABEL, style::BLACK);
        draw_text(&body, "Verdict", (x0 + cell_w, 18), &axis, HPos::Center, VPos::Center)?;
        for (j, name) in col_names.iter().enumerate() {
            let s = fit_end(name, cell_w - 12, &label);
            draw_text(&body, &s, (x0 + j as i32 * cell_w + cell_w / 2, top - 28), &label, HPos::Center, VPos::Center)?;
        }
        draw_text(&body, "Actual class", (x0 - 16, top - 28), &axis, HPos::Right, VPos::Center)?;
        for (i, name) in row_names.iter().enumerate() {
            let s = fit_end(name, x0 - 130, &label);
            draw_text(&body, &s, (x0 - 16, top + i as i32 * cell_h + cell_h / 2), &label, HPos::Right, VPos::Center)?;
        }
        for &(i, j, n, inside, name) in &cells {
            let total = row_totals[i];
            let share = if total > 0 { n as f64 / total as f64 } else { 0.0 };
            let (cx, cy) = (x0 + j as i32 * cell_w, top + i as i32 * cell_h);
            body.draw(&Rectangle::new([(cx, cy), (cx + cell_w, cy + cell_h)], shade(share).filled()))?;
            body.draw(&Rectangle::new([(cx, cy), (cx + cell_w, cy + cell_h)], style::WHITE.stroke_width(3)))?;
            let ink = if share > 0.45 { style::WHITE } else { style::BLACK };
            let mid = (cx + cell_w / 2, cy + cell_h / 2);
            draw_text(&body, name, (cx + 12, cy + 20), &style::text(style::NOTE, ink), HPos::Left, VPos::Center)?;
            draw_text(&body, &n.to_string(), (mid.0, mid.1 - 22), &style::bold(46.0, ink), HPos::Center, VPos::Center)?;
            let of = if total > 0 {
                format!("{} of {}", pct(share), if i == 0 { &neg } else { &pos })
            } else {
                "no texts".into()
            };
            draw_text(&body, &of, (mid.0, mid.1 + 24), &style::text(style::LABEL, ink), HPos::Center, VPos::Center)?;
            if j == 0 && inside > 0 {
                let s = format!("incl. {inside} uncertain");
                draw_text(&body, &s, (mid.0, mid.1 + 52), &style::text(style::NOTE, ink), HPos::Center, VPos::Center)?;
            }
        }
        let st = style::text(style::LABEL, style::DARK_GREY);
        let s = fit_end(&note, w - 40, &st);
        draw_text(&body, &s, (w / 2, h - bottom / 2), &st, HPos::Center, VPos::Center)?;
        Ok(())
    })?;
    Ok(chart)
}
