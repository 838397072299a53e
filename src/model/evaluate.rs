//! Evaluation: metrics over scored rows, broken down by any column, by language and by length
//! band, plus calibration, curves, feature importances, leave-one-source-out transfer and
//! baselines that expose cues which are not authorship. The report is one JSON document (the
//! input of `chaff report`) and a table for people.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::dataset::LabeledData;
use super::file::ModelFile;
use super::metrics::{self, CalibrationBin, Confusion};
use super::predict::{Model, Verdict};
use super::threshold::{band_label, band_of, LENGTH_BANDS};
use super::train::{self, TrainConfig};
use crate::error::Error;

/// One scored article of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredRow {
    /// Article id.
    pub id: String,
    /// Label as written.
    pub label: String,
    /// Positive (flagged) class or not.
    pub positive: bool,
    /// Calibrated probability.
    pub probability: f64,
    /// Verdict.
    pub verdict: Verdict,
    /// Word count.
    pub words: u32,
    /// Language (the `lang` column, else detected).
    pub lang: String,
    /// Source corpus.
    pub source: String,
    /// Values of the breakdown columns.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, String>,
}

/// Metrics of a set of scored rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Rows.
    pub n: u64,
    /// Positive (machine) rows.
    pub positives: u64,
    /// Negative (human) rows.
    pub negatives: u64,
    /// ROC-AUC of the probability.
    pub roc_auc: Option<f64>,
    /// Average precision (PR-AUC).
    pub pr_auc: Option<f64>,
    /// Accuracy of the verdicts (uncertain = not flagged).
    pub accuracy: Option<f64>,
    /// Balanced accuracy of the verdicts.
    pub balanced_accuracy: Option<f64>,
    /// Precision of `filler` verdicts.
    pub precision: Option<f64>,
    /// Recall (TPR) of `filler` verdicts.
    pub recall: Option<f64>,
    /// F1 of `filler` verdicts.
    pub f1: Option<f64>,
    /// Human false-positive rate of `filler` verdicts.
    pub human_fpr: Option<f64>,
    /// TPR with a threshold set at 1 % FPR on these rows.
    pub tpr_at_1pct_fpr: Option<f64>,
    /// TPR with a threshold set at 5 % FPR on these rows.
    pub tpr_at_5pct_fpr: Option<f64>,
    /// Share of rows with a definite verdict (not uncertain).
    pub coverage: f64,
    /// Rows judged uncertain.
    pub uncertain: u64,
    /// Confusion matrix of `filler` verdicts.
    pub confusion: Confusion,
    /// Expected calibration error (10 bins).
    pub ece: Option<f64>,
    /// F1 of calling everything machine (the floor a detector must beat).
    pub all_machine_f1: Option<f64>,
}

/// Compute metrics of `rows`.
pub fn metrics_of<'a>(rows: impl IntoIterator<Item = &'a ScoredRow>) -> Metrics {
    let rows: Vec<&ScoredRow> = rows.into_iter().collect();
    let scores: Vec<f64> = rows.iter().map(|r| r.probability).collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.positive).collect();
    let flagged: Vec<bool> = rows.iter().map(|r| r.verdict == Verdict::Filler).collect();
    let c = Confusion::of(&flagged, &labels);
    let positives = labels.iter().filter(|&&l| l).count() as u64;
    let uncertain = rows.iter().filter(|r| r.verdict == Verdict::Uncertain).count() as u64;
    let n = rows.len() as u64;
    let everything = Confusion { tp: positives, fp: n - positives, tn: 0, fn_: 0 };
    Metrics {
        n,
        positives,
        negatives: n - positives,
        roc_auc: metrics::roc_auc(&scores, &labels),
        pr_auc: metrics::average_precision(&scores, &labels),
        accuracy: c.accuracy(),
        balanced_accuracy: c.balanced_accuracy(),
        precision: c.precision(),
        recall: c.tpr(),
        f1: c.f1(),
        human_fpr: c.fpr(),
        tpr_at_1pct_fpr: metrics::tpr_at_fpr(&scores, &labels, 0.01),
        tpr_at_5pct_fpr: metrics::tpr_at_fpr(&scores, &labels, 0.05),
        coverage: if n == 0 { 0.0 } else { (n - uncertain) as f64 / n as f64 },
        uncertain,
        confusion: c,
        ece: metrics::expected_calibration_error(&scores, &labels),
        all_machine_f1: if positives > 0 { everything.f1() } else { None },
    }
}

/// Metrics of one subgroup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupMetrics {
    /// The column (`lang`, `length_band`, `domain`, ...).
    pub column: String,
    /// Its value.
    pub value: String,
    /// Metrics of the rows with that value.
    pub metrics: Metrics,
    /// For a value held only by positive rows (a generator or variant): metrics of those rows
    /// against the negative rows of the same source corpora ("human vs this").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus_human: Option<Metrics>,
}

/// A feature's weight in the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Importance {
    /// Model input (a feature, or `<feature>_missing`).
    pub feature: String,
    /// Standardised logistic coefficient (log-odds per standard deviation; positive pushes
    /// towards machine).
    pub coefficient: f64,
}

/// Transfer to one held-out source corpus (leave-one-source-out) or register
/// (leave-one-register-out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferResult {
    /// The held-out source corpus or register.
    pub source: String,
    /// Rows trained on.
    pub train_rows: u64,
    /// Metrics on the held-out source, at the threshold set on the others.
    pub metrics: Metrics,
}

/// Baselines that show what is not authorship.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baselines {
    /// Cross-validated ROC-AUC of a logistic model on log word count alone.
    pub length_only_roc_auc: Option<f64>,
    /// The model's metrics on a length-matched subset (equal human and machine counts in each
    /// length decile).
    pub length_matched: Option<Metrics>,
}

/// A whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// `cross-validation` or `test`.
    pub kind: String,
    /// chaff version.
    pub chaff_version: String,
    /// Data files.
    pub files: Vec<String>,
    /// Algorithm.
    pub algorithm: String,
    /// Target FPR of the thresholds.
    pub target_fpr: f64,
    /// Thresholds per length band: (band, threshold, uncertain_from).
    pub thresholds: Vec<(String, f64, f64)>,
    /// All rows.
    pub overall: Metrics,
    /// Breakdowns.
    pub by: Vec<GroupMetrics>,
    /// ROC curve points (FPR, TPR, threshold), at most 400. The first threshold is infinite
    /// (nothing flagged): JSON writes it as null, which reads back as infinity.
    #[serde(deserialize_with = "roc_from_json")]
    pub roc: Vec<(f64, f64, f64)>,
    /// Precision-recall points (recall, precision), at most 400.
    pub pr: Vec<(f64, f64)>,
    /// Reliability bins.
    pub calibration: Vec<CalibrationBin>,
    /// Standardised coefficients, largest magnitude first.
    pub feature_importance: Vec<Importance>,
    /// Leave-one-source-out transfer.
    pub transfer: Vec<TransferResult>,
    /// Leave-one-register-out transfer (register: the `domain` column before `/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub register_transfer: Vec<TransferResult>,
    /// Baselines.
    pub baselines: Baselines,
    /// Histograms of the probability (50 equal bins over 0..1) of negative (human) and
    /// positive (machine) rows. Empty in files written before it existed (the report then
    /// bins the scored rows).
    #[serde(default)]
    pub score_histogram: ScoreHistogram,
    /// Every scored row (written with `chaff evaluate --with-scores`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<ScoredRow>,
}

/// Counts of probabilities per bin, by class.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreHistogram {
    /// Bins over 0..1.
    pub bins: usize,
    /// Counts of human (negative) rows per bin.
    pub negative: Vec<u64>,
    /// Counts of machine (positive) rows per bin.
    pub positive: Vec<u64>,
}

impl ScoreHistogram {
    /// Histogram of `rows` with `bins` bins.
    pub fn of(rows: &[ScoredRow], bins: usize) -> ScoreHistogram {
        let mut h = ScoreHistogram { bins, negative: vec![0; bins], positive: vec![0; bins] };
        for r in rows {
            let b = ((r.probability * bins as f64) as usize).min(bins - 1);
            if r.positive {
                h.positive[b] += 1;
            } else {
                h.negative[b] += 1;
            }
        }
        h
    }
}

/// ROC points from JSON, where a non-finite threshold was written as null.
fn roc_from_json<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<(f64, f64, f64)>, D::Error> {
    let raw: Vec<(f64, f64, Option<f64>)> = Deserialize::deserialize(d)?;
    Ok(raw.into_iter().map(|(f, t, th)| (f, t, th.unwrap_or(f64::INFINITY))).collect())
}

fn downsample<T: Clone>(v: Vec<T>, max: usize) -> Vec<T> {
    if v.len() <= max {
        return v;
    }
    let step = (v.len() - 1) as f64 / (max - 1) as f64;
    (0..max).map(|i| v[((i as f64 * step).round() as usize).min(v.len() - 1)].clone()).collect()
}

/// Scored rows from probabilities and a model's verdict rule. Rows with no words are left out:
/// `chaff score` gives such a text no probability, so no metric can count one (the model may
/// still have been fitted on them; see [`unscored_rows`]).
pub(crate) fn scored_rows(data: &LabeledData, probs: &[f64], model: &Model, by: &[String]) -> Vec<ScoredRow> {
    data.rows
        .iter()
        .zip(probs)
        .filter(|(r, _)| r.words > 0)
        .map(|(r, &p)| {
            let (verdict, _) = model.verdict(p, r.words, r.detected_lang);
            ScoredRow {
                id: r.id.clone(),
                label: r.label.clone(),
                positive: r.positive,
                probability: p,
                verdict,
                words: r.words,
                lang: r.lang().to_string(),
                source: r.source.clone(),
                columns: by.iter().filter_map(|c| r.column(c).map(|v| (c.clone(), v.to_string()))).collect(),
            }
        })
        .collect()
}

/// How many rows of `data` have no words and so are left out of every evaluation.
pub fn unscored_rows(data: &LabeledData) -> usize {
    data.rows.iter().filter(|r| r.words == 0).count()
}

/// A breakdown column: its name and how to read it from a row.
type Column = (String, Box<dyn Fn(&ScoredRow) -> Option<String>>);

/// Breakdowns by language, length band and each `by` column.
pub(crate) fn breakdowns(rows: &[ScoredRow], by: &[String]) -> Vec<GroupMetrics> {
    let mut out = Vec::new();
    let mut columns: Vec<Column> = vec![
        ("lang".to_string(), Box::new(|r: &ScoredRow| Some(r.lang.clone()))),
        (
            "length_band".to_string(),
            Box::new(|r: &ScoredRow| {
                let (lo, hi) = LENGTH_BANDS[band_of(r.words)];
                Some(band_label(lo, hi))
            }),
        ),
        ("source".to_string(), Box::new(|r: &ScoredRow| Some(r.source.clone()))),
    ];
    for c in by {
        if c == "lang" || c == "source" {
            continue;
        }
        let name = c.clone();
        columns.push((c.clone(), Box::new(move |r: &ScoredRow| r.columns.get(&name).cloned())));
    }
    for (column, key) in &columns {
        let mut groups: BTreeMap<String, Vec<&ScoredRow>> = BTreeMap::new();
        for r in rows {
            if let Some(k) = key(r) {
                groups.entry(k).or_default().push(r);
            }
        }
        for (value, members) in groups {
            let metrics = metrics_of(members.iter().copied());
            let versus_human = if metrics.negatives == 0 && metrics.positives > 0 {
                let sources: Vec<&str> = members.iter().map(|r| r.source.as_str()).collect();
                let humans = rows.iter().filter(|r| !r.positive && sources.contains(&r.source.as_str()));
                let both: Vec<&ScoredRow> = humans.chain(members.iter().copied()).collect();
                Some(metrics_of(both))
            } else {
                None
            };
            out.push(GroupMetrics { column: column.clone(), value, metrics, versus_human });
        }
    }
    out
}

/// Standardised coefficients of a model, largest magnitude first.
pub(crate) fn importances(file: &ModelFile) -> Vec<Importance> {
    let mut v: Vec<Importance> = file
        .preprocess
        .input_names()
        .into_iter()
        .zip(&file.logistic.coefficients)
        .map(|(feature, &coefficient)| Importance { feature, coefficient })
        .collect();
    v.sort_by(|a, b| b.coefficient.abs().total_cmp(&a.coefficient.abs()));
    v
}

/// Build a report from scored rows.
pub fn report(kind: &str, files: &[String], file: &ModelFile, rows: Vec<ScoredRow>, by: &[String]) -> EvalReport {
    let scores: Vec<f64> = rows.iter().map(|r| r.probability).collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.positive).collect();
    EvalReport {
        kind: kind.to_string(),
        chaff_version: env!("CARGO_PKG_VERSION").to_string(),
        files: files.to_vec(),
        algorithm: file.algorithm.name().to_string(),
        target_fpr: file.threshold.target_fpr,
        thresholds: file
            .threshold
            .bands
            .iter()
            .map(|b| (band_label(b.min_words, b.max_words), b.threshold, b.uncertain_from))
            .collect(),
        overall: metrics_of(&rows),
        by: breakdowns(&rows, by),
        roc: downsample(metrics::roc_points(&scores, &labels), 400),
        pr: downsample(metrics::pr_points(&scores, &labels), 400),
        calibration: metrics::calibration_bins(&scores, &labels),
        feature_importance: importances(file),
        transfer: Vec::new(),
        register_transfer: Vec::new(),
        baselines: Baselines::default(),
        score_histogram: ScoreHistogram::of(&rows, 50),
        scores: rows,
    }
}

/// Leave-one-source-out: for each source corpus, train on the others (with their own
/// cross-validated calibration and thresholds) and score it.
pub(crate) fn leave_one_source_out(
    data: &LabeledData,
    cfg: &TrainConfig,
    by: &[String],
) -> Result<Vec<TransferResult>, Error> {
    leave_one_out(data, cfg, by, |r| Some(r.source.clone()))
}

/// Leave-one-register-out: for each register (news, academic, ...), train on the rows of the
/// others and score it, as [`leave_one_source_out`] does for sources. Rows without a domain
/// are always trained on.
pub(crate) fn leave_one_register_out(
    data: &LabeledData,
    cfg: &TrainConfig,
    by: &[String],
) -> Result<Vec<TransferResult>, Error> {
    leave_one_out(data, cfg, by, |r| r.register().map(str::to_string))
}

/// For each value of `key`, train on the rows with another value (or none) and score the rows
/// with it. Values held by one class only, or whose absence leaves one class, are skipped.
fn leave_one_out(
    data: &LabeledData,
    cfg: &TrainConfig,
    by: &[String],
    key: impl Fn(&super::dataset::Row) -> Option<String>,
) -> Result<Vec<TransferResult>, Error> {
    let mut values: Vec<String> = data.rows.iter().filter_map(&key).collect();
    values.sort_unstable();
    values.dedup();
    if values.len() < 2 {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for s in values {
        let held = |r: &super::dataset::Row| key(r).as_deref() == Some(s.as_str());
        let train_data = data.subset(|r| !held(r));
        let test_data = data.subset(held);
        if train_data.rows.iter().all(|r| r.positive) || train_data.rows.iter().all(|r| !r.positive) {
            continue;
        }
        let trained = train::train(&train_data, cfg, Default::default())?;
        let model = Model::new(trained.file);
        let probs: Vec<f64> = test_data
            .rows
            .iter()
            .zip(&test_data.features)
            .map(|(r, f)| model.decide(f, r.words, r.detected_lang).1)
            .collect();
        let rows = scored_rows(&test_data, &probs, &model, by);
        out.push(TransferResult { source: s, train_rows: train_data.rows.len() as u64, metrics: metrics_of(&rows) });
    }
    Ok(out)
}

/// Cross-validated ROC-AUC of log word count alone (a length-only baseline).
pub(crate) fn length_only_auc(data: &LabeledData, cfg: &TrainConfig) -> Option<f64> {
    crate::features::index_of("word_count")?;
    let cfg = TrainConfig {
        features: vec!["word_count".to_string()],
        algorithm: super::file::Algorithm::Logistic,
        ..cfg.clone()
    };
    let all: Vec<usize> = (0..data.rows.len()).collect();
    let (raw, _) = train::out_of_fold(data, &all, &cfg).ok()?;
    metrics::roc_auc(&raw, &data.labels())
}

/// Rows of a length-matched subset: in each length decile (of all rows), as many human as
/// machine rows (the first ones in input order).
pub fn length_matched(rows: &[ScoredRow]) -> Vec<&ScoredRow> {
    let mut words: Vec<u32> = rows.iter().map(|r| r.words).collect();
    words.sort_unstable();
    if words.is_empty() {
        return Vec::new();
    }
    let edges: Vec<u32> = (1..10).map(|i| words[i * words.len() / 10]).collect();
    let decile = |w: u32| edges.iter().filter(|&&e| w >= e).count();
    let mut out = Vec::new();
    for d in 0..10 {
        let pos: Vec<&ScoredRow> = rows.iter().filter(|r| r.positive && decile(r.words) == d).collect();
        let neg: Vec<&ScoredRow> = rows.iter().filter(|r| !r.positive && decile(r.words) == d).collect();
        let k = pos.len().min(neg.len());
        out.extend(pos.into_iter().take(k));
        out.extend(neg.into_iter().take(k));
    }
    out
}

/// Which transfers to unseen data a cross-validation also measures (each trains one model
/// per held-out value).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holdouts {
    /// Leave-one-source-out.
    pub sources: bool,
    /// Leave-one-register-out.
    pub registers: bool,
}

impl Holdouts {
    /// Both.
    pub const ALL: Holdouts = Holdouts { sources: true, registers: true };
}

/// Cross-validation evaluation of a training configuration: trains (out-of-fold scores,
/// calibration, thresholds), reports on the out-of-fold predictions with baselines, and adds
/// the transfers `holdouts` asks for.
pub fn cross_validate(
    data: &LabeledData,
    cfg: &TrainConfig,
    files: &[String],
    by: &[String],
    holdouts: Holdouts,
) -> Result<(EvalReport, ModelFile), Error> {
    let trained = train::train(data, cfg, Default::default())?;
    let model = Model::new(trained.file.clone());
    let rows = scored_rows(data, &trained.oof_prob, &model, by);
    let mut rep = report("cross-validation", files, &trained.file, rows, by);
    rep.baselines.length_only_roc_auc = length_only_auc(data, cfg);
    let matched = length_matched(&rep.scores);
    if !matched.is_empty() {
        rep.baselines.length_matched = Some(metrics_of(matched));
    }
    if holdouts.sources {
        rep.transfer = leave_one_source_out(data, cfg, by)?;
    }
    if holdouts.registers {
        rep.register_transfer = leave_one_register_out(data, cfg, by)?;
    }
    Ok((rep, trained.file))
}

/// Evaluate a trained model on a separate labeled set.
pub fn test_set(model: &Model, data: &LabeledData, files: &[String], by: &[String]) -> EvalReport {
    let probs: Vec<f64> =
        data.rows.iter().zip(&data.features).map(|(r, f)| model.decide(f, r.words, r.detected_lang).1).collect();
    let rows = scored_rows(data, &probs, model, by);
    report("test", files, &model.file, rows, by)
}

/// A compact summary of a report, stored in the model file.
pub fn summary(rep: &EvalReport) -> serde_json::Value {
    serde_json::json!({
        "kind": rep.kind,
        "overall": rep.overall,
        "by_source": rep.by.iter().filter(|g| g.column == "source").map(|g| (g.value.clone(), g.metrics.clone())).collect::<BTreeMap<_, _>>(),
        "by_lang": rep.by.iter().filter(|g| g.column == "lang").map(|g| (g.value.clone(), g.metrics.clone())).collect::<BTreeMap<_, _>>(),
        "transfer": rep.transfer,
        "register_transfer": rep.register_transfer,
        "baselines": rep.baselines,
    })
}
