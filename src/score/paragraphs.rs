//! Paragraph scores: each paragraph of at least [`MIN_PARAGRAPH_WORDS`] words scored on its
//! own with the document's model and thresholds, so a document that is half human and half
//! machine shows where.
//!
//! A paragraph is a block of the normalised text between blank lines (as
//! [`crate::text::Document::paragraphs`] splits it), analysed as a text of its own; its
//! offsets are mapped back to the article as given. A document is `mixed` when its paragraphs
//! clearly disagree ([`is_mixed`]).

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

/// Do the paragraphs disagree clearly: at least two `filler` paragraphs and one `ok`, and
/// each verdict on at least a quarter of the scored paragraphs?
///
/// One `filler` paragraph among many is not enough: on the shared corpora (labels per
/// document), "any filler and any ok" marked 26 % of the human PolitiFact articles (about 12
/// scored paragraphs each) mixed, this rule 1.6 % (iu corpus: 6.4 % -> 0.6 %); see the README.
pub fn is_mixed(paragraphs: &[ParagraphScore]) -> bool {
    let n = paragraphs.len();
    let filler = paragraphs.iter().filter(|p| p.verdict == Verdict::Filler).count();
    let ok = paragraphs.iter().filter(|p| p.verdict == Verdict::Ok).count();
    filler >= 2 && ok >= 1 && 4 * filler >= n && 4 * ok >= n
}

#[cfg(test)]
mod tests {
    use super::{is_mixed, ParagraphScore};
    use crate::model::predict::Verdict::{self, Filler, Ok, Uncertain};

    fn paras(v: &[Verdict]) -> Vec<ParagraphScore> {
        v.iter().map(|&verdict| ParagraphScore { start: 0, end: 1, probability: 0.5, verdict }).collect()
    }

    #[test]
    fn mixed_needs_a_clear_disagreement() {
        assert!(is_mixed(&paras(&[Filler, Filler, Ok])));
        assert!(is_mixed(&paras(&[Filler, Ok, Filler, Ok, Uncertain, Ok, Ok, Ok])), "2 of 8 filler is a quarter");
        assert!(!is_mixed(&paras(&[Filler, Ok])), "one filler paragraph");
        assert!(!is_mixed(&paras(&[Filler, Filler, Ok, Ok, Ok, Ok, Ok, Ok, Ok])), "2 of 9 is under a quarter");
        assert!(!is_mixed(&paras(&[Filler, Filler, Uncertain])), "no ok paragraph");
        assert!(!is_mixed(&paras(&[])));
    }
}
