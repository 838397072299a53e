//! One row of a score file: what `chaff score` writes (CSV or JSONL) and `chaff report --scores`
//! reads back. Both directions go through [`ScoreRow`], so the writer and the reader cannot
//! drift apart.
//!
//! JSONL is the type's serde form: `id, lang, words, probability, verdict, reasons,
//! uncertain_because, abstain, model`, then `evidence` (spans), `paragraphs` and `mixed` when
//! written, then one field per feature when kept. `probability` has four decimals
//! (`null` for a text with no words) and feature values are [`format_value`]'s text, so the
//! bytes stay those earlier versions wrote. CSV has the columns [`CSV_COLUMNS`] (then one per
//! feature), with the abstention's sentence and the reasons in one readable cell
//! ([`reasons_cell`], read back by [`parse_reasons_cell`]). `abstain` is the abstention's code
//! (empty / `null` when there is a verdict) and `model` the scoring model's `name@hash`; a file
//! written before they existed reads back with both missing.

use serde::{Deserialize, Serialize};

use super::format::{format_value, readable};
use crate::features::{index_of, FEATURES};
use crate::model::predict::{Direction, Reason, Verdict};
use crate::score::evidence::EvidenceSpan;
use crate::score::paragraphs::{is_mixed, ParagraphScore};
use crate::score::ScoredArticle;

/// Columns of a score CSV before the feature columns, in order.
pub const CSV_COLUMNS: [&str; 8] = ["id", "lang", "words", "probability", "verdict", "reasons", "abstain", "model"];

/// One reason of a scored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreReason {
    /// Feature name.
    pub feature: String,
    /// The article's value (`None`: not applicable).
    pub value: Option<f64>,
    /// The human median of the model it was scored with.
    pub human_median: Option<f64>,
    /// Which way it pushed (towards human for an `ok` verdict, else towards machine).
    pub direction: Direction,
    /// Snippets behind the value. Read back from CSV, the bracketed text is one item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

impl From<&Reason> for ScoreReason {
    fn from(r: &Reason) -> ScoreReason {
        ScoreReason {
            feature: r.feature.clone(),
            value: r.value,
            human_median: r.human_median,
            direction: r.direction,
            evidence: r.evidence.clone(),
        }
    }
}

/// One scored article as a score file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRow {
    /// Article id.
    pub id: String,
    /// Language code.
    #[serde(default = "undetermined")]
    pub lang: String,
    /// Word count.
    #[serde(default)]
    pub words: u32,
    /// Calibrated probability of filler (0..1; `None` for a text with no words).
    #[serde(with = "probability")]
    pub probability: Option<f64>,
    /// The verdict.
    pub verdict: Verdict,
    /// Up to three reasons, strongest first.
    #[serde(default)]
    pub reasons: Vec<ScoreReason>,
    /// Why the model abstained, when uncertain.
    #[serde(default)]
    pub uncertain_because: Option<String>,
    /// The abstention's code ([`Abstention::code`](crate::model::predict::Abstention::code)), when uncertain.
    #[serde(default)]
    pub abstain: Option<String>,
    /// The model that scored it, `name@hash` (missing in files of earlier versions).
    #[serde(default)]
    pub model: Option<String>,
    /// Evidence spans (byte offsets into the article as given), when written: always in
    /// JSONL, in CSV with `--evidence` (one JSON cell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<EvidenceSpan>>,
    /// Paragraph scores, with `--paragraphs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<ParagraphScore>>,
    /// With `--paragraphs`: whether some paragraphs are `filler` and others `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mixed: Option<bool>,
    /// Every feature value in registry order, when the file keeps them (`--all-features`).
    #[serde(flatten, with = "feature_fields")]
    pub features: Option<Vec<Option<f64>>>,
}

fn undetermined() -> String {
    "und".to_string()
}

impl From<ScoredArticle> for ScoreRow {
    fn from(s: ScoredArticle) -> ScoreRow {
        let p = s.prediction;
        ScoreRow {
            id: s.id,
            lang: s.lang.to_string(),
            words: s.words,
            probability: p.probability,
            verdict: p.verdict,
            reasons: p.reasons.iter().map(ScoreReason::from).collect(),
            uncertain_because: p.abstention.as_ref().map(|a| a.describe()),
            abstain: p.abstention.as_ref().map(|a| a.code().to_string()),
            model: Some(s.model.to_string()),
            evidence: s.evidence,
            mixed: s.paragraphs.as_deref().map(is_mixed),
            paragraphs: s.paragraphs,
            features: s.features,
        }
    }
}

impl ScoreRow {
    /// The row of a scored article (its features too, when it kept them).
    pub fn from_scored(s: &ScoredArticle) -> ScoreRow {
        ScoreRow::from(s.clone())
    }

    /// The CSV header: [`CSV_COLUMNS`], then every feature when `features`.
    pub fn csv_header(features: bool) -> Vec<&'static str> {
        let mut h = CSV_COLUMNS.to_vec();
        if features {
            h.extend(FEATURES.iter().map(|f| f.name));
        }
        h
    }

    /// The CSV header with the optional cells: `evidence` (with `--evidence`), `paragraphs`
    /// and `mixed` (with `--paragraphs`), after `reasons` and before the features.
    pub fn csv_header_with(features: bool, evidence: bool, paragraphs: bool) -> Vec<&'static str> {
        let mut h = CSV_COLUMNS.to_vec();
        if evidence {
            h.push("evidence");
        }
        if paragraphs {
            h.extend(["paragraphs", "mixed"]);
        }
        if features {
            h.extend(FEATURES.iter().map(|f| f.name));
        }
        h
    }

    /// The CSV record of this row: the cells of [`ScoreRow::csv_header_with`] for the
    /// optional parts it has (JSON cells for evidence and paragraphs).
    pub fn csv_record(&self) -> Vec<String> {
        let mut rec = vec![
            self.id.clone(),
            self.lang.clone(),
            self.words.to_string(),
            self.probability.map(probability::text).unwrap_or_default(),
            self.verdict.as_str().to_string(),
            reasons_cell(self.uncertain_because.as_deref(), &self.reasons),
            self.abstain.clone().unwrap_or_default(),
            self.model.clone().unwrap_or_default(),
        ];
        if let Some(e) = &self.evidence {
            rec.push(serde_json::to_string(e).unwrap_or_default());
        }
        if let Some(p) = &self.paragraphs {
            rec.push(serde_json::to_string(p).unwrap_or_default());
            rec.push(self.mixed.map(|m| m.to_string()).unwrap_or_default());
        }
        if let Some(f) = &self.features {
            rec.extend(f.iter().map(|v| v.map(format_value).unwrap_or_default()));
        }
        rec
    }

    /// The JSONL line of this row, with its newline.
    pub fn jsonl_line(&self) -> Result<String, serde_json::Error> {
        let mut s = serde_json::to_string(self)?;
        s.push('\n');
        Ok(s)
    }

    /// The row of a CSV record whose header gave `cols`.
    pub fn from_csv(cols: &CsvColumns, rec: &csv::StringRecord) -> Result<ScoreRow, String> {
        let field = |i: usize| rec.get(i).unwrap_or("");
        let probability = probability::parse(field(cols.probability))?;
        let verdict = parse_verdict(field(cols.verdict))?;
        let direction = if verdict == Verdict::Ok { Direction::Human } else { Direction::Machine };
        let (uncertain_because, reasons) = parse_reasons_cell(cols.reasons.map(field).unwrap_or(""), direction);
        let features = (!cols.features.is_empty()).then(|| {
            let mut f = vec![None; FEATURES.len()];
            for &(c, i) in &cols.features {
                f[i] = parse_num(field(c));
            }
            f
        });
        let words = match cols.words.map(field).map(str::trim) {
            None | Some("") => 0,
            Some(w) => w.parse().map_err(|_| format!("words {w:?} is not a count"))?,
        };
        let optional = |c: Option<usize>| c.map(field).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        let evidence = match cols.evidence.map(field) {
            None | Some("") => None,
            Some(cell) => Some(serde_json::from_str(cell).map_err(|e| format!("evidence cell: {e}"))?),
        };
        Ok(ScoreRow {
            id: field(cols.id).to_string(),
            lang: cols.lang.map(field).unwrap_or("und").to_string(),
            words,
            probability,
            verdict,
            reasons,
            uncertain_because,
            abstain: optional(cols.abstain),
            model: optional(cols.model),
            evidence,
            paragraphs: None,
            mixed: None,
            features,
        })
    }

    /// Check what serde cannot: the probability is a number in 0..1.
    pub fn validate(&self) -> Result<(), String> {
        match self.probability {
            Some(p) if !(p.is_finite() && (0.0..=1.0).contains(&p)) => {
                Err(format!("probability {p} is not a number between 0 and 1"))
            }
            _ => Ok(()),
        }
    }
}

/// Where the columns of a score CSV are.
#[derive(Debug, Clone)]
pub struct CsvColumns {
    id: usize,
    lang: Option<usize>,
    words: Option<usize>,
    probability: usize,
    verdict: usize,
    reasons: Option<usize>,
    abstain: Option<usize>,
    model: Option<usize>,
    evidence: Option<usize>,
    /// (column, registry index) of each feature column.
    features: Vec<(usize, usize)>,
}

impl CsvColumns {
    /// Find the columns in a header; `id`, `probability` and `verdict` are required.
    pub fn from_header(header: &[String]) -> Result<CsvColumns, String> {
        let col = |c: &str| header.iter().position(|h| h.trim() == c);
        let (Some(id), Some(probability), Some(verdict)) = (col("id"), col("probability"), col("verdict")) else {
            return Err(format!(
                "not a chaff score file: the header needs id, probability and verdict (found: {})",
                header.join(", ")
            ));
        };
        let features = header.iter().enumerate().filter_map(|(c, h)| index_of(h.trim()).map(|f| (c, f))).collect();
        Ok(CsvColumns {
            id,
            lang: col("lang"),
            words: col("words"),
            probability,
            verdict,
            reasons: col("reasons"),
            abstain: col("abstain"),
            model: col("model"),
            evidence: col("evidence"),
            features,
        })
    }

    /// Whether the file has feature columns.
    pub fn has_features(&self) -> bool {
        !self.features.is_empty()
    }
}

fn parse_verdict(s: &str) -> Result<Verdict, String> {
    match s.trim() {
        "filler" => Ok(Verdict::Filler),
        "ok" => Ok(Verdict::Ok),
        "uncertain" => Ok(Verdict::Uncertain),
        other => Err(format!("unknown verdict {other:?}")),
    }
}

/// A number of a readable cell: `n/a` and anything else that is not a finite number is `None`.
fn parse_num(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `name=value (human median m)`, then ` [evidence, ...]` when there is some; numbers are
/// [`readable`] (three significant digits).
pub fn reason_text(r: &ScoreReason) -> String {
    let value = r.value.map(readable).unwrap_or_else(|| "n/a".into());
    let median = r.human_median.map(readable).unwrap_or_else(|| "n/a".into());
    let mut s = format!("{}={} (human median {})", r.feature, value, median);
    if !r.evidence.is_empty() {
        s.push_str(&format!(" [{}]", r.evidence.join(", ")));
    }
    s
}

/// The CSV reasons cell: `uncertain: why` first when the model abstained, then each reason
/// ([`reason_text`]), joined by `; `.
pub fn reasons_cell(uncertain_because: Option<&str>, reasons: &[ScoreReason]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(reasons.len() + 1);
    if let Some(why) = uncertain_because {
        parts.push(format!("uncertain: {why}"));
    }
    parts.extend(reasons.iter().map(reason_text));
    parts.join("; ")
}

/// Whether a `; `-separated part of a reasons cell starts a new entry (evidence may itself
/// hold `; `).
fn starts_entry(part: &str) -> bool {
    if part.starts_with("uncertain: ") {
        return true;
    }
    match part.split_once('=') {
        Some((name, _)) => {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        }
        None => false,
    }
}

/// Read a reasons cell written by [`reasons_cell`] back into the abstention and the reasons;
/// `direction` is the way the reasons pushed (towards human for an `ok` verdict). Numbers come
/// back as the cell shows them (rounded by [`readable`]); the evidence as one item.
pub fn parse_reasons_cell(cell: &str, direction: Direction) -> (Option<String>, Vec<ScoreReason>) {
    let mut parts: Vec<String> = Vec::new();
    for p in cell.split("; ") {
        match parts.last_mut() {
            Some(last) if !starts_entry(p) => {
                last.push_str("; ");
                last.push_str(p);
            }
            _ => parts.push(p.to_string()),
        }
    }
    let mut because = None;
    let mut reasons = Vec::new();
    for p in parts {
        let p = p.trim();
        if let Some(rest) = p.strip_prefix("uncertain: ") {
            because = Some(rest.to_string());
            continue;
        }
        let Some((feature, rest)) = p.split_once('=') else { continue };
        let (value, median, evidence) = match rest.split_once(" (human median ") {
            Some((v, m)) => {
                let (m, after) = m.split_once(')').unwrap_or((m, ""));
                let evidence = after.trim().strip_prefix('[').and_then(|e| e.strip_suffix(']'));
                (parse_num(v), parse_num(m), evidence.map(|e| vec![e.to_string()]).unwrap_or_default())
            }
            None => (parse_num(rest.split(' ').next().unwrap_or("")), None, Vec::new()),
        };
        reasons.push(ScoreReason { feature: feature.to_string(), value, human_median: median, direction, evidence });
    }
    (because, reasons)
}

/// The probability field: four decimals, written as they are (a JSON number, or the CSV cell),
/// `null` / empty when there is none.
mod probability {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Four decimals.
    pub(super) fn text(p: f64) -> String {
        format!("{p:.4}")
    }

    /// A CSV cell: empty for none.
    pub(super) fn parse(s: &str) -> Result<Option<f64>, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        s.parse::<f64>().map(Some).map_err(|_| format!("probability {s:?} is not a number between 0 and 1"))
    }

    pub(super) fn serialize<S: Serializer>(p: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Some(p) => super::raw_number(text(*p)).map_err(serde::ser::Error::custom)?.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
    }
}

/// `text` written into JSON as it is (a number formatted by chaff, not by serde).
fn raw_number(text: String) -> Result<Box<serde_json::value::RawValue>, serde_json::Error> {
    serde_json::value::RawValue::from_string(text)
}

/// The feature fields of a JSONL row, one per feature in registry order (values as
/// [`format_value`] writes them, `null` when not applicable). Reading keeps the fields that
/// name a feature and ignores any other extra field.
mod feature_fields {
    use std::fmt;

    use serde::de::{IgnoredAny, MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    use super::{format_value, raw_number};
    use crate::features::{index_of, FEATURES};

    pub(super) fn serialize<S: Serializer>(f: &Option<Vec<Option<f64>>>, s: S) -> Result<S::Ok, S::Error> {
        let values = f.as_deref().unwrap_or_default();
        let mut map = s.serialize_map(Some(values.len()))?;
        for (feat, v) in FEATURES.iter().zip(values) {
            match v {
                Some(v) => {
                    let raw = raw_number(format_value(*v)).map_err(serde::ser::Error::custom)?;
                    map.serialize_entry(feat.name, &raw)?
                }
                None => map.serialize_entry(feat.name, &None::<f64>)?,
            }
        }
        map.end()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Option<f64>>>, D::Error> {
        d.deserialize_map(Fields)
    }

    struct Fields;

    impl<'de> Visitor<'de> for Fields {
        type Value = Option<Vec<Option<f64>>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("feature fields")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out: Option<Vec<Option<f64>>> = None;
            while let Some(key) = map.next_key::<String>()? {
                match index_of(&key) {
                    Some(i) => {
                        let v = map.next_value::<Option<f64>>()?.filter(|v| v.is_finite());
                        out.get_or_insert_with(|| vec![None; FEATURES.len()])[i] = v;
                    }
                    None => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(feature: &str, value: Option<f64>, median: Option<f64>, evidence: &[&str]) -> ScoreReason {
        ScoreReason {
            feature: feature.into(),
            value,
            human_median: median,
            direction: Direction::Machine,
            evidence: evidence.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn row() -> ScoreRow {
        ScoreRow {
            id: "blog/a \"b\".txt".into(),
            lang: "en".into(),
            words: 240,
            probability: Some(0.1),
            verdict: Verdict::Uncertain,
            reasons: vec![
                reason("stock_phrase_per_1k_words", Some(5.56), Some(0.0), &["\"in conclusion\" x1; odd"]),
                reason("sentence_length_cv", Some(0.306), None, &[]),
            ],
            uncertain_because: Some("borderline: probability between 0.20 and the threshold 0.30".into()),
            abstain: Some("borderline".into()),
            model: Some("ours@0a1b2c3d".into()),
            evidence: None,
            paragraphs: None,
            mixed: None,
            features: None,
        }
    }

    #[test]
    fn jsonl_has_the_documented_bytes_and_reads_back() {
        let mut r = row();
        let line = r.jsonl_line().unwrap();
        assert_eq!(
            line,
            "{\"id\":\"blog/a \\\"b\\\".txt\",\"lang\":\"en\",\"words\":240,\"probability\":0.1000,\"verdict\":\"uncertain\",\
             \"reasons\":[{\"feature\":\"stock_phrase_per_1k_words\",\"value\":5.56,\"human_median\":0.0,\"direction\":\"machine\",\
             \"evidence\":[\"\\\"in conclusion\\\" x1; odd\"]},{\"feature\":\"sentence_length_cv\",\"value\":0.306,\
             \"human_median\":null,\"direction\":\"machine\"}],\"uncertain_because\":\"borderline: probability between \
             0.20 and the threshold 0.30\",\"abstain\":\"borderline\",\"model\":\"ours@0a1b2c3d\"}\n"
        );
        assert_eq!(serde_json::from_str::<ScoreRow>(&line).unwrap(), r);

        // Features follow as fields, formatted as `chaff features` writes them.
        let mut f = vec![None; FEATURES.len()];
        f[0] = Some(3.0);
        f[1] = Some(0.1234567);
        r.features = Some(f);
        r.probability = None;
        let line = r.jsonl_line().unwrap();
        assert!(line.contains("\"probability\":null,"), "{line}");
        let first =
            format!(",\"{}\":3,\"{}\":0.123457,\"{}\":null", FEATURES[0].name, FEATURES[1].name, FEATURES[2].name);
        assert!(line.contains(&first), "{line}");
        let back: ScoreRow = serde_json::from_str(&line).unwrap();
        assert_eq!(back.features.as_ref().unwrap()[1], Some(0.123457));
        assert_eq!(back.features.as_ref().unwrap()[2], None);
        assert_eq!(ScoreRow { features: r.features.clone(), ..back.clone() }, r);
        // Extra fields that are not features are ignored.
        let extra = line.replacen("{", "{\"evidence_spans\":[1,2],", 1);
        assert_eq!(serde_json::from_str::<ScoreRow>(&extra).unwrap(), back);
    }

    #[test]
    fn evidence_and_paragraphs_are_fields_and_json_cells() {
        use crate::score::evidence::EvidenceSpan;
        use crate::score::paragraphs::ParagraphScore;
        let mut r = row();
        r.reasons.clear();
        r.uncertain_because = None;
        r.abstain = None;
        r.evidence = Some(vec![EvidenceSpan {
            start: 3,
            end: 16,
            text: "in conclusion".into(),
            feature: "stock_phrase_per_1k_words".into(),
            kind: "stock_phrase".into(),
        }]);
        r.paragraphs = Some(vec![ParagraphScore { start: 0, end: 40, probability: 0.25, verdict: Verdict::Ok }]);
        r.mixed = Some(false);
        let line = r.jsonl_line().unwrap();
        assert_eq!(
            line,
            "{\"id\":\"blog/a \\\"b\\\".txt\",\"lang\":\"en\",\"words\":240,\"probability\":0.1000,\"verdict\":\"uncertain\",\
             \"reasons\":[],\"uncertain_because\":null,\"abstain\":null,\"model\":\"ours@0a1b2c3d\",\"evidence\":[{\"start\":3,\"end\":16,\"text\":\"in conclusion\",\
             \"feature\":\"stock_phrase_per_1k_words\",\"kind\":\"stock_phrase\"}],\"paragraphs\":[{\"start\":0,\"end\":40,\
             \"probability\":0.25,\"verdict\":\"ok\"}],\"mixed\":false}\n"
        );
        assert_eq!(serde_json::from_str::<ScoreRow>(&line).unwrap(), r);
        // CSV: one JSON cell per part, after `abstain` and `model`; the evidence cell reads back.
        let header: Vec<String> = ScoreRow::csv_header_with(false, true, true).iter().map(|s| s.to_string()).collect();
        assert_eq!(&header[6..], ["abstain", "model", "evidence", "paragraphs", "mixed"]);
        let rec = csv::StringRecord::from(r.csv_record());
        assert_eq!((&rec[6], &rec[7]), ("", "ours@0a1b2c3d"));
        assert_eq!(
            &rec[8],
            "[{\"start\":3,\"end\":16,\"text\":\"in conclusion\",\"feature\":\"stock_phrase_per_1k_words\",\"kind\":\"stock_phrase\"}]"
        );
        assert_eq!(&rec[10], "false");
        let back = ScoreRow::from_csv(&CsvColumns::from_header(&header).unwrap(), &rec).unwrap();
        assert_eq!(back.evidence, r.evidence);
    }

    #[test]
    fn csv_record_reads_back_through_the_header() {
        let r = row();
        let header: Vec<String> = ScoreRow::csv_header(false).iter().map(|s| s.to_string()).collect();
        assert_eq!(header, CSV_COLUMNS);
        let rec = csv::StringRecord::from(r.csv_record());
        assert_eq!(&rec[3], "0.1000");
        assert_eq!((&rec[6], &rec[7]), ("borderline", "ours@0a1b2c3d"));
        let back = ScoreRow::from_csv(&CsvColumns::from_header(&header).unwrap(), &rec).unwrap();
        // The cell keeps the evidence as one item, which here is the whole evidence.
        assert_eq!(ScoreRow { probability: Some(0.1), ..back }, r);
        // The CSV columns are the JSONL fields, with the abstention's sentence inside `reasons`.
        let json: serde_json::Value = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected: Vec<&str> = CSV_COLUMNS.to_vec();
        expected.push("uncertain_because");
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
    }

    #[test]
    fn a_verdict_has_no_abstain_code_and_old_files_read_without_the_new_columns() {
        let r = ScoreRow { verdict: Verdict::Filler, uncertain_because: None, abstain: None, ..row() };
        let rec = r.csv_record();
        assert_eq!((rec[6].as_str(), rec[7].as_str()), ("", "ours@0a1b2c3d"));
        assert!(r.jsonl_line().unwrap().contains(",\"abstain\":null,\"model\":\"ours@0a1b2c3d\"}"));
        let header: Vec<String> = CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
        let back =
            ScoreRow::from_csv(&CsvColumns::from_header(&header).unwrap(), &csv::StringRecord::from(rec)).unwrap();
        assert_eq!((back.abstain, back.model.as_deref()), (None, Some("ours@0a1b2c3d")));

        // Written before `abstain` and `model` existed: both read back as missing.
        let old: Vec<String> = CSV_COLUMNS[..6].iter().map(|s| s.to_string()).collect();
        let cols = CsvColumns::from_header(&old).unwrap();
        let back =
            ScoreRow::from_csv(&cols, &csv::StringRecord::from(vec!["a", "en", "60", "0.9000", "filler", ""])).unwrap();
        assert_eq!((back.abstain, back.model), (None, None));
        let line = "{\"id\":\"a\",\"probability\":0.9,\"verdict\":\"filler\",\"uncertain_because\":null}";
        let back: ScoreRow = serde_json::from_str(line).unwrap();
        assert_eq!((back.abstain, back.model), (None, None));
    }

    #[test]
    fn reasons_cell_round_trip() {
        let r = row();
        let cell = reasons_cell(r.uncertain_because.as_deref(), &r.reasons);
        assert_eq!(
            cell,
            "uncertain: borderline: probability between 0.20 and the threshold 0.30; \
             stock_phrase_per_1k_words=5.56 (human median 0) [\"in conclusion\" x1; odd]; \
             sentence_length_cv=0.306 (human median n/a)"
        );
        let (because, reasons) = parse_reasons_cell(&cell, Direction::Machine);
        assert_eq!(because, r.uncertain_because);
        assert_eq!(reasons, r.reasons);
        assert_eq!(reasons_cell(because.as_deref(), &reasons), cell, "write(read(cell)) == cell");
        assert_eq!(parse_reasons_cell("", Direction::Human), (None, vec![]));
        // Any value comes back as the cell shows it: three significant digits.
        for (i, v) in [0.000123456, 0.5085881, 1.23456, 22.026431718061673, 123.456, -4.5678, 7.0, 1e7 + 0.5]
            .into_iter()
            .enumerate()
        {
            let r = reason(&format!("f{i}"), Some(v), Some(v / 3.0), &["x, y"]);
            let (_, back) = parse_reasons_cell(&reasons_cell(None, std::slice::from_ref(&r)), Direction::Human);
            let got = back[0].value.unwrap();
            assert_eq!(got, readable(v).parse::<f64>().unwrap(), "{v}");
            assert!((got - v).abs() <= v.abs() * 0.005 + 0.0005, "{v} -> {got}");
            assert_eq!(back[0].direction, Direction::Human);
            assert_eq!(back[0].evidence, ["x, y"]);
        }
    }

    #[test]
    fn bad_cells_are_errors_not_panics() {
        let header: Vec<String> = CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
        let cols = CsvColumns::from_header(&header).unwrap();
        let rec = |cells: &[&str]| csv::StringRecord::from(cells.to_vec());
        let bad_p = ScoreRow::from_csv(&cols, &rec(&["a", "en", "3", "oops", "ok", ""])).unwrap_err();
        assert!(bad_p.contains("probability \"oops\""), "{bad_p}");
        assert!(ScoreRow::from_csv(&cols, &rec(&["a", "en", "3", "0.5", "maybe", ""])).is_err());
        assert!(ScoreRow::from_csv(&cols, &rec(&["a", "en", "x", "0.5", "ok", ""])).is_err());
        let out_of_range = ScoreRow::from_csv(&cols, &rec(&["a", "en", "3", "1.7", "ok", ""])).unwrap();
        assert!(out_of_range.validate().is_err());
        // A short record reads its missing cells as empty.
        let short = ScoreRow::from_csv(&cols, &rec(&["a", "en", "0", "", "uncertain"])).unwrap();
        assert_eq!((short.probability, short.reasons.len()), (None, 0));
        assert!(CsvColumns::from_header(&["text".to_string()]).is_err());
    }
}
