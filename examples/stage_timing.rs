//! Rough per-stage timing of the feature pipeline on a JSONL file (development aid).
// A development aid that reports on stdout.
#![allow(clippy::print_stdout)]
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("path to a JSONL file");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("read")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let mb: f64 = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    let mut n = 0usize;
    for s in &texts {
        n += chaff::text::normalize::normalize(s).len();
    }
    report("normalize", mb, t, n);
    let t = Instant::now();
    let mut n = 0usize;
    for s in &texts {
        n += chaff::text::segment::tokenize(s).len();
    }
    report("tokenize", mb, t, n);
    let t = Instant::now();
    let mut n = 0usize;
    for s in &texts {
        let toks = chaff::text::segment::tokenize(s);
        n += chaff::text::segment::sentences(s, &toks).len();
    }
    report("tokenize+sentences", mb, t, n);
    let t = Instant::now();
    let mut n = 0usize;
    for s in &texts {
        n += whatlang::detect(chaff::text::script::prefix_at_char_boundary(s, 2048)).map_or(0, |i| i.lang() as usize);
    }
    report("whatlang 2KB", mb, t, n);
    let t = Instant::now();
    let mut n = 0usize;
    for s in &texts {
        n += chaff::text::ScriptCounts::of(s).total() as usize;
    }
    report("script counts", mb, t, n);
    let t = Instant::now();
    let docs: Vec<chaff::Document> = texts.iter().map(|s| chaff::Document::new(s)).collect();
    report("Document::new", mb, t, docs.len());
    let cx = chaff::Context::default();
    if std::env::var_os("CHAFF_PER_DOC").is_some() {
        // Features in registry order on one document at a time (as `extract` runs them, with
        // the document in cache): the time each adds, caches included.
        // One warm-up pass first, so per-thread caches are as warm as in a criterion run.
        for d in &docs {
            std::hint::black_box(chaff::extract(d, &cx));
        }
        let mut secs = vec![0.0f64; chaff::FEATURES.len()];
        for d in &docs {
            let a = chaff::features::Analysis::new(d, &cx);
            for (k, f) in chaff::FEATURES.iter().enumerate() {
                let t = Instant::now();
                std::hint::black_box(f.value(&a));
                secs[k] += t.elapsed().as_secs_f64();
            }
        }
        let mut order: Vec<usize> = (0..secs.len()).collect();
        order.sort_by(|&a, &b| secs[b].total_cmp(&secs[a]));
        println!("features total {:.1} ms", secs.iter().sum::<f64>() * 1e3);
        for k in order.into_iter().take(40) {
            println!("  {:40} {:6.2} ms", chaff::FEATURES[k].name, secs[k] * 1e3);
        }
        return;
    }
    for f in chaff::FEATURES {
        let t = Instant::now();
        let mut n = 0usize;
        for d in &docs {
            n += f.value(&chaff::features::Analysis::new(d, &cx)).is_some() as usize;
        }
        let secs = t.elapsed().as_secs_f64();
        if secs > 0.005 {
            println!("  {:40} {:8.1} MB/s", f.name, mb / secs);
        }
        let _ = n;
    }
}

fn report(what: &str, mb: f64, t: Instant, n: usize) {
    let secs = t.elapsed().as_secs_f64();
    println!("{what:30} {:8.1} MB/s ({n})", mb / secs);
}

#[allow(dead_code)]
fn extra() {}
