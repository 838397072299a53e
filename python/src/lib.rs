//! `chaff._chaff`: the extension module under the `chaff` Python package (`python/chaff/`).
//!
//! One thin layer over the library: a text becomes an [`Article`], the library's
//! [`chaff::score::Scorer`] scores it, and [`ScoreRow`] (the row `chaff score` writes) gives
//! every value Python sees. [`Scorer::score_jsonl`] returns the JSONL line of each row and
//! [`Scorer::score_columns`] the cells of its CSV record as columns, so Python, Arrow and the
//! CLI cannot disagree. The interpreter lock is released while scoring; a panic becomes a
//! `RuntimeError` naming the article, and a bad model or lexicon file a `chaff.ChaffError`
//! with the CLI's message.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

use chaff::model::predict::Model;
use chaff::model::shipped;
use chaff::output::{format_value, ScoreRow};
use chaff::score::Scorer as LibScorer;
use chaff::{Article, Context, Document, Origin, FEATURES};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;

pyo3::create_exception!(
    chaff,
    ChaffError,
    PyValueError,
    "A model or lexicon file chaff cannot use; the message is the one `chaff` prints."
);

/// The CLI's text for an error: `chaff: error: {err:#}` without the prefix.
fn chaff_error(e: chaff::Error) -> PyErr {
    ChaffError::new_err(format!("{:#}", anyhow::Error::from(e)))
}

/// The message of a panic payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Run `f` for the article `id`, turning a panic into an error message that names it.
fn guarded<T>(id: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|p| format!("{id}: chaff panicked (a bug; please report it): {}", panic_message(p.as_ref())))
}

/// The compiled lexicons for `NAME=FILE` arguments, exactly as `--lexicon` reads them.
fn context(lexicons: &[String]) -> PyResult<Context> {
    let exts = chaff::lexicon::extensions_from_args(lexicons).map_err(chaff_error)?;
    if exts.is_empty() {
        return Ok(Context::default());
    }
    let set = chaff::lexicon::LexiconSet::build(&exts).map_err(chaff_error)?;
    Ok(Context { lexicons: Arc::new(set) })
}

/// A model and its lexicons, ready to score batches of texts.
#[pyclass(module = "chaff._chaff", frozen)]
struct Scorer {
    model: Model,
    cx: Context,
    /// A rayon pool of its own for `threads > 1` (none: score on the calling thread).
    pool: Option<rayon::ThreadPool>,
}

impl Scorer {
    /// Score `articles` in order (on the pool when there is one) without the interpreter lock;
    /// with their evidence spans when `evidence` (as JSONL rows carry them).
    fn rows(
        &self,
        py: Python<'_>,
        articles: Vec<Article>,
        keep_features: bool,
        evidence: bool,
    ) -> PyResult<Vec<ScoreRow>> {
        let scorer = LibScorer::new(&self.model, self.cx.clone()).with_evidence(evidence);
        let one = |a: &Article| guarded(&a.id, || ScoreRow::from(scorer.score(a, keep_features)));
        let rows: Result<Vec<ScoreRow>, String> = py.detach(|| match &self.pool {
            Some(pool) => pool.install(|| articles.par_iter().map(one).collect()),
            None => articles.iter().map(one).collect(),
        });
        rows.map_err(PyRuntimeError::new_err)
    }
}

/// Articles named by `ids`, or by their position when there are none.
fn articles(texts: Vec<String>, ids: Option<Vec<String>>) -> PyResult<Vec<Article>> {
    let ids = match ids {
        Some(ids) if ids.len() != texts.len() => {
            return Err(PyValueError::new_err(format!("{} ids for {} texts", ids.len(), texts.len())));
        }
        Some(ids) => ids,
        None => (0..texts.len()).map(|i| i.to_string()).collect(),
    };
    Ok(ids.into_iter().zip(texts).map(|(id, text)| Article::new(id.clone(), Origin::file(id), text)).collect())
}

/// The result columns of a batch: the cells of each row's CSV record, typed.
#[derive(Default)]
struct Columns {
    lang: Vec<String>,
    words: Vec<u32>,
    probability: Vec<Option<f64>>,
    verdict: Vec<&'static str>,
    reasons: Vec<String>,
    abstain: Vec<Option<String>>,
    model: Vec<String>,
}

/// [`Columns`] as Python receives them, in score-file order.
type ColumnTuple =
    (Vec<String>, Vec<u32>, Vec<Option<f64>>, Vec<&'static str>, Vec<String>, Vec<Option<String>>, Vec<String>);

impl Columns {
    /// Add a row, read from the cells of its CSV record (by column name).
    fn push(&mut self, row: &ScoreRow) -> PyResult<()> {
        let header = ScoreRow::csv_header(false);
        let record = row.csv_record();
        let cell = |name: &str| header.iter().position(|h| *h == name).map(|i| record[i].as_str()).unwrap_or("");
        let bad = |name: &str, e: &dyn std::fmt::Display| PyRuntimeError::new_err(format!("{name} cell: {e}"));
        self.lang.push(cell("lang").to_string());
        self.words.push(cell("words").parse().map_err(|e| bad("words", &e))?);
        let p = cell("probability");
        self.probability.push(if p.is_empty() { None } else { Some(p.parse().map_err(|e| bad("probability", &e))?) });
        self.verdict.push(row.verdict.as_str());
        self.reasons.push(cell("reasons").to_string());
        self.abstain.push(Some(cell("abstain")).filter(|a| !a.is_empty()).map(str::to_string));
        self.model.push(cell("model").to_string());
        Ok(())
    }

    fn into_tuple(self) -> ColumnTuple {
        (self.lang, self.words, self.probability, self.verdict, self.reasons, self.abstain, self.model)
    }
}

#[pymethods]
impl Scorer {
    /// `model`: a model file, or None for the built-in one; `lexicons`: `NAME=FILE` strings as
    /// `--lexicon` takes them; `threads`: how many threads score a batch.
    #[new]
    #[pyo3(signature = (model=None, lexicons=Vec::new(), threads=1))]
    fn new(model: Option<PathBuf>, lexicons: Vec<String>, threads: usize) -> PyResult<Self> {
        if threads == 0 {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let model = shipped::load(model.as_deref()).map_err(chaff_error)?;
        let cx = context(&lexicons)?;
        let pool = if threads > 1 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("chaff-{i}"))
                .build()
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
            Some(pool)
        } else {
            None
        };
        Ok(Scorer { model, cx, pool })
    }

    /// The model's identity, `name@hash` (the `model` field of every row).
    #[getter]
    fn model_identity(&self) -> String {
        self.model.identity().to_string()
    }

    /// The JSONL line (without its newline) of each text, as `chaff score --format jsonl`
    /// writes it; every feature too when `all_features`.
    #[pyo3(signature = (texts, ids=None, all_features=false))]
    fn score_jsonl(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        ids: Option<Vec<String>>,
        all_features: bool,
    ) -> PyResult<Vec<String>> {
        let rows = self.rows(py, articles(texts, ids)?, all_features, true)?;
        rows.iter()
            .map(|r| {
                let mut line = r.jsonl_line().map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
                line.pop();
                Ok(line)
            })
            .collect()
    }

    /// The result columns of a batch, in score-file order: lang, words, probability (as written:
    /// four decimals), verdict, reasons (the CSV cell), abstain (None with a verdict), model.
    /// A missing text (None) is scored as an empty one.
    #[pyo3(signature = (texts, ids=None))]
    fn score_columns(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
        ids: Option<Vec<String>>,
    ) -> PyResult<ColumnTuple> {
        let texts = texts.into_iter().map(Option::unwrap_or_default).collect();
        let rows = self.rows(py, articles(texts, ids)?, false, false)?;
        let mut columns = Columns::default();
        for row in &rows {
            columns.push(row)?;
        }
        Ok(columns.into_tuple())
    }
}

/// A text's language and every feature value.
type FeatureRow = (&'static str, Vec<Option<f64>>);

/// Every feature of each text, as `chaff features --format jsonl` writes it: `lang`, then
/// one entry per feature (None when not applicable).
#[pyfunction]
#[pyo3(signature = (texts, lexicons=Vec::new()))]
fn features<'py>(py: Python<'py>, texts: Vec<String>, lexicons: Vec<String>) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let cx = context(&lexicons)?;
    let rows: Result<Vec<FeatureRow>, String> = py.detach(|| {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                guarded(&i.to_string(), || {
                    let doc = Document::new(text);
                    let values = chaff::extract(&doc, &cx).values;
                    (doc.language().code, values)
                })
            })
            .collect()
    });
    let rows = rows.map_err(PyRuntimeError::new_err)?;
    rows.into_iter()
        .map(|(lang, values)| {
            let d = PyDict::new(py);
            d.set_item("lang", lang)?;
            for (f, v) in FEATURES.iter().zip(values) {
                // The value as the CLI writes it.
                let written = v.and_then(|v| format_value(v).parse::<f64>().ok());
                d.set_item(f.name, written)?;
            }
            Ok(d)
        })
        .collect()
}

/// The feature names in column order.
#[pyfunction]
fn feature_names() -> Vec<&'static str> {
    FEATURES.iter().map(|f| f.name).collect()
}

/// Panic inside the guard that scoring uses, so tests can check what Python sees.
#[pyfunction]
fn _panic_for_tests(message: String) -> PyResult<()> {
    guarded("test", || panic!("{message}")).map_err(PyRuntimeError::new_err)
}

/// The extension module.
#[pymodule]
fn _chaff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ChaffError", m.py().get_type::<ChaffError>())?;
    m.add_class::<Scorer>()?;
    m.add_function(wrap_pyfunction!(features, m)?)?;
    m.add_function(wrap_pyfunction!(feature_names, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    Ok(())
}
