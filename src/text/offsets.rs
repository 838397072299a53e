//! Byte offsets of the normalised text mapped back to the text as it was given.
//!
//! Features find things in the normalised text ([`super::Document::text`]); an editor or a
//! pipeline needs them in the original. [`OffsetMap`] replays the normalisation of
//! [`super::normalize`] with tracking on (the scoring path runs it with tracking off, so it
//! costs nothing there) and records where each output piece came from: a copied run maps
//! byte for byte, a replaced character (`’` -> `'`, `…` -> `...`, a CRLF line break) maps as
//! a whole. NFC composition, which is rare, is tracked per run of non-ASCII characters (with
//! the ASCII character before it): a span edge inside such a run widens to the run.
//!
//! Whitespace the normaliser collapses or drops is in no piece: a span starting in it starts
//! at the next piece, one ending in it ends after the previous piece.

use unicode_normalization::UnicodeNormalization;

use super::normalize::{fold, quick_nfc, Track};
use super::script::prefix_at_char_boundary;
use super::MAX_DOCUMENT_BYTES;

/// One run of output and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    out: u32,
    out_len: u32,
    raw: u32,
    raw_len: u32,
    exact: bool,
}

/// Pieces in output order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Pieces(Vec<Piece>);

impl Track for Pieces {
    fn piece(&mut self, out: usize, len: usize, raw_start: usize, raw_end: usize, exact: bool) {
        // Neighbouring copies that are contiguous on both sides merge into one.
        if let Some(last) = self.0.last_mut() {
            if exact
                && last.exact
                && (last.out + last.out_len) as usize == out
                && (last.raw + last.raw_len) as usize == raw_start
            {
                last.out_len += len as u32;
                last.raw_len += (raw_end - raw_start) as u32;
                return;
            }
        }
        self.0.push(Piece {
            out: out as u32,
            out_len: len as u32,
            raw: raw_start as u32,
            raw_len: (raw_end - raw_start) as u32,
            exact,
        });
    }
}

impl Pieces {
    /// Where a span starting at output offset `p` starts in the source.
    fn start(&self, p: u32) -> u32 {
        let k = self.0.partition_point(|pc| pc.out <= p);
        if k == 0 {
            return self.0.first().map_or(p, |pc| pc.raw);
        }
        let pc = self.0[k - 1];
        if p < pc.out + pc.out_len {
            if pc.exact {
                pc.raw + (p - pc.out)
            } else {
                pc.raw
            }
        } else {
            // In whitespace after the piece: the next piece's start.
            self.0.get(k).map_or(pc.raw + pc.raw_len, |next| next.raw)
        }
    }

    /// Where a span ending at output offset `p` ends in the source.
    fn end(&self, p: u32) -> u32 {
        let k = self.0.partition_point(|pc| pc.out < p);
        if k == 0 {
            return self.0.first().map_or(p, |pc| pc.raw);
        }
        let pc = self.0[k - 1];
        if p <= pc.out + pc.out_len && pc.exact {
            pc.raw + (p - pc.out)
        } else {
            pc.raw + pc.raw_len
        }
    }
}

/// Maps byte offsets of a normalised text to byte offsets of the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    /// `None`: normalisation changed nothing, offsets are the same.
    folded: Option<Pieces>,
    /// Pieces of the NFC step (NFC output -> folded text), when it changed anything.
    nfc: Option<Pieces>,
}

impl OffsetMap {
    /// The map from `normalized` (what [`super::normalize::normalize`] made of `raw`) back to
    /// `raw`.
    pub fn new(raw: &str, normalized: &str) -> OffsetMap {
        let raw = prefix_at_char_boundary(raw, MAX_DOCUMENT_BYTES);
        if raw == normalized {
            return OffsetMap { folded: None, nfc: None };
        }
        let mut pieces = Pieces::default();
        let folded = fold(raw, &mut pieces);
        let nfc = (!quick_nfc(&folded)).then(|| nfc_pieces(&folded));
        OffsetMap { folded: Some(pieces), nfc }
    }

    /// The source byte range of the normalised byte range `start..end`; both ends fall on
    /// character boundaries of the source.
    pub fn map(&self, start: u32, end: u32) -> (u32, u32) {
        let (mut s, mut e) = (start, end);
        if let Some(nfc) = &self.nfc {
            (s, e) = (nfc.start(s), nfc.end(e));
        }
        if let Some(folded) = &self.folded {
            (s, e) = (folded.start(s), folded.end(e));
        }
        (s, e.max(s))
    }
}

/// NFC of `text` run by run, as pieces: an ASCII character never composes with what comes
/// before it, so the text splits before each one into runs that NFC maps independently. A run
/// NFC leaves alone is a copy; one it changes is a replacement.
fn nfc_pieces(text: &str) -> Pieces {
    let mut pieces = Pieces::default();
    let mut out = 0usize;
    let bytes = text.as_bytes();
    let mut start = 0usize;
    while start < bytes.len() {
        let mut end = start + 1;
        while end < bytes.len() && !bytes[end].is_ascii() {
            end += 1;
        }
        let run = &text[start..end];
        if quick_nfc(run) {
            pieces.piece(out, run.len(), start, end, true);
            out += run.len();
        } else {
            let composed: String = run.nfc().collect();
            pieces.piece(out, composed.len(), start, end, false);
            out += composed.len();
        }
        start = end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;
    use crate::text::normalize::normalize;

    /// The source slice of the first occurrence of `needle` in the normalised text.
    fn source_of<'r>(raw: &'r str, needle: &str) -> &'r str {
        let norm = normalize(raw);
        let at = norm.find(needle).expect("needle in the normalised text");
        let (s, e) = OffsetMap::new(raw, &norm).map(at as u32, (at + needle.len()) as u32);
        &raw[s as usize..e as usize]
    }

    #[test]
    fn identity_when_nothing_changes() {
        let raw = "Plain text.\n\nTwo paragraphs.";
        assert_eq!(source_of(raw, "Two"), "Two");
        assert_eq!(OffsetMap::new(raw, raw).map(13, 16), (13, 16));
    }

    #[test]
    fn maps_through_folded_quotes_ellipsis_crlf_and_spaces() {
        // Normalised: "\"It's\" fine... here\n\nIn today's world, caf\u{e9} life"
        let raw =
            "  \u{201C}It\u{2019}s\u{201D}   fine\u{2026} here\r\n\r\n\r\nIn today\u{2019}s world,\u{a0}caf\u{e9} life";
        assert_eq!(source_of(raw, "In today's world"), "In today\u{2019}s world");
        assert_eq!(source_of(raw, "fine..."), "fine\u{2026}");
        assert_eq!(source_of(raw, "\"It's\""), "\u{201C}It\u{2019}s\u{201D}");
        assert_eq!(source_of(raw, "world, caf\u{e9}"), "world,\u{a0}caf\u{e9}");
        assert_eq!(source_of(raw, "life"), "life");
        // A piece of a folded ellipsis widens to the whole character.
        let norm = normalize(raw);
        let dot = norm.find("...").expect("ellipsis") as u32;
        let (s, e) = OffsetMap::new(raw, &norm).map(dot + 1, dot + 2);
        assert_eq!(&raw[s as usize..e as usize], "\u{2026}");
    }

    #[test]
    fn maps_through_dropped_invisibles_and_nfc() {
        // A zero-width space dropped, then "e" + combining acute composed to "é".
        let raw = "zero\u{200B}width cafe\u{301} ok";
        assert_eq!(normalize(raw), "zerowidth caf\u{e9} ok");
        assert_eq!(source_of(raw, "zerowidth"), "zero\u{200B}width");
        assert_eq!(source_of(raw, "caf\u{e9}"), "cafe\u{301}");
        assert_eq!(source_of(raw, "ok"), "ok");
    }
}
