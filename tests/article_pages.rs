//! `score --report DIR`: the article pages, parsed with html5ever's tokenizer. Marks equal the
//! evidence spans of the scores, the text is the article's, nothing in an article becomes
//! markup, and the index links every page.

mod common;

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use common::chaff;

/// What a page holds: start tags seen, the text inside `div.text`, and the text of each mark
/// by its `data-span` (a span split around a paragraph edge is several marks).
#[derive(Default)]
struct Page {
    tags: Vec<String>,
    text: String,
    in_text: usize,
    open_marks: Vec<usize>,
    marks: std::collections::BTreeMap<usize, String>,
    mark_titles: Vec<String>,
}

struct Sink(RefCell<Page>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut p = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                let attr = |n: &str| tag.attrs.iter().find(|a| &*a.name.local == n).map(|a| a.value.to_string());
                match tag.kind {
                    TagKind::StartTag => {
                        p.tags.push(name.clone());
                        if name == "div" && attr("class").as_deref() == Some("text") {
                            p.in_text = 1;
                        } else if p.in_text > 0 && name == "mark" {
                            let i: usize = attr("data-span").expect("data-span").parse().expect("index");
                            p.open_marks.push(i);
                            p.marks.entry(i).or_default();
                            p.mark_titles.push(attr("title").unwrap_or_default());
                        }
                    }
                    TagKind::EndTag => {
                        if p.in_text > 0 && name == "div" {
                            p.in_text = 0;
                        } else if p.in_text > 0 && name == "mark" {
                            p.open_marks.pop();
                        }
                    }
                }
            }
            Token::CharacterTokens(t) if p.in_text > 0 => {
                p.text.push_str(&t);
                let open = p.open_marks.clone();
                for i in open {
                    p.marks.get_mut(&i).expect("open mark").push_str(&t);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn parse(html: &str) -> Page {
    let tok = Tokenizer::new(Sink(RefCell::new(Page::default())), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.0.take()
}

/// A hostile article: markup, quotes and entities around filler phrases.
const HOSTILE: &str = "<script>alert(\"pwned\")</script> In today's fast-paced world, it is important to note that \"synergy\" & 'leverage' <b onmouseover='x()'>matter</b>.\r\n\r\n<img src=x onerror=alert(1)> Moreover, businesses must delve into the rich tapestry of cutting-edge innovation to unlock unprecedented value, and it is important to note that </div></body> every stakeholder should embrace a holistic and robust approach to the ever-evolving landscape of modern commerce in order to thrive.\r\n\r\nMoreover, <!-- a comment --> leveraging seamless solutions empowers teams to navigate challenges &amp; seize opportunities in an increasingly interconnected world.";

#[test]
fn pages_mark_the_evidence_and_escape_hostile_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::write(input.join("hostile.txt"), HOSTILE).expect("write");
    std::fs::copy(common::root("datasets/articles/bakery-closes-after-40-years.txt"), input.join("bakery.txt"))
        .expect("copy");
    let report = dir.path().join("report");
    let scores = dir.path().join("scores.jsonl");
    chaff()
        .arg("score")
        .arg(&input)
        .arg("--report")
        .arg(&report)
        .args(["--pages", "all", "--paragraphs", "-o"])
        .arg(&scores)
        .assert()
        .success();
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&scores)
        .expect("scores")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(rows.len(), 2);
    let index = std::fs::read_to_string(report.join("index.html")).expect("index");
    let index_page = parse(&index);
    assert!(!index_page.tags.contains(&"script".to_string()));
    for row in &rows {
        let id = row["id"].as_str().expect("id");
        let text = std::fs::read_to_string(id).expect("article");
        // The index links the page; find it by the link text.
        let at = index.find(&format!(">{}</a>", id.replace('&', "&amp;"))).expect("linked from the index");
        let href_start = index[..at].rfind("href=\"").expect("href") + 6;
        let href = &index[href_start..at - 1];
        assert!(href.starts_with("articles/article_") && href.ends_with(".html"), "{href}");
        let html = std::fs::read_to_string(report.join(href)).expect("page");
        let page = parse(&html);
        // No scripts, no article markup turned into elements, no external resources.
        for tag in &page.tags {
            assert!(
                [
                    "html", "head", "meta", "title", "style", "body", "p", "a", "h1", "h2", "strong", "ol", "li",
                    "span", "div", "mark", "img"
                ]
                .contains(&tag.as_str()),
                "unexpected element <{tag}> in {href}"
            );
        }
        assert_eq!(page.tags.iter().filter(|t| *t == "img").count(), 1, "only the profile image");
        assert!(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"), "profile embedded as PNG");
        assert!(!html.contains("http://") && !html.contains("https://"));
        // The page's text is the article's, every character (HTML parsing turns CRLF into LF).
        let lf = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(page.text, lf(&text), "{id}");
        // One mark (or marks split at a paragraph edge) per evidence span, with its text.
        let evidence = row["evidence"].as_array().expect("evidence");
        assert_eq!(page.marks.len(), evidence.len(), "{id}");
        for (i, e) in evidence.iter().enumerate() {
            assert_eq!(page.marks.get(&i).cloned(), e["text"].as_str().map(lf), "{id} span {i}");
        }
        for t in &page.mark_titles {
            assert!(t.contains("human median"), "{t}");
        }
        if id.ends_with("hostile.txt") {
            assert!(evidence.len() >= 8, "{evidence:?}");
            assert!(page.text.contains("<script>alert(\"pwned\")</script>"));
            assert!(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"));
        }
    }
}
