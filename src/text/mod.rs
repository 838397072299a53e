//! Text analysis, computed once per article and shared by every feature: normalisation, lines,
//! paragraphs, tokens, sentences, interned lowercase words, scripts and language.
//!
//! Takes raw text; returns a [`Document`]. It never panics on any input and never looks at
//! anything but the text. The bottom layer: it knows nothing of features, models or outputs
//! (it reads only word-list data), and caches only facts of the text itself (its character
//! count, sentence word ranges); the work features share is cached on the features side.

pub(crate) mod ascii;
pub mod language;
pub mod normalize;
pub mod offsets;
pub mod script;
pub mod segment;
pub mod syllables;
pub(crate) mod uax29;

pub use language::Language;
pub use offsets::OffsetMap;
pub use script::{Script, ScriptCounts};
pub use segment::{Sentence, Token, TokenKind};

use std::cell::OnceCell;

/// A byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Start byte offset.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
}

impl Span {
    /// As a `usize` range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Texts longer than this are cut (at a char boundary) so that offsets fit in `u32`. Inputs
/// skip articles over `--max-article-bytes` (default 16 MiB) long before this.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 30;

/// One analysed article.
#[derive(Debug)]
pub struct Document {
    text: String,
    lower: String,
    ascii: bool,
    lines: Vec<Span>,
    paragraphs: Vec<Span>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// Token indices of words (words and numbers), in order.
    words: Vec<u32>,
    /// Interned lowercase form of each word in `words`.
    word_ids: Vec<u32>,
    /// Occurrences of each interned word.
    word_freq: Vec<u32>,
    /// Index (into `words`) of the first occurrence of each interned word.
    word_first: Vec<u32>,
    scripts: ScriptCounts,
    /// The dominant script of each paragraph.
    paragraph_scripts: Vec<Option<Script>>,
    dominant: Option<Script>,
    language: Language,
    cache: TextCache,
}

/// Facts of the text computed on first use.
#[derive(Debug, Default)]
struct TextCache {
    char_count: OnceCell<usize>,
    continuations: OnceCell<Vec<u32>>,
    sentence_words: OnceCell<Vec<(u32, u32)>>,
}

impl Document {
    /// Normalise and analyse `raw`.
    pub fn new(raw: &str) -> Document {
        let raw = script::prefix_at_char_boundary(raw, MAX_DOCUMENT_BYTES);
        let text = normalize::normalize(raw);
        let ascii = text.is_ascii();
        let lower = aligned_lowercase(&text, ascii);
        let lines = split_spans(&text, "\n");
        let paragraphs = split_spans(&text, "\n\n");
        let tokens = segment::tokenize(&text);
        let sentences = segment::sentences(&text, &tokens);
        let (words, word_ids, word_freq, word_first) = intern_words(&lower, &tokens);
        // Every letter is in a paragraph: the text's counts are the sum of theirs.
        let mut scripts = ScriptCounts::default();
        let paragraph_scripts = paragraphs
            .iter()
            .map(|p| {
                let counts = ScriptCounts::of(&text[p.range()]);
                scripts.add(&counts);
                counts.dominant()
            })
            .collect();
        let dominant = scripts.dominant();
        let vocab = word_first.iter().zip(&word_freq).map(|(&w, &f)| {
            let t = tokens[words[w as usize] as usize];
            (language::packed_at(lower.as_bytes(), t.start as usize, t.end as usize), f)
        });
        let language =
            language::detect(&scripts, paragraphs.iter().map(|p| &text[p.range()]), vocab, words.len() as u32);
        Document {
            text,
            lower,
            ascii,
            lines,
            paragraphs,
            tokens,
            sentences,
            words,
            word_ids,
            word_freq,
            word_first,
            scripts,
            paragraph_scripts,
            dominant,
            language,
            cache: TextCache::default(),
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalised text lowercased, with the same byte offsets as [`Document::text`]
    /// (characters whose lowercase form has another length are kept as they are).
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Whether the text is pure ASCII (then bytes and characters coincide).
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Length of the normalised text in Unicode code points.
    pub fn char_count(&self) -> usize {
        *self.cache.char_count.get_or_init(|| if self.ascii { self.text.len() } else { self.text.chars().count() })
    }

    /// A counter of the characters in byte ranges of the text taken in order (see
    /// [`CharCounter`]).
    pub(crate) fn char_counter(&self) -> CharCounter<'_> {
        let continuations = self.cache.continuations.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut out = Vec::new();
            let mut i = if self.ascii { bytes.len() } else { ascii::first_non_ascii(bytes) };
            while i < bytes.len() {
                if bytes[i] < 0x80 {
                    i = ascii::next_non_ascii(bytes, i);
                    continue;
                }
                if bytes[i] & 0xC0 == 0x80 {
                    out.push(i as u32);
                }
                i += 1;
            }
            out
        });
        CharCounter { continuations, next: 0 }
    }

    /// Characters in `s` (fast for ASCII documents).
    #[inline]
    pub fn chars_in(&self, s: &str) -> usize {
        if self.ascii {
            s.len()
        } else {
            s.chars().count()
        }
    }

    /// Non-empty lines.
    pub fn lines(&self) -> &[Span] {
        &self.lines
    }

    /// Paragraphs (separated by blank lines).
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// The text of a span.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// All tokens, punctuation and symbols included.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The text of a token.
    #[inline]
    pub fn token_text(&self, t: &Token) -> &str {
        &self.text[t.range()]
    }

    /// Sentences.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text[s.start as usize..s.end as usize]
    }

    /// Number of words (tokens with a letter or a digit).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The word tokens, in order.
    #[inline]
    pub fn words(&self) -> impl ExactSizeIterator<Item = &Token> + '_ {
        self.words.iter().map(|&i| &self.tokens[i as usize])
    }

    /// Token indices of the words.
    pub fn word_token_indices(&self) -> &[u32] {
        &self.words
    }

    /// The lowercase text of the `i`-th word.
    #[inline]
    pub fn word_lower(&self, i: usize) -> &str {
        &self.lower[self.tokens[self.words[i] as usize].range()]
    }

    /// Interned lowercase ids of the words (equal ids = same lowercase word).
    pub fn word_ids(&self) -> &[u32] {
        &self.word_ids
    }

    /// Occurrences of each interned word id.
    pub fn word_freq(&self) -> &[u32] {
        &self.word_freq
    }

    /// The lowercase text of interned word `id`.
    #[inline]
    pub fn vocab_word(&self, id: u32) -> &str {
        &self.lower[self.vocab_range(id)]
    }

    /// Byte range of the first occurrence of interned word `id` (in [`Document::lower`]).
    #[inline]
    pub fn vocab_range(&self, id: u32) -> std::ops::Range<usize> {
        self.tokens[self.words[self.word_first[id as usize] as usize] as usize].range()
    }

    /// The words of every sentence, in order, as `(start, end)` indices into
    /// [`Document::words`] (cached: found in one walk over sentences and words together).
    pub fn sentence_word_ranges(&self) -> &[(u32, u32)] {
        self.cache.sentence_words.get_or_init(|| {
            let words = &self.words;
            let mut w = 0usize;
            let mut skip_to = |token: u32| {
                while w < words.len() && words[w] < token {
                    w += 1;
                }
                w as u32
            };
            self.sentences.iter().map(|s| (skip_to(s.first_token), skip_to(s.end_token))).collect()
        })
    }

    /// Letter counts per script.
    pub fn scripts(&self) -> &ScriptCounts {
        &self.scripts
    }

    /// The script with the most letters, `None` without letters.
    pub fn dominant_script(&self) -> Option<Script> {
        self.dominant
    }

    /// Whether words are separated by spaces (false for Chinese, Japanese, Thai and for texts
    /// without letters), which word-based metrics require.
    pub fn is_space_separated(&self) -> bool {
        self.dominant.is_some_and(|s| !s.is_unspaced())
    }

    /// The detected language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The dominant script of each paragraph (`None` for paragraphs without letters).
    pub fn paragraph_scripts(&self) -> &[Option<Script>] {
        &self.paragraph_scripts
    }
}

/// Counts the characters of byte ranges of a text, taken with non-decreasing starts: a range's
/// bytes less the bytes in it that continue a character. The text's continuation bytes are
/// listed once and passed over in step with the ranges, so a token of a text with a dash or an
/// accent here and there costs no decoding, and one of an ASCII text two comparisons.
pub(crate) struct CharCounter<'a> {
    /// Offsets of the text's bytes that continue a character (`0b10xxxxxx`), in order.
    continuations: &'a [u32],
    /// The first of them not before the last range's start.
    next: usize,
}

impl CharCounter<'_> {
    /// Characters in `start..end` (a range of whole characters; `start` not below the last
    /// call's).
    #[inline]
    pub(crate) fn chars(&mut self, start: u32, end: u32) -> usize {
        let c = self.continuations;
        // Every continuation byte passed over so far lies before this range.
        debug_assert!(self.next == 0 || c[self.next - 1] < start, "ranges out of order");
        while self.next < c.len() && c[self.next] < start {
            self.next += 1;
        }
        let mut k = self.next;
        while k < c.len() && c[k] < end {
            k += 1;
        }
        (end - start) as usize - (k - self.next)
    }
}

/// Lowercase `text` keeping byte offsets: a character whose lowercase form has another UTF-8
/// length or several characters (rare: 'İ', 'ẞ') is kept as it is.
fn aligned_lowercase(text: &str, ascii: bool) -> String {
    if ascii {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for piece in script::ascii_runs_and_chars(text) {
        match piece {
            script::Piece::Ascii(run) => {
                let at = out.len();
                out.push_str(run);
                out[at..].make_ascii_lowercase();
            }
            script::Piece::Other(c) => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                    _ => out.push(c),
                }
            }
        }
    }
    out
}

/// Spans of the pieces of `text` between `sep` (`"\n"` or `"\n\n"`), empty pieces dropped,
/// pieces trimmed. The text is normalised, so runs of newlines are at most two long.
fn split_spans(text: &str, sep: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    // At most one piece per line: the room is made once (a count of line breaks is a fast
    // SIMD pass), not by doubling.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut push = |s: usize, e: usize| {
        let piece = &text[s..e];
        let start = s + (piece.len() - piece.trim_start().len());
        let end = s + piece.trim_end().len();
        if end > start {
            out.push(Span { start: start as u32, end: end as u32 });
        }
    };
    let mut start = 0;
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'\n', &bytes[from..]) {
        let i = from + p;
        if sep == "\n" || bytes.get(i + 1) == Some(&b'\n') {
            push(start, i);
            start = i + sep.len();
            from = start;
        } else {
            from = i + 1;
        }
    }
    push(start, bytes.len());
    out
}

/// Intern the lowercase words: returns word token indices, their ids, the id frequencies and
/// the first occurrence of each id.
///
/// An open-addressing table of ids keyed by each word's [`word_key`]: a word of up to sixteen
/// bytes is its bytes and length, so equal keys and lengths mean equal words without comparing
/// strings; a longer word's key is a hash, confirmed by comparing the bytes.
fn intern_words(lower: &str, tokens: &[Token]) -> (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>) {
    let bytes = lower.as_bytes();
    // At most one distinct word per token: the table stays at most half full.
    let bits = (2 * tokens.len()).max(16).next_power_of_two().trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut table: Vec<u32> = vec![u32::MAX; 1 << bits];
    let mut words = Vec::with_capacity(tokens.len());
    let mut ids = Vec::with_capacity(tokens.len());
    // Prose has about one word per two tokens and one distinct word per two words.
    let distinct = tokens.len() / 4;
    let mut freq: Vec<u32> = Vec::with_capacity(distinct);
    let mut first: Vec<u32> = Vec::with_capacity(distinct);
    // Per id: key, and the span of its first occurrence.
    let mut keys: Vec<[u64; 2]> = Vec::with_capacity(distinct);
    let mut spans: Vec<Span> = Vec::with_capacity(distinct);
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let (start, end) = (t.start as usize, t.end as usize);
        let key = word_key(bytes, start, end);
        let mixed = key[0].wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ key[1].wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        let mut slot = (mixed >> (64 - bits)) as usize;
        let id = loop {
            let id = table[slot];
            if id == u32::MAX {
                let id = keys.len() as u32;
                table[slot] = id;
                keys.push(key);
                spans.push(Span { start: t.start, end: t.end });
                freq.push(0);
                first.push(words.len() as u32);
                break id;
            }
            let seen = spans[id as usize];
            if keys[id as usize] == key
                && seen.end - seen.start == t.end - t.start
                && (end - start <= 16 || bytes[seen.range()] == bytes[start..end])
            {
                break id;
            }
            slot = (slot + 1) & mask;
        };
        freq[id as usize] += 1;
        words.push(i as u32);
        ids.push(id);
    }
    (words, ids, freq, first)
}

/// A word of up to sixteen bytes read as two integers (distinct for distinct words of the
/// same length); a longer word's Fx hash.
#[inline]
fn word_key(bytes: &[u8], start: usize, end: usize) -> [u64; 2] {
    if let Some(key) = ascii::load_padded16(bytes, start, end) {
        return key;
    }
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(&bytes[start..end]);
    [h.finish(), 0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_has_one_id_wherever_it_is() {
        // Words of 1, 11, 15 and 21 bytes, again at the very end (where their bytes are read
        // another way).
        let doc = Document::new(
            "a abracadabra extraordinarily incomprehensibilities a abracadabra extraordinarily incomprehensibilities",
        );
        let ids = doc.word_ids();
        assert_eq!(ids, &[0, 1, 2, 3, 0, 1, 2, 3]);
        assert_eq!(doc.word_freq(), &[2, 2, 2, 2]);
        let doc = Document::new("unbelievable believable unbelievable");
        assert_eq!(doc.word_ids(), &[0, 1, 0]);
    }

    #[test]
    fn lines_paragraphs_sentences_words() {
        let doc = Document::new("Title here\n\nThe cat sat. The cat ran!\nA new line\n\nLast one.");
        assert_eq!(doc.lines().len(), 4);
        assert_eq!(doc.paragraphs().len(), 3);
        assert_eq!(doc.sentences().len(), 5);
        assert_eq!(doc.word_count(), 13);
        // "the" and "cat" occur twice each.
        let the = doc.word_ids()[2];
        assert_eq!(doc.word_freq()[the as usize], 2);
        assert_eq!(doc.word_lower(2), "the");
    }

    #[test]
    fn interning_matches_a_string_map() {
        // Words of every length around the eight-byte key switch, prefixes of each other,
        // repeated, and non-ASCII ones.
        let mut text = String::new();
        for round in 0..3 {
            for len in 1..=20 {
                text.push_str(&"abcdefghijklmnopqrstuvwxyz"[..len]);
                text.push(' ');
                text.push_str(&format!("w{}x{round} ", len * 7));
            }
            text.push_str("Straße straße éé ééé été Été 日本語 2024 ");
        }
        let doc = Document::new(&text);
        let mut naive: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        let mut freq: Vec<u32> = Vec::new();
        for k in 0..doc.word_count() {
            let w = doc.word_lower(k);
            let next = naive.len() as u32;
            let id = *naive.entry(w).or_insert(next);
            if id == next {
                freq.push(0);
            }
            freq[id as usize] += 1;
            assert_eq!(doc.word_ids()[k], id, "word {k} {w:?}");
        }
        assert_eq!(doc.word_freq(), &freq[..]);
        // 20 prefixes, 60 "w..x.." words, straße, éé, ééé, été, 日, 本, 語 (one word per
        // ideograph) and 2024.
        assert_eq!(naive.len(), 20 + 20 * 3 + 8);
    }

    #[test]
    fn char_counter_counts_ranges_in_order() {
        let doc = Document::new("Stra\u{df}e \u{2014} d\u{e9}j\u{e0} vu, \u{65e5}\u{672c} \u{1f642} end.");
        let mut counter = doc.char_counter();
        for t in doc.tokens() {
            assert_eq!(counter.chars(t.start, t.end), doc.token_text(t).chars().count(), "{t:?}");
        }
        // Ranges may overlap and repeat a start; an empty range has no characters.
        let mut counter = doc.char_counter();
        assert_eq!(counter.chars(0, 7), 6); // "Straße"
        assert_eq!(counter.chars(0, 11), 8); // "Straße —"
        assert_eq!(counter.chars(4, doc.text().len() as u32), 23); // "ße — déjà vu, 日本 🙂 end."
        assert_eq!(counter.chars(40, 40), 0);
        let ascii = Document::new("plain text");
        assert_eq!(ascii.char_counter().chars(0, 10), 10);
    }

    #[test]
    fn lowercase_keeps_offsets() {
        let doc = Document::new("İstanbul ÄRGER Straße");
        assert_eq!(doc.lower().len(), doc.text().len());
        assert!(doc.lower().contains("ärger"));
    }

    #[test]
    fn sentence_words_range() {
        let doc = Document::new("One two. Three, four five.");
        assert_eq!(doc.sentence_word_ranges(), [(0, 2), (2, 5)]);
        // Sentences without words ("..." and "!!") get empty ranges at the right place: the
        // words whose tokens lie in the sentence's token range, found by binary search.
        let doc = Document::new("... One. !! Two three? \u{2014}");
        let words = doc.word_token_indices();
        let ranges: Vec<(u32, u32)> = doc
            .sentences()
            .iter()
            .map(|s| {
                let at = |token: u32| words.partition_point(|&t| t < token) as u32;
                (at(s.first_token), at(s.end_token))
            })
            .collect();
        assert_eq!(doc.sentence_word_ranges(), ranges);
        assert!(ranges.iter().any(|(a, b)| a == b), "{ranges:?}");
        assert_eq!(Document::new("").sentence_word_ranges(), []);
    }

    #[test]
    fn japanese_is_not_space_separated() {
        let doc = Document::new("今日は晴れです。明日は雨ですか？");
        assert!(!doc.is_space_separated());
        assert_eq!(doc.language().code, "ja");
        assert_eq!(doc.sentences().len(), 2);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for raw in ["", " ", "\n\n\n", "🙂🙂🙂", "...", "a", "\u{0000}\u{0007}", "ab\u{0301}c"] {
            let doc = Document::new(raw);
            assert!(doc.char_count() <= raw.chars().count() + 2);
        }
    }

    #[test]
    fn script_counts_are_the_sum_of_the_paragraphs() {
        let raw = "Title \u{e9}t\u{e9}\n\n  \u{65e5}\u{672c}\u{8a9e}\u{306f} ok\u{3000}\n\n\u{0416}\u{0443}\u{043a} 42 \u{1f642}\n \n";
        let doc = Document::new(raw);
        assert_eq!(doc.scripts(), &ScriptCounts::of(doc.text()));
        assert_eq!(doc.scripts().get(Script::Latin), 10); // Title, été, ok
        assert_eq!(doc.paragraph_scripts(), [Some(Script::Latin), Some(Script::Kana), Some(Script::Cyrillic)]);
    }
}
