//! Paragraph scores: a document put together from a filler article and a news report (both
//! written for chaff, in datasets/articles) is scored paragraph by paragraph, with offsets
//! into the text as given (CRLF paragraph breaks) and the `mixed` flag.

mod common;

use chaff::model::predict::Verdict;
use chaff::model::shipped;
use chaff::score::paragraphs::is_mixed;
use chaff::score::Scorer;
use chaff::{Article, Context, Origin};
use common::root;

fn paragraphs_of(file: &str) -> Vec<String> {
    std::fs::read_to_string(root(&format!("datasets/articles/{file}")))
        .expect("article")
        .split("\n\n")
        .map(|p| p.trim_end().to_string())
        .collect()
}

#[test]
fn paragraphs_are_scored_on_their_own_with_offsets_into_the_input() {
    let filler = paragraphs_of("the-ultimate-guide-to-mindful-productivity.txt");
    let news = paragraphs_of("bakery-closes-after-40-years.txt");
    // Three filler paragraphs of 71 to 81 words (two short ones joined each time), two news
    // paragraphs of 58 and 50 words, and the 29-word headline paragraph, which is not scored.
    let parts = [
        format!("{} {}", filler[1], filler[2]),
        format!("{} {}", filler[3], filler[4]),
        news[1].clone(),
        format!("{} {}", filler[5], filler[6]),
        news[2].clone(),
        news[0].clone(),
    ];
    let text = parts.join("\r\n\r\n");
    let model = shipped::default_model().expect("model");
    let scorer = Scorer::new(model, Context::default()).with_paragraphs(true);
    let s = scorer.score(&Article::new("mix", Origin::file("mix.txt"), text.as_str()), false);
    let p = s.paragraphs.expect("paragraphs asked for");
    assert_eq!(p.len(), 5, "{p:?}");
    let mut at = 0usize;
    for (q, part) in p.iter().zip(&parts) {
        let start = text[at..].find(part.as_str()).expect("part") + at;
        assert_eq!((q.start as usize, q.end as usize), (start, start + part.len()));
        at = start + part.len();
    }
    let verdicts: Vec<Verdict> = p.iter().map(|q| q.verdict).collect();
    assert_eq!(verdicts[2], Verdict::Ok, "{p:?}");
    assert_eq!(verdicts[4], Verdict::Ok, "{p:?}");
    assert!(p[2].probability < 0.2 && p[4].probability < 0.2, "{p:?}");
    // The first filler paragraph (0.871) stays under the <100-word band's threshold (0.992).
    assert!(p[0].probability > 0.85, "filler paragraph 0: {p:?}");
    for i in [1, 3] {
        assert!(p[i].probability > 0.99, "filler paragraph {i}: {p:?}");
    }
    assert!(verdicts.iter().filter(|v| **v == Verdict::Filler).count() >= 2, "{p:?}");
    assert!(is_mixed(&p));
}
