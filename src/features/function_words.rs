//! English function-word profile: the rate of each of the most frequent English function words
//! (articles, pronouns, prepositions, conjunctions, auxiliaries, common adverbs).
//!
//! Function words carry style, not topic: they are the classic evidence of stylometry
//! (Mosteller & Wallace 1964) and differ between human writing and 2023-era model output
//! (fewer first-person pronouns and contractions, more "this", "such", "also", "these"). Each
//! word is one feature named `fw_<word>_per_1k_words`, generated from the one list in
//! [`words::with_function_words`]. Counts are shared: one pass over the document's distinct
//! words fills them all (cached in the analysis).

use super::analysis::{Analysis, Slot};
use super::word_facts::words::{self, function_word_position, same_bytes, with_function_words};
use super::word_facts::{self, NOT_A_FUNCTION_WORD};
use super::{per_1k_words, Applicability, Cue, Feature};

/// Occurrences of each function word (cached).
fn counts<'a>(a: &'a Analysis<'_>) -> &'a [u32] {
    a.cached(Slot::FunctionWords, || {
        // One slot per possible index, the marker of other words included, so that every word
        // is added without a branch (function words and others alternate unpredictably).
        let mut c = vec![0u32; usize::from(NOT_A_FUNCTION_WORD) + 1];
        for (f, &freq) in word_facts::facts(a).iter().zip(a.word_freq()) {
            c[usize::from(f.function_word)] += freq;
        }
        c.truncate(words::FUNCTION_WORDS.len());
        c
    })
}

/// Rate per 1,000 words of function word number `i`.
fn rate(a: &Analysis<'_>, i: usize) -> Option<f64> {
    per_1k_words(counts(a)[i] as f64, a)
}

/// The sentence of the worked examples; a word that occurs in it is shown in another (see
/// [`function_word_feature`]).
const FRAME_X: &str = "the children of the village played in the garden with their dogs every summer";

/// Does `frame` hold the word `w` (frames are lowercase words separated by single spaces)?
const fn frame_has(frame: &str, w: &str) -> bool {
    let (f, w) = (frame.as_bytes(), w.as_bytes());
    let mut start = 0;
    while start < f.len() {
        let mut end = start;
        while end < f.len() && f[end] != b' ' {
            end += 1;
        }
        let (word, _) = f.split_at(end);
        let (_, word) = word.split_at(start);
        if same_bytes(word, w) {
            return true;
        }
        start = end + 1;
    }
    false
}

/// The feature of function word `$w`.
macro_rules! function_word_feature {
    ($w:literal) => {
        Feature {
            name: concat!("fw_", $w, "_per_1k_words"),
            summary: concat!("Occurrences of the function word \"", $w, "\" per 1,000 words (English)."),
            doc: if frame_has(FRAME_X, $w) {
                function_word_doc!($w, "a farmer and his sons kept honeybees near a watermill at daybreak each spring")
            } else {
                function_word_doc!($w, "the children of the village played in the garden with their dogs every summer")
            },
            applies: Applicability::Languages(&["en"]),
            cue: Cue::Style,
            compute: |a: &Analysis<'_>| rate(a, const { function_word_position($w) }),
            evidence: None,
        }
    };
}

/// The doc of function word `$w` with its worked example in sentence `$frame` (16 words with
/// the word twice: a rate of 125).
macro_rules! function_word_doc {
    ($w:literal, $frame:literal) => {
        concat!(
            "What it measures: how often the function word \"", $w, "\" is used, part of the function-word profile that stylometry uses to tell writers apart (case-insensitive, whole words).\n",
            "Formula: 1000 x (words equal to \"", $w, "\", ignoring case) / word_count.\n",
            "Example: \"", $frame, ", ", $w, " ", $w, ".\" -> 2 / 16 words x 1000 = 125.\n",
            "Limits: English only (not applicable to other languages); short texts give noisy rates."
        )
    };
}

macro_rules! function_word_features {
    ($($w:literal),* $(,)?) => {
        /// This family's features: one per function word, in list order.
        pub(super) const FEATURES: &[Feature] = &[$(function_word_feature!($w)),*];
    };
}

with_function_words!(function_word_features);

#[cfg(test)]
mod tests {
    use super::*;

    use crate::features::testing::{assert_na, assert_value};
    use crate::features::word_facts::words::FUNCTION_WORDS;

    const FRAME_Y: &str = "a farmer and his sons kept honeybees near a watermill at daybreak each spring";

    #[test]
    fn every_word_has_its_feature_in_order() {
        assert_eq!(FEATURES.len(), FUNCTION_WORDS.len());
        for (i, (f, w)) in FEATURES.iter().zip(FUNCTION_WORDS).enumerate() {
            assert_eq!(f.name, format!("fw_{w}_per_1k_words"));
            assert_eq!(function_word_position(w), i);
        }
    }

    #[test]
    fn frames_are_found_word_by_word() {
        assert!(frame_has(FRAME_X, "the") && frame_has(FRAME_X, "summer") && frame_has(FRAME_X, "their"));
        assert!(!frame_has(FRAME_X, "he") && !frame_has(FRAME_X, "summe") && !frame_has(FRAME_X, ""));
        assert!(frame_has(FRAME_Y, "a") && frame_has(FRAME_Y, "spring") && !frame_has(FRAME_Y, "the"));
    }

    #[test]
    fn worked_example_of_every_word() {
        for (f, w) in FEATURES.iter().zip(FUNCTION_WORDS) {
            let frame = if ["the", "of", "in", "with", "their"].contains(w) { FRAME_Y } else { FRAME_X };
            assert!(!frame.split(' ').any(|x| x == *w), "{w} occurs in its frame");
            let text = format!("{frame}, {w} {w}.");
            assert!(f.doc.contains(&text), "{}: doc example is not {text:?}", f.name);
            assert_value(f, &text, 125.0, 1e-9);
        }
    }

    #[test]
    fn counts_whole_words_ignoring_case() {
        let text = "The theme of the day: THE end, then there was nothing left for the people of the town.";
        // "the" x5 (The, the, THE, the, the) in 18 words; "then", "there", "theme" do not count.
        assert_value(&FEATURES[0], text, 5000.0 / 18.0, 1e-9);
        assert_na(
            &FEATURES[0],
            "Der Hund des Nachbarn bellt jeden Morgen laut, und die Katze im Garten schläft weiter.",
        );
    }
}
