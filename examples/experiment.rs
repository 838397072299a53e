//! Development aid: cross-validate on the shared corpora and print the figures the issues ask
//! for (pooled, per source, iu subsets, leave-one-source-out, eval essays).
use chaff::model::dataset::{self, DataOptions};
use chaff::model::evaluate::{self, metrics_of, ScoredRow};
use chaff::model::predict::Model;
use chaff::model::train::TrainConfig;

fn main() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets");
    let files: Vec<String> =
        ["iu_human_ai_corpus", "detectrl_multidomain", "llmfake_news", "politifactpp", "sheepdog_politifact"]
            .iter()
            .map(|f| shared.join(format!("{f}.csv")).to_string_lossy().into_owned())
            .collect();
    let opts = DataOptions {
        files: files.clone(),
        group_from_id: Some(
            regex::Regex::new(
                r"(iu-[a-z]+-[a-z]{2}-g\d+|politifact\d+|gossipcop-\d+|sheepdog-politifact-(?:train|test)-\d+)",
            )
            .unwrap(),
        ),
        source_alias: vec![
            ("llmfake_news".into(), "politifact_family".into()),
            ("politifactpp".into(), "politifact_family".into()),
            ("sheepdog_politifact".into(), "politifact_family".into()),
        ],
        ..Default::default()
    };
    let cx = chaff::Context::default();
    let t = std::time::Instant::now();
    let data = dataset::load(&opts, &cx, |e| eprintln!("skip {e}")).unwrap();
    eprintln!("loaded {} rows in {:.1}s", data.rows.len(), t.elapsed().as_secs_f64());
    let mut cfg = TrainConfig::default();
    if let Ok(a) = std::env::var("ALPHA") {
        cfg.alpha = a.parse().unwrap();
    }
    if std::env::var("FOREST").is_ok() {
        cfg.algorithm = chaff::model::file::Algorithm::Forest;
    }
    if let Ok(f) = std::env::var("DROP") {
        let drop: Vec<&str> = f.split(',').collect();
        cfg.features.retain(|x| !drop.contains(&x.as_str()));
    }
    let by = vec!["domain".to_string(), "variant".to_string(), "generator".to_string()];
    let t = std::time::Instant::now();
    let (rep, file) = evaluate::cross_validate(&data, &cfg, &files, &by, std::env::var("LOSO").is_ok()).unwrap();
    eprintln!("cv in {:.1}s", t.elapsed().as_secs_f64());
    let show = |name: &str, m: &evaluate::Metrics| {
        println!(
            "{name:40} n={:5} auc={:.4} f1={:.4} fpr={:.4} tpr={:.4} cov={:.3} allm_f1={:.3}",
            m.n,
            m.roc_auc.unwrap_or(f64::NAN),
            m.f1.unwrap_or(f64::NAN),
            m.human_fpr.unwrap_or(f64::NAN),
            m.recall.unwrap_or(f64::NAN),
            m.coverage,
            m.all_machine_f1.unwrap_or(f64::NAN)
        )
    };
    show("overall", &rep.overall);
    for g in &rep.by {
        if g.column != "generator" && g.column != "variant" {
            show(&format!("{}={}", g.column, g.value), &g.metrics);
        }
    }
    let rows = &rep.scores;
    let iu = |r: &&ScoredRow| r.source == "iu_human_ai_corpus";
    let gen: Vec<&ScoredRow> =
        rows.iter().filter(iu).filter(|r| r.lang == "en" && (!r.positive || r.id.contains("-generated_"))).collect();
    let reph: Vec<&ScoredRow> =
        rows.iter().filter(iu).filter(|r| r.lang == "en" && (!r.positive || r.id.contains("-rephrase_"))).collect();
    show("iu en human vs generated", &metrics_of(gen));
    show("iu en human vs rephrase", &metrics_of(reph));
    for l in ["de", "fr", "es"] {
        show(&format!("iu {l}"), &metrics_of(rows.iter().filter(iu).filter(|r| r.lang == l)));
    }
    println!("length-only AUC {:?}", rep.baselines.length_only_roc_auc);
    if let Some(m) = &rep.baselines.length_matched {
        show("length-matched", m);
    }
    for tr in &rep.transfer {
        show(&format!("LOSO {}", tr.source), &tr.metrics);
    }
    for b in &rep.thresholds {
        println!("band {:?}", b);
    }
    for i in rep.feature_importance.iter().take(25) {
        println!("  {:40} {:+.3}", i.feature, i.coefficient);
    }
    if let Ok(out) = std::env::var("MODEL_OUT") {
        std::fs::write(out, file.to_json()).unwrap();
    }
    // Eval essays.
    let model = Model::new(file);
    for f in ["outfox_essays", "corizzo_learner_essays"] {
        let p = shared.join("eval").join(format!("{f}.csv")).to_string_lossy().into_owned();
        let eopts = DataOptions { files: vec![p.clone()], ..Default::default() };
        let ed = dataset::load(&eopts, &cx, |_| {}).unwrap();
        let erep = evaluate::test_set(&model, &ed, &[p], &by);
        show(&format!("EVAL {f}"), &erep.overall);
        for g in &erep.by {
            if g.column == "lang" || g.column == "length_band" {
                show(&format!("  {}={}", g.column, g.value), &g.metrics);
            }
        }
    }
}
