//! The drawing kit of the charts, which knows nothing of what they show: the backend (plotters'
//! bitmap backend with chaff's text renderer) and atomic PNG output, the text renderer itself,
//! the look (palette, sizes, number formats), fitting labels to a width, plots with plotters'
//! axes and legends, the title frame, and the bar table.

pub(super) mod backend;
pub(super) mod fit;
pub(super) mod frame;
pub(super) mod plot;
pub mod style;
pub(super) mod table;
pub mod text;
