//! Legends: swatches (box, line, dashed line, dot), a one-row legend under a table and a
//! boxed legend in a corner of a plot.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{draw_text, Area, DrawResult, Plot};
use super::fit::fit_end;
use super::style;

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A filled box (bars, areas).
    Box(RGBColor),
    /// A solid line.
    Line(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
    /// A filled circle (a marked point).
    Dot(RGBColor),
}

/// Width of a swatch and the gap before its label.
const SWATCH: i32 = 36;

/// Draw one legend swatch centred vertically at `y`, starting at `x`; 28 pixels wide.
pub fn swatch(area: &Area<'_>, kind: Swatch, (x, y): (i32, i32)) -> DrawResult {
    match kind {
        Swatch::Box(c) => {
            area.draw(&Rectangle::new([(x, y - 8), (x + 26, y + 8)], c.filled()))?;
        }
        Swatch::Line(c) => {
            area.draw(&PathElement::new(vec![(x, y), (x + 28, y)], c.stroke_width(4)))?;
        }
        Swatch::Dashed(c) => {
            area.draw(&PathElement::new(vec![(x, y), (x + 10, y)], c.stroke_width(3)))?;
            area.draw(&PathElement::new(vec![(x + 17, y), (x + 28, y)], c.stroke_width(3)))?;
        }
        Swatch::Dot(c) => {
            area.draw(&Circle::new((x + 14, y), 8, c.filled()))?;
            area.draw(&Circle::new((x + 14, y), 8, style::BLACK.stroke_width(2)))?;
        }
    }
    Ok(())
}

/// A one-row legend starting at `(x, y)` (vertical centre).
pub fn legend_row(area: &Area<'_>, items: &[(Swatch, String)], (x, y): (i32, i32)) -> DrawResult {
    let f = style::text(style::LABEL, style::BLACK);
    let mut cx = x;
    for (kind, label) in items {
        swatch(area, *kind, (cx, y))?;
        draw_text(area, label, (cx + SWATCH, y), &f, HPos::Left, VPos::Center)?;
        cx += SWATCH + f.width(label) + 28;
    }
    Ok(())
}

/// Width of a legend row drawn by [`legend_row`].
pub fn legend_width(items: &[(Swatch, String)]) -> i32 {
    let f = style::text(style::LABEL, style::BLACK);
    items.iter().map(|(_, l)| SWATCH + f.width(l) + 28).sum::<i32>() - 28
}

/// Where a legend box goes inside a plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    /// Top left.
    UpperLeft,
    /// Top, centred.
    UpperMiddle,
    /// Bottom left.
    LowerLeft,
    /// Bottom right.
    LowerRight,
}

/// A boxed legend, one entry per line, in a corner of the plot of `chart` (drawn on `area`).
pub fn legend_box(area: &Area<'_>, chart: &Plot<'_, '_>, items: &[(Swatch, String)], corner: Corner) -> DrawResult {
    let items: Vec<&(Swatch, String)> = items.iter().filter(|(_, l)| !l.is_empty()).collect();
    if items.is_empty() {
        return Ok(());
    }
    let f = style::text(style::LABEL, style::BLACK);
    let origin = area.get_base_pixel();
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let (x0, x1, y0, y1) = (xr.start - origin.0, xr.end - origin.0, yr.start - origin.1, yr.end - origin.1);
    let line = 30;
    let max_label = (x1 - x0 - 2 * 16 - SWATCH - 40).max(40);
    let labels: Vec<String> = items.iter().map(|(_, l)| fit_end(l, max_label, &f)).collect();
    let w = 16 + SWATCH + labels.iter().map(|l| f.width(l)).max().unwrap_or(0) + 16;
    let h = 10 + line * items.len() as i32 + 6;
    let m = 16;
    let (bx, by) = match corner {
        Corner::UpperLeft => (x0 + m, y0 + m),
        Corner::UpperMiddle => ((x0 + x1 - w) / 2, y0 + m),
        Corner::LowerLeft => (x0 + m, y1 - m - h),
        Corner::LowerRight => (x1 - m - w, y1 - m - h),
    };
    area.draw(&Rectangle::new([(bx, by), (bx + w, by + h)], WHITE.mix(0.93).filled()))?;
    area.draw(&Rectangle::new([(bx, by), (bx + w, by + h)], style::GREY.stroke_width(1)))?;
    for (i, ((kind, _), label)) in items.iter().zip(&labels).enumerate() {
        let y = by + 10 + line * i as i32 + line / 2;
        swatch(area, *kind, (bx + 14, y))?;
        draw_text(area, label, (bx + 14 + SWATCH, y), &f, HPos::Left, VPos::Center)?;
    }
    Ok(())
}
