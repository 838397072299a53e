//! Labeled data for training and evaluation: CSV files in the datasets/ format read into rows
//! (label, group, source corpus, language, length, other columns) with every feature computed
//! once, in parallel.

use regex::Regex;

use crate::error::{ArticleError, Error};
use crate::features::{extract, Context};
use crate::input::{self, InputFormat, InputOptions};
use crate::pipeline::{process_ordered, BatchLimits};
use crate::text::Document;

/// How to read labeled data.
#[derive(Debug, Clone)]
pub struct DataOptions {
    /// CSV files.
    pub files: Vec<String>,
    /// Column holding the label.
    pub label_col: String,
    /// Labels of the positive (flagged) class.
    pub positive: Vec<String>,
    /// Column holding a group key (rows of one group stay on one side of every split).
    pub group_col: Option<String>,
    /// Or: derive the group key from the id (the first capture group that matched, else the
    /// whole match; ids that do not match are their own group).
    pub group_from_id: Option<Regex>,
    /// Column naming the source corpus (default: the input file's name without extension).
    pub source_col: Option<String>,
    /// Source renamings (`from`, `to`), e.g. to treat several files as one corpus.
    pub source_alias: Vec<(String, String)>,
    /// Sources named by the id (`pattern`, `source`): a row whose id matches the first pattern
    /// gets its source, whatever its file (one file joining several source families).
    pub source_from_id: Vec<(Regex, String)>,
    /// Input options (text column, size limit, ...).
    pub input: InputOptions,
}

impl Default for DataOptions {
    fn default() -> Self {
        DataOptions {
            files: Vec::new(),
            label_col: "label".into(),
            positive: vec!["machine".into()],
            group_col: None,
            group_from_id: None,
            source_col: None,
            source_alias: Vec::new(),
            source_from_id: Vec::new(),
            input: InputOptions::default(),
        }
    }
}

/// One labeled article.
#[derive(Debug, Clone)]
pub struct Row {
    /// Article id.
    pub id: String,
    /// Its label as written.
    pub label: String,
    /// Whether the label is a positive (flagged) one.
    pub positive: bool,
    /// Group index (into [`LabeledData::group_names`]).
    pub group: usize,
    /// Source corpus.
    pub source: String,
    /// Language detected by chaff.
    pub detected_lang: &'static str,
    /// Word count.
    pub words: u32,
    /// The other columns of the record.
    pub meta: Vec<(String, String)>,
}

impl Row {
    /// Value of column `name` (`source`, `label`, `id` and chaff's `detected_lang` included).
    pub fn column(&self, name: &str) -> Option<&str> {
        match name {
            "id" => Some(&self.id),
            "label" => Some(&self.label),
            "source" => Some(&self.source),
            "detected_lang" => Some(self.detected_lang),
            _ => self.meta.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()),
        }
    }

    /// The register: the `domain` column's part before `/` (`academic/abstract` is
    /// `academic`); `None` without a domain.
    pub fn register(&self) -> Option<&str> {
        self.column("domain").map(|d| d.split('/').next().unwrap_or(d).trim()).filter(|r| !r.is_empty())
    }

    /// The language for reports: the `lang` column when present, else chaff's detection.
    pub fn lang(&self) -> &str {
        self.meta
            .iter()
            .find(|(k, v)| k == "lang" && !v.is_empty())
            .map(|(_, v)| v.as_str())
            .unwrap_or(self.detected_lang)
    }
}

/// Labeled rows with their feature vectors (registry order).
#[derive(Debug, Clone, Default)]
pub struct LabeledData {
    /// The rows.
    pub rows: Vec<Row>,
    /// Feature values of each row, in [`crate::FEATURES`] order.
    pub features: Vec<Vec<Option<f64>>>,
    /// Group keys.
    pub group_names: Vec<String>,
}

impl LabeledData {
    /// Rows selected by `keep`, as a new data set (groups keep their indices).
    pub fn subset(&self, keep: impl Fn(&Row) -> bool) -> LabeledData {
        let mut out = LabeledData { group_names: self.group_names.clone(), ..Default::default() };
        for (r, f) in self.rows.iter().zip(&self.features) {
            if keep(r) {
                out.rows.push(r.clone());
                out.features.push(f.clone());
            }
        }
        out
    }

    /// Labels as booleans (positive = true).
    pub fn labels(&self) -> Vec<bool> {
        self.rows.iter().map(|r| r.positive).collect()
    }
}

/// Read and featurise labeled CSVs. Bad rows go to `on_skip` and are left out.
pub fn load(opts: &DataOptions, cx: &Context, mut on_skip: impl FnMut(&ArticleError)) -> Result<LabeledData, Error> {
    if opts.files.is_empty() {
        return Err(Error::config("--data", "no training data given"));
    }
    let mut data = LabeledData::default();
    let mut group_index: std::collections::HashMap<String, usize> = Default::default();
    for file in &opts.files {
        let stem = std::path::Path::new(file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let stem = stem.split('.').next().unwrap_or("").to_string();
        let file_source =
            opts.source_alias.iter().find(|(from, _)| *from == stem).map(|(_, to)| to.clone()).unwrap_or(stem);
        let mut in_opts = opts.input.clone();
        in_opts.format = InputFormat::Csv;
        let articles = input::read(std::slice::from_ref(file), in_opts);
        let mut sink_err: Option<Error> = None;
        process_ordered(
            articles,
            BatchLimits::default(),
            |article| {
                let label = article.meta(&opts.label_col).map(str::trim).unwrap_or("").to_string();
                if label.is_empty() {
                    return Err(ArticleError::new(
                        article.origin.clone(),
                        format!("no {:?} value; every training row needs a label", opts.label_col),
                    ));
                }
                let doc = Document::new(&article.text);
                let fv = extract(&doc, cx);
                Ok((article, label, doc.language().code, doc.word_count() as u32, fv.values))
            },
            |res| -> Result<(), Error> {
                match res {
                    Err(e) => on_skip(&e),
                    Ok((article, label, lang, words, values)) => {
                        let key = group_key(&article, opts);
                        let next = group_index.len();
                        let group = *group_index.entry(key.clone()).or_insert(next);
                        if group == next {
                            data.group_names.push(key);
                        }
                        let by_id = opts.source_from_id.iter().find(|(re, _)| re.is_match(&article.id));
                        let source = match (by_id, &opts.source_col) {
                            (Some((_, s)), _) => s.clone(),
                            (None, Some(col)) => {
                                let v = article.meta(col).unwrap_or("").to_string();
                                opts.source_alias
                                    .iter()
                                    .find(|(from, _)| *from == v)
                                    .map(|(_, to)| to.clone())
                                    .unwrap_or(v)
                            }
                            (None, None) => file_source.clone(),
                        };
                        let positive = opts.positive.contains(&label);
                        data.rows.push(Row {
                            id: article.id,
                            label,
                            positive,
                            group,
                            source,
                            detected_lang: lang,
                            words,
                            meta: article.meta,
                        });
                        data.features.push(values);
                    }
                }
                Ok(())
            },
        )
        .or_else(|e| {
            sink_err = Some(e);
            Ok::<(), Error>(())
        })?;
        if let Some(e) = sink_err {
            return Err(e);
        }
    }
    Ok(data)
}

fn group_key(article: &crate::article::Article, opts: &DataOptions) -> String {
    if let Some(col) = &opts.group_col {
        if let Some(v) = article.meta(col).filter(|v| !v.trim().is_empty()) {
            return v.trim().to_string();
        }
    }
    if let Some(re) = &opts.group_from_id {
        if let Some(c) = re.captures(&article.id) {
            // The first capture group that took part in the match (alternatives may each have
            // their own), else the whole match.
            let m = c.iter().skip(1).flatten().next().or_else(|| c.get(0));
            if let Some(m) = m {
                return format!("~{}", m.as_str());
            }
        }
    }
    article.id.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_rows_groups_and_skips_unlabeled() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("mini.csv");
        std::fs::write(
            &p,
            "id,text,label,lang\nex-a-1-human,One text here.,human,en\nex-a-1-machine,Another text.,machine,en\nex-b-1-human,Third.,,en\n",
        )
        .unwrap();
        let opts = DataOptions {
            files: vec![p.to_string_lossy().into_owned()],
            group_from_id: Some(Regex::new(r"^(ex-[a-z]+-\d+)-").unwrap()),
            ..Default::default()
        };
        let mut skipped = Vec::new();
        let data = load(&opts, &Context::default(), |e| skipped.push(e.to_string())).unwrap();
        assert_eq!(data.rows.len(), 2);
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].ends_with(":4: no \"label\" value; every training row needs a label"), "{}", skipped[0]);
        assert_eq!(data.rows[0].group, data.rows[1].group);
        assert_eq!(data.group_names[0], "~ex-a-1");
        assert_eq!(data.rows[0].source, "mini");
        assert!(!data.rows[0].positive && data.rows[1].positive);
        assert_eq!(data.rows[0].lang(), "en");
        assert_eq!(data.features[0].len(), crate::features::FEATURES.len());
    }

    #[test]
    fn sources_by_id_and_groups_from_the_alternative_that_matched() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("joined.csv");
        std::fs::write(
            &p,
            "id,text,label,domain\n\
             hppt-val-2021.acl-long.5-human,An abstract.,human,academic/abstract\n\
             hppt-val-2021.acl-long.5-chatgpt-polish,A polished abstract.,machine,academic/abstract\n\
             fdg-pubmed-0aae-human,An answer.,human,medical/qa\n\
             fdg-pubmed-0aae-davinci,Another answer.,machine,medical\n\
             hc3-medicine-human-7,A reply.,human,\n",
        )
        .unwrap();
        let opts = DataOptions {
            files: vec![p.to_string_lossy().into_owned()],
            group_from_id: Some(
                Regex::new(r"^(hppt-(?:test|val)-.+?)-(?:human|chatgpt-polish)$|^(fdg-pubmed-[0-9a-f]+)-").unwrap(),
            ),
            source_from_id: vec![
                (Regex::new("^hppt-").unwrap(), "hppt".into()),
                (Regex::new("^fdg-pubmed-").unwrap(), "pubmedqa".into()),
            ],
            ..Default::default()
        };
        let data = load(&opts, &Context::default(), |e| panic!("{e}")).unwrap();
        let r = &data.rows;
        // A pair shares its group, whichever alternative matched; an unmatched id is its own.
        assert_eq!(r[0].group, r[1].group);
        assert_eq!(data.group_names[r[0].group], "~hppt-val-2021.acl-long.5");
        assert_eq!(r[2].group, r[3].group);
        assert_eq!(data.group_names[r[2].group], "~fdg-pubmed-0aae");
        assert_eq!(data.group_names[r[4].group], "hc3-medicine-human-7");
        // Sources: by id where a pattern matches, else the file.
        let sources: Vec<&str> = r.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(sources, ["hppt", "hppt", "pubmedqa", "pubmedqa", "joined"]);
        // Registers: the domain before '/', none without a domain.
        let registers: Vec<Option<&str>> = r.iter().map(|r| r.register()).collect();
        assert_eq!(registers, [Some("academic"), Some("academic"), Some("medical"), Some("medical"), None]);
    }
}
