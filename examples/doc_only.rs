//! Build a Document for every text of a JSONL file, and with `full` extract every feature
//! (the callgrind and perf target). Prints the best of `CHAFF_PASSES` (default 1) timed
//! passes in MB/s on stderr.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("path");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("read")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let cx = chaff::Context::default();
    let full = std::env::args().nth(2).is_some();
    let passes: usize = std::env::var("CHAFF_PASSES").ok().and_then(|p| p.parse().ok()).unwrap_or(1);
    let mut best = f64::INFINITY;
    let mut n = 0usize;
    for _ in 0..passes {
        let t = Instant::now();
        for text in &texts {
            let d = chaff::Document::new(text);
            if full {
                n += chaff::extract(&d, &cx).values.len();
            }
            n += d.word_count();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    eprintln!("{:.1} MB/s (best of {passes})", bytes as f64 / 1e6 / best);
    println!("{n}");
}
