//! Criterion benchmarks with byte throughput: segmentation, the whole feature set, each
//! feature, prediction, and end-to-end scoring of one article.
//!
//! Input: the English news of ../shared/datasets (iu news + llmfake) when present, capped at
//! about 4 MB, else the project's own examples. Run: `cargo bench --bench pipeline`
//! (`-- features` for one group). Set CHAFF_BENCH_PER_FEATURE=1 to time every feature (slow).

use std::hint::black_box;

use chaff::features::Analysis;
use chaff::{Context, Document, FEATURES};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use news_input::texts;

#[path = "support/news_input.rs"]
mod news_input;

fn bench(c: &mut Criterion) {
    let (texts, source) = texts();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    eprintln!("benchmark input: {} texts, {:.2} MB ({source})", texts.len(), bytes as f64 / 1e6);
    let cx = Context::default();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes)).sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| texts.iter().map(|t| chaff::text::normalize::normalize(t).len()).sum::<usize>())
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| {
                    let toks = chaff::text::segment::tokenize(t);
                    chaff::text::segment::sentences(t, &toks).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("document", |b| b.iter(|| texts.iter().map(|t| Document::new(t).word_count()).sum::<usize>()));
    g.bench_function("features", |b| {
        b.iter(|| texts.iter().map(|t| chaff::extract(&Document::new(t), &cx).values.len()).sum::<usize>())
    });
    let model = chaff::model::shipped::default_model().expect("the embedded model loads");
    let scorer = chaff::score::Scorer::new(model, cx.clone());
    let articles: Vec<chaff::Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| chaff::Article::new(i.to_string(), chaff::Origin::file("bench"), t.clone()))
        .collect();
    g.bench_function("score", |b| {
        b.iter(|| articles.iter().map(|a| scorer.score(a, false).prediction.probability.unwrap_or(0.0)).sum::<f64>())
    });
    g.finish();

    let vectors: Vec<(Vec<Option<f64>>, u32)> = texts
        .iter()
        .map(|t| Document::new(t))
        .map(|d| (chaff::extract(&d, &cx).values, d.word_count() as u32))
        .collect();
    let mut g = c.benchmark_group("predict");
    g.throughput(Throughput::Elements(vectors.len() as u64)).sample_size(10);
    g.bench_function("decide", |b| {
        b.iter(|| vectors.iter().map(|(v, w)| model.decide(black_box(v), *w, "en").1).sum::<f64>())
    });
    g.finish();

    if std::env::var_os("CHAFF_BENCH_PER_FEATURE").is_some() {
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
        let mut g = c.benchmark_group("feature");
        g.throughput(Throughput::Bytes(bytes)).sample_size(10).measurement_time(std::time::Duration::from_secs(1));
        for f in FEATURES {
            // Fresh documents each time, so cached shared work (syllables, lexicon hits,
            // n-grams) is counted for the first feature that needs it.
            g.bench_with_input(BenchmarkId::from_parameter(f.name), f, |b, f| {
                b.iter(|| docs.iter().map(|d| f.value(&Analysis::new(d, &cx)).is_some() as usize).sum::<usize>())
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
