//! Lexical features: how often a text uses words and phrases from the lists in
//! `src/lexicon/` (buzzwords, words chat models overuse, stock phrases, sentence-initial
//! transitions, hedges, intensifiers, attribution verbs, first- and second-person
//! pronouns), plus two rule-based English features: contractions and the "not X, but Y"
//! contrast templates.
//!
//! Every lexicon feature is a rate per 1,000 words, read from the document's cached
//! [`crate::lexicon::LexiconHits`] (one Aho-Corasick pass for all lists of the language).
//! It applies to any text, but is `None` when the document's language has no list of that
//! kind (including undetermined language, e.g. very short texts), never a silent 0. Its
//! evidence is the five most frequent matched phrases, as `"multifaceted" x3`.

use rustc_hash::FxHashMap;

use super::word_facts::{self, words::is_contraction};
use super::{per_1k_words, Analysis, Applicability, Cue, Feature};
use crate::lexicon::Kind;
use crate::text::{Document, TokenKind};

/// Most evidence snippets a feature returns.
const MAX_EVIDENCE: usize = 5;

/// Matches of `kind` that count, as spans (first person drops a few non-pronoun forms).
pub(super) fn counted_spans<'d>(doc: &'d Analysis<'_>, kind: Kind) -> Option<impl Iterator<Item = (u32, u32)> + 'd> {
    let hits = doc.lexicon_hits();
    hits.count(kind)?;
    Some(hits.spans(kind).iter().copied().filter(move |&span| kind != Kind::FirstPerson || is_first_person(doc, span)))
}

/// Is a first-person match really the pronoun? Drops "US" written in capitals (the
/// country), the "i" of "i.e." and the enumerator "(i)".
fn is_first_person(doc: &Document, (s, e): (u32, u32)) -> bool {
    let (s, e) = (s as usize, e as usize);
    let text = doc.text().as_bytes();
    let lower = doc.lower().as_bytes();
    if &text[s..e] == b"US" {
        return false;
    }
    if &lower[s..e] == b"i" {
        let next = lower.get(e).copied();
        if next == Some(b'.') && lower.get(e + 1) == Some(&b'e') {
            return false;
        }
        if next == Some(b')') && s > 0 && lower[s - 1] == b'(' {
            return false;
        }
    }
    true
}

/// Rate per 1,000 words of the counted matches of `kind`.
fn lexicon_rate(doc: &Analysis<'_>, kind: Kind) -> Option<f64> {
    let n = counted_spans(doc, kind)?.count();
    per_1k_words(n as f64, doc)
}

/// Up to [`MAX_EVIDENCE`] distinct matched phrases of `kind` with their counts, most
/// frequent first (ties: first occurrence first), formatted `"phrase" xN`.
fn lexicon_evidence(doc: &Analysis<'_>, kind: Kind) -> Vec<String> {
    match counted_spans(doc, kind) {
        Some(spans) => top_phrases(spans.map(|(s, e)| &doc.lower()[s as usize..e as usize]), MAX_EVIDENCE),
        None => Vec::new(),
    }
}

/// The `max` most frequent strings with counts, formatted `"s" xN`; ties keep the order of
/// first occurrence.
pub(crate) fn top_phrases<'a>(items: impl Iterator<Item = &'a str>, max: usize) -> Vec<String> {
    let mut counts: FxHashMap<&str, (u32, usize)> = FxHashMap::default();
    for (i, s) in items.enumerate() {
        counts.entry(s).or_insert((0, i)).0 += 1;
    }
    let mut v: Vec<(&str, u32, usize)> = counts.into_iter().map(|(s, (n, i))| (s, n, i)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    v.into_iter().take(max).map(|(s, n, _)| format!("\"{s}\" x{n}")).collect()
}

/// The standard "Limits" sentence about languages, kept in one place so that the docs
/// agree with the LEXICONS table (checked by a test).
macro_rules! lexicon_limits {
    ($langs:literal) => {
        concat!(
            "Limits: languages with a list of this kind: ",
            $langs,
            "; None for other or undetermined languages (texts with fewer than about 60 letters get no language). No stemming: only listed forms match. Users can extend the list with --lexicon <lang>/<kind>=FILE."
        )
    };
}

/// Buzzwords per 1,000 words.
pub(crate) const BUZZWORD_PER_1K_WORDS: Feature = Feature {
    name: "buzzword_per_1k_words",
    summary: "Corporate and marketing buzzwords (synergy, leverage, cutting-edge) per 1,000 words.",
    doc: concat!(
        "What it measures: how densely the text uses corporate, marketing and SEO buzzwords (\"synergy\", \"leverage\", \"cutting-edge\", \"seamless\", \"robust\", \"move the needle\"), from the buzzwords list of the text's language (src/lexicon/<lang>/buzzwords.txt). Filler and promotional copy reach for these words instead of specifics.\n",
        "Formula: 1000 x (buzzword matches) / (words). Matches are whole words or phrases on the lowercased text, non-overlapping (leftmost-longest).\n",
        "Example: \"Our robust platform helps teams work together. We leverage synergy to build seamless tools for every customer in the city.\" has 20 words and 4 matches (robust, leverage, synergy, seamless): 1000 x 4 / 20 = 200.0.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::Buzzwords),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::Buzzwords)),
};

/// Words that chat models overuse, per 1,000 words.
pub(crate) const LLM_WORD_PER_1K_WORDS: Feature = Feature {
    name: "llm_word_per_1k_words",
    summary: "Words 2023-era chat models overuse (delve, tapestry, multifaceted) per 1,000 words.",
    doc: concat!(
        "What it measures: how densely the text uses words that 2023-era chat models use far more often than human writers (\"delve\", \"tapestry\", \"multifaceted\", \"pivotal\", \"underscore\", \"meticulous\", \"showcase\"), from src/lexicon/<lang>/llm_words.txt. Each word is weak evidence alone; the rate over a whole article is the signal.\n",
        "Formula: 1000 x (llm_words matches) / (words).\n",
        "Example: \"The report delves into the tapestry of local history. Its authors explore how the small town changed over many years.\" has 20 words and 2 matches (delves, tapestry): 1000 x 2 / 20 = 100.0.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::LlmWords),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::LlmWords)),
};

/// Stock phrases per 1,000 words.
pub(crate) const STOCK_PHRASE_PER_1K_WORDS: Feature = Feature {
    name: "stock_phrase_per_1k_words",
    summary: "Cliches and filler templates (\"in today's fast-paced world\", \"plays a crucial role\") per 1,000 words.",
    doc: concat!(
        "What it measures: how densely the text uses multi-word cliches and filler templates: openers (\"in today's fast-paced world\", \"in an era of\"), signposting (\"it is important to note that\"), inflated significance (\"plays a crucial role\", \"a testament to\", \"paving the way\") and vague quantity (\"a wide range of\"), from src/lexicon/<lang>/stock_phrases.txt.\n",
        "Formula: 1000 x (stock phrase matches) / (words). Overlapping entries count once (leftmost-longest).\n",
        "Example: \"In today's fast-paced world, it is important to note that sleep matters. Doctors say most adults need about eight hours of rest each night.\" has 25 words (\"fast-paced\" is two) and 2 matches: 1000 x 2 / 25 = 80.0.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::StockPhrases),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::StockPhrases)),
};

/// Sentence-initial transitions per 1,000 words.
pub(crate) const TRANSITION_PER_1K_WORDS: Feature = Feature {
    name: "transition_per_1k_words",
    summary: "Sentence-initial transitions (Moreover, Furthermore, Additionally) per 1,000 words.",
    doc: concat!(
        "What it measures: how often sentences open with a connective (\"Moreover,\", \"Furthermore,\", \"Additionally,\", \"However,\", \"Overall,\"), from src/lexicon/<lang>/transitions.txt. Essay-template and chat-model prose chains its sentences this way. Only matches where a sentence's words begin count (after opening quotes or bullets); \"however\" mid-sentence does not.\n",
        "Formula: 1000 x (sentence-initial transition matches) / (words).\n",
        "Example: \"Moreover, the bus line is cheap. However, it runs only twice a day. The city will add buses in spring.\" has 20 words and 2 matches: 1000 x 2 / 20 = 100.0.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::Transitions),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::Transitions)),
};

/// Hedges per 1,000 words.
pub(crate) const HEDGE_PER_1K_WORDS: Feature = Feature {
    name: "hedge_per_1k_words",
    summary: "Hedges (perhaps, arguably, it seems, to some extent, might) per 1,000 words.",
    doc: concat!(
        "What it measures: how often the text softens its claims (\"perhaps\", \"arguably\", \"it seems\", \"to some extent\", \"might\", \"may be\"), from src/lexicon/<lang>/hedges.txt. Modal verbs: English lists \"might\" and epistemic phrases with \"may\" (\"may be\", \"may have\"), not bare \"may\" (also the month) nor bare \"could\"/\"would\"/\"should\"; see the list header.\n",
        "Formula: 1000 x (hedge matches) / (words).\n",
        "Example: \"Perhaps the weather will improve. It seems the storm might pass before the weekend, and the roads could be open again by next Monday morning.\" has 25 words and 4 matches (perhaps, it seems, might, could be): 1000 x 4 / 25 = 160.0.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::Hedges),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::Hedges)),
};

/// Intensifiers per 1,000 words.
pub(crate) const INTENSIFIER_PER_1K_WORDS: Feature = Feature {
    name: "intensifier_per_1k_words",
    summary: "Intensifiers (very, extremely, truly, deeply) per 1,000 words.",
    doc: concat!(
        "What it measures: how often the text amplifies (\"very\", \"extremely\", \"incredibly\", \"truly\", \"deeply\", \"undeniably\"), from src/lexicon/<lang>/intensifiers.txt.\n",
        "Formula: 1000 x (intensifier matches) / (words).\n",
        "Example: \"The film was very long but truly moving. Critics called the ending extremely sad, and many viewers left the cinema in silence.\" has 22 words and 3 matches (very, truly, extremely): 1000 x 3 / 22 = 136.36.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::Intensifiers),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::Intensifiers)),
};

/// Attribution verbs per 1,000 words.
pub(crate) const ATTRIBUTION_VERB_PER_1K_WORDS: Feature = Feature {
    name: "attribution_verb_per_1k_words",
    summary: "Attribution of statements to sources (said, told, according to) per 1,000 words.",
    doc: concat!(
        "What it measures: how often the text attributes statements to a source (\"said\", \"says\", \"told\", \"according to\", \"explained\", \"noted\"), from src/lexicon/<lang>/attribution.txt. Reported news attributes constantly; generated \"news\" mostly asserts. High values are a human cue in news.\n",
        "Formula: 1000 x (attribution matches) / (words).\n",
        "Example: \"The mayor said the bridge would reopen. According to the city, repairs cost two million dollars, and engineers told reporters the work was safe.\" has 24 words and 3 matches (said, according to, told): 1000 x 3 / 24 = 125.0.\n",
        lexicon_limits!("en, de, fr, es")
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::Attribution),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::Attribution)),
};

/// First-person pronouns per 1,000 words.
pub(crate) const FIRST_PERSON_PER_1K_WORDS: Feature = Feature {
    name: "first_person_per_1k_words",
    summary: "First-person pronouns and possessives (I, me, my, we, our) per 1,000 words.",
    doc: concat!(
        "What it measures: how often the writer speaks as \"I\" or \"we\" (\"i\", \"me\", \"my\", \"we\", \"us\", \"our\", ...), from src/lexicon/<lang>/first_person.txt. Contractions count through their pronoun (\"I'm\" counts \"i\"). Not counted: \"US\" written in capitals (the country), the \"i\" of \"i.e.\" and the enumerator \"(i)\".\n",
        "Formula: 1000 x (first-person matches) / (words).\n",
        "Example: \"I think we should visit my grandmother this summer. Our family has not seen her since the wedding in the mountains.\" has 21 words and 4 matches (i, we, my, our): 1000 x 4 / 21 = 190.48.\n",
        lexicon_limits!("en, de, fr, es"),
        " Known noise: the Roman numeral I (\"World War I\"), \"mine\" the noun; French elided j'/m' and Spanish verb endings are not counted."
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::FirstPerson),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::FirstPerson)),
};

/// Second-person pronouns per 1,000 words.
pub(crate) const SECOND_PERSON_PER_1K_WORDS: Feature = Feature {
    name: "second_person_per_1k_words",
    summary: "Second-person pronouns and possessives (you, your) per 1,000 words.",
    doc: concat!(
        "What it measures: how often the text addresses the reader (\"you\", \"your\", \"yours\", \"yourself\"), from src/lexicon/<lang>/second_person.txt: the register of how-to, advertising and SEO copy.\n",
        "Formula: 1000 x (second-person matches) / (words).\n",
        "Example: \"You will love this recipe because your children can help you mix the flour. The bread takes an hour to bake.\" has 21 words and 3 matches (you, your, you): 1000 x 3 / 21 = 142.86.\n",
        lexicon_limits!("en, de, fr, es"),
        " German lists only informal du/ihr forms (formal Sie is ambiguous with \"they\"); Spanish leaves out su/sus."
    ),
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| lexicon_rate(doc, Kind::SecondPerson),
    evidence: Some(|doc: &Analysis<'_>| lexicon_evidence(doc, Kind::SecondPerson)),
};

// ---------------------------------------------------------------------------------------
// Contractions (English, rule-based)

/// Contraction tokens, counted over the distinct lowercase words times their frequency.
fn contraction_count(doc: &Analysis<'_>) -> usize {
    word_facts::occurrences(doc, |f| f.contraction) as usize
}

/// Contractions per 1,000 words (English).
pub(crate) const CONTRACTION_PER_1K_WORDS: Feature = Feature {
    name: "contraction_per_1k_words",
    summary: "English contractions (don't, it's, we're, they'll, I'm) per 1,000 words.",
    doc: "What it measures: how often the text contracts (\"don't\", \"it's\", \"we're\", \"they'll\", \"I'm\", \"you've\", \"he'd\"). Conversational human writing contracts; formal filler and 2023-era chat output mostly do not.\n\
Formula: 1000 x (word tokens that are contractions) / (words). A token is split at its last apostrophe (typographic apostrophes are folded first) into stem and suffix; it is a contraction when the suffix is n't (\"t\" after a stem ending in n: don't, can't, won't, isn't), 're, 've or 'll (any alphabetic stem: we're, could've, that'll), 'd or 'm after a pronoun or wh-word (I'd, they'd, who'd, I'm), 's after it, that, there, here, what, who, where, when, why, how, he, she, this or let (it's, that's, let's), or y'all. Any other 's is taken as a possessive (\"the dog's bowl\", \"John's\") and not counted, even where it stands for \"is\" (\"John's here\"): that cannot be told apart without parsing. A token counts once (\"shouldn't've\" is one).\n\
Example: \"We don't know if it's ready, but they'll try. The dog's bowl is empty and the cat's toy is lost in the garden.\" has 23 words and 3 contractions (don't, it's, they'll; dog's and cat's are possessives): 1000 x 3 / 23 = 130.43.\n\
Limits: English only. Contractions written without an apostrophe (\"dont\") are not counted.",
    applies: Applicability::Languages(&["en"]),
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| per_1k_words(contraction_count(doc) as f64, doc),
    evidence: Some(|doc: &Analysis<'_>| {
        let lower = doc.lower();
        top_phrases(
            doc.words()
                .map(|t| &lower[t.range()])
                .filter(|w| w.as_bytes().contains(&b'\'') && is_contraction(w)),
            MAX_EVIDENCE,
        )
    }),
};

// ---------------------------------------------------------------------------------------
// Contrast templates (English, rule-based)

/// Subjects that open a copula clause ("it is", "they were").
const SUBJECTS: &[&str] = &["he", "it", "she", "that", "there", "they", "this", "we", "you"];
/// Subject + copula contracted.
const SUBJECT_COPULAS: &[&str] =
    &["he's", "it's", "she's", "that's", "there's", "they're", "this's", "we're", "you're"];
const COPULAS: &[&str] = &["am", "are", "is", "was", "were"];
const NEGATED_COPULAS: &[&str] = &["aren't", "isn't", "wasn't", "weren't"];
/// Auxiliaries whose "not" negates a verb ("did not go, but ...") rather than contrasting
/// two phrases.
const AUXILIARIES: &[&str] = &[
    "can", "could", "did", "do", "does", "had", "has", "have", "may", "might", "must", "shall", "should", "will",
    "would",
];
/// Finite auxiliaries and copulas: one of them within the two words after "but"'s next word
/// marks a new clause ("..., but police are investigating").
const FINITE_AUXILIARIES: &[&str] = &[
    "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must", "should", "was",
    "were", "will", "would",
];
/// Words after "but" that start a new clause ("..., but it sold well"), not the Y of
/// "not X but Y".
const CLAUSE_STARTS: &[&str] = &["he", "i", "it", "she", "there", "they", "we", "you"];

/// One word of a sentence, and whether a clause-break punctuation mark (, ; : dash)
/// directly precedes it.
#[derive(Clone, Copy)]
struct W<'a> {
    w: &'a str,
    after_break: bool,
}

/// Does a negated copula start at `i` ("isn't", "it's not", "is not")? Returns its length.
fn negated_copula_at(ws: &[W<'_>], i: usize) -> Option<usize> {
    let w = ws[i].w;
    let next = ws.get(i + 1).map(|x| x.w);
    if NEGATED_COPULAS.contains(&w) {
        return Some(1);
    }
    if (SUBJECT_COPULAS.contains(&w) || COPULAS.contains(&w)) && next == Some("not") {
        return Some(2);
    }
    None
}

/// Does a positive copula clause start at `i` ("it's", "it is", "they are"; not followed
/// by "not")?
fn positive_copula_at(ws: &[W<'_>], i: usize) -> bool {
    let get = |k: usize| ws.get(k).map(|x| x.w);
    let w = ws[i].w;
    if SUBJECT_COPULAS.contains(&w) {
        return get(i + 1) != Some("not");
    }
    SUBJECTS.contains(&w) && get(i + 1).is_some_and(|c| COPULAS.contains(&c)) && get(i + 2) != Some("not")
}

/// Template bits found in one sentence (see CONTRAST_TEMPLATE_PER_1K_WORDS).
const T_NOT_ONLY: u8 = 1;
const T_NOT_JUST: u8 = 2;
const T_NOT_COPULA: u8 = 4;
const T_NOT_BUT: u8 = 8;

/// Templates of the "not X, but Y" family in one sentence's words, as bits.
fn sentence_templates(ws: &[W<'_>]) -> u8 {
    let mut found = 0u8;
    for i in 0..ws.len() {
        let w = ws[i].w;
        if let Some(len) = negated_copula_at(ws, i) {
            // "it's not X, it's Y": a positive copula clause after a clause break.
            if (i + len..ws.len()).any(|q| ws[q].after_break && positive_copula_at(ws, q)) {
                found |= T_NOT_COPULA;
            }
        }
        let is_not = w == "not" || NEGATED_COPULAS.contains(&w);
        if !is_not {
            continue;
        }
        let next = ws.get(i + 1).map(|x| x.w);
        let later_has = |words: &[&str], from: usize| ws[from.min(ws.len())..].iter().any(|x| words.contains(&x.w));
        match next {
            Some("only") => {
                if later_has(&["but", "also"], i + 2) {
                    found |= T_NOT_ONLY;
                }
            }
            Some("just" | "merely" | "simply") => {
                if later_has(&["but"], i + 2) {
                    found |= T_NOT_JUST;
                }
            }
            _ => {
                let after_aux = w == "not" && i > 0 && AUXILIARIES.contains(&ws[i - 1].w);
                if after_aux {
                    continue;
                }
                // "but" 2..=7 words after "not", i.e. X is 1 to 6 words long.
                let hi = (i + 7).min(ws.len() - 1);
                for q in i + 2..=hi {
                    if ws[q].w != "but" {
                        continue;
                    }
                    let y = ws.get(q + 1).map(|x| x.w);
                    let starts_clause = y.is_some_and(|y| {
                        CLAUSE_STARTS.contains(&y) || SUBJECT_COPULAS.contains(&y) || y.starts_with("i'")
                    }) || ws[(q + 2).min(ws.len())..(q + 4).min(ws.len())]
                        .iter()
                        .any(|x| FINITE_AUXILIARIES.contains(&x.w));
                    if y.is_some() && !starts_clause {
                        found |= T_NOT_BUT;
                    }
                    break;
                }
            }
        }
    }
    found
}

/// Clause-break punctuation between two words.
fn is_break(p: &str) -> bool {
    matches!(p, "," | ";" | ":" | "-" | "--" | "\u{2013}" | "\u{2014}")
}

/// Fill `out` with the lowercase words of `sentence` and their clause-break flags.
fn sentence_words<'d>(doc: &'d Document, s: &crate::text::Sentence, out: &mut Vec<W<'d>>) {
    out.clear();
    let lower = doc.lower();
    let mut after_break = false;
    for t in &doc.tokens()[s.first_token as usize..s.end_token as usize] {
        let text = &lower[t.range()];
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                out.push(W { w: text, after_break });
                after_break = false;
            }
            TokenKind::Punct => after_break |= is_break(text),
            TokenKind::Symbol => {}
        }
    }
}

/// Number of contrast templates in the document (at most one per template per sentence).
fn contrast_template_count(doc: &Document) -> usize {
    let mut total = 0usize;
    for_each_template_sentence(doc, |_, found| total += found.count_ones() as usize);
    total
}

/// Calls `visit(k, found)` for each sentence `k` that may hold a template, with the template
/// bits found in it (0 when none).
#[inline]
fn for_each_template_sentence(doc: &Document, mut visit: impl FnMut(usize, u8)) {
    let sentences = doc.sentences();
    let lower = doc.lower();
    // Room for a long sentence's words from the start.
    let mut ws: Vec<W<'_>> = Vec::with_capacity(128);
    let mut next_ws: Vec<W<'_>> = Vec::with_capacity(128);
    // Only a sentence with the word "not" or a negated copula ("isn't") can hold a template.
    // Both are found in the whole text at once (memmem, SIMD) and matched to the sentences in
    // order. A "not" next to an ASCII letter is inside a longer word ("another", "notes":
    // letters always join, UAX #29 WB5), and an "n't" not after is/are/was/were ends another
    // word ("don't"); both are passed over. Anything else is kept, so nothing is missed.
    let bytes = lower.as_bytes();
    let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    let whole_not = |&p: &usize| !(p.checked_sub(1).is_some_and(letter_at) || letter_at(p + 3));
    let copula_nt = |&p: &usize| [&b"is"[..], b"are", b"was", b"were"].iter().any(|c| bytes[..p].ends_with(c));
    let mut negations: Vec<usize> = memchr::memmem::find_iter(bytes, b"not")
        .filter(whole_not)
        .chain(memchr::memmem::find_iter(bytes, b"n't").filter(copula_nt))
        .collect();
    negations.sort_unstable();
    let mut next_negation = negations.iter().peekable();
    for (k, s) in sentences.iter().enumerate() {
        let (start, end) = (s.start as usize, s.end as usize);
        while next_negation.next_if(|&&p| p < start).is_some() {}
        if next_negation.peek().is_none_or(|&&p| p + 3 > end) {
            continue;
        }
        sentence_words(doc, s, &mut ws);
        let mut found = sentence_templates(&ws);
        // "It's not X. It's Y.": this sentence opens with a negated copula and the next
        // one opens with a positive copula clause.
        if found & T_NOT_COPULA == 0 {
            let opens_negated = negated_copula_at_opening(&ws);
            if opens_negated {
                if let Some(next) = sentences.get(k + 1) {
                    sentence_words(doc, next, &mut next_ws);
                    if !next_ws.is_empty() && positive_copula_at(&next_ws, 0) {
                        found |= T_NOT_COPULA;
                    }
                }
            }
        }
        visit(k, found);
    }
}

/// Does the sentence open with a negated copula ("It's not", "This isn't", "It is not")?
fn negated_copula_at_opening(ws: &[W<'_>]) -> bool {
    if ws.is_empty() {
        return false;
    }
    if negated_copula_at(ws, 0).is_some() && SUBJECT_COPULAS.contains(&ws[0].w) {
        return true;
    }
    ws.len() > 1 && SUBJECTS.contains(&ws[0].w) && negated_copula_at(ws, 1).is_some()
}

/// "Not X, but Y" contrast templates per 1,000 words (English).
pub(crate) const CONTRAST_TEMPLATE_PER_1K_WORDS: Feature = Feature {
    name: "contrast_template_per_1k_words",
    summary: "\"Not X, but Y\" contrast templates (not only/just ... but, it's not X, it's Y) per 1,000 words.",
    doc: "What it measures: the contrast templates chat models lean on: \"not only X but (also) Y\", \"not just/merely/simply X but Y\", \"it's not (about) X, it's (about) Y\" / \"this isn't just X; it's Y\", and \"not X, but Y\".\n\
Formula: 1000 x (templates found) / (words). Each sentence's lowercase words are scanned once; a sentence counts at most once per template (so 0 to 4), templates: (1) \"not only\" followed later in the sentence by \"but\" or \"also\"; (2) \"not just|merely|simply\" followed later by \"but\"; (3) a negated copula (isn't, aren't, wasn't, weren't, it's/that's/they're... not, is/are/was/were not) followed later, right after a comma, semicolon, colon or dash, by a positive copula clause (it's, they're, it is, this was... not followed by \"not\"), or a sentence opening with \"It's not\"/\"This isn't\"/\"It is not\" whose next sentence opens with a positive copula clause (\"It's not a phone. It's a movement.\", counted on the first sentence); (4) \"not\" (or a negated copula) not followed by only/just/merely/simply and not after an auxiliary (do, did, can, will, would, have...), with \"but\" 2 to 7 words later that does not start a new clause: the word after \"but\" is not I, you, he, she, it, we, they, there, and neither of the two words after that is a finite auxiliary or copula (is, are, was, has, will, can, did...), so \"not clear, but police are investigating\" does not count.\n\
Example: \"It's not just a phone, it's a revolution. The company did not explain the price, but it sold well. Success is not luck but hard work.\" has 26 words; sentence 1 matches template 3, sentence 2 none (\"did not\" negates a verb), sentence 3 template 4: 1000 x 2 / 26 = 76.92.\n\
Limits: English only. Heuristic without parsing: a clause after \"but\" with a noun subject and a lexical verb (\"not clear, but police investigated\") still counts, and so do plain human contrasts (\"not red but blue\").",
    applies: Applicability::Languages(&["en"]),
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| per_1k_words(contrast_template_count(doc) as f64, doc),
    evidence: Some(|doc: &Analysis<'_>| contrast_evidence(doc)),
};

/// The sentences with a contrast template.
pub(super) fn contrast_sentences(doc: &Document) -> Vec<crate::text::Span> {
    let mut out = Vec::new();
    for_each_template_sentence(doc, |k, found| {
        if found != 0 {
            let s = &doc.sentences()[k];
            out.push(crate::text::Span { start: s.start, end: s.end });
        }
    });
    out
}

/// The first sentences with a contrast template (trimmed to 120 bytes).
fn contrast_evidence(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let mut ws: Vec<W<'_>> = Vec::new();
    for s in doc.sentences() {
        if out.len() >= MAX_EVIDENCE {
            break;
        }
        sentence_words(doc, s, &mut ws);
        if sentence_templates(&ws) != 0 {
            let t = doc.sentence_text(s);
            let cut = crate::text::script::prefix_at_char_boundary(t, 120);
            out.push(if cut.len() < t.len() { format!("{cut}...") } else { cut.to_string() });
        }
    }
    out
}

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    BUZZWORD_PER_1K_WORDS,
    LLM_WORD_PER_1K_WORDS,
    STOCK_PHRASE_PER_1K_WORDS,
    TRANSITION_PER_1K_WORDS,
    HEDGE_PER_1K_WORDS,
    INTENSIFIER_PER_1K_WORDS,
    ATTRIBUTION_VERB_PER_1K_WORDS,
    FIRST_PERSON_PER_1K_WORDS,
    SECOND_PERSON_PER_1K_WORDS,
    CONTRACTION_PER_1K_WORDS,
    CONTRAST_TEMPLATE_PER_1K_WORDS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value, evidence, value};
    use crate::lexicon::LEXICONS;

    const BUZZ: &str = "Our robust platform helps teams work together. We leverage synergy to build seamless tools for every customer in the city.";
    const PLAIN: &str = "The old bridge across the river was closed for repairs last week, and drivers took the long road around the hill.";

    #[test]
    fn buzzwords_worked_example_and_plain_text() {
        assert_value(&BUZZWORD_PER_1K_WORDS, BUZZ, 200.0, 1e-9);
        assert_value(&BUZZWORD_PER_1K_WORDS, PLAIN, 0.0, 0.0);
        assert_na(&BUZZWORD_PER_1K_WORDS, "");
        assert_na(&BUZZWORD_PER_1K_WORDS, "今日は晴れです。明日は雨ですか？");
        assert_eq!(
            evidence(&BUZZWORD_PER_1K_WORDS, BUZZ),
            vec!["\"robust\" x1", "\"leverage\" x1", "\"synergy\" x1", "\"seamless\" x1"]
        );
    }

    #[test]
    fn llm_words_worked_example() {
        let text = "The report delves into the tapestry of local history. Its authors explore how the small town changed over many years.";
        assert_value(&LLM_WORD_PER_1K_WORDS, text, 100.0, 1e-9);
        assert_value(&LLM_WORD_PER_1K_WORDS, PLAIN, 0.0, 0.0);
        assert_na(&LLM_WORD_PER_1K_WORDS, "Short.");
    }

    #[test]
    fn stock_phrases_worked_example() {
        let text = "In today's fast-paced world, it is important to note that sleep matters. Doctors say most adults need about eight hours of rest each night.";
        assert_value(&STOCK_PHRASE_PER_1K_WORDS, text, 80.0, 1e-9);
        // Typographic apostrophes are folded before matching.
        let curly = text.replace('\'', "\u{2019}");
        assert_value(&STOCK_PHRASE_PER_1K_WORDS, &curly, 80.0, 1e-9);
        assert_value(&STOCK_PHRASE_PER_1K_WORDS, PLAIN, 0.0, 0.0);
        assert_eq!(
            evidence(&STOCK_PHRASE_PER_1K_WORDS, text),
            vec!["\"in today's fast-paced world\" x1", "\"it is important to note that\" x1"]
        );
    }

    #[test]
    fn transitions_worked_example_only_sentence_initial() {
        let text =
            "Moreover, the bus line is cheap. However, it runs only twice a day. The city will add buses in spring.";
        assert_value(&TRANSITION_PER_1K_WORDS, text, 100.0, 1e-9);
        let mid = "The council plan, however, failed because the money for the new bus line ran out before the spring.";
        assert_value(&TRANSITION_PER_1K_WORDS, mid, 0.0, 0.0);
    }

    #[test]
    fn hedges_worked_example_and_month_may() {
        let text = "Perhaps the weather will improve. It seems the storm might pass before the weekend, and the roads could be open again by next Monday morning.";
        assert_value(&HEDGE_PER_1K_WORDS, text, 160.0, 1e-9);
        // Bare "may" (the month) is not a hedge.
        let may = "The shop opened in May and sells fresh bread, cheese and fruit to the people of the town every day.";
        assert_value(&HEDGE_PER_1K_WORDS, may, 0.0, 0.0);
    }

    #[test]
    fn intensifiers_worked_example() {
        let text = "The film was very long but truly moving. Critics called the ending extremely sad, and many viewers left the cinema in silence.";
        assert_value(&INTENSIFIER_PER_1K_WORDS, text, 3000.0 / 22.0, 1e-9);
        assert_value(&INTENSIFIER_PER_1K_WORDS, PLAIN, 0.0, 0.0);
    }

    #[test]
    fn attribution_worked_example() {
        let text = "The mayor said the bridge would reopen. According to the city, repairs cost two million dollars, and engineers told reporters the work was safe.";
        assert_value(&ATTRIBUTION_VERB_PER_1K_WORDS, text, 125.0, 1e-9);
        // "states" (United States) is not an attribution verb.
        let states =
            "Many states in the United States have large forests, long rivers and old mountain towns full of history.";
        assert_value(&ATTRIBUTION_VERB_PER_1K_WORDS, states, 0.0, 0.0);
    }

    #[test]
    fn first_person_worked_example_and_exclusions() {
        let text = "I think we should visit my grandmother this summer. Our family has not seen her since the wedding in the mountains.";
        assert_value(&FIRST_PERSON_PER_1K_WORDS, text, 4000.0 / 21.0, 1e-9);
        // "US" in capitals, "i.e." and "(i)" are not the pronoun.
        let us = "The US economy grew quickly last year, i.e. faster than planned, and (i) the central bank raised interest rates twice.";
        assert_value(&FIRST_PERSON_PER_1K_WORDS, us, 0.0, 0.0);
        // Lowercase "us" is the pronoun; "I'm" counts through "i".
        let lower_us =
            "They told us the museum was closed, and I'm still sad about the long trip across the whole country today.";
        assert_value(&FIRST_PERSON_PER_1K_WORDS, lower_us, 2000.0 / 20.0, 1e-9);
        assert_eq!(evidence(&FIRST_PERSON_PER_1K_WORDS, lower_us), vec!["\"us\" x1", "\"i\" x1"]);
    }

    #[test]
    fn second_person_worked_example() {
        let text = "You will love this recipe because your children can help you mix the flour. The bread takes an hour to bake.";
        assert_value(&SECOND_PERSON_PER_1K_WORDS, text, 3000.0 / 21.0, 1e-9);
        assert_value(&SECOND_PERSON_PER_1K_WORDS, PLAIN, 0.0, 0.0);
        assert_eq!(evidence(&SECOND_PERSON_PER_1K_WORDS, text), vec!["\"you\" x2", "\"your\" x1"]);
    }

    #[test]
    fn other_languages_use_their_lists() {
        let de = "Darüber hinaus bietet unsere innovative Plattform einen echten Mehrwert für alle Kunden in der ganzen Region.";
        let v = value(&BUZZWORD_PER_1K_WORDS, de).expect("German has buzzwords");
        assert!(v > 0.0, "{v}");
        let t = value(&TRANSITION_PER_1K_WORDS, de).expect("German has transitions");
        assert!(t > 0.0, "{t}");
        let fr = "De plus, cette solution innovante joue un rôle crucial dans la transformation numérique des entreprises françaises.";
        assert!(value(&TRANSITION_PER_1K_WORDS, fr).unwrap() > 0.0);
        assert!(value(&STOCK_PHRASE_PER_1K_WORDS, fr).unwrap() > 0.0);
        let es = "Además, esta herramienta innovadora juega un papel crucial en la transformación digital de las empresas del país.";
        assert!(value(&TRANSITION_PER_1K_WORDS, es).unwrap() > 0.0);
        assert!(value(&BUZZWORD_PER_1K_WORDS, es).unwrap() > 0.0);
        // English-only rule features do not apply to German.
        assert_na(&CONTRACTION_PER_1K_WORDS, de);
        assert_na(&CONTRAST_TEMPLATE_PER_1K_WORDS, de);
    }

    #[test]
    fn docs_name_the_languages_that_have_lists() {
        let pairs = [
            (&BUZZWORD_PER_1K_WORDS, Kind::Buzzwords),
            (&LLM_WORD_PER_1K_WORDS, Kind::LlmWords),
            (&STOCK_PHRASE_PER_1K_WORDS, Kind::StockPhrases),
            (&TRANSITION_PER_1K_WORDS, Kind::Transitions),
            (&HEDGE_PER_1K_WORDS, Kind::Hedges),
            (&INTENSIFIER_PER_1K_WORDS, Kind::Intensifiers),
            (&ATTRIBUTION_VERB_PER_1K_WORDS, Kind::Attribution),
            (&FIRST_PERSON_PER_1K_WORDS, Kind::FirstPerson),
            (&SECOND_PERSON_PER_1K_WORDS, Kind::SecondPerson),
        ];
        for (f, kind) in pairs {
            let langs: Vec<&str> = LEXICONS.iter().filter(|l| l.kind == kind).map(|l| l.lang).collect();
            let limits = f.doc.split("Limits:").nth(1).unwrap_or("");
            let listed = limits.split(';').next().unwrap_or("");
            for l in &langs {
                assert!(listed.contains(l), "{}: Limits does not name {l}", f.name);
            }
            assert_eq!(
                listed.matches(", ").count() + 1,
                langs.len(),
                "{}: Limits names other languages than LEXICONS has ({langs:?})",
                f.name
            );
        }
    }

    #[test]
    fn contraction_rule() {
        for w in [
            "don't",
            "can't",
            "won't",
            "isn't",
            "it's",
            "that's",
            "there's",
            "let's",
            "we're",
            "they'll",
            "i'm",
            "you've",
            "he'd",
            "could've",
            "y'all",
            "shouldn't've",
        ] {
            assert!(is_contraction(w), "{w}");
        }
        for w in ["dog's", "john's", "o'clock", "ma'am", "rock'n'roll", "d'angelo", "o'neil", "'t", "dont"] {
            assert!(!is_contraction(w), "{w}");
        }
    }

    #[test]
    fn contractions_worked_example() {
        let text = "We don't know if it's ready, but they'll try. The dog's bowl is empty and the cat's toy is lost in the garden.";
        assert_value(&CONTRACTION_PER_1K_WORDS, text, 3000.0 / 23.0, 1e-9);
        assert_value(&CONTRACTION_PER_1K_WORDS, PLAIN, 0.0, 0.0);
        assert_na(&CONTRACTION_PER_1K_WORDS, "");
        assert_eq!(evidence(&CONTRACTION_PER_1K_WORDS, text), vec!["\"don't\" x1", "\"it's\" x1", "\"they'll\" x1"]);
    }

    #[test]
    fn contrast_worked_example() {
        let text = "It's not just a phone, it's a revolution. The company did not explain the price, but it sold well. Success is not luck but hard work.";
        assert_value(&CONTRAST_TEMPLATE_PER_1K_WORDS, text, 2000.0 / 26.0, 1e-9);
        assert_value(&CONTRAST_TEMPLATE_PER_1K_WORDS, PLAIN, 0.0, 0.0);
        assert_na(&CONTRAST_TEMPLATE_PER_1K_WORDS, "");
    }

    fn templates(sentence: &str) -> u8 {
        let doc = Document::new(sentence);
        let mut ws = Vec::new();
        sentence_words(&doc, &doc.sentences()[0], &mut ws);
        sentence_templates(&ws)
    }

    #[test]
    fn contrast_templates_one_by_one() {
        assert_eq!(templates("The plan is not only cheap but also fast."), T_NOT_ONLY);
        assert_eq!(templates("Not only does it rain, it also snows."), T_NOT_ONLY);
        assert_eq!(templates("This is not merely a tool but a movement."), T_NOT_JUST);
        assert_eq!(templates("It's not about winning; it's about learning."), T_NOT_COPULA);
        assert_eq!(templates("This isn't just a phone, it is a revolution."), T_NOT_COPULA);
        assert_eq!(templates("The goal was not profit, but trust."), T_NOT_BUT);
        // Clause contrasts and verb negation are not templates.
        assert_eq!(templates("The car is not new, but it runs well."), 0);
        assert_eq!(templates("We did not win, but the team played well."), 0);
        assert_eq!(templates("They could not agree but kept talking."), 0);
        assert_eq!(templates("The cause is not clear, but police are investigating."), 0);
        assert_eq!(templates("It's not raining."), 0);
    }

    /// The sentence prefilter keeps every "not" that can be a word and every negated copula,
    /// next to punctuation and at the text's ends too, and passes over "not" inside words.
    #[test]
    fn contrast_prefilter_keeps_every_negation() {
        for (text, templates) in [
            ("(Not only) cats, but also dogs.", 1.0),
            ("Success \"not\" luck but work", 1.0),
            ("It wasn't just rain, it was a flood. Another note: nothing is cannot.", 1.0),
            ("They WEREN'T merely late but absent.", 1.0),
            ("Another notable knot, but nothing cannot annotate notes.", 0.0),
            ("We don't know, but it is not clear. It isn't luck, it's work.", 1.0),
        ] {
            // After a plain English sentence, so that the language is known.
            let text = format!("{PLAIN} {text}");
            let words = Document::new(&text).word_count() as f64;
            assert_value(&CONTRAST_TEMPLATE_PER_1K_WORDS, &text, 1000.0 * templates / words, 1e-9);
        }
    }

    #[test]
    fn contrast_across_two_sentences() {
        let text =
            "It's not a phone. It's a movement that will change how every family in the country talks to each other.";
        // 20 words, one template (counted on the first sentence).
        assert_value(&CONTRAST_TEMPLATE_PER_1K_WORDS, text, 1000.0 / 20.0, 1e-9);
        let human = "It's not clear when the museum will reopen. The director has asked the city council for more money this winter.";
        // "The director..." does not open with a copula clause.
        assert_value(&CONTRAST_TEMPLATE_PER_1K_WORDS, human, 0.0, 0.0);
    }

    #[test]
    fn top_phrases_orders_by_count_then_first_seen() {
        let v = top_phrases(["b", "a", "a", "c", "b", "a"].into_iter(), 2);
        assert_eq!(v, vec!["\"a\" x3", "\"b\" x2"]);
    }
}
