//! Structure and debris: how lines are shaped (headings, lists, punctuation, length), web
//! boilerplate left by scrapers, and the Gopher quality statistics (Rae et al. 2021, as in
//! datatrove's GopherQualityFilter).
//!
//! Most of these are layout or debris cues: they tell a person what is in the file, but in the
//! training corpora debris marks scraped human pages, so the default model does not use them.

use rustc_hash::FxHashMap;

use super::analysis::Slot;
use super::{ratio, word_facts, Analysis, Applicability, Cue, Feature};
use crate::lexicon::Kind;
use crate::text::{ascii, segment::is_punct, Document, Span, TokenKind};

/// Characters that close a sentence-final quotation or bracket.
const CLOSERS: &[char] = &['"', '\'', ')', ']', '»', '」', '』', '*'];

/// Does a line end like a sentence (. ! ? or CJK terminators, possibly inside quotes)?
pub(crate) fn ends_with_terminal(line: &str) -> bool {
    let core = line.trim_end_matches(CLOSERS);
    core.ends_with(['.', '!', '?', '。', '！', '？'])
}

/// Bullet markers that open a list line.
const BULLETS: &[char] =
    &['•', '‣', '◦', '▪', '▫', '●', '○', '■', '□', '►', '▶', '✓', '✔', '-', '*', '+', '–', '—', '·'];

fn is_bullet_line(line: &str) -> bool {
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (Some('•'), _) => true,
        (Some(c), Some(n)) => BULLETS.contains(&c) && n == ' ',
        _ => false,
    }
}

/// "1. ", "12) ", "a) ", "(3) ": a numbered list item.
fn is_numbered_line(line: &str) -> bool {
    let body = line.strip_prefix('(').unwrap_or(line);
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 && digits <= 3 {
        &body[digits..]
    } else if body.len() > 1 && body.as_bytes()[0].is_ascii_lowercase() && matches!(body.as_bytes()[1], b')') {
        &body[1..]
    } else {
        return false;
    };
    rest.starts_with(". ") || rest.starts_with(") ")
}

/// Longest heading in words.
const MAX_HEADING_WORDS: usize = 12;

/// A heading: a markdown heading, or a short line without sentence punctuation that starts with
/// a capital letter or a digit, in a text of more than one line.
fn is_heading_line(line: &str) -> bool {
    if line.starts_with('#') {
        return line.trim_start_matches('#').starts_with(' ');
    }
    // Cheap tests first: most lines of prose end in punctuation or are long.
    line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !line.trim_end_matches(CLOSERS).ends_with(['.', '!', '?', ',', ';', ':', '。', '！', '？', '、'])
        && line.split_whitespace().take(MAX_HEADING_WORDS + 1).count() <= MAX_HEADING_WORDS
        && !is_bullet_line(line)
        && !is_numbered_line(line)
}

fn line_share(doc: &Document, pred: impl Fn(&str) -> bool) -> Option<f64> {
    let lines = doc.lines();
    let n = lines.iter().filter(|l| pred(doc.slice(**l))).count();
    ratio(n as f64, lines.len() as f64)
}

/// Cut a snippet to at most `max` characters, marking the cut.
pub(crate) fn snippet(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", s[..i].trim_end()),
        None => s.to_string(),
    }
}

/// Quoted snippets of the first few lines matching `pred`.
fn line_evidence(doc: &Document, lines: impl Iterator<Item = Span>) -> Vec<String> {
    lines.take(5).map(|l| format!("{:?}", snippet(doc.slice(l), 80))).collect()
}

/// Share of lines that look like headings.
pub(crate) const HEADING_LINE_RATIO: Feature = Feature {
    name: "heading_line_ratio",
    summary: "Share of lines that look like headings (short, capitalised, no sentence punctuation).",
    doc: "What it measures: how much of the text is headings. Listicles and SEO filler are heavy with them.\n\
Formula: lines that are markdown headings (# Title), or have at most 12 words, start with an uppercase letter or digit, are not list items, and do not end in . ! ? , ; : (inside closing quotes or brackets) / non-empty lines.\n\
Example: \"Why It Matters\\nThe plan failed. Nobody knew why.\\n## Next steps\" -> 2 headings / 3 lines = 0.6667.\n\
Limits: a layout cue; a one-line text has none. Not applicable to empty text.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| line_share(doc, is_heading_line),
    evidence: None,
};

/// Share of bullet lines.
pub(crate) const BULLET_LINE_RATIO: Feature = Feature {
    name: "bullet_line_ratio",
    summary: "Share of lines that start with a bullet (•, -, *, ▪, ...).",
    doc: "What it measures: bulleted lists. Gopher's quality filter drops documents with more than 90 % bullet lines.\n\
Formula: lines starting with • or with one of - * + – — · ‣ ◦ ▪ ▫ ● ○ ■ □ ► ▶ ✓ ✔ followed by a space / non-empty lines.\n\
Example: \"Items:\\n- one\\n- two\\n• three\" -> 3 / 4 = 0.75.\n\
Limits: a layout cue. Gopher counts only •; chaff counts the common markdown markers as well.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| line_share(doc, is_bullet_line),
    evidence: None,
};

/// Share of numbered list lines.
pub(crate) const NUMBERED_LINE_RATIO: Feature = Feature {
    name: "numbered_line_ratio",
    summary: "Share of lines that are numbered list items (1. , 2) , a) ).",
    doc: "What it measures: numbered lists, the skeleton of listicles (\"7 ways to ...\").\n\
Formula: lines starting with 1-3 digits (optionally after \"(\") or one lowercase letter, then \". \" or \") \" / non-empty lines.\n\
Example: \"Steps\\n1. Mix\\n2) Bake\\n(3) Eat\" -> 3 / 4 = 0.75.\n\
Limits: a layout cue; a sentence starting with a year and a period is rare but counts.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| line_share(doc, is_numbered_line),
    evidence: None,
};

/// Share of lines ending in terminal punctuation.
pub(crate) const TERMINAL_PUNCT_LINE_RATIO: Feature = Feature {
    name: "terminal_punct_line_ratio",
    summary: "Share of lines that end in terminal punctuation (C4/FineWeb line rule).",
    doc: "What it measures: how much of the text is made of full sentences. C4 keeps only lines ending in terminal punctuation; FineWeb filters documents where few lines do. Menus, debris and headings do not.\n\
Formula: lines ending in . ! ? 。 ！ ？ (possibly followed by closing quotes or brackets \" ' ) ] » 」 』 *) / non-empty lines.\n\
Example: \"Home\\nHe left.\\n\\\"Why?\\\" she asked.\\nShare this\" -> 2 / 4 = 0.5.\n\
Limits: a layout cue; single-paragraph texts are 0 or 1.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| line_share(doc, ends_with_terminal),
    evidence: None,
};

/// Longest "short" line in characters (FineWeb's `short_line_length`).
const SHORT_LINE_CHARS: usize = 30;

/// Has `line` at most [`SHORT_LINE_CHARS`] characters? A character takes one to four bytes,
/// so the byte length settles most lines without counting.
fn is_short_line(line: &str) -> bool {
    match line.len() {
        n if n <= SHORT_LINE_CHARS => true,
        n if n > 4 * SHORT_LINE_CHARS => false,
        _ => line.chars().count() <= SHORT_LINE_CHARS,
    }
}

/// Share of short lines.
pub(crate) const SHORT_LINE_RATIO: Feature = Feature {
    name: "short_line_ratio",
    summary: "Share of lines of at most 30 characters (FineWeb's short-line rule).",
    doc: "What it measures: fragmentation into short lines: menus, captions, debris, headings.\n\
Formula: non-empty lines of at most 30 characters / non-empty lines (FineWeb: short_line_length = 30).\n\
Example: \"Menu\\nThis line is certainly longer than thirty characters.\\nLog in\" -> 2 / 3 = 0.6667.\n\
Limits: a layout cue.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| line_share(doc, is_short_line),
    evidence: None,
};

/// Share of web-boilerplate lines.
pub(crate) const BOILERPLATE_LINE_RATIO: Feature = Feature {
    name: "boilerplate_line_ratio",
    summary: "Share of lines that are web boilerplate (\"Load More\", \"Notify of\", \"6 min read\", cookie notices).",
    doc: "What it measures: scraper debris: navigation, comment widgets, reading-time badges, newsletter and cookie notices left in the text.\n\
Formula: lines of at most 12 words that contain an entry of the boilerplate list of the document's language (src/lexicon/<lang>/boilerplate.txt; digits match <n>) / non-empty lines.\n\
Example: \"Storm hits the coast of Texas and thousands lose power overnight.\\n6 min read\\nThe storm arrived at night and cut power to the whole town by dawn.\\nLoad More\" -> 2 / 4 = 0.5.\n\
Limits: a debris cue, not authorship (debris marks scraped human pages in the training corpora). Not applicable when the language has no boilerplate list.",
    applies: Applicability::Any,
    cue: Cue::Debris,
    compute: |doc: &Analysis<'_>| {
        let n = doc.lexicon_hits().count(Kind::Boilerplate)?;
        ratio(n as f64, doc.lines().len() as f64)
    },
    evidence: Some(|doc: &Analysis<'_>| {
        let spans = doc.lexicon_hits().spans(Kind::Boilerplate);
        line_evidence(doc, spans.iter().map(|&(s, e)| Span { start: s, end: e }))
    }),
};

/// Lowercase letters and digits of a line, single-spaced: lines equal in this form say the same.
fn casefold_key(line: &str) -> String {
    if line.is_ascii() {
        let mut key = String::with_capacity(line.len());
        let mut gap = false;
        for b in line.bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && !key.is_empty() {
                    key.push(' ');
                }
                gap = false;
                key.push(b.to_ascii_lowercase() as char);
            } else {
                gap = true;
            }
        }
        return key;
    }
    let mut key = String::with_capacity(line.len());
    for w in line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The byte length of [`casefold_key`] of an ASCII line without building the key: letters
/// and digits plus one space between runs of them, counted eight bytes at a time.
fn ascii_casefold_key_len(text: &[u8], start: usize, end: usize) -> usize {
    let (mut alnum, mut runs) = (0u32, 0u32);
    // High bit of the byte before the current eight: set when it was a letter or digit.
    let mut before = 0u64;
    let mut at = start;
    while at < end {
        let len = (end - at).min(8);
        // Padding bytes are zero, never alphanumeric.
        let x = ascii::load_padded(text, at, at + len);
        let m = !ascii::not_ascii_alphanumeric(x) & ascii::HIGH;
        let starts = m & !((m << 8) | before);
        alnum += m.count_ones();
        runs += starts.count_ones();
        before = (m >> 56) & 0x80;
        at += len;
    }
    if runs == 0 {
        0
    } else {
        (alnum + runs - 1) as usize
    }
}

/// Lines that repeat an earlier line in another case or punctuation (not byte-identical).
///
/// Lines with equal keys have keys of equal length, so keys are only built for lines that
/// share a key length with another line (ASCII lines measure theirs without building it).
pub(super) fn casefold_duplicates(doc: &Document) -> Vec<Span> {
    if doc.lines().len() < 2 {
        return Vec::new();
    }
    let bytes = doc.text().as_bytes();
    let mut keys: Vec<(usize, Option<String>)> = Vec::with_capacity(doc.lines().len());
    let mut lengths: FxHashMap<usize, u32> = FxHashMap::default();
    for &l in doc.lines() {
        let line = doc.slice(l);
        let (len, key) = if line.is_ascii() {
            (ascii_casefold_key_len(bytes, l.start as usize, l.end as usize), None)
        } else {
            let key = casefold_key(line);
            (key.len(), Some(key))
        };
        if len > 0 {
            *lengths.entry(len).or_insert(0) += 1;
        }
        keys.push((len, key));
    }
    let mut seen: FxHashMap<String, Span> = FxHashMap::default();
    let mut out = Vec::new();
    for (&l, (len, key)) in doc.lines().iter().zip(keys) {
        if len == 0 || lengths.get(&len).is_none_or(|&n| n < 2) {
            continue;
        }
        let key = key.unwrap_or_else(|| casefold_key(doc.slice(l)));
        match seen.get(&key) {
            Some(&first) if doc.slice(first) != doc.slice(l) => out.push(l),
            Some(_) => {}
            None => {
                seen.insert(key, l);
            }
        }
    }
    out
}

/// Share of lines that copy an earlier line in another case.
pub(crate) const CASEFOLD_DUPLICATE_LINE_RATIO: Feature = Feature {
    name: "casefold_duplicate_line_ratio",
    summary: "Share of lines that repeat an earlier line with other capitalisation or punctuation (e.g. a lower-cased copy of the headline).",
    doc: "What it measures: scraped pages often repeat the headline as a slug or meta line in another case (\"japan aims to ...\" under \"Japan Aims to ...\"). Exact repeats are counted by dup_line_frac; this catches the near copies.\n\
Formula: lines whose lowercase letters-and-digits form equals that of an earlier line that is not byte-identical to it / non-empty lines.\n\
Example: \"Big News Today\\nbig news today\\nThe text.\\nBig News Today\" -> 1 (line 2; line 4 is an exact repeat) / 4 = 0.25.\n\
Limits: a debris cue.",
    applies: Applicability::Any,
    cue: Cue::Debris,
    compute: |doc: &Analysis<'_>| ratio(casefold_duplicates(doc).len() as f64, doc.lines().len() as f64),
    evidence: Some(|doc: &Analysis<'_>| line_evidence(doc, casefold_duplicates(doc).into_iter())),
};

/// Share of lines ending in an ellipsis.
pub(crate) const ELLIPSIS_LINE_RATIO: Feature = Feature {
    name: "ellipsis_line_ratio",
    summary: "Share of lines ending in an ellipsis (truncated teasers; Gopher drops documents above 30 %).",
    doc: "What it measures: lines cut off with \"...\", typical of teasers for other stories and truncated scrapes.\n\
Formula: non-empty lines ending in \"...\" (… is folded to ... by normalisation) / non-empty lines.\n\
Example: \"Read this...\\nA full line.\\nAnd more…\" -> 2 / 3 = 0.6667.\n\
Limits: a debris cue.",
    applies: Applicability::Any,
    cue: Cue::Debris,
    compute: |doc: &Analysis<'_>| line_share(doc, |l| l.ends_with("...")),
    evidence: Some(|doc: &Analysis<'_>| {
        line_evidence(doc, doc.lines().iter().copied().filter(|l| doc.slice(*l).ends_with("...")))
    }),
};

/// Number of Gopher stop words.
pub(crate) const GOPHER_STOP_WORD_COUNT: Feature = Feature {
    name: "gopher_stop_word_count",
    summary: "Occurrences of Gopher's eight English stop words (the, be, to, of, and, that, have, with).",
    doc: "What it measures: whether the text is running English prose at all; Gopher drops documents with fewer than 2.\n\
Formula: number of words whose lowercase form is one of the, be, to, of, and, that, have, with.\n\
Example: \"The cat and the dog went to bed.\" -> the, and, the, to = 4.\n\
Limits: English only; a count, so it grows with length (a length cue).",
    applies: Applicability::Languages(&["en"]),
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| {
        Some(f64::from(word_facts::occurrences(doc, |f| f.gopher_stop_word)))
    },
    evidence: None,
};

/// Gopher's "words" (the tokens that are not punctuation), counted in one pass over the
/// tokens for the features below.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct GopherWords {
    /// Tokens that are not punctuation.
    count: usize,
    /// Of those, the ones with a letter ([`TokenKind::Word`]).
    alphabetic: usize,
    /// Their characters.
    chars: usize,
}

fn gopher_words(doc: &Analysis<'_>) -> GopherWords {
    *doc.cached(Slot::GopherWords, || {
        let mut chars = doc.char_counter();
        let mut words = GopherWords::default();
        for t in doc.tokens() {
            // No branch per token: a punctuation token adds 0.
            let word = usize::from(t.kind != TokenKind::Punct);
            let len = chars.chars(t.start, t.end);
            words.count += word;
            words.alphabetic += usize::from(t.kind == TokenKind::Word);
            words.chars += word * len;
        }
        words
    })
}

/// Mean word length in characters, Gopher style.
pub(crate) const MEAN_WORD_LENGTH_CHARS: Feature = Feature {
    name: "mean_word_length_chars",
    summary: "Mean length in characters of non-punctuation tokens (Gopher quality rule: 3 to 10).",
    doc: "What it measures: Gopher's mean word length, over every token that is not punctuation (words, numbers, symbols, emoji).\n\
Formula: sum of characters of non-punctuation tokens / their number.\n\
Example: \"I paid $20 today.\" -> I(1) paid(4) 20(2) today(5) = 12 / 4 = 3.0 ($ and . are punctuation).\n\
Limits: not applicable to unspaced scripts or texts without tokens.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        let words = gopher_words(doc);
        ratio(words.chars as f64, words.count as f64)
    },
    evidence: None,
};

/// Symbol-to-word ratio for `#`.
pub(crate) const HASH_TO_WORD_RATIO: Feature = Feature {
    name: "hash_to_word_ratio",
    summary: "Number of # characters per non-punctuation token (Gopher symbol-to-word rule).",
    doc: "What it measures: hashtags and markdown headings; Gopher drops documents above 0.1.\n\
Formula: occurrences of # in the text / non-punctuation tokens.\n\
Example: \"#news #today big day\" -> 2 / 4 (news, today, big, day; # itself is punctuation) = 0.5.\n\
Limits: not applicable without tokens.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let hashes = memchr::memchr_iter(b'#', doc.text().as_bytes()).count();
        ratio(hashes as f64, gopher_words(doc).count as f64)
    },
    evidence: None,
};

/// Symbol-to-word ratio for ellipses.
pub(crate) const ELLIPSIS_TO_WORD_RATIO: Feature = Feature {
    name: "ellipsis_to_word_ratio",
    summary: "Number of ellipses (...) per non-punctuation token (Gopher symbol-to-word rule).",
    doc: "What it measures: trailing-off and truncation; Gopher drops documents above 0.1.\n\
Formula: non-overlapping occurrences of \"...\" (… is folded to ... by normalisation) / non-punctuation tokens.\n\
Example: \"Well... maybe... not\" -> 2 / 3 = 0.6667.\n\
Limits: not applicable without tokens.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        ratio(count_non_overlapping(doc.text().as_bytes(), b"...") as f64, gopher_words(doc).count as f64)
    },
    evidence: None,
};

/// Share of tokens with a letter.
pub(crate) const ALPHA_WORD_RATIO: Feature = Feature {
    name: "alpha_word_ratio",
    summary: "Share of non-punctuation tokens that contain a letter (Gopher: at least 80 %).",
    doc: "What it measures: how much of the text is words rather than numbers, symbols or code.\n\
Formula: non-punctuation tokens with at least one letter / non-punctuation tokens.\n\
Example: \"Call 555 1234 now 🙂\" -> Call, now = 2 / 5 = 0.4.\n\
Limits: not applicable without tokens.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let words = gopher_words(doc);
        ratio(words.alphabetic as f64, words.count as f64)
    },
    evidence: None,
};

/// Non-overlapping occurrences of a short ASCII pattern, counted as `str::matches` counts them
/// (leftmost first). Candidates are found with memchr on the pattern's first byte that is not
/// a space (`-` in `" - "`), which skips the text between them with SIMD.
fn count_non_overlapping(hay: &[u8], pat: &[u8]) -> usize {
    if pat.is_empty() {
        return 0;
    }
    let k = pat.iter().position(|&b| b != b' ').unwrap_or(0);
    let (mut from, mut free_from, mut n) = (k, 0usize, 0usize);
    while from < hay.len() {
        let Some(p) = memchr::memchr(pat[k], &hay[from..]) else { break };
        let start = from + p - k;
        if start >= free_from && hay[start..].starts_with(pat) {
            n += 1;
            free_from = start + pat.len();
        }
        from += p + 1;
    }
    n
}

/// Mark groups counted by [`punct_per_sentence`]: commas, colons and semicolons, dashes and
/// opening parentheses (each group's marks are punctuation by [`is_punct`]).
const COMMAS: usize = 0;
const COLONS_SEMICOLONS: usize = 1;
const DASHES_PARENS: usize = 2;

/// The group of a punctuation mark, if it is in one.
fn mark_group(c: char) -> Option<usize> {
    match c {
        ',' | '、' | '，' => Some(COMMAS),
        ':' | ';' | '：' | '；' => Some(COLONS_SEMICOLONS),
        '–' | '—' | '(' | '（' => Some(DASHES_PARENS),
        _ => None,
    }
}

/// Marks of each group in the punctuation tokens, counted in one pass for the three
/// features below.
fn mark_counts<'a>(doc: &'a Analysis<'_>) -> &'a [u32; 3] {
    doc.cached(Slot::PunctMarks, || {
        let mut counts = [0u32; 3];
        let bytes = doc.text().as_bytes();
        for t in doc.tokens().iter().filter(|t| t.kind == TokenKind::Punct) {
            let first = bytes[t.start as usize];
            if t.end - t.start == 1 {
                // One ASCII mark (most tokens): no decoding.
                if let Some(g) = mark_group(char::from(first)) {
                    counts[g] += 1;
                }
                continue;
            }
            for c in doc.token_text(t).chars() {
                if let Some(g) = mark_group(c) {
                    debug_assert!(is_punct(c));
                    counts[g] += 1;
                }
            }
        }
        counts
    })
}

/// Punctuation marks of one group per sentence, for the style family below.
fn punct_per_sentence(doc: &Analysis<'_>, group: usize) -> Option<f64> {
    ratio(f64::from(mark_counts(doc)[group]), doc.sentences().len() as f64)
}

/// Commas per sentence.
pub(crate) const COMMA_PER_SENTENCE: Feature = Feature {
    name: "comma_per_sentence",
    summary: "Commas per sentence (, and the CJK 、 ，).",
    doc: "What it measures: clause density: list-like, comma-chained sentences are typical of generated prose.\n\
Formula: number of commas (, 、 ，) / sentence_count.\n\
Example: \"Red, green, and blue. Done.\" -> 2 / 2 = 1.0.\n\
Limits: not applicable without sentences.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| punct_per_sentence(doc, COMMAS),
    evidence: None,
};

/// Colons and semicolons per sentence.
pub(crate) const COLON_SEMICOLON_PER_SENTENCE: Feature = Feature {
    name: "colon_semicolon_per_sentence",
    summary: "Colons and semicolons per sentence.",
    doc: "What it measures: use of colons and semicolons, which human writers and models use at different rates.\n\
Formula: number of : ; ： ； / sentence_count.\n\
Example: \"Note: it works; mostly. Fine.\" -> 2 / 2 = 1.0.\n\
Limits: not applicable without sentences; times like 10:30 count.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| punct_per_sentence(doc, COLONS_SEMICOLONS),
    evidence: None,
};

/// Dashes and parentheses per sentence.
pub(crate) const DASH_PAREN_PER_SENTENCE: Feature = Feature {
    name: "dash_paren_per_sentence",
    summary: "Dashes (– —) and opening parentheses per sentence.",
    doc: "What it measures: asides and interjections, set off by dashes or parentheses.\n\
Formula: number of – — ( （ and free-standing hyphens used as dashes (\" - \") / sentence_count; hyphens inside words do not count.\n\
Example: \"It was late - too late (again). Yes — really.\" -> -, (, — = 3 / 2 = 1.5.\n\
Limits: not applicable without sentences.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let marks = punct_per_sentence(doc, DASHES_PARENS)?;
        let spaced = count_non_overlapping(doc.text().as_bytes(), b" - ") as f64;
        Some(marks + spaced / doc.sentences().len() as f64)
    },
    evidence: None,
};

/// Questions and exclamations per sentence.
pub(crate) const QUESTION_EXCLAMATION_RATIO: Feature = Feature {
    name: "question_exclamation_ratio",
    summary: "Share of sentences that end in ? or !.",
    doc: "What it measures: rhetorical questions and exclamations, common in reviews, stories and clickbait.\n\
Formula: sentences whose text ends in ? ! ？ ！ (before closing quotes or brackets) / sentence_count.\n\
Example: \"Why? Because. Wow!\" -> 2 / 3 = 0.6667.\n\
Limits: not applicable without sentences.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let n = doc
            .sentences()
            .iter()
            .filter(|s| doc.sentence_text(s).trim_end_matches(CLOSERS).ends_with(['?', '!', '？', '！']))
            .count();
        ratio(n as f64, doc.sentences().len() as f64)
    },
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    HEADING_LINE_RATIO,
    BULLET_LINE_RATIO,
    NUMBERED_LINE_RATIO,
    TERMINAL_PUNCT_LINE_RATIO,
    SHORT_LINE_RATIO,
    BOILERPLATE_LINE_RATIO,
    CASEFOLD_DUPLICATE_LINE_RATIO,
    ELLIPSIS_LINE_RATIO,
    GOPHER_STOP_WORD_COUNT,
    MEAN_WORD_LENGTH_CHARS,
    HASH_TO_WORD_RATIO,
    ELLIPSIS_TO_WORD_RATIO,
    ALPHA_WORD_RATIO,
    COMMA_PER_SENTENCE,
    COLON_SEMICOLON_PER_SENTENCE,
    DASH_PAREN_PER_SENTENCE,
    QUESTION_EXCLAMATION_RATIO,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value, value};

    #[test]
    fn byte_scan_counts_as_str_matches() {
        for (hay, pat) in [
            ("....... wait...", "..."),
            ("a - b - c -", " - "),
            ("- - -", " - "),
            ("..", "..."),
            (" - - - ", " - "),
            ("x -  - - y", " - "),
            ("", "..."),
            ("...", "..."),
        ] {
            assert_eq!(count_non_overlapping(hay.as_bytes(), pat.as_bytes()), hay.matches(pat).count(), "{hay:?}");
        }
        assert_eq!(count_non_overlapping(b".......", b"..."), 2);
    }

    #[test]
    fn line_shapes() {
        assert_value(
            &HEADING_LINE_RATIO,
            "Why It Matters\nThe plan failed. Nobody knew why.\n## Next steps",
            2.0 / 3.0,
            1e-12,
        );
        assert_value(&BULLET_LINE_RATIO, "Items:\n- one\n- two\n• three", 0.75, 1e-12);
        assert_value(&NUMBERED_LINE_RATIO, "Steps\n1. Mix\n2) Bake\n(3) Eat", 0.75, 1e-12);
        assert_value(&TERMINAL_PUNCT_LINE_RATIO, "Home\nHe left.\n\"Why?\" she asked.\nShare this", 0.5, 1e-12);
        assert_value(
            &SHORT_LINE_RATIO,
            "Menu\nThis line is certainly longer than thirty characters.\nLog in",
            2.0 / 3.0,
            1e-12,
        );
        assert_value(&ELLIPSIS_LINE_RATIO, "Read this...\nA full line.\nAnd more…", 2.0 / 3.0, 1e-12);
        assert_na(&HEADING_LINE_RATIO, "");
    }

    /// Short means at most 30 characters, whatever their byte lengths.
    #[test]
    fn short_lines_by_characters() {
        for (c, bytes) in [('a', 1), ('é', 2), ('日', 3), ('😀', 4)] {
            assert_eq!(c.len_utf8(), bytes);
            assert!(is_short_line(&c.to_string().repeat(30)), "{c}");
            assert!(!is_short_line(&c.to_string().repeat(31)), "{c}");
        }
        assert!(is_short_line(""));
        assert!(!is_short_line(&"a".repeat(121)));
    }

    #[test]
    fn boilerplate_lines() {
        let text = "Storm hits the coast of Texas and thousands lose power overnight.\n6 min read\nThe storm arrived at night and cut power to the whole town by dawn.\nLoad More";
        assert_value(&BOILERPLATE_LINE_RATIO, text, 0.5, 1e-12);
        let clean = "Storm hits the coast of Texas and thousands lose power overnight.\nThe storm arrived at night and cut power to the whole town by dawn.";
        assert_value(&BOILERPLATE_LINE_RATIO, clean, 0.0, 0.0);
    }

    #[test]
    fn casefold_duplicate_lines() {
        assert_value(
            &CASEFOLD_DUPLICATE_LINE_RATIO,
            "Big News Today\nbig news today\nThe text.\nBig News Today",
            0.25,
            1e-12,
        );
        let doc = Document::new("Big News Today\nbig news today");
        let ev = CASEFOLD_DUPLICATE_LINE_RATIO.evidence(&Analysis::new(&doc, &Default::default()));
        assert_eq!(ev, vec!["\"big news today\"".to_string()]);
    }

    #[test]
    fn casefold_key_lengths_without_keys() {
        for line in [
            "",
            "...",
            "a",
            "Big News Today",
            "  big -- news, today!! ",
            "x1y2z3w4v5u6t7s8r9q0p",
            "12345678 abcdefgh ijklmnop",
            "a.b.c.d.e.f.g.h.i.j.k",
            "(Reuters) - The cat; the dog.",
        ] {
            assert_eq!(ascii_casefold_key_len(line.as_bytes(), 0, line.len()), casefold_key(line).len(), "{line:?}");
        }
        // Within a longer text, the bytes after the line do not count.
        let text = b"Hello, World!abc";
        assert_eq!(ascii_casefold_key_len(text, 0, 13), "hello world".len());
        assert_eq!(ascii_casefold_key_len(text, 7, 12), "world".len());
    }

    #[test]
    fn casefold_duplicates_agree_with_building_every_key() {
        let text = "Big News — Today\nbig news today\nBIG NEWS TODAY\nCafé Au Lait\ncafé au lait\n\
                    The end.\nthe end\nThe end.\nOther line\nAnother line here\n— —\nStraße\nSTRASSE\nstraße";
        let doc = Document::new(text);
        let mut seen: FxHashMap<String, Span> = FxHashMap::default();
        let mut naive = Vec::new();
        for &l in doc.lines() {
            let key = casefold_key(doc.slice(l));
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some(&first) if doc.slice(first) != doc.slice(l) => naive.push(l),
                Some(_) => {}
                None => {
                    seen.insert(key, l);
                }
            }
        }
        let fast = casefold_duplicates(&doc);
        assert_eq!(fast, naive);
        let found: Vec<&str> = fast.iter().map(|&l| doc.slice(l)).collect();
        assert_eq!(found, ["big news today", "BIG NEWS TODAY", "café au lait", "the end", "straße"]);
    }

    #[test]
    fn gopher_quality() {
        let english = "The cat and the dog went to bed, and that was the end of the long and quiet day for them.";
        assert_value(&GOPHER_STOP_WORD_COUNT, english, 10.0, 0.0);
        assert_value(&MEAN_WORD_LENGTH_CHARS, "I paid $20 today.", 3.0, 1e-12);
        // Characters, not bytes, once the text is not ASCII: Café(4) über(4) alles(5).
        assert_value(&MEAN_WORD_LENGTH_CHARS, "Café über alles.", 13.0 / 3.0, 1e-12);
        assert_value(&HASH_TO_WORD_RATIO, "#news #today big day", 0.5, 1e-12);
        assert_value(&ELLIPSIS_TO_WORD_RATIO, "Well... maybe... not", 2.0 / 3.0, 1e-12);
        assert_value(&ALPHA_WORD_RATIO, "Call 555 1234 now 🙂", 0.4, 1e-12);
        assert_na(&ALPHA_WORD_RATIO, "...");
        assert!(value(&GOPHER_STOP_WORD_COUNT, "Der Hund des Nachbarn bellt jeden Morgen laut und die Katze schläft.")
            .is_none());
    }

    #[test]
    fn punctuation_style() {
        assert_value(&COMMA_PER_SENTENCE, "Red, green, and blue. Done.", 1.0, 1e-12);
        assert_value(&COLON_SEMICOLON_PER_SENTENCE, "Note: it works; mostly. Fine.", 1.0, 1e-12);
        assert_value(&DASH_PAREN_PER_SENTENCE, "It was late - too late (again). Yes — really.", 1.5, 1e-12);
        assert_value(&QUESTION_EXCLAMATION_RATIO, "Why? Because. Wow!", 2.0 / 3.0, 1e-12);
        assert_na(&COMMA_PER_SENTENCE, "");
        // CJK marks, one sentence: 、 and ， are commas; ： and ； colons; （ a parenthesis.
        let cjk = "東京、大阪，京都：奈良；神戸（兵庫）。";
        assert_value(&COMMA_PER_SENTENCE, cjk, 2.0, 1e-12);
        assert_value(&COLON_SEMICOLON_PER_SENTENCE, cjk, 2.0, 1e-12);
        assert_value(&DASH_PAREN_PER_SENTENCE, cjk, 1.0, 1e-12);
    }
}
