//! A bar table: labelled rows down the left, one or more columns of horizontal bars (each with
//! its own axis) or text to the right. Feature importance, subgroups, transfer, the most
//! flagged articles and the article profiles are all bar tables, so they share one layout in
//! which labels, bars and numbers never overlap: every column leaves room beside its axis for
//! the widest number it writes.
//!
//! plotters draws each bar column's axis (grid, axis line, ticks, tick labels, description) and
//! reference line. The rest is laid out here because plotters has no table: the label column
//! with its shortened, still distinguishable labels, the row bands, bars whose rows are pixel
//! bands shared by every column, numbers on a patch of background beside the bars, and a legend
//! in one row under all the columns (plotters' legend is a vertical box inside one plot).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::backend::{draw_text, text_style, Area, DrawResult};
use super::fit::{common_affixes, fit_distinct, fit_end, fit_middle};
use super::plot::{tick_label, tick_step, Swatch, SWATCH};
use super::style;
use super::text::Font;

/// Height of the column titles above the bars.
const TOP: i32 = 44;
/// Height of the x axis (tick labels and description) below the bars.
const AXIS: i32 = 74;
/// Height of the legend row, when there is one.
const LEGEND: i32 = 44;
/// The smallest row height that stays readable.
pub(crate) const MIN_ROW: u32 = 30;
/// Rows are never taller than this; a short table leaves the rest of the chart empty.
const MAX_ROW: f64 = 64.0;

/// How a row is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// A section header (bold, at the left edge, no bars).
    Header,
    /// An ordinary row.
    Item,
    /// A row whose label is bold (e.g. a feature named as a reason).
    Emphasised,
}

/// One row label.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// Drawn before the label and never shortened (a rank such as `1.`).
    pub prefix: String,
    /// The label.
    pub label: String,
    /// Drawn after the label in grey and never shortened (a count such as `(n=120)`); a
    /// label that does not fit is cut in the middle instead.
    pub suffix: String,
    /// How it is shown.
    pub kind: RowKind,
}

impl Row {
    /// An ordinary row.
    pub(crate) fn item(label: impl Into<String>) -> Row {
        Row { prefix: String::new(), label: label.into(), suffix: String::new(), kind: RowKind::Item }
    }

    /// A section header.
    pub(crate) fn header(label: impl Into<String>) -> Row {
        Row { prefix: String::new(), label: label.into(), suffix: String::new(), kind: RowKind::Header }
    }

    /// This row with a suffix.
    pub(crate) fn with_suffix(self, suffix: impl Into<String>) -> Row {
        Row { suffix: suffix.into(), ..self }
    }

    /// This row with a prefix.
    pub(crate) fn with_prefix(self, prefix: impl Into<String>) -> Row {
        Row { prefix: prefix.into(), ..self }
    }

    /// Prefix, label and suffix as one text.
    pub(crate) fn full(&self) -> String {
        [self.prefix.as_str(), self.label.as_str(), self.suffix.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One bar: its value, colour and the text written at its end.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    /// Value on the column's axis.
    pub value: f64,
    /// Fill colour.
    pub color: RGBColor,
    /// The number written beside it.
    pub text: String,
}

/// A column of bars.
#[derive(Debug, Clone)]
pub(crate) struct BarColumn {
    /// Title above the column.
    pub title: String,
    /// Axis description below it (with units).
    pub axis: String,
    /// Axis range.
    pub range: (f64, f64),
    /// Tick labels as percentages (values are rates 0..1).
    pub percent: bool,
    /// One bar per row (`None`: no value; header rows are ignored).
    pub bars: Vec<Option<Bar>>,
    /// Written where an item row has no bar, e.g. `n/a`.
    pub missing: String,
    /// A dashed vertical reference line (target FPR, chance level).
    pub reference: Option<f64>,
    /// Share of the width (relative to the other columns).
    pub weight: u32,
}

/// A column of text (e.g. the top reason of each article).
#[derive(Debug, Clone)]
pub(crate) struct TextColumn {
    /// Title above the column.
    pub title: String,
    /// One text per row.
    pub texts: Vec<String>,
    /// Share of the width.
    pub weight: u32,
}

/// A column of a bar table.
#[derive(Debug, Clone)]
pub(crate) enum Column {
    /// Horizontal bars.
    Bars(BarColumn),
    /// Text.
    Text(TextColumn),
}

impl Column {
    fn weight(&self) -> u32 {
        match self {
            Column::Bars(b) => b.weight,
            Column::Text(t) => t.weight,
        }
        .max(1)
    }
}

/// A whole bar table.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// A legend drawn centred below the axes (empty: none).
    pub legend: Vec<(Swatch, String)>,
    /// Widest share of the chart the labels may take (0..1; 0 means 0.42).
    pub max_label_share: f64,
}

/// Comfortable row height, used to size a short table.
const GOOD_ROW: u32 = 44;

/// Height in pixels for a table of `rows` rows below a header of `header` pixels: `base` when
/// the rows fit it comfortably, shorter (down to half of `base`) for a few rows, taller when
/// the rows would otherwise be cramped.
pub(crate) fn height_for(rows: usize, header: u32, base: u32, legend: bool) -> u32 {
    let fixed = header + TOP as u32 + AXIS as u32 + if legend { LEGEND as u32 } else { 0 } + 8;
    let rows = rows.max(1) as u32;
    (fixed + rows * GOOD_ROW).clamp(base / 2, base).max(fixed + rows * MIN_ROW)
}

/// Symmetric range around zero that holds every value, at least `-floor..floor`.
pub(crate) fn symmetric_range(values: impl IntoIterator<Item = f64>, floor: f64) -> (f64, f64) {
    let m = values.into_iter().filter(|v| v.is_finite()).fold(floor, |m, v| m.max(v.abs())) * 1.05;
    (-m, m)
}

/// Range that holds every value and zero, at least `-floor..floor` on the sides that have
/// values (a profile whose features all lie above the human median needs little room below).
pub(crate) fn signed_range(values: impl IntoIterator<Item = f64>, floor: f64) -> (f64, f64) {
    let (lo, hi) =
        values.into_iter().filter(|v| v.is_finite()).fold((-1.0f64, 1.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let lo = if lo < -1.0 { lo.min(-floor) } else { -1.0 };
    let hi = if hi > 1.0 { hi.max(floor) } else { 1.0 };
    (lo * 1.05, hi * 1.05)
}

/// Draw `table` into `area`.
pub(crate) fn draw(area: &Area<'_>, table: &Table) -> DrawResult {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let n = table.rows.len().max(1);
    let bottom = AXIS + if table.legend.is_empty() { 0 } else { LEGEND };
    let row_h = ((h - TOP - bottom).max(n as i32) as f64 / n as f64).min(MAX_ROW);
    let plot_h = (row_h * n as f64).round() as i32;
    let layout = Layout { row_h, plot_h };

    let label_f = style::text(style::LABEL, style::BLACK);
    let label_b = style::bold(style::LABEL, style::BLACK);
    let share = if table.max_label_share > 0.0 { table.max_label_share } else { 0.42 };
    let widest = table
        .rows
        .iter()
        .filter(|r| r.kind != RowKind::Header)
        .map(|r| if r.kind == RowKind::Emphasised { &label_b } else { &label_f }.width(&r.full()))
        .max()
        .unwrap_or(0);
    let label_w = (widest + 28).clamp(120, (w as f64 * share) as i32);

    // Row backgrounds: header bands and zebra stripes, so a row can be followed across.
    let mut backgrounds = Vec::with_capacity(table.rows.len());
    let mut item_no = 0;
    for r in &table.rows {
        let bg = match r.kind {
            RowKind::Header => {
                item_no = 0;
                RGBColor(0xE6, 0xEE, 0xF5)
            }
            _ => {
                item_no += 1;
                if item_no % 2 == 0 {
                    RGBColor(0xF4, 0xF4, 0xF4)
                } else {
                    style::WHITE
                }
            }
        };
        backgrounds.push(bg);
    }
    for (i, bg) in backgrounds.iter().enumerate() {
        let (y0, y1) = layout.band(i);
        area.draw(&Rectangle::new([(0, y0), (w, y1)], bg.filled()))?;
    }
    let labels = fitted_labels(&table.rows, label_w, &label_f, &label_b);
    for (i, r) in table.rows.iter().enumerate() {
        match r.kind {
            RowKind::Header => {
                let s = fit_end(&r.label, w - 24, &label_b);
                draw_text(area, &s, (12, layout.center(i)), &label_b, HPos::Left, VPos::Center)?;
            }
            RowKind::Item | RowKind::Emphasised => {
                let f = if r.kind == RowKind::Emphasised { &label_b } else { &label_f };
                let mut right = label_w - 12;
                if !r.suffix.is_empty() {
                    let g = f.with_color(style::DARK_GREY);
                    draw_text(area, &r.suffix, (right, layout.center(i)), &g, HPos::Right, VPos::Center)?;
                    right -= g.width(&r.suffix) + f.width(" ");
                }
                let s = &labels[i];
                let x = right - f.width(s);
                draw_text(area, s, (x, layout.center(i)), f, HPos::Left, VPos::Center)?;
                if !r.prefix.is_empty() {
                    draw_text(area, &r.prefix, (x - f.width(" "), layout.center(i)), f, HPos::Right, VPos::Center)?;
                }
            }
        }
    }

    let gap = 28;
    let total_weight: u32 = table.columns.iter().map(Column::weight).sum::<u32>().max(1);
    let avail = (w - label_w - 12 - gap * (table.columns.len() as i32 - 1).max(0)).max(50);
    let mut x = label_w;
    for col in &table.columns {
        let cw = (avail as f64 * col.weight() as f64 / total_weight as f64) as i32;
        match col {
            Column::Bars(b) => bar_column(area, table, b, (x, cw), &layout, &backgrounds)?,
            Column::Text(t) => {
                let title = style::bold(style::LABEL, style::BLACK);
                let s = fit_end(&t.title, cw - 8, &title);
                draw_text(area, &s, (x + 4, TOP / 2), &title, HPos::Left, VPos::Center)?;
                let f = style::text(style::NOTE, style::BLACK);
                for (i, r) in table.rows.iter().enumerate() {
                    if r.kind == RowKind::Header {
                        continue;
                    }
                    if let Some(s) = t.texts.get(i).filter(|s| !s.is_empty()) {
                        let s = fit_end(s, cw - 8, &f);
                        draw_text(area, &s, (x + 4, layout.center(i)), &f, HPos::Left, VPos::Center)?;
                    }
                }
            }
        }
        x += cw + gap;
    }
    if !table.legend.is_empty() {
        let lw = legend_width(&table.legend);
        legend_row(area, &table.legend, ((w - lw) / 2, TOP + plot_h + AXIS + LEGEND / 2))?;
    }
    Ok(())
}

/// The row labels shortened to fit the label column of `label_w` pixels (after any prefix and
/// suffix) so that they stay distinguishable: the affixes shared within each section (rows
/// between headers) are cut first, and labels that would still come out the same are cut in
/// the middle instead, which keeps their ends.
fn fitted_labels(rows: &[Row], label_w: i32, regular: &Font, bold: &Font) -> Vec<String> {
    let room = |r: &Row| {
        let f = if r.kind == RowKind::Emphasised { bold } else { regular };
        let mut right = label_w - 12;
        if !r.suffix.is_empty() {
            right -= f.width(&r.suffix) + f.width(" ");
        }
        let left = if r.prefix.is_empty() { 12 } else { 12 + f.width(&r.prefix) + f.width(" ") };
        (right - left, f)
    };
    let mut out = vec![String::new(); rows.len()];
    let mut start = 0;
    while start < rows.len() {
        let end = (start + 1..rows.len()).find(|&j| rows[j].kind == RowKind::Header).unwrap_or(rows.len());
        let items: Vec<usize> = (start..end).filter(|&i| rows[i].kind != RowKind::Header).collect();
        let affixes = common_affixes(items.iter().map(|&i| rows[i].label.as_str()));
        for &i in &items {
            let (max, f) = room(&rows[i]);
            out[i] = fit_distinct(&rows[i].label, affixes, max, f);
        }
        let clashing: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&i| out[i] != rows[i].label && items.iter().filter(|&&j| out[j] == out[i]).count() > 1)
            .collect();
        for i in clashing {
            let (max, f) = room(&rows[i]);
            out[i] = fit_middle(&rows[i].label, max, f);
        }
        start = end.max(start + 1);
    }
    out
}

/// Vertical layout of the rows.
struct Layout {
    row_h: f64,
    plot_h: i32,
}

impl Layout {
    /// Top and bottom pixel of row `i`.
    fn band(&self, i: usize) -> (i32, i32) {
        (TOP + (i as f64 * self.row_h).round() as i32, TOP + ((i + 1) as f64 * self.row_h).round() as i32)
    }

    /// Vertical centre of row `i`.
    fn center(&self, i: usize) -> i32 {
        TOP + ((i as f64 + 0.5) * self.row_h).round() as i32
    }
}

/// One column of bars at pixel `x` of width `cw`.
fn bar_column(
    area: &Area<'_>,
    table: &Table,
    b: &BarColumn,
    (x, cw): (i32, i32),
    layout: &Layout,
    backgrounds: &[RGBColor],
) -> DrawResult {
    let title = style::bold(style::LABEL, style::BLACK);
    let t = fit_end(&b.title, cw - 8, &title);
    draw_text(area, &t, (x + cw / 2, TOP / 2), &title, HPos::Center, VPos::Center)?;

    let (lo, hi) =
        if b.range.0.is_finite() && b.range.1.is_finite() && b.range.1 > b.range.0 { b.range } else { (0.0, 1.0) };
    // Room beside the axis for the widest number, so numbers never cover bars or labels.
    let note = style::text(style::NOTE, style::BLACK);
    let base = if lo <= 0.0 && hi >= 0.0 { 0.0 } else { lo };
    let widest = |right: bool| {
        b.bars
            .iter()
            .flatten()
            .filter(|b| b.value.is_finite() && (b.value >= base) == right)
            .map(|b| note.width(&b.text))
            .max()
            .unwrap_or(0)
    };
    let pad_r = widest(true) + 12;
    let pad_l = if lo < 0.0 { widest(false) + 12 } else { 6 };
    let (px0, px1) = (x + pad_l, (x + cw - pad_r).max(x + pad_l + 10));
    let (w, h) = area.dim_in_pixel();
    let (top, bottom) = (TOP, TOP + layout.plot_h);

    // The axis, grid and reference lines: a plotters chart over the bars' strip, y from 0
    // (bottom row) to 1 (top row), its x axis in the space below the rows.
    // The description sits 12 pixels above the bottom of the axis space, clear of a legend.
    let strip = area.margin(top, (h as i32 - bottom - AXIS + 12).max(0), px0, (w as i32 - px1).max(0));
    let mut chart = ChartBuilder::on(&strip).x_label_area_size(AXIS - 12).build_cartesian_2d(lo..hi, 0.0..1.0)?;
    // Tick labels at least 45 pixels apart.
    let n = ((px1 - px0) / 45).clamp(2, 10) as usize + 1;
    let step = tick_step(lo..hi, n);
    let label = |v: &f64| tick_label(*v, step, b.percent);
    let desc = style::text(style::LABEL, style::BLACK);
    let anchor = (HPos::Left, VPos::Top);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(n)
        .max_light_lines(0)
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD).stroke_width(1))
        .axis_style(style::BLACK.stroke_width(1))
        .set_all_tick_mark_size(5)
        .x_label_style(text_style(&note, anchor))
        .axis_desc_style(text_style(&desc, anchor))
        .x_label_formatter(&label)
        .x_desc(fit_end(&b.axis, cw, &desc))
        .draw()?;
    if let Some(r) = b.reference.filter(|r| *r >= lo && *r <= hi) {
        chart.draw_series(DashedLineSeries::new(vec![(r, 0.0), (r, 1.0)], 10, 7, style::BLACK.stroke_width(2)))?;
    }
    if lo < 0.0 && hi > 0.0 {
        chart.draw_series(LineSeries::new(vec![(0.0, 0.0), (0.0, 1.0)], style::BLACK.stroke_width(1)))?;
    }
    let origin = area.get_base_pixel().0;
    let to_px = |v: f64| chart.backend_coord(&(v.clamp(lo, hi), 0.0)).0 - origin;

    let half = ((layout.row_h * 0.31).min(17.0)).round() as i32;
    let missing = style::text(style::NOTE, style::GREY);
    for (i, r) in table.rows.iter().enumerate() {
        if r.kind == RowKind::Header {
            continue;
        }
        let yc = layout.center(i);
        let bg = backgrounds.get(i).copied().unwrap_or(style::WHITE);
        let base_px = to_px(base);
        let Some(bar) = b.bars.get(i).and_then(|b| b.as_ref()).filter(|b| b.value.is_finite()) else {
            if !b.missing.is_empty() {
                let s = fit_end(&b.missing, x + cw - base_px - 8, &missing);
                halo_text(area, &s, (base_px + 6, yc), &missing, HPos::Left, bg)?;
            }
            continue;
        };
        let end_px = to_px(bar.value);
        let (l, r) = (base_px.min(end_px), base_px.max(end_px));
        area.draw(&Rectangle::new([(l, yc - half), (r.max(l + 1), yc + half)], bar.color.filled()))?;
        if bar.text.is_empty() {
            continue;
        }
        if bar.value >= base {
            halo_text(area, &bar.text, (end_px + 6, yc), &note, HPos::Left, bg)?;
        } else {
            halo_text(area, &bar.text, (end_px - 6, yc), &note, HPos::Right, bg)?;
        }
    }
    Ok(())
}

/// A legend in one row starting at `(x, y)` (its vertical centre).
fn legend_row(area: &Area<'_>, items: &[(Swatch, String)], (x, y): (i32, i32)) -> DrawResult {
    let f = style::text(style::LABEL, style::BLACK);
    let mut cx = x;
    for (kind, label) in items {
        area.draw(&kind.element((cx, y)))?;
        draw_text(area, label, (cx + SWATCH, y), &f, HPos::Left, VPos::Center)?;
        cx += SWATCH + f.width(label) + 28;
    }
    Ok(())
}

/// Width of a legend row drawn by [`legend_row`].
fn legend_width(items: &[(Swatch, String)]) -> i32 {
    let f = style::text(style::LABEL, style::BLACK);
    items.iter().map(|(_, l)| SWATCH + f.width(l) + 28).sum::<i32>() - 28
}

/// Text on a patch of the row's background, so that grid and reference lines do not cross it.
fn halo_text(area: &Area<'_>, s: &str, (x, y): (i32, i32), f: &Font, h: HPos, bg: RGBColor) -> DrawResult {
    let w = f.width(s);
    let (x0, x1) = match h {
        HPos::Left => (x - 2, x + w + 2),
        HPos::Right => (x - w - 2, x + 2),
        HPos::Center => (x - w / 2 - 2, x + w / 2 + 2),
    };
    let half = (f.size / 2.0).ceil() as i32 + 1;
    area.draw(&Rectangle::new([(x0, y - half), (x1, y + half)], bg.filled()))?;
    draw_text(area, s, (x, y), f, h, VPos::Center)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_heights() {
        let (lo, hi) = symmetric_range([0.5, -2.0, f64::NAN], 0.1);
        assert!((hi - 2.1).abs() < 1e-12 && lo == -hi);
        assert!((symmetric_range([], 1.0).1 - 1.05).abs() < 1e-12);
        let (lo, hi) = signed_range([10.0, 4.0, -0.5], 3.0);
        assert!((lo + 1.05).abs() < 1e-12 && (hi - 10.5).abs() < 1e-12);
        let (lo, hi) = signed_range([-2.0, 1.5], 3.0);
        assert!((lo + 3.15).abs() < 1e-12 && (hi - 3.15).abs() < 1e-12);
        assert_eq!(height_for(2, 100, 800, true), 400);
        assert_eq!(height_for(8, 100, 800, true), 270 + 8 * GOOD_ROW);
        assert_eq!(height_for(15, 100, 800, true), 800);
        assert_eq!(height_for(60, 100, 800, true), 270 + 60 * MIN_ROW);
    }

    #[test]
    fn labels_stay_distinct() {
        let f = style::text(style::LABEL, style::BLACK);
        let b = style::bold(style::LABEL, style::BLACK);
        let rows = vec![
            Row::header("Variant"),
            Row::item("reframe_emotionally_triggering(fake)").with_suffix("(n=179)"),
            Row::item("reframe_emotionally_triggering(real)").with_suffix("(n=178)"),
            Row::item("direct_prompt").with_suffix("(n=326)"),
            Row::header("Domain"),
            Row::item("news/arbitrary-topic"),
        ];
        let out = fitted_labels(&rows, 300, &f, &b);
        assert_eq!(out[0], "");
        assert_ne!(out[1], out[2], "{out:?}");
        assert!(out[1].ends_with("(fake)") && out[2].ends_with("(real)"), "{out:?}");
        assert_eq!(out[3], "direct_prompt");
        assert_eq!(out[5], "news/arbitrary-topic");
    }
}
