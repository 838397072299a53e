//! Shared by `train` and `evaluate`: labeled data and model settings from arguments, and the
//! readable evaluation table.

use std::sync::Arc;

use anyhow::Context as _;
use chaff::model::dataset::{self, DataOptions, LabeledData};
use chaff::model::evaluate::{EvalReport, Metrics};
use chaff::model::file::Algorithm;
use chaff::model::forest::ForestConfig;
use chaff::model::train::{default_features, TrainConfig};

use super::args::{AlgorithmArg, DataArgs, ModelArgs};

/// Read and featurise the labeled data, reporting skipped rows on stderr.
pub(super) fn load_data(a: &DataArgs) -> anyhow::Result<(LabeledData, u64)> {
    if let Some(n) = a.threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    let group_from_id = match &a.group_from_id {
        Some(re) => Some(
            regex::Regex::new(re)
                .with_context(|| format!("--group-from-id {re:?} is not a valid regular expression"))?,
        ),
        None => None,
    };
    let mut source_alias = Vec::new();
    for s in &a.source_alias {
        let (from, to) = s.split_once('=').with_context(|| format!("--source-alias {s:?} is not FROM=TO"))?;
        source_alias.push((from.to_string(), to.to_string()));
    }
    let mut source_from_id = Vec::new();
    for s in &a.source_from_id {
        let (re, name) = s.rsplit_once('=').with_context(|| format!("--source-from-id {s:?} is not REGEX=NAME"))?;
        let re = regex::Regex::new(re)
            .with_context(|| format!("--source-from-id {re:?} is not a valid regular expression"))?;
        source_from_id.push((re, name.to_string()));
    }
    let exts = chaff::lexicon::extensions_from_args(&a.lexicon)?;
    let cx = if exts.is_empty() {
        chaff::Context::default()
    } else {
        chaff::Context { lexicons: Arc::new(chaff::lexicon::LexiconSet::build(&exts)?) }
    };
    let opts = DataOptions {
        files: a.data.clone(),
        label_col: a.label_col.clone(),
        positive: a.positive.clone(),
        group_col: a.group_col.clone(),
        group_from_id,
        source_col: None,
        source_alias,
        source_from_id,
        input: chaff::input::InputOptions {
            text_col: a.text_col.clone(),
            id_col: a.id_col.clone(),
            ..Default::default()
        },
    };
    let mut skipped = 0u64;
    let data = dataset::load(&opts, &cx, |e| {
        skipped += 1;
        eprintln!("chaff: {e}");
    })?;
    anyhow::ensure!(!data.rows.is_empty(), "no usable rows in {}", a.data.join(", "));
    Ok((data, skipped))
}

/// Checked model settings.
pub(super) fn config(m: &ModelArgs) -> anyhow::Result<TrainConfig> {
    let cfg = TrainConfig {
        algorithm: match m.algorithm {
            AlgorithmArg::Logistic => Algorithm::Logistic,
            AlgorithmArg::Forest => Algorithm::Forest,
        },
        features: m.features.clone().unwrap_or_else(default_features),
        alpha: m.alpha,
        forest: ForestConfig { trees: m.trees, ..Default::default() },
        folds: m.folds,
        seed: m.seed,
        target_fpr: m.target_fpr,
        min_words: m.min_words,
        ..Default::default()
    };
    cfg.check()?;
    Ok(cfg)
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1}%", 100.0 * x)).unwrap_or_else(|| "-".into())
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_else(|| "-".into())
}

fn row(name: &str, m: &Metrics) -> String {
    format!(
        "{:<34} {:>6} {:>6} {:>6} {:>7} {:>6} {:>7} {:>7} {:>7} {:>7}",
        truncate(name, 34),
        m.n,
        m.negatives,
        m.positives,
        num(m.roc_auc),
        num(m.f1),
        pct(m.human_fpr),
        pct(m.recall),
        pct(m.tpr_at_1pct_fpr),
        pct(Some(m.coverage))
    )
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('~');
        t
    }
}

/// Mean and worst human FPR over held-out sources or registers.
fn print_fpr_summary(transfer: &[chaff::model::evaluate::TransferResult]) {
    let fprs: Vec<f64> = transfer.iter().filter_map(|t| t.metrics.human_fpr).collect();
    if !fprs.is_empty() {
        let mean = fprs.iter().sum::<f64>() / fprs.len() as f64;
        let max = fprs.iter().cloned().fold(0.0, f64::max);
        println!("  transferred human FPR: mean {:.1}%, worst {:.1}%", mean * 100.0, max * 100.0);
    }
}

/// The evaluation as a table for people.
pub(super) fn print_report(rep: &EvalReport) {
    let header = format!(
        "{:<34} {:>6} {:>6} {:>6} {:>7} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "", "rows", "human", "machine", "ROC-AUC", "F1", "FPR", "TPR", "TPR@1%", "cover"
    );
    println!("chaff evaluate ({}, {}, target FPR {:.0}%)", rep.kind, rep.algorithm, rep.target_fpr * 100.0);
    println!("{header}");
    println!("{}", row("all", &rep.overall));
    let o = &rep.overall;
    println!(
        "  PR-AUC {}  accuracy {}  balanced accuracy {}  precision {}  TPR@5%FPR {}  ECE {}  uncertain {}",
        num(o.pr_auc),
        num(o.accuracy),
        num(o.balanced_accuracy),
        num(o.precision),
        pct(o.tpr_at_5pct_fpr),
        num(o.ece),
        o.uncertain
    );
    println!(
        "  confusion at the stored thresholds: TP {}  FP {}  TN {}  FN {}",
        o.confusion.tp, o.confusion.fp, o.confusion.tn, o.confusion.fn_
    );
    let mut last = String::new();
    for g in &rep.by {
        if g.column != last {
            println!("by {}:", g.column);
            last = g.column.clone();
        }
        println!("{}", row(&format!("  {}", g.value), &g.metrics));
        if let Some(v) = &g.versus_human {
            println!("{}", row("    vs human of same source", v));
        }
    }
    if !rep.transfer.is_empty() {
        println!("leave-one-source-out (trained on the others, thresholds set on their out-of-fold humans):");
        for t in &rep.transfer {
            println!("{}", row(&format!("  {} (trained on {})", t.source, t.train_rows), &t.metrics));
        }
        print_fpr_summary(&rep.transfer);
    }
    if !rep.register_transfer.is_empty() {
        println!("leave-one-register-out (trained on the other registers, thresholds set on their humans):");
        for t in &rep.register_transfer {
            println!("{}", row(&format!("  {} (trained on {})", t.source, t.train_rows), &t.metrics));
        }
        print_fpr_summary(&rep.register_transfer);
    }
    if let Some(a) = rep.baselines.length_only_roc_auc {
        println!("baseline: word count alone reaches ROC-AUC {a:.3}");
    }
    if let Some(m) = &rep.baselines.length_matched {
        println!("{}", row("length-matched subset", m));
    }
    println!("thresholds (probability of filler at which an article is flagged; uncertain from):");
    for (band, t, u) in &rep.thresholds {
        println!("  {band:>8} words: {t:.3} (uncertain from {u:.3})");
    }
}
