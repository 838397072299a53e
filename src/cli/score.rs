//! `chaff score INPUT...`: probability, verdict and reasons for each article, as a ranked table,
//! CSV or JSONL.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use chaff::model::predict::{Abstention, Verdict};
use chaff::model::shipped;
use chaff::output::{reason_text, ScoreReason, ScoreRow};
use chaff::pipeline::{process_ordered, BatchLimits};
use chaff::score::{ScoredArticle, Scorer};

use super::args::{PagesArg, ScoreArgs, ScoreFormat};
use super::common::{prepare_inputs, Progress, Sink, Tally};
use super::pages::PageText;

/// Counts of verdicts for the summary line.
#[derive(Default)]
struct Verdicts {
    filler: u64,
    ok: u64,
    uncertain: u64,
}

pub(super) fn run(a: ScoreArgs) -> anyhow::Result<ExitCode> {
    let model = shipped::load(a.model.as_deref())?;
    let prep = prepare_inputs(&a.input)?;
    let format =
        a.format.unwrap_or_else(|| match a.output.as_ref().and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some("jsonl") | Some("ndjson") | Some("json") => ScoreFormat::Jsonl,
            Some(_) => ScoreFormat::Csv,
            None if std::io::stdout().is_terminal() => ScoreFormat::Table,
            None => ScoreFormat::Csv,
        });
    // Evidence: always in JSONL, in CSV with --evidence, and for the report's pages.
    let evidence = format == ScoreFormat::Jsonl || a.evidence || a.report.is_some();
    let scorer = Scorer::new(&model, prep.cx.clone()).with_evidence(evidence).with_paragraphs(a.paragraphs);
    let pages = a.report.is_some().then_some(a.pages);
    let mut sink = Sink::open(a.output.as_ref())?;
    let progress = Progress::new(&a.input.inputs, prep.bytes_read.clone());
    let buffer = format == ScoreFormat::Table || a.sort || a.report.is_some();
    if format == ScoreFormat::Csv {
        sink.write_all(&csv_header(&a))?;
    }
    let mut tally = Tally::default();
    let mut verdicts = Verdicts::default();
    let mut kept: Vec<ScoredArticle> = Vec::new();
    let mut page_texts: Vec<PageText> = Vec::new();
    let inputs = chaff::input::read(&a.input.inputs, prep.opts.clone());
    let keep_features = a.all_features || a.report.is_some();
    process_ordered(
        inputs,
        BatchLimits::default(),
        |article| {
            let s = scorer.score(&article, keep_features);
            let verdict = s.prediction.verdict;
            let page = pages.filter(|p| wants_page(*p, verdict)).map(|_| {
                let paragraphs = s.paragraphs.clone().unwrap_or_else(|| scorer.paragraphs(&article));
                PageText { row: ScoreRow::from_scored(&s), text: article.text, paragraphs }
            });
            // Streaming, the row is encoded here, in parallel, rather than by the writer.
            let out = if buffer {
                Out::Kept(Box::new(s))
            } else {
                Out::Encoded(encode_row(format, &file_row(s, &a, format)))
            };
            Ok((verdict, out, page))
        },
        |result| -> anyhow::Result<()> {
            match result {
                Err(e) => tally.skip(&e, &progress),
                Ok((verdict, out, page)) => {
                    page_texts.extend(page);
                    tally.read += 1;
                    tally.done += 1;
                    match verdict {
                        Verdict::Filler => verdicts.filler += 1,
                        Verdict::Ok => verdicts.ok += 1,
                        Verdict::Uncertain => verdicts.uncertain += 1,
                    }
                    match out {
                        Out::Kept(s) => kept.push(*s),
                        Out::Encoded(bytes) => sink.write_all(&bytes?)?,
                    }
                }
            }
            progress.tick(tally.read);
            Ok(())
        },
    )?;
    progress.finish();
    if buffer {
        if format == ScoreFormat::Table || a.sort {
            // Highest probability first; texts without one (no words) last, in input order.
            kept.sort_by(|x, y| rank_key(y).total_cmp(&rank_key(x)));
        }
        if format == ScoreFormat::Table {
            write_table(&mut sink, &kept, a.top)?;
        } else {
            for s in &kept {
                write_row(&mut sink, format, &file_row(s.clone(), &a, format))?;
            }
        }
    }
    sink.finish()?;
    if let Some(dir) = &a.report {
        let r = super::report::score_charts(&kept, &model, dir)?;
        super::pages::write_pages(&page_texts, &model, r, dir)?;
    }
    eprintln!(
        "chaff score: read {} articles, scored {} (filler {}, ok {}, uncertain {}), skipped {}",
        tally.read, tally.done, verdicts.filler, verdicts.ok, verdicts.uncertain, tally.skipped
    );
    Ok(if tally.skipped > 0 {
        ExitCode::from(2)
    } else if a.fail_on_flagged && verdicts.filler > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The sort key of the ranked outputs: the probability, below every probability when none.
fn rank_key(s: &ScoredArticle) -> f64 {
    s.prediction.probability.unwrap_or(f64::NEG_INFINITY)
}

/// Does an article with this verdict get a page?
fn wants_page(pages: PagesArg, verdict: Verdict) -> bool {
    pages == PagesArg::All || verdict != Verdict::Ok
}

fn csv_header(a: &ScoreArgs) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(ScoreRow::csv_header_with(a.all_features, a.evidence, a.paragraphs));
    w.into_inner().unwrap_or_default()
}

/// The file row of a scored article; its feature values only with `--all-features` (they may
/// be kept for the charts alone), its evidence in JSONL or with `--evidence`.
fn file_row(s: ScoredArticle, a: &ScoreArgs, format: ScoreFormat) -> ScoreRow {
    let mut row = ScoreRow::from(s);
    if !a.all_features {
        row.features = None;
    }
    if format != ScoreFormat::Jsonl && !a.evidence {
        row.evidence = None;
    }
    row
}

/// A scored article on its way to the writer: kept whole (ranked or charted output), or
/// already encoded (streamed output).
enum Out {
    Kept(Box<ScoredArticle>),
    Encoded(anyhow::Result<Vec<u8>>),
}

/// The bytes of one output row.
fn encode_row(format: ScoreFormat, row: &ScoreRow) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        ScoreFormat::Csv | ScoreFormat::Table => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(row.csv_record())?;
            w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?
        }
        ScoreFormat::Jsonl => row.jsonl_line()?.into_bytes(),
    })
}

fn write_row(sink: &mut Sink, format: ScoreFormat, row: &ScoreRow) -> anyhow::Result<()> {
    sink.write_all(&encode_row(format, row)?)?;
    Ok(())
}

fn truncate_id(id: &str, max: usize) -> String {
    let n = id.chars().count();
    if n <= max {
        return id.to_string();
    }
    // Keep the end of paths (the file name) and the start (the folder), cut the middle.
    let head: String = id.chars().take(max / 3).collect();
    let tail: String = id.chars().skip(n - (max - max / 3 - 1)).collect();
    format!("{head}~{tail}")
}

fn write_table(sink: &mut Sink, rows: &[ScoredArticle], top: usize) -> anyhow::Result<()> {
    let shown = if top == 0 { rows.len() } else { top.min(rows.len()) };
    writeln!(
        sink,
        "{:>4}  {:>5}  {:<9}  {:>6}  {:<4}  {:<40}  main reason",
        "#", "prob", "verdict", "words", "lang", "id"
    )?;
    for (i, s) in rows.iter().take(shown).enumerate() {
        let p = &s.prediction;
        let reason = match (&p.abstention, p.reasons.first()) {
            (Some(Abstention::TooShort { .. } | Abstention::Language { .. } | Abstention::Empty), _) => {
                p.abstention.as_ref().map(|a| a.describe()).unwrap_or_default()
            }
            (_, Some(r)) => reason_text(&ScoreReason::from(r)),
            _ => String::new(),
        };
        writeln!(
            sink,
            "{:>4}  {:>5}  {:<9}  {:>6}  {:<4}  {:<40}  {}",
            i + 1,
            p.probability.map(|p| format!("{p:.3}")).unwrap_or_else(|| "-".into()),
            p.verdict.as_str(),
            s.words,
            s.lang,
            truncate_id(&s.id, 40),
            reason
        )?;
    }
    if shown < rows.len() {
        writeln!(sink, "... {} more (use --top 0 for all, or --format csv)", rows.len() - shown)?;
    }
    Ok(())
}
