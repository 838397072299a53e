//! `chaff show`: an article with its evidence marked `[[...]]` (not a terminal) and the reasons
//! as numbered notes.

mod common;

use common::chaff;

#[test]
fn show_marks_evidence_and_numbers_the_notes() {
    let out = chaff().args(["show", "datasets/articles/unlocking-the-power-of-synergy.md"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.starts_with("datasets/articles/unlocking-the-power-of-synergy.md: filler, probability of filler "),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
    // The first reason is the stock-phrase rate; its phrases carry note 1.
    assert!(text.contains("\nNotes:\n  [1] stock_phrase_per_1k_words="), "{text}");
    assert!(text.contains("[[In today's fast-paced]][1] business [[landscape]][2]"), "{text}");
    // Every marked stretch is followed by its note numbers, and the text between is unchanged.
    let original =
        std::fs::read_to_string(common::root("datasets/articles/unlocking-the-power-of-synergy.md")).expect("article");
    let body = text.split_once("\n\n").expect("header").1.rsplit_once("\nNotes:\n").expect("notes").0;
    let mut unmarked = String::new();
    let mut rest = body;
    while let Some(at) = rest.find("[[") {
        unmarked.push_str(&rest[..at]);
        let (inner, after) = rest[at + 2..].split_once("]]").expect("closing marker");
        unmarked.push_str(inner);
        let close = after.find(']').expect("note numbers");
        assert!(after.starts_with('[') && after[1..close].split(',').all(|n| n.parse::<usize>().is_ok()), "{after}");
        rest = &after[close + 1..];
    }
    unmarked.push_str(rest);
    assert_eq!(unmarked.trim_end(), original.trim_end());
}
