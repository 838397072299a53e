//! Preprocessing of feature values into model inputs, fitted on training rows and stored in the
//! model: an optional log transform for skewed non-negative features, median imputation of
//! not-applicable values, standardisation with clipping so that one extreme value cannot
//! dominate a score, and indicator inputs where missingness carries information:
//!
//! - one 0/1 input per training language other than the most common one, so that each language
//!   has its own intercept. Language-specific features (English function words, say) are missing
//!   in every other language; without these inputs the model would read "no English evidence"
//!   as evidence;
//! - a `<feature>_missing` input for other features that are often not applicable.

use serde::{Deserialize, Serialize};

/// Standardised inputs are clipped to +-this many standard deviations.
pub(crate) const CLIP: f64 = 5.0;
/// Features missing in at least this share of training rows get an indicator column.
pub(crate) const INDICATOR_MIN_MISSING: f64 = 0.05;
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
    /// Languages with their own 0/1 input (`lang_is_<code>`), after the indicators.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// A language needs this many training rows for an input of its own.
pub(crate) const MIN_LANGUAGE_ROWS: usize = 50;

/// Whether a feature's missingness is explained by the language alone (it applies only to some
/// languages): such features get no indicator, the language inputs cover them.
fn language_specific(name: &str) -> bool {
    crate::features::by_name(name).is_some_and(|f| matches!(f.applies, crate::features::Applicability::Languages(_)))
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
    /// Fit on training rows: `rows[i][j]` is feature `j` of row `i`, `langs[i]` its language.
    pub fn fit(names: &[String], rows: &[&[Option<f64>]], langs: &[&str]) -> Preprocessor {
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
                indicator: (INDICATOR_MIN_MISSING..1.0).contains(&missing_share) && !language_specific(name),
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
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for l in langs {
            *counts.entry(l).or_default() += 1;
        }
        let most = counts.iter().max_by_key(|(_, &n)| n).map(|(l, _)| *l);
        let languages = counts
            .iter()
            .filter(|(l, &n)| n >= MIN_LANGUAGE_ROWS && Some(**l) != most && **l != "und")
            .map(|(l, _)| l.to_string())
            .collect();
        Preprocessor { features, languages }
    }

    /// Number of model inputs (features, indicators, languages).
    pub fn width(&self) -> usize {
        self.features.len() + self.features.iter().filter(|f| f.indicator).count() + self.languages.len()
    }

    /// Names of the model inputs: feature names, `<name>_missing` indicators, `lang_is_<code>`.
    pub fn input_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.features.iter().map(|f| f.name.clone()).collect();
        names.extend(self.features.iter().filter(|f| f.indicator).map(|f| format!("{}_missing", f.name)));
        names.extend(self.languages.iter().map(|l| format!("lang_is_{l}")));
        names
    }

    /// Model inputs for one row of feature values (in `features` order) in language `lang`.
    pub fn apply(&self, values: &[Option<f64>], lang: &str, out: &mut Vec<f64>) {
        out.clear();
        out.extend(self.features.iter().zip(values).map(|(f, v)| f.standardise(*v)));
        out.extend(
            self.features.iter().zip(values).filter(|(f, _)| f.indicator).map(|(_, v)| f64::from(v.is_none() as u8)),
        );
        out.extend(self.languages.iter().map(|l| f64::from((l == lang) as u8)));
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
        let p = Preprocessor::fit(&["a".into()], &refs, &["en"; 4]);
        let f = &p.features[0];
        assert!(!f.log);
        assert_eq!((f.impute, f.mean), (2.0, 2.0));
        assert!((f.std - 0.5f64.sqrt()).abs() < 1e-12);
        assert!(f.indicator, "25 % missing gets an indicator");
        let mut out = Vec::new();
        p.apply(&[Some(3.0)], "en", &mut out);
        assert!((out[0] - 1.0 / 0.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(out[1], 0.0);
        p.apply(&[None], "en", &mut out);
        assert_eq!(out, vec![0.0, 1.0]);
        p.apply(&[Some(1e9)], "en", &mut out);
        assert_eq!(out[0], CLIP);
        assert_eq!(p.input_names(), vec!["a".to_string(), "a_missing".to_string()]);
    }

    #[test]
    fn skewed_non_negative_features_are_logged() {
        let vals: Vec<Vec<Option<f64>>> = (0..200).map(|i| vec![Some(if i < 190 { 1.0 } else { 100.0 })]).collect();
        let refs: Vec<&[Option<f64>]> = vals.iter().map(|r| r.as_slice()).collect();
        let langs: Vec<&str> = (0..200).map(|i| if i < 120 { "en" } else { "de" }).collect();
        let p = Preprocessor::fit(&["rate".into()], &refs, &langs);
        assert_eq!(p.languages, vec!["de".to_string()]);
        assert_eq!(p.input_names(), vec!["rate".to_string(), "lang_is_de".to_string()]);
        let mut out = Vec::new();
        p.apply(&[Some(1.0)], "de", &mut out);
        assert_eq!(out[1], 1.0);
        assert!(p.features[0].log);
        assert!(!p.features[0].indicator);
    }
}
