//! Build a Document for every text of a JSONL file (for profiling).
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("read")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let cx = chaff::Context::default();
    let full = std::env::args().nth(2).is_some();
    let mut n = 0usize;
    for t in &texts {
        let d = chaff::Document::new(t);
        if full {
            n += chaff::extract(&d, &cx).values.len();
        }
        n += d.word_count();
    }
    println!("{n}");
}
