//! Lexical diversity: type-token ratio, hapax ratio, MATTR and MTLD over the interned
//! lowercase words. Filler reuses the same few words; people reach for more.

use super::{ratio, Analysis, Applicability, Cue, Feature};
use crate::text::Document;

/// MATTR window in words (Covington & McFall 2010 use 500 for long texts; 50 suits articles
/// of a few hundred words).
const MATTR_WINDOW: usize = 50;

/// MTLD factor threshold (McCarthy & Jarvis 2010).
const MTLD_THRESHOLD: f64 = 0.72;
/// The threshold as the fraction 18 / 25, so that "TTR <= 0.72" is tested in integers,
/// without a division per word. The two tests agree for any count below 10^13: a ratio of
/// counts that is not exactly 18 / 25 differs from it by at least 1 / (25 x tokens), far more
/// than the rounding of `types as f64 / tokens as f64`.
const MTLD_THRESHOLD_NUM: usize = 18;
const MTLD_THRESHOLD_DEN: usize = 25;

fn type_token_ratio(doc: &Document) -> Option<f64> {
    ratio(doc.word_freq().len() as f64, doc.word_count() as f64)
}

fn hapax_ratio(doc: &Document) -> Option<f64> {
    let freq = doc.word_freq();
    let once = freq.iter().filter(|&&f| f == 1).count();
    ratio(once as f64, freq.len() as f64)
}

fn mattr(doc: &Document) -> Option<f64> {
    let ids = doc.word_ids();
    let n = ids.len();
    if n < MATTR_WINDOW {
        return type_token_ratio(doc);
    }
    let mut counts = vec![0u32; doc.word_freq().len()];
    let mut types = 0usize;
    for &id in &ids[..MATTR_WINDOW] {
        let c = &mut counts[id as usize];
        types += usize::from(*c == 0);
        *c += 1;
    }
    let mut sum = types;
    for i in MATTR_WINDOW..n {
        let out = &mut counts[ids[i - MATTR_WINDOW] as usize];
        *out -= 1;
        types -= usize::from(*out == 0);
        let inc = &mut counts[ids[i] as usize];
        types += usize::from(*inc == 0);
        *inc += 1;
        sum += types;
    }
    let windows = n - MATTR_WINDOW + 1;
    Some(sum as f64 / (windows * MATTR_WINDOW) as f64)
}

/// One MTLD pass: words divided by factors, a factor ending whenever the running TTR of the
/// current segment falls to the threshold, plus partial credit for the unfinished segment.
fn mtld_pass(ids: impl Iterator<Item = u32>, n: usize, seen: &mut [u32], pass: u32) -> f64 {
    // `seen[id] == stamp` marks the word as seen in the current segment; a new stamp per
    // segment avoids clearing the array.
    let mut stamp = pass << 24;
    let (mut tokens, mut types) = (0usize, 0usize);
    let mut factors = 0.0;
    for id in ids {
        tokens += 1;
        // Without a branch: whether a word is new is as good as random.
        let s = &mut seen[id as usize];
        types += usize::from(*s != stamp);
        *s = stamp;
        if types * MTLD_THRESHOLD_DEN <= tokens * MTLD_THRESHOLD_NUM {
            factors += 1.0;
            tokens = 0;
            types = 0;
            stamp += 1;
        }
    }
    let ttr = if tokens == 0 { 1.0 } else { types as f64 / tokens as f64 };
    factors += (1.0 - ttr) / (1.0 - MTLD_THRESHOLD);
    if factors > 0.0 {
        n as f64 / factors
    } else {
        // No segment ever fell to the threshold and the last one has no repeated word: the
        // whole text is less than one factor; its length is the best finite estimate.
        n as f64
    }
}

fn mtld(doc: &Document) -> Option<f64> {
    let ids = doc.word_ids();
    let n = ids.len();
    if n == 0 {
        return None;
    }
    // Stamps are (pass << 24) + segment: segments per pass are at most n / 2 + 1; for longer
    // texts than 2^25 words fall back to clearing by a larger array of u32 stamps per pass.
    let mut seen = vec![u32::MAX; doc.word_freq().len()];
    if n >= (1 << 24) {
        // Practically unreachable (16M words); keep the result finite and exact by using
        // separate arrays.
        let f = mtld_pass(ids.iter().copied(), n, &mut seen, 0);
        let mut seen2 = vec![u32::MAX; doc.word_freq().len()];
        let b = mtld_pass(ids.iter().rev().copied(), n, &mut seen2, 0);
        return Some((f + b) / 2.0);
    }
    let f = mtld_pass(ids.iter().copied(), n, &mut seen, 0);
    let b = mtld_pass(ids.iter().rev().copied(), n, &mut seen, 1);
    Some((f + b) / 2.0)
}

/// Type-token ratio.
pub(crate) const TYPE_TOKEN_RATIO: Feature = Feature {
    name: "type_token_ratio",
    summary: "Distinct lowercase words / words.",
    doc: "What it measures: vocabulary variety: the share of words that are new. Repetitive filler reuses the same words.\n\
Formula: number of distinct lowercase words / number of words (words = UAX #29 word segments with a letter or digit).\n\
Example: \"The cat saw the dog.\" -> the, cat, saw, dog are 4 distinct of 5 words -> 0.8.\n\
Limits: falls as texts get longer (any text reuses function words), so compare texts of similar length or use mattr_50 / mtld. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| type_token_ratio(doc),
    evidence: None,
};

/// Hapax ratio.
pub(crate) const HAPAX_RATIO: Feature = Feature {
    name: "hapax_ratio",
    summary: "Hapax legomena (words used exactly once) / distinct words.",
    doc: "What it measures: how much of the vocabulary is used only once. Rich, specific writing has many one-off words (names, numbers, precise terms); generic filler cycles through a small vocabulary.\n\
Formula: number of distinct lowercase words that occur exactly once / number of distinct lowercase words (the share of types that are hapaxes; some authors divide by all words instead).\n\
Example: \"The cat saw the dog.\" -> cat, saw, dog occur once, \"the\" twice -> 3 / 4 = 0.75.\n\
Limits: depends on length like type_token_ratio. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| hapax_ratio(doc),
    evidence: None,
};

/// Moving-average type-token ratio.
pub(crate) const MATTR_50: Feature = Feature {
    name: "mattr_50",
    summary: "Moving-average type-token ratio over windows of 50 words.",
    doc: "What it measures: vocabulary variety independent of text length (Covington & McFall 2010): the type-token ratio of every run of 50 consecutive words, averaged.\n\
Formula: for each window of words i..i+50 (i = 0..n-50), distinct lowercase words / 50; the mean over the n - 49 windows. A text with fewer than 50 words gets its plain type-token ratio.\n\
Example: 50 different words followed by the second of them again -> two windows with 50 and 49 distinct words -> (50 + 49) / (2 x 50) = 0.99. \"The cat saw the dog.\" (5 words) -> plain TTR 0.8.\n\
Limits: below 50 words it equals type_token_ratio, which is not comparable with longer texts' values. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| mattr(doc),
    evidence: None,
};

/// Measure of textual lexical diversity.
pub(crate) const MTLD: Feature = Feature {
    name: "mtld",
    summary: "MTLD: mean length in words of runs that keep the type-token ratio above 0.72.",
    doc: "What it measures: lexical diversity as the average number of words a text goes before its running type-token ratio falls to 0.72 (McCarthy & Jarvis 2010). Higher = more varied vocabulary; it depends little on length.\n\
Formula: one pass reads the lowercase words, keeping the TTR of the current segment; when it is <= 0.72 a factor is counted and a new segment starts. The unfinished last segment adds the partial factor (1 - TTR) / (1 - 0.72). Pass value = words / factors. MTLD = mean of a forward and a backward pass. When a pass has no factor at all (every word of the text is distinct), its value is the word count, so the result is always finite.\n\
Example: \"one two three one\" -> each pass ends with TTR 3/4 = 0.75, partial factor (1 - 0.75) / 0.28 = 0.8929 -> 4 / 0.8929 = 4.48. \"yes no yes no maybe maybe\" -> each pass has 2 full factors and no remainder -> 6 / 2 = 3.\n\
Limits: unstable under about 100 words (McCarthy & Jarvis recommend at least 100); the value is in words, not a ratio. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| mtld(doc),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[TYPE_TOKEN_RATIO, HAPAX_RATIO, MATTR_50, MTLD];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value, value};

    #[test]
    fn diversity_worked_examples() {
        let t = "The cat saw the dog.";
        assert_value(&TYPE_TOKEN_RATIO, t, 0.8, 1e-12);
        assert_value(&HAPAX_RATIO, t, 0.75, 1e-12);
        assert_value(&MATTR_50, t, 0.8, 1e-12);
        let mut words: Vec<String> = (0..50).map(|i| format!("w{i}")).collect();
        words.push("w1".into());
        assert_value(&MATTR_50, &words.join(" "), 0.99, 1e-12);
        assert_value(&MTLD, "one two three one", 4.0 / (0.25 / 0.28), 1e-9);
        assert_value(&MTLD, "yes no yes no maybe maybe", 3.0, 1e-12);
        // No factor at all: the word count, never infinity.
        assert_value(&MTLD, "one two three", 3.0, 0.0);
        for f in [TYPE_TOKEN_RATIO, HAPAX_RATIO, MATTR_50, MTLD] {
            assert_na(&f, "");
            assert_na(&f, "...");
            assert_na(&f, "今日は晴れです。");
        }
    }

    #[test]
    fn mtld_on_long_repetitive_text_is_finite_and_small() {
        let v = value(&MTLD, &"the same words again ".repeat(500)).unwrap_or(f64::NAN);
        // Every segment "the same words again the ..." falls to 0.72 within a few words.
        assert!(v > 3.0 && v < 8.0, "{v}");
    }
}
