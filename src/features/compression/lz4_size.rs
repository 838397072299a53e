//! The size of LZ4 block compression, worked out without writing the compressed block.
//!
//! `compression_ratio` needs only how many bytes `lz4_flex::block::compress` would write.
//! [`compressed_len`] runs the same greedy match search as lz4_flex 0.14 (its
//! `compress_internal` with the 4096-entry table of 16-bit positions, the table lz4_flex uses
//! for inputs under 64 KiB) and adds up the sizes of the tokens, literals, offsets and length
//! bytes it would emit, instead of emitting them. The tests compare it with lz4_flex on random
//! and repetitive inputs; any difference in the search would show as a different size.

/// Inputs from this length on are compressed by lz4_flex itself (its 32-bit table).
pub(crate) const MAX_INPUT: usize = u16::MAX as usize;

/// Entries of the hash table (lz4_flex's `HashTable4KU16`).
pub(crate) const TABLE_LEN: usize = 4096;

/// The last match must start at least this many bytes before the end (LZ4's `MFLIMIT`).
const MFLIMIT: usize = 12;
/// A match ends at least this many bytes before the end (`LAST_LITERALS` + 1).
const END_OFFSET: usize = 6;
/// Shortest match.
const MINMATCH: usize = 4;
/// After 32 misses in a row the search takes steps of two bytes, after 64 of three, ...
const STEP_SHIFT: usize = 5;

/// Bytes of the compressed block of `input` (shorter than [`MAX_INPUT`]), as lz4_flex would
/// write it; `table` is scratch space, cleared here.
pub(crate) fn compressed_len(input: &[u8], table: &mut [u16; TABLE_LEN]) -> usize {
    debug_assert!(input.len() < MAX_INPUT);
    let n = input.len();
    if n < MFLIMIT + 1 {
        return sequence_len(n, None);
    }
    table.fill(0);
    let batch = |i: usize| u32::from_ne_bytes(input[i..i + 4].try_into().expect("four bytes"));
    // lz4_flex's `hash` (Knuth's multiplier, top 16 bits) and `HashTable4KU16` index: the top
    // 12 bits (the mask only tells the compiler that the index is in range).
    let slot = |i: usize| (batch(i).wrapping_mul(2_654_435_761) >> 20) as usize & (TABLE_LEN - 1);
    let last_match_start = n - MFLIMIT;
    let mut size = 0;
    let mut literal_start = 0;
    // A block may not start with a match.
    table[slot(0)] = 0;
    let mut cur = 1;
    loop {
        // Find a match: hash the next four bytes, look up the last position with that hash.
        let mut misses = 1 << STEP_SHIFT;
        let mut next = cur;
        let mut candidate;
        loop {
            let step = misses >> STEP_SHIFT;
            misses += 1;
            cur = next;
            next += step;
            if cur > last_match_start {
                return size + sequence_len(n - literal_start, None);
            }
            let s = slot(cur);
            candidate = usize::from(table[s]);
            table[s] = cur as u16;
            if batch(candidate) == batch(cur) {
                break;
            }
        }
        // Extend it backwards over the pending literals, then forwards.
        while candidate > 0 && cur > literal_start && input[cur - 1] == input[candidate - 1] {
            cur -= 1;
            candidate -= 1;
        }
        let literals = cur - literal_start;
        cur += MINMATCH;
        let extra = common_prefix(&input[cur..n - END_OFFSET], &input[candidate + MINMATCH..]);
        cur += extra;
        table[slot(cur - 2)] = (cur - 2) as u16;
        size += sequence_len(literals, Some(extra));
        literal_start = cur;
    }
}

/// Bytes of one sequence: the token, the literal length beyond 14, the literals, and for a
/// match the 2-byte offset and the match length (beyond the 4-byte minimum) beyond 14.
fn sequence_len(literals: usize, extra_match: Option<usize>) -> usize {
    let length_bytes = |len: usize| if len >= 15 { (len - 15) / 255 + 1 } else { 0 };
    1 + length_bytes(literals) + literals + extra_match.map_or(0, |m| 2 + length_bytes(m))
}

/// Length of the common prefix of `a` and `b` (at most `a.len()`), eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut n = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let diff = u64::from_le_bytes(x.try_into().expect("eight bytes"))
            ^ u64::from_le_bytes(y.try_into().expect("eight bytes"));
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + a[n..].iter().zip(&b[n.min(b.len())..]).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lz4_flex_len(input: &[u8]) -> usize {
        lz4_flex::block::compress(input).len()
    }

    fn ours(input: &[u8]) -> usize {
        compressed_len(input, &mut [7; TABLE_LEN])
    }

    #[test]
    fn hand_worked_sizes() {
        // Under 13 bytes: one token and the literals.
        assert_eq!(ours(b""), 1);
        assert_eq!(ours(b"hello"), 6);
        // 26 times "ab": 2 literals, then a match of 44 (4 + 40, the last 6 bytes literal):
        // token, 2 literals, offset 2, one length byte (40 - 15 = 25), then token + 6 literals.
        let s = b"ab".repeat(26);
        assert_eq!(ours(&s), 1 + 2 + 2 + 1 + 1 + 6);
        assert_eq!(ours(&s), lz4_flex_len(&s));
        // A long run needs several length bytes (255 each).
        let run = vec![b'x'; 5000];
        assert_eq!(ours(&run), lz4_flex_len(&run));
    }

    #[test]
    fn common_prefix_counts_equal_bytes() {
        assert_eq!(common_prefix(b"abcdefghij", b"abcdefghiX"), 9);
        assert_eq!(common_prefix(b"abcdefghij", b"abcdefghij"), 10);
        assert_eq!(common_prefix(b"abc", b"abcdef"), 3);
        assert_eq!(common_prefix(b"Xbc", b"abc"), 0);
        assert_eq!(common_prefix(b"", b"abc"), 0);
    }

    #[test]
    fn same_sizes_as_lz4_flex_on_text() {
        let sentence = "The council met on Tuesday. The council agreed to meet again. ";
        let varied: String = (0..12_000).map(|i| format!("w{} ", i * 7919 % 10_007)).collect();
        for text in [
            sentence.repeat(3),
            sentence.repeat(200),
            varied[..MAX_INPUT - 1].to_string(),
            varied[..20_000].to_string(),
            "abcabcabcabc".to_string(),
            "abcabcabcabca".to_string(),
            "abcdabcdabcdabcdabcd".to_string(),
        ] {
            assert_eq!(ours(text.as_bytes()), lz4_flex_len(text.as_bytes()), "{}", text.len());
        }
        // Every length from 0 to 300 of a repetitive text with a twist.
        let base: Vec<u8> = (0..300u32).map(|i| b"abcab cabxy"[(i * i % 11) as usize]).collect();
        for len in 0..=base.len() {
            assert_eq!(ours(&base[..len]), lz4_flex_len(&base[..len]), "length {len}");
        }
    }

    proptest::proptest! {
        /// Random inputs over small alphabets (many matches) and over all bytes (few).
        #[test]
        fn same_sizes_as_lz4_flex(
            small in proptest::collection::vec(0u8..4, 0..3000),
            any in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
            words in proptest::collection::vec(0usize..6, 0..800),
        ) {
            proptest::prop_assert_eq!(ours(&small), lz4_flex_len(&small));
            proptest::prop_assert_eq!(ours(&any), lz4_flex_len(&any));
            let vocab = ["the ", "council ", "said ", "a", ". ", "meeting "];
            let text: String = words.iter().map(|&w| vocab[w]).collect();
            proptest::prop_assert_eq!(ours(text.as_bytes()), lz4_flex_len(text.as_bytes()));
        }
    }
}
