//! The scoring pipeline of the library: article -> document -> features -> model -> verdict
//! and reasons. The CLI streams articles through [`Scorer::score`] in parallel.

use std::sync::Arc;

use crate::article::Article;
use crate::features::{extract_from, extract_subset, Analysis, Context};
use crate::model::predict::{Model, Prediction};
use crate::text::Document;

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
}

/// Scores articles with one model and one feature context.
#[derive(Debug, Clone)]
pub struct Scorer<'m> {
    model: &'m Model,
    cx: Context,
    wanted: Vec<bool>,
}

impl<'m> Scorer<'m> {
    /// A scorer for `model` with lexicons from `cx`.
    pub fn new(model: &'m Model, cx: Context) -> Self {
        Scorer { model, cx, wanted: model.wanted_features() }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        self.model
    }

    /// Score one article; compute and keep every feature value when `keep_features` is set
    /// (else only the model's features are computed).
    pub fn score(&self, article: &Article, keep_features: bool) -> ScoredArticle {
        let doc = Document::new(&article.text);
        let a = Analysis::new(&doc, &self.cx);
        let fv = if keep_features { extract_from(&a) } else { extract_subset(&a, &self.wanted) };
        let prediction = self.model.predict(&a, &fv);
        ScoredArticle {
            id: article.id.clone(),
            lang: doc.language().code,
            words: doc.word_count() as u32,
            prediction,
            features: keep_features.then_some(fv.values),
            model: self.model.identity_shared(),
        }
    }
}
