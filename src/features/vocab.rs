//! Facts about each distinct word of a document that several features need (function-word
//! index, suffix groups, contraction, Gopher stop word, letters, characters, English
//! syllables), worked out in one pass over the distinct words and cached in the document.
//!
//! Each fact is a function of the lowercase word alone, so a per-thread cache keeps the facts
//! of recently seen words across documents: most words of an article appeared in earlier
//! ones, and a hit costs one hash instead of one lookup per feature family plus the syllable
//! rules. Results never depend on what the cache holds.

use std::cell::RefCell;
use std::hash::Hasher;

use crate::features::{function_words, lexical, morphology, structure};
use crate::text::{syllables, Document};

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
    /// Position in [`function_words::WORDS`], or [`NOT_A_FUNCTION_WORD`].
    pub(crate) function_word: u8,
    /// Bit `g` set: the word belongs to suffix group `g` (see `morphology`).
    pub(crate) suffix_groups: u8,
    /// An English contraction ("don't", "it's").
    pub(crate) contraction: bool,
    /// One of Gopher's eight stop words.
    pub(crate) gopher_stop_word: bool,
}

/// [`WordFacts::function_word`] of a word that is not a function word.
pub(crate) const NOT_A_FUNCTION_WORD: u8 = u8::MAX;
// Every function word's position fits below the marker.
const _: () = assert!(function_words::WORDS.len() < NOT_A_FUNCTION_WORD as usize);

impl WordFacts {
    /// The facts of lowercase word `w`, worked out from scratch.
    pub(crate) fn of(w: &str) -> WordFacts {
        let en_syllables = syllables::english(w).clamp(1, 255);
        WordFacts {
            chars: w.chars().count() as u32,
            letters: syllables::letters_of(w),
            en_syllables: en_syllables as u8,
            en_inflected: en_syllables >= 3 && syllables::inflected_only(w),
            function_word: function_words::index_of(w).map_or(NOT_A_FUNCTION_WORD, |i| i as u8),
            suffix_groups: morphology::suffix_groups(w),
            contraction: lexical::is_contraction(w),
            gopher_stop_word: structure::is_gopher_stop_word(w),
        }
    }
}

/// The facts of each distinct word of `doc`, indexed by word id (cached in the document).
pub(crate) fn facts(doc: &Document) -> &[WordFacts] {
    doc.cache.word_facts.get_or_init(|| {
        CACHE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut cache) => (0..doc.word_freq().len() as u32).map(|id| cache.get(doc.vocab_word(id))).collect(),
            // Not reachable (no re-entry), but never panic: work each word out afresh.
            Err(_) => (0..doc.word_freq().len() as u32).map(|id| WordFacts::of(doc.vocab_word(id))).collect(),
        })
    })
}

/// Words up to this many bytes are cached (longer ones are rare and worked out each time).
const CACHE_WORD_BYTES: usize = 22;
/// Slots of the per-thread cache (two-way set-associative; 40 bytes each: 1.25 MiB).
const CACHE_SLOTS: usize = 1 << 15;

/// One cache slot: a word (its exact bytes, so a hit is never a wrong answer) and its facts.
#[derive(Clone, Copy)]
struct Slot {
    len: u8,
    word: [u8; CACHE_WORD_BYTES],
    facts: WordFacts,
}

/// The per-thread cache of recent words.
#[derive(Default)]
struct FactsCache {
    slots: Vec<Slot>,
}

impl FactsCache {
    /// The facts of `w`, from the cache when it holds them.
    fn get(&mut self, w: &str) -> WordFacts {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > CACHE_WORD_BYTES {
            return WordFacts::of(w);
        }
        if self.slots.is_empty() {
            let empty = Slot { len: 0, word: [0; CACHE_WORD_BYTES], facts: WordFacts::default() };
            self.slots = vec![empty; CACHE_SLOTS];
        }
        let mut h = rustc_hash::FxHasher::default();
        h.write(b);
        // A word may sit in either slot of its pair: two words whose hashes meet there both
        // stay cached. The newest word goes first; the one it displaces moves to second.
        let pair = (h.finish() as usize) & (CACHE_SLOTS - 1) & !1;
        let holds = |slot: &Slot| slot.len as usize == b.len() && &slot.word[..b.len()] == b;
        for slot in &self.slots[pair..pair + 2] {
            if holds(slot) {
                return slot.facts;
            }
        }
        let facts = WordFacts::of(w);
        self.slots[pair + 1] = self.slots[pair];
        let slot = &mut self.slots[pair];
        slot.len = b.len() as u8;
        slot.word[..b.len()].copy_from_slice(b);
        slot.facts = facts;
        facts
    }
}

thread_local! {
    static CACHE: RefCell<FactsCache> = RefCell::new(FactsCache::default());
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

    #[test]
    fn cache_gives_the_same_facts_as_working_them_out() {
        let mut cache = FactsCache::default();
        let words = ["the", "nation's", "interested", "quickly", "don't", "x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"];
        for _ in 0..2 {
            for w in words {
                assert_eq!(cache.get(w), WordFacts::of(w), "{w}");
            }
        }
        // Every word of a few hundred distinct ones, twice, through a cache where some collide.
        let many: Vec<String> = (0..3000).map(|i| format!("w{i}ing")).collect();
        for _ in 0..2 {
            for w in &many {
                assert_eq!(cache.get(w), WordFacts::of(w), "{w}");
            }
        }
    }
}
