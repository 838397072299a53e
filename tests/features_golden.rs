//! Golden vectors: every feature of every project-written text (`datasets/articles/`,
//! `datasets/calibration/`, `datasets/examples.csv` and the odd texts below), and the shipped
//! model's score of each, against committed snapshots in `tests/golden/`. Values are written
//! at full precision (the shortest text that reads back as the same `f64`), so any drift, even
//! in the last bit, shows up here.
//!
//! A change that means to move values updates the snapshots in the same commit:
//! `CHAFF_BLESS=1 cargo test --test features_golden`, then review the diff like code.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chaff::input::{self, InputOptions};
use chaff::model::shipped;
use chaff::score::Scorer;
use chaff::{Context, Document, FEATURES};

/// Odd texts the project wrote: every feature must give a defined value on each, and the
/// values must not drift.
fn edge_texts() -> Vec<(&'static str, String)> {
    vec![
        ("edge:empty", String::new()),
        ("edge:whitespace", " \n\t ".into()),
        ("edge:one-word", "word".into()),
        ("edge:emoji", "🙂🎉🙂".into()),
        ("edge:punctuation", "?!...;;--".into()),
        ("edge:german", "Das Straßenverkehrsgesetz gilt. Größere Äpfel fallen weit.".into()),
        ("edge:japanese", "今日は晴れです。明日は雨ですか？\n\n東京タワーは高い。".into()),
        ("edge:mixed-scripts", "English with 日本語 and Ελληνικά and русский текст mixed in one line.".into()),
        ("edge:controls", "\u{0000}\u{0007}control\u{001B}chars\u{007F}".into()),
        ("edge:blank-lines", "a\n\n\n\nb\n\nc".into()),
        ("edge:repeated-sentence", "The same sentence again. ".repeat(40_000)),
        ("edge:one-long-word", "x".repeat(100_000)),
        ("edge:numbers", "1 2 3 4 5 6 7 8 9 10".into()),
        ("edge:list", "- item\n- item\n- item".into()),
        ("edge:quotes", "\"\"\"''' «»".into()),
        ("edge:typographic", "\u{201c}Well\u{201d}, she said\u{2026} it\u{2019}s \u{2014} fine.\r\nNext line.".into()),
        (
            "edge:filler",
            "In today's fast-paced world, it is important to note that synergy is key. \
             Furthermore, leveraging holistic solutions unlocks unprecedented value. \
             In conclusion, a robust and seamless approach empowers stakeholders."
                .into(),
        ),
    ]
}

/// The project's example texts, read as the CLI reads them, in a fixed order.
fn project_articles() -> Vec<(String, String)> {
    let inputs: Vec<String> =
        ["datasets/articles", "datasets/calibration", "datasets/examples.csv"].iter().map(|s| s.to_string()).collect();
    // Cargo runs integration tests in the crate root, so ids are the paths a user typing
    // them there would get.
    let articles: Vec<(String, String)> = input::read(&inputs, InputOptions::default())
        .map(|a| a.expect("project data reads cleanly"))
        .map(|a| (a.id, a.text))
        .collect();
    assert!(articles.len() >= 40, "expected the project's example texts, got {}", articles.len());
    articles
}

fn all_texts() -> Vec<(String, String)> {
    let mut texts = project_articles();
    texts.extend(edge_texts().into_iter().map(|(id, t)| (id.to_string(), t)));
    texts
}

/// Full precision: the shortest decimal that reads back as the same `f64`; empty for none.
fn exact(v: Option<f64>) -> String {
    v.map(|v| format!("{v}")).unwrap_or_default()
}

fn features_table(texts: &[(String, String)]) -> String {
    let cx = Context::default();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id", "lang"];
    header.extend(FEATURES.iter().map(|f| f.name));
    w.write_record(&header).expect("header");
    for (id, text) in texts {
        let doc = Document::new(text);
        let fv = chaff::extract(&doc, &cx);
        let mut rec = vec![id.clone(), doc.language().code.to_string()];
        rec.extend(fv.values.iter().map(|v| exact(*v)));
        w.write_record(&rec).expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
}

fn scores_table(texts: &[(String, String)]) -> String {
    let model = shipped::load(None).expect("the shipped model loads");
    let scorer = Scorer::new(&model, Context::default());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "lang", "words", "raw", "probability", "verdict", "abstention", "reasons"]).expect("header");
    for (id, text) in texts {
        let article = chaff::Article::new(id.clone(), chaff::Origin::file(id), text.clone());
        let s = scorer.score(&article, false);
        let p = &s.prediction;
        let mut reasons = String::new();
        for r in &p.reasons {
            let _ = write!(
                reasons,
                "{}={} median {} {:?} {} {:?}; ",
                r.feature,
                exact(r.value),
                exact(r.human_median),
                r.direction,
                r.weight,
                r.evidence
            );
        }
        w.write_record([
            s.id.clone(),
            s.lang.to_string(),
            s.words.to_string(),
            exact(p.raw),
            exact(p.probability),
            p.verdict.as_str().to_string(),
            p.abstention.as_ref().map(|a| a.describe()).unwrap_or_default(),
            reasons,
        ])
        .expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

/// Rows of a snapshot keyed by id, each a map of column to cell.
fn cells(table: &str) -> (Vec<String>, BTreeMap<String, Vec<String>>) {
    let mut r = csv::Reader::from_reader(table.as_bytes());
    let header: Vec<String> = r.headers().expect("header").iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.expect("record");
            (rec[0].to_string(), rec.iter().map(str::to_string).collect())
        })
        .collect();
    (header, rows)
}

/// Compare `actual` with the committed snapshot `name`, naming each differing cell; with
/// `CHAFF_BLESS=1`, write `actual` as the new snapshot instead.
fn check_snapshot(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("CHAFF_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("golden dir");
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with CHAFF_BLESS=1", path.display()));
    if let Err(diffs) = compare(&expected, actual) {
        panic!(
            "{} differs from this build in {} places (first {}):\n{}\nIf the change is meant, run \
             CHAFF_BLESS=1 cargo test --test features_golden and commit the snapshot.",
            path.display(),
            diffs.len(),
            diffs.len().min(30),
            diffs.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
        );
    }
}

/// The cells where two snapshot tables differ, as `id / column: expected .., got ..`.
fn compare(expected: &str, actual: &str) -> Result<(), Vec<String>> {
    if expected == actual {
        return Ok(());
    }
    let (eh, erows) = cells(expected);
    let (ah, arows) = cells(actual);
    let mut diffs = Vec::new();
    if eh != ah {
        diffs.push(format!("columns differ: expected {eh:?}, got {ah:?}"));
    }
    for (id, erow) in &erows {
        match arows.get(id) {
            None => diffs.push(format!("{id}: row missing")),
            Some(arow) => {
                for (k, (e, a)) in erow.iter().zip(arow).enumerate() {
                    if e != a {
                        diffs.push(format!("{id} / {}: expected {e:?}, got {a:?}", eh.get(k).map_or("?", |s| s)));
                    }
                }
            }
        }
    }
    diffs.extend(arows.keys().filter(|id| !erows.contains_key(*id)).map(|id| format!("{id}: new row")));
    if diffs.is_empty() {
        diffs.push("the tables differ in their bytes (order or quoting)".to_string());
    }
    Err(diffs)
}

#[test]
fn every_feature_of_every_project_text_matches_the_snapshot() {
    check_snapshot("features.csv", &features_table(&all_texts()));
}

#[test]
fn every_score_of_every_project_text_matches_the_snapshot() {
    check_snapshot("scores.csv", &scores_table(&all_texts()));
}

#[test]
fn the_snapshot_checker_names_the_cell_that_moved() {
    let table = "id,lang,x\na,en,1\nb,en,2\n";
    assert_eq!(compare(table, table), Ok(()));
    let moved = "id,lang,x\na,en,1\nb,en,2.0000000000000004\n";
    assert_eq!(compare(table, moved), Err(vec!["b / x: expected \"2\", got \"2.0000000000000004\"".to_string()]));
    let reordered = "id,lang,x\nb,en,2\na,en,1\n";
    assert_eq!(compare(table, reordered).map_err(|d| d.len()), Err(1));
    let fewer = "id,lang,x\na,en,1\n";
    assert_eq!(compare(table, fewer), Err(vec!["b: row missing".to_string()]));
}
