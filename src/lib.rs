//! chaff separates substance from filler. It reads batches of articles, measures how they are
//! written (repetition, buzzword and cliché density, readability, structure, specificity) and
//! scores how likely each is low-substance or machine-generated filler, with reasons a person
//! can check.
//!
//! Data flows one way: [`input`] (files, CSV, JSONL) → [`text`] (normalise, segment) →
//! [`lexicon`] (word lists, phrase matching) → [`features`] → [`model`] → [`score`] →
//! [`output`] and [`report`]; each module imports only those before it (`tests/layers.rs`
//! checks this). The library never prints; the `chaff` binary is a thin CLI on top.
//!
//! Load the built-in model, score a text, read the reasons:
//!
//! ```
//! use chaff::{model::shipped, score::Scorer, Article, Context, Origin};
//! # let text = "In today's fast-paced world, it is important to note that businesses must embrace \
//! #     innovation. Furthermore, leveraging cutting-edge solutions unlocks unprecedented value for \
//! #     stakeholders. Moreover, a holistic and robust approach empowers teams to navigate the \
//! #     ever-evolving landscape. In conclusion, by harnessing the power of synergy, organizations \
//! #     can delve into a multifaceted tapestry of opportunities and achieve seamless, transformative \
//! #     growth in an increasingly interconnected world. Ultimately, embracing these strategies is \
//! #     not just an option but a necessity for long-term success.";
//!
//! let scorer = Scorer::new(shipped::default_model()?, Context::default());
//! let scored = scorer.score(&Article::new("draft-7", Origin::file("draft-7.txt"), text), false);
//! println!("{} {:?}", scored.prediction.verdict.as_str(), scored.prediction.probability);
//! for r in &scored.prediction.reasons {
//!     println!("{} = {:?} (human median {:?}): {:?}", r.feature, r.value, r.human_median, r.evidence);
//! }
//! # assert_eq!(scored.prediction.verdict.as_str(), "filler");
//! # assert_eq!(scored.prediction.reasons[0].feature, "stock_phrase_per_1k_words");
//! # assert!(scored.prediction.reasons[0].evidence[0].contains("in today's fast-paced world"));
//! # Ok::<(), chaff::Error>(())
//! ```

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
