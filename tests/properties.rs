//! Property tests over the text analysis, the features and scoring: finite values on any input,
//! probabilities in [0, 1], and results that do not depend on the order of the batch.
//! Regressions proptest finds are kept in tests/properties.proptest-regressions.

use chaff::features::Analysis;
use chaff::model::shipped::default_model;
use chaff::{Context, Document, FEATURES};
use proptest::prelude::*;

/// Text from a mix of ASCII, Latin, CJK, emoji, combining marks, controls and odd spaces.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => "[a-zA-Z ]{0,12}",
        2 => "[.,;:!?\"'()\\-]{0,3}",
        1 => "[0-9]{1,4}",
        1 => "[\\n\\r\\t ]{1,3}",
        1 => "[éüßçñÆØ]{1,3}",
        1 => "[日本語のテスト。！？]{1,6}",
        1 => "[🙂🎉👍🏽]{1,2}",
        1 => "[\\u{0300}\\u{0301}\\u{200B}\\u{FEFF}\\u{00A0}\\u{3000}\\u{0000}\\u{0007}\\u{2028}]{1,2}",
        1 => "[«»„“”‘’…—–]{1,2}",
        1 => "\\PC{0,8}",
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// 200 cases per property in `cargo test`; long fuzzing runs set PROPTEST_CASES.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn features_are_finite_or_not_applicable(t in text()) {
        let doc = Document::new(&t);
        let fv = chaff::extract(&doc, &Context::default());
        prop_assert_eq!(fv.values.len(), FEATURES.len());
        for (f, v) in FEATURES.iter().zip(&fv.values) {
            if let Some(v) = v {
                prop_assert!(v.is_finite(), "{} = {} on {:?}", f.name, v, t);
            }
        }
    }

    #[test]
    fn scores_are_probabilities(t in text()) {
        let model = default_model().unwrap();
        let doc = Document::new(&t);
        let cx = Context::default();
        let a = Analysis::new(&doc, &cx);
        let fv = chaff::features::extract_from(&a);
        let p = model.predict(&a, &fv);
        // A text with no words has no probability; any other text has one in 0..1.
        prop_assert_eq!(p.probability.is_none(), doc.word_count() == 0);
        if let Some(prob) = p.probability {
            prop_assert!((0.0..=1.0).contains(&prob), "{}", prob);
        }
        prop_assert!(p.raw.is_none_or(f64::is_finite));
        prop_assert!(p.reasons.len() <= 3);
    }

    #[test]
    fn normalisation_is_idempotent(t in text()) {
        let once = chaff::text::normalize::normalize(&t);
        prop_assert_eq!(chaff::text::normalize::normalize(&once), once.clone());
        prop_assert!(!once.contains("\n\n\n") && !once.contains("  "));
    }

    #[test]
    fn batch_order_does_not_change_per_article_results(texts in proptest::collection::vec(text(), 1..8)) {
        use chaff::pipeline::{process_ordered, BatchLimits};
        let model = default_model().unwrap();
        let scorer = chaff::score::Scorer::new(model, Context::default());
        let articles: Vec<chaff::Article> = texts.iter().enumerate()
            .map(|(i, t)| chaff::Article::new(i.to_string(), chaff::Origin::file("p"), t.clone()))
            .collect();
        let run = |items: Vec<chaff::Article>| {
            let mut out = std::collections::BTreeMap::new();
            process_ordered(items.into_iter().map(Ok), BatchLimits { max_articles: 3, max_bytes: 1 << 20 },
                |a| Ok(scorer.score(&a, true)),
                |r| { let s = r.unwrap(); out.insert(s.id.clone(), (s.prediction.probability.map(f64::to_bits), s.prediction.verdict, s.features.unwrap().iter().map(|v| v.map(f64::to_bits)).collect::<Vec<_>>())); Ok::<(), ()>(()) }).unwrap();
            out
        };
        let forward = run(articles.clone());
        let mut reversed = articles;
        reversed.reverse();
        prop_assert_eq!(forward, run(reversed));
    }
}
