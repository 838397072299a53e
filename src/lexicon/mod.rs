//! Word and phrase lists as data files, one entry per line (see `src/lexicon/README.md`), and
//! the matcher that counts them in a document.
//!
//! Every list lives in `src/lexicon/<lang>/<kind>.txt`, is embedded at compile time and
//! registered by one line in [`LEXICONS`]. Users extend a list at run time with
//! `--lexicon <lang>/<kind>=FILE` (same format). All entries of one language are compiled into
//! one Aho-Corasick automaton and matched in a single pass over the lowercased text, at word
//! boundaries; within one kind, overlapping matches are resolved leftmost-longest.

use std::sync::{Arc, LazyLock};

use aho_corasick::automaton::Automaton;
use aho_corasick::{nfa::contiguous, AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, MatchKind};

use crate::error::{Error, Origin};
use crate::text::Document;

/// What a list holds; each kind feeds one feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Corporate and marketing buzzwords ("synergy", "leverage", "cutting-edge").
    Buzzwords,
    /// Words that 2023-era language models overuse ("delve", "tapestry", "multifaceted").
    LlmWords,
    /// Multi-word stock phrases and clichés ("in today's fast-paced world").
    StockPhrases,
    /// Sentence-initial transitions ("moreover", "furthermore", "additionally").
    Transitions,
    /// Hedges ("arguably", "it seems", "to some extent").
    Hedges,
    /// Intensifiers ("very", "extremely", "truly").
    Intensifiers,
    /// Attribution verbs of reporting ("said", "told", "according to").
    Attribution,
    /// First-person pronouns and determiners ("i", "we", "my").
    FirstPerson,
    /// Second-person pronouns and determiners ("you", "your").
    SecondPerson,
    /// Web boilerplate left by scrapers ("load more", "notify of", "`<n>` min read").
    Boilerplate,
}

impl Kind {
    /// All kinds, in a fixed order (the index of a kind in this list is its slot in
    /// [`LexiconHits`]).
    pub const ALL: [Kind; 10] = [
        Kind::Buzzwords,
        Kind::LlmWords,
        Kind::StockPhrases,
        Kind::Transitions,
        Kind::Hedges,
        Kind::Intensifiers,
        Kind::Attribution,
        Kind::FirstPerson,
        Kind::SecondPerson,
        Kind::Boilerplate,
    ];

    /// The file stem and CLI name of the kind (`buzzwords`, `stock_phrases`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Buzzwords => "buzzwords",
            Kind::LlmWords => "llm_words",
            Kind::StockPhrases => "stock_phrases",
            Kind::Transitions => "transitions",
            Kind::Hedges => "hedges",
            Kind::Intensifiers => "intensifiers",
            Kind::Attribution => "attribution",
            Kind::FirstPerson => "first_person",
            Kind::SecondPerson => "second_person",
            Kind::Boilerplate => "boilerplate",
        }
    }

    /// The kind called `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// One embedded list: language, kind and its text.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedLexicon {
    /// ISO 639-1 language code.
    pub lang: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The file's content.
    pub text: &'static str,
}

macro_rules! lexicon {
    ($lang:literal, $kind:ident, $file:literal) => {
        EmbeddedLexicon { lang: $lang, kind: Kind::$kind, text: include_str!(concat!($lang, "/", $file, ".txt")) }
    };
}

/// Every embedded list. Adding a list: write the file, add one line here.
pub static LEXICONS: &[EmbeddedLexicon] = &[
    lexicon!("en", Buzzwords, "buzzwords"),
    lexicon!("en", LlmWords, "llm_words"),
    lexicon!("en", StockPhrases, "stock_phrases"),
    lexicon!("en", Transitions, "transitions"),
    lexicon!("en", Hedges, "hedges"),
    lexicon!("en", Intensifiers, "intensifiers"),
    lexicon!("en", Attribution, "attribution"),
    lexicon!("en", FirstPerson, "first_person"),
    lexicon!("en", SecondPerson, "second_person"),
    lexicon!("en", Boilerplate, "boilerplate"),
    lexicon!("de", Buzzwords, "buzzwords"),
    lexicon!("de", LlmWords, "llm_words"),
    lexicon!("de", StockPhrases, "stock_phrases"),
    lexicon!("de", Transitions, "transitions"),
    lexicon!("de", Hedges, "hedges"),
    lexicon!("de", Intensifiers, "intensifiers"),
    lexicon!("de", Attribution, "attribution"),
    lexicon!("de", FirstPerson, "first_person"),
    lexicon!("de", SecondPerson, "second_person"),
    lexicon!("fr", Buzzwords, "buzzwords"),
    lexicon!("fr", LlmWords, "llm_words"),
    lexicon!("fr", StockPhrases, "stock_phrases"),
    lexicon!("fr", Transitions, "transitions"),
    lexicon!("fr", Hedges, "hedges"),
    lexicon!("fr", Intensifiers, "intensifiers"),
    lexicon!("fr", Attribution, "attribution"),
    lexicon!("fr", FirstPerson, "first_person"),
    lexicon!("fr", SecondPerson, "second_person"),
    lexicon!("es", Buzzwords, "buzzwords"),
    lexicon!("es", LlmWords, "llm_words"),
    lexicon!("es", StockPhrases, "stock_phrases"),
    lexicon!("es", Transitions, "transitions"),
    lexicon!("es", Hedges, "hedges"),
    lexicon!("es", Intensifiers, "intensifiers"),
    lexicon!("es", Attribution, "attribution"),
    lexicon!("es", FirstPerson, "first_person"),
    lexicon!("es", SecondPerson, "second_person"),
];

/// Parse a list: one entry per line, `#` comment lines and blank lines skipped, entries
/// trimmed, lowercased and NFC-normalised, inner whitespace collapsed. `<n>` stands for any
/// number (boilerplate such as "`<n>` min read"). Returns `(line, entry)` pairs or the first bad
/// line.
pub fn parse_entries(text: &str) -> Result<Vec<(usize, String)>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let entry = normalize_entry(t);
        if !entry.chars().any(char::is_alphanumeric) {
            return Err((i + 1, format!("entry {t:?} has no letters or digits")));
        }
        out.push((i + 1, entry));
    }
    Ok(out)
}

/// The canonical form of an entry: NFC, lowercase, single spaces, typographic quotes folded.
pub fn normalize_entry(entry: &str) -> String {
    let folded = crate::text::normalize::normalize(entry);
    folded.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Matches of every kind in one document: counts and the matched byte spans (for evidence).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LexiconHits {
    /// Whether the document's language has lists at all (else every count is not applicable).
    pub has_language: bool,
    /// Which kinds have a list for the document's language.
    pub available: [bool; Kind::ALL.len()],
    /// Matches per kind.
    pub counts: [u32; Kind::ALL.len()],
    /// Matched spans per kind (byte offsets into the normalised text), in text order.
    pub spans: [Vec<(u32, u32)>; Kind::ALL.len()],
}

impl LexiconHits {
    /// Matches of `kind`, or `None` when no list of that kind exists for the language.
    pub fn count(&self, kind: Kind) -> Option<u32> {
        self.available[kind.slot()].then_some(self.counts[kind.slot()])
    }

    /// Matched spans of `kind`.
    pub fn spans(&self, kind: Kind) -> &[(u32, u32)] {
        &self.spans[kind.slot()]
    }
}

/// The compiled lists of one language.
#[derive(Debug)]
struct LanguageMatcher {
    lang: String,
    /// Trie of every running-text entry, walked anchored from each word start.
    automaton: Option<WordTrie>,
    /// Kind of each pattern (pattern id = index).
    pattern_kinds: Vec<Kind>,
    available: [bool; Kind::ALL.len()],
    /// Boilerplate line patterns (matched per line, not in running text).
    boilerplate: Option<AhoCorasick>,
}

/// All lists, compiled: the embedded ones plus user extensions.
#[derive(Debug)]
pub struct LexiconSet {
    languages: Vec<LanguageMatcher>,
}

/// The embedded lists, compiled once.
pub(crate) static DEFAULT_LEXICONS: LazyLock<Arc<LexiconSet>> =
    LazyLock::new(|| Arc::new(LexiconSet::build(&[]).expect("embedded lexicons are valid (tested in data_hygiene)")));

/// A user's extension of one list: `<lang>/<kind>` and the file's path and content.
#[derive(Debug, Clone)]
pub struct LexiconExtension {
    /// Language code.
    pub lang: String,
    /// Which list it extends.
    pub kind: Kind,
    /// The file, for error messages.
    pub path: String,
    /// Its content.
    pub text: String,
}

impl LexiconExtension {
    /// Parse a `--lexicon NAME=FILE` argument and read the file.
    pub fn from_arg(arg: &str) -> Result<LexiconExtension, Error> {
        let (name, path) = arg.split_once('=').ok_or_else(|| {
            Error::config("--lexicon", format!("{arg:?} is not NAME=FILE (e.g. en/buzzwords=my_words.txt)"))
        })?;
        let (lang, kind_name) = name
            .split_once('/')
            .ok_or_else(|| Error::config("--lexicon", format!("{name:?} is not <lang>/<kind> (e.g. en/buzzwords)")))?;
        let kind = Kind::from_name(kind_name).ok_or_else(|| {
            let names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
            Error::config("--lexicon", format!("unknown list kind {kind_name:?}; known: {}", names.join(", ")))
        })?;
        if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(Error::config("--lexicon", format!("{lang:?} is not a two-letter ISO 639-1 language code")));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Lexicon {
            name: name.to_string(),
            origin: Origin::file(path),
            reason: format!("not valid UTF-8 ({e})"),
        })?;
        Ok(LexiconExtension { lang: lang.to_string(), kind, path: path.to_string(), text })
    }
}

impl LexiconSet {
    /// Compile the embedded lists plus `extensions`.
    pub fn build(extensions: &[LexiconExtension]) -> Result<LexiconSet, Error> {
        let mut per_lang: Vec<(String, Vec<(Kind, String)>)> = Vec::new();
        let mut add = |lang: &str, kind: Kind, name: &str, origin: &str, text: &str| -> Result<(), Error> {
            let entries = parse_entries(text).map_err(|(line, reason)| Error::Lexicon {
                name: name.to_string(),
                origin: Origin::at(origin, line as u64),
                reason,
            })?;
            let slot = match per_lang.iter().position(|(l, _)| l == lang) {
                Some(i) => i,
                None => {
                    per_lang.push((lang.to_string(), Vec::new()));
                    per_lang.len() - 1
                }
            };
            let list = &mut per_lang[slot].1;
            // An empty list still makes the kind available for the language.
            list.push((kind, String::new()));
            for (_, e) in entries {
                list.push((kind, e));
            }
            Ok(())
        };
        for l in LEXICONS {
            let name = format!("{}/{}", l.lang, l.kind.name());
            add(l.lang, l.kind, &name, &format!("src/lexicon/{name}.txt"), l.text)?;
        }
        for ext in extensions {
            let name = format!("{}/{}", ext.lang, ext.kind.name());
            add(&ext.lang, ext.kind, &name, &ext.path, &ext.text)?;
        }
        let mut languages = Vec::new();
        for (lang, list) in per_lang {
            languages.push(LanguageMatcher::build(lang, list)?);
        }
        Ok(LexiconSet { languages })
    }

    fn language(&self, lang: &str) -> Option<&LanguageMatcher> {
        self.languages.iter().find(|m| m.lang == lang)
    }

    /// Languages that have at least one list.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|m| m.lang.as_str())
    }

    /// Whether `lang` has a list of `kind`.
    pub fn has(&self, lang: &str, kind: Kind) -> bool {
        self.language(lang).is_some_and(|m| m.available[kind.slot()])
    }

    /// Count every kind in `doc` with this set's lists. Not cached here: the features cache
    /// the result beside the lexicon set that produced it (`features::Analysis`).
    pub fn hits(&self, doc: &Document) -> LexiconHits {
        let mut hits = LexiconHits::default();
        let Some(m) = self.language(doc.language().code) else {
            return hits;
        };
        hits.has_language = true;
        hits.available = m.available;
        if let Some(trie) = &m.automaton {
            let lower = doc.lower();
            let bytes = lower.as_bytes();
            // Candidates at word boundaries as (kind slot, start, end), all kinds in one
            // vector (one allocation), sorted by kind, then leftmost-longest.
            let mut candidates: Vec<(usize, u32, u32)> = Vec::with_capacity(64);
            trie.for_each_match_at_word_starts(lower, |pattern, s, e| {
                if at_word_boundary(bytes, lower, s, e) {
                    candidates.push((m.pattern_kinds[pattern].slot(), s as u32, e as u32));
                }
            });
            candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
            let sentence_starts: Vec<u32> =
                doc.sentences().iter().map(|s| sentence_body_start(doc, s.start, s.end)).collect();
            for kind in Kind::ALL {
                let slot = kind.slot();
                let c = &candidates
                    [candidates.partition_point(|c| c.0 < slot)..candidates.partition_point(|c| c.0 <= slot)];
                if c.is_empty() {
                    continue;
                }
                // Leftmost-longest, non-overlapping.
                let mut chosen: Vec<(u32, u32)> = Vec::with_capacity(c.len());
                let mut last_end = 0u32;
                for &(_, s, e) in c {
                    if !chosen.is_empty() && s < last_end {
                        continue;
                    }
                    if kind == Kind::Transitions && sentence_starts.binary_search(&s).is_err() {
                        continue;
                    }
                    chosen.push((s, e));
                    last_end = e;
                }
                hits.counts[kind.slot()] = chosen.len() as u32;
                hits.spans[kind.slot()] = chosen;
            }
        }
        if let Some(bp) = &m.boilerplate {
            let mut spans = Vec::new();
            for line in doc.lines() {
                if is_boilerplate_line(bp, doc.slice(*line)) {
                    spans.push((line.start, line.end));
                }
            }
            hits.counts[Kind::Boilerplate.slot()] = spans.len() as u32;
            hits.spans[Kind::Boilerplate.slot()] = spans;
        }
        hits
    }

    /// The entry that a matched span stands for (its lowercase text).
    pub fn matched_text<'d>(&self, doc: &'d Document, span: (u32, u32)) -> &'d str {
        &doc.lower()[span.0 as usize..span.1 as usize]
    }
}

/// Longest boilerplate line, in words: a longer line is prose that happens to contain a
/// boilerplate phrase ("Readers can subscribe to ..."), not debris.
pub(crate) const MAX_BOILERPLATE_LINE_WORDS: usize = 12;

/// Is `line` scraper boilerplate: short, and containing a boilerplate entry at word boundaries
/// (digits compared as `<n>`)?
fn is_boilerplate_line(ac: &AhoCorasick, line: &str) -> bool {
    // Stop counting at the limit: most lines are whole paragraphs.
    if line.split_whitespace().nth(MAX_BOILERPLATE_LINE_WORDS).is_some() {
        return false;
    }
    let canon = canonical_boilerplate(line);
    let bytes = canon.as_bytes();
    ac.find_overlapping_iter(&canon).any(|m| at_word_boundary(bytes, &canon, m.start(), m.end()))
}

/// Lowercase with each run of digits replaced by `<n>`.
fn canonical_boilerplate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut in_digits = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push_str("<n>");
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Offset where a sentence's words begin (after opening quotes, dashes and bullets).
fn sentence_body_start(doc: &Document, start: u32, end: u32) -> u32 {
    let s = &doc.lower()[start as usize..end as usize];
    let skipped = s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    start + skipped as u32
}

/// The running-text entries of one language, walked anchored from each word start.
///
/// Most words start no entry, and walking the NFA from each of them costs cache misses. So
/// the text's words (runs of alphanumeric characters) are first checked against hashed sets
/// of what the entries begin with. An entry that ends at a word boundary and starts at a word
/// start begins with exactly the text's word there, and if the entry goes on to a second word,
/// with exactly the text's next separator and word too: its first run of alphanumeric
/// characters ends where the text's does (the entry's next character, or the boundary after
/// it, is not alphanumeric), and so on for the separator and the second run. A walk is only
/// started where the sets say an entry may begin, and the sets can only err towards walking.
#[derive(Debug)]
struct WordTrie {
    /// A contiguous NFA walked anchored (a trie: failure transitions are dead ends). For
    /// English it is about 200 KB and stays in cache, where a DFA of the same entries is over
    /// 3 MB and misses on deep steps.
    nfa: contiguous::NFA,
    /// First words of the entries that have no second word ("said", "e.g.").
    one_word: HashBits,
    /// First words of the entries that have a second word ("the bottom line", "it's").
    first_word: HashBits,
    /// First word, separator and second word of the entries that have a second word.
    first_two_words: HashBits,
    /// First bytes of the entries that begin with a non-alphanumeric character.
    can_start_mark: [bool; 256],
}

/// A set of hashes as bits: membership may be claimed falsely, never denied falsely. 4 KiB,
/// so that it stays in L1 cache.
#[derive(Debug)]
struct HashBits(Box<[u64; HASH_BITS / 64]>);

/// Size of a [`HashBits`] in bits (a power of two).
const HASH_BITS: usize = 1 << 15;

impl HashBits {
    fn new() -> HashBits {
        HashBits(Box::new([0; HASH_BITS / 64]))
    }

    /// The word and bit that stand for `hash` (its top bits).
    fn position(hash: u64) -> (usize, u64) {
        let bit = (hash >> (64 - HASH_BITS.trailing_zeros())) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn insert(&mut self, hash: u64) {
        let (word, bit) = Self::position(hash);
        self.0[word] |= bit;
    }

    fn may_contain(&self, hash: u64) -> bool {
        let (word, bit) = Self::position(hash);
        self.0[word] & bit != 0
    }
}

/// The end of the run of alphanumeric characters that begins at byte `i` of `text` (`i`
/// itself when the character there is not alphanumeric). The ASCII part is inlined into the
/// scan; runs that go on into other letters finish out of line.
#[inline(always)]
fn alphanumeric_run_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let end = crate::text::ascii::alphanumeric_run_end(bytes, i);
    if end == bytes.len() || bytes[end] < 0x80 {
        return end;
    }
    non_ascii_run_end(text, end)
}

/// [`alphanumeric_run_end`] from a non-ASCII character at byte `i`.
#[inline(never)]
fn non_ascii_run_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match text[i..].chars().next() {
            Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
            _ => return i,
        }
        i = crate::text::ascii::alphanumeric_run_end(bytes, i);
        if i == bytes.len() || bytes[i] < 0x80 {
            return i;
        }
    }
}

/// The end of the run of characters that are not alphanumeric that begins at byte `i`.
fn separator_end(text: &str, mut i: usize) -> usize {
    while i < text.len() && alphanumeric_run_end(text, i) == i {
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    i
}

/// A hash of `bytes[start..end]`: of its length and first eight bytes (longer words that
/// share those collide, which only costs a walk).
#[inline]
fn bytes_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let head = crate::text::ascii::load_padded(bytes, start, start + len.min(8));
    (head ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// A hash of two words and the separator between them, from their [`bytes_hash`]es.
fn pair_hash(first: u64, separator: u64, second: u64) -> u64 {
    (first.rotate_left(21) ^ separator.rotate_left(42) ^ second).wrapping_mul(0xc4ce_b9fe_1a85_ec53)
}

/// A run of alphanumeric characters in the text, with its hash.
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    hash: u64,
}

impl WordTrie {
    fn new(patterns: &[String]) -> Result<WordTrie, aho_corasick::BuildError> {
        let nfa = contiguous::Builder::new().match_kind(MatchKind::Standard).build(patterns)?;
        let (mut one_word, mut first_word, mut first_two_words) = (HashBits::new(), HashBits::new(), HashBits::new());
        let mut can_start_mark = [false; 256];
        for p in patterns {
            let bytes = p.as_bytes();
            let end = alphanumeric_run_end(p, 0);
            if end == 0 {
                if let Some(&b) = bytes.first() {
                    can_start_mark[usize::from(b)] = true;
                }
                continue;
            }
            let first = bytes_hash(bytes, 0, end);
            let second_start = separator_end(p, end);
            let second_end = alphanumeric_run_end(p, second_start);
            if second_end == second_start {
                one_word.insert(first);
            } else {
                first_word.insert(first);
                let separator = bytes_hash(bytes, end, second_start);
                first_two_words.insert(pair_hash(first, separator, bytes_hash(bytes, second_start, second_end)));
            }
        }
        Ok(WordTrie { nfa, one_word, first_word, first_two_words, can_start_mark })
    }

    /// Call `found(pattern, start, end)` for every occurrence of every entry that starts where
    /// a word can start (at offset 0 or after a character that is not alphanumeric) and ends
    /// at a word boundary, and perhaps for some more that start there, in no particular
    /// order. These include every occurrence of an unanchored overlapping search that passes
    /// [`at_word_boundary`], found without walking from most words.
    fn for_each_match_at_word_starts(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let bytes = text.as_bytes();
        // The previous run, walked from or not once the next one is known.
        let mut previous: Option<Run> = None;
        let mut i = 0;
        while i < bytes.len() {
            // Here the previous character, if any, is not alphanumeric.
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                if self.can_start_mark[usize::from(b)] {
                    self.walk(bytes, i, &mut found);
                }
                i += 1;
                continue;
            }
            let end = alphanumeric_run_end(text, i);
            if end > i {
                let run = Run { start: i, end, hash: bytes_hash(bytes, i, end) };
                if let Some(p) = previous {
                    if self.may_start(bytes, p, Some(run)) {
                        self.walk(bytes, p.start, &mut found);
                    }
                }
                previous = Some(run);
                i = end;
            } else if self.can_start_mark[usize::from(b)] {
                self.walk(bytes, i, &mut found);
            }
            // Past one character that is not alphanumeric (or the end).
            if i < bytes.len() {
                i += if bytes[i] < 0x80 { 1 } else { text[i..].chars().next().map_or(1, char::len_utf8) };
            }
        }
        if let Some(p) = previous {
            if self.may_start(bytes, p, None) {
                self.walk(bytes, p.start, &mut found);
            }
        }
    }

    /// May an entry start with the run `run`, followed by the run `next` (if any)? Asked at
    /// every word: forced inline, as the compiler left it out of line.
    #[inline(always)]
    fn may_start(&self, bytes: &[u8], run: Run, next: Option<Run>) -> bool {
        // Every test is made and the answers combined without a branch: a third of the
        // words pass the first-word test (35 % of the 702,216 in the bench's news), too
        // often and too irregularly for a branch on it to be predicted.
        let one_word = self.one_word.may_contain(run.hash);
        let two_words = next.is_some_and(|next| {
            let separator = bytes_hash(bytes, run.end, next.start);
            self.first_word.may_contain(run.hash)
                & self.first_two_words.may_contain(pair_hash(run.hash, separator, next.hash))
        });
        one_word | two_words
    }

    /// Walk the trie from byte `i`, reporting every entry that starts there.
    fn walk(&self, bytes: &[u8], i: usize, found: &mut impl FnMut(usize, usize, usize)) {
        let nfa = &self.nfa;
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else { return };
        for (j, &byte) in bytes[i..].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, byte);
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                // A state also holds the entries that are suffixes of the path walked ("me"
                // at the end of "time"): they start later and are found from there.
                let end = i + j + 1;
                for k in 0..nfa.match_len(sid) {
                    let pattern = nfa.match_pattern(sid, k);
                    if nfa.pattern_len(pattern) == end - i {
                        found(pattern.as_usize(), i, end);
                    }
                }
            }
        }
    }
}

/// Is `[s, e)` delimited by non-word characters on both sides?
fn at_word_boundary(bytes: &[u8], text: &str, s: usize, e: usize) -> bool {
    let before_ok = s == 0 || {
        let b = bytes[s - 1];
        if b < 0x80 {
            !b.is_ascii_alphanumeric()
        } else {
            !text[..s].chars().next_back().is_some_and(char::is_alphanumeric)
        }
    };
    let after_ok = e >= bytes.len() || {
        let b = bytes[e];
        if b < 0x80 {
            !b.is_ascii_alphanumeric()
        } else {
            !text[e..].chars().next().is_some_and(char::is_alphanumeric)
        }
    };
    before_ok && after_ok
}

impl LanguageMatcher {
    fn build(lang: String, list: Vec<(Kind, String)>) -> Result<LanguageMatcher, Error> {
        let mut available = [false; Kind::ALL.len()];
        let mut patterns = Vec::new();
        let mut pattern_kinds = Vec::new();
        let mut boiler = Vec::new();
        for (kind, entry) in list {
            available[kind.slot()] = true;
            if entry.is_empty() {
                continue;
            }
            if kind == Kind::Boilerplate {
                boiler.push(entry);
            } else {
                patterns.push(entry);
                pattern_kinds.push(kind);
            }
        }
        let err = |e: aho_corasick::BuildError| Error::Data(format!("lexicons for {lang}: cannot build matcher: {e}"));
        // Running text: a trie walked only from positions where a word can start.
        // Unanchored, short entries such as "i" or "we" would match inside most words and
        // every such match would need a boundary check.
        let automaton = if patterns.is_empty() { None } else { Some(WordTrie::new(&patterns).map_err(err)?) };
        // Boilerplate: a few short lines per document, searched whole.
        let boilerplate = if boiler.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&boiler)
                    .map_err(err)?,
            )
        };
        Ok(LanguageMatcher { lang, automaton, pattern_kinds, available, boilerplate })
    }
}

/// Read the user lexicon files given as `--lexicon NAME=FILE`.
pub fn extensions_from_args(args: &[String]) -> Result<Vec<LexiconExtension>, Error> {
    args.iter().map(|a| LexiconExtension::from_arg(a)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str, kind: Kind) -> Option<u32> {
        let doc = Document::new(text);
        DEFAULT_LEXICONS.hits(&doc).count(kind)
    }

    /// The anchored walk finds every occurrence at word boundaries that an unanchored
    /// overlapping search finds, including entries that are suffixes or prefixes of others
    /// ("time", "me", "i") and entries that begin with punctuation ("'tis").
    #[test]
    fn anchored_walk_finds_every_match_at_word_boundaries() {
        let patterns = ["time", "me", "i", "we", "let's", "it's time", "a", "a time", "ever", "'tis"];
        let trie = WordTrie::new(&patterns.map(String::from)).unwrap();
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(patterns).unwrap();
        let text = "it's time, me and i. we met a time-lord; let's go whenever, ever \u{fc}ber-me \u{e9}me 'tis";
        let bounded = |&(s, e, _): &(usize, usize, usize)| at_word_boundary(text.as_bytes(), text, s, e);
        let mut walked = Vec::new();
        trie.for_each_match_at_word_starts(text, |p, s, e| walked.push((s, e, p)));
        let mut searched: Vec<_> =
            ac.find_overlapping_iter(text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
        searched.retain(bounded);
        searched.sort();
        walked.sort();
        let walked_bounded: Vec<_> = walked.iter().copied().filter(bounded).collect();
        assert_eq!(walked_bounded, searched);
        // Hand-checked: "it's time" at 0 and "time" at 5, "me" alone and after the hyphen in
        // "über-me" (not inside "time" or "éme"), and "'tis" at the end.
        assert!(walked.contains(&(0, 9, 5)) && walked.contains(&(5, 9, 0)));
        assert_eq!(searched.iter().filter(|&&(_, _, p)| p == 1).count(), 2);
        assert!(searched.contains(&(text.len() - 4, text.len(), 9)));
        // Words that no entry begins with are not walked: "me" at the start of "met" (a
        // match the boundary check would reject) is never reported.
        let met = text.find("met").unwrap();
        assert!(!walked.iter().any(|&(s, _, _)| s == met));
    }

    /// The run ends agree with a char-by-char scan.
    #[test]
    fn alphanumeric_runs() {
        let text = "abcdefghij0123 Zürich-Straße42 日本語テキスト, e.g. x";
        let mut i = 0;
        while i < text.len() {
            let by_chars = i + text[i..].chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum::<usize>();
            assert_eq!(alphanumeric_run_end(text, i), by_chars, "at {i}");
            i += text[i..].chars().next().unwrap().len_utf8();
        }
        assert_eq!(alphanumeric_run_end(text, 0), 14);
        assert_eq!(separator_end(text, 14), 15);
    }

    #[test]
    fn parse_skips_comments_and_normalises() {
        let e = parse_entries("# header\n\n  Cutting-Edge \nIn  Today\u{2019}s World\n").unwrap();
        assert_eq!(e, vec![(3, "cutting-edge".to_string()), (4, "in today's world".to_string())]);
        assert_eq!(parse_entries("ok\n---\n"), Err((2, "entry \"---\" has no letters or digits".to_string())));
    }

    #[test]
    fn boilerplate_canonical_digits() {
        assert_eq!(canonical_boilerplate("6 Min Read"), "<n> min read");
        assert_eq!(canonical_boilerplate("Page 12 of 30"), "page <n> of <n>");
    }

    #[test]
    fn word_boundaries() {
        let t = "robustness robust";
        assert!(!at_word_boundary(t.as_bytes(), t, 0, 6));
        assert!(at_word_boundary(t.as_bytes(), t, 11, 17));
    }

    #[test]
    fn transitions_only_at_sentence_start() {
        let text = "Moreover, the plan works for the whole team this year. We said moreover twice in the meeting. \"Furthermore, it scales to every office we have.\"";
        assert_eq!(count(text, Kind::Transitions), Some(2));
    }

    #[test]
    fn unknown_language_has_no_counts() {
        assert_eq!(count("今日は晴れです。明日は雨ですか？", Kind::Buzzwords), None);
    }
}
