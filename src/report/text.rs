//! Chart text, laid out and rasterised with `ab_glyph` from the embedded DejaVu Sans.
//!
//! plotters 0.3.7 draws `ab_glyph` text without each glyph's left side bearing, so letters
//! are unevenly spaced ("positi ve"). Every text of a chart is therefore drawn here: glyphs
//! are placed at sub-pixel positions with kerning, and blended into the bitmap by coverage.

use std::sync::LazyLock;

use ab_glyph::{point, Font as _, FontRef, PxScale, ScaleFont};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Area, DrawResult};

static REGULAR: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(dejavu::sans::regular()).expect("embedded DejaVu Sans is a valid font"));
static BOLD: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(dejavu::sans::bold()).expect("embedded DejaVu Sans Bold is a valid font"));

/// A text style: size in pixels, weight and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in pixels (the height from descender to ascender).
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Colour.
    pub color: RGBColor,
}

impl Font {
    /// Regular text.
    pub fn regular(size: f32, color: RGBColor) -> Font {
        Font { size, bold: false, color }
    }

    /// Bold text.
    pub fn bold(size: f32, color: RGBColor) -> Font {
        Font { size, bold: true, color }
    }

    /// The same font in another colour.
    pub fn with_color(self, color: RGBColor) -> Font {
        Font { color, ..self }
    }

    fn face(&self) -> &'static FontRef<'static> {
        if self.bold {
            &BOLD
        } else {
            &REGULAR
        }
    }

    /// Advance width of `s` in pixels (with kerning).
    pub fn width(&self, s: &str) -> i32 {
        layout(self, s).1.ceil() as i32
    }
}

/// Caret positions of each character of `s`, and the total advance.
fn layout(font: &Font, s: &str) -> (Vec<(char, f32)>, f32) {
    let sf = font.face().as_scaled(PxScale::from(font.size.max(1.0)));
    let mut caret = 0.0f32;
    let mut prev = None;
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let id = sf.glyph_id(c);
        if let Some(p) = prev {
            caret += sf.kern(p, id);
        }
        out.push((c, caret));
        caret += sf.h_advance(id);
        prev = Some(id);
    }
    (out, caret)
}

/// Draw `s` with its anchor `(h, v)` at pixel `(x, y)` of `area`. `vertical` turns the text a
/// quarter anticlockwise (reading upwards), anchored at its centre.
fn raster(
    area: &Area<'_>,
    s: &str,
    (x, y): (i32, i32),
    font: &Font,
    (h, v): (HPos, VPos),
    vertical: bool,
) -> DrawResult {
    if s.is_empty() {
        return Ok(());
    }
    let face = font.face();
    let sf = face.as_scaled(PxScale::from(font.size.max(1.0)));
    let (glyphs, width) = layout(font, s);
    let (ascent, descent) = (sf.ascent(), sf.descent());
    let dx = match h {
        HPos::Left => 0.0,
        HPos::Center => -width / 2.0,
        HPos::Right => -width,
    };
    // Baseline offset from the anchor; centre on the middle of ascender and descender.
    let baseline = match v {
        VPos::Top => ascent,
        VPos::Center => (ascent + descent) / 2.0,
        VPos::Bottom => descent,
    };
    let color = font.color;
    for (c, caret) in glyphs {
        let mut g = sf.scaled_glyph(c);
        g.position = point(dx + caret, baseline);
        let Some(outline) = face.outline_glyph(g) else { continue };
        let b = outline.px_bounds();
        let mut err = None;
        outline.draw(|gx, gy, cov| {
            if cov <= 0.003 || err.is_some() {
                return;
            }
            let (px, py) = (b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32);
            let at = if vertical { (x + py, y - px) } else { (x + px, y + py) };
            if let Err(e) = area.draw_pixel(at, &color.mix(cov.min(1.0) as f64)) {
                err = Some(e);
            }
        });
        if let Some(e) = err {
            return Err(e.into());
        }
    }
    Ok(())
}

/// Draw `s` with its anchor `(h, v)` at pixel `(x, y)` of `area`.
pub fn draw(area: &Area<'_>, s: &str, at: (i32, i32), font: &Font, h: HPos, v: VPos) -> DrawResult {
    raster(area, s, at, font, (h, v), false)
}

/// Draw `s` reading upwards (a y axis description), centred at `(x, y)`.
pub fn draw_vertical(area: &Area<'_>, s: &str, at: (i32, i32), font: &Font) -> DrawResult {
    raster(area, s, at, font, (HPos::Center, VPos::Center), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_glyphs() {
        let r = Font::regular(20.0, RGBColor(0, 0, 0));
        let b = Font::bold(20.0, RGBColor(0, 0, 0));
        assert_eq!(r.width(""), 0);
        // Bold is wider than regular, and width grows with size and length.
        assert!(b.width("Feature importance") > r.width("Feature importance"));
        assert!(Font::regular(40.0, r.color).width("abc") > r.width("abc"));
        assert!(r.width("iiii") < r.width("mmmm"));
        // Unknown glyphs (CJK is not in DejaVu Sans) still advance and never panic.
        assert!(r.width("日本") > 0);
    }
}
