//! The Gopher repetition statistics (Rae et al. 2021, table A1, as datatrove 0.10.1's
//! `GopherRepetitionFilter` computes them): duplicate paragraphs and lines, the most common
//! 2- to 4-grams, and duplicate 5- to 10-grams, each as a fraction of the text.
//!
//! Filler repeats itself: the same lines and paragraphs (boilerplate, templates) and the same
//! phrases ("it is important to note that"). The 13 statistics are computed together in one
//! pass and cached in the analysis ([`GopherStats`]). Their word n-grams use a tokeniser
//! modelled on the one datatrove uses for English (spaCy's blank English tokenizer, see
//! [`tokenizer`]); n-grams are compared through 64-bit hashes of their tokens ([`ngrams`]),
//! never built as strings.

mod ngrams;
pub(crate) mod tokenizer;

use rustc_hash::FxHashSet;

use super::analysis::{Analysis, Slot};
use super::{Applicability, Cue, Feature};
use crate::text::Document;
use ngrams::NgramStats;
use tokenizer::gopher_tokens;

/// Index of each Gopher statistic in [`GopherStats::values`], in the reference column order.
const I_DUP_PARA_FRAC: usize = 0;
const I_DUP_PARA_CHAR_FRAC: usize = 1;
const I_DUP_LINE_FRAC: usize = 2;
const I_DUP_LINE_CHAR_FRAC: usize = 3;
/// `I_TOP_NGRAM + n - 2` is the top n-gram statistic for n = 2, 3, 4.
const I_TOP_NGRAM: usize = 4;
/// `I_DUP_NGRAM + n - 5` is the duplicate n-gram statistic for n = 5..=10.
const I_DUP_NGRAM: usize = 7;
const GOPHER_STATS: usize = 13;

/// The 13 Gopher repetition statistics of a document, computed once and cached in the
/// analysis.
#[derive(Debug, Clone, Default)]
pub(crate) struct GopherStats {
    /// The statistics in the order of the reference columns (`dup_para_frac` ...
    /// `dup_10_gram_char_frac`); `None` for an empty text.
    values: Option<[f64; GOPHER_STATS]>,
    /// The word tokens of the n-grams (byte spans of the normalised text).
    tokens: Vec<(u32, u32)>,
    /// Each repeat the duplicate n-gram scans counted, as (n, first token): the evidence of
    /// `dup_<n>_gram_char_frac`.
    repeats: Vec<(u8, u32)>,
}

impl GopherStats {
    /// The cached statistics of `doc`.
    pub(crate) fn of<'a>(doc: &'a Analysis<'_>) -> &'a GopherStats {
        doc.cached(Slot::Gopher, || GopherStats::compute(doc))
    }

    /// Statistic number `i` (see the index constants); `None` for an empty text.
    fn get(&self, i: usize) -> Option<f64> {
        self.values.map(|v| v[i])
    }

    fn compute(doc: &Document) -> GopherStats {
        let chars = doc.char_count();
        if chars == 0 {
            return GopherStats::default();
        }
        let total = chars as f64;
        let mut v = [0.0; GOPHER_STATS];

        // Paragraphs and lines. The normalised text is trimmed, has no blank line runs and no
        // whitespace at line ends, so `doc.paragraphs()` and `doc.lines()` are exactly
        // datatrove's `re.split(r"\n{2,}", text.strip())` and `re.split("\n+", text)`.
        let (n, dups, dup_chars) = duplicates(doc, doc.paragraphs());
        v[I_DUP_PARA_FRAC] = dups as f64 / n.max(1) as f64;
        v[I_DUP_PARA_CHAR_FRAC] = dup_chars as f64 / total;
        let (n, dups, dup_chars) = duplicates(doc, doc.lines());
        v[I_DUP_LINE_FRAC] = dups as f64 / n.max(1) as f64;
        v[I_DUP_LINE_CHAR_FRAC] = dup_chars as f64 / total;

        // Word n-grams.
        let spans = gopher_tokens(doc);
        let mut repeats = Vec::new();
        let ngrams = NgramStats::compute(doc, &spans, &mut repeats);
        for n in 2..=4 {
            v[I_TOP_NGRAM + n - 2] = ngrams.top[n] as f64 / total;
        }
        for n in 5..=10 {
            v[I_DUP_NGRAM + n - 5] = ngrams.dup[n] as f64 / total;
        }
        GopherStats { values: Some(v), tokens: spans, repeats }
    }
}

/// Whether the cached statistics found a repeated line (`lines`) or paragraph: when not, there
/// is nothing to locate.
pub(crate) fn has_repeats(doc: &Analysis<'_>, lines: bool) -> bool {
    let i = if lines { I_DUP_LINE_FRAC } else { I_DUP_PARA_FRAC };
    GopherStats::of(doc).get(i).is_some_and(|v| v > 0.0)
}

/// The duplicate word `n`-grams (5 to 10) that `dup_<n>_gram_char_frac` counts, as spans of
/// the text: each occurrence of an n-gram seen before, found by datatrove's scan (read from the
/// cached statistics).
pub(crate) fn duplicate_ngram_spans(doc: &Analysis<'_>, n: usize) -> Vec<crate::text::Span> {
    let g = GopherStats::of(doc);
    g.repeats
        .iter()
        .filter(|&&(m, _)| usize::from(m) == n)
        .map(|&(_, p)| crate::text::Span { start: g.tokens[p as usize].0, end: g.tokens[p as usize + n - 1].1 })
        .collect()
}

/// Number of pieces, duplicates (occurrences after the first) and their characters.
fn duplicates(doc: &Document, spans: &[crate::text::Span]) -> (usize, usize, usize) {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    seen.reserve(spans.len());
    let (mut dups, mut dup_chars) = (0, 0);
    for s in spans {
        let piece = doc.slice(*s);
        if !seen.insert(piece) {
            dups += 1;
            dup_chars += doc.chars_in(piece);
        }
    }
    (spans.len(), dups, dup_chars)
}

/// Shared text of the Gopher n-gram docs.
macro_rules! gopher_tokeniser_limits {
    () => {
        "The tokeniser is chaff's model of spaCy's blank English tokenizer, which datatrove uses: \
UAX #29 chunks between spaces split the way spaCy splits them (punctuation peeled off the ends, \
\"don't\" -> \"do\" \"n't\", \"Mr.\" and \"U.S.\" kept whole, URLs kept whole, hyphens between \
letters split off). It is not spaCy: rare special cases (most emoticons, clitic chains such as \
\"could've'nt\") are left out; on the 1,500 reference rows its tokens equal spaCy 3.8's on 1,488 \
and the other 12 differ only where chaff's normaliser changed the text. n-grams are compared by \
a 64-bit hash of their tokens (a collision needs two different n-grams with equal hashes, \
probability about 2^-64 per pair: negligible)."
    };
}

/// Duplicate paragraph fraction.
pub(crate) const DUP_PARA_FRAC: Feature = Feature {
    name: "dup_para_frac",
    summary: "Gopher: share of paragraphs that repeat an earlier paragraph exactly.",
    doc: "What it measures: how many paragraphs are exact copies of an earlier one (Gopher's duplicate paragraph fraction, Rae et al. 2021, table A1; Gopher drops documents above 0.30). Templates, boilerplate and looping generators repeat whole paragraphs.\n\
Formula: paragraphs = the normalised text split on blank lines; duplicates = occurrences of a paragraph after its first; duplicates / paragraphs. Same as datatrove 0.10.1's GopherRepetitionFilter.\n\
Example: \"Buy now.\\n\\nGreat deal.\\n\\nBuy now.\" -> 3 paragraphs, 1 duplicate -> 1 / 3 = 0.3333.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue: several training corpora are flattened to a single paragraph, where it is always 0.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_PARA_FRAC),
    evidence: None,
};

/// Duplicate paragraph character fraction.
pub(crate) const DUP_PARA_CHAR_FRAC: Feature = Feature {
    name: "dup_para_char_frac",
    summary: "Gopher: characters in repeated paragraphs / characters of the text.",
    doc: "What it measures: how much of the text, in characters, is taken by exact copies of earlier paragraphs (Gopher's duplicate paragraph character fraction; threshold 0.20).\n\
Formula: sum of the characters (code points) of each paragraph occurrence after its first / characters of the whole normalised text (separators included, as datatrove divides by len(text)).\n\
Example: \"Buy now.\\n\\nGreat deal.\\n\\nBuy now.\" -> the second \"Buy now.\" has 8 characters; the text has 8 + 2 + 11 + 2 + 8 = 31 -> 8 / 31 = 0.2581.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue (see dup_para_frac).",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_PARA_CHAR_FRAC),
    evidence: None,
};

/// Duplicate line fraction.
pub(crate) const DUP_LINE_FRAC: Feature = Feature {
    name: "dup_line_frac",
    summary: "Gopher: share of lines that repeat an earlier line exactly.",
    doc: "What it measures: how many lines are exact copies of an earlier line (Gopher's duplicate line fraction; threshold 0.30). Repeated headings, bylines, \"Read more\" and list templates show up here.\n\
Formula: lines = the normalised text split on runs of line breaks (blank lines do not count); duplicates = occurrences after the first; duplicates / lines. Same as datatrove 0.10.1.\n\
Example: \"Share this\\nGood news today.\\nShare this\\nShare this\" -> 4 lines, 2 duplicates -> 0.5.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue: flattened corpora have one line per paragraph or per text.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_LINE_FRAC),
    evidence: None,
};

/// Duplicate line character fraction.
pub(crate) const DUP_LINE_CHAR_FRAC: Feature = Feature {
    name: "dup_line_char_frac",
    summary: "Gopher: characters in repeated lines / characters of the text.",
    doc: "What it measures: how much of the text, in characters, is taken by exact copies of earlier lines (Gopher's duplicate line character fraction; threshold 0.20).\n\
Formula: sum of the characters of each line occurrence after its first / characters of the whole normalised text (line breaks included).\n\
Example: \"Share this\\nGood news today.\\nShare this\\nShare this\" -> 2 x 10 = 20 duplicate characters; the text has 10 + 1 + 16 + 1 + 10 + 1 + 10 = 49 -> 20 / 49 = 0.4082.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue (see dup_line_frac).",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_LINE_CHAR_FRAC),
    evidence: None,
};

macro_rules! top_ngram_feature {
    ($id:ident, $n:literal, $name:literal, $threshold:literal, $example:literal, $agreement:literal) => {
        #[doc = concat!("Top ", stringify!($n), "-gram character fraction.")]
        pub(crate) const $id: Feature = Feature {
            name: $name,
            summary: concat!(
                "Gopher: characters covered by the most common word ",
                stringify!($n),
                "-gram / characters of the text."
            ),
            doc: concat!(
                "What it measures: how much of the text the single most frequent word ",
                stringify!($n),
                "-gram covers (Gopher's top ",
                stringify!($n),
                "-gram character fraction, Rae et al. 2021, table A1; Gopher drops documents above ",
                $threshold,
                "). Filler that hammers one phrase scores high.\n",
                "Formula: tokens = words and punctuation marks (see Limits); n-grams = ",
                stringify!($n),
                " consecutive tokens joined by single spaces; the most common one (ties: the first seen, as Python's Counter.most_common) counts even when it occurs once; its characters x its count / characters of the normalised text. 0 when the text has fewer than ",
                stringify!($n),
                " tokens (datatrove skips the test there; the reference values are 0).\n",
                "Example: ",
                $example,
                "\n",
                "Limits: not applicable to empty text or unspaced scripts. Case-sensitive, as datatrove. ",
                gopher_tokeniser_limits!(),
                " Agreement with datatrove 0.10.1 on its 1,500 reference rows (tests/gopher_reference.rs): ",
                $agreement
            ),
            applies: Applicability::SpaceSeparated,
            cue: Cue::Style,
            compute: |doc: &Analysis<'_>| {
                GopherStats::of(doc).get(I_TOP_NGRAM + $n - 2)
            },
            evidence: None,
        };
    };
}

top_ngram_feature!(
    TOP_2_GRAM_CHAR_FRAC,
    2,
    "top_2_gram_char_frac",
    "0.20",
    "\"the cat saw the cat\" (19 characters) -> 2-grams \"the cat\", \"cat saw\", \"saw the\", \"the cat\"; \"the cat\" (7 characters) occurs twice -> 14 / 19 = 0.7368.",
    "mean absolute error 2.9e-7, 100 % of rows within 0.01, 99.2 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
top_ngram_feature!(
    TOP_3_GRAM_CHAR_FRAC,
    3,
    "top_3_gram_char_frac",
    "0.18",
    "\"Go, go, go!\" (11 characters) -> tokens Go , go , go ! -> 3-grams \"Go , go\", \", go ,\", \"go , go\", \", go !\", all once -> the first, \"Go , go\" (7 characters) -> 7 / 11 = 0.6364.",
    "mean absolute error 5.8e-6, 100 % of rows within 0.01, 99.2 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
top_ngram_feature!(
    TOP_4_GRAM_CHAR_FRAC,
    4,
    "top_4_gram_char_frac",
    "0.16",
    "\"I don't know. I don't know.\" (27 characters) -> tokens I do n't know . I do n't know . -> \"I do n't know\" (13 characters) occurs twice -> 26 / 27 = 0.9630.",
    "mean absolute error 1.6e-5, 100 % of rows within 0.01, 99.2 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);

macro_rules! dup_ngram_feature {
    ($id:ident, $n:literal, $name:literal, $threshold:literal, $example:literal, $agreement:literal) => {
        #[doc = concat!("Duplicate ", stringify!($n), "-gram character fraction.")]
        pub(crate) const $id: Feature = Feature {
            name: $name,
            summary: concat!(
                "Gopher: characters in repeated word ",
                stringify!($n),
                "-grams / characters of the text."
            ),
            doc: concat!(
                "What it measures: how much of the text is covered by word ",
                stringify!($n),
                "-grams that already occurred earlier (Gopher's duplicate ",
                stringify!($n),
                "-gram character fraction, Rae et al. 2021, table A1; Gopher drops documents above ",
                $threshold,
                "). Copied sentences and recycled phrasing score high.\n",
                "Formula: tokens = words and punctuation marks (see Limits). As datatrove 0.10.1: scan the ",
                stringify!($n),
                "-grams from left to right; an n-gram seen before adds its characters (tokens joined without spaces) and the scan jumps ",
                stringify!($n),
                " tokens ahead (the n-grams it skips are neither counted nor remembered), otherwise the n-gram is remembered and the scan moves one token; the total / characters of the whole normalised text (spaces included, so a text made of one sentence written twice stays below 0.5). Both quirks are datatrove's and are kept on purpose, for comparability with it and with Gopher's thresholds. 0 with fewer than ",
                stringify!($n),
                " tokens.\n",
                "Example: \"one two three four five six. one two three four five six.\" (57 characters; 14 tokens, the periods included): ",
                $example,
                "\n",
                "Limits: not applicable to empty text or unspaced scripts. Case-sensitive. n-grams are compared token by token, whereas datatrove compares the strings joined without spaces (\"ab\" \"c\" equals \"a\" \"bc\" there): a deliberate deviation that keeps hashing cheap and only matters in texts with words run together. ",
                gopher_tokeniser_limits!(),
                " Agreement with datatrove 0.10.1 on its 1,500 reference rows (tests/gopher_reference.rs): ",
                $agreement
            ),
            applies: Applicability::SpaceSeparated,
            cue: Cue::Style,
            compute: |doc: &Analysis<'_>| {
                GopherStats::of(doc).get(I_DUP_NGRAM + $n - 5)
            },
            evidence: None,
        };
    };
}

dup_ngram_feature!(
    DUP_5_GRAM_CHAR_FRAC,
    5,
    "dup_5_gram_char_frac",
    "0.15",
    "the 5-gram at token 7, \"one two three four five\", was seen at token 0: 19 characters, and the scan jumps to token 12, past the last 5-gram -> 19 / 57 = 0.3333.",
    "mean absolute error 3.5e-6, 100 % of rows within 0.01, 99.3 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces) or from texts with words run together (4 rows, where joining without spaces makes \"onestep closer\" equal \"one step closer\")."
);
dup_ngram_feature!(
    DUP_6_GRAM_CHAR_FRAC,
    6,
    "dup_6_gram_char_frac",
    "0.14",
    "\"one two three four five six\" at token 7 repeats: 22 characters -> 22 / 57 = 0.3860.",
    "mean absolute error 4.7e-7, 100 % of rows within 0.01, 99.5 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces) or from texts with words run together (2 rows)."
);
dup_ngram_feature!(
    DUP_7_GRAM_CHAR_FRAC,
    7,
    "dup_7_gram_char_frac",
    "0.13",
    "\"one two three four five six .\" at token 7 repeats: 23 characters -> 23 / 57 = 0.4035.",
    "mean absolute error 3.7e-7, 100 % of rows within 0.01, 99.8 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces) or from a text with words run together (1 row)."
);
dup_ngram_feature!(
    DUP_8_GRAM_CHAR_FRAC,
    8,
    "dup_8_gram_char_frac",
    "0.12",
    "no 8-gram repeats (each copy is 7 tokens long) -> 0.",
    "mean absolute error 1.1e-9, 100 % of rows within 0.01, 99.9 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
dup_ngram_feature!(
    DUP_9_GRAM_CHAR_FRAC,
    9,
    "dup_9_gram_char_frac",
    "0.11",
    "no 9-gram repeats -> 0; \"a b c d e f g h i a b c d e f g h i\" (35 characters) -> the 9-gram at token 9 repeats, 9 characters -> 9 / 35 = 0.2571.",
    "mean absolute error 7.3e-10, 100 % of rows within 0.01, 99.9 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
dup_ngram_feature!(
    DUP_10_GRAM_CHAR_FRAC,
    10,
    "dup_10_gram_char_frac",
    "0.10",
    "no 10-gram repeats -> 0; \"a b c d e f g h i j a b c d e f g h i j\" (39 characters) -> 10 / 39 = 0.2564.",
    "mean absolute error 6.4e-10, 100 % of rows within 0.01, 99.9 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    DUP_PARA_FRAC,
    DUP_PARA_CHAR_FRAC,
    DUP_LINE_FRAC,
    DUP_LINE_CHAR_FRAC,
    TOP_2_GRAM_CHAR_FRAC,
    TOP_3_GRAM_CHAR_FRAC,
    TOP_4_GRAM_CHAR_FRAC,
    DUP_5_GRAM_CHAR_FRAC,
    DUP_6_GRAM_CHAR_FRAC,
    DUP_7_GRAM_CHAR_FRAC,
    DUP_8_GRAM_CHAR_FRAC,
    DUP_9_GRAM_CHAR_FRAC,
    DUP_10_GRAM_CHAR_FRAC,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};

    #[test]
    fn paragraph_and_line_worked_examples() {
        let paras = "Buy now.\n\nGreat deal.\n\nBuy now.";
        assert_value(&DUP_PARA_FRAC, paras, 1.0 / 3.0, 1e-12);
        assert_value(&DUP_PARA_CHAR_FRAC, paras, 8.0 / 31.0, 1e-12);
        let lines = "Share this\nGood news today.\nShare this\nShare this";
        assert_value(&DUP_LINE_FRAC, lines, 0.5, 1e-12);
        assert_value(&DUP_LINE_CHAR_FRAC, lines, 20.0 / 49.0, 1e-12);
        // Paragraph lines count as lines too; the blank line does not.
        assert_value(&DUP_LINE_FRAC, paras, 1.0 / 3.0, 1e-12);
        assert_value(&DUP_PARA_FRAC, lines, 0.0, 0.0);
    }

    #[test]
    fn top_ngram_worked_examples() {
        assert_value(&TOP_2_GRAM_CHAR_FRAC, "the cat saw the cat", 14.0 / 19.0, 1e-12);
        // All 3-grams occur once: the first one wins.
        assert_value(&TOP_3_GRAM_CHAR_FRAC, "Go, go, go!", 7.0 / 11.0, 1e-12);
        assert_value(&TOP_4_GRAM_CHAR_FRAC, "I don't know. I don't know.", 26.0 / 27.0, 1e-12);
        // Ties between repeated n-grams go to the first seen: "b c" and "a b" both occur
        // twice, "a b" first.
        assert_value(&TOP_2_GRAM_CHAR_FRAC, "a b c a b c", 6.0 / 11.0, 1e-12);
        // Fewer tokens than n: 0, as in the reference.
        assert_value(&TOP_4_GRAM_CHAR_FRAC, "Hello there", 0.0, 0.0);
    }

    #[test]
    fn dup_ngram_worked_examples() {
        let t = "one two three four five six. one two three four five six.";
        assert_value(&DUP_5_GRAM_CHAR_FRAC, t, 19.0 / 57.0, 1e-12);
        assert_value(&DUP_6_GRAM_CHAR_FRAC, t, 22.0 / 57.0, 1e-12);
        assert_value(&DUP_7_GRAM_CHAR_FRAC, t, 23.0 / 57.0, 1e-12);
        assert_value(&DUP_8_GRAM_CHAR_FRAC, t, 0.0, 0.0);
        assert_value(&DUP_9_GRAM_CHAR_FRAC, t, 0.0, 0.0);
        assert_value(&DUP_10_GRAM_CHAR_FRAC, t, 0.0, 0.0);
        assert_value(&DUP_9_GRAM_CHAR_FRAC, "a b c d e f g h i a b c d e f g h i", 9.0 / 35.0, 1e-12);
        assert_value(&DUP_10_GRAM_CHAR_FRAC, "a b c d e f g h i j a b c d e f g h i j", 10.0 / 39.0, 1e-12);
    }

    #[test]
    fn dup_ngram_scan_skips_after_a_hit() {
        // "x x x x x x x x" (8 tokens, 15 chars), 5-grams at 0..=3, all equal: index 0 is
        // remembered, index 1 repeats (5 chars) and the scan jumps to 6 > 3 -> 5 / 15.
        assert_value(&DUP_5_GRAM_CHAR_FRAC, "x x x x x x x x", 5.0 / 15.0, 1e-12);
        // 16 tokens: hits at 1 (jump to 6), 6 (jump to 11), 11 -> 15 chars / 31.
        let t = vec!["x"; 16].join(" ");
        assert_value(&DUP_5_GRAM_CHAR_FRAC, &t, 15.0 / 31.0, 1e-12);
    }

    #[test]
    fn gopher_matches_a_naive_implementation() {
        // A direct transcription of datatrove's functions over chaff's tokens, on texts with
        // heavy and irregular repetition.
        let texts = [
            "a b a b a b c a b c d a b c d e a b c d e f. The end, the end, the end.",
            "To be or not to be, that is the question. To be or not to be! To be or not.",
            "x y z x y z x y z q x y z x y z x y z q x y z x y z",
            // Tokens that occur once between repeated ones, and tokens longer than 8 bytes.
            "Alpha beta gamma. Zeta beta gamma, beta gamma; eta theta beta gamma delta.",
            "Extraordinary circumstances demand extraordinary measures: extraordinary circumstances.",
        ];
        for text in texts {
            assert_gopher_ngrams_match_naive(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Random texts over a few words repeat n-grams of every length, with ties between
        /// equally common n-grams; one thread's reused buffers serve them all.
        #[test]
        fn gopher_ngrams_match_naive_on_random_repetition(
            picks in proptest::collection::vec(0usize..7, 0..600)
        ) {
            let vocab = ["the", "cat", "sat", "on", "mat", "extraordinarily", "."];
            let text: Vec<&str> = std::iter::once("A").chain(picks.iter().map(|&k| vocab[k])).collect();
            assert_gopher_ngrams_match_naive(&text.join(" "));
        }
    }

    /// The top and duplicate n-gram fractions of `text` agree with a direct transcription of
    /// datatrove's functions over chaff's tokens.
    fn assert_gopher_ngrams_match_naive(text: &str) {
        {
            let doc = Document::new(text);
            let words: Vec<String> =
                gopher_tokens(&doc).iter().map(|&(s, e)| doc.text()[s as usize..e as usize].to_string()).collect();
            let total = doc.char_count() as f64;
            for n in 2..=4usize {
                let grams: Vec<String> = words.windows(n).map(|w| w.join(" ")).collect();
                let mut counts: Vec<(String, usize)> = Vec::new();
                for g in &grams {
                    match counts.iter_mut().find(|(k, _)| k == g) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((g.clone(), 1)),
                    }
                }
                let max = counts.iter().map(|x| x.1).max().unwrap_or(0);
                let top = counts.iter().find(|x| x.1 == max).map_or(0, |(k, c)| k.len() * c);
                let f = &FEATURES[I_TOP_NGRAM + n - 2];
                assert_value(f, text, top as f64 / total, 1e-12);
            }
            for n in 5..=10usize {
                let mut seen = std::collections::HashSet::new();
                let (mut dup, mut idx) = (0usize, 0usize);
                while idx + n <= words.len() {
                    let g = words[idx..idx + n].concat();
                    if seen.contains(&g) {
                        dup += g.len();
                        idx += n;
                    } else {
                        seen.insert(g);
                        idx += 1;
                    }
                }
                let f = &FEATURES[I_DUP_NGRAM + n - 5];
                assert_value(f, text, dup as f64 / total, 1e-12);
            }
        }
    }

    #[test]
    fn gopher_not_applicable_cases() {
        for f in FEATURES {
            assert_na(f, "");
        }
        // Line and paragraph statistics apply to every script; n-grams need spaced words.
        assert_value(&DUP_LINE_FRAC, "今日は晴れ。\n今日は晴れ。", 0.5, 1e-12);
        assert_na(&TOP_2_GRAM_CHAR_FRAC, "今日は晴れ。\n今日は晴れ。");
        assert_value(&DUP_5_GRAM_CHAR_FRAC, "Nothing repeats in this sentence at all.", 0.0, 0.0);
    }
}
