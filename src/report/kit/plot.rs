//! Plots with axes and legends. plotters draws them: the grid, axis lines, ticks, tick labels
//! and axis descriptions (`configure_mesh`), dashed lines (`DashedLineSeries`) and the boxed
//! legend (`configure_series_labels`). chaff only chooses the tick counts, formats the tick
//! labels, fits long descriptions and gives everything the charts' look.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::backend::{text_style, Area, Plot};
use super::fit::fit_end;
use super::style;

/// Axes of a line or histogram plot.
#[derive(Debug, Clone)]
pub(crate) struct Axes<'s> {
    /// X range.
    pub x: Range<f64>,
    /// Y range.
    pub y: Range<f64>,
    /// X axis description (with units).
    pub x_desc: &'s str,
    /// Y axis description (with units).
    pub y_desc: &'s str,
    /// X tick labels as percentages (values are rates 0..1).
    pub x_pct: bool,
    /// Y tick labels as percentages.
    pub y_pct: bool,
}

/// The distance between the ticks plotters puts on `range` when asked for at most `n`.
pub(crate) fn tick_step(range: Range<f64>, n: usize) -> f64 {
    let ticks = RangedCoordf64::from(range).key_points(n);
    if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    }
}

/// A tick label for `v` when ticks are `step` apart: percentages for rates, else as few
/// decimals as the step needs.
pub(crate) fn tick_label(v: f64, step: f64, pct: bool) -> String {
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

/// A finite, non-empty range (0..1 otherwise), so that plotters never sees a NaN.
pub(crate) fn sane(r: Range<f64>) -> Range<f64> {
    if r.start.is_finite() && r.end.is_finite() && r.end > r.start {
        r
    } else {
        0.0..1.0
    }
}

/// Build a plot in `area` and draw its grid, axes, ticks and descriptions.
pub(crate) fn plot<'a, 'b>(area: &'a Area<'b>, ax: &Axes<'_>) -> Result<Plot<'a, 'b>, Box<dyn std::error::Error>> {
    let (x, y) = (sane(ax.x.clone()), sane(ax.y.clone()));
    let mut chart = ChartBuilder::on(area)
        .margin_left(16)
        .margin_right(40)
        .margin_top(8)
        .margin_bottom(8)
        .x_label_area_size(76)
        .y_label_area_size(104)
        .build_cartesian_2d(x.clone(), y.clone())?;
    // As many ticks as fit without crowding: at most one per 90 pixels across, 55 down.
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let nx = ((xr.end - xr.start) / 90).clamp(2, 10) as usize + 1;
    let ny = ((yr.end - yr.start) / 55).clamp(2, 8) as usize + 1;
    let (x_step, y_step) = (tick_step(x, nx), tick_step(y, ny));
    let x_label = |v: &f64| tick_label(*v, x_step, ax.x_pct);
    let y_label = |v: &f64| tick_label(*v, y_step, ax.y_pct);
    let desc = style::text(style::AXIS, style::BLACK);
    let anchor = (HPos::Left, VPos::Top);
    chart
        .configure_mesh()
        .x_labels(nx)
        .y_labels(ny)
        .max_light_lines(0)
        .light_line_style(TRANSPARENT)
        .bold_line_style(style::LIGHT_GREY.stroke_width(1))
        .axis_style(style::BLACK.stroke_width(1))
        .set_all_tick_mark_size(6)
        .label_style(text_style(&style::text(style::LABEL, style::BLACK), anchor))
        .axis_desc_style(text_style(&desc, anchor))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(fit_end(ax.x_desc, xr.end - xr.start, &desc))
        .y_desc(fit_end(ax.y_desc, yr.end - yr.start, &desc))
        .draw()?;
    Ok(chart)
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled box (bars, areas).
    Box(RGBColor),
    /// A solid line.
    Line(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
    /// A filled circle with a black ring (a marked point).
    Dot(RGBColor),
}

/// Width of a swatch and the gap before its label.
pub(crate) const SWATCH: i32 = 36;

impl Swatch {
    /// The swatch as an element starting at `(x, y)` (its vertical centre), 28 pixels wide.
    pub(crate) fn element(self, at: BackendCoord) -> SwatchElement {
        SwatchElement { at, swatch: self }
    }
}

/// A legend swatch placed in pixels: one element type for every kind, as plotters' legend
/// callback needs (its boxed elements would have to be `'static`).
#[derive(Debug, Clone, Copy)]
pub struct SwatchElement {
    at: BackendCoord,
    swatch: Swatch,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a SwatchElement {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;

    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for SwatchElement {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let Some((x, y)) = points.next() else { return Ok(()) };
        match self.swatch {
            Swatch::Box(c) => backend.draw_rect((x, y - 8), (x + 26, y + 8), &c.filled(), true),
            Swatch::Line(c) => backend.draw_path([(x, y), (x + 28, y)], &c.stroke_width(4)),
            Swatch::Dashed(c) => {
                backend.draw_path([(x, y), (x + 10, y)], &c.stroke_width(3))?;
                backend.draw_path([(x + 17, y), (x + 28, y)], &c.stroke_width(3))
            }
            Swatch::Dot(c) => {
                backend.draw_circle((x + 14, y), 8, &c.filled(), true)?;
                backend.draw_circle((x + 14, y), 8, &style::BLACK.stroke_width(2), false)
            }
        }
    }
}

/// Add a legend entry to `chart` (an empty series that carries only the label and swatch), so
/// the legend reads in the order entries are added, whatever order the lines were drawn in.
/// An empty label adds nothing.
pub(crate) fn legend_entry<'a, 'b: 'a>(
    chart: &mut Plot<'a, 'b>,
    swatch: Swatch,
    label: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    if label.is_empty() {
        return Ok(());
    }
    let (xr, _) = chart.plotting_area().get_pixel_range();
    let f = style::text(style::LABEL, style::BLACK);
    let label = fit_end(label, (xr.end - xr.start - 2 * 16 - SWATCH - 40).max(40), &f);
    chart.draw_series(std::iter::empty::<PathElement<(f64, f64)>>())?.label(label).legend(move |p| swatch.element(p));
    Ok(())
}

/// Draw the boxed legend of `chart`'s entries at `position` inside the plot.
pub(crate) fn legend<'a, 'b: 'a>(
    chart: &mut Plot<'a, 'b>,
    position: SeriesLabelPosition,
) -> Result<(), Box<dyn std::error::Error>> {
    chart
        .configure_series_labels()
        .position(position)
        .margin(12)
        .legend_area_size(SWATCH)
        .background_style(WHITE.mix(0.93).filled())
        .border_style(style::GREY.stroke_width(1))
        .label_font(text_style(&style::text(style::LABEL, style::BLACK), (HPos::Left, VPos::Top)))
        .draw()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_plotters_and_labels_fit_their_step() {
        assert!((tick_step(0.0..1.0, 11) - 0.1).abs() < 1e-12);
        assert!((tick_step(0.0..1.0, 6) - 0.2).abs() < 1e-12);
        assert!((tick_step(0.0..37.0, 9) - 5.0).abs() < 1e-12);
        assert!((tick_step(-2.24..2.24, 7) - 1.0).abs() < 1e-12);
        assert_eq!(tick_label(0.6000000000000001, 0.2, true), "60%");
        assert_eq!(tick_label(0.025, 0.005, true), "2.5%");
        assert_eq!(tick_label(0.02, 0.02, true), "2%");
        assert_eq!(tick_label(0.25, 0.05, false), "0.25");
        assert_eq!(tick_label(-0.0, 0.5, false), "0.0");
        assert_eq!(tick_label(20.0, 5.0, false), "20");
        assert_eq!(sane(1.0..1.0), 0.0..1.0);
        assert_eq!(sane(0.0..f64::NAN), 0.0..1.0);
        assert_eq!(sane(-1.0..2.0), -1.0..2.0);
    }
}
