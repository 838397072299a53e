//! Chart text, laid out and rasterised with `ab_glyph` from the embedded DejaVu Sans.
//!
//! plotters 0.3.7 draws `ab_glyph` text without each glyph's left side bearing and at rounded
//! positions, so letters are unevenly spaced ("positi ve"). Every text of a chart is therefore
//! rasterised here, whoever asks for it (plotters' axes and legends through
//! `ChartBackend`, the charts' own labels through the same backend): glyphs
//! are placed at sub-pixel positions with kerning and handed to a pixel sink with their coverage.

use std::sync::LazyLock;

use ab_glyph::{point, Font as _, FontRef, PxScale, ScaleFont};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

static REGULAR: LazyLock<Option<FontRef<'static>>> =
    LazyLock::new(|| FontRef::try_from_slice(dejavu::sans::regular()).ok());
static BOLD: LazyLock<Option<FontRef<'static>>> = LazyLock::new(|| FontRef::try_from_slice(dejavu::sans::bold()).ok());

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

/// Which way a text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Across,
    /// Bottom to top (a quarter turn anticlockwise), like a y axis description.
    Up,
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

    /// The face (the embedded fonts are valid, so this is always there; `None` draws nothing
    /// rather than panicking).
    fn face(&self) -> Option<&'static FontRef<'static>> {
        if self.bold {
            BOLD.as_ref()
        } else {
            REGULAR.as_ref()
        }
    }

    /// Advance width of `s` in pixels (with kerning).
    pub fn width(&self, s: &str) -> i32 {
        layout(self, s).1.ceil() as i32
    }
}

/// Caret positions of each character of `s`, and the total advance.
fn layout(font: &Font, s: &str) -> (Vec<(char, f32)>, f32) {
    let Some(face) = font.face() else { return (Vec::new(), 0.0) };
    let sf = face.as_scaled(PxScale::from(font.size.max(1.0)));
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

/// Rasterise `s` with its anchor `(h, v)` at pixel `at`, reading in `direction`, handing each
/// covered pixel and its coverage (0..1) to `put`; stops at the first error `put` returns.
pub fn rasterise<E>(
    s: &str,
    at: (i32, i32),
    font: &Font,
    (h, v): (HPos, VPos),
    direction: Direction,
    mut put: impl FnMut((i32, i32), f32) -> Result<(), E>,
) -> Result<(), E> {
    let Some(face) = font.face() else { return Ok(()) };
    if s.is_empty() {
        return Ok(());
    }
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
    for (c, caret) in glyphs {
        let mut g = sf.scaled_glyph(c);
        g.position = point(dx + caret, baseline);
        let Some(outline) = face.outline_glyph(g) else { continue };
        let b = outline.px_bounds();
        let mut result = Ok(());
        outline.draw(|gx, gy, cov| {
            if cov <= 0.003 || result.is_err() {
                return;
            }
            let (px, py) = (b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32);
            let p = match direction {
                Direction::Across => (at.0 + px, at.1 + py),
                Direction::Up => (at.0 + py, at.1 - px),
            };
            result = put(p, cov.min(1.0));
        });
        result?;
    }
    Ok(())
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

    /// The bounding box of the pixels drawn for `s`.
    fn ink(s: &str, at: (i32, i32), anchor: (HPos, VPos), direction: Direction) -> (i32, i32, i32, i32) {
        let f = Font::regular(20.0, RGBColor(0, 0, 0));
        let mut b = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        rasterise(s, at, &f, anchor, direction, |(x, y), _| {
            b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
            Ok::<(), ()>(())
        })
        .unwrap();
        b
    }

    #[test]
    fn anchors_and_directions_place_the_ink() {
        let f = Font::regular(20.0, RGBColor(0, 0, 0));
        let w = f.width("Hello");
        // Left/top: ink starts at the anchor and stays within the advance and the size.
        let (x0, y0, x1, y1) = ink("Hello", (100, 50), (HPos::Left, VPos::Top), Direction::Across);
        assert!((100..=102).contains(&x0) && x1 <= 100 + w, "{x0}..{x1}");
        assert!((50..=54).contains(&y0) && y1 < 70, "{y0}..{y1}");
        // Right/centre: ink ends at the anchor, centred on it vertically.
        let (_, y0, x1, y1) = ink("Hello", (100, 50), (HPos::Right, VPos::Center), Direction::Across);
        assert!((97..=100).contains(&x1) && y0 < 50 && y1 > 45, "{x1} {y0}..{y1}");
        // Reading up: the text runs from bottom to top, centred on the anchor.
        let (x0, y0, x1, y1) = ink("Hello", (40, 200), (HPos::Center, VPos::Center), Direction::Up);
        assert!(x1 - x0 < 20 && y1 - y0 > w - 6, "{x0}..{x1} {y0}..{y1}");
        assert!((y0 + y1) / 2 - 200 <= 2 && 200 - (y0 + y1) / 2 <= 2, "{y0}..{y1}");
        // The sink's error stops the drawing.
        let mut calls = 0;
        let r = rasterise("Hello", (0, 0), &f, (HPos::Left, VPos::Top), Direction::Across, |_, _| {
            calls += 1;
            Err("full")
        });
        assert_eq!((r, calls), (Err("full"), 1));
    }
}
