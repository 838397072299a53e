//! `index.html`: one self-contained page (inline style, no scripts or external assets) with the
//! headline numbers and every chart of a report, each with its one-line caption. The PNGs are
//! referenced by file name, so the folder can be moved or zipped as a whole.

use super::Report;
use crate::error::Error;

/// Escape text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1240px;padding:0 1rem;color:#111;line-height:1.45}\
h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}\
table{border-collapse:collapse;margin:1rem 0}th,td{padding:.3rem .9rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\
th{font-weight:600;white-space:nowrap}.notes{color:#7a4a00}\
nav ul{columns:2;padding-left:1.2rem}figure{margin:2.5rem 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}\
figcaption{color:#333;margin-top:.4rem}h2{margin-bottom:.4rem;font-size:1.2rem}";

/// The page of `report`.
pub(crate) fn index_html(report: &Report) -> String {
    let mut h = String::new();
    h.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n", escape(&report.title)));
    h.push_str(&format!("<h1>{}</h1>\n", escape(&report.title)));
    h.push_str(&format!(
        "<p class=\"meta\">Made by chaff {}. Charts are PNG files beside this page.</p>\n",
        escape(env!("CARGO_PKG_VERSION"))
    ));
    h.push_str("<table class=\"headline\">\n");
    for (k, v) in &report.headline {
        h.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", escape(k), escape(v)));
    }
    h.push_str("</table>\n");
    if !report.notes.is_empty() {
        h.push_str("<ul class=\"notes\">\n");
        for n in &report.notes {
            h.push_str(&format!("<li>{}</li>\n", escape(n)));
        }
        h.push_str("</ul>\n");
    }
    let name = |c: &super::Chart| c.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    h.push_str("<nav><ul>\n");
    for c in &report.charts {
        let f = name(c);
        h.push_str(&format!("<li><a href=\"#{}\">{}</a></li>\n", escape(&f), escape(&c.title)));
    }
    h.push_str("</ul></nav>\n");
    for c in &report.charts {
        let f = name(c);
        h.push_str(&format!(
            "<figure id=\"{f}\">\n<h2>{t}</h2>\n<a href=\"{f}\"><img src=\"{f}\" alt=\"{cap}\"></a>\n<figcaption>{cap} <code>{f}</code></figcaption>\n</figure>\n",
            f = escape(&f),
            t = escape(&c.title),
            cap = escape(&c.caption)
        ));
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// Write `index.html` of `report` (atomically).
pub fn write_index(report: &Report) -> Result<(), Error> {
    crate::output::write_atomic(&report.index, index_html(report).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Chart;

    #[test]
    fn page_lists_charts_and_escapes() {
        let r = Report {
            dir: "r".into(),
            title: "T <1>".into(),
            headline: vec![("AUC".into(), "0.9 & more".into())],
            notes: vec!["no transfer".into()],
            charts: vec![Chart {
                file: "r/roc.png".into(),
                title: "ROC \"curve\"".into(),
                caption: "a caption".into(),
                labels: vec![],
                values: vec![],
            }],
            index: "r/index.html".into(),
        };
        let h = index_html(&r);
        assert!(h.contains("<title>T &lt;1&gt;</title>"));
        assert!(h.contains("<td>0.9 &amp; more</td>"));
        assert!(h.contains("<img src=\"roc.png\" alt=\"a caption\">"));
        assert!(h.contains("ROC &quot;curve&quot;"));
        assert!(h.contains("<li>no transfer</li>"));
        assert!(!h.contains("http"), "no external assets");
    }
}
