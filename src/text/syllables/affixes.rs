//! The word tables at which the English syllable rules split a word before counting its
//! parts: hiatus prefixes (`re|enter`) and the heads of silent-e compounds (`home` in
//! "homemade"). They are data files under `src/lexicon/en/` whose headers say what an entry
//! means; here they are read once and indexed by their first three letters, so a word is
//! compared only with the few entries that share them (one array lookup per word).

use std::sync::LazyLock;

/// An embedded word table and the path its error messages name.
struct WordTable {
    path: &'static str,
    text: &'static str,
}

/// `prefix|start` entries: a vowel after the prefix starts a syllable of its own.
const HIATUS_PREFIXES: WordTable = WordTable {
    path: "src/lexicon/en/hiatus_prefixes.txt",
    text: include_str!("../../lexicon/en/hiatus_prefixes.txt"),
};

/// First parts of compounds that end in a silent e.
const COMPOUND_HEADS: WordTable =
    WordTable { path: "src/lexicon/en/compound_heads.txt", text: include_str!("../../lexicon/en/compound_heads.txt") };

/// Letters the index keys on; shorter entries could never be found.
const KEY_LETTERS: usize = 3;

impl WordTable {
    /// Every entry, parsed in file order. The files are embedded and tested, so a bad line is
    /// a build defect: it panics naming the file and line rather than being skipped.
    fn entries<T>(&self, parse: fn(&'static str) -> Result<T, String>) -> Vec<T> {
        self.text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
            .map(|(n, entry)| parse(entry).unwrap_or_else(|why| panic!("{}:{n}: {why}", self.path)))
            .collect()
    }
}

/// A `prefix|start` entry as its letters without the bar and the length of the prefix.
fn parse_hiatus(entry: &'static str) -> Result<(Vec<u8>, usize), String> {
    let Some((prefix, start)) = entry.split_once('|') else {
        return Err(format!("{entry:?} has no `|` between the prefix and the start of the rest"));
    };
    if prefix.is_empty() || start.is_empty() {
        return Err(format!("{entry:?} needs at least one letter on each side of the `|`"));
    }
    let full = format!("{prefix}{start}");
    letters_only(entry, &full)?;
    Ok((full.into_bytes(), prefix.len()))
}

/// A compound head: a word of letters.
fn parse_head(entry: &'static str) -> Result<&'static [u8], String> {
    letters_only(entry, entry)?;
    Ok(entry.as_bytes())
}

/// `letters` (an entry without its bar) is at least [`KEY_LETTERS`] of the letters a-z.
fn letters_only(entry: &str, letters: &str) -> Result<(), String> {
    if !letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(format!("{entry:?} may hold only the letters a-z (and one `|` in a hiatus prefix)"));
    }
    if letters.len() < KEY_LETTERS {
        return Err(format!("{entry:?} has fewer than {KEY_LETTERS} letters, which the index needs"));
    }
    Ok(())
}

/// Both tables, indexed by the first three letters of each entry.
struct AffixIndex {
    /// For each three-letter key (26^3): 1 + index into `groups`, 0 when no entry starts so.
    slot: Vec<u16>,
    groups: Vec<AffixGroup>,
}

/// The entries that share a three-letter start, in file order.
#[derive(Default)]
pub(super) struct AffixGroup {
    /// Hiatus prefixes without the bar, with the length of the part before it.
    pub(super) hiatus: Vec<(Vec<u8>, usize)>,
    /// Compound heads.
    pub(super) compounds: Vec<&'static [u8]>,
}

fn key3(w: &[u8]) -> Option<usize> {
    match w {
        [a, b, c, ..] if a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase() => {
            Some(((a - b'a') as usize * 26 + (b - b'a') as usize) * 26 + (c - b'a') as usize)
        }
        _ => None,
    }
}

impl AffixIndex {
    fn new() -> Self {
        let mut idx = AffixIndex { slot: vec![0; 26 * 26 * 26], groups: Vec::new() };
        for (full, bar) in HIATUS_PREFIXES.entries(parse_hiatus) {
            idx.group(&full).hiatus.push((full, bar));
        }
        for head in COMPOUND_HEADS.entries(parse_head) {
            idx.group(head).compounds.push(head);
        }
        idx
    }

    fn group(&mut self, entry: &[u8]) -> &mut AffixGroup {
        let k = key3(entry).expect("the parsers admit only entries of 3+ letters a-z");
        if self.slot[k] == 0 {
            self.groups.push(AffixGroup::default());
            self.slot[k] = self.groups.len() as u16;
        }
        let i = self.slot[k] as usize - 1;
        &mut self.groups[i]
    }

    #[inline]
    fn get(&self, w: &[u8]) -> Option<&AffixGroup> {
        let k = key3(w)?;
        match self.slot[k] {
            0 => None,
            i => Some(&self.groups[i as usize - 1]),
        }
    }
}

static AFFIXES: LazyLock<AffixIndex> = LazyLock::new(AffixIndex::new);

/// The hiatus prefixes and compound heads that begin with `w`'s first three letters, if any.
#[inline]
pub(super) fn starting(w: &[u8]) -> Option<&'static AffixGroup> {
    AFFIXES.get(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_load_into_the_index() {
        let hiatus = HIATUS_PREFIXES.entries(parse_hiatus);
        let heads = COMPOUND_HEADS.entries(parse_head);
        assert!(hiatus.len() >= 50, "{} hiatus prefixes: file truncated?", hiatus.len());
        assert!(heads.len() >= 50, "{} compound heads: file truncated?", heads.len());
        let indexed = |g: &AffixGroup| (g.hiatus.len(), g.compounds.len());
        let total = AFFIXES.groups.iter().map(indexed).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        assert_eq!(total, (hiatus.len(), heads.len()), "every entry is indexed once");

        let re = starting(b"reentered").expect("re|enter is indexed under \"ree\"");
        assert!(re.hiatus.contains(&(b"reenter".to_vec(), 2)));
        let home = starting(b"homemade").expect("home is indexed under \"hom\"");
        assert!(home.compounds.contains(&&b"home"[..]));
        assert!(starting(b"xylophone").is_none());
        assert!(starting(b"re").is_none(), "a word shorter than a key has no group");
        assert!(starting("réa".as_bytes()).is_none());
    }

    #[test]
    fn entries_parse_into_letters_and_split() {
        assert_eq!(parse_hiatus("re|enter"), Ok((b"reenter".to_vec(), 2)));
        assert_eq!(parse_hiatus("anti|a"), Ok((b"antia".to_vec(), 4)));
        assert_eq!(parse_head("home"), Ok(&b"home"[..]));
    }

    #[test]
    fn bad_entries_are_rejected() {
        for bad in ["reenter", "re|", "|enter", "re|en|ter", "Re|enter", "re|ënter", "re| enter", "r|e"] {
            assert!(parse_hiatus(bad).is_err(), "{bad:?} was accepted");
        }
        for bad in ["Home", "ho", "home|made", "home made", "hôme", ""] {
            assert!(parse_head(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_bad_line_panics_naming_file_and_line() {
        let table = WordTable { path: "en/broken.txt", text: "# header\n\nre|act\nreenter\n" };
        let err = std::panic::catch_unwind(|| table.entries(parse_hiatus)).expect_err("a bad line must not load");
        let msg = err.downcast_ref::<String>().map(String::as_str).unwrap_or("");
        assert!(msg.starts_with("en/broken.txt:4: \"reenter\" has no `|`"), "{msg}");
    }
}
