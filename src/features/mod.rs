//! Features: named, documented measurements of a [`Document`], all listed once in [`FEATURES`].
//!
//! Takes a document and a [`Context`] (the lexicons), seen together as an [`Analysis`] that
//! caches the work several features share; returns a [`FeatureVector`] in registry order. It never returns NaN or infinity: a feature that does not apply to a text (English
//! readability on German, word metrics on Japanese) or is undefined for it (a ratio over zero
//! sentences) is `None`, shown as an empty CSV cell or JSON `null`.
//!
//! Adding a feature: write a `pub(crate) const` [`Feature`] in the family file (with its doc:
//! *What it measures*, *Formula*, *Example*, *Limits*), add it to the family's `FEATURES` list,
//! and test the worked example in the family's `mod tests`. The registry tests below cover the
//! rest.

mod analysis;
mod compression;
mod diversity;
pub(crate) mod function_words;
mod gopher;
pub(crate) mod lexical;
pub mod locate;
pub(crate) mod morphology;
mod openers;
pub(crate) mod readability;
pub(crate) mod script_features;
pub mod sentences;
pub(crate) mod specificity;
pub(crate) mod structure;
pub(crate) mod word_facts;

use std::sync::Arc;

pub use analysis::Analysis;

use crate::lexicon::{LexiconSet, DEFAULT_LEXICONS};
use crate::text::Document;

/// When a feature is meaningful.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Any text.
    Any,
    /// Texts whose words are separated by spaces (not Chinese, Japanese, Thai).
    SpaceSeparated,
    /// Texts in one of these languages (ISO 639-1 codes).
    Languages(&'static [&'static str]),
}

impl Applicability {
    /// Does it apply to `doc`?
    pub fn holds(self, doc: &Document) -> bool {
        match self {
            Applicability::Any => true,
            Applicability::SpaceSeparated => doc.is_space_separated(),
            Applicability::Languages(langs) => {
                // Codes are a few bytes: compared inline, not by a call to memcmp per code.
                let code = doc.language().code.as_bytes();
                langs.iter().any(|l| l.len() == code.len() && l.bytes().zip(code).all(|(a, &b)| a == b))
            }
        }
    }

    /// Human-readable description for `chaff explain`.
    pub fn describe(self) -> String {
        match self {
            Applicability::Any => "any text".to_string(),
            Applicability::SpaceSeparated => {
                "texts written with spaces between words (not Chinese, Japanese or Thai)".to_string()
            }
            Applicability::Languages(l) => format!("texts detected as {}", l.join(", ")),
        }
    }
}

/// What a feature says about a text: the style of its writing, or something that is not
/// authorship and that a model should not lean on (length, layout, scraper debris, language).
/// The default model uses only `Style` features; the others are measured and reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// How the text is written.
    Style,
    /// How long it is.
    Length,
    /// How it is laid out (paragraphs, lines, headings).
    Layout,
    /// Web debris left by scrapers.
    Debris,
    /// Which language or script it is in.
    Language,
    /// How hard the text is to read (sentence length, word length, readability grades): it
    /// measures register and the writer's proficiency as much as authorship (learners and
    /// children write short, easy sentences), so the default model does not use it.
    Register,
}

/// Shared inputs of feature computation.
#[derive(Debug, Clone)]
pub struct Context {
    /// The compiled lexicons (embedded plus user extensions).
    pub lexicons: Arc<LexiconSet>,
}

impl Default for Context {
    fn default() -> Self {
        Context { lexicons: DEFAULT_LEXICONS.clone() }
    }
}

/// One feature.
#[derive(Clone, Copy)]
pub struct Feature {
    /// Stable snake_case name with its unit: CSV header, model schema, `chaff explain`.
    pub name: &'static str,
    /// One line: what it measures.
    pub summary: &'static str,
    /// Long form with the headings What it measures / Formula / Example / Limits.
    pub doc: &'static str,
    /// When it is meaningful.
    pub applies: Applicability,
    /// What kind of cue it is.
    pub cue: Cue,
    /// The value; `None` when undefined for this text. Only called when `applies` holds.
    pub compute: fn(&Analysis<'_>) -> Option<f64>,
    /// Up to a few snippets of the text behind the value (matched phrases, debris lines), for
    /// reasons a person can check.
    pub evidence: Option<fn(&Analysis<'_>) -> Vec<String>>,
}

impl std::fmt::Debug for Feature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feature").field("name", &self.name).finish()
    }
}

impl Feature {
    /// The value for the analysed document: `None` when the feature does not apply or is
    /// undefined; never NaN or infinite.
    pub fn value(&self, a: &Analysis<'_>) -> Option<f64> {
        if !self.applies.holds(a) {
            return None;
        }
        let v = (self.compute)(a)?;
        debug_assert!(v.is_finite(), "feature {} produced {v}", self.name);
        v.is_finite().then_some(v)
    }

    /// Evidence snippets for the analysed document (empty when the feature has none or does
    /// not apply).
    pub fn evidence(&self, a: &Analysis<'_>) -> Vec<String> {
        match self.evidence {
            Some(f) if self.applies.holds(a) => f(a),
            _ => Vec::new(),
        }
    }
}

/// The feature families, in output column order. Adding a feature: add it to its family's
/// `FEATURES` list; adding a family: add its list here.
const FAMILIES: &[&[Feature]] = &[
    sentences::FEATURES,
    specificity::FEATURES,
    structure::FEATURES,
    script_features::FEATURES,
    lexical::FEATURES,
    gopher::FEATURES,
    diversity::FEATURES,
    compression::FEATURES,
    openers::FEATURES,
    readability::FEATURES,
    morphology::FEATURES,
    function_words::FEATURES,
];

/// Every feature, in output column order (the families' lists one after another). Names are
/// an API: never rename one.
pub static FEATURES: &[Feature] = &REGISTRY;

static REGISTRY: [Feature; feature_count(FAMILIES)] = concatenate(FAMILIES);

/// The number of features in `families`.
const fn feature_count(families: &[&[Feature]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < families.len() {
        n += families[i].len();
        i += 1;
    }
    n
}

/// The features of `families` one after another, at compile time.
const fn concatenate<const N: usize>(families: &[&[Feature]]) -> [Feature; N] {
    let mut out = [families[0][0]; N];
    let mut k = 0;
    let mut i = 0;
    while i < families.len() {
        let mut j = 0;
        while j < families[i].len() {
            out[k] = families[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(k == N, "feature count");
    out
}

/// The feature called `name`.
pub fn by_name(name: &str) -> Option<&'static Feature> {
    FEATURES.iter().find(|f| f.name == name)
}

/// Position of the feature called `name` in [`FEATURES`] (a hash lookup: evidence asks for
/// a dozen names per article).
pub fn index_of(name: &str) -> Option<usize> {
    static INDEX: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| FEATURES.iter().enumerate().map(|(i, f)| (f.name, i)).collect());
    INDEX.get(name).copied()
}

/// Feature values of one document, in [`FEATURES`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureVector {
    /// One value per feature; `None` = not applicable.
    pub values: Vec<Option<f64>>,
}

impl FeatureVector {
    /// The value of the feature called `name`.
    pub fn get(&self, name: &str) -> Option<f64> {
        index_of(name).and_then(|i| self.values[i])
    }
}

/// Compute every feature of `doc` with the lexicons of `cx`.
pub fn extract(doc: &Document, cx: &Context) -> FeatureVector {
    extract_from(&Analysis::new(doc, cx))
}

/// Compute every feature of an analysed document.
pub fn extract_from(a: &Analysis<'_>) -> FeatureVector {
    FeatureVector { values: FEATURES.iter().map(|f| f.value(a)).collect() }
}

/// Compute only the features marked in `wanted` (registry order); the others are `None`.
/// Scoring needs only the model's features, which is much cheaper than the whole set.
pub(crate) fn extract_subset(a: &Analysis<'_>, wanted: &[bool]) -> FeatureVector {
    FeatureVector { values: FEATURES.iter().zip(wanted).map(|(f, &w)| if w { f.value(a) } else { None }).collect() }
}

/// Ratio helper: `num / den`, `None` when `den` is zero.
pub(crate) fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0).then(|| num / den)
}

/// Rate per 1,000 words, `None` without words.
pub(crate) fn per_1k_words(count: f64, doc: &Document) -> Option<f64> {
    ratio(count * 1000.0, doc.word_count() as f64)
}

/// Helpers for the per-feature tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The value of feature `f` on `text`.
    pub(crate) fn value(f: &Feature, text: &str) -> Option<f64> {
        f.value(&Analysis::new(&Document::new(text), &Context::default()))
    }

    /// The evidence of feature `f` on `text`.
    pub(crate) fn evidence(f: &Feature, text: &str) -> Vec<String> {
        f.evidence(&Analysis::new(&Document::new(text), &Context::default()))
    }

    /// Assert that `f` on `text` is `expected` within `tol`.
    #[track_caller]
    pub(crate) fn assert_value(f: &Feature, text: &str, expected: f64, tol: f64) {
        match value(f, text) {
            Some(v) => assert!((v - expected).abs() <= tol, "{}: expected {expected}, got {v} on {text:?}", f.name),
            None => panic!("{}: expected {expected}, got not-applicable on {text:?}", f.name),
        }
    }

    /// Assert that `f` is not applicable to (or undefined on) `text`.
    #[track_caller]
    pub(crate) fn assert_na(f: &Feature, text: &str) {
        let v = value(f, text);
        assert!(v.is_none(), "{}: expected not-applicable, got {v:?} on {text:?}", f.name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for f in FEATURES {
            assert!(seen.insert(f.name), "duplicate feature name {}", f.name);
            assert!(
                !f.name.is_empty() && f.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{} is not snake_case",
                f.name
            );
            assert!(!f.name.starts_with('_') && !f.name.ends_with('_') && !f.name.contains("__"), "{}", f.name);
            assert!(!f.summary.is_empty() && !f.summary.contains('\n'), "{}: summary must be one line", f.name);
            for heading in ["What it measures", "Formula", "Example", "Limits"] {
                assert!(f.doc.contains(heading), "{}: doc lacks the heading {heading:?}", f.name);
            }
        }
    }

    /// Odd inputs on which every feature must give a finite value or not-applicable, and
    /// never panic.
    fn edge_texts() -> Vec<String> {
        vec![
            String::new(),
            " \n\t ".into(),
            "word".into(),
            "🙂🎉🙂".into(),
            "?!...;;--".into(),
            "Das Straßenverkehrsgesetz gilt. Größere Äpfel fallen weit.".into(),
            "今日は晴れです。明日は雨ですか？\n\n東京タワーは高い。".into(),
            "English with 日本語 and Ελληνικά and русский текст mixed in one line.".into(),
            "\u{0000}\u{0007}control\u{001B}chars\u{007F}".into(),
            "a\n\n\n\nb\n\nc".into(),
            "The same sentence again. ".repeat(40_000),
            "x".repeat(100_000),
            "1 2 3 4 5 6 7 8 9 10".into(),
            "- item\n- item\n- item".into(),
            "\"\"\"''' «»".into(),
        ]
    }

    #[test]
    fn every_feature_is_finite_or_not_applicable_on_odd_text() {
        let cx = Context::default();
        for text in edge_texts() {
            let doc = Document::new(&text);
            let a = Analysis::new(&doc, &cx);
            let fv = extract_from(&a);
            assert_eq!(fv.values.len(), FEATURES.len());
            for (f, v) in FEATURES.iter().zip(&fv.values) {
                if let Some(v) = v {
                    assert!(v.is_finite(), "{} = {v} on {:?}", f.name, &text[..text.len().min(40)]);
                }
                let _ = f.evidence(&a);
            }
        }
    }
}
