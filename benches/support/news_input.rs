//! The benchmark input shared by `benches/pipeline.rs` and `examples/feature_pass.rs`: the
//! English news of ../shared/datasets (iu news + llmfake news), about 4 MiB, in file order;
//! else the project's own examples (whose figures are not comparable).

use std::path::Path;

/// The texts and a name for where they came from.
pub(crate) fn texts() -> (Vec<String>, &'static str) {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets");
    let mut out = Vec::new();
    let mut bytes = 0usize;
    for f in ["iu_human_ai_corpus.csv", "llmfake_news.csv"] {
        let Ok(mut r) = csv::Reader::from_path(shared.join(f)) else { continue };
        let Ok(h) = r.headers().cloned() else { continue };
        let column = |name: &str| h.iter().position(|c| c == name);
        let (Some(t), Some(l), Some(d)) = (column("text"), column("lang"), column("domain")) else { continue };
        for rec in r.records().flatten() {
            if &rec[l] == "en" && rec[d].starts_with("news") && bytes < 4 << 20 {
                bytes += rec[t].len();
                out.push(rec[t].to_string());
            }
        }
    }
    if !out.is_empty() {
        return (out, "shared English news");
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/examples.csv");
    let mut r = csv::Reader::from_path(path).expect("datasets/examples.csv");
    (r.records().flatten().map(|rec| rec[1].to_string()).collect(), "datasets/examples.csv")
}
