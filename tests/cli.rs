//! End-to-end tests of the `chaff` command line on the project's own example data.

mod common;

use common::{chaff, parse_csv, root};
use predicates_free::*;

mod predicates_free {
    /// Whether `haystack` contains `needle` (bytes as UTF-8, lossy).
    pub(crate) fn contains(haystack: &[u8], needle: &str) -> bool {
        String::from_utf8_lossy(haystack).contains(needle)
    }
}

#[test]
fn features_csv_has_a_column_per_feature_and_a_row_per_article() {
    let out = chaff().args(["features", "datasets/articles"]).assert().success().get_output().clone();
    let (header, rows) = parse_csv(&out.stdout);
    assert_eq!(header.len(), 2 + chaff::FEATURES.len());
    assert_eq!(&header[..3], ["id", "lang", "char_count"]);
    let files = std::fs::read_dir(root("datasets/articles")).unwrap().count();
    assert_eq!(rows.len(), files);
    // Ids are the path as typed, joined with the file below it, in sorted order.
    assert!(rows.iter().all(|r| r[0].starts_with("datasets/articles/")));
    let ja = rows.iter().find(|r| r[0].ends_with("kitsunezaka-hike-notes.txt")).unwrap();
    assert_eq!(ja[1], "ja");
    let wc = header.iter().position(|h| h == "word_count").unwrap();
    assert_eq!(ja[wc], "", "word counts are not applicable to Japanese");
    assert!(contains(&out.stderr, "chaff features: read 8 articles, extracted 8, skipped 0"));
}

#[test]
fn features_jsonl_uses_null_for_not_applicable() {
    let out = chaff()
        .args(["features", "--format", "jsonl", "datasets/articles/kitsunezaka-hike-notes.txt"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "ja");
    assert!(v["word_count"].is_null());
    assert!(v["char_count"].as_f64().unwrap() > 100.0);
}

#[test]
fn features_list_and_explain() {
    let out = chaff().args(["features", "--list"]).assert().success().get_output().clone();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), chaff::FEATURES.len());
    let out = chaff().args(["explain", "stock_phrase_per_1k_words"]).assert().success().get_output().clone();
    assert!(contains(&out.stdout, "Formula:"));
    chaff().args(["explain", "no_such_feature"]).assert().code(2);
}

#[test]
fn bad_rows_are_reported_and_skipped_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("mixed.csv");
    std::fs::write(&csv, b"id,text\na,\"A fine first article, long enough to read.\"\nb,\"bad \xff bytes\"\nc,\"The third one is fine too.\"\nd,too,many\n").unwrap();
    let out = chaff().arg("features").arg(&csv).assert().code(2).get_output().clone();
    let (_, rows) = parse_csv(&out.stdout);
    assert_eq!(rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["a", "c"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.csv:3: column \"text\": not valid UTF-8"), "{err}");
    assert!(err.contains("mixed.csv:5: record has 3 fields but the header has 2"), "{err}");
    assert!(err.contains("read 4 articles, extracted 2, skipped 2"), "{err}");
}

#[test]
fn missing_input_is_an_error_naming_the_file() {
    let out = chaff()
        .args(["score", "no/such/file.txt", "datasets/articles/bakery-closes-after-40-years.txt", "--format", "csv"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(contains(&out.stderr, "no/such/file.txt: cannot read:"));
    let (_, rows) = parse_csv(&out.stdout);
    assert_eq!(rows.len(), 1, "the good file is still scored");
}

#[test]
fn output_file_is_written_atomically_and_replaced_only_when_complete() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("f.csv");
    std::fs::write(&out, "old").unwrap();
    chaff().args(["features", "datasets/articles", "-o"]).arg(&out).assert().success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("id,lang,"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn score_flags_filler_and_passes_human_examples() {
    let out = chaff().args(["score", "datasets/articles", "--format", "csv"]).assert().success().get_output().clone();
    let (header, rows) = parse_csv(&out.stdout);
    assert_eq!(header, ["id", "lang", "words", "probability", "verdict", "reasons", "abstain", "model"]);
    let verdict = |name: &str| rows.iter().find(|r| r[0].ends_with(name)).map(|r| r[4].clone()).unwrap();
    assert_eq!(verdict("unlocking-the-power-of-synergy.md"), "filler");
    assert_eq!(verdict("the-ultimate-guide-to-mindful-productivity.txt"), "filler");
    assert_eq!(verdict("bakery-closes-after-40-years.txt"), "ok");
    assert_eq!(verdict("replacing-a-bike-chain-at-home.txt"), "ok");
    // Japanese is not a training language: uncertain, and the reason says so.
    let ja = rows.iter().find(|r| r[0].ends_with("kitsunezaka-hike-notes.txt")).unwrap();
    assert_eq!(ja[4], "uncertain");
    assert!(ja[5].starts_with("uncertain: language ja"), "{}", ja[5]);
    assert_eq!(ja[6], "unsupported_language");
    // `abstain` is empty with a verdict; `model` is the built-in model's name and file hash.
    let model = format!("default@{:08x}", crc32fast::hash(&std::fs::read(root("models/default.json")).unwrap()));
    for r in &rows {
        assert_eq!(r[6].is_empty(), r[4] != "uncertain", "{r:?}");
        assert_eq!(r[7], model);
    }
    // Reasons name features, values and the human median, with the phrases behind them.
    let synergy = rows.iter().find(|r| r[0].ends_with("synergy.md")).unwrap();
    assert!(synergy[5].contains("(human median "), "{}", synergy[5]);
    assert!(synergy[5].contains("\" x"), "evidence phrases: {}", synergy[5]);
    // Input order is kept in CSV output.
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

#[test]
fn score_jsonl_fields_and_fail_on_flagged() {
    let out = chaff()
        .args([
            "score",
            "datasets/articles/unlocking-the-power-of-synergy.md",
            "--format",
            "jsonl",
            "--fail-on-flagged",
            "--all-features",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let line = String::from_utf8_lossy(&out.stdout).to_string();
    let positions: Vec<usize> =
        ["id", "lang", "words", "probability", "verdict", "reasons", "abstain", "model", "word_count"]
            .iter()
            .map(|k| line.find(&format!("\"{k}\":")).unwrap())
            .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "field order: {positions:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "filler");
    let r = &v["reasons"][0];
    assert!(r["feature"].is_string() && r["human_median"].is_number() && r["direction"] == "machine");
    assert!(v["stock_phrase_per_1k_words"].as_f64().unwrap() > 0.0, "--all-features appends features");
    let p = v["probability"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    chaff()
        .args(["score", "datasets/articles/bakery-closes-after-40-years.txt", "--fail-on-flagged", "--format", "csv"])
        .assert()
        .code(0);
}

#[test]
fn score_names_the_model_file_and_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.json");
    std::fs::copy(root("models/default.json"), &ours).unwrap();
    let hash = format!("{:08x}", crc32fast::hash(&std::fs::read(&ours).unwrap()));
    let model_of = |args: &[&std::ffi::OsStr]| {
        let out = chaff()
            .args(["score", "datasets/articles/bakery-closes-after-40-years.txt", "--format", "jsonl"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["model"].as_str().unwrap().to_string()
    };
    assert_eq!(model_of(&[]), format!("default@{hash}"));
    assert_eq!(model_of(&["--model".as_ref(), "models/default.json".as_ref()]), format!("default@{hash}"));
    assert_eq!(model_of(&["--model".as_ref(), ours.as_os_str()]), format!("ours@{hash}"));
}

#[test]
fn score_reads_csv_jsonl_and_stdin() {
    let out =
        chaff().args(["score", "datasets/examples.csv", "--format", "csv"]).assert().success().get_output().clone();
    let (_, rows) = parse_csv(&out.stdout);
    assert_eq!(rows.len(), 28);
    assert_eq!(rows[0][0], "ex-ferry-1-human");
    let out = chaff()
        .args(["score", "-", "--format", "jsonl"])
        .write_stdin("Moreover, in today's fast-paced world, it is important to note that synergy plays a pivotal role in unlocking the full potential of every stakeholder. Furthermore, a holistic approach fosters innovation and drives sustainable growth across the entire landscape.")
        .assert()
        .success()
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "-");
}

#[test]
fn train_evaluate_and_calibrate_on_the_example_data() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    let eval = dir.path().join("e.json");
    chaff()
        .args([
            "train",
            "--data",
            "datasets/examples.csv",
            "--group-from-id",
            "^(ex-[a-z]+-[0-9]+)",
            "--cv",
            "3",
            "--out",
        ])
        .arg(&model)
        .assert()
        .success();
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    assert_eq!(file["schema_version"], 1);
    assert_eq!(file["training"]["rows_per_label"]["human"], 14);
    assert!(file["features"].as_array().unwrap().len() > 50);
    let out = chaff()
        .args(["evaluate", "--model"])
        .arg(&model)
        .args(["--data", "datasets/examples.csv", "--with-scores", "-o"])
        .arg(&eval)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(contains(&out.stdout, "ROC-AUC"));
    let rep: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&eval).unwrap()).unwrap();
    assert_eq!(rep["kind"], "test");
    assert_eq!(rep["scores"].as_array().unwrap().len(), 28);
    // The model scores with --model.
    chaff().args(["score", "datasets/articles", "--format", "csv", "--model"]).arg(&model).assert().success();
    // Calibration: 12 human texts cannot guarantee 5 %, and the message says how many would.
    let cal = dir.path().join("c.json");
    let out = chaff()
        .args(["calibrate", "--human", "datasets/calibration/human", "-o"])
        .arg(&cal)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(contains(&out.stderr, "at least 59 are needed"));
    assert!(!cal.exists());
    let out = chaff()
        .args([
            "calibrate",
            "--human",
            "datasets/calibration/human",
            "--machine",
            "datasets/calibration/machine",
            "--target-fpr",
            "0.25",
            "-o",
        ])
        .arg(&cal)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(contains(&out.stdout, "calibrated on 12 human texts"));
    let c: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&cal).unwrap()).unwrap();
    assert_eq!(c["calibrated_on"]["human_texts"], 12);
    assert_eq!(c["calibrated_on"]["target_fpr"], 0.25);
    chaff()
        .args(["score", "datasets/calibration/human", "--format", "csv", "--fail-on-flagged", "--model"])
        .arg(&cal)
        .assert()
        .code(0);
}

#[test]
fn corrupt_or_newer_models_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{not json").unwrap();
    let out = chaff().args(["score", "datasets/articles", "--model"]).arg(&bad).assert().code(2).get_output().clone();
    assert!(contains(&out.stderr, "not valid JSON"));
    let mut m: serde_json::Value = serde_json::from_str(chaff::model::shipped::DEFAULT_MODEL_JSON).unwrap();
    m["schema_version"] = 99.into();
    std::fs::write(&bad, m.to_string()).unwrap();
    let out = chaff().args(["score", "datasets/articles", "--model"]).arg(&bad).assert().code(2).get_output().clone();
    assert!(contains(&out.stderr, "schema version 99 is newer"));
    let mut m: serde_json::Value = serde_json::from_str(chaff::model::shipped::DEFAULT_MODEL_JSON).unwrap();
    m["features"][0] = "feature_from_the_future".into();
    std::fs::write(&bad, m.to_string()).unwrap();
    let out = chaff().args(["score", "datasets/articles", "--model"]).arg(&bad).assert().code(2).get_output().clone();
    assert!(contains(&out.stderr, "features this chaff does not have: feature_from_the_future"));
}

/// Issue 27: leave-one-register-out beside leave-one-source-out, sources named by id, and
/// group keys from whichever alternative of the id pattern matched.
#[test]
fn evaluate_holds_out_each_register_and_names_sources_by_id() {
    let tmp = tempfile::tempdir().unwrap();
    let eval_json = tmp.path().join("eval.json");
    let out = chaff()
        .args(["evaluate", "--data", "datasets/examples.csv", "--cv", "3", "--by", "domain"])
        // Two alternatives, each with its own capture group: both must group a pair.
        .args(["--group-from-id", "^(ex-[a-z]+-[0-9]+)-(?:human|machine)$|^(ex-[a-z]+-[a-z]+-[0-9]+)-"])
        .args(["--source-from-id", "^ex-(?:ferry|library|hollin)-=local_news"])
        .arg("-o")
        .arg(&eval_json)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("leave-one-register-out"), "{stdout}");
    let rep: serde_json::Value = serde_json::from_slice(&std::fs::read(&eval_json).unwrap()).unwrap();
    // Every register of the example data is held out once, trained on the rest.
    let held: Vec<(&str, u64, u64)> = rep["register_transfer"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (t["source"].as_str().unwrap(), t["train_rows"].as_u64().unwrap(), t["metrics"]["n"].as_u64().unwrap())
        })
        .collect();
    let names: Vec<&str> = held.iter().map(|h| h.0).collect();
    assert_eq!(names, ["blog", "encyclopedia", "essay", "howto", "news", "review"]);
    for (name, train_rows, n) in &held {
        assert_eq!(train_rows + n, 28, "{name}: trained on {train_rows}, scored {n}");
    }
    // The six ferry, library and hollin rows form their own source, held out by
    // leave-one-source-out.
    let sources: Vec<(&str, u64)> = rep["transfer"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["source"].as_str().unwrap(), t["metrics"]["n"].as_u64().unwrap()))
        .collect();
    assert_eq!(sources, [("examples", 22), ("local_news", 6)]);
}
