//! Writing systems. Scripts are counted per letter over the whole text; the dominant script
//! decides whether word-based metrics apply (they do not for Chinese or Japanese, which are
//! written without spaces) and which language detector runs (see `language`).

/// A writing system, as far as chaff needs to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// Latin letters (English, German, French, Spanish, ...).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic.
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Devanagari.
    Devanagari,
    /// Han ideographs (Chinese characters, Japanese kanji).
    Han,
    /// Japanese hiragana and katakana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Thai.
    Thai,
    /// Any other letter.
    Other,
}

impl Script {
    /// Scripts written without spaces between words, where word counts are meaningless.
    pub fn is_unspaced(self) -> bool {
        matches!(self, Script::Han | Script::Kana | Script::Thai)
    }

    /// Han, kana and Hangul: the CJK scripts.
    pub fn is_cjk(self) -> bool {
        matches!(self, Script::Han | Script::Kana | Script::Hangul)
    }
}

/// The script of a letter, or `None` for digits, punctuation, symbols and spaces.
pub(crate) fn script_of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    let u = c as u32;
    let s = match u {
        0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            Script::Latin
        }
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F => Script::Devanagari,
        0x0E00..=0x0E7F => Script::Thai,
        0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Script::Han,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    };
    // Combining marks and modifier letters in the ranges above are letters of that script;
    // anything that is not alphabetic (e.g. CJK punctuation) has no script.
    if matches!(s, Script::Kana) && (u == 0x30FB || u == 0x30A0) {
        return None;
    }
    Some(s)
}

/// Letter counts per script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScriptCounts {
    counts: [u32; 11],
}

/// A piece of text: a run of ASCII, or one other character.
pub(crate) enum Piece<'a> {
    Ascii(&'a str),
    Other(char),
}

/// `text` as maximal ASCII runs and the single characters between them, so that mostly-ASCII
/// text (an em dash here and there) is handled a run at a time and only the rest is decoded.
pub(crate) fn ascii_runs_and_chars(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    let mut pending: Option<char> = None;
    std::iter::from_fn(move || {
        if let Some(c) = pending.take() {
            return Some(Piece::Other(c));
        }
        if rest.is_empty() {
            return None;
        }
        let run = ascii_prefix_len(rest.as_bytes());
        let (ascii, tail) = rest.split_at(run);
        let mut chars = tail.chars();
        pending = chars.next();
        rest = chars.as_str();
        if ascii.is_empty() {
            pending.take().map(Piece::Other)
        } else {
            Some(Piece::Ascii(ascii))
        }
    })
}

/// Length of the ASCII prefix of `b`, eight bytes at a time.
fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    i + b[i..].iter().position(|&x| x >= 0x80).unwrap_or(b.len() - i)
}

impl ScriptCounts {
    /// Count the letters of `text`.
    pub fn of(text: &str) -> Self {
        let mut sc = ScriptCounts::default();
        for piece in ascii_runs_and_chars(text) {
            match piece {
                Piece::Ascii(run) => {
                    sc.counts[Script::Latin as usize] += super::ascii::count_ascii_letters(run.as_bytes()) as u32;
                }
                Piece::Other(c) => {
                    if let Some(s) = script_of(c) {
                        sc.counts[s as usize] += 1;
                    }
                }
            }
        }
        sc
    }

    /// Add the counts of `other`.
    pub fn add(&mut self, other: &ScriptCounts) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
    }

    /// Letters in script `s`.
    pub fn get(&self, s: Script) -> u32 {
        self.counts[s as usize]
    }

    /// All letters.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The script with the most letters; Kana and Han count together as Japanese when kana are
    /// present, since Japanese mixes both. `None` when there are no letters.
    pub fn dominant(&self) -> Option<Script> {
        let mut best: Option<(Script, u32)> = None;
        for s in ALL_SCRIPTS {
            let mut n = self.get(s);
            if s == Script::Kana && n > 0 {
                n += self.get(Script::Han);
            }
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

const ALL_SCRIPTS: [Script; 11] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Devanagari,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Thai,
    Script::Other,
];

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub fn prefix_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_runs_and_chars_splits_at_each_other_character() {
        let pieces: Vec<String> = ascii_runs_and_chars("a b\u{2014}\u{e9}c")
            .map(|p| match p {
                Piece::Ascii(r) => format!("A:{r}"),
                Piece::Other(c) => format!("O:{c}"),
            })
            .collect();
        assert_eq!(pieces, ["A:a b", "O:\u{2014}", "O:\u{e9}", "A:c"]);
        assert_eq!(ascii_runs_and_chars("").count(), 0);
        for (text, n) in [("", 0), ("abc", 3), ("abcdefgh\u{e9}", 8), ("abcdefghij\u{e9}k", 10), ("\u{e9}", 0)] {
            assert_eq!(ascii_prefix_len(text.as_bytes()), n, "{text}");
        }
    }

    #[test]
    fn scripts_of_letters() {
        assert_eq!(script_of('a'), Some(Script::Latin));
        assert_eq!(script_of('ß'), Some(Script::Latin));
        assert_eq!(script_of('ж'), Some(Script::Cyrillic));
        assert_eq!(script_of('の'), Some(Script::Kana));
        assert_eq!(script_of('日'), Some(Script::Han));
        assert_eq!(script_of('한'), Some(Script::Hangul));
        assert_eq!(script_of('7'), None);
        assert_eq!(script_of('。'), None);
        assert_eq!(script_of('🙂'), None);
    }

    #[test]
    fn japanese_counts_kana_with_kanji() {
        // 3 kanji + 4 kana: Japanese, not Chinese, even though Han is the largest single script.
        let c = ScriptCounts::of("日本語はむずかしい");
        assert_eq!(c.get(Script::Han), 3);
        assert_eq!(c.dominant(), Some(Script::Kana));
    }
}
