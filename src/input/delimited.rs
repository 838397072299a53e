//! Record formats: CSV with a header row and JSON Lines. Each record becomes one article; a bad
//! record is an error item naming the file and the line where the record starts (the CSV header
//! is line 1), and reading goes on with the next record.

use std::io::BufRead;

use super::{decode_utf8, too_big, InputItem, InputOptions};
use crate::article::Article;
use crate::error::{ArticleError, Origin};

/// Articles from a CSV stream.
pub(crate) fn csv_records(
    reader: Box<dyn BufRead + Send>,
    path: String,
    opts: InputOptions,
) -> impl Iterator<Item = InputItem> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(reader);
    let header = match rdr.byte_headers() {
        Ok(h) => Ok(h.iter().map(|f| String::from_utf8_lossy(f).trim().to_string()).collect::<Vec<_>>()),
        Err(e) => Err(ArticleError::new(Origin::at(&path, 1), format!("cannot read the CSV header: {e}"))),
    };
    let mut state = match header {
        Err(e) => CsvState::Failed(Some(e)),
        Ok(h) if h.iter().all(String::is_empty) => {
            CsvState::Failed(Some(ArticleError::new(Origin::file(&path), "empty CSV file (no header row)")))
        }
        Ok(h) => match h.iter().position(|c| c == &opts.text_col) {
            None => CsvState::Failed(Some(ArticleError::new(
                Origin::at(&path, 1),
                format!(
                    "no column {:?} in the header (columns: {}); name the text column with --text-col",
                    opts.text_col,
                    h.join(", ")
                ),
            ))),
            Some(text_idx) => {
                let id_idx = h.iter().position(|c| c == &opts.id_col);
                CsvState::Reading { rdr: Box::new(rdr), header: h, text_idx, id_idx, held: None, pending: None }
            }
        },
    };
    std::iter::from_fn(move || match &mut state {
        CsvState::Failed(e) => e.take().map(Err),
        CsvState::Reading { rdr, header, text_idx, id_idx, held, pending } => loop {
            if let Some(item) = pending.take() {
                return Some(item);
            }
            // One record is held back so that the last record of the file can be checked for a
            // quote that is never closed (the CSV parser silently runs such a field to the end).
            let mut rec = csv::ByteRecord::new();
            match rdr.read_byte_record(&mut rec) {
                Ok(true) => {
                    if let Some(prev) = held.replace(rec) {
                        let line = prev.position().map_or(0, |p| p.line());
                        return Some(csv_article(&prev, line, &path, header, *text_idx, *id_idx, &opts));
                    }
                }
                Ok(false) => {
                    let prev = held.take()?;
                    let line = prev.position().map_or(0, |p| p.line());
                    if runs_to_end_of_file(&prev) {
                        return Some(Err(ArticleError::new(
                            Origin::at(&path, line),
                            "a quoted field is never closed: the record runs to the end of the file (an unbalanced quote?); skipped",
                        )));
                    }
                    return Some(csv_article(&prev, line, &path, header, *text_idx, *id_idx, &opts));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    let err = ArticleError::new(Origin::at(&path, line), format!("unreadable CSV: {e}"));
                    let prev = held.take().map(|prev| {
                        let line = prev.position().map_or(0, |p| p.line());
                        csv_article(&prev, line, &path, header, *text_idx, *id_idx, &opts)
                    });
                    // After an I/O error the stream cannot go on; a parse error is per record.
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        state = CsvState::Failed(Some(err));
                        return prev.or_else(|| match &mut state {
                            CsvState::Failed(e) => e.take().map(Err),
                            _ => None,
                        });
                    }
                    match prev {
                        Some(p) => {
                            *pending = Some(Err(err));
                            return Some(p);
                        }
                        None => return Some(Err(err)),
                    }
                }
            }
        },
    })
}

/// The last record of a file whose field ends in a line break was most likely swallowed by a
/// quote that is never closed: the parser ran the field to the end of the file, line break
/// included. (A legitimate field ending in a line break at the very end of a file is rare.)
fn runs_to_end_of_file(rec: &csv::ByteRecord) -> bool {
    rec.iter().any(|f| f.contains(&b'\n') && f.ends_with(b"\n"))
}

enum CsvState {
    Failed(Option<ArticleError>),
    Reading {
        rdr: Box<csv::Reader<Box<dyn BufRead + Send>>>,
        header: Vec<String>,
        text_idx: usize,
        id_idx: Option<usize>,
        held: Option<csv::ByteRecord>,
        pending: Option<InputItem>,
    },
}

fn csv_article(
    rec: &csv::ByteRecord,
    line: u64,
    path: &str,
    header: &[String],
    text_idx: usize,
    id_idx: Option<usize>,
    opts: &InputOptions,
) -> InputItem {
    let origin = Origin::at(path, line);
    if rec.len() != header.len() {
        return Err(ArticleError::new(
            origin,
            format!(
                "record has {} fields but the header has {} (an unbalanced quote or a stray delimiter?); skipped",
                rec.len(),
                header.len()
            ),
        ));
    }
    let raw = &rec[text_idx];
    if raw.len() > opts.max_article_bytes {
        return Err(ArticleError::new(origin, too_big(opts.max_article_bytes)));
    }
    let text = decode_utf8(raw.to_vec(), opts.lossy_utf8)
        .map_err(|p| ArticleError::new(origin.clone(), format!("column {:?}: {p}", header[text_idx])))?;
    let id = match id_idx.map(|i| String::from_utf8_lossy(&rec[i]).trim().to_string()) {
        Some(id) if !id.is_empty() => id,
        _ => format!("{path}:{line}"),
    };
    let meta = header
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != text_idx && Some(*i) != id_idx)
        .map(|(i, name)| (name.clone(), String::from_utf8_lossy(&rec[i]).into_owned()))
        .collect();
    Ok(Article { id, origin, text, meta })
}

/// Articles from a JSON Lines stream.
pub(crate) fn jsonl_records(
    mut reader: Box<dyn BufRead + Send>,
    path: String,
    opts: InputOptions,
) -> impl Iterator<Item = InputItem> {
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        line_no += 1;
        let origin = Origin::at(&path, line_no);
        let (len, truncated) = match read_line_bounded(&mut reader, &mut buf, opts.max_article_bytes) {
            Ok(r) => r,
            Err(e) => {
                done = true;
                return Some(Err(ArticleError::new(origin, format!("cannot read: {e}"))));
            }
        };
        if len == 0 {
            return None;
        }
        if truncated {
            return Some(Err(ArticleError::new(origin, too_big(opts.max_article_bytes))));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(jsonl_article(&buf, origin, &path, line_no, &opts));
    })
}

fn jsonl_article(line: &[u8], origin: Origin, path: &str, line_no: u64, opts: &InputOptions) -> InputItem {
    let bytes = if opts.lossy_utf8 { String::from_utf8_lossy(line).into_owned().into_bytes() } else { line.to_vec() };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) if e.is_data() || e.is_syntax() || e.is_eof() => {
            let hint =
                if std::str::from_utf8(line).is_err() { " (invalid UTF-8? --lossy-utf8 reads it anyway)" } else { "" };
            return Err(ArticleError::new(origin, format!("not valid JSON: {e}{hint}")));
        }
        Err(e) => return Err(ArticleError::new(origin, format!("cannot parse: {e}"))),
    };
    let serde_json::Value::Object(map) = value else {
        return Err(ArticleError::new(origin, "not a JSON object (one object per line expected)"));
    };
    let text = match map.get(&opts.text_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ArticleError::new(
                origin,
                format!("field {:?} is {}, not a string", opts.text_field, json_kind(other)),
            ));
        }
        None => {
            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
            return Err(ArticleError::new(
                origin,
                format!(
                    "no field {:?} (fields: {}); name the text field with --text-field",
                    opts.text_field,
                    keys.join(", ")
                ),
            ));
        }
    };
    let id = match map.get(&opts.id_field) {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{path}:{line_no}"),
    };
    let meta = map
        .iter()
        .filter(|(k, _)| **k != opts.text_field && **k != opts.id_field)
        .filter_map(|(k, v)| scalar_string(v).map(|s| (k.clone(), s)))
        .collect();
    Ok(Article { id, origin, text, meta })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn scalar_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Read one line into `buf` (without the newline), keeping at most `limit` bytes: a longer line
/// is consumed to its end but not stored. Returns (bytes consumed, whether it was too long).
pub(crate) fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    buf.clear();
    let mut consumed = 0usize;
    let mut truncated = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        let (take, found) = match memchr_newline(chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let content = if found { &chunk[..take - 1] } else { &chunk[..take] };
        if !truncated {
            if buf.len() + content.len() > limit {
                truncated = true;
                buf.clear();
            } else {
                buf.extend_from_slice(content);
            }
        }
        reader.consume(take);
        consumed += take;
        if found {
            break;
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok((consumed, truncated))
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(data: &str) -> Vec<InputItem> {
        csv_records(Box::new(std::io::Cursor::new(data.as_bytes().to_vec())), "t.csv".into(), InputOptions::default())
            .collect()
    }

    fn jsonl(data: &[u8]) -> Vec<InputItem> {
        jsonl_records(Box::new(std::io::Cursor::new(data.to_vec())), "t.jsonl".into(), InputOptions::default())
            .collect()
    }

    #[test]
    fn csv_rows_ids_and_meta() {
        let items = csv("id,text,label\na,\"Hello, world\",human\n,\"two\nlines\",machine\nc,short\n");
        assert_eq!(items.len(), 3);
        let a = items[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str(), a.meta("label")), ("a", "Hello, world", Some("human")));
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.id, "t.csv:3");
        let c = items[2].as_ref().unwrap_err();
        assert_eq!(c.origin, Origin::at("t.csv", 5));
        assert!(c.problem.contains("has 2 fields but the header has 3"), "{}", c.problem);
    }

    #[test]
    fn csv_without_text_column() {
        let items = csv("id,body\n1,x\n");
        assert_eq!(items.len(), 1);
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:1: no column \"text\" in the header (columns: id, body); name the text column with --text-col"
        );
    }

    #[test]
    fn csv_invalid_utf8_row_is_skipped() {
        let mut data = b"id,text\n1,ok\n2,bad \xff byte\n3,fine\n".to_vec();
        data.extend_from_slice(b"");
        let items: Vec<_> =
            csv_records(Box::new(std::io::Cursor::new(data)), "t.csv".into(), InputOptions::default()).collect();
        assert!(items[0].is_ok() && items[2].is_ok());
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.origin.line, Some(3));
        assert!(e.problem.contains("not valid UTF-8"));
    }

    #[test]
    fn jsonl_good_and_bad_lines() {
        let items = jsonl(b"{\"id\":\"x\",\"text\":\"hi\",\"n\":3}\n\nnot json\n{\"text\":5}\n[1]\n{\"id\":7,\"text\":\"yo\"}\n{\"body\":\"?\"}");
        assert_eq!(items.len(), 6);
        let x = items[0].as_ref().unwrap();
        assert_eq!((x.id.as_str(), x.meta("n")), ("x", Some("3")));
        assert_eq!(items[1].as_ref().unwrap_err().origin.line, Some(3));
        assert!(items[2].as_ref().unwrap_err().problem.contains("is a number, not a string"));
        assert!(items[3].as_ref().unwrap_err().problem.contains("not a JSON object"));
        assert_eq!(items[4].as_ref().unwrap().id, "7");
        assert!(items[5].as_ref().unwrap_err().problem.starts_with("no field \"text\" (fields: body)"));
    }

    #[test]
    fn bounded_lines() {
        let mut r = std::io::Cursor::new(b"short\nthis line is too long\nok\r\n".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), (6, false));
        assert_eq!(buf, b"short");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), (22, true));
        assert!(buf.is_empty());
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), (4, false));
        assert_eq!(buf, b"ok");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), (0, false));
    }
}
