//! chaff separates substance from filler. It reads batches of articles, measures how they are
//! written (repetition, buzzword and cliché density, readability, structure, specificity) and
//! scores how likely each is low-substance or machine-generated filler, with reasons a person
//! can check.
//!
//! Data flows one way: [`input`] (files, CSV, JSONL) → [`text`] (normalise, segment) →
//! [`features`] → model → scores → outputs and charts. The library never prints; the `chaff`
//! binary is a thin CLI on top.

pub mod article;
pub mod error;
pub mod features;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod pipeline;
mod prefetch;
pub mod report;
pub mod score;
pub mod text;

pub use article::Article;
pub use error::{ArticleError, Error, Origin, Result};
pub use features::{extract, Context, Feature, FeatureVector, FEATURES};
pub use text::Document;
