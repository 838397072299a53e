//! A random forest built from linfa-trees decision trees: each tree is fitted on a bootstrap
//! sample with classes weighted equally and on a random half of the inputs (random subspace),
//! and the forest's score is the share of trees voting positive. linfa-ensemble is not used
//! because its models cannot be serialised and its votes are not deterministic (STACK.md).

use linfa::prelude::*;
use linfa_trees::{DecisionTree, SplitQuality};
use ndarray::{Array1, Array2};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::folds::SplitMix64;
use crate::error::Error;

/// One tree and the input columns it sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestTree {
    /// Input columns, in the order the tree was fitted on.
    pub columns: Vec<usize>,
    /// The fitted linfa tree (linfa's serde format).
    pub tree: DecisionTree<f64, usize>,
}

/// The forest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestParams {
    /// Its trees.
    pub trees: Vec<ForestTree>,
}

/// Forest settings.
#[derive(Debug, Clone, Copy)]
pub struct ForestConfig {
    /// Number of trees.
    pub trees: usize,
    /// Maximum depth of each tree.
    pub max_depth: usize,
    /// Minimum total weight of a leaf.
    pub min_weight_leaf: f32,
}

impl Default for ForestConfig {
    fn default() -> Self {
        ForestConfig { trees: 100, max_depth: 10, min_weight_leaf: 3.0 }
    }
}

impl ForestParams {
    /// Share of trees voting positive, for one row of inputs.
    pub fn vote_share(&self, x: &[f64]) -> f64 {
        if self.trees.is_empty() {
            return 0.5;
        }
        let mut votes = 0usize;
        for t in &self.trees {
            let row = Array2::from_shape_fn((1, t.columns.len()), |(_, j)| x[t.columns[j]]);
            let pred: Array1<usize> = t.tree.predict(&row);
            votes += (pred[0] == 1) as usize;
        }
        votes as f64 / self.trees.len() as f64
    }

    /// Raw log-odds of the vote share (smoothed so that unanimous votes stay finite).
    pub fn log_odds(&self, x: &[f64]) -> f64 {
        let n = self.trees.len() as f64;
        let p = (self.vote_share(x) * n + 0.5) / (n + 1.0);
        (p / (1.0 - p)).ln()
    }
}

/// Fit a forest on inputs `x` and labels.
pub(crate) fn fit(x: &[Vec<f64>], labels: &[bool], cfg: ForestConfig, seed: u64) -> Result<ForestParams, Error> {
    let width = x.first().map_or(0, Vec::len);
    let n = x.len();
    let n_pos = labels.iter().filter(|&&l| l).count().max(1) as f32;
    let n_neg = (n as f32 - n_pos).max(1.0);
    let subspace = (width / 2).max(1);
    let trees: Result<Vec<ForestTree>, Error> = (0..cfg.trees)
        .into_par_iter()
        .map(|t| {
            let mut rng = SplitMix64::new(seed ^ (t as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let rows: Vec<usize> = (0..n).map(|_| rng.below(n)).collect();
            let mut columns: Vec<usize> = (0..width).collect();
            rng.shuffle(&mut columns);
            columns.truncate(subspace);
            columns.sort_unstable();
            let data = Array2::from_shape_fn((n, columns.len()), |(i, j)| x[rows[i]][columns[j]]);
            let targets = Array1::from_shape_fn(n, |i| labels[rows[i]] as usize);
            let weights = Array1::from_shape_fn(n, |i| {
                if labels[rows[i]] {
                    n as f32 / (2.0 * n_pos)
                } else {
                    n as f32 / (2.0 * n_neg)
                }
            });
            let dataset = Dataset::new(data, targets).with_weights(weights);
            let tree = DecisionTree::params()
                .split_quality(SplitQuality::Gini)
                .max_depth(Some(cfg.max_depth))
                .min_weight_leaf(cfg.min_weight_leaf)
                .fit(&dataset)
                .map_err(|e| Error::Data(format!("decision tree failed: {e}")))?;
            Ok(ForestTree { columns, tree })
        })
        .collect();
    Ok(ForestParams { trees: trees? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forest_learns_a_threshold_rule_and_round_trips() {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..200 {
            let v = i as f64 / 200.0;
            x.push(vec![v, (i % 7) as f64]);
            y.push(v > 0.6);
        }
        let f = fit(&x, &y, ForestConfig { trees: 15, max_depth: 4, min_weight_leaf: 1.0 }, 1).unwrap();
        assert!(f.vote_share(&[0.95, 3.0]) > 0.5);
        assert!(f.vote_share(&[0.05, 3.0]) < 0.5);
        let json = serde_json::to_string(&f).unwrap();
        let back: ForestParams = serde_json::from_str(&json).unwrap();
        assert_eq!(back.vote_share(&[0.7, 1.0]), f.vote_share(&[0.7, 1.0]));
    }
}
