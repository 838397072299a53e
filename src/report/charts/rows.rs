//! How the batch charts show scored rows ([`ScoreRow`], from `chaff score` in memory or read
//! back from its file): their ranking and the strongest reason of each.

use crate::model::predict::Verdict;
use crate::output::{ScoreReason, ScoreRow};

use crate::report::kit::style::readable;

/// `feature = value (human median m)`.
pub(crate) fn reason_label(r: &ScoreReason) -> String {
    let v = r.value.map(readable).unwrap_or_else(|| "n/a".into());
    let m = r.human_median.map(readable).unwrap_or_else(|| "n/a".into());
    format!("{} = {} (human median {})", r.feature, v, m)
}

/// What the most-flagged chart says about an article: the abstention when the model did not
/// judge it (too short, another language, no words), else its strongest reason.
pub(crate) fn strongest_reason(row: &ScoreRow) -> String {
    match &row.uncertain_because {
        Some(b) if row.verdict == Verdict::Uncertain && !b.starts_with("borderline") => format!("uncertain: {b}"),
        _ => row.reasons.first().map(reason_label).unwrap_or_default(),
    }
}

/// Rows ranked by probability, highest first, rows without one last (input order among ties).
pub(crate) fn ranked(rows: &[ScoreRow]) -> Vec<&ScoreRow> {
    let key = |r: &ScoreRow| r.probability.unwrap_or(f64::NEG_INFINITY);
    let mut v: Vec<&ScoreRow> = rows.iter().collect();
    v.sort_by(|a, b| key(b).total_cmp(&key(a)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::predict::Direction;

    #[test]
    fn strongest_reason_prefers_abstention_except_borderline() {
        let mut r = ScoreRow {
            id: "a".into(),
            lang: "en".into(),
            words: 20,
            probability: Some(0.4),
            verdict: Verdict::Uncertain,
            reasons: vec![ScoreReason {
                feature: "buzzword_per_1k_words".into(),
                value: Some(12.345),
                human_median: Some(0.0),
                direction: Direction::Machine,
                evidence: vec![],
            }],
            uncertain_because: Some("too short to judge: 20 words (minimum 50)".into()),
            abstain: Some("too_short".into()),
            model: Some("default@00000000".into()),
            evidence: None,
            paragraphs: None,
            mixed: None,
            features: None,
        };
        assert_eq!(strongest_reason(&r), "uncertain: too short to judge: 20 words (minimum 50)");
        r.uncertain_because = Some("borderline: probability between 0.20 and the threshold 0.30".into());
        assert_eq!(strongest_reason(&r), "buzzword_per_1k_words = 12.3 (human median 0)");
        let other = ScoreRow { id: "b".into(), probability: Some(0.9), ..r.clone() };
        let empty = ScoreRow { id: "c".into(), probability: None, ..r.clone() };
        let rows = [empty, r, other];
        assert_eq!(ranked(&rows).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["b", "a", "c"]);
    }
}
