//! HTML input: the visible text of a page, one line per block.
//!
//! Uses html5ever's spec-compliant tokenizer (entities, comments, raw-text elements, broken
//! markup) and keeps the text of the body: headings, paragraphs, list items, table rows and
//! other blocks each become their own line or paragraph, so that debris such as "Load More" or
//! "Notify of" stays on a line of its own where the boilerplate features can see it. Dropped:
//! `head`, `script`, `style`, `noscript`, `template`, `svg`, `math`, `iframe`, `object`,
//! `canvas`, `nav` and `footer` (navigation and page furniture, not the article).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

/// Elements whose content is not part of the article.
const SKIPPED: &[&str] =
    &["head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "nav", "footer"];

/// Blocks that start a new paragraph.
const PARAGRAPH_BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "article",
    "section",
    "main",
    "header",
    "aside",
    "figure",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "address",
    "details",
    "summary",
];

/// Blocks that start a new line.
const LINE_BLOCKS: &[&str] = &[
    "br",
    "li",
    "div",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "button",
    "label",
    "option",
    "caption",
    "legend",
    "form",
    "fieldset",
];

/// Void elements never have an end tag, so they never open a skipped region.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

#[derive(Default)]
struct State {
    out: String,
    /// Open skipped elements.
    skipping: Vec<String>,
    /// Depth of open `pre` elements (whitespace kept).
    pre: usize,
}

struct Sink {
    state: RefCell<State>,
}

impl State {
    fn push_text(&mut self, s: &str) {
        if !self.skipping.is_empty() {
            return;
        }
        if self.pre > 0 {
            self.out.push_str(s);
            return;
        }
        for c in s.chars() {
            let c = if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c };
            if c == ' ' && (self.out.ends_with(' ') || self.out.ends_with('\n') || self.out.is_empty()) {
                continue;
            }
            self.out.push(c);
        }
    }

    fn push_break(&mut self, paragraph: bool) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if self.out.is_empty() {
            return;
        }
        let want = if paragraph { "\n\n" } else { "\n" };
        if paragraph && self.out.ends_with('\n') && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        } else if !self.out.ends_with('\n') {
            self.out.push_str(want);
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(t) => st.push_text(&t),
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                match tag.kind {
                    TagKind::StartTag => {
                        if SKIPPED.contains(&name) && !tag.self_closing && !VOID.contains(&name) {
                            st.skipping.push(name.to_string());
                        } else if st.skipping.is_empty() {
                            if PARAGRAPH_BLOCKS.contains(&name) {
                                st.push_break(true);
                            } else if LINE_BLOCKS.contains(&name) {
                                st.push_break(false);
                            } else if name == "td" || name == "th" || name == "img" {
                                st.push_text(" ");
                            }
                            if name == "pre" {
                                st.pre += 1;
                            }
                        }
                        // Raw-text elements must switch the tokenizer's state, as a tree builder would.
                        return match name {
                            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                                TokenSinkResult::RawData(RawKind::Rawtext)
                            }
                            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                            "plaintext" => TokenSinkResult::Plaintext,
                            _ => TokenSinkResult::Continue,
                        };
                    }
                    TagKind::EndTag => {
                        if let Some(pos) = st.skipping.iter().rposition(|s| s == name) {
                            st.skipping.truncate(pos);
                        } else if matches!(name, "body" | "html") {
                            // Unclosed skipped elements must not swallow the rest of the page.
                            st.skipping.clear();
                        } else if st.skipping.is_empty() {
                            if name == "pre" {
                                st.pre = st.pre.saturating_sub(1);
                            }
                            if PARAGRAPH_BLOCKS.contains(&name) {
                                st.push_break(true);
                            } else if LINE_BLOCKS.contains(&name) {
                                st.push_break(false);
                            }
                        }
                    }
                }
            }
            Token::NullCharacterToken => {}
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The visible text of an HTML page, blocks separated by line breaks.
pub fn extract_text(html: &str) -> String {
    let sink = Sink { state: RefCell::new(State::default()) };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    let out = std::mem::take(&mut tok.sink.state.borrow_mut().out);
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::extract_text;

    #[test]
    fn keeps_blocks_as_lines_and_drops_furniture() {
        let html = r#"<!doctype html><html><head><title>T</title><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Storm &amp; Flood</h1><p>The river rose
 overnight.</p><p>Residents <b>left</b> early.</p>
<script>var x = "<p>not text</p>";</script>
<div class="more"><button>Load More</button></div>
<ul><li>One</li><li>Two</li></ul>
<footer>All rights reserved</footer></body></html>"#;
        assert_eq!(
            extract_text(html),
            "Storm & Flood\n\nThe river rose overnight.\n\nResidents left early.\n\nLoad More\n\nOne\nTwo"
        );
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        assert_eq!(extract_text("<p>Unclosed <i>tags<p>Next &copy; 2024"), "Unclosed tags\n\nNext © 2024");
        assert_eq!(extract_text("<nav>menu<body>x</body><p>after</p>"), "after");
        assert_eq!(extract_text(""), "");
        assert_eq!(extract_text("plain text, no tags"), "plain text, no tags");
    }

    #[test]
    fn pre_keeps_line_breaks() {
        assert_eq!(extract_text("<pre>a\n  b</pre>"), "a\n  b");
    }
}
