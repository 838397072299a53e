//! Evidence spans: where in the article, as it was given, the things behind its scores are.
//!
//! The features count things in the normalised text; [`crate::features::locate::locate`]
//! says where, and [`OffsetMap`] maps those places back to the article's own bytes. Which
//! features give spans:
//! - every filler cue that counts things ([`CUES`]: lexicon phrase families, contrast
//!   templates, duplicate, boilerplate and ellipsis lines, duplicate paragraphs), whatever the
//!   verdict;
//! - every reason of the prediction whose feature counts things (function words, suffix
//!   words, contractions, first person, repeated openers, ...), whichever way it pushed.
//!
//! A reason about a whole-text measure (sentence-length spread, type-token ratio) has none.

use std::borrow::Cow;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::features::locate::locate;
use crate::features::{index_of, Analysis, FEATURES};
use crate::model::predict::Reason;
use crate::text::OffsetMap;

/// The filler cues located in every article, reasons or not.
pub const CUES: &[&str] = &[
    "stock_phrase_per_1k_words",
    "buzzword_per_1k_words",
    "llm_word_per_1k_words",
    "transition_per_1k_words",
    "hedge_per_1k_words",
    "intensifier_per_1k_words",
    "contrast_template_per_1k_words",
    "boilerplate_line_ratio",
    "dup_line_frac",
    "dup_para_frac",
    "ellipsis_line_ratio",
];
// Not a cue: casefold_duplicate_line_ratio. Its lowercase line keys cost about 7 % of a whole
// `chaff score` run (the model does not read it), so its lines are located only when it is a
// reason.

/// One span of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceSpan {
    /// Start: UTF-8 byte offset into the article as given (for HTML, its extracted text).
    pub start: u32,
    /// End (exclusive), a byte offset like `start`.
    pub end: u32,
    /// The article's bytes `start..end`.
    pub text: String,
    /// The feature it counts toward (borrowed from the registry when chaff made the span).
    pub feature: Cow<'static, str>,
    /// Its family: `stock_phrase`, `buzzword`, `llm_word`, `duplicate_line`, ...
    pub kind: Cow<'static, str>,
}

/// The evidence spans of an analysed article whose original text is `raw`, sorted by start
/// (then by end, longest first). A span found by a reason's feature and a cue alike is listed
/// once, under the reason's feature. `values` are the feature values computed so far
/// (registry order, `None` where not computed): a counting feature whose value is 0 counted
/// nothing, so it is not searched.
pub fn evidence(a: &Analysis<'_>, raw: &str, reasons: &[Reason], values: &[Option<f64>]) -> Vec<EvidenceSpan> {
    let mut found: Vec<(u32, u32, &'static str, &'static str)> = Vec::new();
    let mut seen: FxHashSet<(u32, u32, &'static str)> = FxHashSet::default();
    // Registry names (`'static`), so that spans borrow them.
    let reason_names = reasons.iter().filter_map(|r| index_of(&r.feature)).map(|i| FEATURES[i].name);
    for name in reason_names.chain(CUES.iter().copied()) {
        if index_of(name).and_then(|i| values.get(i).copied().flatten()) == Some(0.0) {
            continue;
        }
        if let Some((kind, spans)) = locate(a, name) {
            for s in spans {
                if seen.insert((s.start, s.end, kind)) {
                    found.push((s.start, s.end, name, kind));
                }
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let map = OffsetMap::new(raw, a.text());
    let mut out: Vec<EvidenceSpan> = found
        .into_iter()
        .map(|(s, e, feature, kind)| {
            let (start, end) = map.map(s, e);
            EvidenceSpan {
                start,
                end,
                text: raw.get(start as usize..end as usize).unwrap_or_default().to_string(),
                feature: Cow::Borrowed(feature),
                kind: Cow::Borrowed(kind),
            }
        })
        .collect();
    out.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)).then(x.kind.cmp(&y.kind)));
    out
}
