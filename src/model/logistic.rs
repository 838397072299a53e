//! Logistic regression with linfa-logistic, on preprocessed inputs, with classes balanced by
//! replicating the rarer class (linfa-logistic ignores sample weights, STACK.md pitfall 8).
//! The fitted weights are stored in chaff's own schema (intercept and one coefficient per
//! input), so a model file does not depend on linfa's serialisation format.

use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use super::folds::SplitMix64;
use crate::error::Error;

/// Fitted weights: `logit P(positive) = intercept + sum(coefficients[j] x input[j])`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticParams {
    /// Intercept.
    pub intercept: f64,
    /// One per model input.
    pub coefficients: Vec<f64>,
}

impl LogisticParams {
    /// Raw log-odds of the positive class.
    pub fn log_odds(&self, x: &[f64]) -> f64 {
        self.intercept + self.coefficients.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }
}

/// Indices of `rows` with the rarer class replicated to about the size of the other (the
/// fractional part by a seeded draw).
pub(crate) fn balanced_indices(labels: &[bool], seed: u64) -> Vec<usize> {
    let n_pos = labels.iter().filter(|&&l| l).count();
    let n_neg = labels.len() - n_pos;
    let mut idx: Vec<usize> = (0..labels.len()).collect();
    if n_pos == 0 || n_neg == 0 {
        return idx;
    }
    let (rare, ratio) =
        if n_pos < n_neg { (true, n_neg as f64 / n_pos as f64) } else { (false, n_pos as f64 / n_neg as f64) };
    let whole = ratio.floor() as usize;
    let frac = ratio - whole as f64;
    let mut rng = SplitMix64::new(seed);
    for (i, &l) in labels.iter().enumerate() {
        if l != rare {
            continue;
        }
        for _ in 1..whole {
            idx.push(i);
        }
        if (rng.next_u64() as f64 / u64::MAX as f64) < frac {
            idx.push(i);
        }
    }
    idx
}

/// Fit on inputs `x` (rows) and labels, with L2 penalty `alpha`.
pub(crate) fn fit(x: &[Vec<f64>], labels: &[bool], alpha: f64, seed: u64) -> Result<LogisticParams, Error> {
    let width = x.first().map_or(0, Vec::len);
    let idx = balanced_indices(labels, seed);
    let mut data = Array2::<f64>::zeros((idx.len(), width));
    let mut targets = Array1::<usize>::zeros(idx.len());
    for (r, &i) in idx.iter().enumerate() {
        for (c, v) in x[i].iter().enumerate() {
            data[[r, c]] = *v;
        }
        targets[r] = labels[i] as usize;
    }
    let dataset = Dataset::new(data, targets);
    let fitted = LogisticRegression::default()
        .alpha(alpha)
        .max_iterations(300)
        .gradient_tolerance(1e-6)
        .fit(&dataset)
        .map_err(|e| Error::Data(format!("logistic regression failed: {e}")))?;
    // linfa makes the more frequent label its positive class (STACK.md pitfall 5): read it.
    let positive_is_one = fitted.labels().pos.class == 1;
    let sign = if positive_is_one { 1.0 } else { -1.0 };
    Ok(LogisticParams {
        intercept: sign * fitted.intercept(),
        coefficients: fitted.params().iter().map(|w| sign * w).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balancing_replicates_the_rare_class() {
        let labels = [true, false, false, false, false, false, false];
        let idx = balanced_indices(&labels, 1);
        assert_eq!(idx.iter().filter(|&&i| labels[i]).count(), 6);
        assert_eq!(idx.iter().filter(|&&i| !labels[i]).count(), 6);
    }

    #[test]
    fn learns_the_direction_of_a_separating_input() {
        // Positives have x0 around +1, negatives around -1; x1 is noise.
        let mut x = Vec::new();
        let mut y = Vec::new();
        let mut rng = SplitMix64::new(3);
        for i in 0..400 {
            let pos = i % 4 == 0;
            let mut noise = || (rng.next_u64() % 1000) as f64 / 1000.0 - 0.5;
            let a = if pos { 1.0 } else { -1.0 } + noise();
            let b = noise();
            x.push(vec![a, b]);
            y.push(pos);
        }
        let p = fit(&x, &y, 1.0, 0).unwrap();
        assert!(p.coefficients[0] > 2.0, "{p:?}");
        assert!(p.coefficients[1].abs() < p.coefficients[0] / 5.0, "{p:?}");
        assert!(p.log_odds(&[1.0, 0.0]) > 0.0 && p.log_odds(&[-1.0, 0.0]) < 0.0);
    }
}
