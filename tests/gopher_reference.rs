//! chaff's Gopher repetition statistics against datatrove 0.10.1's values
//! (`../shared/reference/gopher_repetition_datatrove-0.10.1.csv`, 1,500 rows of the training
//! corpora). The texts are read from `../shared/datasets` at run time; nothing of them is
//! stored here. Skips with a message when `../shared` is absent.

use std::collections::HashMap;
use std::path::Path;

use chaff::features::{by_name, Analysis, Context};
use chaff::Document;

mod common;

const TRAINING_FILES: &[&str] = &[
    "iu_human_ai_corpus.csv",
    "llmfake_news.csv",
    "detectrl_multidomain.csv",
    "politifactpp.csv",
    "sheepdog_politifact.csv",
];

/// Columns that do not depend on the tokeniser: must match exactly.
const EXACT: &[&str] = &["dup_para_frac", "dup_para_char_frac", "dup_line_frac", "dup_line_char_frac"];

/// n-gram columns and the agreement each must reach: (name, max mean absolute error, min
/// share of rows within 0.01). Thresholds sit a little below what the implementation reaches
/// (see the feature docs for the measured figures).
const NGRAM: &[(&str, f64, f64)] = &[
    ("top_2_gram_char_frac", 1e-4, 0.995),
    ("top_3_gram_char_frac", 1e-4, 0.995),
    ("top_4_gram_char_frac", 1e-4, 0.995),
    ("dup_5_gram_char_frac", 1e-4, 0.995),
    ("dup_6_gram_char_frac", 1e-4, 0.995),
    ("dup_7_gram_char_frac", 1e-4, 0.995),
    ("dup_8_gram_char_frac", 1e-4, 0.995),
    ("dup_9_gram_char_frac", 1e-4, 0.995),
    ("dup_10_gram_char_frac", 1e-4, 0.995),
];

/// Characters that chaff's normaliser removes, replaces or expands (see
/// `src/text/normalize.rs`), so a text containing them may change length: controls other than
/// the line break (C1 controls are left in some corpus rows as mis-decoded Windows-1252 quotes
/// and dashes), invisible format characters, non-ASCII and repeated spaces, typographic quotes
/// and the ellipsis.
fn changed_by_normalisation(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{00AD}' | '\u{200B}' | '\u{FEFF}' | '\u{2060}' | '\u{2026}' | '\u{2028}' | '\u{2029}')
        || (c.is_whitespace() && c != ' ' && c != '\n')
}

/// The reference rows: id -> column -> value.
fn reference(shared: &Path) -> Vec<(String, HashMap<String, f64>)> {
    let path = shared.join("reference/gopher_repetition_datatrove-0.10.1.csv");
    let mut rdr = csv::Reader::from_path(&path).expect("reference CSV opens");
    let headers = rdr.headers().expect("reference header").clone();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.expect("reference row");
        let id = rec[0].to_string();
        let mut cols = HashMap::new();
        for (h, v) in headers.iter().zip(rec.iter()).skip(1) {
            cols.insert(h.to_string(), v.parse::<f64>().expect("numeric reference value"));
        }
        rows.push((id, cols));
    }
    rows
}

/// Texts of the wanted ids from the training CSVs.
fn texts(shared: &Path, wanted: &HashMap<&str, ()>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for file in TRAINING_FILES {
        let path = shared.join("datasets").join(file);
        let mut rdr = csv::Reader::from_path(&path).expect("dataset CSV opens");
        for rec in rdr.records() {
            let rec = rec.expect("dataset row");
            if wanted.contains_key(&rec[0]) {
                out.insert(rec[0].to_string(), rec[1].to_string());
            }
        }
    }
    out
}

#[test]
fn gopher_statistics_match_datatrove() {
    let Some(shared) =
        common::shared_with("gopher_statistics_match_datatrove", "reference/gopher_repetition_datatrove-0.10.1.csv")
    else {
        return;
    };
    let rows = reference(&shared);
    assert_eq!(rows.len(), 1500, "reference rows");
    let wanted: HashMap<&str, ()> = rows.iter().map(|(id, _)| (id.as_str(), ())).collect();
    let texts = texts(&shared, &wanted);
    assert_eq!(texts.len(), rows.len(), "every reference id is in the datasets");

    let cx = Context::default();
    let mut char_mismatch = Vec::new();
    let mut unexplained = Vec::new();
    // n-gram values that differ on rows whose text normalisation leaves unchanged: these
    // are the tokeniser's own differences from spaCy.
    let mut inexact_same_length: Vec<String> = Vec::new();
    let mut exact_fail: Vec<String> = Vec::new();
    // Per n-gram column: absolute errors.
    let mut errors: Vec<Vec<f64>> = vec![Vec::with_capacity(rows.len()); NGRAM.len()];
    for (id, cols) in &rows {
        let raw = &texts[id];
        let doc = Document::new(raw);
        let chars = doc.char_count() as f64;
        if (chars - cols["chars"]).abs() > 0.5 {
            let msg = format!("{id}: chaff {chars}, reference {}", cols["chars"]);
            if raw.chars().any(changed_by_normalisation) {
                char_mismatch.push(msg);
            } else {
                unexplained.push(msg);
            }
        }
        for name in EXACT {
            let f = by_name(name).expect("registered");
            let v = f.value(&Analysis::new(&doc, &cx)).unwrap_or(f64::NAN);
            let exact = (v - cols[*name]).abs() < 1e-9;
            if !exact {
                exact_fail.push(format!("{id} {name}: chaff {v}, datatrove {}", cols[*name]));
            }
        }
        let same_length = (chars - cols["chars"]).abs() < 0.5;
        for (k, (name, _, _)) in NGRAM.iter().enumerate() {
            let f = by_name(name).expect("registered");
            let v = f.value(&Analysis::new(&doc, &cx)).unwrap_or(f64::NAN);
            let err = (v - cols[*name]).abs();
            let exact = err < 1e-9;
            if same_length && !exact {
                inexact_same_length.push(format!("{id} {name}: chaff {v}, datatrove {}", cols[*name]));
            }
            errors[k].push(err);
        }
    }

    println!("rows: {}", rows.len());
    println!(
        "rows whose normalised length differs from the reference: {} (all contain characters \
         the normaliser changes by design: C1 controls, soft hyphens, non-ASCII spaces)",
        char_mismatch.len()
    );
    for m in char_mismatch.iter().take(10) {
        println!("  {m}");
    }
    println!("line/paragraph columns not matching exactly: {}", exact_fail.len());
    for m in exact_fail.iter().take(10) {
        println!("  {m}");
    }
    println!(
        "{:<24} {:>10} {:>12} {:>12} {:>10} {:>10}",
        "column", "MAE", "within 0.01", "within 0.001", "exact", "max err"
    );
    println!(
        "n-gram values differing on rows of unchanged length (tokeniser differences): {}",
        inexact_same_length.len()
    );
    for m in inexact_same_length.iter().take(10) {
        println!("  {m}");
    }
    let mut failures = Vec::new();
    for (k, (name, max_mae, min_within)) in NGRAM.iter().enumerate() {
        let e = &errors[k];
        let n = e.len() as f64;
        let mae = e.iter().sum::<f64>() / n;
        let within = e.iter().filter(|&&x| x <= 0.01).count() as f64 / n;
        let within3 = e.iter().filter(|&&x| x <= 0.001).count() as f64 / n;
        let exact = e.iter().filter(|&&x| x < 1e-9).count() as f64 / n;
        let max = e.iter().cloned().fold(0.0, f64::max);
        println!(
            "{name:<24} {mae:>10.1e} {:>11.1}% {:>11.1}% {:>9.1}% {max:>10.4}",
            within * 100.0,
            within3 * 100.0,
            exact * 100.0
        );
        if !(mae <= *max_mae && within >= *min_within) {
            failures.push(format!("{name}: MAE {mae:.5} (max {max_mae}), within 0.01 {within:.4} (min {min_within})"));
        }
    }
    assert!(unexplained.is_empty(), "normalisation changed lengths without a documented cause: {unexplained:#?}");
    assert!(char_mismatch.len() <= 12, "more rows than the known 12 change length under normalisation");
    assert!(exact_fail.is_empty(), "line/paragraph columns differ");
    assert!(failures.is_empty(), "{failures:#?}");
    // Measured: 7 values on 4 rows, all duplicate 5- to 7-gram values of texts with words
    // run together ("onestep closer" and "one step closer"), where datatrove's joining of
    // n-grams without spaces makes different token sequences equal; chaff compares tokens.
    assert!(inexact_same_length.len() <= 10, "tokeniser differences on {} values", inexact_same_length.len());
}
