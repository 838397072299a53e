//! Regression tests, one per fixed bug, named after the issue that reported it.

use std::sync::Arc;

use chaff::features::{by_name, extract, Analysis, Context};
use chaff::lexicon::{LexiconExtension, LexiconSet};
use chaff::Document;

/// Issue 26: the lexicon hits of a document were cached in the document without recording
/// which lexicon set computed them, so extracting one document with the default lists and
/// then with an extended set gave the default counts twice.
#[test]
fn issue_26_one_document_scored_with_two_lexicon_sets_counts_each_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let words = dir.path().join("words.txt");
    std::fs::write(&words, "# test words\nquokka\n").expect("write list");
    let extended = LexiconSet::build(&[
        LexiconExtension::from_arg(&format!("en/buzzwords={}", words.display())).expect("extension parses")
    ])
    .expect("extended set builds");
    let default_cx = Context::default();
    let extended_cx = Context { lexicons: Arc::new(extended) };
    let text = "The quokka smiled at the visitors. Every quokka on the island does that, the ranger said.";
    let doc = Document::new(text);
    let buzz = by_name("buzzword_per_1k_words").expect("feature");
    // 16 words, two of them "quokka": 125 per 1,000 words with the extended list, none without.
    assert_eq!(buzz.value(&Analysis::new(&doc, &default_cx)), Some(0.0));
    assert_eq!(buzz.value(&Analysis::new(&doc, &extended_cx)), Some(125.0));
    // The other order, and whole vectors, on one document each.
    let doc = Document::new(text);
    assert_eq!(extract(&doc, &extended_cx).get("buzzword_per_1k_words"), Some(125.0));
    assert_eq!(extract(&doc, &default_cx).get("buzzword_per_1k_words"), Some(0.0));
}
