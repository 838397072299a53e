//! Size and sentence rhythm: counts, sentence-length mean, spread and burstiness.
//!
//! Human prose varies its sentence length ("burstiness"); template-driven filler and 2023-era
//! model output keep it even. Sizes are reported but marked as length or layout cues, which the
//! default model does not use (the training corpora differ in length by label).

use super::{ratio, Analysis, Applicability, Cue, Feature};
use crate::text::Document;

/// Words per sentence, for sentences that have at least one word.
pub(crate) fn sentence_lengths(doc: &Document) -> Vec<f64> {
    doc.sentence_word_ranges().iter().map(|&(a, b)| b - a).filter(|&n| n > 0).map(f64::from).collect()
}

/// Mean and population standard deviation; `None` for an empty slice.
pub(crate) fn mean_std(xs: &[f64]) -> Option<(f64, f64)> {
    if xs.is_empty() {
        return None;
    }
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    Some((mean, var.max(0.0).sqrt()))
}

/// Text length in Unicode code points.
pub(crate) const CHAR_COUNT: Feature = Feature {
    name: "char_count",
    summary: "Length of the normalised text in characters (Unicode code points).",
    doc: "What it measures: the length of the article after normalisation.\n\
Formula: number of Unicode code points in the normalised text.\n\
Example: \"Hi there.\" -> 9.\n\
Limits: a length cue, not an authorship cue (machine texts in the training corpora are shorter); the default model does not use it.",
    applies: Applicability::Any,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| Some(doc.char_count() as f64),
    evidence: None,
};

/// Number of words.
pub(crate) const WORD_COUNT: Feature = Feature {
    name: "word_count",
    summary: "Number of words (UAX #29 word segments with a letter or digit).",
    doc: "What it measures: how many words the article has.\n\
Formula: count of UAX #29 word segments that contain a letter or a digit (punctuation and emoji excluded).\n\
Example: \"Don't pay $5 now!\" -> 4 (Don't, pay, 5, now).\n\
Limits: not applicable to Chinese, Japanese and Thai, which are written without spaces. A length cue; the default model does not use it.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| Some(doc.word_count() as f64),
    evidence: None,
};

/// Number of sentences.
pub(crate) const SENTENCE_COUNT: Feature = Feature {
    name: "sentence_count",
    summary: "Number of sentences (UAX #29 with abbreviation fixes; CJK terminators included).",
    doc: "What it measures: how many sentences the article has.\n\
Formula: count of UAX #29 sentence segments with a letter or digit, after merging breaks that follow titles (Dr., Mr.), initials (F.) and acronyms (U.S.) inside a sentence; each line break also ends a sentence, so headings count as sentences.\n\
Example: \"Dr. Smith left. He was tired.\" -> 2.\n\
Limits: a length cue; the default model does not use it.",
    applies: Applicability::Any,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| Some(doc.sentences().len() as f64),
    evidence: None,
};

/// Number of paragraphs.
pub(crate) const PARAGRAPH_COUNT: Feature = Feature {
    name: "paragraph_count",
    summary: "Number of paragraphs (blocks separated by a blank line).",
    doc: "What it measures: how many blank-line separated blocks the article has.\n\
Formula: count of non-empty pieces of the normalised text split on blank lines.\n\
Example: \"One.\\n\\nTwo.\\nThree.\" -> 2.\n\
Limits: a layout cue (several training corpora are flattened to one paragraph); the default model does not use it.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| Some(doc.paragraphs().len() as f64),
    evidence: None,
};

/// Mean sentence length in words.
pub(crate) const SENTENCE_LENGTH_MEAN_WORDS: Feature = Feature {
    name: "sentence_length_mean_words",
    summary: "Mean sentence length in words.",
    doc: "What it measures: how long sentences are on average.\n\
Formula: sum of words per sentence / number of sentences, over sentences with at least one word.\n\
Example: \"One two three. Four five. Six.\" -> (3 + 2 + 1) / 3 = 2.0.\n\
Limits: not applicable without words or to unspaced scripts (Chinese, Japanese, Thai).",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| mean_std(&sentence_lengths(doc)).map(|(m, _)| m),
    evidence: None,
};

/// Standard deviation of sentence length.
pub(crate) const SENTENCE_LENGTH_STD_WORDS: Feature = Feature {
    name: "sentence_length_std_words",
    summary: "Population standard deviation of sentence length in words.",
    doc: "What it measures: how much sentence length varies.\n\
Formula: sqrt(sum((n_i - mean)^2) / k) over the k sentences with at least one word, n_i their word counts.\n\
Example: \"One two three. Four five. Six.\" -> lengths 3, 2, 1, mean 2, sqrt((1 + 0 + 1) / 3) = 0.8165.\n\
Limits: 0 for a single sentence; not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| mean_std(&sentence_lengths(doc)).map(|(_, s)| s),
    evidence: None,
};

/// Coefficient of variation of sentence length (burstiness).
pub(crate) const SENTENCE_LENGTH_CV: Feature = Feature {
    name: "sentence_length_cv",
    summary: "Burstiness: standard deviation / mean of sentence length in words.",
    doc: "What it measures: sentence-length variation relative to the mean, so that texts with long and short sentences compare fairly. Even, metronomic sentences (low values) are typical of template and model text.\n\
Formula: sentence_length_std_words / sentence_length_mean_words.\n\
Example: \"One two three. Four five. Six.\" -> 0.8165 / 2 = 0.4082.\n\
Limits: not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| mean_std(&sentence_lengths(doc)).and_then(|(m, s)| ratio(s, m)),
    evidence: None,
};

/// Mean sentence length in characters.
pub(crate) const SENTENCE_LENGTH_MEAN_CHARS: Feature = Feature {
    name: "sentence_length_mean_chars",
    summary: "Mean sentence length in characters (works for every script).",
    doc: "What it measures: average sentence length for any script, including Chinese and Japanese where words are not separated.\n\
Formula: sum of characters of each sentence (trimmed) / number of sentences.\n\
Example: \"Hi. Hello there.\" -> (3 + 12) / 2 = 7.5.\n\
Limits: not applicable without sentences.",
    applies: Applicability::Any,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        let n = doc.sentences().len();
        let chars: usize = doc.sentences().iter().map(|s| doc.chars_in(doc.sentence_text(s))).sum();
        ratio(chars as f64, n as f64)
    },
    evidence: None,
};

/// Mean number of sentences per paragraph.
pub(crate) const SENTENCES_PER_PARAGRAPH_MEAN: Feature = Feature {
    name: "sentences_per_paragraph_mean",
    summary: "Mean number of sentences per paragraph.",
    doc: "What it measures: how long paragraphs are, in sentences.\n\
Formula: sentence_count / paragraph_count.\n\
Example: \"Yes. No.\\n\\nMaybe.\" -> 3 / 2 = 1.5.\n\
Limits: a layout cue (some corpora are single-paragraph); not applicable without paragraphs.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| ratio(doc.sentences().len() as f64, doc.paragraphs().len() as f64),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    CHAR_COUNT,
    WORD_COUNT,
    SENTENCE_COUNT,
    PARAGRAPH_COUNT,
    SENTENCE_LENGTH_MEAN_WORDS,
    SENTENCE_LENGTH_STD_WORDS,
    SENTENCE_LENGTH_CV,
    SENTENCE_LENGTH_MEAN_CHARS,
    SENTENCES_PER_PARAGRAPH_MEAN,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};

    const THREE: &str = "One two three. Four five. Six.";

    #[test]
    fn counts() {
        assert_value(&CHAR_COUNT, "Hi there.", 9.0, 0.0);
        assert_value(&WORD_COUNT, "Don't pay $5 now!", 4.0, 0.0);
        assert_value(&SENTENCE_COUNT, "Dr. Smith left. He was tired.", 2.0, 0.0);
        assert_value(&PARAGRAPH_COUNT, "One.\n\nTwo.\nThree.", 2.0, 0.0);
        assert_value(&SENTENCES_PER_PARAGRAPH_MEAN, "Yes. No.\n\nMaybe.", 1.5, 0.0);
    }

    #[test]
    fn sentence_length_worked_example() {
        assert_value(&SENTENCE_LENGTH_MEAN_WORDS, THREE, 2.0, 1e-12);
        assert_value(&SENTENCE_LENGTH_STD_WORDS, THREE, (2.0f64 / 3.0).sqrt(), 1e-12);
        assert_value(&SENTENCE_LENGTH_CV, THREE, (2.0f64 / 3.0).sqrt() / 2.0, 1e-12);
        assert_value(&SENTENCE_LENGTH_MEAN_CHARS, "Hi. Hello there.", 7.5, 1e-12);
    }

    #[test]
    fn not_applicable_cases() {
        assert_na(&SENTENCE_LENGTH_MEAN_WORDS, "");
        assert_na(&SENTENCE_LENGTH_CV, "...");
        assert_na(&WORD_COUNT, "今日は晴れです。");
        assert_value(&SENTENCE_LENGTH_MEAN_CHARS, "今日は晴れです。明日。", 5.5, 1e-12);
        assert_na(&SENTENCES_PER_PARAGRAPH_MEAN, "");
    }
}
