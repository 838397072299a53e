//! Facts about each distinct word of a document that several feature families need
//! (function-word index, suffix groups, contraction, Gopher stop word, letters, characters,
//! English syllables), worked out in one pass over the distinct words and cached in the
//! [`Analysis`]. A leaf of the features layer: the families read the facts; this module reads
//! only the word lists in [`words`] and the text layer's syllable counts.
//!
//! Each fact is a function of the lowercase word alone, so a per-thread cache ([`cache`])
//! keeps the facts of recently seen words across documents: most words of an article appeared
//! in earlier ones, and a hit costs one hash instead of one lookup per family plus the syllable
//! rules. Results never depend on what the cache holds.

mod cache;
pub(crate) mod words;

use super::analysis::{Analysis, Slot};
use crate::text::syllables;

/// What the features need to know about one lowercase word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct WordFacts {
    /// Characters (Unicode code points).
    pub(crate) chars: u32,
    /// Alphanumeric characters.
    pub(crate) letters: u32,
    /// English syllables, clamped to 1..=255 (as the readability formulas count them).
    pub(crate) en_syllables: u8,
    /// An English word of 3+ syllables that reaches 3 only through "-ed", "-es" or "-ing".
    pub(crate) en_inflected: bool,
    /// Position in [`words::FUNCTION_WORDS`], or [`NOT_A_FUNCTION_WORD`].
    pub(crate) function_word: u8,
    /// Bit `g` set: the word belongs to suffix group `g` of [`words::SUFFIX_GROUPS`].
    pub(crate) suffix_groups: u8,
    /// An English contraction ("don't", "it's").
    pub(crate) contraction: bool,
    /// One of Gopher's eight stop words.
    pub(crate) gopher_stop_word: bool,
}

/// [`WordFacts::function_word`] of a word that is not a function word.
pub(crate) const NOT_A_FUNCTION_WORD: u8 = u8::MAX;
// Every function word's position fits below the marker.
const _: () = assert!(words::FUNCTION_WORDS.len() < NOT_A_FUNCTION_WORD as usize);

impl WordFacts {
    /// The facts of lowercase word `w`, worked out from scratch.
    pub(crate) fn of(w: &str) -> WordFacts {
        let en_syllables = syllables::english(w).clamp(1, 255);
        WordFacts {
            chars: w.chars().count() as u32,
            letters: syllables::letters_of(w),
            en_syllables: en_syllables as u8,
            en_inflected: en_syllables >= 3 && syllables::inflected_only(w),
            function_word: words::function_word_index(w).map_or(NOT_A_FUNCTION_WORD, |i| i as u8),
            suffix_groups: words::suffix_groups(w),
            contraction: words::is_contraction(w),
            gopher_stop_word: words::is_gopher_stop_word(w),
        }
    }
}

/// The facts of each distinct word of the document, indexed by word id (cached).
pub(crate) fn facts<'a>(a: &'a Analysis<'_>) -> &'a [WordFacts] {
    a.cached(Slot::WordFacts, || {
        let ids = 0..a.word_freq().len() as u32;
        cache::facts_of(a.lower().as_bytes(), ids.map(|id| a.vocab_range(id)))
    })
}

/// The sum over distinct words with `fact` of their occurrences.
pub(crate) fn occurrences(a: &Analysis<'_>, fact: impl Fn(&WordFacts) -> bool) -> u32 {
    facts(a).iter().zip(a.word_freq()).filter(|(f, _)| fact(f)).map(|(_, &n)| n).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_words() {
        let the = WordFacts::of("the");
        assert_eq!((the.chars, the.letters, the.en_syllables), (3, 3, 1));
        assert_eq!(the.function_word, 0);
        assert!(the.gopher_stop_word && !the.contraction && !the.en_inflected);
        assert_eq!(the.suffix_groups, 0);

        let dont = WordFacts::of("don't");
        assert_eq!((dont.chars, dont.letters, dont.en_syllables), (5, 4, 1));
        assert!(dont.contraction && !dont.gopher_stop_word);
        assert_eq!(dont.function_word, NOT_A_FUNCTION_WORD);

        // "interested": 4 syllables, not only through "-ed" ("interest" has 3).
        let interested = WordFacts::of("interested");
        assert_eq!(interested.en_syllables, 4);
        assert!(!interested.en_inflected);
        assert_eq!(interested.suffix_groups, 1 << 2);
        // "contracted": 3 syllables only through "-ed" ("contract" has 2).
        let contracted = WordFacts::of("contracted");
        assert_eq!(contracted.en_syllables, 3);
        assert!(contracted.en_inflected);

        // "quickly" is an -ly word; "café" counts characters, not bytes.
        assert_eq!(WordFacts::of("quickly").suffix_groups, 1);
        assert_eq!(WordFacts::of("café").chars, 4);
        // A word without letters still has one syllable as the formulas count it.
        assert_eq!(WordFacts::of("2024").en_syllables, 1);
    }
}
