//! Axes of line and histogram plots: grid, axis lines, "nice" ticks with labels, and the
//! axis descriptions (the y one reading upwards).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{draw_text, Area, Plot};
use super::fit::fit_end;
use super::style;
use super::text;

/// "Nice" tick values (steps of 1, 2 or 5 times a power of ten) covering `lo..=hi`, about
/// `target` of them.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![];
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = mag
        * if norm < 1.5 {
            1.0
        } else if norm < 3.0 {
            2.0
        } else if norm < 7.0 {
            5.0
        } else {
            10.0
        };
    let first = (lo / step - 1e-9).ceil();
    (0..=target * 3)
        .map(|i| (first + i as f64) * step)
        .take_while(|&t| t <= hi + step * 1e-9)
        .map(|t| if t.abs() < step * 1e-9 { 0.0 } else { t })
        .collect()
}

/// A tick label for `v` when ticks are `step` apart: percentages for rates, else as few
/// decimals as the step needs.
pub fn tick_label(v: f64, step: f64, pct: bool) -> String {
    let (v, step) = if pct { (v * 100.0, step * 100.0) } else { (v, step) };
    let decimals = if step > 0.0 && step < 1.0 { (-step.log10().floor()) as usize } else { 0 };
    let s = format!("{v:.decimals$}");
    let s = if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() { s[1..].to_string() } else { s };
    if pct {
        format!("{s}%")
    } else {
        s
    }
}

/// Axes of a line or histogram plot.
#[derive(Debug, Clone)]
pub struct Axes<'s> {
    /// X range.
    pub x: std::ops::Range<f64>,
    /// Y range.
    pub y: std::ops::Range<f64>,
    /// X axis description (with units).
    pub x_desc: &'s str,
    /// Y axis description (with units).
    pub y_desc: &'s str,
    /// X tick labels as percentages (values are rates 0..1).
    pub x_pct: bool,
    /// Y tick labels as percentages.
    pub y_pct: bool,
}

/// Draw the grid, axes, ticks and descriptions of a plot in `area` and return the plot.
pub fn axes<'a, 'b>(area: &'a Area<'b>, ax: &Axes<'_>) -> Result<Plot<'a, 'b>, Box<dyn std::error::Error>> {
    let chart = ChartBuilder::on(area)
        .margin_left(16)
        .margin_right(40)
        .margin_top(8)
        .margin_bottom(8)
        .x_label_area_size(76)
        .y_label_area_size(104)
        .build_cartesian_2d(ax.x.clone(), ax.y.clone())?;
    let (x, y) = (ax.x.clone(), ax.y.clone());
    // As many ticks as fit without crowding: one per 90 pixels across, 45 down.
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let xt = nice_ticks(x.start, x.end, ((xr.end - xr.start) / 90).clamp(2, 10) as usize);
    let yt = nice_ticks(y.start, y.end, ((yr.end - yr.start) / 45).clamp(2, 6) as usize);
    let grid = style::LIGHT_GREY.stroke_width(1);
    for &t in &xt {
        chart.plotting_area().draw(&PathElement::new(vec![(t, y.start), (t, y.end)], grid))?;
    }
    for &t in &yt {
        chart.plotting_area().draw(&PathElement::new(vec![(x.start, t), (x.end, t)], grid))?;
    }
    let axis = style::BLACK.stroke_width(1);
    chart
        .plotting_area()
        .draw(&PathElement::new(vec![(x.start, y.end), (x.start, y.start), (x.end, y.start)], axis))?;
    let origin = area.get_base_pixel();
    let rel = |p: (i32, i32)| (p.0 - origin.0, p.1 - origin.1);
    let f = style::text(style::LABEL, style::BLACK);
    let step = |t: &[f64]| if t.len() > 1 { t[1] - t[0] } else { 1.0 };
    for &t in &xt {
        let p = rel(chart.backend_coord(&(t, y.start)));
        area.draw(&PathElement::new(vec![p, (p.0, p.1 + 6)], axis))?;
        draw_text(area, &tick_label(t, step(&xt), ax.x_pct), (p.0, p.1 + 10), &f, HPos::Center, VPos::Top)?;
    }
    for &t in &yt {
        let p = rel(chart.backend_coord(&(x.start, t)));
        area.draw(&PathElement::new(vec![p, (p.0 - 6, p.1)], axis))?;
        draw_text(area, &tick_label(t, step(&yt), ax.y_pct), (p.0 - 10, p.1), &f, HPos::Right, VPos::Center)?;
    }
    let d = style::text(style::AXIS, style::BLACK);
    let (_, h) = area.dim_in_pixel();
    let mid_x = (xr.start + xr.end) / 2 - origin.0;
    let x_desc = fit_end(ax.x_desc, xr.end - xr.start, &d);
    draw_text(area, &x_desc, (mid_x, h as i32 - 14), &d, HPos::Center, VPos::Bottom)?;
    let mid_y = (yr.start + yr.end) / 2 - origin.1;
    let y_desc = fit_end(ax.y_desc, yr.end - yr.start, &d);
    text::draw_vertical(area, &y_desc, (30, mid_y), &d)?;
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice() {
        assert_eq!(nice_ticks(0.0, 1.0, 10).len(), 11);
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]);
        assert_eq!(nice_ticks(-2.24, 2.24, 6), vec![-2.0, -1.0, 0.0, 1.0, 2.0]);
        assert_eq!(nice_ticks(0.0, 37.0, 6), vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0]);
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
        assert!(nice_ticks(0.0, f64::NAN, 5).is_empty());
        assert_eq!(tick_label(0.6000000000000001, 0.2, true), "60%");
        assert_eq!(tick_label(0.025, 0.005, true), "2.5%");
        assert_eq!(tick_label(0.02, 0.02, true), "2%");
        assert_eq!(tick_label(0.25, 0.05, false), "0.25");
        assert_eq!(tick_label(-0.0, 0.5, false), "0.0");
        assert_eq!(tick_label(20.0, 5.0, false), "20");
    }
}
