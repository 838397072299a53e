//! The model file: a JSON envelope that chaff owns (schema version, features in order,
//! preprocessing, weights, calibration, thresholds, abstention rule, human reference values,
//! training summary and metrics), written atomically and checked against the running binary
//! when loaded.

use serde::{Deserialize, Serialize};

use super::calibration::Platt;
use super::forest::ForestParams;
use super::logistic::LogisticParams;
use super::prep::Preprocessor;
use super::threshold::ThresholdRule;
use crate::error::Error;

/// The schema version this binary writes and the newest it reads.
pub(crate) const SCHEMA_VERSION: u32 = 1;

/// Which classifier scores articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Algorithm {
    /// L2-regularised logistic regression (linfa-logistic).
    Logistic,
    /// Bagged decision trees on random feature subsets (linfa-trees).
    Forest,
}

impl Algorithm {
    /// Its name in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Logistic => "logistic",
            Algorithm::Forest => "forest",
        }
    }
}

/// Label names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    /// Labels counted as positive (flagged), e.g. `machine`.
    pub positive: Vec<String>,
    /// The other labels seen in training.
    pub negative: Vec<String>,
}

/// When the model abstains (`uncertain`) regardless of its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbstainRule {
    /// Fewer words than this: too little evidence.
    pub min_words: u32,
    /// Languages (as chaff detects them) with enough training texts; others abstain.
    pub languages: Vec<String>,
}

/// Human reference values of one feature, from the human training texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureReference {
    /// Registry name.
    pub name: String,
    /// Human texts where it applied.
    pub count: u64,
    /// 10th percentile.
    pub q10: f64,
    /// 25th percentile.
    pub q25: f64,
    /// Median.
    pub median: f64,
    /// 75th percentile.
    pub q75: f64,
    /// 90th percentile.
    pub q90: f64,
}

impl FeatureReference {
    /// Robust z-score of `v` against the human distribution: (v - median) / (IQR / 1.349),
    /// with a floor on the spread so that near-constant features do not explode.
    pub fn z(&self, v: f64) -> f64 {
        let spread =
            ((self.q75 - self.q25) / 1.349).max((self.q90 - self.q10) / 2.563).max(1e-6 + self.median.abs() * 0.05);
        ((v - self.median) / spread).clamp(-10.0, 10.0)
    }
}

/// What the model was trained on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainingSummary {
    /// Input files.
    pub files: Vec<String>,
    /// Rows per label.
    pub rows_per_label: std::collections::BTreeMap<String, u64>,
    /// Rows per source corpus.
    pub rows_per_source: std::collections::BTreeMap<String, u64>,
    /// Rows per language (as chaff detects it).
    pub rows_per_language: std::collections::BTreeMap<String, u64>,
    /// Number of groups.
    pub groups: u64,
    /// How groups were formed.
    pub group_rule: String,
    /// Cross-validation folds.
    pub folds: u32,
    /// Random seed.
    pub seed: u64,
    /// L2 penalty of the logistic regression.
    pub alpha: f64,
    /// Rows skipped as unreadable.
    pub skipped_rows: u64,
}

/// A record of `chaff calibrate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationRecord {
    /// When (UTC date).
    pub date: String,
    /// Files or directories of the human sample.
    pub human_sources: Vec<String>,
    /// Human texts used.
    pub human_texts: u64,
    /// Machine texts given with `--machine`, if any.
    pub machine_texts: u64,
    /// Target false-positive rate.
    pub target_fpr: f64,
    /// One-sided confidence of the bound.
    pub confidence: f64,
    /// False positives allowed in the sample at the new threshold.
    pub allowed_false_positives: u64,
    /// The Clopper-Pearson upper bound on the human FPR at the new threshold.
    pub fpr_upper_bound: f64,
    /// Human FPR observed in the sample at the new threshold.
    pub observed_fpr: f64,
    /// TPR on the `--machine` sample at the new threshold.
    pub machine_tpr: Option<f64>,
    /// The threshold rule before calibration.
    pub previous_threshold: ThresholdRule,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    /// Schema version (see `SCHEMA_VERSION`).
    pub schema_version: u32,
    /// chaff version that wrote it.
    pub chaff_version: String,
    /// UTC date it was trained.
    pub created: String,
    /// The scoring algorithm.
    pub algorithm: Algorithm,
    /// Label names.
    pub labels: Labels,
    /// Registry names of the features used, in input order.
    pub features: Vec<String>,
    /// Preprocessing of those features.
    pub preprocess: Preprocessor,
    /// Logistic weights: the scorer for `logistic`, and the explainer of reasons for `forest`.
    pub logistic: LogisticParams,
    /// The forest, for `forest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forest: Option<ForestParams>,
    /// Platt calibration of the raw log-odds.
    pub calibration: Platt,
    /// Decision thresholds per length band, with uncertainty bands.
    pub threshold: ThresholdRule,
    /// When to abstain.
    pub abstain: AbstainRule,
    /// Human reference values of every registry feature.
    pub human_reference: Vec<FeatureReference>,
    /// What it was trained on.
    pub training: TrainingSummary,
    /// Cross-validated metrics (a summary of the evaluation).
    pub metrics: serde_json::Value,
    /// Set by `chaff calibrate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibrated_on: Option<CalibrationRecord>,
}

impl ModelFile {
    /// Parse and check a model file; `origin` names it in errors.
    pub fn from_json(json: &str, origin: &str) -> Result<ModelFile, Error> {
        let err = |reason: String| Error::Model { path: origin.to_string(), reason };
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| err(format!("not valid JSON ({e}); is this a chaff model file?")))?;
        let version = value
            .get("schema_version")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| err("no schema_version; is this a chaff model file?".into()))?;
        if version > SCHEMA_VERSION as u64 {
            return Err(err(format!(
                "schema version {version} is newer than this chaff ({}) reads (up to {SCHEMA_VERSION}); upgrade chaff",
                env!("CARGO_PKG_VERSION")
            )));
        }
        let file: ModelFile = serde_json::from_value(value).map_err(|e| err(format!("malformed model file: {e}")))?;
        file.check().map_err(err)?;
        Ok(file)
    }

    /// Consistency checks: features known to this binary, sizes agree, values finite.
    fn check(&self) -> Result<(), String> {
        let unknown: Vec<&str> =
            self.features.iter().filter(|f| crate::features::by_name(f).is_none()).map(String::as_str).collect();
        if !unknown.is_empty() {
            return Err(format!(
                "it uses features this chaff does not have: {}; it was trained by a different chaff version ({}), retrain it or use a matching binary",
                unknown.join(", "),
                self.chaff_version
            ));
        }
        if self.preprocess.features.len() != self.features.len()
            || self.preprocess.features.iter().zip(&self.features).any(|(p, f)| &p.name != f)
        {
            return Err("preprocessing does not match the feature list".into());
        }
        if self.logistic.coefficients.len() != self.preprocess.width() {
            return Err(format!(
                "{} coefficients for {} inputs",
                self.logistic.coefficients.len(),
                self.preprocess.width()
            ));
        }
        if self.algorithm == Algorithm::Forest && self.forest.as_ref().is_none_or(|f| f.trees.is_empty()) {
            return Err("algorithm is forest but the file has no trees".into());
        }
        if let Some(f) = &self.forest {
            let width = self.preprocess.width();
            if f.trees.iter().any(|t| t.columns.iter().any(|&c| c >= width)) {
                return Err("a tree uses an input column that does not exist".into());
            }
        }
        if self.threshold.bands.is_empty() {
            return Err("no thresholds".into());
        }
        let finite = self.logistic.intercept.is_finite()
            && self.logistic.coefficients.iter().all(|c| c.is_finite())
            && self.calibration.a.is_finite()
            && self.calibration.b.is_finite()
            && self
                .preprocess
                .features
                .iter()
                .all(|p| p.mean.is_finite() && p.std.is_finite() && p.std > 0.0 && p.impute.is_finite())
            && self
                .threshold
                .bands
                .iter()
                .all(|b| (0.0..=1.0).contains(&b.threshold) && (0.0..=1.0).contains(&b.uncertain_from));
        if !finite {
            return Err("contains non-finite or out-of-range numbers".into());
        }
        Ok(())
    }

    /// Serialise (pretty, stable field order).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
