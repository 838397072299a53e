//! English function-word profile: the rate of each of the most frequent English function words
//! (articles, pronouns, prepositions, conjunctions, auxiliaries, common adverbs).
//!
//! Function words carry style, not topic: they are the classic evidence of stylometry
//! (Mosteller & Wallace 1964) and differ between human writing and 2023-era model output
//! (fewer first-person pronouns and contractions, more "this", "such", "also", "these"). Each
//! word is one feature named `fw_<word>_per_1k_words`. Counts are shared: one pass over the
//! document's distinct words fills them all (cached in the document).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{per_1k_words, Applicability, Context, Cue, Feature};
use crate::features::vocab;
use crate::text::Document;

/// The words, in feature order. Adding one: append it here and add a `fw!` line below and in
/// the registry.
pub const WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "it", "for", "on", "with", "as", "he", "be", "at", "by",
    "this", "had", "from", "but", "not", "are", "have", "which", "were", "been", "has", "their", "they", "would",
    "will", "there", "what", "about", "can", "when", "who", "its", "an", "or", "she", "we", "you", "his", "her",
    "them", "than", "also", "after", "into", "more", "said", "could", "should", "these", "those", "our", "i", "me",
    "my", "us", "your", "him", "so", "just", "very", "only", "even", "however", "while", "where", "how", "all", "both",
    "each", "many", "some", "other", "such", "most", "any", "no", "nor", "if", "then", "because", "although", "though",
    "whether", "until", "since", "before", "during", "without", "within", "between", "through", "over", "under",
    "again", "further", "once", "here", "why", "own", "same", "too", "now", "well",
];

static INDEX: LazyLock<FxHashMap<&'static str, usize>> =
    LazyLock::new(|| WORDS.iter().enumerate().map(|(i, w)| (*w, i)).collect());

/// Position of lowercase word `w` in [`WORDS`].
pub(crate) fn index_of(w: &str) -> Option<usize> {
    INDEX.get(w).copied()
}

/// Occurrences of each function word in `doc` (cached).
fn counts(doc: &Document) -> &[u32] {
    doc.cache.function_words.get_or_init(|| {
        // One slot per possible index, the marker of other words included, so that every word
        // is added without a branch (function words and others alternate unpredictably).
        let mut c = vec![0u32; usize::from(vocab::NOT_A_FUNCTION_WORD) + 1];
        for (f, &freq) in vocab::facts(doc).iter().zip(doc.word_freq()) {
            c[usize::from(f.function_word)] += freq;
        }
        c.truncate(WORDS.len());
        c
    })
}

/// Rate per 1,000 words of function word number `i`.
pub(crate) fn rate(doc: &Document, i: usize) -> Option<f64> {
    per_1k_words(counts(doc)[i] as f64, doc)
}

macro_rules! fw {
    ($konst:ident, $i:literal, $w:literal) => {
        fw!($konst, $i, $w, "the children of the village played in the garden with their dogs every summer");
    };
    ($konst:ident, $i:literal, $w:literal, y) => {
        fw!($konst, $i, $w, "a farmer and his sons kept honeybees near a watermill at daybreak each spring");
    };
    ($konst:ident, $i:literal, $w:literal, $frame:literal) => {
        #[doc = concat!("Rate of \"", $w, "\" per 1,000 words.")]
        pub(crate) const $konst: Feature = Feature {
            name: concat!("fw_", $w, "_per_1k_words"),
            summary: concat!("Occurrences of the function word \"", $w, "\" per 1,000 words (English).") ,
            doc: concat!(
                "What it measures: how often the function word \"", $w, "\" is used, part of the function-word profile that stylometry uses to tell writers apart (case-insensitive, whole words).\n",
                "Formula: 1000 x (words equal to \"", $w, "\", ignoring case) / word_count.\n",
                "Example: \"", $frame, ", ", $w, " ", $w, ".\" -> 2 / 16 words x 1000 = 125.\n",
                "Limits: English only (not applicable to other languages); short texts give noisy rates."
            ),
            applies: Applicability::Languages(&["en"]),
            cue: Cue::Style,
            compute: |doc: &Document, _: &Context| rate(doc, $i),
            evidence: None,
        };
    };
}

fw!(FW_THE, 0, "the", y);
fw!(FW_OF, 1, "of", y);
fw!(FW_AND, 2, "and");
fw!(FW_TO, 3, "to");
fw!(FW_A, 4, "a");
fw!(FW_IN, 5, "in", y);
fw!(FW_THAT, 6, "that");
fw!(FW_IS, 7, "is");
fw!(FW_WAS, 8, "was");
fw!(FW_IT, 9, "it");
fw!(FW_FOR, 10, "for");
fw!(FW_ON, 11, "on");
fw!(FW_WITH, 12, "with", y);
fw!(FW_AS, 13, "as");
fw!(FW_HE, 14, "he");
fw!(FW_BE, 15, "be");
fw!(FW_AT, 16, "at");
fw!(FW_BY, 17, "by");
fw!(FW_THIS, 18, "this");
fw!(FW_HAD, 19, "had");
fw!(FW_FROM, 20, "from");
fw!(FW_BUT, 21, "but");
fw!(FW_NOT, 22, "not");
fw!(FW_ARE, 23, "are");
fw!(FW_HAVE, 24, "have");
fw!(FW_WHICH, 25, "which");
fw!(FW_WERE, 26, "were");
fw!(FW_BEEN, 27, "been");
fw!(FW_HAS, 28, "has");
fw!(FW_THEIR, 29, "their", y);
fw!(FW_THEY, 30, "they");
fw!(FW_WOULD, 31, "would");
fw!(FW_WILL, 32, "will");
fw!(FW_THERE, 33, "there");
fw!(FW_WHAT, 34, "what");
fw!(FW_ABOUT, 35, "about");
fw!(FW_CAN, 36, "can");
fw!(FW_WHEN, 37, "when");
fw!(FW_WHO, 38, "who");
fw!(FW_ITS, 39, "its");
fw!(FW_AN, 40, "an");
fw!(FW_OR, 41, "or");
fw!(FW_SHE, 42, "she");
fw!(FW_WE, 43, "we");
fw!(FW_YOU, 44, "you");
fw!(FW_HIS, 45, "his");
fw!(FW_HER, 46, "her");
fw!(FW_THEM, 47, "them");
fw!(FW_THAN, 48, "than");
fw!(FW_ALSO, 49, "also");
fw!(FW_AFTER, 50, "after");
fw!(FW_INTO, 51, "into");
fw!(FW_MORE, 52, "more");
fw!(FW_SAID, 53, "said");
fw!(FW_COULD, 54, "could");
fw!(FW_SHOULD, 55, "should");
fw!(FW_THESE, 56, "these");
fw!(FW_THOSE, 57, "those");
fw!(FW_OUR, 58, "our");
fw!(FW_I, 59, "i");
fw!(FW_ME, 60, "me");
fw!(FW_MY, 61, "my");
fw!(FW_US, 62, "us");
fw!(FW_YOUR, 63, "your");
fw!(FW_HIM, 64, "him");
fw!(FW_SO, 65, "so");
fw!(FW_JUST, 66, "just");
fw!(FW_VERY, 67, "very");
fw!(FW_ONLY, 68, "only");
fw!(FW_EVEN, 69, "even");
fw!(FW_HOWEVER, 70, "however");
fw!(FW_WHILE, 71, "while");
fw!(FW_WHERE, 72, "where");
fw!(FW_HOW, 73, "how");
fw!(FW_ALL, 74, "all");
fw!(FW_BOTH, 75, "both");
fw!(FW_EACH, 76, "each");
fw!(FW_MANY, 77, "many");
fw!(FW_SOME, 78, "some");
fw!(FW_OTHER, 79, "other");
fw!(FW_SUCH, 80, "such");
fw!(FW_MOST, 81, "most");
fw!(FW_ANY, 82, "any");
fw!(FW_NO, 83, "no");
fw!(FW_NOR, 84, "nor");
fw!(FW_IF, 85, "if");
fw!(FW_THEN, 86, "then");
fw!(FW_BECAUSE, 87, "because");
fw!(FW_ALTHOUGH, 88, "although");
fw!(FW_THOUGH, 89, "though");
fw!(FW_WHETHER, 90, "whether");
fw!(FW_UNTIL, 91, "until");
fw!(FW_SINCE, 92, "since");
fw!(FW_BEFORE, 93, "before");
fw!(FW_DURING, 94, "during");
fw!(FW_WITHOUT, 95, "without");
fw!(FW_WITHIN, 96, "within");
fw!(FW_BETWEEN, 97, "between");
fw!(FW_THROUGH, 98, "through");
fw!(FW_OVER, 99, "over");
fw!(FW_UNDER, 100, "under");
fw!(FW_AGAIN, 101, "again");
fw!(FW_FURTHER, 102, "further");
fw!(FW_ONCE, 103, "once");
fw!(FW_HERE, 104, "here");
fw!(FW_WHY, 105, "why");
fw!(FW_OWN, 106, "own");
fw!(FW_SAME, 107, "same");
fw!(FW_TOO, 108, "too");
fw!(FW_NOW, 109, "now");
fw!(FW_WELL, 110, "well");

/// Every function-word feature, in [`WORDS`] order (the registry lists them the same way).
#[cfg(test)]
const ALL: &[Feature] = &[
    FW_THE,
    FW_OF,
    FW_AND,
    FW_TO,
    FW_A,
    FW_IN,
    FW_THAT,
    FW_IS,
    FW_WAS,
    FW_IT,
    FW_FOR,
    FW_ON,
    FW_WITH,
    FW_AS,
    FW_HE,
    FW_BE,
    FW_AT,
    FW_BY,
    FW_THIS,
    FW_HAD,
    FW_FROM,
    FW_BUT,
    FW_NOT,
    FW_ARE,
    FW_HAVE,
    FW_WHICH,
    FW_WERE,
    FW_BEEN,
    FW_HAS,
    FW_THEIR,
    FW_THEY,
    FW_WOULD,
    FW_WILL,
    FW_THERE,
    FW_WHAT,
    FW_ABOUT,
    FW_CAN,
    FW_WHEN,
    FW_WHO,
    FW_ITS,
    FW_AN,
    FW_OR,
    FW_SHE,
    FW_WE,
    FW_YOU,
    FW_HIS,
    FW_HER,
    FW_THEM,
    FW_THAN,
    FW_ALSO,
    FW_AFTER,
    FW_INTO,
    FW_MORE,
    FW_SAID,
    FW_COULD,
    FW_SHOULD,
    FW_THESE,
    FW_THOSE,
    FW_OUR,
    FW_I,
    FW_ME,
    FW_MY,
    FW_US,
    FW_YOUR,
    FW_HIM,
    FW_SO,
    FW_JUST,
    FW_VERY,
    FW_ONLY,
    FW_EVEN,
    FW_HOWEVER,
    FW_WHILE,
    FW_WHERE,
    FW_HOW,
    FW_ALL,
    FW_BOTH,
    FW_EACH,
    FW_MANY,
    FW_SOME,
    FW_OTHER,
    FW_SUCH,
    FW_MOST,
    FW_ANY,
    FW_NO,
    FW_NOR,
    FW_IF,
    FW_THEN,
    FW_BECAUSE,
    FW_ALTHOUGH,
    FW_THOUGH,
    FW_WHETHER,
    FW_UNTIL,
    FW_SINCE,
    FW_BEFORE,
    FW_DURING,
    FW_WITHOUT,
    FW_WITHIN,
    FW_BETWEEN,
    FW_THROUGH,
    FW_OVER,
    FW_UNDER,
    FW_AGAIN,
    FW_FURTHER,
    FW_ONCE,
    FW_HERE,
    FW_WHY,
    FW_OWN,
    FW_SAME,
    FW_TOO,
    FW_NOW,
    FW_WELL,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The frames of the worked examples (see the `fw!` macro): neither contains the words used
    /// with the other, and both are 14 words of plain English.
    const FRAME_X: &str = "the children of the village played in the garden with their dogs every summer";
    const FRAME_Y: &str = "a farmer and his sons kept honeybees near a watermill at daybreak each spring";
    use crate::features::testing::{assert_na, assert_value};

    #[test]
    fn every_word_has_its_feature_in_order() {
        assert_eq!(ALL.len(), WORDS.len());
        for (f, w) in ALL.iter().zip(WORDS) {
            assert_eq!(f.name, format!("fw_{w}_per_1k_words"));
        }
    }

    #[test]
    fn worked_example_of_every_word() {
        for (f, w) in ALL.iter().zip(WORDS) {
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
        assert_value(&FW_THE, text, 5000.0 / 18.0, 1e-9);
        assert_na(&FW_THE, "Der Hund des Nachbarn bellt jeden Morgen laut, und die Katze im Garten schläft weiter.");
    }
}
