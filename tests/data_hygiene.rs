//! Hygiene of the embedded word and phrase lists (`src/lexicon/<lang>/<kind>.txt`): every list
//! has a header, parses, is in canonical form, sorted and unique, and lists that feed
//! different features share no entry. Failures name the file and line and say how to fix it.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use chaff::lexicon::{normalize_entry, parse_entries, Kind, LexiconSet, LEXICONS};

fn path_of(lang: &str, kind: Kind) -> String {
    format!("src/lexicon/{lang}/{}.txt", kind.name())
}

/// Entry lines of a list: `(1-based line, raw trimmed text)`, comments and blanks skipped.
fn raw_entries(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

const SORT_HINT: &str = "fix: keep the header and sort the rest in byte order, e.g. \
     `f=FILE; (grep '^#' $f; grep -v '^#' $f | LC_ALL=C sort -u) > $f.new && mv $f.new $f`";

/// Entries `(line, text)` of `path` that repeat or break byte order, with the fix.
fn order_problems(path: &str, entries: &[(usize, &str)], problems: &mut Vec<String>) {
    for w in entries.windows(2) {
        let ((_, a), (line, b)) = (w[0], w[1]);
        if a == b {
            problems.push(format!("{path}:{line}: duplicate entry {b:?}; {SORT_HINT}"));
        } else if a.as_bytes() > b.as_bytes() {
            problems.push(format!("{path}:{line}: {b:?} is out of order (after {a:?}); {SORT_HINT}"));
        }
    }
}

#[test]
fn every_list_has_a_header_with_sources_and_licence() {
    let mut problems = Vec::new();
    for l in LEXICONS {
        let path = path_of(l.lang, l.kind);
        let header: Vec<&str> = l.text.lines().take_while(|x| x.starts_with('#')).collect();
        if header.is_empty() {
            problems.push(format!(
                "{path}: no header; start the file with `#` lines saying what the list is, what counts as an entry, its sources and licence"
            ));
            continue;
        }
        let h = header.join("\n").to_lowercase();
        for word in ["source", "licence"] {
            if !h.contains(word) {
                problems.push(format!("{path}: the header does not mention its {word}"));
            }
        }
        if !header[0].contains(&format!("{}/{}", l.lang, l.kind.name())) {
            problems.push(format!(
                "{path}:1: the header should start with `# {}/{}: <what the list is>`",
                l.lang,
                l.kind.name()
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_list_parses_and_the_set_compiles() {
    for l in LEXICONS {
        let path = path_of(l.lang, l.kind);
        let entries = parse_entries(l.text).unwrap_or_else(|(line, reason)| panic!("{path}:{line}: {reason}"));
        assert!(!entries.is_empty(), "{path}: the list has no entries");
    }
    LexiconSet::build(&[]).expect("embedded lexicons compile");
}

#[test]
fn every_language_kind_pair_is_registered_once() {
    let mut seen = HashSet::new();
    for l in LEXICONS {
        assert!(seen.insert((l.lang, l.kind)), "{} is registered twice in LEXICONS", path_of(l.lang, l.kind));
    }
    // Every list file on disk whose name is a kind must be registered (a forgotten line in
    // LEXICONS would silently drop the list).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon");
    let mut unregistered = Vec::new();
    for dir in std::fs::read_dir(&root).expect("src/lexicon exists") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let lang = dir.file_name().unwrap().to_string_lossy().to_string();
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            let Some(stem) = f.file_stem().map(|s| s.to_string_lossy().to_string()) else {
                continue;
            };
            if let Some(kind) = Kind::from_name(&stem) {
                if !seen.contains(&(lang.as_str(), kind)) {
                    unregistered.push(format!(
                        "{}: not in LEXICONS; add `lexicon!(\"{lang}\", {kind:?}, \"{stem}\"),` to src/lexicon/mod.rs",
                        f.display()
                    ));
                }
            }
        }
    }
    assert!(unregistered.is_empty(), "\n{}", unregistered.join("\n"));
}

#[test]
fn entries_are_canonical_sorted_and_unique() {
    let mut problems = Vec::new();
    for l in LEXICONS {
        let path = path_of(l.lang, l.kind);
        let entries = raw_entries(l.text);
        for &(line, raw) in &entries {
            let canon = normalize_entry(raw);
            if canon != raw {
                problems.push(format!(
                    "{path}:{line}: {raw:?} is not in canonical form (lowercase, NFC, single spaces, ASCII quotes); write {canon:?}"
                ));
            }
        }
        order_problems(&path, &entries, &mut problems);
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn number_placeholders_only_in_boilerplate() {
    // Running text is matched as written, so `<n>` only works in boilerplate lists, where
    // each digit run of a line is replaced by `<n>` before matching; there, literal digits
    // can never match.
    let mut problems = Vec::new();
    for l in LEXICONS {
        let path = path_of(l.lang, l.kind);
        for (line, raw) in raw_entries(l.text) {
            if l.kind == Kind::Boilerplate {
                if raw.bytes().any(|b| b.is_ascii_digit()) {
                    problems.push(format!(
                        "{path}:{line}: {raw:?} has digits, which never match in boilerplate; write <n> for a number"
                    ));
                }
            } else if raw.contains("<n>") {
                problems.push(format!("{path}:{line}: {raw:?}: <n> only works in boilerplate lists"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every kind but boilerplate feeds separate features computed on running text. Within a
/// language no entry may be in two of them: each phrase has one meaning for the model (a word
/// is either a buzzword or an LLM word, a hedge or an intensifier, ...). Boilerplate is exempt:
/// it is matched per line, as page debris, not as prose vocabulary.
#[test]
fn running_text_lists_of_a_language_share_no_entry() {
    let mut by_lang: BTreeMap<&str, Vec<(Kind, BTreeSet<String>)>> = BTreeMap::new();
    for l in LEXICONS {
        if l.kind == Kind::Boilerplate {
            continue;
        }
        let set = parse_entries(l.text).unwrap().into_iter().map(|(_, e)| e).collect();
        by_lang.entry(l.lang).or_default().push((l.kind, set));
    }
    let mut problems = Vec::new();
    for (lang, lists) in &by_lang {
        for (i, (ka, a)) in lists.iter().enumerate() {
            for (kb, b) in &lists[i + 1..] {
                let shared: Vec<&String> = a.intersection(b).collect();
                if !shared.is_empty() {
                    problems.push(format!(
                        "{lang}: {} and {} share {shared:?}; keep each entry in one list",
                        ka.name(),
                        kb.name()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn english_has_every_kind_and_substantial_lists() {
    // The sizes the English lists were written to; a list shrinking by accident fails here.
    let min = |kind: Kind| match kind {
        Kind::Buzzwords | Kind::LlmWords | Kind::StockPhrases | Kind::Boilerplate => 200,
        Kind::Transitions | Kind::Hedges => 60,
        Kind::Intensifiers | Kind::Attribution => 40,
        Kind::FirstPerson | Kind::SecondPerson => 5,
    };
    for kind in Kind::ALL {
        let l = LEXICONS
            .iter()
            .find(|l| l.lang == "en" && l.kind == kind)
            .unwrap_or_else(|| panic!("no English list of kind {}", kind.name()));
        let n = parse_entries(l.text).unwrap().len();
        assert!(n >= min(kind), "en/{} has {n} entries, expected at least {}", kind.name(), min(kind));
    }
    for lang in ["de", "fr", "es"] {
        for kind in [Kind::Buzzwords, Kind::Transitions] {
            let l = LEXICONS
                .iter()
                .find(|l| l.lang == lang && l.kind == kind)
                .unwrap_or_else(|| panic!("no {lang} list of kind {}", kind.name()));
            let n = parse_entries(l.text).unwrap().len();
            assert!(n >= 40, "{lang}/{} has only {n} entries", kind.name());
        }
    }
}

// The word tables of the English syllable rules (`text::syllables`): hiatus prefixes
// (`re|enter`) and compound heads (`home`). They are not lists of a kind in LEXICONS: an entry
// is a run of letters a-z (a hiatus prefix has one `|` where the prefix ends), and the rules
// index entries by their first three letters.

/// `(path, text, whether entries have a bar)` of each table.
const WORD_TABLES: [(&str, &str, bool); 2] = [
    ("src/lexicon/en/hiatus_prefixes.txt", include_str!("../src/lexicon/en/hiatus_prefixes.txt"), true),
    ("src/lexicon/en/compound_heads.txt", include_str!("../src/lexicon/en/compound_heads.txt"), false),
];

/// What is wrong with one entry of a word table, if anything.
fn word_table_entry_problem(entry: &str, bar: bool) -> Option<String> {
    let bars = entry.matches('|').count();
    if bar && bars != 1 {
        return Some("must have exactly one `|`, where the prefix ends (`re|enter`)".into());
    }
    if !bar && bars != 0 {
        return Some("has a `|`; a compound head is written alone (`home`)".into());
    }
    if entry.starts_with('|') || entry.ends_with('|') {
        return Some("needs at least one letter on each side of the `|`".into());
    }
    let letters: String = entry.chars().filter(|&c| c != '|').collect();
    if let Some(c) = letters.chars().find(|c| !c.is_ascii_lowercase()) {
        return Some(format!("has {c:?}; write only the letters a-z, lowercase and without accents"));
    }
    if letters.len() < 3 {
        return Some("has fewer than 3 letters; the rules look entries up by their first three".into());
    }
    None
}

/// Every problem of a word table, one line each with the file, the line and the fix.
fn word_table_problems(path: &str, text: &str, bar: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let name = path.trim_start_matches("src/lexicon/").trim_end_matches(".txt");
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    if header.is_empty() {
        problems.push(format!(
            "{path}:1: no header; start the file with `#` lines saying what the table is, what an entry means, its sources and licence"
        ));
    } else {
        if !header[0].starts_with(&format!("# {name}: ")) {
            problems.push(format!("{path}:1: the header should start with `# {name}: <what the table is>`"));
        }
        let h = header.join("\n").to_lowercase();
        for (word, what) in [
            ("source", "mention its sources"),
            ("cmu pronouncing dictionary", "name the CMU Pronouncing Dictionary the entries were chosen on"),
            ("licence", "mention its licence"),
        ] {
            if !h.contains(word) {
                problems.push(format!("{path}: the header does not {what}"));
            }
        }
    }
    let entries = raw_entries(text);
    if entries.is_empty() {
        problems.push(format!("{path}: the table has no entries"));
    }
    for &(line, entry) in &entries {
        if let Some(why) = word_table_entry_problem(entry, bar) {
            problems.push(format!("{path}:{line}: {entry:?} {why}"));
        }
    }
    order_problems(path, &entries, &mut problems);
    problems
}

#[test]
fn syllable_word_tables_parse_and_are_sorted_and_unique() {
    let mut problems = Vec::new();
    for (path, text, bar) in WORD_TABLES {
        problems.extend(word_table_problems(path, text, bar));
        let n = raw_entries(text).len();
        if n < 50 {
            problems.push(format!("{path}: {n} entries; the table was written with more than 60, is it truncated?"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_syllable_rules_load_their_word_tables() {
    use chaff::text::syllables::english_rules;
    // The library parses each table on first use (a bad line panics there, naming it) and
    // splits words as the headers say; without the tables these counts would be 2 and 3.
    assert_eq!(english_rules("reentered"), 3, "hiatus_prefixes: re|enter");
    assert_eq!(english_rules("homemade"), 2, "compound_heads: home");
}

#[test]
fn a_broken_word_table_fails_the_check() {
    let (path, text, bar) = WORD_TABLES[0];
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| *l == "re|enter").expect("re|enter is listed");
    let line = at + 1;
    let with = |entry: &str| {
        let mut copy = lines.clone();
        copy[at] = entry;
        copy.join("\n")
    };
    let no_header: String = lines.iter().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let cases = [
        (with("Re|enter"), format!("{path}:{line}: \"Re|enter\" has 'R'")),
        (with("re|énter"), format!("{path}:{line}: \"re|énter\" has 'é'")),
        (with("reenter"), format!("{path}:{line}: \"reenter\" must have exactly one `|`")),
        (with("re|en|ter"), format!("{path}:{line}: \"re|en|ter\" must have exactly one `|`")),
        (with("re|"), format!("{path}:{line}: \"re|\" needs at least one letter on each side")),
        (with("|enter"), format!("{path}:{line}: \"|enter\" needs at least one letter on each side")),
        (with("r|e"), format!("{path}:{line}: \"r|e\" has fewer than 3 letters")),
        (with(lines[at - 1]), format!("{path}:{line}: duplicate entry {:?}", lines[at - 1])),
        (with("zz|top"), format!("{path}:{}: {:?} is out of order (after \"zz|top\")", line + 1, lines[at + 1])),
        (no_header, format!("{path}:1: no header")),
        (
            text.replace("CMU Pronouncing Dictionary", "dictionary"),
            format!("{path}: the header does not name the CMU Pronouncing Dictionary"),
        ),
    ];
    for (corrupted, expected) in cases {
        let problems = word_table_problems(path, &corrupted, bar);
        assert!(problems.iter().any(|p| p.starts_with(&expected)), "not caught: {expected:?}; got {problems:?}");
    }
    let (path, text, bar) = WORD_TABLES[1];
    let corrupted = text.replace("\nhome\n", "\nhome|made\n");
    let problems = word_table_problems(path, &corrupted, bar);
    assert!(problems.iter().any(|p| p.contains("\"home|made\" has a `|`")), "not caught: {problems:?}");
}
