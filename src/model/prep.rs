//! Preprocessing of feature values into model inputs, fitted on training rows and stored in the
//! model: an optional log transform for skewed non-negative features, median imputation of
//! not-applicable values (with an indicator column where values are often missing), and
//! standardisation with clipping so that one extreme value cannot dominate a score.

use serde::{Deserialize, Serialize};

/// Standardised inputs are clipped to +-this many standard deviations.
pub const CLIP: f64 = 5.0;
/// Features missing in at least this share of training rows get an indicator column.
pub const INDICATOR_MIN_MISSING: f64 = 0.05;
/// Non-negative features more skewed than this are log-transformed.
const LOG_SKEW: f64 = 1.0;

/// How one feature becomes one (or two) model inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureTransform {
    /// Registry name.
    pub name: String,
    /// Apply ln(1 + x) before everything else.
    pub log: bool,
    /// Value used when the feature is not applicable (the training median, after the log).
    pub impute: f64,
    /// Mean of the (transformed, imputed) training values.
    pub mean: f64,
    /// Their standard deviation (1 when constant).
    pub std: f64,
    /// Add a 0/1 column "was not applicable".
    pub indicator: bool,
    /// Share of training rows where it was not applicable.
    pub missing_share: f64,
}

impl FeatureTransform {
    fn transform(&self, v: f64) -> f64 {
        if self.log {
            v.max(0.0).ln_1p()
        } else {
            v
        }
    }

    /// The standardised, clipped input for value `v` (`None` = not applicable).
    pub fn standardise(&self, v: Option<f64>) -> f64 {
        let x = v.map(|v| self.transform(v)).unwrap_or(self.impute);
        ((x - self.mean) / self.std).clamp(-CLIP, CLIP)
    }
}

/// All transforms of a model, in input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preprocessor {
    /// One per selected feature.
    pub features: Vec<FeatureTransform>,
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn skewness(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    if n < 3.0 {
        return 0.0;
    }
    let m = v.iter().sum::<f64>() / n;
    let s2 = v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / n;
    if s2 <= 1e-24 {
        return 0.0;
    }
    v.iter().map(|x| (x - m).powi(3)).sum::<f64>() / n / s2.powf(1.5)
}

impl Preprocessor {
    /// Fit on training rows: `rows[i][j]` is feature `j` of row `i`.
    pub fn fit(names: &[String], rows: &[&[Option<f64>]]) -> Preprocessor {
        let mut features = Vec::with_capacity(names.len());
        for (j, name) in names.iter().enumerate() {
            let present: Vec<f64> = rows.iter().filter_map(|r| r[j]).collect();
            let missing_share = 1.0 - present.len() as f64 / rows.len().max(1) as f64;
            let min = present.iter().copied().fold(f64::INFINITY, f64::min);
            let log = !present.is_empty() && min >= 0.0 && skewness(&present) > LOG_SKEW;
            let mut t = FeatureTransform {
                name: name.clone(),
                log,
                impute: 0.0,
                mean: 0.0,
                std: 1.0,
                indicator: (INDICATOR_MIN_MISSING..1.0).contains(&missing_share),
                missing_share,
            };
            let mut transformed: Vec<f64> = present.iter().map(|&v| t.transform(v)).collect();
            t.impute = median(&mut transformed);
            let all: Vec<f64> = rows.iter().map(|r| r[j].map(|v| t.transform(v)).unwrap_or(t.impute)).collect();
            let n = all.len().max(1) as f64;
            t.mean = all.iter().sum::<f64>() / n;
            let sd = (all.iter().map(|x| (x - t.mean).powi(2)).sum::<f64>() / n).sqrt();
            t.std = if sd > 1e-12 { sd } else { 1.0 };
            features.push(t);
        }
        Preprocessor { features }
    }

    /// Number of model inputs (features plus indicators).
    pub fn width(&self) -> usize {
        self.features.len() + self.features.iter().filter(|f| f.indicator).count()
    }

    /// Names of the model inputs: feature names, then `<name>_missing` indicators.
    pub fn input_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.features.iter().map(|f| f.name.clone()).collect();
        names.extend(self.features.iter().filter(|f| f.indicator).map(|f| format!("{}_missing", f.name)));
        names
    }

    /// Model inputs for one row of feature values (in `features` order).
    pub fn apply(&self, values: &[Option<f64>], out: &mut Vec<f64>) {
        out.clear();
        out.extend(self.features.iter().zip(values).map(|(f, v)| f.standardise(*v)));
        out.extend(self.features.iter().zip(values).filter(|(f, _)| f.indicator).map(|(_, v)| {
            if v.is_none() {
                1.0
            } else {
                0.0
            }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_and_apply_worked_example() {
        // Feature a: 1, 2, 3, None -> impute median 2; mean of (1, 2, 3, 2) = 2, sd = sqrt(0.5).
        let rows: Vec<Vec<Option<f64>>> = vec![vec![Some(1.0)], vec![Some(2.0)], vec![Some(3.0)], vec![None]];
        let refs: Vec<&[Option<f64>]> = rows.iter().map(|r| r.as_slice()).collect();
        let p = Preprocessor::fit(&["a".into()], &refs);
        let f = &p.features[0];
        assert!(!f.log);
        assert_eq!((f.impute, f.mean), (2.0, 2.0));
        assert!((f.std - 0.5f64.sqrt()).abs() < 1e-12);
        assert!(f.indicator, "25 % missing gets an indicator");
        let mut out = Vec::new();
        p.apply(&[Some(3.0)], &mut out);
        assert!((out[0] - 1.0 / 0.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(out[1], 0.0);
        p.apply(&[None], &mut out);
        assert_eq!(out, vec![0.0, 1.0]);
        p.apply(&[Some(1e9)], &mut out);
        assert_eq!(out[0], CLIP);
        assert_eq!(p.input_names(), vec!["a".to_string(), "a_missing".to_string()]);
    }

    #[test]
    fn skewed_non_negative_features_are_logged() {
        let vals: Vec<Vec<Option<f64>>> = (0..100).map(|i| vec![Some(if i < 95 { 1.0 } else { 100.0 })]).collect();
        let refs: Vec<&[Option<f64>]> = vals.iter().map(|r| r.as_slice()).collect();
        let p = Preprocessor::fit(&["rate".into()], &refs);
        assert!(p.features[0].log);
        assert!(!p.features[0].indicator);
    }
}
