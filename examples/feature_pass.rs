//! One pass of the feature bench (`pipeline/features`: every feature of the ~4 MiB of English
//! news) in a function of its own, for `benches/instructions.sh` to count under callgrind.
//! A first pass warms the per-thread caches, as criterion's warm-up does; only the second is
//! counted. Prints the number of values computed, so the work cannot be optimised away.

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
    println!("{}", measured_pass(&texts, &cx) + warm);
}
