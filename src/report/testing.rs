//! Test inputs for the charts: a synthetic evaluation and a small scored batch of texts written
//! for these tests, plus a check that a PNG has the expected size and is not blank.

use std::collections::BTreeMap;
use std::path::Path;

use crate::article::Article;
use crate::error::Origin;
use crate::features::{Context, FEATURES};
use crate::model::evaluate::{self, Baselines, EvalReport, Importance, ScoreHistogram, ScoredRow, TransferResult};
use crate::model::metrics;
use crate::model::predict::{Model, Verdict};
use crate::output::ScoreRow;
use crate::score::Scorer;

/// A deterministic number in 0..1 for `i`.
fn unit(i: u64) -> f64 {
    let x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// Scored rows of `n` texts: odd rows machine, even rows human, with overlapping scores,
/// verdicts at threshold 0.6 (uncertain from 0.55, and under 50 words), three languages, two
/// sources, domains and generators.
pub(crate) fn synthetic_rows(n: usize) -> Vec<ScoredRow> {
    (0..n)
        .map(|i| {
            let positive = i % 2 == 1;
            let x = unit(i as u64);
            let probability = if positive { 0.3 + 0.7 * x.powf(0.6) } else { 0.65 * x.powf(1.6) };
            let words = 30 + (i as u32 * 37) % 500;
            let verdict = if words < 50 {
                Verdict::Uncertain
            } else if probability >= 0.6 {
                Verdict::Filler
            } else if probability >= 0.55 {
                Verdict::Uncertain
            } else {
                Verdict::Ok
            };
            let mut columns = BTreeMap::new();
            columns.insert("domain".to_string(), ["news", "blog", "essay"][i % 3].to_string());
            let generator = if positive { ["gpt-x", "llama-y"][(i / 2) % 2] } else { "" };
            columns.insert("generator".to_string(), generator.to_string());
            ScoredRow {
                id: format!("row-{i}"),
                label: if positive { "machine" } else { "human" }.to_string(),
                positive,
                probability,
                verdict,
                words,
                lang: ["en", "en", "de", "ja"][(i / 2) % 4].to_string(),
                source: if (i / 2) % 2 == 0 { "corpus_a" } else { "corpus_b" }.to_string(),
                columns,
            }
        })
        .collect()
}

/// An evaluation of `rows` as `chaff evaluate` would build it.
pub(crate) fn eval_of(rows: Vec<ScoredRow>) -> EvalReport {
    let scores: Vec<f64> = rows.iter().map(|r| r.probability).collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.positive).collect();
    let by = vec!["domain".to_string(), "generator".to_string()];
    let transfer = ["corpus_a", "corpus_b"]
        .iter()
        .map(|s| TransferResult {
            source: s.to_string(),
            train_rows: rows.iter().filter(|r| r.source != *s).count() as u64,
            metrics: evaluate::metrics_of(rows.iter().filter(|r| r.source == *s)),
        })
        .collect();
    EvalReport {
        kind: "cross-validation".into(),
        chaff_version: "test".into(),
        files: vec!["synthetic.csv".into()],
        algorithm: "logistic".into(),
        target_fpr: 0.05,
        thresholds: vec![
            ("<100".into(), 0.6, 0.55),
            ("100-200".into(), 0.6, 0.55),
            ("200-400".into(), 0.6, 0.55),
            (">400".into(), 0.6, 0.55),
        ],
        overall: evaluate::metrics_of(&rows),
        by: evaluate::breakdowns(&rows, &by),
        roc: metrics::roc_points(&scores, &labels),
        pr: metrics::pr_points(&scores, &labels),
        calibration: metrics::calibration_bins(&scores, &labels),
        feature_importance: FEATURES
            .iter()
            .take(26)
            .enumerate()
            .map(|(i, f)| Importance {
                feature: f.name.to_string(),
                coefficient: (i as f64 * 1.7).sin() * (1.0 - i as f64 / 40.0),
            })
            .collect(),
        transfer,
        register_transfer: Vec::new(),
        baselines: Baselines { length_only_roc_auc: Some(0.55), length_matched: None },
        score_histogram: ScoreHistogram::of(&rows, 50),
        scores: rows,
    }
}

/// The synthetic evaluation of 160 texts.
pub(crate) fn synthetic_eval() -> EvalReport {
    eval_of(synthetic_rows(160))
}

/// Texts written for these tests (none comes from a corpus).
const TEXTS: [(&str, &str); 6] = [
    (
        "blog/2024/unlock-synergy-in-your-team-with-these-game-changing-strategies.md",
        "In today's fast-paced world, it is important to note that synergy is a game-changer. \
         Moreover, leveraging holistic strategies can unlock your team's full potential. \
         Furthermore, it is crucial to embrace innovation and foster a culture of excellence. \
         In conclusion, by harnessing these seamless solutions, organizations can truly thrive \
         in an ever-evolving landscape. Additionally, stakeholders should prioritize robust \
         frameworks that empower everyone. Ultimately, the journey towards transformation is a \
         testament to the power of collaboration and a dynamic, innovative mindset.",
    ),
    (
        "news/harbour-ferry.txt",
        "The harbour ferry will run four times a day from 3 November, down from six, the board \
         said on Tuesday. The 06:15 and 20:40 crossings carried three or four cars most nights \
         last winter, and the service lost about 41,000 euros between December and February. \
         \"I can't justify a full crew for that,\" said the finance chair. Two residents who \
         commute to the hospital asked for the early boat to stay; the board will review the \
         timetable in March after counting passengers again.",
    ),
    (
        "de/teamkultur.txt",
        "Darüber hinaus ist es wichtig, eine ganzheitliche Teamkultur zu fördern. Zudem spielt \
         Innovation eine entscheidende Rolle. Des Weiteren sollten Unternehmen nachhaltige \
         Strategien entwickeln, um Synergien optimal zu nutzen. Abschließend lässt sich \
         festhalten, dass eine offene Kommunikation der Schlüssel zum Erfolg ist und alle \
         Beteiligten davon profitieren.",
    ),
    ("short.txt", "Too short to judge."),
    (
        "howto/chain.txt",
        "Shift to the smallest cog, then find the quick link: two plates with a slot. Squeeze it \
         with link pliers, or with a bit of old brake cable if you have none. Count the links of \
         the old chain before you throw it away; mine had 114. Thread the new one over the small \
         ring, cut it with the chain tool at the same count, and close the link by pedalling \
         hard once. It clicks. Wipe off the factory grease, it collects grit.",
    ),
    (
        "listicle/top-10.txt",
        "Are you ready to transform your life? Here are ten amazing tips that will change \
         everything! First, embrace mindfulness every single day. Second, unlock your potential \
         with powerful habits. Third, remember that success is a journey, not a destination. \
         These tips are truly game-changing, and they will empower you to achieve your dreams \
         and elevate your productivity to the next level.",
    ),
];

/// The scored test texts, with features kept.
pub(crate) fn synthetic_batch(model: &Model) -> Vec<ScoreRow> {
    let scorer = Scorer::new(model, Context::default());
    TEXTS
        .iter()
        .map(|(id, text)| ScoreRow::from_scored(&scorer.score(&Article::new(*id, Origin::file(*id), *text), true)))
        .collect()
}

/// The embedded default model.
pub(crate) fn model() -> &'static Model {
    crate::model::shipped::default_model().expect("the embedded model loads")
}

/// Assert that `path` is a PNG of `size` (or at least as tall when `min_height`) and not blank;
/// returns the luminance variance.
pub(crate) fn check_png(path: &Path, width: u32, height: u32, min_height: bool) -> f64 {
    let img = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).to_rgb8();
    assert_eq!(img.width(), width, "{}", path.display());
    if min_height {
        assert!(img.height() >= height, "{}: height {}", path.display(), img.height());
    } else {
        assert_eq!(img.height(), height, "{}", path.display());
    }
    let lum: Vec<f64> = img.pixels().map(|p| 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64).collect();
    let mean = lum.iter().sum::<f64>() / lum.len() as f64;
    let var = lum.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / lum.len() as f64;
    assert!(var > 50.0, "{} looks blank (luminance variance {var:.1})", path.display());
    var
}
