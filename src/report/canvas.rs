//! Drawing plumbing shared by the charts: rendering a PNG atomically, the title block, text
//! placement, dashed lines and the "no data" chart. plotters draws the shapes; every text
//! goes through [`super::text`].

use std::path::Path;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::fit::fit_end;
use super::style::{self, ensure_fonts};
use super::text::{self, Font};
use crate::error::Error;

/// The drawing area of a bitmap chart.
pub type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

/// What a drawing step returns; plotters' errors are boxed and turned into [`Error::Chart`].
pub type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// A cartesian plot with f64 axes.
pub type Plot<'a, 'b> = ChartContext<'a, BitMapBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draw a chart of `size` pixels with `draw` and write it to `path` as PNG, atomically: the
/// bitmap is encoded into a scratch file (plotters encodes PNGs only to files), then its bytes
/// go through [`crate::output::write_atomic`] like every other output, so `path` is replaced
/// only when complete and gets the usual permissions.
pub fn render<F>(path: &Path, size: (u32, u32), draw: F) -> Result<(), Error>
where
    F: FnOnce(&Area<'_>) -> DrawResult,
{
    ensure_fonts();
    let chart_err = |reason: String| Error::Chart { path: path.to_path_buf(), reason };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let scratch =
        tempfile::Builder::new().prefix(".chart.").suffix(".png").tempfile_in(&dir).map_err(|e| Error::io(path, e))?;
    {
        let root = BitMapBackend::new(scratch.path(), size).into_drawing_area();
        let drawn: DrawResult = (|| {
            root.fill(&WHITE)?;
            draw(&root)?;
            root.present()?;
            Ok(())
        })();
        drawn.map_err(|e| chart_err(e.to_string()))?;
    }
    let png = std::fs::read(scratch.path()).map_err(|e| Error::io(scratch.path(), e))?;
    crate::output::write_atomic(path, &png)
}

/// Draw `s` with its anchor `(h, v)` at pixel `(x, y)`.
pub fn draw_text(area: &Area<'_>, s: &str, at: (i32, i32), font: &Font, h: HPos, v: VPos) -> DrawResult {
    text::draw(area, s, at, font, h, v)
}

/// Draw the title block (bold title, grey subtitle) and return the area below it.
pub fn header<'a>(area: &Area<'a>, title: &str, subtitle: &str) -> Result<Area<'a>, Box<dyn std::error::Error>> {
    let (w, _) = area.dim_in_pixel();
    let t = style::bold(style::TITLE, style::BLACK);
    let title = fit_end(title, w as i32 - 40, &t);
    draw_text(area, &title, (20, 14), &t, HPos::Left, VPos::Top)?;
    let mut used = 14 + style::TITLE as i32 + 12;
    if !subtitle.is_empty() {
        let s = style::text(style::SUBTITLE, style::DARK_GREY);
        let sub = fit_end(subtitle, w as i32 - 40, &s);
        draw_text(area, &sub, (20, used), &s, HPos::Left, VPos::Top)?;
        used += style::SUBTITLE as i32 + 14;
    }
    Ok(area.margin(used, 0, 0, 0))
}

/// A straight dashed line between two pixels.
pub fn dashed(area: &Area<'_>, from: (i32, i32), to: (i32, i32), style: ShapeStyle) -> DrawResult {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return Ok(());
    }
    let (dash, gap) = (9.0, 6.0);
    let mut t = 0.0;
    while t < len {
        let e = (t + dash).min(len);
        let p = |s: f64| (from.0 + (dx * s / len).round() as i32, from.1 + (dy * s / len).round() as i32);
        area.draw(&PathElement::new(vec![p(t), p(e)], style))?;
        t += dash + gap;
    }
    Ok(())
}

/// Fill `area` (already below a header) with a centred "no data" message.
pub fn no_data(area: &Area<'_>, message: &str) -> DrawResult {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    area.draw(&Rectangle::new([(40, 20), (w - 40, h - 40)], RGBColor(0xF2, 0xF2, 0xF2).filled()))?;
    let big = style::bold(30.0, style::DARK_GREY);
    draw_text(area, "No data", (w / 2, h / 2 - 30), &big, HPos::Center, VPos::Center)?;
    let f = style::text(style::AXIS, style::DARK_GREY);
    let msg = fit_end(message, w - 120, &f);
    draw_text(area, &msg, (w / 2, h / 2 + 20), &f, HPos::Center, VPos::Center)?;
    Ok(())
}
