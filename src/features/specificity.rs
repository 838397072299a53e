//! Specificity: the concrete detail that substance carries and filler lacks — numbers, dates,
//! names, quoted speech, links.

use super::{per_1k_words, ratio, Analysis, Applicability, Cue, Feature};
use crate::text::{Document, TokenKind};

/// Month names (English, German, French, Spanish) and common English abbreviations.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Is this token text a year (1500–2099, optionally a decade like "1990s")?
fn is_year(t: &str) -> bool {
    let digits = t.strip_suffix('s').unwrap_or(t);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(digits.parse::<u32>(), Ok(y) if (1500..=2099).contains(&y))
}

/// Years and month-name dates, counted once each (a "May 5, 2021" counts the month and the year).
///
/// A month counts only next to a number ("May 5", "5 mai", "March 2020", "Jan. 5"), which
/// keeps the verb "may" and the noun "march" out. Numbers are rare, so the months are looked
/// for around the numbers rather than among all words.
fn date_count(doc: &Document) -> usize {
    let toks = doc.tokens();
    let bytes = doc.text().as_bytes();
    let starts_with_digit = |t: &crate::text::Token| bytes[t.start as usize].is_ascii_digit();
    let mut n = 0;
    // Tokens that stand next to a number: just before or after it, or before "." and it.
    let mut beside_numbers: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // Only numbers and words that start with a digit matter. Both tests are made for
        // every token and one rarely true branch taken on them, rather than a branch on
        // words against other tokens, which alternate unpredictably.
        if !((t.kind == TokenKind::Number) | starts_with_digit(t)) {
            continue;
        }
        match t.kind {
            TokenKind::Number => {
                n += usize::from(is_year(doc.token_text(t)));
                beside_numbers.extend(i.checked_sub(1));
                beside_numbers.push(i + 1);
                let dot = |t: &crate::text::Token| t.end - t.start == 1 && bytes[t.start as usize] == b'.';
                if i >= 2 && dot(&toks[i - 1]) {
                    beside_numbers.push(i - 2);
                }
            }
            // Years are numbers, or words when they carry a plural s ("1990s").
            TokenKind::Word => n += usize::from(is_year(doc.token_text(t))),
            _ => {}
        }
    }
    beside_numbers.sort_unstable();
    beside_numbers.dedup();
    for j in beside_numbers {
        let Some(t) = toks.get(j) else { continue };
        if t.kind == TokenKind::Word
            && !starts_with_digit(t)
            && t.end - t.start <= 10
            && MONTHS.contains(&&doc.lower()[t.range()])
        {
            n += 1;
        }
    }
    n
}

/// Numbers per 1,000 words.
pub(crate) const NUMBER_PER_1K_WORDS: Feature = Feature {
    name: "number_per_1k_words",
    summary: "Numbers (digit tokens such as 42, 3.5, 2,000) per 1,000 words.",
    doc: "What it measures: how often the text gives figures. Reporting and analysis quote numbers; filler talks in generalities.\n\
Formula: 1000 x (UAX #29 tokens made of digits, without letters) / word_count.\n\
Example: \"Sales rose 12 percent to 3.5 million units.\" -> 2 numbers / 8 words x 1000 = 250.\n\
Limits: years count too (see year_date_per_1k_words); \"COVID-19\" gives the number 19. Not applicable to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let n = doc.words().filter(|t| t.kind == TokenKind::Number).count();
        per_1k_words(n as f64, doc)
    },
    evidence: None,
};

/// Years and dates per 1,000 words.
pub(crate) const YEAR_DATE_PER_1K_WORDS: Feature = Feature {
    name: "year_date_per_1k_words",
    summary: "Years (1500-2099, decades like 1990s) and month-name dates per 1,000 words.",
    doc: "What it measures: anchoring in time. News and history name years and dates; generic filler rarely does.\n\
Formula: 1000 x (year tokens 1500..2099 with an optional plural s + month names in English, German, French or Spanish that stand next to a number) / word_count.\n\
Example: \"On May 5, 2021 the plant closed; it had opened in the 1990s.\" -> May (next to 5), 2021, 1990s = 3 / 13 words x 1000 = 230.77.\n\
Limits: month names without a number are not counted (the verb may, the noun march). Not applicable to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| per_1k_words(date_count(doc) as f64, doc),
    evidence: None,
};

/// Capitalised words that do not open a sentence, as a share of such words.
pub(crate) const CAPITALIZED_WORD_RATIO: Feature = Feature {
    name: "capitalized_word_ratio",
    summary: "Share of non-sentence-initial words that are capitalised (a proxy for names).",
    doc: "What it measures: how many names of people, places and organisations the text uses, a sign of specific content.\n\
Formula: (words, other than the first word of a sentence and the pronoun I, whose first letter is uppercase) / (words other than the first word of a sentence).\n\
Example: \"The mayor of Leeds met Anna Smith. She was late, and the council of the city of Leeds was angry about it.\" -> non-initial words: 6 in the first sentence (Leeds, Anna, Smith capitalised), 14 in the second (Leeds capitalised); 4 / 20 = 0.2.\n\
Limits: English, French and Spanish only (German capitalises every noun). Headings in title case raise it.",
    applies: Applicability::Languages(&["en", "fr", "es"]),
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let (mut caps, mut total) = (0usize, 0usize);
        let (tokens, words, bytes) = (doc.tokens(), doc.word_token_indices(), doc.text().as_bytes());
        for &(start, end) in doc.sentence_word_ranges() {
            for &t in words.get(start as usize + 1..end as usize).unwrap_or_default() {
                let tok = &tokens[t as usize];
                if tok.kind != TokenKind::Word {
                    continue;
                }
                total += 1;
                // The first byte decides for ASCII; the pronoun "I" does not count.
                let first = bytes[tok.start as usize];
                caps += usize::from(if first < 0x80 {
                    first.is_ascii_uppercase() && !(first == b'I' && tok.end - tok.start == 1)
                } else {
                    doc.token_text(tok).chars().next().is_some_and(char::is_uppercase)
                });
            }
        }
        ratio(caps as f64, total as f64)
    },
    evidence: None,
};

/// Byte spans of double-quoted passages ("...", «...», „...", 「...」).
///
/// An opening mark pairs with the next closing mark of its kind; a line break with only
/// whitespace since the opening mark drops it. Only the bytes that can begin a mark or a line
/// break are visited (found with memchr): `"`, `\n`, 0xC2 (« ») and 0xE3 (「 」 『 』), which
/// never occur inside another character's UTF-8 encoding.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    const GUILLEMETS: u8 = 0xC2;
    const CJK: u8 = 0xE3;
    let b = text.as_bytes();
    let mut spans = Vec::new();
    // The open passage: where its text starts, and the closing mark it waits for.
    let mut open: Option<(usize, &[u8])> = None;
    let mut i = 0;
    while i < b.len() {
        match open {
            None => {
                let Some(p) = memchr::memchr3(b'"', GUILLEMETS, CJK, &b[i..]) else { break };
                let p = i + p;
                let rest = &b[p..];
                let opened = if rest[0] == b'"' {
                    Some((1, "\"".as_bytes()))
                } else if rest.starts_with("«".as_bytes()) {
                    Some((2, "»".as_bytes()))
                } else if rest.starts_with("「".as_bytes()) {
                    Some((3, "」".as_bytes()))
                } else if rest.starts_with("『".as_bytes()) {
                    Some((3, "』".as_bytes()))
                } else {
                    None
                };
                match opened {
                    Some((len, close)) => {
                        open = Some((p + len, close));
                        i = p + len;
                    }
                    None => i = p + 1,
                }
            }
            Some((start, close)) => {
                let Some(p) = memchr::memchr2(close[0], b'\n', &b[i..]) else { break };
                let p = i + p;
                if b[p] == b'\n' {
                    if text[start..p].trim().is_empty() {
                        open = None;
                    }
                    i = p + 1;
                } else if b[p..].starts_with(close) {
                    spans.push((start, p));
                    open = None;
                    i = p + close.len();
                } else {
                    i = p + 1;
                }
            }
        }
    }
    spans
}

/// Share of characters inside quotation marks.
pub(crate) const QUOTED_CHAR_RATIO: Feature = Feature {
    name: "quoted_char_ratio",
    summary: "Share of characters inside double quotation marks (quoted speech).",
    doc: "What it measures: how much of the text is quoted speech or quoted sources, typical of reporting and rare in filler.\n\
Formula: characters strictly between matching pairs of \"...\", «...», 「...」 or 『...』 / all characters. An opening mark without a closing one counts nothing.\n\
Example: 'He said \"no way\" twice.' -> 6 quoted characters (no way) / 23 = 0.2609.\n\
Limits: scare quotes around single words count too. Not applicable to empty text.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| {
        let quoted: usize = quoted_spans(doc.text()).iter().map(|&(s, e)| doc.chars_in(&doc.text()[s..e])).sum();
        ratio(quoted as f64, doc.char_count() as f64)
    },
    evidence: None,
};

/// URLs (http://, https://, www.) starting at a word start.
fn url_count(doc: &Document) -> usize {
    let bytes = doc.lower().as_bytes();
    let at_start = |s: usize| s == 0 || !bytes[s - 1].is_ascii_alphanumeric() && bytes[s - 1] != b'/';
    // memmem skips the text between candidates with SIMD; most texts have none.
    let http = memchr::memmem::find_iter(bytes, b"http")
        .filter(|&s| {
            let rest = &bytes[s + 4..];
            (rest.starts_with(b"://") || rest.starts_with(b"s://")) && at_start(s)
        })
        .count();
    let www =
        memchr::memmem::find_iter(bytes, b"www.").filter(|&s| at_start(s) && !bytes[..s].ends_with(b"://")).count();
    http + www
}

/// URLs per 1,000 words.
pub(crate) const URL_PER_1K_WORDS: Feature = Feature {
    name: "url_per_1k_words",
    summary: "Links (http://, https://, www.) per 1,000 words.",
    doc: "What it measures: references to sources by link.\n\
Formula: 1000 x (occurrences of http://, https:// or www. at the start of a word; a www. right after :// is the same link) / word_count.\n\
Example: \"See https://example.org and www.example.com for the data.\" -> 2 links / 8 words (See, https, example.org, and, www.example.com, for, the, data) x 1000 = 250.\n\
Limits: bare domains (example.org) are not counted. Not applicable to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| per_1k_words(url_count(doc) as f64, doc),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] =
    &[NUMBER_PER_1K_WORDS, YEAR_DATE_PER_1K_WORDS, CAPITALIZED_WORD_RATIO, QUOTED_CHAR_RATIO, URL_PER_1K_WORDS];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};

    #[test]
    fn numbers() {
        assert_value(&NUMBER_PER_1K_WORDS, "Sales rose 12 percent to 3.5 million units.", 250.0, 1e-9);
        assert_value(&NUMBER_PER_1K_WORDS, "No figures at all here.", 0.0, 0.0);
        assert_na(&NUMBER_PER_1K_WORDS, "");
    }

    #[test]
    fn dates() {
        assert_value(
            &YEAR_DATE_PER_1K_WORDS,
            "On May 5, 2021 the plant closed; it had opened in the 1990s.",
            3000.0 / 13.0,
            1e-9,
        );
        assert_value(&YEAR_DATE_PER_1K_WORDS, "You may march on, but 12345 is not a year.", 0.0, 0.0);
        // A month between two numbers counts once; "Jan. 5" counts; "may" beside a number
        // that is not a year counts as the month it could be.
        let doc = Document::new("Born 5 May 1990 and Jan. 5, he may 3 times.");
        assert_eq!(date_count(&doc), 4); // May, 1990, Jan, may
        assert_eq!(date_count(&Document::new("May")), 0);
        assert_eq!(date_count(&Document::new("2020 May")), 2);
    }

    #[test]
    fn capitalized_words() {
        let text =
            "The mayor of Leeds met Anna Smith. She was late, and the council of the city of Leeds was angry about it.";
        // Sentence 1 non-initial words: mayor of Leeds met Anna Smith (6, 3 capitalised).
        // Sentence 2: was late and the council of the city of Leeds was angry about it (14, 1).
        assert_value(&CAPITALIZED_WORD_RATIO, text, 4.0 / 20.0, 1e-12);
        assert_na(
            &CAPITALIZED_WORD_RATIO,
            "Der Hund des Nachbarn bellt jeden Morgen laut, und die Katze im Garten schläft weiter.",
        );
    }

    #[test]
    fn quoted() {
        assert_value(&QUOTED_CHAR_RATIO, "He said \"no way\" twice.", 6.0 / 23.0, 1e-12);
        assert_value(&QUOTED_CHAR_RATIO, "An \"unclosed quote runs on.", 0.0, 0.0);
        assert_value(&QUOTED_CHAR_RATIO, "«oui»", 3.0 / 5.0, 1e-12);
        assert_na(&QUOTED_CHAR_RATIO, "");
    }

    /// Each kind of mark pairs with its own closing mark; a line break right after an opening
    /// mark drops it; "½" (0xC2 0xBD) shares a first byte with « » but opens nothing.
    #[test]
    fn quoted_spans_by_kind() {
        let text = "He said \"one\n two\" and «trois \"quatre» then 「五」 and \"\n   \"six\" ½ 『七』.";
        let quoted: Vec<&str> = quoted_spans(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(quoted, ["one\n two", "trois \"quatre", "五", "six", "七"]);
        assert_eq!(quoted_spans("«a "), []);
        assert_eq!(quoted_spans("\"\u{bd}\""), [(1, 3)]);
    }

    #[test]
    fn urls() {
        assert_value(&URL_PER_1K_WORDS, "See https://example.org and www.example.com for the data.", 250.0, 1e-9);
        assert_value(&URL_PER_1K_WORDS, "See https://www.example.org for the data.", 1000.0 / 6.0, 1e-9);
        assert_value(&URL_PER_1K_WORDS, "No links, only a lawww.example word.", 0.0, 0.0);
    }
}
