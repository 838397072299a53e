//! Arbitrary bytes (lossy UTF-8) scored with the embedded default model, as `chaff score`
//! does. Checks: nothing panics; the probability is finite and within [0, 1].
#![no_main]

use std::sync::LazyLock;

use chaff::score::Scorer;
use chaff::{Article, Context, Origin};
use libfuzzer_sys::fuzz_target;

static SCORER: LazyLock<Scorer<'static>> = LazyLock::new(|| {
    let model = chaff::model::shipped::default_model().expect("embedded default model loads");
    Scorer::new(model, Context::default())
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article::new("fuzz", Origin::file("fuzz"), text);
    let scored = SCORER.score(&article, false);
    let p = scored.prediction.probability;
    assert!(p.is_finite() && (0.0..=1.0).contains(&p), "probability {p} (raw {})", scored.prediction.raw);
});
