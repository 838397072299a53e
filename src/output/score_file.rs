//! Reading a score file written by `chaff score` back into [`ScoreRow`]s (for
//! `chaff report --scores FILE`). A row that cannot be read is reported (`PATH:LINE: problem`)
//! and skipped.

use std::io::BufRead;
use std::path::Path;

use super::score_row::{CsvColumns, ScoreRow};
use crate::error::{ArticleError, Error, Origin};

/// A scored batch read from a file.
#[derive(Debug, Clone, Default)]
pub struct ScoresFile {
    /// The rows that could be read, in file order.
    pub rows: Vec<ScoreRow>,
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

fn read_csv(text: &str, name: &str) -> Result<ScoresFile, Error> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| Error::Data(format!("{name}:1: cannot read the CSV header: {e}")))?
        .iter()
        .map(str::to_string)
        .collect();
    let cols = CsvColumns::from_header(&header).map_err(|e| Error::Data(format!("{name}: {e}")))?;
    let mut out = ScoresFile { has_features: cols.has_features(), ..Default::default() };
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
        match ScoreRow::from_csv(&cols, &rec).and_then(|r| r.validate().map(|()| r)) {
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
        let row = serde_json::from_str::<ScoreRow>(&line)
            .map_err(|e| format!("not a chaff score row: {e}"))
            .and_then(|r| r.validate().map(|()| r));
        match row {
            Ok(r) => {
                out.has_features |= r.features.is_some();
                out.rows.push(r);
            }
            Err(problem) => out.problems.push(ArticleError::new(Origin::at(name, line_no), problem)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::index_of;
    use crate::model::predict::{Direction, Verdict};

    #[test]
    fn reads_csv_and_jsonl_with_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let csv_path = dir.path().join("s.csv");
        std::fs::write(
            &csv_path,
            "id,lang,words,probability,verdict,reasons,word_count\n\
             a,en,120,0.9000,filler,buzzword_per_1k_words=12.0 (human median 1.5),120\n\
             b,en,80,1.7,ok,,80\n\
             c,de,60,0.1000,ok,,\n\
             d,und,0,,uncertain,uncertain: no words: an empty text has no probability,0\n",
        )
        .unwrap();
        let f = read_scores(&csv_path).unwrap();
        assert_eq!(f.rows.len(), 3);
        assert!(f.has_features);
        assert_eq!(f.problems.len(), 1);
        assert_eq!(f.problems[0].origin.line, Some(3));
        let a = &f.rows[0];
        assert_eq!((a.id.as_str(), a.words, a.verdict, a.probability), ("a", 120, Verdict::Filler, Some(0.9)));
        assert_eq!(a.reasons[0].human_median, Some(1.5));
        assert_eq!(a.reasons[0].direction, Direction::Machine);
        let wc = index_of("word_count").unwrap();
        assert_eq!(a.features.as_ref().unwrap()[wc], Some(120.0));
        assert_eq!(f.rows[1].features.as_ref().unwrap()[wc], None);
        let d = &f.rows[2];
        assert_eq!(d.probability, None);
        assert_eq!(d.uncertain_because.as_deref(), Some("no words: an empty text has no probability"));

        let jl = dir.path().join("s.jsonl");
        std::fs::write(
            &jl,
            "{\"id\":\"x\",\"lang\":\"en\",\"words\":300,\"probability\":0.75,\"verdict\":\"filler\",\
             \"reasons\":[{\"feature\":\"buzzword_per_1k_words\",\"value\":9.5,\"human_median\":1.0,\"direction\":\"machine\"}],\
             \"uncertain_because\":null}\n\
             not json\n\
             {\"id\":\"y\",\"probability\":0.1,\"verdict\":\"maybe\"}\n\
             {\"id\":\"z\",\"probability\":null,\"verdict\":\"uncertain\"}\n\
             {\"id\":\"w\",\"verdict\":\"ok\"}\n",
        )
        .unwrap();
        let f = read_scores(&jl).unwrap();
        assert_eq!(f.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["x", "z"]);
        assert!(!f.has_features);
        assert_eq!(f.problems.iter().map(|p| p.origin.line).collect::<Vec<_>>(), vec![Some(2), Some(3), Some(5)]);
        assert!(f.problems[2].problem.contains("probability"), "{}", f.problems[2].problem);
        assert_eq!(f.rows[0].reasons[0].direction, Direction::Machine);
        assert_eq!(f.rows[0].words, 300);
        assert_eq!((f.rows[1].lang.as_str(), f.rows[1].probability), ("und", None));

        // The columns of this version: `abstain` and `model` after `reasons`.
        let new = dir.path().join("n.csv");
        std::fs::write(
            &new,
            "id,lang,words,probability,verdict,reasons,abstain,model\n\
             e,ja,80,0.3000,uncertain,\"uncertain: language ja is not one the model was trained on (en)\",unsupported_language,ours@0a1b2c3d\n\
             f,en,90,0.9000,filler,,,ours@0a1b2c3d\n",
        )
        .unwrap();
        let f = read_scores(&new).unwrap();
        assert!(f.problems.is_empty());
        let got: Vec<(Option<&str>, Option<&str>)> =
            f.rows.iter().map(|r| (r.abstain.as_deref(), r.model.as_deref())).collect();
        assert_eq!(got, [(Some("unsupported_language"), Some("ours@0a1b2c3d")), (None, Some("ours@0a1b2c3d"))]);

        let bad = dir.path().join("t.csv");
        std::fs::write(&bad, "text,label\nhello,human\n").unwrap();
        assert!(matches!(read_scores(&bad), Err(Error::Data(_))));
    }
}
