//! The frame of every chart: the title block above it, and the panel that replaces a chart
//! when there is nothing to draw. Placed by hand rather than with plotters' `caption`, which
//! has no subtitle and does not shorten a title that is too long for the chart.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::backend::{draw_text, Area, DrawResult};
use super::fit::fit_end;
use super::style;

/// Draw the title block (bold title, grey subtitle) and return the area below it.
pub(crate) fn header<'a>(area: &Area<'a>, title: &str, subtitle: &str) -> Result<Area<'a>, Box<dyn std::error::Error>> {
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

/// Fill `area` (already below a header) with a centred "no data" message.
pub(crate) fn no_data(area: &Area<'_>, message: &str) -> DrawResult {
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
