//! The scoring pipeline of the library: article -> document -> features -> model -> verdict
//! and reasons, and on request evidence spans ([`evidence`]) and paragraph scores
//! ([`paragraphs`]). The CLI streams articles through [`Scorer::score`] in parallel.

pub mod evidence;
pub mod paragraphs;

use std::sync::Arc;

use crate::article::Article;
use crate::features::{extract_from, extract_subset, Analysis, Context};
use crate::model::predict::{Model, Prediction};
use crate::text::Document;
use evidence::EvidenceSpan;
use paragraphs::ParagraphScore;

/// One scored article.
#[derive(Debug, Clone)]
pub struct ScoredArticle {
    /// Its id.
    pub id: String,
    /// Detected language.
    pub lang: &'static str,
    /// Word count.
    pub words: u32,
    /// Probability, verdict and reasons.
    pub prediction: Prediction,
    /// Every feature value (registry order), when asked for.
    pub features: Option<Vec<Option<f64>>>,
    /// The identity of the model that scored it (`name@hash`, [`Model::identity`]).
    pub model: Arc<str>,
    /// Evidence spans, sorted by start, when asked for with [`Scorer::with_evidence`].
    pub evidence: Option<Vec<EvidenceSpan>>,
    /// Paragraph scores, when asked for with [`Scorer::with_paragraphs`].
    pub paragraphs: Option<Vec<ParagraphScore>>,
}

/// Scores articles with one model and one feature context.
#[derive(Debug, Clone)]
pub struct Scorer<'m> {
    model: &'m Model,
    cx: Context,
    wanted: Vec<bool>,
    evidence: bool,
    paragraphs: bool,
}

impl<'m> Scorer<'m> {
    /// A scorer for `model` with lexicons from `cx`.
    pub fn new(model: &'m Model, cx: Context) -> Self {
        Scorer { model, cx, wanted: model.wanted_features(), evidence: false, paragraphs: false }
    }

    /// Also locate the evidence of each article ([`ScoredArticle::evidence`]).
    pub fn with_evidence(mut self, on: bool) -> Self {
        self.evidence = on;
        self
    }

    /// Also score each paragraph of at least 50 words ([`ScoredArticle::paragraphs`]).
    pub fn with_paragraphs(mut self, on: bool) -> Self {
        self.paragraphs = on;
        self
    }

    /// The model.
    pub fn model(&self) -> &Model {
        self.model
    }

    /// The paragraph scores of one article (as [`Scorer::with_paragraphs`] adds them).
    pub fn paragraphs(&self, article: &Article) -> Vec<ParagraphScore> {
        let doc = Document::new(&article.text);
        paragraphs::paragraph_scores(&doc, &article.text, self.model, &self.cx, &self.wanted)
    }

    /// Score one article; compute and keep every feature value when `keep_features` is set
    /// (else only the model's features are computed).
    pub fn score(&self, article: &Article, keep_features: bool) -> ScoredArticle {
        let doc = Document::new(&article.text);
        let a = Analysis::new(&doc, &self.cx);
        let fv = if keep_features { extract_from(&a) } else { extract_subset(&a, &self.wanted) };
        let prediction = self.model.predict(&a, &fv);
        let evidence = self.evidence.then(|| evidence::evidence(&a, &article.text, &prediction.reasons, &fv.values));
        let paragraphs = self
            .paragraphs
            .then(|| paragraphs::paragraph_scores(&doc, &article.text, self.model, &self.cx, &self.wanted));
        ScoredArticle {
            id: article.id.clone(),
            lang: doc.language().code,
            words: doc.word_count() as u32,
            prediction,
            features: keep_features.then_some(fv.values),
            model: self.model.identity_shared(),
            evidence,
            paragraphs,
        }
    }
}
