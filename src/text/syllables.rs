//! Syllable counts. English uses a table derived from the CMU Pronouncing Dictionary for the
//! words where the rule-based estimate is wrong, and the rules for every other word; German,
//! French and Spanish use vowel-group rules of their own. Other languages have no syllable
//! count (readability formulas that need one report not-applicable).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Document;

/// Syllable totals over the alphabetic words of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyllableStats {
    /// Alphabetic words counted.
    pub words: u32,
    /// Their syllables.
    pub syllables: u32,
    /// Words of three or more syllables.
    pub polysyllables: u32,
}

/// The English exception table: `word count` lines (see `src/lexicon/en/syllables.txt`).
static ENGLISH_TABLE: LazyLock<HashMap<&'static str, u8>> =
    LazyLock::new(|| parse_table(include_str!("../lexicon/en/syllables.txt")));

fn parse_table(src: &'static str) -> HashMap<&'static str, u8> {
    let mut map = HashMap::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        if let (Some(w), Some(n)) = (parts.next(), parts.next()) {
            if let Ok(n) = n.parse::<u8>() {
                map.insert(w, n);
            }
        }
    }
    map
}

/// Syllables in an English word (lowercase): the table, else the rules.
pub fn english(word: &str) -> u32 {
    match ENGLISH_TABLE.get(word) {
        Some(&n) => n as u32,
        None => english_rules(word),
    }
}

/// Rule-based English estimate: vowel groups, minus a silent final e (keeping "-le"), minus a
/// silent "-ed", at least one.
pub fn english_rules(word: &str) -> u32 {
    let c: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if c.is_empty() {
        return 0;
    }
    let v = |ch: char| "aeiouy".contains(ch);
    let (mut n, mut prev) = (0i32, false);
    for &ch in &c {
        let is = v(ch);
        if is && !prev {
            n += 1;
        }
        prev = is;
    }
    let l = c.len();
    if l > 2 && c[l - 1] == 'e' && !v(c[l - 2]) && !(c[l - 2] == 'l' && l > 3 && !v(c[l - 3])) {
        n -= 1;
    }
    if l > 3 && word.ends_with("ed") && !word.ends_with("ted") && !word.ends_with("ded") {
        n -= 1;
    }
    n.max(1) as u32
}

/// Vowel-group count for German, French and Spanish words (lowercase).
pub fn romance_germanic(word: &str, lang: &str) -> u32 {
    let vowels: &str = match lang {
        "de" => "aeiouyäöü",
        "fr" => "aeiouyàâäéèêëîïôöùûüœæ",
        _ => "aeiouáéíóúü",
    };
    let c: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if c.is_empty() {
        return 0;
    }
    let (mut n, mut prev) = (0i32, false);
    for &ch in &c {
        let is = vowels.contains(ch);
        if is && !prev {
            n += 1;
        }
        prev = is;
    }
    if lang == "fr" {
        // A final mute "e" / "es" / "ent" (verb ending) after a consonant is not pronounced.
        let w: String = c.iter().collect();
        let mute = ["e", "es", "ent"].iter().any(|suf| {
            w.len() > suf.len() + 1 && w.ends_with(suf) && {
                let before = w[..w.len() - suf.len()].chars().last().unwrap_or('a');
                !vowels.contains(before)
            }
        });
        if mute {
            n -= 1;
        }
    }
    n.max(1) as u32
}

/// Syllables of a lowercase word in `lang`, or `None` when chaff has no rule for the language.
pub fn count(word: &str, lang: &str) -> Option<u32> {
    match lang {
        "en" => Some(english(word)),
        "de" | "fr" | "es" => Some(romance_germanic(word, lang)),
        _ => None,
    }
}

/// Languages with syllable counts.
pub fn supports(lang: &str) -> bool {
    matches!(lang, "en" | "de" | "fr" | "es")
}

/// Syllable totals of `doc` in its language; `None` if the language has no syllable rules.
pub fn stats(doc: &Document) -> Option<SyllableStats> {
    *doc.cache.syllables.get_or_init(|| {
        let lang = doc.language().code;
        if !supports(lang) {
            return None;
        }
        let mut s = SyllableStats::default();
        for (i, t) in doc.words().enumerate() {
            if t.kind != super::TokenKind::Word {
                continue;
            }
            let w = doc.word_lower(i);
            let n = count(w, lang).unwrap_or(0);
            if n == 0 {
                continue;
            }
            s.words += 1;
            s.syllables += n;
            if n >= 3 {
                s.polysyllables += 1;
            }
        }
        Some(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_rules_examples() {
        assert_eq!(english_rules("cat"), 1);
        assert_eq!(english_rules("table"), 2);
        assert_eq!(english_rules("make"), 1);
        assert_eq!(english_rules("jumped"), 1);
        assert_eq!(english_rules("wanted"), 2);
        assert_eq!(english_rules("beautiful"), 3);
    }

    #[test]
    fn german_french_spanish() {
        assert_eq!(romance_germanic("haus", "de"), 1);
        assert_eq!(romance_germanic("mädchen", "de"), 2);
        assert_eq!(romance_germanic("maison", "fr"), 2);
        assert_eq!(romance_germanic("parlent", "fr"), 1);
        assert_eq!(romance_germanic("ciudad", "es"), 2);
    }
}
