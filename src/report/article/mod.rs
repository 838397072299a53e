//! Article pages: one self-contained HTML file per article (inline CSS, no scripts, the
//! profile chart embedded as a `data:` PNG) showing the article's text with each evidence span
//! in a `<mark>` coloured by its family, a tooltip naming the feature and its value against
//! the human median, each scored paragraph shaded by its probability, the reasons and the
//! profile. The article is untrusted input: every character of it is HTML-escaped.

mod base64;
mod markup;

use std::path::Path;

use super::charts::{profile, profile_file_name, ChartOptions};
use super::kit::style::readable;
use super::page::escape;
use crate::error::Error;
use crate::features::index_of;
use crate::model::predict::{Model, Verdict};
use crate::output::{reason_text, ScoreRow};
use crate::score::paragraphs::ParagraphScore;
use markup::{markup, Wrap};

/// What a page shows: the scored row (with its evidence and, for values in tooltips, its
/// features), the article's text as given, and its paragraph scores.
#[derive(Debug, Clone, Copy)]
pub struct ArticlePage<'a> {
    /// The scored article.
    pub row: &'a ScoreRow,
    /// Its text as given (evidence offsets point into it).
    pub text: &'a str,
    /// Its paragraph scores.
    pub paragraphs: &'a [ParagraphScore],
}

/// A written page, for the index.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLink {
    /// Article id.
    pub id: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its probability.
    pub probability: Option<f64>,
    /// The page, relative to the report directory (`articles/...html`).
    pub href: String,
}

/// Background colour of each evidence family.
fn kind_color(kind: &str) -> &'static str {
    match kind {
        "stock_phrase" => "#ffd28a",
        "buzzword" => "#ffb3a7",
        "llm_word" => "#f5a9dc",
        "transition" => "#b5d8ff",
        "hedge" => "#c6efbd",
        "intensifier" => "#fff08a",
        "contrast_template" => "#ddd0ff",
        "boilerplate_line" | "ellipsis_line" => "#d4d4d4",
        "duplicate_line" | "duplicate_paragraph" | "casefold_duplicate_line" | "repeated_ngram" => "#ffc4c4",
        "repeated_opener" => "#a9eee0",
        "function_word" | "suffix_word" => "#ecebb0",
        _ => "#cfe6ff",
    }
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#111;line-height:1.5}\
h1{font-size:1.4rem;margin-bottom:.2rem;overflow-wrap:anywhere}.meta{color:#444;margin-top:0}\
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,'Times New Roman',serif;font-size:1.05rem;border:1px solid #ddd;padding:1rem 1.2rem;background:#fff}\
mark{border-radius:2px;padding:0 1px;color:inherit}.para{border-radius:3px}\
.legend span{display:inline-block;margin:0 .8rem .3rem 0;padding:0 .3rem;border-radius:2px}\
ol li{margin:.2rem 0}img{max-width:100%;height:auto;border:1px solid #ddd}.verdict-filler{color:#b04a00}.verdict-ok{color:#005b8e}.verdict-uncertain{color:#555}";

/// The HTML of one article page; `profile_png` is the profile chart's PNG, embedded.
pub fn article_html(page: &ArticlePage<'_>, model: &Model, profile_png: Option<&[u8]>) -> String {
    let row = page.row;
    let evidence = row.evidence.as_deref().unwrap_or_default();
    let mut wraps: Vec<Wrap> = Vec::with_capacity(evidence.len() + page.paragraphs.len());
    for p in page.paragraphs {
        let alpha = 0.04 + 0.26 * p.probability;
        wraps.push(Wrap {
            start: p.start as usize,
            end: p.end as usize,
            layer: 0,
            open: format!(
                "<span class=\"para\" style=\"background:rgba(213,94,0,{alpha:.3})\" title=\"{}\">",
                escape(&format!("paragraph: probability of filler {:.3}, {}", p.probability, p.verdict.as_str()))
            ),
            close: "</span>",
        });
    }
    for (i, e) in evidence.iter().enumerate() {
        let value = index_of(&e.feature)
            .and_then(|k| row.features.as_ref().and_then(|f| f.get(k).copied().flatten()))
            .or_else(|| row.reasons.iter().find(|r| r.feature == e.feature).and_then(|r| r.value));
        let median = model.reference(&e.feature).filter(|r| r.count > 0).map(|r| r.median);
        let title = format!(
            "{} ({}): {} = {}, human median {}",
            e.kind.replace('_', " "),
            e.feature,
            e.feature,
            value.map(readable).unwrap_or_else(|| "n/a".into()),
            median.map(readable).unwrap_or_else(|| "n/a".into())
        );
        wraps.push(Wrap {
            start: e.start as usize,
            end: e.end as usize,
            layer: 1,
            open: format!(
                "<mark data-span=\"{i}\" data-kind=\"{k}\" style=\"background:{c}\" title=\"{t}\">",
                k = escape(&e.kind),
                c = kind_color(&e.kind),
                t = escape(&title)
            ),
            close: "</mark>",
        });
    }
    let mut h = String::with_capacity(page.text.len() * 2 + 4096);
    h.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{} - chaff</title>\n<style>{STYLE}</style>\n</head>\n<body>\n", escape(&row.id)));
    h.push_str("<p><a href=\"../index.html\">&larr; batch report</a></p>\n");
    h.push_str(&format!("<h1>{}</h1>\n", escape(&row.id)));
    h.push_str(&format!(
        "<p class=\"meta\"><strong class=\"verdict-{v}\">{v}</strong>, probability of filler {p} &middot; {lang} &middot; {w} words{why}</p>\n",
        v = row.verdict.as_str(),
        p = row.probability.map(|p| format!("{p:.3}")).unwrap_or_else(|| "n/a".into()),
        lang = escape(&row.lang),
        w = row.words,
        why = row.uncertain_because.as_deref().map(|u| format!(" &middot; uncertain: {}", escape(u))).unwrap_or_default()
    ));
    if !row.reasons.is_empty() {
        h.push_str("<h2>Reasons</h2>\n<ol class=\"reasons\">\n");
        for r in &row.reasons {
            h.push_str(&format!("<li>{}</li>\n", escape(&reason_text(r))));
        }
        h.push_str("</ol>\n");
    }
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for e in evidence {
        match kinds.iter_mut().find(|(k, _)| *k == e.kind) {
            Some(k) => k.1 += 1,
            None => kinds.push((&e.kind, 1)),
        }
    }
    h.push_str("<h2>Text</h2>\n<p class=\"legend\">");
    for (k, n) in &kinds {
        h.push_str(&format!(
            "<span style=\"background:{}\">{} &times;{n}</span>",
            kind_color(k),
            escape(&k.replace('_', " "))
        ));
    }
    if !page.paragraphs.is_empty() {
        h.push_str("<span style=\"background:rgba(213,94,0,.25)\">paragraph shading: probability of filler</span>");
    }
    h.push_str("</p>\n<div class=\"text\">");
    h.push_str(&markup(page.text, &wraps));
    h.push_str("</div>\n");
    if let Some(png) = profile_png {
        h.push_str(&format!(
            "<h2>Profile</h2>\n<img alt=\"{}\" src=\"data:image/png;base64,{}\">\n",
            escape(&format!("Profile of {}: key features against the human reference", row.id)),
            base64::encode(png)
        ));
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// The page file name of the article ranked `rank`: `article_<rank>_<id>.html`.
pub fn page_file_name(rank: usize, id: &str) -> String {
    let profile = profile_file_name(rank, id);
    let stem = profile.strip_prefix("profile_").and_then(|s| s.strip_suffix(".png")).unwrap_or("article");
    format!("article_{stem}.html")
}

/// Write one page per article into `dir/articles/` (its profile chart beside it and embedded
/// in it), in the given order; returns the links for the index.
pub fn write_article_pages(
    pages: &[ArticlePage<'_>],
    model: &Model,
    dir: &Path,
    opts: &ChartOptions,
) -> Result<Vec<ArticleLink>, Error> {
    let sub = dir.join("articles");
    std::fs::create_dir_all(&sub).map_err(|e| Error::io(&sub, e))?;
    let mut links = Vec::with_capacity(pages.len());
    for (k, page) in pages.iter().enumerate() {
        let rank = k + 1;
        let png_path = sub.join(profile_file_name(rank, &page.row.id));
        profile(page.row, rank, model, &png_path, opts)?;
        let png = std::fs::read(&png_path).map_err(|e| Error::io(&png_path, e))?;
        let name = page_file_name(rank, &page.row.id);
        let html = article_html(page, model, Some(&png));
        crate::output::write_atomic(&sub.join(&name), html.as_bytes())?;
        links.push(ArticleLink {
            id: page.row.id.clone(),
            verdict: page.row.verdict,
            probability: page.row.probability,
            href: format!("articles/{name}"),
        });
    }
    Ok(links)
}
