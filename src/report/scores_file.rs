//! Reading a scored batch back from a file written by `chaff score`, so that its charts can be
//! drawn later (`chaff report --scores FILE`).
//!
//! CSV: columns `id, lang, words, probability, verdict, reasons` and, with `--all-features`,
//! one column per feature. The reasons cell is `name=value (human median m) [evidence]` joined
//! by `; `, after an `uncertain: why` part when the model abstained. JSONL: the same fields,
//! `reasons` as an array of `{feature, value, human_median, direction}`, `uncertain_because`,
//! and the features as fields. A bad row is reported (`PATH:LINE: problem`) and skipped.

use std::io::BufRead;
use std::path::Path;

use serde_json::Value;

use super::rows::{BatchReason, BatchRow};
use crate::error::{ArticleError, Error, Origin};
use crate::features::{index_of, FEATURES};
use crate::model::predict::{Direction, Verdict};

/// A scored batch read from a file.
#[derive(Debug, Clone, Default)]
pub struct ScoresFile {
    /// The rows that could be read, in file order.
    pub rows: Vec<BatchRow>,
    /// Rows that could not, with where and why.
    pub problems: Vec<ArticleError>,
    /// Whether the file carries feature values (it was written with `--all-features`).
    pub has_features: bool,
}

/// Read a CSV or JSONL file written by `chaff score` (the format from the extension, else from
/// the first character: `{` means JSONL).
pub fn read_scores(path: &Path) -> Result<ScoresFile, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    let name = path.display().to_string();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let jsonl = match ext.as_str() {
        "jsonl" | "ndjson" | "json" => true,
        "csv" => false,
        _ => text.trim_start().starts_with('{'),
    };
    if jsonl {
        Ok(read_jsonl(&text, &name))
    } else {
        read_csv(&text, &name)
    }
}

fn parse_verdict(s: &str) -> Option<Verdict> {
    match s.trim() {
        "filler" => Some(Verdict::Filler),
        "ok" => Some(Verdict::Ok),
        "uncertain" => Some(Verdict::Uncertain),
        _ => None,
    }
}

/// A probability cell: empty for a text with no words.
fn parse_probability(s: &str) -> Result<Option<f64>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    match s.trim().parse::<f64>() {
        Ok(p) if p.is_finite() && (0.0..=1.0).contains(&p) => Ok(Some(p)),
        _ => Err(format!("probability {s:?} is not a number between 0 and 1")),
    }
}

/// A number of a reasons cell: `n/a` is `None`.
fn parse_num(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn starts_reason(part: &str) -> bool {
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

/// Parse a CSV reasons cell into the abstention and the reasons; `direction` is the way the
/// reasons pushed (towards human for an `ok` verdict).
pub(crate) fn parse_reasons_cell(cell: &str, direction: Direction) -> (Option<String>, Vec<BatchReason>) {
    // Split on "; " but keep evidence that happens to contain "; " with its reason.
    let mut parts: Vec<String> = Vec::new();
    for p in cell.split("; ") {
        match parts.last_mut() {
            Some(last) if !starts_reason(p) => {
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
        let (value, median) = match rest.split_once(" (human median ") {
            Some((v, m)) => (parse_num(v), m.split_once(')').and_then(|(m, _)| parse_num(m))),
            None => (parse_num(rest.split(' ').next().unwrap_or("")), None),
        };
        reasons.push(BatchReason {
            feature: feature.to_string(),
            value,
            human_median: median,
            direction: Some(direction),
        });
    }
    (because, reasons)
}

fn direction_of(v: Verdict) -> Direction {
    if v == Verdict::Ok {
        Direction::Human
    } else {
        Direction::Machine
    }
}

fn read_csv(text: &str, name: &str) -> Result<ScoresFile, Error> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| Error::Data(format!("{name}:1: cannot read the CSV header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let col = |c: &str| header.iter().position(|h| h == c);
    let (Some(id_i), Some(p_i), Some(v_i)) = (col("id"), col("probability"), col("verdict")) else {
        return Err(Error::Data(format!(
            "{name}: not a chaff score file: the header needs id, probability and verdict (found: {})",
            header.join(", ")
        )));
    };
    let (lang_i, words_i, reasons_i) = (col("lang"), col("words"), col("reasons"));
    let feature_cols: Vec<(usize, usize)> =
        header.iter().enumerate().filter_map(|(c, h)| index_of(h).map(|f| (c, f))).collect();
    let mut out = ScoresFile { has_features: !feature_cols.is_empty(), ..Default::default() };
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                out.problems.push(ArticleError::new(Origin::at(name, line), format!("unreadable CSV record: {e}")));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let field = |i: usize| rec.get(i).unwrap_or("");
        let row = (|| -> Result<BatchRow, String> {
            let probability = parse_probability(field(p_i))?;
            let verdict = parse_verdict(field(v_i)).ok_or_else(|| format!("unknown verdict {:?}", field(v_i)))?;
            let (because, reasons) = parse_reasons_cell(reasons_i.map(field).unwrap_or(""), direction_of(verdict));
            let features = (!feature_cols.is_empty()).then(|| {
                let mut f = vec![None; FEATURES.len()];
                for &(c, i) in &feature_cols {
                    f[i] = parse_num(field(c));
                }
                f
            });
            Ok(BatchRow {
                id: field(id_i).to_string(),
                lang: lang_i.map(field).unwrap_or("und").to_string(),
                words: words_i.and_then(|i| field(i).trim().parse().ok()).unwrap_or(0),
                probability,
                verdict,
                reasons,
                uncertain_because: because,
                features,
            })
        })();
        match row {
            Ok(r) => out.rows.push(r),
            Err(problem) => out.problems.push(ArticleError::new(Origin::at(name, line), problem)),
        }
    }
    Ok(out)
}

fn read_jsonl(text: &str, name: &str) -> ScoresFile {
    let mut out = ScoresFile::default();
    for (i, line) in text.as_bytes().lines().enumerate() {
        let line_no = i as u64 + 1;
        let Ok(line) = line else { continue };
        if line.trim().is_empty() {
            continue;
        }
        match jsonl_row(&line) {
            Ok((row, has)) => {
                out.has_features |= has;
                out.rows.push(row);
            }
            Err(problem) => out.problems.push(ArticleError::new(Origin::at(name, line_no), problem)),
        }
    }
    out
}

fn jsonl_row(line: &str) -> Result<(BatchRow, bool), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let s = |k: &str| obj.get(k).and_then(Value::as_str);
    let id = s("id").ok_or("no id field")?.to_string();
    let probability = match obj.get("probability") {
        Some(Value::Number(n)) => parse_probability(&n.to_string())?,
        Some(Value::String(t)) => parse_probability(t)?,
        Some(Value::Null) => None,
        _ => return Err("no probability field".into()),
    };
    let verdict = parse_verdict(s("verdict").unwrap_or(""))
        .ok_or_else(|| format!("unknown verdict {:?}", s("verdict").unwrap_or("")))?;
    let reasons = obj
        .get("reasons")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| {
                    let feature = r.get("feature")?.as_str()?.to_string();
                    let num = |k: &str| r.get(k).and_then(Value::as_f64).filter(|v| v.is_finite());
                    let direction = match r.get("direction").and_then(Value::as_str) {
                        Some("human") => Some(Direction::Human),
                        Some("machine") => Some(Direction::Machine),
                        _ => None,
                    };
                    Some(BatchReason { feature, value: num("value"), human_median: num("human_median"), direction })
                })
                .collect()
        })
        .unwrap_or_default();
    let has = FEATURES.iter().any(|f| obj.contains_key(f.name));
    let features = has
        .then(|| FEATURES.iter().map(|f| obj.get(f.name).and_then(Value::as_f64).filter(|v| v.is_finite())).collect());
    let row = BatchRow {
        id,
        lang: s("lang").unwrap_or("und").to_string(),
        words: obj.get("words").and_then(Value::as_u64).map(|w| w.min(u32::MAX as u64) as u32).unwrap_or(0),
        probability,
        verdict,
        reasons,
        uncertain_because: s("uncertain_because").map(str::to_string),
        features,
    };
    Ok((row, has))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_cell_round_trip() {
        let cell = "uncertain: borderline: probability between 0.20 and the threshold 0.30; \
                    stock_phrase_per_1k_words=5.56 (human median 0) [\"in conclusion\" x1; odd]; \
                    sentence_length_cv=0.306 (human median n/a)";
        let (because, reasons) = parse_reasons_cell(cell, Direction::Machine);
        assert_eq!(because.as_deref(), Some("borderline: probability between 0.20 and the threshold 0.30"));
        assert_eq!(reasons.len(), 2);
        assert_eq!(reasons[0].feature, "stock_phrase_per_1k_words");
        assert_eq!(reasons[0].value, Some(5.56));
        assert_eq!(reasons[0].human_median, Some(0.0));
        assert_eq!(reasons[1].value, Some(0.306));
        assert_eq!(reasons[1].human_median, None);
        assert_eq!(parse_reasons_cell("", Direction::Human), (None, vec![]));
    }

    #[test]
    fn reads_csv_and_jsonl_with_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let csv_path = dir.path().join("s.csv");
        std::fs::write(
            &csv_path,
            "id,lang,words,probability,verdict,reasons,word_count\n\
             a,en,120,0.9000,filler,buzzword_per_1k_words=12.0 (human median 1.5),120\n\
             b,en,80,1.7,ok,,80\n\
             c,de,60,0.1000,ok,,\n",
        )
        .unwrap();
        let f = read_scores(&csv_path).unwrap();
        assert_eq!(f.rows.len(), 2);
        assert!(f.has_features);
        assert_eq!(f.problems.len(), 1);
        assert_eq!(f.problems[0].origin.line, Some(3));
        let a = &f.rows[0];
        assert_eq!((a.id.as_str(), a.words, a.verdict), ("a", 120, Verdict::Filler));
        assert_eq!(a.reasons[0].human_median, Some(1.5));
        let wc = index_of("word_count").unwrap();
        assert_eq!(a.features.as_ref().unwrap()[wc], Some(120.0));
        assert_eq!(f.rows[1].features.as_ref().unwrap()[wc], None);

        let jl = dir.path().join("s.jsonl");
        std::fs::write(
            &jl,
            "{\"id\":\"x\",\"lang\":\"en\",\"words\":300,\"probability\":0.75,\"verdict\":\"filler\",\
             \"reasons\":[{\"feature\":\"buzzword_per_1k_words\",\"value\":9.5,\"human_median\":1.0,\"direction\":\"machine\"}],\
             \"uncertain_because\":null}\n\
             not json\n\
             {\"id\":\"y\",\"probability\":0.1,\"verdict\":\"maybe\"}\n",
        )
        .unwrap();
        let f = read_scores(&jl).unwrap();
        assert_eq!(f.rows.len(), 1);
        assert!(!f.has_features);
        assert_eq!(f.problems.iter().map(|p| p.origin.line).collect::<Vec<_>>(), vec![Some(2), Some(3)]);
        assert_eq!(f.rows[0].reasons[0].direction, Some(Direction::Machine));
        assert_eq!(f.rows[0].words, 300);

        let bad = dir.path().join("t.csv");
        std::fs::write(&bad, "text,label\nhello,human\n").unwrap();
        assert!(matches!(read_scores(&bad), Err(Error::Data(_))));
    }
}
