//! One pass of the feature bench (`pipeline/features`: every feature of the ~4 MiB of English
//! news) in a function of its own, for `benches/instructions.sh` to count under callgrind.
//! A first pass warms the per-thread caches, as criterion's warm-up does; only the second is
//! counted. Prints the number of values computed, so the work cannot be optimised away.
//!
//! With `CHAFF_PASSES=N` it also times N more passes and prints their MB/s (best and median)
//! on stderr, for wall-clock runs alternated with another build (`benches/alternate.sh`).
// A development aid that reports on stdout.
#![allow(clippy::print_stdout)]

use std::time::Instant;

#[path = "../benches/support/news_input.rs"]
mod news_input;

/// Every feature of every text.
fn pass(texts: &[String], cx: &chaff::Context) -> usize {
    texts.iter().map(|t| chaff::extract(&chaff::Document::new(t), cx).values.len()).sum()
}

/// The counted pass (callgrind collects only inside this function).
#[inline(never)]
fn measured_pass(texts: &[String], cx: &chaff::Context) -> usize {
    std::hint::black_box(pass(texts, cx))
}

fn main() {
    let (texts, source) = news_input::texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("{} texts, {bytes} bytes ({source})", texts.len());
    let cx = chaff::Context::default();
    let warm = pass(&texts, &cx);
    let mut n = measured_pass(&texts, &cx) + warm;
    let timed: usize = std::env::var("CHAFF_PASSES").ok().and_then(|p| p.parse().ok()).unwrap_or(0);
    let mut rates: Vec<f64> = Vec::with_capacity(timed);
    for _ in 0..timed {
        let t = Instant::now();
        n += pass(&texts, &cx);
        rates.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
    }
    if !rates.is_empty() {
        rates.sort_by(f64::total_cmp);
        eprintln!("MB/s: best {:.2} median {:.2}", rates[rates.len() - 1], rates[rates.len() / 2]);
    }
    println!("{n}");
}
