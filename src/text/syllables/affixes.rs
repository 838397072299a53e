//! The word tables at which the English syllable rules split a word before counting its
//! parts: hiatus prefixes (`re|enter`) and the heads of silent-e compounds (`home` in
//! "homemade"), indexed by their first three letters, so a word is compared only with the
//! few entries that share them (one array lookup per word).

use std::sync::LazyLock;

/// Prefixes after which a vowel starts a new syllable; `|` marks where the prefix ends.
const HIATUS_PREFIXES: &[&str] = &[
    "anti|a",
    "anti|e",
    "anti|in",
    "anti|o",
    "bi|oc",
    "bi|oe",
    "bi|og",
    "bi|ol",
    "bi|ot",
    "co|al",
    "co|auth",
    "co|ed",
    "co|eff",
    "co|erc",
    "co|exist",
    "co|inc",
    "co|operat",
    "co|ord",
    "de|act",
    "de|emph",
    "de|esc",
    "ge|ogr",
    "ge|olo",
    "ge|oph",
    "multi|u",
    "ne|ocon",
    "ne|oli",
    "ne|olo",
    "pre|empt",
    "pre|ex",
    "re|ab",
    "re|acq",
    "re|act",
    "re|adj",
    "re|adm",
    "re|aff",
    "re|alig",
    "re|alloc",
    "re|an",
    "re|app",
    "re|ass",
    "re|auth",
    "re|aw",
    "re|elect",
    "re|emerg",
    "re|employ",
    "re|enact",
    "re|enter",
    "re|establ",
    "re|eval",
    "re|exam",
    "re|exp",
    "re|imb",
    "re|imp",
    "re|inc",
    "re|ind",
    "re|inf",
    "re|ins",
    "re|int",
    "re|inv",
    "re|iss",
    "re|op",
    "re|ord",
    "re|org",
    "re|ori",
    "re|un",
    "re|us",
    "semi|a",
    "semi|o",
];

/// First parts of compounds that end in a silent e ("home|made", "life|time"), chosen on
/// CMUdict: the compound rule helps on at least four times as many entries as it hurts.
const COMPOUND_HEADS: &[&str] = &[
    "base", "bridge", "care", "cheese", "edge", "file", "fire", "fore", "game", "gate", "goose", "grape", "grave",
    "guide", "hedge", "home", "hope", "horse", "house", "ice", "joke", "judge", "lake", "lease", "life", "like",
    "lime", "love", "make", "mouse", "name", "nose", "note", "office", "peace", "plate", "race", "ridge", "role",
    "sale", "scape", "score", "share", "side", "size", "smoke", "snake", "some", "space", "spoke", "stage", "state",
    "stone", "store", "time", "trade", "type", "wake", "ware", "waste", "wedge", "white", "whole", "wide", "wire",
];

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
        for p in HIATUS_PREFIXES {
            let bar = p.find('|').expect("hiatus prefix without a bar");
            let full: Vec<u8> = p.bytes().filter(|&b| b != b'|').collect();
            idx.group(&full).hiatus.push((full.clone(), bar));
        }
        for h in COMPOUND_HEADS {
            idx.group(h.as_bytes()).compounds.push(h.as_bytes());
        }
        idx
    }

    fn group(&mut self, entry: &[u8]) -> &mut AffixGroup {
        let k = key3(entry).expect("affix entries are 3+ lowercase letters");
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
    fn every_entry_is_indexed_once() {
        let indexed = |g: &AffixGroup| (g.hiatus.len(), g.compounds.len());
        let total = AFFIXES.groups.iter().map(indexed).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        assert_eq!(total, (HIATUS_PREFIXES.len(), COMPOUND_HEADS.len()));

        let re = starting(b"reentered").expect("re|enter is indexed under \"ree\"");
        assert!(re.hiatus.contains(&(b"reenter".to_vec(), 2)));
        let home = starting(b"homemade").expect("home is indexed under \"hom\"");
        assert!(home.compounds.contains(&&b"home"[..]));
        assert!(starting(b"xylophone").is_none());
        assert!(starting(b"re").is_none(), "a word shorter than a key has no group");
        assert!(starting("réa".as_bytes()).is_none());
    }
}
