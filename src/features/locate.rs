//! Where in the text a counting feature found what it counted: byte spans of the normalised
//! text ([`crate::text::Document::text`]), for evidence an editor can check.
//!
//! Each locator reads the same matches, caches and rules its feature counts with (the
//! lexicon hits, the per-word facts, the duplicate-line scan), so the spans are the things
//! counted, not a second guess at them. A feature about the whole text (sentence-length
//! spread, type-token ratio, readability, compression) has no locator.
//!
//! What is located, per feature:
//! - lexicon rates (buzzword, LLM word, stock phrase, transition, hedge, intensifier,
//!   attribution, first and second person): each counted match;
//! - contractions, function words (`fw_*`) and suffix words (-ly, -ing, -ed, nominalisations,
//!   adjective suffixes): each counted word;
//! - contrast templates: each sentence holding one;
//! - boilerplate, casefold-duplicate and ellipsis lines: each counted line;
//! - `dup_line_*` / `dup_para_*`: each line or paragraph that repeats an earlier one exactly
//!   (the occurrences the Gopher statistics count as duplicates);
//! - repeated openers: the first word of each sentence whose first word opened an earlier one;
//! - `dup_<n>_gram_char_frac` (n = 5..10): each repeat of a word n-gram that Gopher's scan
//!   counts (not the first occurrence). The top 2- to 4-gram shares are not located.

use rustc_hash::FxHashSet;

use super::lexical::counted_spans;
use super::structure::casefold_duplicates;
use super::word_facts::{self, words, WordFacts};
use super::{gopher, index_of, lexical, Analysis, FEATURES};
use crate::lexicon::Kind;
use crate::text::{Document, Span};

/// Spans of what feature `name` counted in the analysed text, in text order, with the family
/// they belong to (`stock_phrase`, `duplicate_line`, ...). `None`: the feature has no
/// locator, or does not apply to this text.
pub fn locate(a: &Analysis<'_>, name: &str) -> Option<(&'static str, Vec<Span>)> {
    let feature = FEATURES.get(index_of(name)?)?;
    if !feature.applies.holds(a) {
        return None;
    }
    let lexicon = |kind: Kind| counted_spans(a, kind).map(|s| s.map(|(start, end)| Span { start, end }).collect());
    let (family, spans): (&'static str, Vec<Span>) = match name {
        "buzzword_per_1k_words" => ("buzzword", lexicon(Kind::Buzzwords)?),
        "llm_word_per_1k_words" => ("llm_word", lexicon(Kind::LlmWords)?),
        "stock_phrase_per_1k_words" => ("stock_phrase", lexicon(Kind::StockPhrases)?),
        "transition_per_1k_words" => ("transition", lexicon(Kind::Transitions)?),
        "hedge_per_1k_words" => ("hedge", lexicon(Kind::Hedges)?),
        "intensifier_per_1k_words" => ("intensifier", lexicon(Kind::Intensifiers)?),
        "attribution_verb_per_1k_words" => ("attribution", lexicon(Kind::Attribution)?),
        "first_person_per_1k_words" => ("first_person", lexicon(Kind::FirstPerson)?),
        "second_person_per_1k_words" => ("second_person", lexicon(Kind::SecondPerson)?),
        "boilerplate_line_ratio" => ("boilerplate_line", lexicon(Kind::Boilerplate)?),
        "contraction_per_1k_words" => ("contraction", words_where(a, |f| f.contraction)),
        "contrast_template_per_1k_words" => ("contrast_template", lexical::contrast_sentences(a)),
        "casefold_duplicate_line_ratio" => ("casefold_duplicate_line", casefold_duplicates(a)),
        "ellipsis_line_ratio" => {
            ("ellipsis_line", a.lines().iter().copied().filter(|l| a.slice(*l).ends_with("...")).collect())
        }
        // The cached Gopher statistics say first whether anything repeats (most texts: no).
        "dup_line_frac" | "dup_line_char_frac" => {
            ("duplicate_line", if gopher::has_repeats(a, true) { repeats(a, a.lines()) } else { Vec::new() })
        }
        "dup_para_frac" | "dup_para_char_frac" => {
            ("duplicate_paragraph", if gopher::has_repeats(a, false) { repeats(a, a.paragraphs()) } else { Vec::new() })
        }
        "repeated_opener_ratio" => ("repeated_opener", repeated_openers(a)),
        "dup_5_gram_char_frac"
        | "dup_6_gram_char_frac"
        | "dup_7_gram_char_frac"
        | "dup_8_gram_char_frac"
        | "dup_9_gram_char_frac"
        | "dup_10_gram_char_frac" => {
            let n: usize = name.strip_prefix("dup_")?.split('_').next()?.parse().ok()?;
            ("repeated_ngram", gopher::duplicate_ngram_spans(a, n))
        }
        _ => {
            if let Some(group) = suffix_group(name) {
                ("suffix_word", words_where(a, |f| f.suffix_groups & (1 << group) != 0))
            } else {
                let w = name.strip_prefix("fw_")?.strip_suffix("_per_1k_words")?;
                let i = words::FUNCTION_WORDS.iter().position(|x| *x == w)? as u8;
                ("function_word", words_where(a, |f| f.function_word == i))
            }
        }
    };
    Some((family, spans))
}

/// The suffix group of a suffix-word feature (the order of `words::SUFFIX_GROUPS`).
fn suffix_group(name: &str) -> Option<usize> {
    [
        "ly_word_per_1k_words",
        "ing_word_per_1k_words",
        "ed_word_per_1k_words",
        "nominalization_per_1k_words",
        "adjective_suffix_per_1k_words",
    ]
    .iter()
    .position(|n| *n == name)
}

/// Every word whose facts pass `pred` (the facts the word's feature counts by).
fn words_where(a: &Analysis<'_>, pred: impl Fn(&WordFacts) -> bool) -> Vec<Span> {
    let facts = word_facts::facts(a);
    a.words()
        .zip(a.word_ids())
        .filter(|(_, &id)| pred(&facts[id as usize]))
        .map(|(t, _)| Span { start: t.start, end: t.end })
        .collect()
}

/// The pieces that repeat an earlier piece byte for byte (the Gopher duplicates).
fn repeats(doc: &Document, pieces: &[Span]) -> Vec<Span> {
    if pieces.len() < 2 {
        return Vec::new();
    }
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    pieces.iter().copied().filter(|p| !seen.insert(doc.slice(*p))).collect()
}

/// The first word of each sentence whose first word (lowercase) opened an earlier sentence.
fn repeated_openers(doc: &Document) -> Vec<Span> {
    let ids = doc.word_ids();
    let tokens = doc.word_token_indices();
    let mut openers: FxHashSet<u32> = FxHashSet::default();
    let mut out = Vec::new();
    for &(start, end) in doc.sentence_word_ranges() {
        if start != end && !openers.insert(ids[start as usize]) {
            let t = doc.tokens()[tokens[start as usize] as usize];
            out.push(Span { start: t.start, end: t.end });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::locate;
    use crate::features::{Analysis, Context};
    use crate::text::Document;

    /// The located texts of feature `name` in `text`, with the family.
    fn found(text: &str, name: &str) -> Option<(&'static str, Vec<String>)> {
        let doc = Document::new(text);
        let cx = Context::default();
        let a = Analysis::new(&doc, &cx);
        locate(&a, name).map(|(k, spans)| (k, spans.iter().map(|s| doc.slice(*s).to_string()).collect()))
    }

    const FILLER: &str = "In today's fast-paced world, businesses must leverage synergy. Moreover, it is important to note that the journey matters. Moreover, teams delve into a rich tapestry of ideas.";

    #[test]
    fn lexicon_matches_are_located() {
        assert_eq!(
            found(FILLER, "stock_phrase_per_1k_words"),
            Some((
                "stock_phrase",
                vec![
                    "In today's fast-paced world".into(),
                    "it is important to note that".into(),
                    "a rich tapestry of".into()
                ]
            ))
        );
        assert_eq!(found(FILLER, "transition_per_1k_words"), Some(("transition", vec!["Moreover".into(); 2])));
        assert_eq!(
            found(FILLER, "llm_word_per_1k_words"),
            Some(("llm_word", vec!["journey".into(), "delve".into(), "tapestry".into()]))
        );
    }

    #[test]
    fn counted_words_are_located() {
        let text = "We don't know if it's ready for the summer. They quickly left the house, and the dog's bowl stayed in the garden all day.";
        assert_eq!(found(text, "contraction_per_1k_words"), Some(("contraction", vec!["don't".into(), "it's".into()])));
        assert_eq!(found(text, "ly_word_per_1k_words"), Some(("suffix_word", vec!["quickly".into()])));
        assert_eq!(found(text, "fw_the_per_1k_words"), Some(("function_word", vec!["the".into(); 4])));
    }

    #[test]
    fn repeated_lines_paragraphs_and_openers() {
        let storm = "The storm hit the coast of Texas overnight and thousands of homes lost power.";
        let text = format!(
            "Load More\n{storm}\n\nThe town slept through the night. The end came at dawn.\n\nLoad More\n{storm}"
        );
        assert_eq!(found(&text, "dup_line_frac"), Some(("duplicate_line", vec!["Load More".into(), storm.into()])));
        assert_eq!(found(&text, "dup_para_frac"), Some(("duplicate_paragraph", vec![format!("Load More\n{storm}")])));
        assert_eq!(found(&text, "boilerplate_line_ratio"), Some(("boilerplate_line", vec!["Load More".into(); 2])));
        let openers = "The cat sat. The dog ran. A bird sang. The end.";
        assert_eq!(
            found(openers, "repeated_opener_ratio"),
            Some(("repeated_opener", vec!["The".into(), "The".into()]))
        );
    }

    #[test]
    fn repeated_ngrams_are_the_counted_repeats() {
        // "met at the old mill by the river" twice (Gopher's n-grams are case-sensitive, so
        // "We"/"we" differ). Each scan counts the repeat at the second copy and jumps n words.
        let text = "We met at the old mill by the river. Later we met at the old mill by the river again.";
        let dup = |n: usize| found(text, &format!("dup_{n}_gram_char_frac"));
        assert_eq!(dup(5), Some(("repeated_ngram", vec!["met at the old mill".into()])));
        assert_eq!(dup(6), Some(("repeated_ngram", vec!["met at the old mill by".into()])));
        assert_eq!(dup(8), Some(("repeated_ngram", vec!["met at the old mill by the river".into()])));
        assert_eq!(dup(9), Some(("repeated_ngram", vec![])));
    }

    #[test]
    fn whole_text_measures_have_no_locator() {
        assert_eq!(found(FILLER, "sentence_length_cv"), None);
        assert_eq!(found(FILLER, "mattr_50"), None);
        assert_eq!(found(FILLER, "no_such_feature"), None);
    }
}
