//! Grouped, stratified K-fold assignment and a small deterministic random generator.
//!
//! Rows that share a group (a human article and its machine rewrites) always land in the same
//! fold, so no fold is tested on a rewrite of a text it trained on. Groups are dealt to folds
//! largest first, each to the fold where it keeps the per-label shares most even (the rule
//! of scikit-learn's StratifiedGroupKFold); group order among equal sizes comes from the seed.

/// SplitMix64: a tiny, well-studied generator; enough for shuffles and bootstraps, and stable
/// across versions (unlike depending on a crate's algorithm choice).
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Fold index (0..k) for each row, given its group id and label (class index).
pub(crate) fn stratified_group_folds(groups: &[usize], labels: &[usize], k: usize, seed: u64) -> Vec<usize> {
    let n_groups = groups.iter().copied().max().map_or(0, |m| m + 1);
    let n_classes = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut counts = vec![vec![0usize; n_classes]; n_groups];
    for (&g, &l) in groups.iter().zip(labels) {
        counts[g][l] += 1;
    }
    let mut order: Vec<usize> = (0..n_groups).filter(|&g| counts[g].iter().sum::<usize>() > 0).collect();
    SplitMix64::new(seed).shuffle(&mut order);
    // Largest groups first (stable sort keeps the seeded order among equals); groups with a
    // larger spread of labels first, as scikit-learn does.
    order.sort_by(|&a, &b| {
        let sa: usize = counts[a].iter().sum();
        let sb: usize = counts[b].iter().sum();
        sb.cmp(&sa)
    });
    let class_totals: Vec<f64> =
        (0..n_classes).map(|c| counts.iter().map(|g| g[c]).sum::<usize>().max(1) as f64).collect();
    let mut fold_counts = vec![vec![0usize; n_classes]; k];
    let mut group_fold = vec![0usize; n_groups];
    for g in order {
        let mut best = (f64::INFINITY, usize::MAX, 0usize);
        for f in 0..k {
            fold_counts[f].iter_mut().zip(&counts[g]).for_each(|(a, b)| *a += b);
            // Mean over classes of the standard deviation across folds of the class share.
            let spread: f64 = (0..n_classes)
                .map(|c| {
                    let shares: Vec<f64> = fold_counts.iter().map(|fc| fc[c] as f64 / class_totals[c]).collect();
                    let m = shares.iter().sum::<f64>() / k as f64;
                    (shares.iter().map(|s| (s - m).powi(2)).sum::<f64>() / k as f64).sqrt()
                })
                .sum::<f64>()
                / n_classes.max(1) as f64;
            let size: usize = fold_counts[f].iter().sum();
            fold_counts[f].iter_mut().zip(&counts[g]).for_each(|(a, b)| *a -= b);
            if spread < best.0 - 1e-12 || (spread <= best.0 + 1e-12 && size < best.1) {
                best = (spread, size, f);
            }
        }
        group_fold[g] = best.2;
        fold_counts[best.2].iter_mut().zip(&counts[g]).for_each(|(a, b)| *a += b);
    }
    groups.iter().map(|&g| group_fold[g]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_stay_together_and_labels_spread() {
        // 40 groups: each a human row plus 3 machine rows.
        let mut groups = Vec::new();
        let mut labels = Vec::new();
        for g in 0..40 {
            groups.extend([g; 4]);
            labels.extend([0, 1, 1, 1]);
        }
        let folds = stratified_group_folds(&groups, &labels, 5, 7);
        for g in 0..40 {
            let f: Vec<usize> = (0..folds.len()).filter(|&i| groups[i] == g).map(|i| folds[i]).collect();
            assert!(f.iter().all(|&x| x == f[0]), "group {g} split");
        }
        for f in 0..5 {
            let n = folds.iter().filter(|&&x| x == f).count();
            assert_eq!(n, 32, "fold {f} has {n} rows");
        }
        assert_eq!(folds, stratified_group_folds(&groups, &labels, 5, 7), "deterministic");
    }

    #[test]
    fn splitmix_is_stable() {
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
