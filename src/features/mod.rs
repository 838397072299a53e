//! Features: named, documented measurements of a [`Document`], all listed once in [`FEATURES`].
//!
//! Takes a document and a [`Context`] (the lexicons); returns a [`FeatureVector`] in registry
//! order. It never returns NaN or infinity: a feature that does not apply to a text (English
//! readability on German, word metrics on Japanese) or is undefined for it (a ratio over zero
//! sentences) is `None`, shown as an empty CSV cell or JSON `null`.
//!
//! Adding a feature: write a `pub(crate) const` [`Feature`] in the family file (with its doc:
//! *What it measures*, *Formula*, *Example*, *Limits*), add one line to [`FEATURES`], and test
//! the worked example in the family's `mod tests`. The registry tests below cover the rest.

pub mod function_words;
pub mod lexical;
mod lz4_size;
pub mod morphology;
pub mod readability;
pub mod repetition;
pub mod script_features;
pub mod sentences;
pub mod specificity;
pub mod structure;
pub(crate) mod vocab;

use std::sync::Arc;

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
    pub compute: fn(&Document, &Context) -> Option<f64>,
    /// Up to a few snippets of the text behind the value (matched phrases, debris lines), for
    /// reasons a person can check.
    pub evidence: Option<fn(&Document, &Context) -> Vec<String>>,
}

impl std::fmt::Debug for Feature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feature").field("name", &self.name).finish()
    }
}

impl Feature {
    /// The value for `doc`: `None` when the feature does not apply or is undefined; never
    /// NaN or infinite.
    pub fn value(&self, doc: &Document, cx: &Context) -> Option<f64> {
        if !self.applies.holds(doc) {
            return None;
        }
        let v = (self.compute)(doc, cx)?;
        debug_assert!(v.is_finite(), "feature {} produced {v}", self.name);
        v.is_finite().then_some(v)
    }

    /// Evidence snippets for `doc` (empty when the feature has none or does not apply).
    pub fn evidence(&self, doc: &Document, cx: &Context) -> Vec<String> {
        match self.evidence {
            Some(f) if self.applies.holds(doc) => f(doc, cx),
            _ => Vec::new(),
        }
    }
}

/// Every feature, in output column order. Names are an API: never rename one.
pub static FEATURES: &[Feature] = &[
    // Size and sentence rhythm
    sentences::CHAR_COUNT,
    sentences::WORD_COUNT,
    sentences::SENTENCE_COUNT,
    sentences::PARAGRAPH_COUNT,
    sentences::SENTENCE_LENGTH_MEAN_WORDS,
    sentences::SENTENCE_LENGTH_STD_WORDS,
    sentences::SENTENCE_LENGTH_CV,
    sentences::SENTENCE_LENGTH_MEAN_CHARS,
    sentences::SENTENCES_PER_PARAGRAPH_MEAN,
    // Specificity
    specificity::NUMBER_PER_1K_WORDS,
    specificity::YEAR_DATE_PER_1K_WORDS,
    specificity::CAPITALIZED_WORD_RATIO,
    specificity::QUOTED_CHAR_RATIO,
    specificity::URL_PER_1K_WORDS,
    // Structure, punctuation and debris
    structure::HEADING_LINE_RATIO,
    structure::BULLET_LINE_RATIO,
    structure::NUMBERED_LINE_RATIO,
    structure::TERMINAL_PUNCT_LINE_RATIO,
    structure::SHORT_LINE_RATIO,
    structure::BOILERPLATE_LINE_RATIO,
    structure::CASEFOLD_DUPLICATE_LINE_RATIO,
    structure::ELLIPSIS_LINE_RATIO,
    structure::GOPHER_STOP_WORD_COUNT,
    structure::MEAN_WORD_LENGTH_CHARS,
    structure::HASH_TO_WORD_RATIO,
    structure::ELLIPSIS_TO_WORD_RATIO,
    structure::ALPHA_WORD_RATIO,
    structure::COMMA_PER_SENTENCE,
    structure::COLON_SEMICOLON_PER_SENTENCE,
    structure::DASH_PAREN_PER_SENTENCE,
    structure::QUESTION_EXCLAMATION_RATIO,
    // Script and language
    script_features::LANGUAGE_CONFIDENCE,
    script_features::NON_LATIN_LETTER_RATIO,
    script_features::CJK_LETTER_RATIO,
    script_features::FOREIGN_SCRIPT_PARAGRAPH_RATIO,
    // Lexicon
    lexical::BUZZWORD_PER_1K_WORDS,
    lexical::LLM_WORD_PER_1K_WORDS,
    lexical::STOCK_PHRASE_PER_1K_WORDS,
    lexical::TRANSITION_PER_1K_WORDS,
    lexical::HEDGE_PER_1K_WORDS,
    lexical::INTENSIFIER_PER_1K_WORDS,
    lexical::ATTRIBUTION_VERB_PER_1K_WORDS,
    lexical::FIRST_PERSON_PER_1K_WORDS,
    lexical::SECOND_PERSON_PER_1K_WORDS,
    lexical::CONTRACTION_PER_1K_WORDS,
    lexical::CONTRAST_TEMPLATE_PER_1K_WORDS,
    // Repetition
    repetition::DUP_PARA_FRAC,
    repetition::DUP_PARA_CHAR_FRAC,
    repetition::DUP_LINE_FRAC,
    repetition::DUP_LINE_CHAR_FRAC,
    repetition::TOP_2_GRAM_CHAR_FRAC,
    repetition::TOP_3_GRAM_CHAR_FRAC,
    repetition::TOP_4_GRAM_CHAR_FRAC,
    repetition::DUP_5_GRAM_CHAR_FRAC,
    repetition::DUP_6_GRAM_CHAR_FRAC,
    repetition::DUP_7_GRAM_CHAR_FRAC,
    repetition::DUP_8_GRAM_CHAR_FRAC,
    repetition::DUP_9_GRAM_CHAR_FRAC,
    repetition::DUP_10_GRAM_CHAR_FRAC,
    repetition::TYPE_TOKEN_RATIO,
    repetition::HAPAX_RATIO,
    repetition::MATTR_50,
    repetition::MTLD,
    repetition::COMPRESSION_RATIO,
    repetition::REPEATED_OPENER_RATIO,
    // Readability
    readability::FLESCH_READING_EASE,
    readability::FLESCH_KINCAID_GRADE,
    readability::GUNNING_FOG,
    readability::SMOG_INDEX,
    readability::COLEMAN_LIAU_INDEX,
    readability::AUTOMATED_READABILITY_INDEX,
    readability::LIX,
    readability::RIX,
    readability::FLESCH_AMSTAD_DE,
    readability::KANDEL_MOLES_FR,
    readability::FERNANDEZ_HUERTA_ES,
    readability::SYLLABLES_PER_WORD,
    readability::CHARS_PER_WORD,
    readability::POLYSYLLABLE_RATIO,
    // Word shapes
    morphology::LY_WORD_PER_1K_WORDS,
    morphology::ING_WORD_PER_1K_WORDS,
    morphology::ED_WORD_PER_1K_WORDS,
    morphology::NOMINALIZATION_PER_1K_WORDS,
    morphology::ADJECTIVE_SUFFIX_PER_1K_WORDS,
    morphology::LONG_WORD_RATIO,
    morphology::SHORT_WORD_RATIO,
    morphology::WORD_LENGTH_STD_CHARS,
    // English function-word profile (one feature per word in function_words::WORDS)
    function_words::FW_THE,
    function_words::FW_OF,
    function_words::FW_AND,
    function_words::FW_TO,
    function_words::FW_A,
    function_words::FW_IN,
    function_words::FW_THAT,
    function_words::FW_IS,
    function_words::FW_WAS,
    function_words::FW_IT,
    function_words::FW_FOR,
    function_words::FW_ON,
    function_words::FW_WITH,
    function_words::FW_AS,
    function_words::FW_HE,
    function_words::FW_BE,
    function_words::FW_AT,
    function_words::FW_BY,
    function_words::FW_THIS,
    function_words::FW_HAD,
    function_words::FW_FROM,
    function_words::FW_BUT,
    function_words::FW_NOT,
    function_words::FW_ARE,
    function_words::FW_HAVE,
    function_words::FW_WHICH,
    function_words::FW_WERE,
    function_words::FW_BEEN,
    function_words::FW_HAS,
    function_words::FW_THEIR,
    function_words::FW_THEY,
    function_words::FW_WOULD,
    function_words::FW_WILL,
    function_words::FW_THERE,
    function_words::FW_WHAT,
    function_words::FW_ABOUT,
    function_words::FW_CAN,
    function_words::FW_WHEN,
    function_words::FW_WHO,
    function_words::FW_ITS,
    function_words::FW_AN,
    function_words::FW_OR,
    function_words::FW_SHE,
    function_words::FW_WE,
    function_words::FW_YOU,
    function_words::FW_HIS,
    function_words::FW_HER,
    function_words::FW_THEM,
    function_words::FW_THAN,
    function_words::FW_ALSO,
    function_words::FW_AFTER,
    function_words::FW_INTO,
    function_words::FW_MORE,
    function_words::FW_SAID,
    function_words::FW_COULD,
    function_words::FW_SHOULD,
    function_words::FW_THESE,
    function_words::FW_THOSE,
    function_words::FW_OUR,
    function_words::FW_I,
    function_words::FW_ME,
    function_words::FW_MY,
    function_words::FW_US,
    function_words::FW_YOUR,
    function_words::FW_HIM,
    function_words::FW_SO,
    function_words::FW_JUST,
    function_words::FW_VERY,
    function_words::FW_ONLY,
    function_words::FW_EVEN,
    function_words::FW_HOWEVER,
    function_words::FW_WHILE,
    function_words::FW_WHERE,
    function_words::FW_HOW,
    function_words::FW_ALL,
    function_words::FW_BOTH,
    function_words::FW_EACH,
    function_words::FW_MANY,
    function_words::FW_SOME,
    function_words::FW_OTHER,
    function_words::FW_SUCH,
    function_words::FW_MOST,
    function_words::FW_ANY,
    function_words::FW_NO,
    function_words::FW_NOR,
    function_words::FW_IF,
    function_words::FW_THEN,
    function_words::FW_BECAUSE,
    function_words::FW_ALTHOUGH,
    function_words::FW_THOUGH,
    function_words::FW_WHETHER,
    function_words::FW_UNTIL,
    function_words::FW_SINCE,
    function_words::FW_BEFORE,
    function_words::FW_DURING,
    function_words::FW_WITHOUT,
    function_words::FW_WITHIN,
    function_words::FW_BETWEEN,
    function_words::FW_THROUGH,
    function_words::FW_OVER,
    function_words::FW_UNDER,
    function_words::FW_AGAIN,
    function_words::FW_FURTHER,
    function_words::FW_ONCE,
    function_words::FW_HERE,
    function_words::FW_WHY,
    function_words::FW_OWN,
    function_words::FW_SAME,
    function_words::FW_TOO,
    function_words::FW_NOW,
    function_words::FW_WELL,
];

/// The feature called `name`.
pub fn by_name(name: &str) -> Option<&'static Feature> {
    FEATURES.iter().find(|f| f.name == name)
}

/// Position of the feature called `name` in [`FEATURES`].
pub fn index_of(name: &str) -> Option<usize> {
    FEATURES.iter().position(|f| f.name == name)
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

/// Compute every feature of `doc`.
pub fn extract(doc: &Document, cx: &Context) -> FeatureVector {
    FeatureVector { values: FEATURES.iter().map(|f| f.value(doc, cx)).collect() }
}

/// Compute only the features marked in `wanted` (registry order); the others are `None`.
/// Scoring needs only the model's features, which is much cheaper than the whole set.
pub fn extract_subset(doc: &Document, cx: &Context, wanted: &[bool]) -> FeatureVector {
    FeatureVector {
        values: FEATURES.iter().zip(wanted).map(|(f, &w)| if w { f.value(doc, cx) } else { None }).collect(),
    }
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
        f.value(&Document::new(text), &Context::default())
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
            let fv = extract(&doc, &cx);
            assert_eq!(fv.values.len(), FEATURES.len());
            for (f, v) in FEATURES.iter().zip(&fv.values) {
                if let Some(v) = v {
                    assert!(v.is_finite(), "{} = {v} on {:?}", f.name, &text[..text.len().min(40)]);
                }
                let _ = f.evidence(&doc, &cx);
            }
        }
    }
}
