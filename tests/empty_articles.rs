//! A text with no words (`word_count == 0`) has no probability: the library gives `None` and
//! the `empty` abstention, `chaff score` writes an empty CSV cell / JSONL `null`, the table a
//! dash, and `evaluate` leaves such rows out of its metrics.

mod common;

use chaff::features::Analysis;
use chaff::model::dataset::{self, DataOptions};
use chaff::model::evaluate;
use chaff::model::predict::{Abstention, Verdict};
use chaff::model::shipped::default_model;
use chaff::{Context, Document};
use common::{chaff, parse_csv};

/// Texts without a single word, written for this test.
const NO_WORDS: [(&str, &str); 4] =
    [("empty", ""), ("whitespace", " \n\t  \n"), ("punctuation", "?!...;;-- () ()"), ("emoji", "🙂🎉🙂")];

#[test]
fn texts_without_words_have_no_probability() {
    let model = default_model().unwrap();
    let cx = Context::default();
    for (name, text) in NO_WORDS {
        let doc = Document::new(text);
        assert_eq!(doc.word_count(), 0, "{name}");
        let p = model.predict(&Analysis::new(&doc, &cx), &chaff::extract(&doc, &cx));
        assert_eq!(p.probability, None, "{name}");
        assert_eq!(p.raw, None, "{name}");
        assert_eq!(p.verdict, Verdict::Uncertain, "{name}");
        assert_eq!(p.abstention, Some(Abstention::Empty), "{name}");
        assert!(p.reasons.is_empty(), "{name}: no reasons without a score");
    }
    // One word is a text: too short for a verdict, but it has a probability.
    let doc = Document::new("word");
    let p = model.predict(&Analysis::new(&doc, &cx), &chaff::extract(&doc, &cx));
    assert!(matches!(p.abstention, Some(Abstention::TooShort { words: 1, .. })), "{:?}", p.abstention);
    assert!(p.probability.is_some_and(|p| (0.0..=1.0).contains(&p)));
    assert_eq!(Abstention::Empty.describe(), "no words: an empty text has no probability");
}

#[test]
fn score_writes_no_probability_for_an_empty_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("dots.txt"), "... -- ...").unwrap();
    std::fs::write(dir.path().join("words.txt"), "A short note with enough words to get a probability from the model.")
        .unwrap();
    let input = dir.path().to_string_lossy().into_owned();

    let out = chaff().args(["score", "--format", "csv", &input]).assert().success().get_output().clone();
    let (header, rows) = parse_csv(&out.stdout);
    assert_eq!(header, ["id", "lang", "words", "probability", "verdict", "reasons", "abstain", "model"]);
    let row = |name: &str| rows.iter().find(|r| r[0].ends_with(name)).unwrap().clone();
    for name in ["empty.txt", "dots.txt"] {
        let r = row(name);
        assert_eq!(
            &r[2..7],
            ["0", "", "uncertain", "uncertain: no words: an empty text has no probability", "empty"],
            "{name}"
        );
    }
    assert_eq!(row("words.txt")[3].len(), 6, "four decimals: {:?}", row("words.txt"));

    let out = chaff().args(["score", "--format", "jsonl", &input]).assert().success().get_output().clone();
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let empty = lines.iter().find(|v| v["id"].as_str().unwrap().ends_with("empty.txt")).unwrap();
    assert!(empty["probability"].is_null(), "{empty}");
    assert_eq!(empty["verdict"], "uncertain");
    assert_eq!(empty["reasons"], serde_json::json!([]));
    assert_eq!(empty["uncertain_because"], "no words: an empty text has no probability");
    assert_eq!(empty["abstain"], "empty");

    // The ranked table puts texts without a probability last, with a dash.
    let out = chaff().args(["score", "--format", "table", &input]).assert().success().get_output().clone();
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(lines[1].contains("words.txt"), "{table}");
    for l in &lines[2..] {
        assert!(l.split_whitespace().nth(1) == Some("-"), "{l}");
    }
}

#[test]
fn evaluate_leaves_rows_without_words_out() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mini.csv");
    std::fs::write(
        &p,
        "id,text,label\n\
         a,\"The council met on Tuesday and voted to repair the old bridge before winter.\",human\n\
         b,\"() () () ()\",machine\n\
         c,\"Moreover, it is important to note that synergy unlocks holistic value.\",machine\n",
    )
    .unwrap();
    let opts = DataOptions { files: vec![p.to_string_lossy().into_owned()], ..Default::default() };
    let data = dataset::load(&opts, &Context::default(), |e| panic!("unexpected bad row {e}")).unwrap();
    assert_eq!(data.rows.len(), 3, "the loader keeps the row (training may use it)");
    assert_eq!(evaluate::unscored_rows(&data), 1);
    let rep = evaluate::test_set(default_model().unwrap(), &data, &[], &[]);
    let ids: Vec<&str> = rep.scores.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(rep.overall.n, 2);
}
