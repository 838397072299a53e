//! End to end: train on the project's example data, evaluate and score with `--report`, then
//! redraw both reports from the saved files with `chaff report`, and check that every chart
//! exists, is a PNG of the expected width, and is listed in index.html.
// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chaff() -> Command {
    let mut c = Command::cargo_bin("chaff").unwrap();
    c.current_dir(root());
    c
}

const GROUPS: &str = "^(ex-[a-z]+-[0-9]+)";

/// The PNG files of a report directory, by name.
fn pngs(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".png"))
        .collect();
    v.sort();
    v
}

/// Every expected chart is there, decodes as a 1200-pixel-wide PNG that is not blank, and is
/// listed in index.html; no temporary file is left behind.
fn check_report(dir: &Path, expected: &[&str]) -> Vec<String> {
    let names = pngs(dir);
    for e in expected {
        assert!(names.iter().any(|n| n == e), "{e} missing in {}: {names:?}", dir.display());
    }
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for n in &names {
        assert!(html.contains(&format!("src=\"{n}\"")), "{n} not in index.html");
        let img = image::open(dir.join(n)).unwrap().to_luma8();
        assert_eq!(img.width(), 1200, "{n}");
        assert!(img.height() >= 400, "{n}");
        let dark = img.pixels().filter(|p| p[0] < 128).count();
        assert!(dark > 500, "{n} looks blank");
    }
    let hidden: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "temporary files left: {hidden:?}");
    names
}

const EVAL_CHARTS: [&str; 7] = [
    "roc.png",
    "pr.png",
    "confusion.png",
    "score_distribution.png",
    "calibration.png",
    "feature_importance.png",
    "subgroups.png",
];

#[test]
fn reports_from_evaluate_score_and_saved_files() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let model = t.join("model.json");
    chaff()
        .args(["train", "--data", "datasets/examples.csv", "--group-from-id", GROUPS, "--cv", "3", "-o"])
        .arg(&model)
        .assert()
        .success();

    // evaluate --report
    let eval_json = t.join("eval.json");
    let out = chaff()
        .args(["evaluate", "--data", "datasets/examples.csv", "--group-from-id", GROUPS, "--cv", "3"])
        .args(["--by", "domain,generator,variant", "-o"])
        .arg(&eval_json)
        .arg("--report")
        .arg(t.join("eval"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("index.html"), "{stderr}");
    let eval_names = check_report(&t.join("eval"), &EVAL_CHARTS);
    // One source corpus: no leave-one-source-out, so no transfer chart, and the index says why.
    assert!(!eval_names.iter().any(|n| n == "transfer.png"));
    let html = std::fs::read_to_string(t.join("eval/index.html")).unwrap();
    assert!(html.contains("ROC-AUC") && html.contains("leave-one-source-out"));

    // score --report (with features kept for the profiles)
    let scores = t.join("scores.csv");
    chaff()
        .args(["score", "datasets/articles/", "--all-features", "--model"])
        .arg(&model)
        .arg("-o")
        .arg(&scores)
        .arg("--report")
        .arg(t.join("batch"))
        .assert()
        .success();
    let batch = check_report(&t.join("batch"), &["score_histogram.png", "top_flagged.png"]);
    assert_eq!(batch.iter().filter(|n| n.starts_with("profile_")).count(), 5);
    assert!(batch.iter().any(|n| n.starts_with("profile_1_")));

    // report --eval from the saved JSON draws the same charts.
    chaff().args(["report", "--eval"]).arg(&eval_json).arg("--out").arg(t.join("eval2")).assert().success();
    assert_eq!(check_report(&t.join("eval2"), &EVAL_CHARTS), eval_names);

    // report --scores from CSV (with features) and JSONL (without), -o and --top.
    chaff()
        .args(["report", "--scores"])
        .arg(&scores)
        .arg("--model")
        .arg(&model)
        .arg("-o")
        .arg(t.join("batch2"))
        .args(["--top", "3"])
        .assert()
        .success();
    let names = check_report(&t.join("batch2"), &["score_histogram.png", "top_flagged.png"]);
    assert_eq!(names.iter().filter(|n| n.starts_with("profile_")).count(), 3);

    let jsonl = t.join("scores.jsonl");
    chaff().args(["score", "datasets/articles/", "--model"]).arg(&model).arg("-o").arg(&jsonl).assert().success();
    let out = chaff()
        .args(["report", "--scores"])
        .arg(&jsonl)
        .arg("--model")
        .arg(&model)
        .arg("--out")
        .arg(t.join("batch3"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("--all-features"), "the missing features are explained: {stderr}");
    check_report(&t.join("batch3"), &["score_histogram.png", "top_flagged.png"]);
    let html = std::fs::read_to_string(t.join("batch3/index.html")).unwrap();
    assert!(html.contains("Flagged as filler") && html.contains("--all-features"));
}

#[test]
fn report_errors_are_clear() {
    let tmp = tempfile::tempdir().unwrap();
    // Neither --eval nor --scores: a usage error.
    chaff().arg("report").assert().code(2);
    // Both: a usage error.
    chaff().args(["report", "--eval", "a.json", "--scores", "b.csv"]).assert().code(2);
    // Not an evaluation.
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"hello\": 1}").unwrap();
    let out = chaff().args(["report", "--eval"]).arg(&bad).arg("--out").arg(tmp.path().join("r")).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("not an evaluation"), "{stderr}");
    // A scores file with one bad row: the good rows are drawn, the bad one reported, exit 2.
    let scores = tmp.path().join("s.csv");
    std::fs::write(&scores, "id,lang,words,probability,verdict,reasons\na,en,120,0.9,filler,\nb,en,80,oops,ok,\n")
        .unwrap();
    let out = chaff().args(["report", "--scores"]).arg(&scores).arg("--out").arg(tmp.path().join("s")).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("s.csv:3:"), "{stderr}");
    assert!(tmp.path().join("s/top_flagged.png").exists());
}
