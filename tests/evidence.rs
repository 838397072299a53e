//! Evidence spans: hand-worked offsets through typographic folding, CRLF and non-ASCII text,
//! and the property that every span's text is its byte slice of the article as given, on
//! chaff's own articles and on the shared samples and corpora (read at run time, never
//! copied here).

mod common;

use chaff::model::predict::Verdict;
use chaff::model::shipped;
use chaff::score::{ScoredArticle, Scorer};
use chaff::{Article, Context, Origin};
use common::{root, shared_with};

fn score(text: &str, paragraphs: bool) -> ScoredArticle {
    let model = shipped::default_model().expect("embedded model");
    let scorer = Scorer::new(model, Context::default()).with_evidence(true).with_paragraphs(paragraphs);
    scorer.score(&Article::new("t", Origin::file("t.txt"), text), false)
}

#[test]
fn offsets_are_bytes_of_the_text_as_given() {
    // Before the first span: a typographic quote, "é" (2 bytes), an apostrophe, an ellipsis, a
    // closing quote (3 bytes each) and two CRLFs, all folded or collapsed by normalisation.
    let text = "\u{201C}Caf\u{e9} owners\u{2019} notes\u{2026}\u{201D}\r\n\r\nIn today\u{2019}s fast-paced world, we must leverage synergy.\r\nMoreover, it is important to note that the old bakery closed after forty years on the main street of the town.";
    let s = score(text, false);
    let got: Vec<(u32, u32, &str, &str, &str)> = s
        .evidence
        .as_deref()
        .expect("evidence asked for")
        .iter()
        .map(|e| (e.start, e.end, e.text.as_str(), e.feature.as_ref(), e.kind.as_ref()))
        .collect();
    // Worked by hand: the prefix is 3 + 5 + 7 + 3 + 6 + 3 + 3 + 4 = 34 bytes; the stock phrase
    // keeps its typographic apostrophe (8 + 3 + 18 = 29 bytes).
    assert_eq!(
        got,
        vec![
            (34, 63, "In today\u{2019}s fast-paced world", "stock_phrase_per_1k_words", "stock_phrase"),
            (73, 81, "leverage", "buzzword_per_1k_words", "buzzword"),
            (82, 89, "synergy", "buzzword_per_1k_words", "buzzword"),
            (92, 100, "Moreover", "transition_per_1k_words", "transition"),
            (102, 130, "it is important to note that", "stock_phrase_per_1k_words", "stock_phrase"),
            // `that` counts toward a function-word rate that is among the shipped model's reasons.
            (126, 130, "that", "fw_that_per_1k_words", "function_word"),
        ]
    );
}

#[test]
fn whole_text_reasons_have_no_spans_and_lines_map_back() {
    // Duplicate lines and a boilerplate line under CRLF and non-breaking spaces.
    let line = "The ferry to the island\u{a0}runs twice a day in summer and once a day in winter.";
    let text = format!(
        "{line}\r\nLoad More\r\n\r\nTickets are sold at the harbour office next to the old fish market.\r\n{line}\r\n"
    );
    let s = score(&text, false);
    let ev = s.evidence.expect("evidence");
    let second = text.rfind(line).expect("second copy") as u32;
    let dup: Vec<(u32, u32)> = ev.iter().filter(|e| e.kind == "duplicate_line").map(|e| (e.start, e.end)).collect();
    assert_eq!(dup, vec![(second, second + line.len() as u32)]);
    let load = text.find("Load More").expect("boilerplate") as u32;
    assert!(ev.iter().any(|e| e.kind == "boilerplate_line" && (e.start, e.end) == (load, load + 9)), "{ev:?}");
    for e in &ev {
        assert_ne!(e.feature, "sentence_length_cv", "a whole-text measure has no spans");
    }
}

/// Every span is its slice of `text`, they are sorted, and paragraph ranges are slices too.
fn check(id: &str, text: &str, s: &ScoredArticle) -> usize {
    let ev = s.evidence.as_deref().expect("evidence asked for");
    for w in ev.windows(2) {
        assert!(w[0].start <= w[1].start, "{id}: spans not sorted");
    }
    for e in ev {
        assert_eq!(text.get(e.start as usize..e.end as usize), Some(e.text.as_str()), "{id}: {e:?}");
        assert!(e.start < e.end, "{id}: empty span {e:?}");
    }
    for p in s.paragraphs.as_deref().unwrap_or_default() {
        assert!(text.get(p.start as usize..p.end as usize).is_some(), "{id}: paragraph {p:?}");
    }
    ev.len()
}

#[test]
fn spans_are_slices_of_the_projects_articles() {
    let dir = root("datasets/articles");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("datasets/articles") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("utf-8 article");
        let s = score(&text, true);
        let spans = check(&path.display().to_string(), &text, &s);
        if s.prediction.verdict == Verdict::Filler {
            assert!(spans > 0, "{}: a filler article without evidence", path.display());
        }
        n += 1;
    }
    assert!(n >= 8);
}

#[test]
fn spans_are_slices_of_the_shared_samples_and_corpora() {
    let Some(shared) = shared_with("spans_are_slices_of_the_shared_samples_and_corpora", "samples") else { return };
    for name in ["spun-article-with-debris.txt", "llm-filler-ja-en.txt"] {
        let text = std::fs::read_to_string(shared.join("samples").join(name)).expect("sample");
        let s = score(&text, true);
        // The ja-en sample scores `ok` since the formal registers joined training (README).
        if name.starts_with("spun") {
            assert_eq!(s.prediction.verdict, Verdict::Filler, "{name}");
        }
        assert!(check(name, &text, &s) > 0, "{name}: no evidence");
    }
    // The first rows of each corpus: scraped text with typographic quotes, CRLF and every script.
    let mut rows = 0;
    for entry in std::fs::read_dir(shared.join("datasets")).expect("datasets") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let mut r = csv::Reader::from_path(&path).expect("csv");
        let col = r.headers().expect("header").iter().position(|h| h == "text").expect("text column");
        for rec in r.records().take(150) {
            let rec = rec.expect("record");
            let text = &rec[col];
            let s = score(text, true);
            check(&format!("{}:{rows}", path.display()), text, &s);
            rows += 1;
        }
    }
    assert!(rows > 0);
}
