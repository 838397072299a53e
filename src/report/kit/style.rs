//! The look shared by every chart: the Okabe-Ito palette (safe for colour-blind readers), the
//! embedded DejaVu Sans font, text sizes for slides, and number formats.
//!
//! Fonts come from the `dejavu` crate and are registered with plotters' `ab_glyph` backend
//! once, before any drawing, so charts never depend on system fonts.

use std::sync::Once;

use plotters::style::{FontStyle, RGBColor};

use super::text::Font;

/// Okabe-Ito black.
pub const BLACK: RGBColor = RGBColor(0, 0, 0);
/// Okabe-Ito orange.
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Okabe-Ito sky blue.
pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
/// Okabe-Ito bluish green.
pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// Okabe-Ito blue.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Okabe-Ito vermillion.
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Okabe-Ito reddish purple.
pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
/// Neutral grey (uncertain verdicts, missing values).
pub const GREY: RGBColor = RGBColor(0x99, 0x99, 0x99);
/// Light grey for grids and shaded bands.
pub const LIGHT_GREY: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
/// Dark grey for secondary text.
pub const DARK_GREY: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// White.
pub const WHITE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Colour of human texts and of pushes towards human.
pub const HUMAN: RGBColor = BLUE;
/// Colour of machine texts, of `filler` verdicts and of pushes towards machine.
pub const MACHINE: RGBColor = VERMILLION;
/// Colour of `uncertain` verdicts.
pub const UNCERTAIN: RGBColor = GREY;
/// Colour of `ok` verdicts.
pub const OK: RGBColor = BLUE;

/// The font family every chart uses (registered by [`ensure_fonts`]).
pub const FAMILY: &str = "sans-serif";

/// Title size in pixels.
pub const TITLE: f32 = 32.0;
/// Subtitle size.
pub const SUBTITLE: f32 = 20.0;
/// Axis description size.
pub const AXIS: f32 = 21.0;
/// Tick label, row label and legend size.
pub const LABEL: f32 = 19.0;
/// Annotation size (numbers on bars).
pub const NOTE: f32 = 17.0;

static FONTS: Once = Once::new();

/// Register DejaVu Sans (regular and bold) as `sans-serif` with plotters, once: plotters looks
/// the font up to measure legend entries, although the pixels come from [`super::text`].
pub fn ensure_fonts() {
    FONTS.call_once(|| {
        // Embedded, valid fonts: registration cannot fail (a test draws with both faces).
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, dejavu::sans::bold());
    });
}

/// Regular text of `size` pixels in `color`.
pub fn text(size: f32, color: RGBColor) -> Font {
    Font::regular(size, color)
}

/// Bold text of `size` pixels in `color`.
pub fn bold(size: f32, color: RGBColor) -> Font {
    Font::bold(size, color)
}

/// A rate as a percentage with one decimal, e.g. `4.1%`.
pub fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// An optional rate as a percentage, `n/a` when missing.
pub fn opt_pct(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite()).map(pct).unwrap_or_else(|| "n/a".into())
}

/// A score (AUC, probability) with three decimals.
pub fn num3(v: f64) -> String {
    format!("{v:.3}")
}

/// An optional score with three decimals, `n/a` when missing.
pub fn opt_num3(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite()).map(num3).unwrap_or_else(|| "n/a".into())
}

pub use crate::output::readable;

/// A signed number with two decimals, e.g. `+0.35` or `-1.20`.
pub fn signed2(v: f64) -> String {
    format!("{v:+.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(pct(0.041), "4.1%");
        assert_eq!(opt_pct(None), "n/a");
        assert_eq!(opt_pct(Some(f64::NAN)), "n/a");
        assert_eq!(num3(0.91234), "0.912");
        assert_eq!(readable(22.026), "22.0");
        assert_eq!(readable(0.5085), "0.508");
        assert_eq!(readable(3.0), "3");
        assert_eq!(readable(f64::INFINITY), "n/a");
        assert_eq!(signed2(0.348), "+0.35");
        assert_eq!(signed2(-1.2), "-1.20");
    }
}
