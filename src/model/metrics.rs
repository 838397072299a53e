//! Evaluation metrics, each a documented formula with a hand-worked test.
//!
//! Scores are probabilities of the positive (flagged) class; labels are `true` for positive.

use serde::{Deserialize, Serialize};

/// ROC-AUC by the Mann-Whitney statistic: the probability that a random positive scores above
/// a random negative, ties counting one half. `None` without both classes.
pub fn roc_auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let n_pos = labels.iter().filter(|&&l| l).count();
    let n_neg = labels.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return None;
    }
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    // Average ranks over ties (1-based).
    let mut rank_sum_pos = 0.0;
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && scores[idx[j + 1]] == scores[idx[i]] {
            j += 1;
        }
        let avg_rank = (i + j + 2) as f64 / 2.0;
        for &k in &idx[i..=j] {
            if labels[k] {
                rank_sum_pos += avg_rank;
            }
        }
        i = j + 1;
    }
    let u = rank_sum_pos - (n_pos * (n_pos + 1)) as f64 / 2.0;
    Some(u / (n_pos as f64 * n_neg as f64))
}

/// Cumulative (true positives, false positives, threshold) after each distinct score, from
/// the highest score down: flagging `score >= threshold` flags exactly those. Ties form one step.
fn cumulative_counts(scores: &[f64], labels: &[bool]) -> Vec<(f64, f64, f64)> {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut steps = Vec::new();
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut i = 0;
    while i < idx.len() {
        let s = scores[idx[i]];
        while i < idx.len() && scores[idx[i]] == s {
            if labels[idx[i]] {
                tp += 1.0;
            } else {
                fp += 1.0;
            }
            i += 1;
        }
        steps.push((tp, fp, s));
    }
    steps
}

/// Points of the ROC curve (FPR, TPR, threshold), from the highest threshold down; ties form
/// one step.
pub(crate) fn roc_points(scores: &[f64], labels: &[bool]) -> Vec<(f64, f64, f64)> {
    let n_pos = labels.iter().filter(|&&l| l).count().max(1) as f64;
    let n_neg = labels.iter().filter(|&&l| !l).count().max(1) as f64;
    let mut pts = vec![(0.0, 0.0, f64::INFINITY)];
    pts.extend(cumulative_counts(scores, labels).into_iter().map(|(tp, fp, s)| (fp / n_neg, tp / n_pos, s)));
    pts
}

/// Average precision (area under the precision-recall curve as a step function):
/// sum over distinct thresholds of (recall_k - recall_{k-1}) x precision_k. `None` without
/// positives.
pub(crate) fn average_precision(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let n_pos = labels.iter().filter(|&&l| l).count();
    if n_pos == 0 {
        return None;
    }
    let (mut ap, mut last_recall) = (0.0, 0.0);
    for (tp, fp, _) in cumulative_counts(scores, labels) {
        let recall = tp / n_pos as f64;
        ap += (recall - last_recall) * tp / (tp + fp);
        last_recall = recall;
    }
    Some(ap)
}

/// Points of the precision-recall curve (recall, precision), from the highest threshold down.
pub(crate) fn pr_points(scores: &[f64], labels: &[bool]) -> Vec<(f64, f64)> {
    let n_pos = labels.iter().filter(|&&l| l).count().max(1) as f64;
    cumulative_counts(scores, labels).into_iter().map(|(tp, fp, _)| (tp / n_pos, tp / (tp + fp))).collect()
}

/// The smallest threshold `t` such that flagging `score >= t` flags at most
/// `floor(target x negatives)` negatives. Flagging is then `score >= t`.
pub(crate) fn threshold_at_fpr(negative_scores: &[f64], target: f64) -> f64 {
    if negative_scores.is_empty() {
        return 0.5;
    }
    let mut s: Vec<f64> = negative_scores.to_vec();
    s.sort_by(|a, b| b.total_cmp(a));
    let allowed = (target * s.len() as f64 + 1e-9).floor() as usize;
    if allowed >= s.len() {
        return 0.0;
    }
    // Everything at or below the (allowed+1)-th highest negative stays unflagged.
    next_up(s[allowed])
}

/// The smallest float greater than `x` (for finite non-negative probabilities).
pub(crate) fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let bits = x.to_bits();
    f64::from_bits(if x > 0.0 { bits + 1 } else { bits - 1 })
}

/// TPR when the threshold is set at `target` FPR on the negatives. `None` without both classes.
pub(crate) fn tpr_at_fpr(scores: &[f64], labels: &[bool], target: f64) -> Option<f64> {
    let neg: Vec<f64> = scores.iter().zip(labels).filter(|(_, &l)| !l).map(|(&s, _)| s).collect();
    let pos: Vec<f64> = scores.iter().zip(labels).filter(|(_, &l)| l).map(|(&s, _)| s).collect();
    if neg.is_empty() || pos.is_empty() {
        return None;
    }
    let t = threshold_at_fpr(&neg, target);
    Some(pos.iter().filter(|&&s| s >= t).count() as f64 / pos.len() as f64)
}

/// Counts of a binary decision. "Flagged" is the positive prediction; an abstention counts as
/// not flagged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Positives flagged.
    pub tp: u64,
    /// Negatives flagged (false accusations).
    pub fp: u64,
    /// Negatives not flagged.
    pub tn: u64,
    /// Positives not flagged.
    pub fn_: u64,
}

impl Confusion {
    /// Count decisions `flagged` against `labels`.
    pub fn of(flagged: &[bool], labels: &[bool]) -> Confusion {
        let mut c = Confusion::default();
        for (&f, &l) in flagged.iter().zip(labels) {
            match (f, l) {
                (true, true) => c.tp += 1,
                (true, false) => c.fp += 1,
                (false, false) => c.tn += 1,
                (false, true) => c.fn_ += 1,
            }
        }
        c
    }

    fn div(a: u64, b: u64) -> Option<f64> {
        (b > 0).then(|| a as f64 / b as f64)
    }

    /// TP / (TP + FN).
    pub fn tpr(&self) -> Option<f64> {
        Self::div(self.tp, self.tp + self.fn_)
    }

    /// FP / (FP + TN).
    pub fn fpr(&self) -> Option<f64> {
        Self::div(self.fp, self.fp + self.tn)
    }

    /// TP / (TP + FP).
    pub fn precision(&self) -> Option<f64> {
        Self::div(self.tp, self.tp + self.fp)
    }

    /// 2 TP / (2 TP + FP + FN).
    pub fn f1(&self) -> Option<f64> {
        Self::div(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// (TP + TN) / all.
    pub fn accuracy(&self) -> Option<f64> {
        Self::div(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }

    /// (TPR + TNR) / 2.
    pub fn balanced_accuracy(&self) -> Option<f64> {
        Some((self.tpr()? + (1.0 - self.fpr()?)) / 2.0)
    }
}

/// One reliability bin.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBin {
    /// Lower edge.
    pub lo: f64,
    /// Upper edge.
    pub hi: f64,
    /// Articles in the bin.
    pub count: u64,
    /// Their mean predicted probability.
    pub mean_predicted: f64,
    /// Their share of positives.
    pub fraction_positive: f64,
}

/// Reliability bins (10 equal-width bins over 0..1; empty bins omitted).
pub(crate) fn calibration_bins(probs: &[f64], labels: &[bool]) -> Vec<CalibrationBin> {
    const BINS: usize = 10;
    let mut sum_p = [0.0; BINS];
    let mut pos = [0u64; BINS];
    let mut n = [0u64; BINS];
    for (&p, &l) in probs.iter().zip(labels) {
        let b = ((p * BINS as f64) as usize).min(BINS - 1);
        sum_p[b] += p;
        n[b] += 1;
        pos[b] += l as u64;
    }
    (0..BINS)
        .filter(|&b| n[b] > 0)
        .map(|b| CalibrationBin {
            lo: b as f64 / BINS as f64,
            hi: (b + 1) as f64 / BINS as f64,
            count: n[b],
            mean_predicted: sum_p[b] / n[b] as f64,
            fraction_positive: pos[b] as f64 / n[b] as f64,
        })
        .collect()
}

/// Expected calibration error over 10 equal-width bins:
/// sum over bins of (n_b / N) x |mean predicted_b - fraction positive_b|.
pub(crate) fn expected_calibration_error(probs: &[f64], labels: &[bool]) -> Option<f64> {
    if probs.is_empty() {
        return None;
    }
    let total = probs.len() as f64;
    Some(
        calibration_bins(probs, labels)
            .iter()
            .map(|b| b.count as f64 / total * (b.mean_predicted - b.fraction_positive).abs())
            .sum(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_worked_example() {
        // Positives 0.9, 0.4; negatives 0.6, 0.4, 0.1. Pairs: (0.9 > all 3) = 3,
        // (0.4 vs 0.6) = 0, (0.4 vs 0.4) = 0.5, (0.4 vs 0.1) = 1 -> 4.5 / 6 = 0.75.
        let s = [0.9, 0.6, 0.4, 0.4, 0.1];
        let l = [true, false, true, false, false];
        assert!((roc_auc(&s, &l).unwrap() - 0.75).abs() < 1e-12);
        assert_eq!(roc_auc(&s, &[true; 5]), None);
    }

    #[test]
    fn average_precision_worked_example() {
        // Sorted: 0.9(+) 0.8(-) 0.7(+) 0.1(-): AP = 0.5 x 1/1 + 0.5 x 2/3 = 0.8333.
        let s = [0.9, 0.8, 0.7, 0.1];
        let l = [true, false, true, false];
        assert!((average_precision(&s, &l).unwrap() - (0.5 + 1.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn confusion_worked_example() {
        let flagged = [true, true, false, false, true, false];
        let labels = [true, false, true, false, true, false];
        let c = Confusion::of(&flagged, &labels);
        assert_eq!(c, Confusion { tp: 2, fp: 1, tn: 2, fn_: 1 });
        assert_eq!(c.tpr(), Some(2.0 / 3.0));
        assert_eq!(c.fpr(), Some(1.0 / 3.0));
        assert_eq!(c.precision(), Some(2.0 / 3.0));
        assert_eq!(c.f1(), Some(4.0 / 6.0));
        assert_eq!(c.accuracy(), Some(4.0 / 6.0));
        assert!((c.balanced_accuracy().unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Confusion::default().fpr(), None);
    }

    #[test]
    fn threshold_at_target_fpr() {
        // 20 negatives 0.00..0.95; 5 % allows 1 false positive: threshold just above 0.90.
        let neg: Vec<f64> = (0..20).map(|i| i as f64 * 0.05).collect();
        let t = threshold_at_fpr(&neg, 0.05);
        assert!(t > 0.90 && t < 0.900001);
        assert_eq!(neg.iter().filter(|&&s| s >= t).count(), 1);
        // 10 negatives at 5 %: none allowed, threshold above the maximum.
        assert!(threshold_at_fpr(&neg[..10], 0.05) > 0.45);
        let s = [0.95, 0.91, 0.5, 0.2];
        let l = [true, true, true, false];
        assert_eq!(tpr_at_fpr(&s, &l, 0.0), Some(1.0));
    }

    #[test]
    fn ece_worked_example() {
        // Bin 0.8-0.9: predictions 0.8, 0.8, positives 1 of 2 -> |0.8 - 0.5| x 2/4;
        // bin 0.1-0.2: predictions 0.1, 0.1, positives 0 -> |0.1 - 0| x 2/4. ECE = 0.15 + 0.05 = 0.2.
        let p = [0.8, 0.8, 0.1, 0.1];
        let l = [true, false, false, false];
        assert!((expected_calibration_error(&p, &l).unwrap() - 0.2).abs() < 1e-12);
    }

    #[test]
    fn roc_points_step_on_ties() {
        let pts = roc_points(&[0.9, 0.5, 0.5], &[true, true, false]);
        assert_eq!(pts.len(), 3);
        assert_eq!((pts[1].0, pts[1].1), (0.0, 0.5));
        assert_eq!((pts[2].0, pts[2].1), (1.0, 1.0));
    }
}
