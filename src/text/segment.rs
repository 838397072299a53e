//! Segmentation of normalised text into tokens (UAX #29 word boundaries) and sentences
//! (UAX #29 sentence boundaries, plus fixes for abbreviations and initials that the Unicode
//! rules split on: "Dr. Smith", "John F. Kennedy", "the U.S. Senate", "e.g. Paris").
//! CJK terminators (。！？) are sentence terminators in UAX #29 and need no special case.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter ("word", "don't", "U.S", "日").
    Word,
    /// Digits without letters ("42", "1.5", "2,000").
    Number,
    /// Punctuation (". , ; : ! ? ' \" ( ) - $ # « » 。").
    Punct,
    /// Anything else visible: emoji, non-ASCII currency and math symbols (€, ©, ±).
    Symbol,
}

/// A token: a non-whitespace UAX #29 word-boundary segment, as byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
    /// A word or a number: what "words" counts.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A sentence: byte offsets (trimmed) and the range of its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte offset.
    pub start: u32,
    /// End byte offset (exclusive), trailing whitespace excluded.
    pub end: u32,
    /// Index of its first token.
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

/// Classify one segment.
fn classify(seg: &str) -> TokenKind {
    let mut has_digit = false;
    let mut all_punct = true;
    for c in seg.chars() {
        if c.is_alphabetic() {
            return TokenKind::Word;
        }
        if c.is_numeric() {
            has_digit = true;
        }
        if !is_punct(c) {
            all_punct = false;
        }
    }
    if has_digit {
        TokenKind::Number
    } else if all_punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// Punctuation: every ASCII punctuation character (as Python's `string.punctuation`, which
/// the Gopher rules use, so `$ % # @` are punctuation too), general and CJK punctuation,
/// guillemets, inverted marks.
pub(crate) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c as u32,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF
        | 0x2010..=0x2027 | 0x2030..=0x205E
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x30FB
        | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20
        | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
}

/// Split `text` into tokens (whitespace segments dropped).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    super::uax29::word_segments(
        text,
        // Called once per token. The compiler left it out of line; inlined, tokenising takes
        // 7 % fewer instructions.
        #[inline(always)]
        |start, end| {
            // Segments are never empty; slicing (with its boundary checks) only when needed.
            let first = bytes.get(start).copied().unwrap_or(0);
            let kind = if first.is_ascii_alphabetic() {
                TokenKind::Word
            } else if end - start == 1 && first < 0x80 {
                // One ASCII character: what `classify` would find, without decoding.
                if first.is_ascii_digit() {
                    TokenKind::Number
                } else if first.is_ascii_punctuation() {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                }
            } else {
                classify(&text[start..end])
            };
            tokens.push(Token { start: start as u32, end: end as u32, kind });
        },
    );
    tokens
}

/// Titles and Latin abbreviations after which a sentence never ends in practice.
const ALWAYS_CONTINUE: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "mt", "ft", "rev",
    "hon", "pres", "vs", "e.g", "i.e", "cf", "approx", "no", "nos", "fig", "figs", "vol", "pp", "hr", "herr", "frau",
    "z.b", "bzw", "ca", "usw", "mme", "mlle", "sr", "sra", "srta", "dra", "ee.uu",
];

/// Words that commonly open a sentence: after an acronym like "U.S." they mean a new sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "in",
    "on",
    "at",
    "as",
    "if",
    "when",
    "while",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "after",
    "since",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "for",
    "what",
    "why",
    "how",
    "who",
    "one",
    "some",
    "many",
    "most",
];

/// Split `text` into sentences and assign `tokens` to them.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    // The segments are trimmed, merged and kept in place (`w` spans kept so far).
    let mut spans = super::uax29::sentence_segments(text);
    let mut w = 0usize;
    for r in 0..spans.len() {
        let (start, end) = spans[r];
        let seg = &text[start..end];
        let trimmed_end = start + seg.trim_end().len();
        let lead = seg.len() - seg.trim_start().len();
        let s = start + lead;
        if s >= trimmed_end {
            continue;
        }
        let body = &text[s..trimmed_end];
        // A segment without letters or digits (a lone "..." or ")") belongs to the previous one.
        if w > 0 && !body.chars().any(char::is_alphanumeric) && !text[spans[w - 1].1..s].contains('\n') {
            spans[w - 1].1 = trimmed_end;
            continue;
        }
        spans[w] = (s, trimmed_end);
        w += 1;
    }
    spans.truncate(w);
    merge_abbreviations(text, &mut spans);
    assign_tokens(&spans, tokens)
}

/// Undo sentence breaks that UAX #29 makes after abbreviations and initials (in place).
fn merge_abbreviations(text: &str, spans: &mut Vec<(usize, usize)>) {
    let mut w = 0usize;
    for r in 0..spans.len() {
        let (s, e) = spans[r];
        if w > 0 {
            let last = spans[w - 1];
            if !text[last.1..s].contains('\n') && continues_after(&text[last.0..last.1], &text[s..e]) {
                spans[w - 1].1 = e;
                continue;
            }
        }
        spans[w] = (s, e);
        w += 1;
    }
    spans.truncate(w);
}

/// Does a sentence that ends like `prev` continue into `next`?
fn continues_after(prev: &str, next: &str) -> bool {
    let Some(body) = prev.strip_suffix('.') else {
        return false;
    };
    // The last whitespace-separated word before the final period, without leading punctuation.
    let word = body.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"').next().unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // The entries are lowercase ASCII: an ASCII word is compared without lowercasing it.
    let always = if word.is_ascii() {
        ALWAYS_CONTINUE.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ALWAYS_CONTINUE.contains(&word.to_lowercase().as_str())
    };
    if always {
        return true;
    }
    let mut chars = word.chars();
    // A single capital letter: an initial ("John F. Kennedy").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // An acronym with inner periods ("U.S", "U.K", "D.C"): continue unless the next word is a
    // usual sentence opener ("... in the U.S. The report ...").
    let is_acronym =
        word.contains('.') && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    if is_acronym {
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        return !SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    false
}

fn assign_tokens(spans: &[(usize, usize)], tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(spans.len());
    let mut t = 0usize;
    for &(s, e) in spans {
        while t < tokens.len() && (tokens[t].start as usize) < s {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && (tokens[t].end as usize) <= e {
            t += 1;
        }
        out.push(Sentence { start: s as u32, end: e as u32, first_token: first as u32, end_token: t as u32 });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        sentences(text, &toks).iter().map(|s| &text[s.start as usize..s.end as usize]).collect()
    }

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (&text[t.range()], t.kind)).collect()
    }

    /// The one-byte fast path of `tokenize` gives every ASCII character the kind `classify`
    /// gives it: digits are numbers, `$`, `+`, `|` punctuation, control characters symbols.
    #[test]
    fn one_ascii_character_is_classified_as_by_classify() {
        let mut kinds = Vec::new();
        for b in (0u8..0x80).filter(|b| !b.is_ascii_whitespace()) {
            let text = (b as char).to_string();
            let toks = tokenize(&text);
            assert_eq!(toks.len(), 1, "{b:#x}");
            assert_eq!(toks[0].kind, classify(&text), "{b:#x}");
            kinds.push(toks[0].kind);
        }
        let count = |k| kinds.iter().filter(|&&x| x == k).count();
        assert_eq!(
            [count(TokenKind::Word), count(TokenKind::Number), count(TokenKind::Punct), count(TokenKind::Symbol)],
            [52, 10, 32, 29]
        );
    }

    #[test]
    fn tokens_and_kinds() {
        use TokenKind::*;
        assert_eq!(
            toks("Don't pay $1,500.50 today! 🙂"),
            vec![
                ("Don't", Word),
                ("pay", Word),
                ("$", Punct),
                ("1,500.50", Number),
                ("today", Word),
                ("!", Punct),
                ("🙂", Symbol)
            ]
        );
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(sents("One two. Three four! Five? Six"), vec!["One two.", "Three four!", "Five?", "Six"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Dr. Smith met John F. Kennedy in the U.S. Senate in 1961. It was 3.5 hours, e.g. a long day."),
            vec!["Dr. Smith met John F. Kennedy in the U.S. Senate in 1961.", "It was 3.5 hours, e.g. a long day."]
        );
    }

    #[test]
    fn abbreviations_match_in_any_case() {
        // The list is lowercase ASCII, so the ASCII fast path compares without lowercasing.
        assert!(ALWAYS_CONTINUE.iter().all(|a| a.is_ascii() && a.to_lowercase() == *a));
        assert_eq!(
            sents("DR. Smith and PROF. Jones met. They left."),
            vec!["DR. Smith and PROF. Jones met.", "They left."]
        );
        // "Z.B." (German "for example") continues; a non-ASCII word ("Müller.") takes the
        // lowercasing path and is no abbreviation.
        assert_eq!(sents("Viele Dinge, Z.B. Äpfel. Und mehr."), vec!["Viele Dinge, Z.B. Äpfel.", "Und mehr."]);
        assert_eq!(sents("Er kam zu Frau Müller. Dann ging er."), vec!["Er kam zu Frau Müller.", "Dann ging er."]);
        assert_eq!(sents("Wir trafen FRAU. Müller gestern."), vec!["Wir trafen FRAU. Müller gestern."]);
    }

    #[test]
    fn acronym_followed_by_opener_ends_sentence() {
        assert_eq!(
            sents("He moved to the U.S. The move was hard."),
            vec!["He moved to the U.S.", "The move was hard."]
        );
    }

    #[test]
    fn japanese_terminators() {
        assert_eq!(
            sents("今日は晴れです。明日は雨ですか？はい！"),
            vec!["今日は晴れです。", "明日は雨ですか？", "はい！"]
        );
    }

    #[test]
    fn newline_ends_a_heading() {
        assert_eq!(sents("A Heading\nBody text here. More."), vec!["A Heading", "Body text here.", "More."]);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(sents("").is_empty());
        assert!(sents("   ").is_empty());
        assert_eq!(sents("..."), vec!["..."]);
    }

    #[test]
    fn tokens_are_assigned_to_their_sentence() {
        let text = "A b. C d e.";
        let t = tokenize(text);
        let s = sentences(text, &t);
        assert_eq!((s[0].first_token, s[0].end_token), (0, 3));
        assert_eq!((s[1].first_token, s[1].end_token), (3, 7));
    }
}
