//! Gopher's word n-gram statistics over the tokens of [`super::tokenizer`]: the character
//! share of the most common 2- to 4-gram and of duplicate 5- to 10-grams, found level by
//! level through 64-bit hashes in an open-addressing table that each thread reuses.

use std::cell::RefCell;
use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::text::Document;

/// murmur3's 64-bit finaliser: a bijective mix with full avalanche.
fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of an n-gram extended by one token.
fn extend(gram: u64, token: u64) -> u64 {
    fmix64(gram.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ token)
}

/// Hash of the token `bytes[start..end]`. Nearly all tokens have at most sixteen bytes:
/// those are read as two integers (zero-padded) and mixed with their length, without a loop
/// over bytes.
fn token_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let Some([w0, w1]) = crate::text::ascii::load_padded16(bytes, start, end) else {
        let mut h = FxHasher::default();
        h.write(&bytes[start..end]);
        return fmix64(h.finish() ^ len as u64);
    };
    let mixed = w0.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ w1.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    fmix64(mixed ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Told of each duplicate n-gram the scan counts: the `n`-gram starting at token `p`.
pub(super) trait DuplicateNgrams {
    fn duplicate(&mut self, n: usize, p: usize);
}

/// Records each repeat as (n, first token).
impl DuplicateNgrams for Vec<(u8, u32)> {
    #[inline]
    fn duplicate(&mut self, n: usize, p: usize) {
        self.push((n as u8, p as u32));
    }
}

/// Top and duplicate n-gram character counts.
pub(super) struct NgramStats {
    /// `top[n]`: characters of the most common n-gram (tokens joined by single spaces) times
    /// its count, n = 2..=4.
    pub(super) top: [usize; 5],
    /// `dup[n]`: characters of duplicate n-grams (tokens joined without spaces) found by
    /// datatrove's left-to-right scan, n = 5..=10.
    pub(super) dup: [usize; 11],
}

impl NgramStats {
    /// The n-gram statistics of the tokens `spans` of `doc`.
    ///
    /// Level by level (n = 2..=10), n-grams are hashed from the (n-1)-gram hash and one token
    /// hash. An n-gram can only occur twice if its (n-1)-gram prefix at the same position and
    /// the (n-1)-gram one position later both occur twice, so from n = 3 on only those
    /// positions are hashed and counted: in ordinary prose a few percent of positions.
    /// Telling `found` each duplicate 5- to 10-gram it counts.
    pub(super) fn compute(doc: &Document, spans: &[(u32, u32)], found: &mut impl DuplicateNgrams) -> NgramStats {
        NGRAM_SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => Self::compute_with(doc, spans, &mut scratch, found),
            // Not reachable (no re-entry), but never panic: use fresh buffers.
            Err(_) => Self::compute_with(doc, spans, &mut NgramScratch::default(), found),
        })
    }

    fn compute_with(
        doc: &Document,
        spans: &[(u32, u32)],
        sc: &mut NgramScratch,
        found: &mut impl DuplicateNgrams,
    ) -> NgramStats {
        let mut out = NgramStats { top: [0; 5], dup: [0; 11] };
        let n_tok = spans.len();
        if n_tok < 2 {
            return out;
        }
        let text = doc.text();
        let mut counter = doc.char_counter();
        sc.reset(n_tok);
        let NgramScratch { hashes, prefix, gram, repeated, cand, next, table, stamp, slot, seen } = sc;
        // prefix[i] = characters in tokens 0..i. Filled by `extend` over the spans, which
        // sizes the vectors once instead of checking their room at every token.
        hashes.extend(spans.iter().map(|&(s, e)| token_hash(text.as_bytes(), s as usize, e as usize)));
        prefix.push(0usize);
        let mut acc = 0usize;
        prefix.extend(spans.iter().map(|&(s, e)| {
            acc += counter.chars(s, e);
            acc
        }));
        let chars = |i: usize, n: usize| prefix[i + n] - prefix[i];

        // gram[i]: hash of the current-level n-gram at position i (valid for candidates).
        gram.extend_from_slice(hashes);
        // repeated[i]: the current-level n-gram at i occurs at least twice.
        repeated.resize(n_tok, false);
        // Candidates of the current level, in increasing order. A bigram can only occur twice
        // if both its tokens do: a small table of token counts (0, 1, 2 or more) indexed by
        // hash bits rules out the bigrams of tokens that occur once (a collision only adds
        // a candidate).
        let table_len = (4 * n_tok).next_power_of_two().clamp(1 << 10, 1 << 20);
        seen.clear();
        seen.resize(table_len, 0);
        let bucket = |h: u64| (h >> 32) as usize & (table_len - 1);
        for &h in hashes.iter() {
            let c = &mut seen[bucket(h)];
            *c = (*c + 1).min(2);
        }
        // Every position is written and the length advanced by the test's answer: about
        // half the bigrams pass, too irregularly for a branch on it to be predicted.
        let mut may_repeat = hashes.iter().map(|&h| seen[bucket(h)] == 2);
        let mut this = may_repeat.next().unwrap_or(false);
        cand.resize(n_tok, 0);
        let mut kept = 0;
        for (i, next_repeats) in may_repeat.enumerate() {
            cand[kept] = i as u32;
            kept += usize::from(this & next_repeats);
            this = next_repeats;
        }
        cand.truncate(kept);
        // `slot[i]`: the entry of `table` that counts the n-gram at i.
        slot.resize(n_tok, 0);

        for n in 2..=10usize {
            if n_tok < n {
                break;
            }
            let last_start = n_tok - n;
            // Positions whose n-gram may repeat: at level 2 all; later, those whose two
            // (n-1)-grams both repeat (their flags are still in `repeated`).
            // (Written without a branch on the test, as above.)
            next.clear();
            next.resize(cand.len(), 0);
            let mut kept = 0;
            for &i in cand.iter() {
                let i = i as usize;
                if i > last_start {
                    break;
                }
                next[kept] = i as u32;
                kept += usize::from(n == 2 || (repeated[i] & repeated[i + 1]));
            }
            next.truncate(kept);
            for &i in cand.iter() {
                repeated[i as usize] = false;
            }
            std::mem::swap(cand, next);
            // Count the distinct n-grams in an open-addressing table at most half full,
            // keyed by the n-gram hash. Entries of earlier levels (and documents) carry an
            // older stamp and count as empty, so the table is never cleared.
            let mask = (2 * cand.len()).next_power_of_two().max(16) - 1;
            if table.len() <= mask {
                table.clear();
                table.resize(mask + 1, NgramEntry::default());
                *stamp = 0;
            }
            *stamp = stamp.wrapping_add(1);
            if *stamp == 0 {
                table.fill(NgramEntry::default());
                *stamp = 1;
            }
            let stamp = *stamp;
            // Most common n-gram; ties go to the first seen (Python's Counter.most_common):
            // the highest count, then the lowest first position.
            let mut best: Option<(u32, u32)> = None;
            for &i in cand.iter() {
                let i = i as usize;
                let h = extend(gram[i], hashes[i + n - 1]);
                gram[i] = h;
                let mut s = h as usize & mask;
                loop {
                    let e = &mut table[s];
                    if e.stamp != stamp {
                        *e = NgramEntry { key: h, count: 1, first: i as u32, stamp, remembered: false };
                        break;
                    }
                    if e.key == h {
                        e.count += 1;
                        let (c, f) = (e.count, e.first);
                        if best.is_none_or(|(bc, bf)| c > bc || (c == bc && f < bf)) {
                            best = Some((c, f));
                        }
                        break;
                    }
                    s = (s + 1) & mask;
                }
                slot[i] = s as u32;
            }
            for &i in cand.iter() {
                let i = i as usize;
                repeated[i] = table[slot[i] as usize].count >= 2;
            }
            if n <= 4 {
                // Without a repeated n-gram every count is 1 and the first n-gram wins.
                let (c, f) = best.unwrap_or((1, 0));
                out.top[n] = (chars(f as usize, n) + n - 1) * c as usize;
            } else {
                // datatrove's scan: an n-gram seen before adds its characters and the scan
                // jumps n words ahead, otherwise it is remembered and the scan moves one word.
                // An n-gram that occurs once in the text is never a repeat and is never looked
                // up later, so only the repeated ones (all among the candidates) are visited:
                // `idx` is the first position the scan has not yet passed.
                let mut dup = 0usize;
                let mut idx = 0usize;
                for &p in cand.iter() {
                    let p = p as usize;
                    if p < idx || !repeated[p] {
                        continue;
                    }
                    let e = &mut table[slot[p] as usize];
                    if e.remembered {
                        dup += chars(p, n);
                        found.duplicate(n, p);
                        idx = p + n;
                    } else {
                        e.remembered = true;
                        idx = p + 1;
                    }
                }
                out.dup[n] = dup;
            }
            if cand.is_empty() && n >= 4 {
                // Nothing repeats any more: the remaining duplicate counts are 0.
                break;
            }
        }
        out
    }
}

/// One distinct n-gram of the current level in [`NgramScratch::table`].
#[derive(Clone, Copy, Default)]
struct NgramEntry {
    /// The n-gram's hash.
    key: u64,
    /// Occurrences so far.
    count: u32,
    /// Position of its first occurrence.
    first: u32,
    /// The level the entry belongs to; any other stamp marks a free entry.
    stamp: u32,
    /// Already seen by the duplicate scan (n >= 5).
    remembered: bool,
}

/// Buffers of [`NgramStats::compute`], kept per thread so that a document costs no
/// allocation once the buffers have grown.
#[derive(Default)]
struct NgramScratch {
    hashes: Vec<u64>,
    prefix: Vec<usize>,
    gram: Vec<u64>,
    repeated: Vec<bool>,
    cand: Vec<u32>,
    next: Vec<u32>,
    table: Vec<NgramEntry>,
    /// Stamp of the last level counted in `table` (0: none).
    stamp: u32,
    slot: Vec<u32>,
    seen: Vec<u8>,
}

impl NgramScratch {
    /// Empty the buffers for a document of `n_tok` tokens (the table is emptied by its
    /// stamps). A table left large by a long document is dropped.
    fn reset(&mut self, n_tok: usize) {
        if self.table.len() > (1 << 16).max(8 * n_tok) {
            self.table = Vec::new();
            self.stamp = 0;
        }
        self.hashes.clear();
        self.prefix.clear();
        self.gram.clear();
        self.repeated.clear();
        self.cand.clear();
        self.next.clear();
        self.slot.clear();
    }
}

thread_local! {
    static NGRAM_SCRATCH: RefCell<NgramScratch> = RefCell::new(NgramScratch::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hash_does_not_depend_on_where_the_token_is() {
        // Near the end of the text sixteen bytes cannot be read at once: the same token must
        // still hash the same.
        for tok in ["a", "said", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "naïve"] {
            let middle = format!("{tok} and more text after it, well past sixteen bytes");
            let end = format!("x {tok}");
            assert_eq!(
                token_hash(middle.as_bytes(), 0, tok.len()),
                token_hash(end.as_bytes(), 2, 2 + tok.len()),
                "{tok}"
            );
        }
        assert_ne!(token_hash(b"abcdefghi", 0, 9), token_hash(b"abcdefghj", 0, 9));
    }
}
