//! Paragraph scores: each paragraph of at least [`MIN_PARAGRAPH_WORDS`] words scored on its
//! own with the document's model and thresholds, so a document that is half human and half
//! machine shows where.
//!
//! A paragraph is a block of the normalised text between blank lines (as
//! [`crate::text::Document::paragraphs`] splits it), analysed as a text of its own; its
//! offsets are mapped back to the article as given. A document is `mixed` when at least one
//! paragraph is `filler` and at least one is `ok`.

use serde::{Deserialize, Serialize};

use crate::features::{extract_subset, Analysis, Context};
use crate::model::predict::{Model, Verdict};
use crate::text::{Document, OffsetMap};

/// Paragraphs with fewer words are not scored: too little text to judge.
pub const MIN_PARAGRAPH_WORDS: usize = 50;

/// One scored paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphScore {
    /// Start: byte offset into the article as given.
    pub start: u32,
    /// End (exclusive).
    pub end: u32,
    /// Calibrated probability of filler, as for a whole article (four decimals).
    pub probability: f64,
    /// The verdict of the document's model and thresholds.
    pub verdict: Verdict,
}

/// The scores of the paragraphs of `doc` (whose original text is `raw`) with at least
/// [`MIN_PARAGRAPH_WORDS`] words, in text order.
pub fn paragraph_scores(
    doc: &Document,
    raw: &str,
    model: &Model,
    cx: &Context,
    wanted: &[bool],
) -> Vec<ParagraphScore> {
    let mut out = Vec::new();
    let mut map: Option<OffsetMap> = None;
    for &p in doc.paragraphs() {
        let text = doc.slice(p);
        // Cheap upper bound first: a paragraph with fewer whitespace runs cannot have 50 words.
        if text.split_whitespace().nth(MIN_PARAGRAPH_WORDS - 1).is_none() && doc.is_space_separated() {
            continue;
        }
        let sub = Document::new(text);
        let words = sub.word_count();
        if words < MIN_PARAGRAPH_WORDS {
            continue;
        }
        let a = Analysis::new(&sub, cx);
        let fv = extract_subset(&a, wanted);
        let (_, probability, verdict, _) = model.decide(&fv.values, words as u32, sub.language().code);
        let (start, end) = map.get_or_insert_with(|| OffsetMap::new(raw, doc.text())).map(p.start, p.end);
        out.push(ParagraphScore { start, end, probability: (probability * 1e4).round() / 1e4, verdict });
    }
    out
}

/// Do the paragraphs disagree clearly: at least one `filler` and at least one `ok`?
pub fn is_mixed(paragraphs: &[ParagraphScore]) -> bool {
    paragraphs.iter().any(|p| p.verdict == Verdict::Filler) && paragraphs.iter().any(|p| p.verdict == Verdict::Ok)
}
