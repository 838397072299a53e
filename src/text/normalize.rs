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
//!   format characters that carry no text (zero-width space, BOM, soft hyphen) are dropped.
//!
//! Guillemets (« ») are kept: the corpora keep them too.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalise `raw` as described in the module docs.
pub fn normalize(raw: &str) -> String {
    let nfc;
    let src: &str = match is_nfc_quick(raw.chars()) {
        IsNormalized::Yes => raw,
        _ => {
            nfc = raw.nfc().collect::<String>();
            &nfc
        }
    };
    let mut out = String::with_capacity(src.len());
    // Pending whitespace is only emitted before the next visible character, which trims lines
    // and collapses runs in one pass.
    let mut pending_space = false;
    let mut pending_newlines = 0usize;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        let mapped = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                Mapped::Newline
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Mapped::Newline,
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Mapped::Char('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => Mapped::Char('"'),
            '\u{2026}' => Mapped::Str("..."),
            '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => Mapped::Drop,
            c if c == ' ' || c == '\t' || is_other_space(c) || c.is_control() => Mapped::Space,
            c => Mapped::Char(c),
        };
        match mapped {
            Mapped::Drop => {}
            Mapped::Space => pending_space = true,
            Mapped::Newline => {
                pending_newlines += 1;
                pending_space = false;
            }
            Mapped::Char(_) | Mapped::Str(_) => {
                if !out.is_empty() {
                    if pending_newlines >= 2 {
                        out.push_str("\n\n");
                    } else if pending_newlines == 1 {
                        out.push('\n');
                    } else if pending_space {
                        out.push(' ');
                    }
                }
                pending_newlines = 0;
                pending_space = false;
                match mapped {
                    Mapped::Char(c) => out.push(c),
                    Mapped::Str(s) => out.push_str(s),
                    _ => {}
                }
            }
        }
    }
    out
}

enum Mapped {
    Char(char),
    Str(&'static str),
    Space,
    Newline,
    Drop,
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
    use super::normalize;

    #[test]
    fn folds_quotes_and_ellipsis() {
        assert_eq!(
            normalize("\u{201C}It\u{2019}s fine\u{2026}\u{201D}"),
            "\"It's fine...\""
        );
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
    fn applies_nfc() {
        // "e" + combining acute accent becomes the precomposed "é".
        assert_eq!(normalize("caf\u{0065}\u{0301}"), "caf\u{00E9}");
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\t\r\n "), "");
    }
}
