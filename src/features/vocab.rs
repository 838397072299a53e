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
use crate::text::{ascii, syllables, Document};

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
        let lower = doc.lower().as_bytes();
        CACHE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut cache) => {
                (0..doc.word_freq().len() as u32).map(|id| cache.get(lower, doc.vocab_range(id))).collect()
            }
            // Not reachable (no re-entry), but never panic: work each word out afresh.
            Err(_) => (0..doc.word_freq().len() as u32).map(|id| WordFacts::of(doc.vocab_word(id))).collect(),
        })
    })
}

/// Words up to this many bytes are cached (longer ones are rare and worked out each time).
const CACHE_WORD_BYTES: usize = 24;
/// Slots of the per-thread cache (two-way set-associative; 40 bytes each: 1.25 MiB).
const CACHE_SLOTS: usize = 1 << 15;

/// A cached word's exact bytes as three integers, zero-padded, with a 0xff byte (never in
/// UTF-8) after a word shorter than 24 bytes: equal keys are equal words, compared in three
/// integer comparisons.
type Key = [u64; 3];

/// The key of `bytes[range]` (1 to [`CACHE_WORD_BYTES`] bytes).
fn key_of(bytes: &[u8], range: std::ops::Range<usize>) -> Key {
    let (start, end) = (range.start, range.end);
    let mut key = [0u64; 3];
    for (k, part) in key.iter_mut().enumerate() {
        let at = start + 8 * k;
        if at >= end {
            break;
        }
        *part = ascii::load_padded(bytes, at, end.min(at + 8));
    }
    let len = end - start;
    if len < CACHE_WORD_BYTES {
        key[len / 8] |= 0xff << (8 * (len % 8));
    }
    key
}

/// One cache slot: a word (its exact bytes, so a hit is never a wrong answer) and its facts.
#[derive(Clone, Copy)]
struct Slot {
    key: Key,
    facts: WordFacts,
}

/// The per-thread cache of recent words.
#[derive(Default)]
struct FactsCache {
    slots: Vec<Slot>,
}

impl FactsCache {
    /// The facts of the lowercase word `bytes[range]` (UTF-8), from the cache when it holds
    /// them.
    fn get(&mut self, bytes: &[u8], range: std::ops::Range<usize>) -> WordFacts {
        let len = range.len();
        if len == 0 || len > CACHE_WORD_BYTES {
            return WordFacts::of(std::str::from_utf8(&bytes[range]).unwrap_or_default());
        }
        if self.slots.is_empty() {
            let empty = Slot { key: [0; 3], facts: WordFacts::default() };
            self.slots = vec![empty; CACHE_SLOTS];
        }
        let key = key_of(bytes, range.clone());
        let mut h = rustc_hash::FxHasher::default();
        h.write_u64(key[0]);
        h.write_u64(key[1]);
        h.write_u64(key[2]);
        // A word may sit in either slot of its pair: two words whose hashes meet there both
        // stay cached. The newest word goes first; the one it displaces moves to second.
        let pair = (h.finish() as usize) & (CACHE_SLOTS - 1) & !1;
        for slot in &self.slots[pair..pair + 2] {
            if slot.key == key {
                return slot.facts;
            }
        }
        let facts = WordFacts::of(std::str::from_utf8(&bytes[range]).unwrap_or_default());
        self.slots[pair + 1] = self.slots[pair];
        self.slots[pair] = Slot { key, facts };
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
        // Each word is looked up alone and inside a longer text (where the key's eight-byte
        // loads read past the word and must mask the rest off).
        let mut check = |w: &str| {
            assert_eq!(cache.get(w.as_bytes(), 0..w.len()), WordFacts::of(w), "{w}");
            let text = format!("ab{w}zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
            assert_eq!(cache.get(text.as_bytes(), 2..2 + w.len()), WordFacts::of(w), "{w} in text");
        };
        let words = [
            "the",
            "nation's",
            "interested",
            "quickly",
            "don't",
            "x",
            "café",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            // Lengths around the eight-byte parts and the 24-byte limit.
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopqrstuvw",
            "abcdefghijklmnopqrstuvwx",
            "abcdefghijklmnopqrstuvwxy",
        ];
        for _ in 0..2 {
            for w in words {
                check(w);
            }
        }
        // Every word of a few thousand distinct ones, twice, through a cache where some collide.
        let many: Vec<String> = (0..3000).map(|i| format!("w{i}ing")).collect();
        for _ in 0..2 {
            for w in &many {
                check(w);
            }
        }
    }

    #[test]
    fn keys_tell_words_apart() {
        let key = |w: &str| key_of(w.as_bytes(), 0..w.len());
        assert_eq!(key("the"), [u64::from_le_bytes([b't', b'h', b'e', 0xff, 0, 0, 0, 0]), 0, 0]);
        assert_eq!(key("abcdefgh"), [u64::from_le_bytes(*b"abcdefgh"), 0xff, 0]);
        let full = "abcdefghijklmnopqrstuvwx";
        assert_eq!(key(full), [0, 8, 16].map(|k| u64::from_le_bytes(full.as_bytes()[k..k + 8].try_into().unwrap())));
        // A word and its prefix, and words that differ only in a late byte, differ.
        assert_ne!(key("abcdefghijklmnop"), key("abcdefghijklmno"));
        assert_ne!(key("abcdefghijklmnopqrstuvwx"), key("abcdefghijklmnopqrstuvwy"));
        assert_ne!(key("a\0"), key("a"));
        // Inside a longer text the bytes after the word do not count.
        assert_eq!(key_of(b"xthey", 1..4), key("the"));
    }
}
