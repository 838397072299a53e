//! Prediction: from feature values to a calibrated probability, a verdict (`filler`, `ok` or
//! `uncertain`) and the reasons behind it.
//!
//! Reasons are the features that pushed the score most, measured against a typical human text:
//! for each input, `coefficient x (value - human median)` in standardised units, from the
//! logistic weights (for a forest model the logistic weights fitted on the same data explain
//! the score). A filler or uncertain verdict lists the strongest pushes towards machine, an ok
//! verdict the strongest towards human.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::file::{Algorithm, FeatureReference, ModelFile};
use crate::features::{Analysis, FeatureVector, FEATURES};

/// The verdict on one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Flagged: low-substance or machine-generated filler.
    Filler,
    /// Not flagged.
    Ok,
    /// Too little evidence to say (see the abstention).
    Uncertain,
}

impl Verdict {
    /// The word used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Filler => "filler",
            Verdict::Ok => "ok",
            Verdict::Uncertain => "uncertain",
        }
    }
}

/// Why the model abstained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Abstention {
    /// Fewer words than the model's minimum.
    TooShort {
        /// Words in the article.
        words: u32,
        /// The minimum.
        min_words: u32,
    },
    /// A language the model was not trained on.
    Language {
        /// The detected language.
        lang: String,
        /// Languages it was trained on.
        trained: Vec<String>,
    },
    /// The probability is in the uncertainty band just below the threshold.
    Borderline {
        /// Lower edge of the band.
        from: f64,
        /// The threshold.
        threshold: f64,
    },
    /// The text has no words (`word_count == 0`): there is nothing to score, so no probability.
    Empty,
}

impl Abstention {
    /// A sentence for people.
    pub fn describe(&self) -> String {
        match self {
            Abstention::TooShort { words, min_words } => {
                format!("too short to judge: {words} words (minimum {min_words})")
            }
            Abstention::Language { lang, trained } => {
                format!("language {lang} is not one the model was trained on ({})", trained.join(", "))
            }
            Abstention::Borderline { from, threshold } => {
                format!("borderline: probability between {from:.2} and the threshold {threshold:.2}")
            }
            Abstention::Empty => "no words: an empty text has no probability".to_string(),
        }
    }

    /// Its code in outputs (the `abstain` field): `too_short`, `unsupported_language`,
    /// `borderline` or `empty`.
    pub fn code(&self) -> &'static str {
        match self {
            Abstention::TooShort { .. } => "too_short",
            Abstention::Language { .. } => "unsupported_language",
            Abstention::Borderline { .. } => "borderline",
            Abstention::Empty => "empty",
        }
    }
}

/// Which way a reason pushed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Towards machine-generated filler.
    Machine,
    /// Towards human writing.
    Human,
}

/// One reason: a feature, its value and the human reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Feature name.
    pub feature: String,
    /// The article's value (`None`: not applicable).
    pub value: Option<f64>,
    /// Median over human training texts.
    pub human_median: Option<f64>,
    /// Which way it pushed.
    pub direction: Direction,
    /// How much it pushed, in log-odds against a typical human text.
    pub weight: f64,
    /// Snippets of the article behind the value (matched phrases, debris lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// A scored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Raw log-odds from the classifier (`None`: a text with no words, which is not scored).
    pub raw: Option<f64>,
    /// Calibrated probability of filler (`None`: a text with no words has none to give).
    pub probability: Option<f64>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why it abstained, when uncertain.
    pub abstention: Option<Abstention>,
    /// Up to three reasons.
    pub reasons: Vec<Reason>,
}

/// A model's identity in outputs: `name@` and the first 8 hex digits of the CRC-32 of its file's
/// bytes (`python3 -c "import zlib,sys; print('%08x' % zlib.crc32(open(sys.argv[1],'rb').read()))" M`
/// gives the same digits).
pub fn identity(name: &str, bytes: &[u8]) -> String {
    format!("{name}@{:08x}", crc32fast::hash(bytes))
}

/// A loaded model, ready to score.
#[derive(Debug, Clone)]
pub struct Model {
    /// The file it came from.
    pub file: ModelFile,
    /// Registry index of each model feature.
    registry_index: Vec<usize>,
    /// Human reference of each model feature.
    reference: Vec<Option<FeatureReference>>,
    /// Standardised human median of each model feature (the baseline of reasons).
    baseline: Vec<f64>,
    /// Name and short hash of the file (see [`identity`]).
    identity: Arc<str>,
}

impl Model {
    /// Wrap a checked model file that has no file name yet: its identity is `unsaved@` and the
    /// hash of the bytes `chaff train` would write for it.
    pub fn new(file: ModelFile) -> Model {
        let bytes = file.to_json();
        Model::named(file, "unsaved", bytes.as_bytes())
    }

    /// Wrap a checked model file read from `bytes`, called `name` in outputs.
    pub fn named(file: ModelFile, name: &str, bytes: &[u8]) -> Model {
        let registry_index: Vec<usize> =
            file.features.iter().map(|f| crate::features::index_of(f).unwrap_or(0)).collect();
        let reference: Vec<Option<FeatureReference>> =
            file.features.iter().map(|f| file.human_reference.iter().find(|r| &r.name == f).cloned()).collect();
        let baseline = file
            .preprocess
            .features
            .iter()
            .zip(&reference)
            .map(|(p, r)| p.standardise(r.as_ref().filter(|r| r.count > 0).map(|r| r.median)))
            .collect();
        Model { file, registry_index, reference, baseline, identity: identity(name, bytes).into() }
    }

    /// `name@hash`: what the `model` field of a score row says.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The identity, shared (each scored article carries it).
    pub fn identity_shared(&self) -> Arc<str> {
        Arc::clone(&self.identity)
    }

    /// Which registry features the model reads (registry order).
    pub fn wanted_features(&self) -> Vec<bool> {
        let mut w = vec![false; FEATURES.len()];
        for &i in &self.registry_index {
            w[i] = true;
        }
        w
    }

    /// The model's feature values picked from a full registry vector.
    pub fn select(&self, values: &[Option<f64>]) -> Vec<Option<f64>> {
        self.registry_index.iter().map(|&i| values[i]).collect()
    }

    /// Raw log-odds for the model's feature values of a text in language `lang`.
    pub fn raw_score(&self, selected: &[Option<f64>], lang: &str) -> f64 {
        let mut x = Vec::with_capacity(self.file.preprocess.width());
        self.file.preprocess.apply(selected, lang, &mut x);
        match (&self.file.algorithm, &self.file.forest) {
            (Algorithm::Forest, Some(f)) => f.log_odds(&x),
            _ => self.file.logistic.log_odds(&x),
        }
    }

    /// Probability and verdict for an article with these registry feature values, `words`
    /// words, in language `lang`.
    pub fn decide(&self, values: &[Option<f64>], words: u32, lang: &str) -> (f64, f64, Verdict, Option<Abstention>) {
        let selected = self.select(values);
        let raw = self.raw_score(&selected, lang);
        let probability = self.file.calibration.apply(raw).clamp(0.0, 1.0);
        let (verdict, abstention) = self.verdict(probability, words, lang);
        (raw, probability, verdict, abstention)
    }

    /// The verdict for a calibrated probability.
    pub fn verdict(&self, probability: f64, words: u32, lang: &str) -> (Verdict, Option<Abstention>) {
        if words == 0 {
            return (Verdict::Uncertain, Some(Abstention::Empty));
        }
        let ab = &self.file.abstain;
        if words < ab.min_words {
            return (Verdict::Uncertain, Some(Abstention::TooShort { words, min_words: ab.min_words }));
        }
        if !ab.languages.iter().any(|l| l == lang) {
            return (
                Verdict::Uncertain,
                Some(Abstention::Language { lang: lang.to_string(), trained: ab.languages.clone() }),
            );
        }
        let band = self.file.threshold.band(words);
        if probability >= band.threshold {
            (Verdict::Filler, None)
        } else if probability >= band.uncertain_from {
            (Verdict::Uncertain, Some(Abstention::Borderline { from: band.uncertain_from, threshold: band.threshold }))
        } else {
            (Verdict::Ok, None)
        }
    }

    /// Score one analysed article whose features are `fv`. A text with no words gets no
    /// probability, no reasons and the `uncertain` verdict: the classifier would answer from
    /// default feature values alone.
    pub fn predict(&self, a: &Analysis<'_>, fv: &FeatureVector) -> Prediction {
        let words = a.word_count() as u32;
        if words == 0 {
            let (verdict, abstention) = (Verdict::Uncertain, Some(Abstention::Empty));
            return Prediction { raw: None, probability: None, verdict, abstention, reasons: Vec::new() };
        }
        let (raw, probability, verdict, abstention) = self.decide(&fv.values, words, a.language().code);
        let direction = if verdict == Verdict::Ok { Direction::Human } else { Direction::Machine };
        let reasons = self.reasons(&fv.values, direction, 3, Some(a));
        Prediction { raw: Some(raw), probability: Some(probability), verdict, abstention, reasons }
    }

    /// The `n` features that pushed most in `direction`, against a typical human text.
    pub fn reasons(
        &self,
        values: &[Option<f64>],
        direction: Direction,
        n: usize,
        doc: Option<&Analysis<'_>>,
    ) -> Vec<Reason> {
        let selected = self.select(values);
        let mut pushes: Vec<(usize, f64)> = self
            .file
            .preprocess
            .features
            .iter()
            .enumerate()
            .map(|(j, p)| (j, self.file.logistic.coefficients[j] * (p.standardise(selected[j]) - self.baseline[j])))
            .filter(|(j, w)| {
                selected[*j].is_some() && if direction == Direction::Machine { *w > 0.0 } else { *w < 0.0 }
            })
            .collect();
        pushes.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        pushes
            .into_iter()
            .take(n)
            .map(|(j, w)| {
                let evidence = match (direction, doc) {
                    (Direction::Machine, Some(a)) => FEATURES[self.registry_index[j]].evidence(a),
                    _ => Vec::new(),
                };
                Reason {
                    feature: self.file.features[j].clone(),
                    value: selected[j],
                    human_median: self.reference[j].as_ref().filter(|r| r.count > 0).map(|r| r.median),
                    direction,
                    weight: w,
                    evidence,
                }
            })
            .collect()
    }

    /// The human reference of a registry feature.
    pub fn reference(&self, name: &str) -> Option<&FeatureReference> {
        self.file.human_reference.iter().find(|r| r.name == name)
    }
}
