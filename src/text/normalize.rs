//! Text normalisation, applied once before any feature is computed, for training and scoring
//! alike. It mirrors how the shared training corpora were prepared (see
//! `../shared/datasets/README.md`), so the model never sees a cue that training lacked:
//!
//! - Unicode NFC;
//! - typographic quotes folded to ASCII (’ ‘ ‚ ‛ → `'`, “ ” „ ‟ → `"`), `…` → `...`;
//! - `\r\n` and `\r` → `\n`; other horizontal whitespace (tabs, no-break and typographic spaces,
//!   the ideographic space) → a space, runs of spaces → one space, lines trimmed;
//! - at most one empty line between paragraphs; the whole text trimmed;
//! - control characters (C0 other than newline/tab, DEL, C1) become spaces, and invisible
//!   format characters that carry no text (zero-width space, BOM, soft hyphen) are dropped;
//! - combining marks with no base character (at the start of the text or after whitespace)
//!   are dropped: they are debris, and Unicode segmentation would glue them to the space.
//!
//! Guillemets (« ») are kept: the corpora keep them too.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalise `raw` as described in the module docs.
pub fn normalize(raw: &str) -> String {
    let text = fold(raw, &mut NoTrack);
    // NFC last, so that characters brought together by dropping invisible ones compose too.
    if quick_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

/// Where each piece of normalised output came from: told by [`fold`] about every run of
/// output text it copies or replaces, in output order.
pub(crate) trait Track {
    /// Output bytes `out..out + len` came from `raw` bytes `raw_start..raw_end`; `exact` when
    /// they are the same bytes (a copy), else a replacement (`’` -> `'`, `…` -> `...`).
    fn piece(&mut self, out: usize, len: usize, raw_start: usize, raw_end: usize, exact: bool);
}

/// Tracks nothing: the scoring path, which needs no offsets.
struct NoTrack;

impl Track for NoTrack {
    #[inline(always)]
    fn piece(&mut self, _: usize, _: usize, _: usize, _: usize, _: bool) {}
}

/// Every rule of the module docs but NFC, telling `track` where each output piece came from.
pub(crate) fn fold<T: Track>(raw: &str, track: &mut T) -> String {
    let src = raw;
    let mut out =
        Normalizer { out: String::with_capacity(src.len()), pending_space: false, pending_newlines: 0, track };
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b > b' ' && b != 0x7F {
                // A run of visible ASCII words separated by single spaces is copied as it is;
                // a space at its end is left to the whitespace rules (it may end a line).
                let start = i;
                i = super::ascii::single_spaced_run_end(bytes, i);
                if bytes[i - 1] == b' ' {
                    i -= 1;
                }
                out.visible(&src[start..i], start, i, true);
                continue;
            }
            match b {
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    out.newline();
                }
                b'\n' => out.newline(),
                _ => out.pending_space = true,
            }
            i += 1;
            continue;
        }
        let c = src[i..].chars().next().unwrap_or('\u{FFFD}');
        let at = i;
        i += c.len_utf8();
        match c {
            '\u{2028}' | '\u{2029}' | '\u{0085}' => out.newline(),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => out.visible("'", at, i, false),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => out.visible("\"", at, i, false),
            '\u{2026}' => out.visible("...", at, i, false),
            '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => {}
            c if is_other_space(c) || c.is_control() => out.pending_space = true,
            c if super::uax29::is_extend(c)
                && (out.out.is_empty() || out.pending_space || out.pending_newlines > 0) => {}
            c => {
                let mut buf = [0u8; 4];
                out.visible(c.encode_utf8(&mut buf), at, i, true);
            }
        }
    }
    out.out
}

/// Is `text` NFC by the quick check? ASCII is always NFC and the check decodes every
/// character, so only the runs of other characters are checked: an ASCII character is a
/// starter that is NFC on its own and resets the check's state, so runs are independent.
pub(crate) fn quick_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = super::ascii::first_non_ascii(bytes);
    while i < bytes.len() {
        let end = bytes[i..].iter().position(u8::is_ascii).map_or(bytes.len(), |k| i + k);
        if is_nfc_quick(text[i..end].chars()) != IsNormalized::Yes {
            return false;
        }
        i = super::ascii::next_non_ascii(bytes, end);
    }
    true
}

/// Output with pending whitespace: spaces and newlines are only written before the next
/// visible character, which trims lines and collapses runs in one pass.
struct Normalizer<'t, T: Track> {
    out: String,
    pending_space: bool,
    pending_newlines: usize,
    track: &'t mut T,
}

impl<T: Track> Normalizer<'_, T> {
    fn newline(&mut self) {
        self.pending_newlines += 1;
        self.pending_space = false;
    }

    /// Write `s`, which stands for `raw[raw_start..raw_end]` (`exact`: the same bytes).
    #[inline]
    fn visible(&mut self, s: &str, raw_start: usize, raw_end: usize, exact: bool) {
        if !self.out.is_empty() {
            if self.pending_newlines >= 2 {
                self.out.push_str("\n\n");
            } else if self.pending_newlines == 1 {
                self.out.push('\n');
            } else if self.pending_space {
                self.out.push(' ');
            }
        }
        self.pending_newlines = 0;
        self.pending_space = false;
        self.track.piece(self.out.len(), s.len(), raw_start, raw_end, exact);
        self.out.push_str(s);
    }
}

/// Unicode spaces other than ASCII space and tab (no-break, en/em, thin, ideographic, ...).
fn is_other_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{000B}' | '\u{000C}'
    )
}

#[cfg(test)]
mod tests {
    use super::{is_nfc_quick, normalize, quick_nfc, IsNormalized};

    #[test]
    fn folds_quotes_and_ellipsis() {
        assert_eq!(normalize("\u{201C}It\u{2019}s fine\u{2026}\u{201D}"), "\"It's fine...\"");
        assert_eq!(normalize("\u{201E}Gut\u{201C}"), "\"Gut\"");
    }

    #[test]
    fn keeps_guillemets() {
        assert_eq!(normalize("« oui »"), "« oui »");
    }

    #[test]
    fn collapses_whitespace_and_blank_lines() {
        let raw = "  Title\t \r\n\r\n\r\n\n First  line \u{00A0}here\nsecond\u{3000}line  \n\n\n";
        assert_eq!(normalize(raw), "Title\n\nFirst line here\nsecond line");
    }

    #[test]
    fn drops_invisible_and_controls() {
        assert_eq!(normalize("a\u{200B}b\u{0000}c\u{FEFF}"), "ab c");
    }

    #[test]
    fn drops_orphan_combining_marks() {
        assert_eq!(normalize("\u{0301}a \u{0301}b"), "a b");
        assert_eq!(normalize("e\u{0301}"), "\u{00E9}");
    }

    #[test]
    fn composes_across_dropped_invisible_characters() {
        // Found by proptest: "g", zero-width space, combining acute.
        assert_eq!(normalize("g\u{200B}\u{0301}"), "\u{01F5}");
    }

    #[test]
    fn applies_nfc() {
        // "e" + combining acute accent becomes the precomposed "é".
        assert_eq!(normalize("caf\u{0065}\u{0301}"), "caf\u{00E9}");
    }

    #[test]
    fn run_by_run_quick_check_agrees_with_the_whole_text() {
        // Every pair of pieces: ASCII, precomposed, a decomposed accent (Maybe), marks out of
        // canonical order (No), Hangul jamo (Maybe), CJK.
        let pieces = [
            "ab ",
            "\u{e9}",
            "e\u{301}",
            "a\u{301}\u{323}",
            "\u{323}\u{301}",
            "\u{1100}\u{1161}",
            "\u{65e5}",
            "\u{2014}",
        ];
        for a in pieces {
            for b in pieces {
                for text in [format!("{a}{b}"), format!("{a} {b}"), format!("{a}x{b}y")] {
                    let whole = is_nfc_quick(text.chars()) == IsNormalized::Yes;
                    assert_eq!(quick_nfc(&text), whole, "{text:?}");
                }
            }
        }
        assert!(quick_nfc("plain \u{e9}t\u{e9} \u{2014} text"));
        assert!(!quick_nfc("plain e\u{301} text"));
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\t\r\n "), "");
    }
}
