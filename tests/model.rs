//! The shipped model: it loads, matches the feature registry, and its files are consistent.

use chaff::model::file::ModelFile;
use chaff::model::shipped::{default_model, DEFAULT_MODEL_JSON};

#[test]
fn embedded_model_loads_and_matches_the_registry() {
    let model = default_model().expect("the embedded model loads");
    for f in &model.file.features {
        assert!(chaff::features::by_name(f).is_some(), "model feature {f} is not in the registry");
    }
    for r in &model.file.human_reference {
        assert!(chaff::features::by_name(&r.name).is_some(), "reference for unknown feature {}", r.name);
    }
    assert_eq!(model.file.human_reference.len(), chaff::FEATURES.len(), "a human reference for every feature");
    assert_eq!(model.file.threshold.bands.len(), 4);
    assert!(model.file.abstain.languages.contains(&"en".to_string()));
    // Only style cues go into the default model.
    for f in &model.file.features {
        assert_eq!(chaff::features::by_name(f).unwrap().cue, chaff::features::Cue::Style, "{f}");
    }
}

#[test]
fn model_file_round_trips_exactly() {
    let file = ModelFile::from_json(DEFAULT_MODEL_JSON, "embedded").unwrap();
    let again = ModelFile::from_json(&file.to_json(), "again").unwrap();
    assert_eq!(file, again);
    // Scores are bit-identical after a round trip.
    let m1 = chaff::model::predict::Model::new(file);
    let m2 = chaff::model::predict::Model::new(again);
    let doc = chaff::Document::new(
        "Moreover, it is important to note that this holistic approach plays a pivotal role in today's landscape.",
    );
    let fv = chaff::extract(&doc, &chaff::Context::default());
    assert_eq!(m1.decide(&fv.values, 100, "en").1, m2.decide(&fv.values, 100, "en").1);
}

#[test]
fn evaluation_files_beside_the_model_match_it() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    let eval: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("default.eval.json")).expect("models/default.eval.json"),
    )
    .unwrap();
    let file = ModelFile::from_json(DEFAULT_MODEL_JSON, "embedded").unwrap();
    let stored = &file.metrics["overall"]["roc_auc"];
    assert_eq!(&eval["overall"]["roc_auc"], stored, "default.eval.json was made from this model's training run");
    assert_eq!(eval["kind"], "cross-validation");
}
