//! The default model, embedded in the binary so that `chaff score` works right after install.
//! It is `models/default.json`, made by `scripts/train-default-model.sh` from the shared
//! corpora; a test loads it and checks it against the feature registry.

use std::sync::LazyLock;

use super::file::ModelFile;
use super::predict::Model;
use crate::error::Error;

/// The embedded model file.
pub const DEFAULT_MODEL_JSON: &str = include_str!("../../models/default.json");

/// The name of the embedded model in outputs (it is `models/default.json`, so scoring with
/// `--model models/default.json` gives the same identity).
pub const DEFAULT_MODEL_NAME: &str = "default";

static DEFAULT: LazyLock<Result<Model, String>> = LazyLock::new(|| {
    ModelFile::from_json(DEFAULT_MODEL_JSON, "<embedded default model>")
        .map(|file| Model::named(file, DEFAULT_MODEL_NAME, DEFAULT_MODEL_JSON.as_bytes()))
        .map_err(|e| e.to_string())
});

/// The embedded default model.
pub fn default_model() -> Result<&'static Model, Error> {
    DEFAULT.as_ref().map_err(|e| Error::Model { path: "<embedded default model>".into(), reason: e.clone() })
}

/// Load a model: from `path`, or the embedded default when `None`. A file's model is named by
/// its file stem (`models/ours.json` is `ours`).
pub fn load(path: Option<&std::path::Path>) -> Result<Model, Error> {
    match path {
        None => default_model().cloned(),
        Some(p) => {
            let json = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
            let file = ModelFile::from_json(&json, &p.display().to_string())?;
            let name = p.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
            Ok(Model::named(file, &name, json.as_bytes()))
        }
    }
}
