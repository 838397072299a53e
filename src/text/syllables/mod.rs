//! Syllable and letter counts of single words, per language, for the readability features.
//!
//! English ([`english`]): a table derived from the CMU Pronouncing Dictionary holds the words
//! on which the rule-based estimate ([`english_rules`]) disagrees with the dictionary; every
//! other word uses the rules. On the 117,493 CMUdict 0.7b entries made only of the letters
//! a-z, the lookup agrees with one of the entry's pronunciations on 117,486 (99.99 %; the
//! others are seven interjections without a vowel phone such as "hmm" and "shh", which chaff
//! counts as one syllable), and the rules alone on 111,877 (95.22 %), which is what to expect
//! on words that are not in the dictionary (`tests/syllables_cmudict.rs` measures both).
//! German, French and Spanish use vowel-group rules of their own (`romance_germanic`).
//! Other languages have no syllable count (readability formulas that need one report
//! not-applicable).
//!
//! The files: `english.rs` (the exception table, possessives and contractions, the rules),
//! `affixes.rs` (the word tables the English rules split words at, read from
//! `src/lexicon/en/`), `european.rs` (German, French, Spanish). What counts as a word, a
//! sentence and a letter for the formulas is defined with the readability features.

mod affixes;
mod english;
mod european;

pub(crate) use english::inflected_only;
pub use english::{english, english_rules};
pub(crate) use european::romance_germanic;

/// Syllables of a lowercase word in `lang`, or `None` when chaff has no rule for the language.
pub fn count(word: &str, lang: &str) -> Option<u32> {
    match lang {
        "en" => Some(english(word)),
        "de" | "fr" | "es" => Some(romance_germanic(word, lang)),
        _ => None,
    }
}

/// Languages with syllable counts.
pub(crate) fn supports(lang: &str) -> bool {
    matches!(lang, "en" | "de" | "fr" | "es")
}

/// Alphanumeric characters of a word.
pub(crate) fn letters_of(w: &str) -> u32 {
    if w.is_ascii() {
        w.bytes().filter(u8::is_ascii_alphanumeric).count() as u32
    } else {
        w.chars().filter(|c| c.is_alphanumeric()).count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_dispatches_by_language() {
        assert_eq!(count("beautiful", "en"), Some(3));
        assert_eq!(count("mädchen", "de"), Some(2));
        assert_eq!(count("parlent", "fr"), Some(1));
        assert_eq!(count("ciudad", "es"), Some(2));
        assert_eq!(count("casa", "it"), None);
        assert_eq!(count("casa", ""), None);
    }

    #[test]
    fn supports_matches_count() {
        for lang in ["en", "de", "fr", "es", "it", "ja", "und", ""] {
            assert_eq!(supports(lang), count("casa", lang).is_some(), "{lang}");
        }
    }

    #[test]
    fn letters_are_alphanumeric_characters() {
        assert_eq!(letters_of("don't"), 4);
        assert_eq!(letters_of("u.s"), 2);
        assert_eq!(letters_of("covid-19"), 7);
        assert_eq!(letters_of("mädchen"), 7);
        assert_eq!(letters_of("日本"), 2);
        assert_eq!(letters_of("'"), 0);
        assert_eq!(letters_of(""), 0);
    }
}
