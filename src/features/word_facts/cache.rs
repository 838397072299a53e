//! A per-thread cache of [`WordFacts`] keyed by a word's exact bytes, laid out in cache
//! lines and prefetched, so that the facts of a document's distinct words mostly cost a hash
//! and a load instead of the syllable rules and the list lookups.

use std::cell::RefCell;
use std::hash::Hasher;

use super::WordFacts;
use crate::text::ascii;

/// Words up to this many bytes are cached (longer ones are rare and worked out each time).
const CACHE_WORD_BYTES: usize = 24;
/// Pairs of slots in the per-thread cache (two-way set-associative; a pair is one 64-byte
/// cache line, so 4 MiB in all). One pass over the five corpora of ../shared/datasets
/// (14,382 articles, 2.34 million lookups) misses 219,700 times with 1 MiB, 147,558 with
/// 2 MiB and 115,794 with 4 MiB; a miss costs about 1,400 instructions.
const CACHE_PAIRS: usize = 1 << 16;

/// A cached word's exact bytes as three integers, zero-padded, with a 0xff byte (never in
/// UTF-8) after a word shorter than 24 bytes: equal keys are equal words, compared in three
/// integer comparisons.
type Key = [u64; 3];

/// The key of `bytes[range]` (1 to [`CACHE_WORD_BYTES`] bytes).
fn key_of(bytes: &[u8], range: std::ops::Range<usize>) -> Key {
    let (start, end) = (range.start, range.end);
    // Nearly every word has at most sixteen bytes: read without a branch on its length.
    let mut key = match ascii::load_padded16(bytes, start, end) {
        Some([a, b]) => [a, b, 0],
        None => [0, 8, 16].map(|k| ascii::load_padded(bytes, start + k, end.min(start + k + 8))),
    };
    let len = end - start;
    if len < CACHE_WORD_BYTES {
        key[len / 8] |= ascii::length_marker(len % 8);
    }
    key
}

/// The pair of slots where `key` may be cached.
fn pair_of(key: &Key) -> usize {
    let mut h = rustc_hash::FxHasher::default();
    h.write_u64(key[0]);
    h.write_u64(key[1]);
    h.write_u64(key[2]);
    (h.finish() as usize) & (CACHE_PAIRS - 1)
}

/// [`WordFacts`] of a word of at most [`CACHE_WORD_BYTES`] bytes in eight bytes (its
/// character and letter counts fit a byte).
#[derive(Clone, Copy, Default)]
struct PackedFacts([u8; 8]);

impl PackedFacts {
    fn pack(f: WordFacts) -> PackedFacts {
        debug_assert!(f.chars as usize <= CACHE_WORD_BYTES && f.letters <= f.chars);
        PackedFacts([
            f.chars as u8,
            f.letters as u8,
            f.en_syllables,
            u8::from(f.en_inflected),
            f.function_word,
            f.suffix_groups,
            u8::from(f.contraction),
            u8::from(f.gopher_stop_word),
        ])
    }

    fn unpack(self) -> WordFacts {
        let b = self.0;
        WordFacts {
            chars: u32::from(b[0]),
            letters: u32::from(b[1]),
            en_syllables: b[2],
            en_inflected: b[3] != 0,
            function_word: b[4],
            suffix_groups: b[5],
            contraction: b[6] != 0,
            gopher_stop_word: b[7] != 0,
        }
    }
}

/// One cache slot: a word (its exact bytes, so a hit is never a wrong answer) and its facts.
/// An empty slot has the key of no word.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: Key,
    facts: PackedFacts,
}

/// Two slots in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Pair([Slot; 2]);

// A pair is exactly one cache line.
const _: () = assert!(std::mem::size_of::<Pair>() == 64 && std::mem::align_of::<Pair>() == 64);

/// The per-thread cache of recent words.
#[derive(Default)]
struct FactsCache {
    pairs: Vec<Pair>,
    /// Per word of the current document: its range, key and pair (`u32::MAX`: not cached).
    pending: Vec<(std::ops::Range<usize>, Key, u32)>,
}

impl FactsCache {
    /// The facts of the lowercase words `bytes[range]` (UTF-8) for each range, from the cache
    /// when it holds them.
    ///
    /// The cache is larger than the processor's nearest caches, so a lookup mostly waits for
    /// memory. All keys are worked out and their cache lines prefetched first (a prefetch,
    /// unlike a load, does not hold the loop up while it waits); the lookups then find them
    /// at hand.
    fn get_all(&mut self, bytes: &[u8], ranges: impl Iterator<Item = std::ops::Range<usize>>) -> Vec<WordFacts> {
        if self.pairs.is_empty() {
            self.pairs = vec![Pair::default(); CACHE_PAIRS];
        }
        let mut pending = std::mem::take(&mut self.pending);
        pending.clear();
        for range in ranges {
            if range.is_empty() || range.len() > CACHE_WORD_BYTES {
                pending.push((range, [0; 3], u32::MAX));
                continue;
            }
            let key = key_of(bytes, range.clone());
            let pair = pair_of(&key);
            crate::prefetch::prefetch(&self.pairs[pair]);
            pending.push((range, key, pair as u32));
        }
        let facts = pending.iter().map(|(range, key, pair)| self.lookup(bytes, range.clone(), key, *pair)).collect();
        self.pending = pending;
        facts
    }

    /// The facts of `bytes[range]` with `key` in `pair` (or worked out when `pair` is
    /// `u32::MAX`).
    fn lookup(&mut self, bytes: &[u8], range: std::ops::Range<usize>, key: &Key, pair: u32) -> WordFacts {
        let word = || std::str::from_utf8(&bytes[range.clone()]).unwrap_or_default();
        if pair == u32::MAX {
            return WordFacts::of(word());
        }
        let slots = &mut self.pairs[pair as usize].0;
        for slot in slots.iter() {
            if slot.key == *key {
                return slot.facts.unpack();
            }
        }
        // A word may sit in either slot of its pair: two words whose hashes meet there both
        // stay cached. The newest word goes first; the one it displaces moves to second.
        let facts = WordFacts::of(word());
        slots[1] = slots[0];
        slots[0] = Slot { key: *key, facts: PackedFacts::pack(facts) };
        facts
    }

    /// The facts of the lowercase word `bytes[range]`.
    #[cfg(test)]
    fn get(&mut self, bytes: &[u8], range: std::ops::Range<usize>) -> WordFacts {
        self.get_all(bytes, std::iter::once(range))[0]
    }
}

thread_local! {
    static CACHE: RefCell<FactsCache> = RefCell::new(FactsCache::default());
}

/// The facts of the lowercase words `bytes[range]` (UTF-8) for each range, from this thread's
/// cache when it holds them.
pub(super) fn facts_of(bytes: &[u8], ranges: impl Iterator<Item = std::ops::Range<usize>>) -> Vec<WordFacts> {
    CACHE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut cache) => cache.get_all(bytes, ranges),
        // Not reachable (no re-entry), but never panic: work each word out afresh.
        Err(_) => ranges.map(|r| WordFacts::of(std::str::from_utf8(&bytes[r]).unwrap_or_default())).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
