//! The rows batch charts draw: one scored article, from a [`ScoredArticle`] in memory or a
//! line of a file written by `chaff score`.

use crate::model::predict::{Direction, Verdict};
use crate::score::ScoredArticle;

use super::style::readable;

/// One reason of a scored article.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchReason {
    /// Feature name.
    pub feature: String,
    /// The article's value.
    pub value: Option<f64>,
    /// The human median of the model it was scored with.
    pub human_median: Option<f64>,
    /// Which way it pushed, when known.
    pub direction: Option<Direction>,
}

impl BatchReason {
    /// `feature = value (human median m)`.
    pub fn text(&self) -> String {
        let v = self.value.map(readable).unwrap_or_else(|| "n/a".into());
        let m = self.human_median.map(readable).unwrap_or_else(|| "n/a".into());
        format!("{} = {} (human median {})", self.feature, v, m)
    }
}

/// One scored article as the batch charts see it.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRow {
    /// Article id.
    pub id: String,
    /// Language code.
    pub lang: String,
    /// Word count.
    pub words: u32,
    /// Calibrated probability of filler (0..1; `None` for a text with no words).
    pub probability: Option<f64>,
    /// The verdict.
    pub verdict: Verdict,
    /// Up to three reasons, strongest first.
    pub reasons: Vec<BatchReason>,
    /// Why the model abstained, when uncertain.
    pub uncertain_because: Option<String>,
    /// Every feature value in registry order, when the scores kept them.
    pub features: Option<Vec<Option<f64>>>,
}

impl BatchRow {
    /// The row of a scored article.
    pub fn from_scored(s: &ScoredArticle) -> BatchRow {
        let p = &s.prediction;
        BatchRow {
            id: s.id.clone(),
            lang: s.lang.to_string(),
            words: s.words,
            probability: p.probability.filter(|p| p.is_finite()).map(|p| p.clamp(0.0, 1.0)),
            verdict: p.verdict,
            reasons: p
                .reasons
                .iter()
                .map(|r| BatchReason {
                    feature: r.feature.clone(),
                    value: r.value,
                    human_median: r.human_median,
                    direction: Some(r.direction),
                })
                .collect(),
            uncertain_because: p.abstention.as_ref().map(|a| a.describe()),
            features: s.features.clone(),
        }
    }

    /// What the most-flagged chart says about the article: the abstention when it was too
    /// short or in an untrained language, else its strongest reason.
    pub fn top_reason_text(&self) -> String {
        match &self.uncertain_because {
            Some(b) if self.verdict == Verdict::Uncertain && !b.starts_with("borderline") => format!("uncertain: {b}"),
            _ => self.reasons.first().map(BatchReason::text).unwrap_or_default(),
        }
    }
}

/// Rows ranked by probability, highest first, rows without one last (input order among ties).
pub(crate) fn ranked(rows: &[BatchRow]) -> Vec<&BatchRow> {
    let key = |r: &BatchRow| r.probability.unwrap_or(f64::NEG_INFINITY);
    let mut v: Vec<&BatchRow> = rows.iter().collect();
    v.sort_by(|a, b| key(b).total_cmp(&key(a)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_reason_prefers_abstention_except_borderline() {
        let mut r = BatchRow {
            id: "a".into(),
            lang: "en".into(),
            words: 20,
            probability: Some(0.4),
            verdict: Verdict::Uncertain,
            reasons: vec![BatchReason {
                feature: "buzzword_per_1k_words".into(),
                value: Some(12.345),
                human_median: Some(0.0),
                direction: Some(Direction::Machine),
            }],
            uncertain_because: Some("too short to judge: 20 words (minimum 50)".into()),
            features: None,
        };
        assert_eq!(r.top_reason_text(), "uncertain: too short to judge: 20 words (minimum 50)");
        r.uncertain_because = Some("borderline: probability between 0.20 and the threshold 0.30".into());
        assert_eq!(r.top_reason_text(), "buzzword_per_1k_words = 12.3 (human median 0)");
        let other = BatchRow { id: "b".into(), probability: Some(0.9), ..r.clone() };
        let empty = BatchRow { id: "c".into(), probability: None, ..r.clone() };
        let rows = [empty, r, other];
        assert_eq!(ranked(&rows).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["b", "a", "c"]);
    }
}
