//! The word lists behind [`super::WordFacts`]: English function words, suffix groups,
//! contractions and Gopher's stop words. Each list is defined once, here; the families read
//! the facts, and the function-word features are generated from [`with_function_words`].

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Calls `$callback! { "the", "of", ... }` with the English function words of the profile,
/// most frequent first (the feature order). The one definition of the list: [`FUNCTION_WORDS`]
/// and the `fw_<word>_per_1k_words` features are both generated from it, so adding a word
/// here adds its feature.
macro_rules! with_function_words {
    ($callback:ident) => {
        $callback! {
            "the", "of", "and", "to", "a", "in", "that", "is", "was", "it", "for", "on", "with", "as", "he", "be",
            "at", "by", "this", "had", "from", "but", "not", "are", "have", "which", "were", "been", "has", "their",
            "they", "would", "will", "there", "what", "about", "can", "when", "who", "its", "an", "or", "she", "we",
            "you", "his", "her", "them", "than", "also", "after", "into", "more", "said", "could", "should", "these",
            "those", "our", "i", "me", "my", "us", "your", "him", "so", "just", "very", "only", "even", "however",
            "while", "where", "how", "all", "both", "each", "many", "some", "other", "such", "most", "any", "no",
            "nor", "if", "then", "because", "although", "though", "whether", "until", "since", "before", "during",
            "without", "within", "between", "through", "over", "under", "again", "further", "once", "here", "why",
            "own", "same", "too", "now", "well",
        }
    };
}
pub(crate) use with_function_words;

macro_rules! word_list {
    ($($w:literal),* $(,)?) => {
        &[$($w),*]
    };
}

/// The English function words of the profile, in feature order.
pub(crate) const FUNCTION_WORDS: &[&str] = with_function_words!(word_list);

static FUNCTION_WORD_INDEX: LazyLock<FxHashMap<&'static str, usize>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().enumerate().map(|(i, w)| (*w, i)).collect());

/// Position of lowercase word `w` in [`FUNCTION_WORDS`].
pub(crate) fn function_word_index(w: &str) -> Option<usize> {
    FUNCTION_WORD_INDEX.get(w).copied()
}

/// Position of `w` in [`FUNCTION_WORDS`], at compile time (for the generated features).
pub(crate) const fn function_word_position(w: &str) -> usize {
    let mut i = 0;
    while i < FUNCTION_WORDS.len() {
        if same_bytes(FUNCTION_WORDS[i].as_bytes(), w.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("not a function word")
}

/// Byte equality usable at compile time.
pub(crate) const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The suffix groups of the word-shape features, in bit order: -ly, -ing, -ed,
/// nominalisations, adjective suffixes.
pub(crate) const SUFFIX_GROUPS: [&[&str]; 5] = [
    &["ly"],
    &["ing"],
    &["ed"],
    &["tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ances", "ence", "ences"],
    &["al", "ive", "ous", "ful", "able", "ible", "ic"],
];

/// The groups of [`SUFFIX_GROUPS`] that lowercase word `w` belongs to, as bits: it ends in one
/// of the group's suffixes and is at least 3 letters longer than the suffix (so "fly", "ring"
/// and "nation" are not -ly, -ing or -tion words).
pub(crate) fn suffix_groups(w: &str) -> u8 {
    let mut bits = 0;
    if w.len() < 5 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return bits;
    }
    for (g, suffixes) in SUFFIX_GROUPS.iter().enumerate() {
        if suffixes.iter().any(|s| w.len() >= s.len() + 3 && w.ends_with(s)) {
            bits |= 1 << g;
        }
    }
    bits
}

/// Stems whose `'s` is a contraction of "is"/"has"/"us", not a possessive.
const S_CONTRACTION_STEMS: &[&str] =
    &["he", "here", "how", "it", "let", "she", "that", "there", "this", "what", "when", "where", "who", "why"];

/// Stems that take `'d` and `'m` contractions ("I'd", "they'd", "I'm").
const PRONOUN_STEMS: &[&str] =
    &["he", "how", "i", "it", "she", "that", "there", "they", "we", "what", "where", "who", "why", "you"];

/// Is the lowercase word token `w` an English contraction? See `contraction_per_1k_words`.
pub(crate) fn is_contraction(w: &str) -> bool {
    // A byte loop rather than `rfind`, which calls memrchr: most words are short and have none.
    let Some(pos) = w.bytes().rposition(|b| b == b'\'') else {
        return false;
    };
    let (stem, suffix) = (&w[..pos], &w[pos + 1..]);
    if stem.is_empty() {
        return false;
    }
    match suffix {
        "t" => stem.len() >= 2 && stem.ends_with('n'),
        "re" | "ve" | "ll" => stem.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\''),
        "d" => PRONOUN_STEMS.contains(&stem),
        "m" => stem == "i",
        "s" => S_CONTRACTION_STEMS.contains(&stem),
        "all" => stem == "y",
        _ => false,
    }
}

/// Gopher's stop words (Rae et al. 2021).
pub(crate) const GOPHER_STOP_WORDS: &[&str] = &["the", "be", "to", "of", "and", "that", "have", "with"];

/// Is lowercase word `w` one of Gopher's stop words?
pub(crate) fn is_gopher_stop_word(w: &str) -> bool {
    GOPHER_STOP_WORDS.contains(&w)
}
