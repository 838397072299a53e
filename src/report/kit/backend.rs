//! The drawing backend of every chart: plotters' bitmap backend with chaff's text renderer.
//!
//! [`ChartBackend`] passes every shape to plotters' [`BitMapBackend`] and routes `draw_text`
//! and `estimate_text_size` to [`super::text`], so the text plotters lays out itself (tick
//! labels, axis descriptions, legends) is drawn as crisply as chaff's own. [`render`] draws a
//! chart into memory and writes it as a PNG, atomically.

use std::path::Path;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, FontTransform, TextStyle};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use super::style::{self, ensure_fonts};
use super::text::{self, Direction, Font};
use crate::error::Error;

/// plotters' bitmap backend, with text drawn by [`super::text`].
pub(crate) struct ChartBackend<'a> {
    inner: BitMapBackend<'a>,
}

/// The error type of [`ChartBackend`] (that of the bitmap backend).
type BackendError<'a> = DrawingErrorKind<<BitMapBackend<'a> as DrawingBackend>::ErrorType>;

impl<'a> ChartBackend<'a> {
    /// Draw into `buf`, an RGB buffer of `size` pixels.
    pub(crate) fn new(buf: &'a mut [u8], size: (u32, u32)) -> ChartBackend<'a> {
        ChartBackend { inner: BitMapBackend::with_buffer(buf, size) }
    }
}

/// The font of a plotters text style: its size, weight (bold or not) and colour.
fn font_of<S: BackendTextStyle>(style: &S) -> Font {
    let c = style.color().rgb;
    let bold = matches!(style.style(), FontStyle::Bold);
    Font { size: style.size() as f32, bold, color: RGBColor(c.0, c.1, c.2) }
}

impl<'a> DrawingBackend for ChartBackend<'a> {
    type ErrorType = <BitMapBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), BackendError<'a>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), BackendError<'a>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), BackendError<'a>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), BackendError<'a>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), BackendError<'a>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), BackendError<'a>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), BackendError<'a>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), BackendError<'a>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<(), BackendError<'a>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    /// Text through [`text::rasterise`]: the anchor as plotters means it, turned a quarter
    /// anticlockwise for the `Rotate270` of a left y axis description. Other rotations are not
    /// used by chaff's charts and are drawn unturned.
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        s: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), BackendError<'a>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let font = font_of(style);
        let anchor = style.anchor();
        let direction = match style.transform() {
            FontTransform::Rotate270 => Direction::Up,
            _ => Direction::Across,
        };
        let inner = &mut self.inner;
        text::rasterise(s, pos, &font, (anchor.h_pos, anchor.v_pos), direction, |p, cov| {
            inner.draw_pixel(p, BackendColor { alpha: color.alpha * cov as f64, rgb: color.rgb })
        })
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        s: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), BackendError<'a>> {
        let font = font_of(style);
        Ok((font.width(s).max(0) as u32, font.size.ceil() as u32))
    }
}

/// The drawing area of a chart.
pub(crate) type Area<'a> = DrawingArea<ChartBackend<'a>, Shift>;

/// What a drawing step returns; plotters' errors are boxed and turned into [`Error::Chart`].
pub(crate) type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// A cartesian plot with f64 axes.
pub(crate) type Plot<'a, 'b> = ChartContext<'a, ChartBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draw a chart of `size` pixels with `draw` (on a white page) and write it to `path` as a PNG,
/// atomically through [`crate::output::write_atomic`], like every other output: `path` is
/// replaced only when complete and gets the usual permissions.
pub(crate) fn render<F>(path: &Path, size: (u32, u32), draw: F) -> Result<(), Error>
where
    F: FnOnce(&Area<'_>) -> DrawResult,
{
    ensure_fonts();
    let chart_err = |reason: String| Error::Chart { path: path.to_path_buf(), reason };
    let mut buf = vec![0u8; size.0 as usize * size.1 as usize * 3];
    {
        let root = ChartBackend::new(&mut buf, size).into_drawing_area();
        let drawn: DrawResult = (|| {
            root.fill(&WHITE)?;
            draw(&root)?;
            root.present()?;
            Ok(())
        })();
        drawn.map_err(|e| chart_err(e.to_string()))?;
    }
    let png = encode_png(&buf, size).map_err(|e| chart_err(e.to_string()))?;
    crate::output::write_atomic(path, &png)
}

/// An RGB buffer as PNG bytes.
fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

/// A plotters text style for `font`, anchored at `(h, v)`.
pub(crate) fn text_style(font: &Font, (h, v): (HPos, VPos)) -> TextStyle<'static> {
    let weight = if font.bold { FontStyle::Bold } else { FontStyle::Normal };
    TextStyle {
        font: (style::FAMILY, font.size as f64, weight).into_font(),
        color: font.color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Draw `s` with its anchor `(h, v)` at pixel `at` of `area`.
pub(crate) fn draw_text(area: &Area<'_>, s: &str, at: (i32, i32), font: &Font, h: HPos, v: VPos) -> DrawResult {
    area.draw_text(s, &text_style(font, (h, v)), at)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels of `buf` (RGB, `w` wide) in the box `(x0, y0)..(x1, y1)` that are not white.
    fn inked(buf: &[u8], w: u32, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> usize {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| ((y * w + x) * 3) as usize))
            .filter(|&i| buf[i..i + 3] != [255, 255, 255])
            .count()
    }

    #[test]
    fn plotters_text_goes_through_chaff_s_renderer() {
        ensure_fonts();
        let (w, h) = (300u32, 120u32);
        let mut ours = vec![255u8; (w * h * 3) as usize];
        let mut theirs = vec![255u8; (w * h * 3) as usize];
        let f = style::text(20.0, style::BLACK);
        {
            let area = ChartBackend::new(&mut ours, (w, h)).into_drawing_area();
            draw_text(&area, "positive", (10, 10), &f, HPos::Left, VPos::Top).unwrap();
            area.present().unwrap();
        }
        {
            // The same text by hand, straight from the renderer.
            let mut b = BitMapBackend::with_buffer(&mut theirs, (w, h));
            text::rasterise("positive", (10, 10), &f, (HPos::Left, VPos::Top), Direction::Across, |p, cov| {
                b.draw_pixel(p, BackendColor { alpha: cov as f64, rgb: (0, 0, 0) })
            })
            .unwrap();
            b.present().unwrap();
        }
        assert!(inked(&ours, w, (0, 0, w, h)) > 100);
        assert!(ours == theirs, "plotters' draw_text and the renderer draw the same pixels");
        // The size plotters gets for layout is the renderer's.
        let area = ChartBackend::new(&mut ours, (w, h)).into_drawing_area();
        let size = area.estimate_text_size("positive", &text_style(&f, (HPos::Left, VPos::Top))).unwrap();
        assert_eq!(size, (f.width("positive") as u32, 20));
    }

    #[test]
    fn y_descriptions_read_upwards() {
        ensure_fonts();
        let (w, h) = (100u32, 300u32);
        let mut buf = vec![255u8; (w * h * 3) as usize];
        {
            let area = ChartBackend::new(&mut buf, (w, h)).into_drawing_area();
            let style = text_style(&style::text(20.0, style::BLACK), (HPos::Center, VPos::Top))
                .transform(FontTransform::Rotate270);
            area.draw_text("Observed share", &style, (10, 150)).unwrap();
            area.present().unwrap();
        }
        // A tall, narrow column of ink to the right of x = 10, centred on y = 150.
        assert_eq!(inked(&buf, w, (0, 0, 10, h)), 0);
        assert!(inked(&buf, w, (10, 100, 35, 200)) > 200);
        assert_eq!(inked(&buf, w, (40, 0, w, h)), 0);
    }
}
