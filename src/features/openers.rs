//! Repeated sentence openers: template-driven filler starts sentence after sentence with
//! the same word ("This ... This ... This ...").

use rustc_hash::FxHashSet;

use super::{ratio, Analysis, Applicability, Cue, Feature};
use crate::text::Document;

fn repeated_opener_ratio(doc: &Document) -> Option<f64> {
    let ids = doc.word_ids();
    let mut openers: FxHashSet<u32> =
        FxHashSet::with_capacity_and_hasher(doc.sentence_word_ranges().len(), Default::default());
    let (mut sentences, mut repeats) = (0usize, 0usize);
    for &(start, end) in doc.sentence_word_ranges() {
        if start == end {
            continue;
        }
        sentences += 1;
        if !openers.insert(ids[start as usize]) {
            repeats += 1;
        }
    }
    ratio(repeats as f64, sentences as f64)
}

/// Repeated sentence openers.
pub(crate) const REPEATED_OPENER_RATIO: Feature = Feature {
    name: "repeated_opener_ratio",
    summary: "Share of sentences whose first word already opened an earlier sentence.",
    doc: "What it measures: monotonous sentence openings (\"The ... The ... The ...\", \"Additionally, ... Additionally, ...\"): how often a sentence starts with a word that an earlier sentence started with.\n\
Formula: over sentences with at least one word, in order: count those whose first word (lowercase) was the first word of an earlier sentence; / number of such sentences.\n\
Example: \"The cat sat. The dog ran. A bird sang. The end.\" -> openers the, the, a, the: 2 repeats of 4 sentences -> 0.5.\n\
Limits: grows with the number of sentences (there are only so many ways to start one), so long texts score higher. Not applicable without a sentence that has a word, or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| repeated_opener_ratio(doc),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[REPEATED_OPENER_RATIO];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};

    #[test]
    fn repeated_opener_worked_example() {
        assert_value(&REPEATED_OPENER_RATIO, "The cat sat. The dog ran. A bird sang. The end.", 0.5, 1e-12);
        assert_value(&REPEATED_OPENER_RATIO, "One sentence only.", 0.0, 0.0);
        assert_na(&REPEATED_OPENER_RATIO, "");
        assert_na(&REPEATED_OPENER_RATIO, "... !!!");
    }
}
