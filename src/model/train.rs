//! Training: cross-validated out-of-fold scores, calibration and thresholds set on them, then
//! the final fit on all rows.
//!
//! Settings follow linfa's checked-parameter pattern: a [`TrainConfig`] is validated by
//! [`TrainConfig::check`] before any work starts, and a bad value names the option.

use rayon::prelude::*;

use super::calibration::Platt;
use super::dataset::LabeledData;
use super::file::{AbstainRule, Algorithm, FeatureReference, Labels, ModelFile, TrainingSummary, SCHEMA_VERSION};
use super::folds::stratified_group_folds;
use super::forest::{self, ForestConfig, ForestParams};
use super::logistic::{self, LogisticParams};
use super::prep::Preprocessor;
use super::threshold::{fit_rule, OofPoint, ThresholdRule};
use crate::error::Error;
use crate::features::{Cue, FEATURES};

/// The features the default model uses: every style cue. Length, layout, debris, language and
/// register cues are measured and reported but left out, because in the training corpora they
/// separate the labels for reasons that are not authorship (see `Cue`).
pub fn default_features() -> Vec<String> {
    FEATURES.iter().filter(|f| f.cue == Cue::Style).map(|f| f.name.to_string()).collect()
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// The classifier.
    pub algorithm: Algorithm,
    /// Features to use (default: [`default_features`]).
    pub features: Vec<String>,
    /// L2 penalty of the logistic regression (linfa's `alpha`).
    pub alpha: f64,
    /// Forest settings.
    pub forest: ForestConfig,
    /// Cross-validation folds used for calibration and thresholds.
    pub folds: usize,
    /// Seed of every random choice.
    pub seed: u64,
    /// Target human false-positive rate.
    pub target_fpr: f64,
    /// Articles shorter than this abstain.
    pub min_words: u32,
    /// A language needs this many training rows for the model to give verdicts in it.
    pub min_language_rows: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            algorithm: Algorithm::Logistic,
            features: default_features(),
            alpha: 1.0,
            forest: ForestConfig::default(),
            folds: 5,
            seed: 42,
            target_fpr: 0.05,
            min_words: 50,
            min_language_rows: 50,
        }
    }
}

impl TrainConfig {
    /// Check every setting; the error names the option.
    pub fn check(&self) -> Result<(), Error> {
        if self.folds < 2 {
            return Err(Error::config("--cv", "needs at least 2 folds"));
        }
        if !(self.target_fpr > 0.0 && self.target_fpr < 0.5) {
            return Err(Error::config("--target-fpr", format!("{} is not in (0, 0.5)", self.target_fpr)));
        }
        if !(self.alpha.is_finite() && self.alpha >= 0.0) {
            return Err(Error::config("--alpha", "must be a non-negative number"));
        }
        if self.features.is_empty() {
            return Err(Error::config("--features", "no features selected"));
        }
        let unknown: Vec<&str> =
            self.features.iter().filter(|f| crate::features::by_name(f).is_none()).map(String::as_str).collect();
        if !unknown.is_empty() {
            return Err(Error::config(
                "--features",
                format!("unknown features: {} (see `chaff features --list`)", unknown.join(", ")),
            ));
        }
        if self.forest.trees == 0 || self.forest.max_depth == 0 {
            return Err(Error::config("--trees", "the forest needs at least one tree of depth 1"));
        }
        Ok(())
    }

    fn selection(&self) -> Vec<usize> {
        self.features.iter().filter_map(|f| crate::features::index_of(f)).collect()
    }
}

/// A fitted classifier without calibration or thresholds.
#[derive(Debug, Clone)]
pub(crate) struct Core {
    pub(crate) prep: Preprocessor,
    pub(crate) logistic: LogisticParams,
    pub(crate) forest: Option<ForestParams>,
    pub(crate) algorithm: Algorithm,
}

impl Core {
    pub(crate) fn raw(&self, selected: &[Option<f64>], lang: &str) -> f64 {
        let mut x = Vec::with_capacity(self.prep.width());
        self.prep.apply(selected, lang, &mut x);
        match (&self.algorithm, &self.forest) {
            (Algorithm::Forest, Some(f)) => f.log_odds(&x),
            _ => self.logistic.log_odds(&x),
        }
    }
}

fn selected_values(data: &LabeledData, row: usize, sel: &[usize]) -> Vec<Option<f64>> {
    sel.iter().map(|&j| data.features[row][j]).collect()
}

fn fit_core(data: &LabeledData, rows: &[usize], sel: &[usize], cfg: &TrainConfig, seed: u64) -> Result<Core, Error> {
    let names: Vec<String> = sel.iter().map(|&j| FEATURES[j].name.to_string()).collect();
    let values: Vec<Vec<Option<f64>>> = rows.iter().map(|&r| selected_values(data, r, sel)).collect();
    let refs: Vec<&[Option<f64>]> = values.iter().map(|v| v.as_slice()).collect();
    let langs: Vec<&str> = rows.iter().map(|&r| data.rows[r].detected_lang).collect();
    let prep = Preprocessor::fit(&names, &refs, &langs);
    let x: Vec<Vec<f64>> = values
        .iter()
        .zip(&langs)
        .map(|(v, l)| {
            let mut out = Vec::new();
            prep.apply(v, l, &mut out);
            out
        })
        .collect();
    let labels: Vec<bool> = rows.iter().map(|&r| data.rows[r].positive).collect();
    if !labels.iter().any(|&l| l) || labels.iter().all(|&l| l) {
        return Err(Error::Data("training needs rows of both classes (check --positive and the label column)".into()));
    }
    let logistic = logistic::fit(&x, &labels, cfg.alpha, seed)?;
    let forest = match cfg.algorithm {
        Algorithm::Forest => Some(forest::fit(&x, &labels, cfg.forest, seed)?),
        Algorithm::Logistic => None,
    };
    Ok(Core { prep, logistic, forest, algorithm: cfg.algorithm })
}

/// Raw out-of-fold scores of `rows` under grouped stratified K-fold cross-validation.
pub(crate) fn out_of_fold(
    data: &LabeledData,
    rows: &[usize],
    cfg: &TrainConfig,
) -> Result<(Vec<f64>, Vec<usize>), Error> {
    let sel = cfg.selection();
    let groups: Vec<usize> = rows.iter().map(|&r| data.rows[r].group).collect();
    let labels: Vec<usize> = rows.iter().map(|&r| data.rows[r].positive as usize).collect();
    let folds = stratified_group_folds(&groups, &labels, cfg.folds, cfg.seed);
    let per_fold: Result<Vec<Vec<(usize, f64)>>, Error> = (0..cfg.folds)
        .into_par_iter()
        .map(|f| {
            let train: Vec<usize> = rows.iter().zip(&folds).filter(|(_, &k)| k != f).map(|(&r, _)| r).collect();
            let test: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] == f).collect();
            if test.is_empty() {
                return Ok(Vec::new());
            }
            let core = fit_core(data, &train, &sel, cfg, cfg.seed.wrapping_add(f as u64 + 1))?;
            Ok(test
                .into_iter()
                .map(|i| (i, core.raw(&selected_values(data, rows[i], &sel), data.rows[rows[i]].detected_lang)))
                .collect())
        })
        .collect();
    let mut raw = vec![0.0; rows.len()];
    for fold in per_fold? {
        for (i, s) in fold {
            raw[i] = s;
        }
    }
    Ok((raw, folds))
}

/// Everything training produces.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model file (metrics not yet filled in).
    pub file: ModelFile,
    /// Out-of-fold raw scores of every training row.
    pub oof_raw: Vec<f64>,
    /// Their calibrated probabilities.
    pub oof_prob: Vec<f64>,
    /// Fold of every row.
    pub fold: Vec<usize>,
}

/// Group keys whose human FPR the thresholds must respect: language and domain.
pub(crate) fn threshold_groups(data: &LabeledData, row: usize) -> Vec<String> {
    let r = &data.rows[row];
    let mut g = vec![format!("lang={}", r.lang())];
    if let Some(d) = r.column("domain").filter(|d| !d.is_empty()) {
        g.push(format!("domain={d}"));
    }
    g
}

/// Quantile with linear interpolation of sorted values.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Human reference values of every registry feature.
pub fn human_reference(data: &LabeledData) -> Vec<FeatureReference> {
    FEATURES
        .iter()
        .enumerate()
        .map(|(j, f)| {
            let mut v: Vec<f64> =
                data.rows.iter().zip(&data.features).filter(|(r, _)| !r.positive).filter_map(|(_, x)| x[j]).collect();
            v.sort_by(f64::total_cmp);
            FeatureReference {
                name: f.name.to_string(),
                count: v.len() as u64,
                q10: quantile(&v, 0.10),
                q25: quantile(&v, 0.25),
                median: quantile(&v, 0.5),
                q75: quantile(&v, 0.75),
                q90: quantile(&v, 0.90),
            }
        })
        .collect()
}

/// Fit calibration and thresholds on out-of-fold scores of `data`'s rows.
pub(crate) fn calibrate_and_threshold(
    data: &LabeledData,
    oof_raw: &[f64],
    target_fpr: f64,
) -> (Platt, Vec<f64>, ThresholdRule) {
    let labels = data.labels();
    let platt = Platt::fit(oof_raw, &labels);
    let prob: Vec<f64> = oof_raw.iter().map(|&s| platt.apply(s)).collect();
    let groups: Vec<Vec<String>> = (0..data.rows.len()).map(|i| threshold_groups(data, i)).collect();
    let points: Vec<OofPoint<'_>> = (0..data.rows.len())
        .map(|i| OofPoint { prob: prob[i], positive: labels[i], words: data.rows[i].words, groups: &groups[i] })
        .collect();
    let rule = fit_rule(&points, target_fpr);
    (platt, prob, rule)
}

/// Train a model on all of `data`.
pub fn train(data: &LabeledData, cfg: &TrainConfig, mut summary: TrainingSummary) -> Result<Trained, Error> {
    cfg.check()?;
    if data.rows.len() < cfg.folds * 2 {
        return Err(Error::Data(format!(
            "{} rows are too few for {}-fold cross-validation",
            data.rows.len(),
            cfg.folds
        )));
    }
    let all: Vec<usize> = (0..data.rows.len()).collect();
    let (oof_raw, fold) = out_of_fold(data, &all, cfg)?;
    let (platt, oof_prob, rule) = calibrate_and_threshold(data, &oof_raw, cfg.target_fpr);
    let sel = cfg.selection();
    let core = fit_core(data, &all, &sel, cfg, cfg.seed)?;
    let mut lang_rows: std::collections::BTreeMap<String, u64> = Default::default();
    for r in &data.rows {
        *lang_rows.entry(r.detected_lang.to_string()).or_default() += 1;
        *summary.rows_per_label.entry(r.label.clone()).or_default() += 1;
        *summary.rows_per_source.entry(r.source.clone()).or_default() += 1;
    }
    summary.rows_per_language = lang_rows.clone();
    summary.groups = data.rows.iter().map(|r| r.group).collect::<std::collections::HashSet<_>>().len() as u64;
    summary.folds = cfg.folds as u32;
    summary.seed = cfg.seed;
    summary.alpha = cfg.alpha;
    let languages: Vec<String> = lang_rows
        .iter()
        .filter(|(l, &n)| n as usize >= cfg.min_language_rows && l.as_str() != "und")
        .map(|(l, _)| l.clone())
        .collect();
    let mut positive: Vec<String> = data.rows.iter().filter(|r| r.positive).map(|r| r.label.clone()).collect();
    positive.sort();
    positive.dedup();
    let mut negative: Vec<String> = data.rows.iter().filter(|r| !r.positive).map(|r| r.label.clone()).collect();
    negative.sort();
    negative.dedup();
    let file = ModelFile {
        schema_version: SCHEMA_VERSION,
        chaff_version: env!("CARGO_PKG_VERSION").to_string(),
        created: today(),
        algorithm: cfg.algorithm,
        labels: Labels { positive, negative },
        features: sel.iter().map(|&j| FEATURES[j].name.to_string()).collect(),
        preprocess: core.prep,
        logistic: core.logistic,
        forest: core.forest,
        calibration: platt,
        threshold: rule,
        abstain: AbstainRule { min_words: cfg.min_words, languages },
        human_reference: human_reference(data),
        training: summary,
        metrics: serde_json::Value::Null,
        calibrated_on: None,
    };
    Ok(Trained { file, oof_raw, oof_prob, fold })
}

/// Today's UTC date, `YYYY-MM-DD` (`SOURCE_DATE_EPOCH` is honoured for reproducible files).
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<u64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
    });
    let days = (secs / 86_400) as i64;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        std::env::set_var("SOURCE_DATE_EPOCH", "1795219200"); // 2026-11-21 00:00 UTC
        assert_eq!(today(), "2026-11-21");
        std::env::remove_var("SOURCE_DATE_EPOCH");
    }

    #[test]
    fn quantiles() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.5), 2.5);
        assert_eq!(quantile(&v, 0.0), 1.0);
        assert!((quantile(&v, 0.1) - 1.3).abs() < 1e-12);
    }

    #[test]
    fn config_check_names_the_option() {
        let cfg = TrainConfig { folds: 1, ..Default::default() };
        assert_eq!(cfg.check().unwrap_err().to_string(), "--cv: needs at least 2 folds");
        let cfg = TrainConfig { features: vec!["nope".into()], ..Default::default() };
        assert!(cfg.check().unwrap_err().to_string().contains("unknown features: nope"));
        assert!(TrainConfig::default().check().is_ok());
    }

    #[test]
    fn default_features_are_style_only() {
        let f = default_features();
        assert!(f.contains(&"llm_word_per_1k_words".to_string()));
        assert!(!f.contains(&"word_count".to_string()));
        assert!(!f.contains(&"boilerplate_line_ratio".to_string()));
        assert!(!f.contains(&"type_token_ratio".to_string()));
    }
}
