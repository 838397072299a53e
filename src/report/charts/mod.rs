//! The charts, one file per kind. Each draws with the kit ([`super::kit`]) and returns a
//! [`Chart`]: where it went, its title and caption, and the numbers and labels it drew, so that
//! tests can check that what a reader sees comes from the input.

mod calibration;
mod confusion;
mod distribution;
mod groups;
mod histogram;
mod importance;
mod pr;
mod profile;
mod roc;
mod rows;
mod top_flagged;

use std::path::{Path, PathBuf};

use plotters::style::RGBColor;

pub use calibration::calibration;
pub use confusion::confusion;
pub use distribution::score_distribution;
pub use groups::{subgroups, transfer};
pub use histogram::score_histogram;
pub use importance::feature_importance;
pub use pr::pr;
pub use profile::{profile, profile_bars, profile_file_name, ProfileBar};
pub use roc::roc;
pub(crate) use rows::ranked;
#[cfg(test)]
pub(crate) use rows::strongest_reason;
pub use top_flagged::top_flagged;

use super::kit::style;
use crate::model::evaluate::EvalReport;
use crate::model::predict::{Model, Verdict};
use crate::model::threshold::band_label;

/// Sizes and limits of the charts.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels (bar tables are shorter when they have a few rows, down to half of
    /// this, and grow taller when they have many).
    pub height: u32,
    /// Features in the importance chart.
    pub top_features: usize,
    /// Articles in the most-flagged chart.
    pub top_articles: usize,
    /// Article profiles drawn for a batch.
    pub profiles: usize,
    /// Features in each profile.
    pub profile_features: usize,
    /// Most subgroup rows in the subgroup chart (the largest groups of each column are kept).
    pub max_groups: usize,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 1200,
            height: 800,
            top_features: 20,
            top_articles: 20,
            profiles: 5,
            profile_features: 12,
            max_groups: 60,
        }
    }
}

/// What a chart shows, for the index page and for tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The PNG file.
    pub file: PathBuf,
    /// Its title.
    pub title: String,
    /// One line saying what it shows.
    pub caption: String,
    /// Texts drawn from the input: legend entries, row labels, annotations.
    pub labels: Vec<String>,
    /// Named numbers drawn (an AUC, confusion counts, bar values).
    pub values: Vec<(String, f64)>,
}

impl Chart {
    fn new(file: &Path, title: impl Into<String>, caption: impl Into<String>) -> Chart {
        Chart { file: file.to_path_buf(), title: title.into(), caption: caption.into(), labels: vec![], values: vec![] }
    }

    /// The value drawn under `name`, if any.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.values.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
    }

    /// Whether some drawn label contains `text`.
    pub fn shows(&self, text: &str) -> bool {
        self.labels.iter().any(|l| l.contains(text)) || self.title.contains(text)
    }
}

/// Height of a chart header with a subtitle.
pub(crate) const HEADER: u32 = 100;

/// Names of the negative and positive classes as the data spells them (`human`, `machine`).
pub(crate) fn class_names(rep: &EvalReport) -> (String, String) {
    let name = |positive: bool, default: &str| {
        let mut labels: Vec<&str> =
            rep.scores.iter().filter(|r| r.positive == positive).map(|r| r.label.as_str()).collect();
        labels.sort_unstable();
        labels.dedup();
        match labels.len() {
            0 => default.to_string(),
            1..=2 => labels.join("/"),
            _ => default.to_string(),
        }
    };
    (name(false, "human"), name(true, "machine"))
}

/// Why a curve cannot be drawn: the class counts.
pub(crate) fn one_class_message(rep: &EvalReport) -> String {
    let (neg, pos) = class_names(rep);
    format!(
        "needs both classes: the evaluation has {} {neg} and {} {pos} texts",
        rep.overall.negatives, rep.overall.positives
    )
}

/// The colour of a verdict.
pub(crate) fn verdict_color(v: Verdict) -> RGBColor {
    match v {
        Verdict::Filler => style::MACHINE,
        Verdict::Ok => style::OK,
        Verdict::Uncertain => style::UNCERTAIN,
    }
}

/// The model's thresholds as (band, threshold, uncertain_from).
pub(crate) fn model_bands(model: Option<&Model>) -> Vec<(String, f64, f64)> {
    model
        .map(|m| {
            m.file
                .threshold
                .bands
                .iter()
                .map(|b| (band_label(b.min_words, b.max_words), b.threshold, b.uncertain_from))
                .collect()
        })
        .unwrap_or_default()
}
