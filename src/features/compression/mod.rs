//! Compressibility: the LZ4 compressed size of the text over its size. Repetitive text
//! compresses well at every scale, from repeated phrases to repeated paragraphs.

mod lz4_size;

use std::cell::RefCell;

use super::{ratio, Analysis, Applicability, Cue, Feature};
use crate::text::Document;

/// LZ4 block-compressed size / size. LZ4 rather than deflate: deflate's state (about 200 KB
/// of hash tables) must be cleared for every article, which cost more than the rest of the
/// feature set on news-length texts; LZ4's is one table of 8 KB (16 KB from 64 KiB of text
/// on). The size comes from [`lz4_size`] without writing the block.
fn compression_ratio(doc: &Document) -> Option<f64> {
    let text = doc.text().as_bytes();
    if text.is_empty() {
        return None;
    }
    ratio(lz4_compressed_len(text) as f64, text.len() as f64)
}

/// Per-thread LZ4 state, reused across articles so that compressing one allocates nothing:
/// the hash table of [`lz4_size`] for texts under 64 KiB (sized without writing the block),
/// and for longer ones lz4_flex's 32-bit table and an output buffer (the choice
/// `lz4_flex::block::compress` makes, so the sizes are the same).
struct Lz4Scratch {
    small: Box<[u16; lz4_size::TABLE_LEN]>,
    large: Option<lz4_flex::block::CompressTable>,
    out: Vec<u8>,
}

thread_local! {
    static LZ4_SCRATCH: RefCell<Lz4Scratch> = RefCell::new(Lz4Scratch {
        small: Box::new([0; lz4_size::TABLE_LEN]),
        large: None,
        out: Vec::new(),
    });
}

/// The LZ4 block-compressed size of `text` in bytes.
fn lz4_compressed_len(text: &[u8]) -> usize {
    use lz4_flex::block::{compress_into_with_table, get_maximum_output_size, CompressTable};
    LZ4_SCRATCH.with(|cell| {
        let scratch = &mut *cell.borrow_mut();
        if text.len() < lz4_size::MAX_INPUT {
            return lz4_size::compressed_len(text, &mut scratch.small);
        }
        let max = get_maximum_output_size(text.len());
        if scratch.out.len() < max {
            scratch.out.resize(max, 0);
        }
        let table = scratch.large.get_or_insert_with(CompressTable::large);
        // The buffer holds the worst case, so this cannot fail; the fallback keeps a bug here
        // from ever becoming a panic.
        let written = compress_into_with_table(text, &mut scratch.out[..max], table)
            .unwrap_or_else(|_| lz4_flex::block::compress(text).len());
        // One huge article must not pin its buffer for the rest of the run.
        if scratch.out.len() > 1 << 22 {
            scratch.out = Vec::new();
        }
        written
    })
}

/// Compression ratio.
pub(crate) const COMPRESSION_RATIO: Feature = Feature {
    name: "compression_ratio",
    summary: "LZ4-compressed size / UTF-8 size of the text (lower = more repetitive).",
    doc: "What it measures: redundancy at every scale at once: how well a general-purpose compressor shrinks the text. Repeated phrases, sentences and templates compress well, so lower = more repetitive.\n\
Formula: bytes of an LZ4 block (lz4_flex, no frame header) / UTF-8 bytes of the normalised text.\n\
Example: \"a\" -> one token byte + the literal = 2 bytes -> 2 / 1 = 2.0 (tiny texts expand). 40 times \"a\" -> a token, the literal, a 2-byte offset and one extra match-length byte (a match of 33 at distance 1), then a token and the 6 literals lz4_flex keeps at the end of a block: 5 + 7 = 12 bytes -> 12 / 40 = 0.3.\n\
Limits: depends on length (short texts compress worse: the ratio is high below a few hundred bytes) and on the script (UTF-8 bytes per character). Not applicable to an empty text.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| compression_ratio(doc),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[COMPRESSION_RATIO];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value, value};

    #[test]
    fn compression_worked_examples() {
        assert_value(&COMPRESSION_RATIO, "a", 2.0, 0.0);
        assert_value(&COMPRESSION_RATIO, &"a".repeat(40), 12.0 / 40.0, 0.0);
        assert_na(&COMPRESSION_RATIO, "");
        // Repetition compresses better than varied text of the same length.
        let rep = value(&COMPRESSION_RATIO, &"Buy it now. ".repeat(50)).unwrap_or(1.0);
        assert!(rep < 0.1, "{rep}");
        // The compressor is reused: the same text twice gives the same value.
        let a = value(&COMPRESSION_RATIO, "The quick brown fox jumps over the lazy dog.");
        let b = value(&COMPRESSION_RATIO, "The quick brown fox jumps over the lazy dog.");
        assert_eq!(a, b);
    }

    #[test]
    fn reused_lz4_state_gives_the_one_shot_sizes() {
        // Texts on both sides of the 64 KiB table switch, in an order that goes back and forth,
        // each compressed with the reused state and with a fresh one-shot call.
        let varied: String = (0..12_000).map(|i| format!("w{} ", i * 7919 % 10_007)).collect();
        assert!(varied.len() > 70_000);
        let texts = [
            "short text, short text.".to_string(),
            varied.clone(),
            "Buy it now. ".repeat(30),
            varied[..70_000].to_string(),
            varied[..65_534].to_string(),
            varied[..65_535].to_string(),
            "a".to_string(),
        ];
        for t in &texts {
            let one_shot = lz4_flex::block::compress(t.as_bytes()).len();
            assert_eq!(lz4_compressed_len(t.as_bytes()), one_shot, "{}", t.len());
        }
    }
}
