//! `chaff calibrate`: re-set a model's thresholds from a user's own sample of known-human texts,
//! so that the human false-positive rate in their domain stays under the target with a stated
//! confidence, however small the sample.
//!
//! The new threshold allows `k` of the `n` sample texts above it, where `k` is the largest count
//! whose one-sided Clopper-Pearson upper bound on the FPR is at most the target. With `n` below
//! `ln(alpha) / ln(1 - target)` even `k = 0` cannot guarantee the target, and calibration
//! refuses. A length band with enough texts of its own gets its own threshold; the others get
//! the threshold of the whole sample, but a band the sample hardly covers (fewer than
//! `MIN_BAND_SHARE_TEXTS` texts) never goes below its previous threshold, since the sample
//! says nothing about it. The uncertainty band below each threshold keeps its width.

use super::file::{CalibrationRecord, ModelFile};
use super::threshold::{band_of, clopper_pearson_upper, conservative_threshold, min_sample_for, LENGTH_BANDS};
use crate::error::Error;

/// A band needs this many sample texts before the sample may lower its threshold.
pub(crate) const MIN_BAND_SHARE_TEXTS: usize = 10;

/// One scored text of the calibration sample.
#[derive(Debug, Clone, Copy)]
pub struct SampleScore {
    /// Calibrated probability.
    pub probability: f64,
    /// Word count.
    pub words: u32,
}

/// What calibration did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The recalibrated model.
    pub file: ModelFile,
    /// Whether every band got its own threshold.
    pub per_band: bool,
}

/// Re-set the thresholds of `file` from `humans` (and report TPR on `machines`).
pub fn recalibrate(
    mut file: ModelFile,
    humans: &[SampleScore],
    machines: &[SampleScore],
    target_fpr: f64,
    confidence: f64,
    sources: Vec<String>,
    date: String,
) -> Result<Outcome, Error> {
    if !(target_fpr > 0.0 && target_fpr < 0.5) {
        return Err(Error::config("--target-fpr", format!("{target_fpr} is not in (0, 0.5)")));
    }
    if !(confidence > 0.5 && confidence < 1.0) {
        return Err(Error::config("--confidence", format!("{confidence} is not in (0.5, 1)")));
    }
    let alpha = 1.0 - confidence;
    let need = min_sample_for(target_fpr, alpha);
    let n = humans.len() as u64;
    if n < need {
        return Err(Error::Data(format!(
            "{n} human texts are too few to guarantee a false-positive rate of {:.1}% at {:.0}% confidence: at least {need} are needed \
             (with no false positive among them); give more texts, or raise --target-fpr",
            target_fpr * 100.0,
            confidence * 100.0
        )));
    }
    let previous = file.threshold.clone();
    let probs: Vec<f64> = humans.iter().map(|h| h.probability).collect();
    let (pooled, k) = conservative_threshold(&probs, target_fpr, alpha)
        .ok_or_else(|| Error::Data("the calibration sample is too small".into()))?;
    let band_samples: Vec<Vec<f64>> = (0..LENGTH_BANDS.len())
        .map(|b| humans.iter().filter(|h| band_of(h.words) == b).map(|h| h.probability).collect())
        .collect();
    let per_band = band_samples.iter().all(|s| s.len() as u64 >= need);
    for (b, band) in file.threshold.bands.iter_mut().enumerate() {
        let t = match conservative_threshold(&band_samples[b], target_fpr, alpha) {
            Some((t, _)) => t,
            None if band_samples[b].len() >= MIN_BAND_SHARE_TEXTS => pooled,
            None => pooled.max(previous.bands[b].threshold),
        };
        band.threshold = t;
        // The uncertainty band keeps its width below the new threshold.
        let width = previous.bands[b].threshold - previous.bands[b].uncertain_from;
        band.uncertain_from = (t - width).clamp(0.0, t);
        band.humans = band_samples[b].len() as u64;
    }
    file.threshold.target_fpr = target_fpr;
    let flagged_h = humans.iter().filter(|h| h.probability >= file.threshold.band(h.words).threshold).count() as u64;
    let observed_fpr = flagged_h as f64 / n as f64;
    let machine_tpr = (!machines.is_empty()).then(|| {
        machines.iter().filter(|m| m.probability >= file.threshold.band(m.words).threshold).count() as f64
            / machines.len() as f64
    });
    file.calibrated_on = Some(CalibrationRecord {
        date,
        human_sources: sources,
        human_texts: n,
        machine_texts: machines.len() as u64,
        target_fpr,
        confidence,
        allowed_false_positives: k,
        fpr_upper_bound: clopper_pearson_upper(flagged_h, n, alpha),
        observed_fpr,
        machine_tpr,
        previous_threshold: previous,
    });
    Ok(Outcome { file, per_band })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::threshold::{BandThreshold, ThresholdRule};

    fn file_with_bands() -> ModelFile {
        let json = include_str!("../../models/default.json");
        let mut f = ModelFile::from_json(json, "default").unwrap();
        f.threshold = ThresholdRule {
            target_fpr: 0.05,
            bands: crate::model::threshold::LENGTH_BANDS
                .iter()
                .map(|&(lo, hi)| BandThreshold {
                    min_words: lo,
                    max_words: hi,
                    threshold: 0.9,
                    uncertain_from: 0.8,
                    humans: 0,
                })
                .collect(),
        };
        f
    }

    #[test]
    fn refuses_small_samples_and_says_how_many_are_needed() {
        let humans: Vec<SampleScore> =
            (0..58).map(|i| SampleScore { probability: i as f64 / 100.0, words: 150 }).collect();
        let err = recalibrate(file_with_bands(), &humans, &[], 0.05, 0.95, vec![], "d".into()).unwrap_err().to_string();
        assert!(err.contains("58 human texts are too few") && err.contains("at least 59 are needed"), "{err}");
    }

    #[test]
    fn worked_example() {
        // 200 texts of 150 words scoring 0.000 .. 0.995: k = 4 may exceed the threshold (see
        // threshold::conservative_threshold), so the 100-200 band gets a threshold just above
        // 0.975; the other bands have no texts and keep max(new, old) = 0.975+ vs 0.9 -> 0.975+.
        let humans: Vec<SampleScore> =
            (0..200).map(|i| SampleScore { probability: i as f64 * 0.005, words: 150 }).collect();
        let machines = [SampleScore { probability: 0.99, words: 300 }, SampleScore { probability: 0.5, words: 300 }];
        let out =
            recalibrate(file_with_bands(), &humans, &machines, 0.05, 0.95, vec!["mine/".into()], "2026-11-23".into())
                .unwrap();
        let bands = &out.file.threshold.bands;
        assert!(bands[1].threshold > 0.975 && bands[1].threshold < 0.975001);
        assert_eq!(bands[0].threshold, bands[1].threshold);
        assert!((bands[1].uncertain_from - (bands[1].threshold - 0.1)).abs() < 1e-12, "band width kept");
        assert!(!out.per_band);
        let rec = out.file.calibrated_on.unwrap();
        assert_eq!((rec.human_texts, rec.allowed_false_positives, rec.machine_texts), (200, 4, 2));
        assert!((rec.observed_fpr - 4.0 / 200.0).abs() < 1e-12);
        assert_eq!(rec.machine_tpr, Some(0.5));
        assert_eq!(rec.previous_threshold.bands[1].threshold, 0.9);
    }
}
