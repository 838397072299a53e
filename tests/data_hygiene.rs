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
        for w in entries.windows(2) {
            let ((_, a), (line, b)) = (w[0], w[1]);
            if a == b {
                problems.push(format!("{path}:{line}: duplicate entry {b:?}; {SORT_HINT}"));
            } else if a.as_bytes() > b.as_bytes() {
                problems.push(format!("{path}:{line}: {b:?} is out of order (after {a:?}); {SORT_HINT}"));
            }
        }
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
