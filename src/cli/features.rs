//! `chaff features INPUT...`: every feature of each article, one row per article, in input order.

use std::io::Write;
use std::process::ExitCode;

use chaff::output::format_value;
use chaff::pipeline::{process_ordered, BatchLimits};
use chaff::{Document, FEATURES};

use super::args::{FeaturesArgs, TableFormat};
use super::common::{json_string, prepare_inputs, summary, table_format, Progress, Sink, Tally};

struct Row {
    id: String,
    lang: &'static str,
    values: Vec<Option<f64>>,
}

pub(super) fn run(a: FeaturesArgs) -> anyhow::Result<ExitCode> {
    if a.list {
        let width = FEATURES.iter().map(|f| f.name.len()).max().unwrap_or(0);
        for f in FEATURES {
            println!("{:width$}  {}", f.name, f.summary);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let prep = prepare_inputs(&a.input)?;
    let format = table_format(a.format, a.output.as_ref());
    let mut sink = Sink::open(a.output.as_ref())?;
    let progress = Progress::new(&a.input.inputs, prep.bytes_read.clone());
    if format == TableFormat::Csv {
        let mut header = vec!["id", "lang"];
        header.extend(FEATURES.iter().map(|f| f.name));
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&header)?;
        sink.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    }
    let mut tally = Tally::default();
    let cx = &prep.cx;
    let inputs = chaff::input::read(&a.input.inputs, prep.opts.clone());
    let mut line = Vec::with_capacity(4096);
    process_ordered(
        inputs,
        BatchLimits::default(),
        |article| {
            let doc = Document::new(&article.text);
            let fv = chaff::extract(&doc, cx);
            Ok(Row { id: article.id, lang: doc.language().code, values: fv.values })
        },
        |result| -> anyhow::Result<()> {
            match result {
                Err(e) => tally.skip(&e, &progress),
                Ok(row) => {
                    tally.read += 1;
                    tally.done += 1;
                    line.clear();
                    match format {
                        TableFormat::Csv => write_csv_row(&mut line, &row)?,
                        TableFormat::Jsonl => write_json_row(&mut line, &row),
                    }
                    sink.write_all(&line)?;
                }
            }
            progress.tick(tally.read);
            Ok(())
        },
    )?;
    progress.finish();
    sink.finish()?;
    Ok(summary("features", "extracted", &tally))
}

fn write_csv_row(out: &mut Vec<u8>, row: &Row) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut rec: Vec<String> = Vec::with_capacity(row.values.len() + 2);
    rec.push(row.id.clone());
    rec.push(row.lang.to_string());
    rec.extend(row.values.iter().map(|v| v.map(format_value).unwrap_or_default()));
    w.write_record(&rec)?;
    w.flush()?;
    Ok(())
}

fn write_json_row(out: &mut Vec<u8>, row: &Row) {
    let mut s = format!("{{\"id\":{},\"lang\":{}", json_string(&row.id), json_string(row.lang));
    for (f, v) in FEATURES.iter().zip(&row.values) {
        s.push_str(",\"");
        s.push_str(f.name);
        s.push_str("\":");
        match v {
            Some(v) => s.push_str(&format_value(*v)),
            None => s.push_str("null"),
        }
    }
    s.push_str("}\n");
    out.extend_from_slice(s.as_bytes());
}
