//! Drawing plumbing shared by the charts: rendering a PNG atomically, the title block, text
//! that fits a width, axes with "nice" ticks, legends, dashed lines and the "no data" chart.
//! plotters draws the shapes; every text goes through [`super::text`].

use std::path::Path;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

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
/// image goes to a temporary file beside `path` and is renamed over it when complete.
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
    let tmp =
        tempfile::Builder::new().prefix(".chart.").suffix(".png").tempfile_in(&dir).map_err(|e| Error::io(path, e))?;
    {
        let root = BitMapBackend::new(tmp.path(), size).into_drawing_area();
        let drawn: DrawResult = (|| {
            root.fill(&WHITE)?;
            draw(&root)?;
            root.present()?;
            Ok(())
        })();
        drawn.map_err(|e| chart_err(e.to_string()))?;
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// `s` shortened at the end with `…` so that it fits `max_px`.
pub fn fit_end(s: &str, max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    // The longest prefix that fits with the ellipsis (binary search on the prefix length).
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let cand: String = chars[..mid].iter().collect::<String>() + "…";
        if font.width(&cand) <= max_px {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let head: String = chars[..lo].iter().collect();
    format!("{}…", head.trim_end())
}

/// `s` shortened in the middle with `…` so that it fits `max_px`: keeps the start (a folder,
/// a rank) and the end (a file name, a count), which tell labels apart best.
pub fn fit_middle(s: &str, max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let make = |keep: usize| -> String {
        let head = keep / 3;
        let tail = keep - head;
        let mut out: String = chars[..head].iter().collect();
        out.push('…');
        out.extend(&chars[chars.len() - tail..]);
        out
    };
    let (mut lo, mut hi) = (0usize, chars.len().saturating_sub(1));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if font.width(&make(mid)) <= max_px {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    make(lo)
}

/// `s` shortened at the start with `…` so that it fits `max_px` (keeps the end).
pub fn fit_start(s: &str, max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let cand: String = std::iter::once('…').chain(chars[chars.len() - mid..].iter().copied()).collect();
        if font.width(&cand) <= max_px {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    std::iter::once('…').chain(chars[chars.len() - lo..].iter().copied()).collect()
}

/// Lengths in characters of the prefix and the suffix that all `labels` share (they never
/// overlap within the shortest label). One label or none share nothing.
pub fn common_affixes<'a>(labels: impl IntoIterator<Item = &'a str>) -> (usize, usize) {
    let labels: Vec<Vec<char>> = labels.into_iter().map(|l| l.chars().collect()).collect();
    if labels.len() < 2 {
        return (0, 0);
    }
    let shortest = labels.iter().map(Vec::len).min().unwrap_or(0);
    let prefix = (0..shortest).take_while(|&i| labels.iter().all(|l| l[i] == labels[0][i])).count();
    let suffix = (0..shortest - prefix)
        .take_while(|&i| labels.iter().all(|l| l[l.len() - 1 - i] == labels[0][labels[0].len() - 1 - i]))
        .count();
    (prefix, suffix)
}

/// `s`, one of several labels that share a prefix of `prefix` and a suffix of `suffix`
/// characters, shortened to fit `max_px` so that its distinct middle stays visible: cut at the
/// end if the middle survives, else at the start, else drop the shared prefix and cut the rest
/// at the end. Ids such as `corpus-test-217-model-x` and `corpus-test-201-model-x` stay
/// distinguishable where cutting in the middle would make them identical.
pub fn fit_distinct(s: &str, (prefix, suffix): (usize, usize), max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mid_end = n.saturating_sub(suffix).max(prefix.min(n));
    let end_cut = fit_end(s, max_px, font);
    if prefix + suffix > 0 && end_cut.chars().count() > mid_end {
        return end_cut;
    }
    let start_cut = fit_start(s, max_px, font);
    if prefix + suffix > 0 && start_cut.chars().count() > n - prefix.min(n) {
        return start_cut;
    }
    if prefix == 0 {
        return end_cut;
    }
    let rest: String = chars[prefix.min(n)..].iter().collect();
    format!("…{}", fit_end(&rest, max_px - font.width("…"), font))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_text_keeps_ends_and_width() {
        let f = style::text(style::LABEL, style::BLACK);
        let id = "datasets/articles/very/long/folder/name/the-ultimate-guide-to-mindful-productivity.txt";
        assert!(f.width(id) > 300);
        let mid = fit_middle(id, 300, &f);
        assert!(f.width(&mid) <= 300, "{mid}");
        assert!(mid.starts_with("datasets") && mid.ends_with(".txt") && mid.contains('…'), "{mid}");
        let end = fit_end(id, 300, &f);
        assert!(f.width(&end) <= 300 && end.ends_with('…') && end.starts_with("datasets/"), "{end}");
        assert_eq!(fit_end("short", 300, &f), "short");
        assert_eq!(fit_middle("short", 300, &f), "short");
        // Nothing fits: only the ellipsis is left, never a panic.
        assert_eq!(fit_end(id, 0, &f), "…");
        assert_eq!(fit_middle(id, 0, &f), "…");
    }

    #[test]
    fn distinct_labels_keep_what_differs() {
        let f = style::text(style::LABEL, style::BLACK);
        let ids =
            ["outfox-test-217-gpt-3.5-turbo-0613-outfox_attack", "outfox-test-201-gpt-3.5-turbo-0613-outfox_attack"];
        let aff = common_affixes(ids);
        assert_eq!(aff, (13, 33));
        let a = fit_distinct(ids[0], aff, 240, &f);
        let b = fit_distinct(ids[1], aff, 240, &f);
        assert!(a.contains("217") && b.contains("201"), "{a} / {b}");
        assert!(f.width(&a) <= 240);
        // Shared endings: cut at the start.
        let ids = ["a-very-long-shared-folder-name/x1.txt", "a-very-long-shared-folder-name/y2.txt"];
        let aff = common_affixes(ids);
        let a = fit_distinct(ids[0], aff, 150, &f);
        assert!(a.starts_with('…') && a.ends_with("x1.txt"), "{a}");
        // Nothing shared: cut at the end.
        assert_eq!(common_affixes(["abc", "xyz"]), (0, 0));
        assert_eq!(common_affixes(["only"]), (0, 0));
        assert_eq!(common_affixes(["same", "same"]), (4, 0));
        assert_eq!(
            fit_distinct("feature_with_a_long_name_per_1k_words", (0, 0), 120, &f),
            fit_end("feature_with_a_long_name_per_1k_words", 120, &f)
        );
        assert_eq!(fit_start("abcdef", 0, &f), "…");
    }

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
