//! The word, sentence, letter and syllable totals that every readability formula reads,
//! counted in one walk over the words (definitions in the family's docs) and cached in the
//! [`Analysis`]. Syllables come from the text layer's per-language counters, through the
//! shared word facts for English.

use crate::features::analysis::{Analysis, Slot};
use crate::features::word_facts;
use crate::text::syllables::{count, letters_of, supports};
use crate::text::{Document, TokenKind};

/// Word, sentence, letter and syllable totals of a document (definitions in the readability docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct SyllableStats {
    /// Words (tokens with a letter).
    pub(crate) words: u32,
    /// Sentences with at least one word.
    pub(crate) sentences: u32,
    /// Alphanumeric characters of the words.
    pub(crate) letters: u32,
    /// Words with more than six letters.
    pub(crate) long_words: u32,
    /// Syllables of the words.
    pub(crate) syllables: u32,
    /// Words of three or more syllables (SMOG's polysyllables).
    pub(crate) polysyllables: u32,
    /// Gunning's complex words: three or more syllables, except capitalised words that do not
    /// open a sentence (proper nouns) and words that reach three syllables only through an
    /// "-ed", "-es" or "-ing" ending (the word without it has fewer than three).
    pub(crate) complex_words: u32,
}

/// Word, sentence and letter totals, for every language (no syllables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct WordStats {
    /// Words (tokens with a letter).
    pub(crate) words: u32,
    /// Sentences with at least one word.
    pub(crate) sentences: u32,
    /// Alphanumeric characters of the words.
    pub(crate) letters: u32,
    /// Words with more than six letters.
    pub(crate) long_words: u32,
}

impl SyllableStats {
    /// The language-independent part.
    pub(crate) fn word_stats(&self) -> WordStats {
        WordStats { words: self.words, sentences: self.sentences, letters: self.letters, long_words: self.long_words }
    }
}

/// A word of more than this many letters is "long" (LIX, RIX).
pub(crate) const LONG_WORD_LETTERS: u32 = 6;

/// Word, sentence and letter totals of `doc` (one pass, not cached: use [`stats`] when the
/// language has syllables, which caches the same totals).
pub(crate) fn word_stats(doc: &Document) -> WordStats {
    let mut s = WordStats::default();
    walk_words(
        doc,
        |i, _| {
            s.words += 1;
            let l = letters_of(doc.word_lower(i));
            s.letters += l;
            s.long_words += u32::from(l > LONG_WORD_LETTERS);
        },
        &mut s.sentences,
    );
    s
}

/// Call `f(word index, opens a sentence)` for each word ([`TokenKind::Word`]) and count the
/// sentences that hold a word into `sentences`.
fn walk_words(doc: &Document, mut f: impl FnMut(usize, bool), sentences: &mut u32) {
    let sents = doc.sentences();
    let mut si = 0usize;
    let mut last_sentence = usize::MAX;
    for (i, &t) in doc.word_token_indices().iter().enumerate() {
        let tok = &doc.tokens()[t as usize];
        if tok.kind != TokenKind::Word {
            continue;
        }
        while si < sents.len() && sents[si].end_token <= t {
            si += 1;
        }
        let in_sentence = si < sents.len() && sents[si].first_token <= t;
        let opens = in_sentence && si != last_sentence;
        if opens {
            last_sentence = si;
            *sentences += 1;
        }
        f(i, opens);
    }
}

/// Syllable, word, sentence and letter totals of `doc` in its language (cached); `None` if
/// the language has no syllable rules.
pub(crate) fn stats(doc: &Analysis<'_>) -> Option<SyllableStats> {
    *doc.cached(Slot::Syllables, || {
        let lang = doc.language().code;
        if !supports(lang) {
            return None;
        }
        let english = lang == "en";
        // Per distinct word: syllables (0 = not computed yet), letters, and for English
        // polysyllables whether they reach 3 syllables only through an inflection. English
        // words come filled in from the shared word facts; the others are counted here.
        let mut memo = if english {
            word_facts::facts(doc)
                .iter()
                .map(|f| WordInfo { syllables: f.en_syllables, letters: f.letters, inflected: f.en_inflected })
                .collect()
        } else {
            vec![WordInfo::default(); doc.word_freq().len()]
        };
        let ids = doc.word_ids();
        let text = doc.text();
        let mut s = SyllableStats::default();
        let mut sentences = 0u32;
        walk_words(
            doc,
            |i, opens| {
                let info = &mut memo[ids[i] as usize];
                if info.syllables == 0 {
                    // German, French or Spanish: the inflection rule is English only.
                    let w = doc.word_lower(i);
                    let n = count(w, lang).unwrap_or(0).clamp(1, 255);
                    *info = WordInfo { syllables: n as u8, letters: letters_of(w), inflected: false };
                }
                let info = *info;
                let n = info.syllables as u32;
                s.words += 1;
                s.syllables += n;
                s.letters += info.letters;
                s.long_words += u32::from(info.letters > LONG_WORD_LETTERS);
                if n >= 3 {
                    s.polysyllables += 1;
                    let proper = english && !opens && {
                        let start = doc.tokens()[doc.word_token_indices()[i] as usize].start;
                        text[start as usize..].chars().next().is_some_and(char::is_uppercase)
                    };
                    if !proper && !info.inflected {
                        s.complex_words += 1;
                    }
                }
            },
            &mut sentences,
        );
        s.sentences = sentences;
        Some(s)
    })
}

/// What [`stats`] remembers about a distinct word.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    syllables: u8,
    letters: u32,
    inflected: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Context;

    #[test]
    fn stats_counts_words_sentences_and_complex_words() {
        // "The committee considered everything." / "Anna Richardson disagreed, obviously!"
        let doc = Document::new(
            "The committee considered everything carefully before the long afternoon meeting \
             ended. Anna Richardson disagreed with several members, obviously!",
        );
        assert_eq!(doc.language().code, "en");
        let s = stats(&Analysis::new(&doc, &Context::default())).unwrap();
        assert_eq!(s.words, 18);
        assert_eq!(s.sentences, 2);
        // Polysyllables: committee, considered, everything, carefully, afternoon,
        // Richardson, disagreed, several, obviously.
        assert_eq!(s.polysyllables, 9);
        // Complex: not Richardson (proper noun), considered (consider + ed is 3: complex),
        // disagreed (disagree is 3: complex).
        assert_eq!(s.complex_words, 8);
    }
}
