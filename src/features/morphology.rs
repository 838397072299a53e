//! English word-shape profile: suffixes that stand in for parts of speech (adverbs in -ly,
//! gerunds and participles in -ing and -ed, nominalisations such as -tion and -ment, adjectives
//! in -al, -ive, -ous), and the spread of word lengths. Model prose leans on nominalisations
//! and adjectives; people use more short words and a wider mix of lengths.

use super::analysis::Slot;
use super::word_facts;
use super::{per_1k_words, ratio, Analysis, Applicability, Cue, Feature};
use crate::text::TokenKind;

/// For each group of [`word_facts::words::SUFFIX_GROUPS`], the words whose lowercase form ends in one of its
/// suffixes and is at least 3 letters longer than the suffix (so "fly", "ring" and "nation" do
/// not count as -ly, -ing or -tion words). One pass over the distinct words, cached.
fn suffix_counts(doc: &Analysis<'_>) -> [u32; 5] {
    *doc.cached(Slot::Suffixes, || {
        let mut counts = [0u32; 5];
        for (f, &freq) in word_facts::facts(doc).iter().zip(doc.word_freq()) {
            for (g, c) in counts.iter_mut().enumerate() {
                if f.suffix_groups & (1 << g) != 0 {
                    *c += freq;
                }
            }
        }
        counts
    })
}

macro_rules! suffix_feature {
    ($konst:ident, $name:literal, $summary:literal, $group:literal, $doc_suffixes:literal, $example:literal, $value:literal) => {
        #[doc = $summary]
        pub(crate) const $konst: Feature = Feature {
            name: $name,
            summary: $summary,
            doc: concat!(
                "What it measures: ", $summary, " Suffixes stand in for parts of speech, which chaff does not tag.\n",
                "Formula: 1000 x (words ending in ", $doc_suffixes, " and at least 3 letters longer than the suffix) / word_count.\n",
                "Example: ", $example, " -> ", $value, ".\n",
                "Limits: English only; some words match by accident (\"family\" for -ly is excluded by the length rule only when short)."
            ),
            applies: Applicability::Languages(&["en"]),
            cue: Cue::Style,
            compute: |doc: &Analysis<'_>| per_1k_words(suffix_counts(doc)[$group] as f64, doc),
            evidence: None,
        };
    };
}

suffix_feature!(
    LY_WORD_PER_1K_WORDS,
    "ly_word_per_1k_words",
    "Words ending in -ly (mostly adverbs) per 1,000 words.",
    0,
    "-ly",
    "\"She quickly and quietly finished the report, and the others slowly left the office for the day.\" (quickly, quietly, slowly; 17 words)",
    "3 / 17 x 1000 = 176.471"
);
suffix_feature!(
    ING_WORD_PER_1K_WORDS,
    "ing_word_per_1k_words",
    "Words ending in -ing (gerunds and participles) per 1,000 words.",
    1,
    "-ing",
    "\"Walking home, they kept talking about the meeting and the new building on the corner of the road.\" (walking, talking, meeting, building; 18 words)",
    "4 / 18 x 1000 = 222.222"
);
suffix_feature!(
    ED_WORD_PER_1K_WORDS,
    "ed_word_per_1k_words",
    "Words ending in -ed (past tense and participles) per 1,000 words.",
    2,
    "-ed",
    "\"The council voted on Monday and approved the plan that residents had requested for the park.\" (voted, approved, requested; 16 words)",
    "3 / 16 x 1000 = 187.5"
);
suffix_feature!(
    NOMINALIZATION_PER_1K_WORDS,
    "nominalization_per_1k_words",
    "Nominalisations (-tion, -sion, -ment, -ness, -ity, -ance, -ence) per 1,000 words.",
    3,
    "-tion(s), -sion(s), -ment(s), -ness, -ity/-ities, -ance(s), -ence(s)",
    "\"The implementation of the agreement showed real commitment to governance and resilience in the region.\" (implementation, agreement, commitment, governance, resilience; 15 words)",
    "5 / 15 x 1000 = 333.333"
);
suffix_feature!(
    ADJECTIVE_SUFFIX_PER_1K_WORDS,
    "adjective_suffix_per_1k_words",
    "Words with adjective suffixes (-al, -ive, -ous, -ful, -able, -ible, -ic) per 1,000 words.",
    4,
    "-al, -ive, -ous, -ful, -able, -ible, -ic",
    "\"A comprehensive and strategic approach makes the regional economy more sustainable and successful over time.\" (comprehensive, strategic, regional, sustainable, successful; 15 words)",
    "5 / 15 x 1000 = 333.333"
);

/// Letters of each alphabetic word (cached: three features read them).
fn word_lengths<'a>(doc: &'a Analysis<'_>) -> &'a [usize] {
    doc.cached(Slot::WordLengths, || {
        // Lowercasing keeps every character (see `Document::lower`), so the lowercase word
        // has as many characters as the token.
        let facts = word_facts::facts(doc);
        let mut lengths = Vec::with_capacity(doc.word_count());
        lengths.extend(
            doc.words()
                .zip(doc.word_ids())
                .filter(|(t, _)| t.kind == TokenKind::Word)
                .map(|(_, &id)| facts[id as usize].chars as usize),
        );
        lengths
    })
}

/// Share of long words (10 letters or more).
pub(crate) const LONG_WORD_RATIO: Feature = Feature {
    name: "long_word_ratio",
    summary: "Share of words with 10 letters or more.",
    doc: "What it measures: how much of the vocabulary is long, Latinate words.\n\
Formula: alphabetic words of at least 10 characters / alphabetic words.\n\
Example: \"International cooperation remains important for every small country in the region today.\" -> International, cooperation = 2 / 12 = 0.1667.\n\
Limits: texts in space-separated scripts; compounding languages (German) have more long words by nature.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        let l = word_lengths(doc);
        ratio(l.iter().filter(|&&n| n >= 10).count() as f64, l.len() as f64)
    },
    evidence: None,
};

/// Share of short words (3 letters or fewer).
pub(crate) const SHORT_WORD_RATIO: Feature = Feature {
    name: "short_word_ratio",
    summary: "Share of words with 3 letters or fewer.",
    doc: "What it measures: how much of the text is short, everyday words.\n\
Formula: alphabetic words of at most 3 characters / alphabetic words.\n\
Example: \"I got up at six and ran to the lake.\" -> I, got, up, at, six, and, ran, to, the = 9 / 10 = 0.9.\n\
Limits: texts in space-separated scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        let l = word_lengths(doc);
        ratio(l.iter().filter(|&&n| n <= 3).count() as f64, l.len() as f64)
    },
    evidence: None,
};

/// Standard deviation of word length.
pub(crate) const WORD_LENGTH_STD_CHARS: Feature = Feature {
    name: "word_length_std_chars",
    summary: "Population standard deviation of word length in characters.",
    doc: "What it measures: how mixed the word lengths are.\n\
Formula: sqrt(mean((len_i - mean)^2)) over alphabetic words.\n\
Example: \"a bb ccc\" -> lengths 1, 2, 3, mean 2, sqrt(2/3) = 0.8165.\n\
Limits: texts in space-separated scripts; not applicable without words.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        let l: Vec<f64> = word_lengths(doc).iter().map(|&n| n as f64).collect();
        super::sentences::mean_std(&l).map(|(_, s)| s)
    },
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    LY_WORD_PER_1K_WORDS,
    ING_WORD_PER_1K_WORDS,
    ED_WORD_PER_1K_WORDS,
    NOMINALIZATION_PER_1K_WORDS,
    ADJECTIVE_SUFFIX_PER_1K_WORDS,
    LONG_WORD_RATIO,
    SHORT_WORD_RATIO,
    WORD_LENGTH_STD_CHARS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};

    #[test]
    fn suffix_examples() {
        assert_value(
            &LY_WORD_PER_1K_WORDS,
            "She quickly and quietly finished the report, and the others slowly left the office for the day.",
            3000.0 / 17.0,
            1e-9,
        );
        assert_value(
            &ING_WORD_PER_1K_WORDS,
            "Walking home, they kept talking about the meeting and the new building on the corner of the road.",
            4000.0 / 18.0,
            1e-9,
        );
        assert_value(
            &ED_WORD_PER_1K_WORDS,
            "The council voted on Monday and approved the plan that residents had requested for the park.",
            3000.0 / 16.0,
            1e-9,
        );
        assert_value(
            &NOMINALIZATION_PER_1K_WORDS,
            "The implementation of the agreement showed real commitment to governance and resilience in the region.",
            5000.0 / 15.0,
            1e-9,
        );
        assert_value(&ADJECTIVE_SUFFIX_PER_1K_WORDS, "A comprehensive and strategic approach makes the regional economy more sustainable and successful over time.", 5000.0 / 15.0, 1e-9);
        // "fly", "ring", "red" are too short to count.
        assert_value(
            &LY_WORD_PER_1K_WORDS,
            "The fly sat on the red ring near the old door of the small shed by the lake, and it was there all day.",
            0.0,
            0.0,
        );
        assert_na(
            &LY_WORD_PER_1K_WORDS,
            "Der Hund des Nachbarn bellt jeden Morgen laut, und die Katze im Garten schläft weiter.",
        );
    }

    #[test]
    fn word_length_examples() {
        assert_value(
            &LONG_WORD_RATIO,
            "International cooperation remains important for every small country in the region today.",
            2.0 / 12.0,
            1e-12,
        );
        assert_value(&SHORT_WORD_RATIO, "I got up at six and ran to the lake.", 0.9, 1e-12);
        assert_value(&WORD_LENGTH_STD_CHARS, "a bb ccc", (2.0f64 / 3.0).sqrt(), 1e-12);
        assert_na(&WORD_LENGTH_STD_CHARS, "");
    }
}
