//! Readability: the classic formulas over word, sentence, letter and syllable counts.
//!
//! Filler written to a template, and much machine text, sits in a narrow band of reading ease:
//! even sentence lengths and a steady share of long Latinate words. Human news and essays
//! spread wider, in both directions.
//!
//! Counting rules, shared by every feature in this file (computed once per document by
//! [`totals::stats`], or [`totals::word_stats`] for languages without syllable rules):
//! - **words** (W): tokens with at least one letter; numbers ("42", "3.5") are not words;
//! - **sentences** (S): sentences ([`crate::text::Document::sentences`]) that hold at least one word;
//! - **letters**: the alphanumeric characters of the words ("don't" has 4, "U.S" 2); a
//!   **long word** has more than 6;
//! - **syllables** (Y): [`crate::text::syllables::english`] for English (CMUdict exceptions, then rules),
//!   vowel groups for German, French and Spanish; every word has at least one;
//! - **polysyllables** (P): words of 3 or more syllables; **complex words** (C, Gunning Fog):
//!   polysyllables, except capitalised words that do not open a sentence (proper nouns) and
//!   words that reach 3 syllables only through "-ed", "-es" or "-ing" ("created" from
//!   "create" is not complex, "considered" from "consider" is).
//!
//! Every feature is `None` when the text has no word or no sentence with a word.
//!
//! Compared with Python textstat 0.7.13 on the 12,868 English rows of the training corpora
//! that chaff detects as English (`benches/textstat_compare.py` writes textstat's values),
//! the median difference chaff - textstat is -0.3 for flesch_reading_ease, 0.0 for
//! flesch_kincaid_grade and smog_index, +0.3 for coleman_liau_index, -0.7 for
//! automated_readability_index and -0.8 for gunning_fog, with correlations from 0.91 (Fog)
//! to 0.99 (Coleman-Liau). The causes: textstat splits words at spaces (numbers count as
//! words, "well-known" is one word), splits sentences at every ". ! ?" (also inside "U.S." and
//! "3.5", but not at line breaks) and drops sentences of two words or fewer from the count (on
//! a tenth of the texts it counts 12 % more sentences than chaff or more), takes the first
//! CMUdict pronunciation and hyphenates unknown words with Pyphen,
//! counts punctuation as characters in ARI, uses 0.058 instead of Coleman and Liau's 0.0588,
//! and counts as Fog's complex words the words of 3+ syllables missing from the Dale-Chall
//! easy-word list.

mod totals;

use super::{ratio, Analysis, Applicability, Cue, Feature};
use totals::{SyllableStats, WordStats};

/// Languages with syllable counts.
const SYLLABLE_LANGUAGES: Applicability = Applicability::Languages(&["en", "de", "fr", "es"]);
/// English only.
const ENGLISH: Applicability = Applicability::Languages(&["en"]);

/// Syllable statistics with at least one word and one sentence.
fn syl(doc: &Analysis<'_>) -> Option<SyllableStats> {
    totals::stats(doc).filter(|s| s.words > 0 && s.sentences > 0)
}

/// Word statistics (any language) with at least one word and one sentence.
fn wst(doc: &Analysis<'_>) -> Option<WordStats> {
    let w = match totals::stats(doc) {
        Some(s) => s.word_stats(),
        None => totals::word_stats(doc),
    };
    (w.words > 0 && w.sentences > 0).then_some(w)
}

/// Words per sentence.
fn asl(words: u32, sentences: u32) -> f64 {
    words as f64 / sentences as f64
}

/// Syllables per word.
fn asw(s: &SyllableStats) -> f64 {
    s.syllables as f64 / s.words as f64
}

/// Flesch Reading Ease.
pub(crate) const FLESCH_READING_EASE: Feature = Feature {
    name: "flesch_reading_ease",
    summary: "Flesch Reading Ease (English): higher is easier, 60-70 is plain English.",
    doc: "What it measures: how easy English prose is to read, from sentence length and word length in syllables (Flesch 1948). Scores run from about 0 (academic) to 100 (children's books); plain English is 60-70.\n\
Formula: 206.835 - 1.015 * W/S - 84.6 * Y/W (words W, sentences S, syllables Y as defined in the readability module docs).\n\
Example: \"The young teacher opened the window because the room was warm. The children played happily in the beautiful garden outside.\" has W = 20, S = 2, Y = 31 (15 + 16 syllables), so 206.835 - 1.015 * 10 - 84.6 * 1.55 = 65.555.\n\
Limits: English only (German, French and Spanish have their own variants). Unstable on a few sentences. Syllables come from CMUdict where the rules disagree with it; unknown words use rules that agree with CMUdict on about 95 % of its words. textstat gives 0.3 points more in the median on news text (4 points more on a tenth of the texts, where it splits sentences at abbreviations and decimal points); see the module docs.",
    applies: ENGLISH,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| 206.835 - 1.015 * asl(s.words, s.sentences) - 84.6 * asw(&s))
    },
    evidence: None,
};

/// Flesch-Kincaid grade level.
pub(crate) const FLESCH_KINCAID_GRADE: Feature = Feature {
    name: "flesch_kincaid_grade",
    summary: "Flesch-Kincaid grade level (English): US school grade needed to follow the text.",
    doc: "What it measures: the US school grade a reader needs for an English text, from sentence length and syllables per word (Kincaid et al. 1975).\n\
Formula: 0.39 * W/S + 11.8 * Y/W - 15.59.\n\
Example: the two sentences of flesch_reading_ease (W = 20, S = 2, Y = 31) -> 0.39 * 10 + 11.8 * 1.55 - 15.59 = 6.6.\n\
Limits: English only; can be negative for very simple text. Same counting caveats as flesch_reading_ease.",
    applies: ENGLISH,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| 0.39 * asl(s.words, s.sentences) + 11.8 * asw(&s) - 15.59)
    },
    evidence: None,
};

/// Gunning Fog index.
pub(crate) const GUNNING_FOG: Feature = Feature {
    name: "gunning_fog",
    summary: "Gunning Fog index (English): grade level from sentence length and complex words.",
    doc: "What it measures: years of schooling needed to read an English text on first reading (Gunning 1952), from sentence length and the share of complex words.\n\
Formula: 0.4 * (W/S + 100 * C/W), where C counts complex words: words of 3 or more syllables, except capitalised words that do not open a sentence (taken as proper nouns) and words that reach 3 syllables only through an -ed, -es or -ing ending (\"created\" is not complex because \"create\" has 2 syllables; \"considered\" is, because \"consider\" has 3). Gunning also excluded familiar jargon and hyphenated compounds; chaff does not (hyphenated words are split into their parts anyway).\n\
Example: the two sentences of flesch_reading_ease have W = 20, S = 2 and two complex words (happily, beautiful) -> 0.4 * (10 + 100 * 2 / 20) = 8.0.\n\
Limits: English only. The proper-noun rule misses lowercase names and treats capitalised words inside a title-case heading as names. textstat instead counts as complex the words of 3+ syllables that are not on the Dale-Chall list of easy words, so its values differ.",
    applies: ENGLISH,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| {
            0.4 * (asl(s.words, s.sentences) + 100.0 * s.complex_words as f64 / s.words as f64)
        })
    },
    evidence: None,
};

/// SMOG grade.
pub(crate) const SMOG_INDEX: Feature = Feature {
    name: "smog_index",
    summary: "SMOG grade (English): grade level from polysyllables per 30 sentences.",
    doc: "What it measures: the grade level an English text needs, from the number of words of 3 or more syllables (McLaughlin 1969), normalised to a 30-sentence sample.\n\
Formula: 1.0430 * sqrt(P * 30 / S) + 3.1291, where P counts all words of 3 or more syllables (proper nouns included, unlike gunning_fog).\n\
Example: the two sentences of flesch_reading_ease have P = 2 (happily, beautiful) and S = 2 -> 1.0430 * sqrt(30) + 3.1291 = 8.8418.\n\
Limits: English only. Designed for samples of 30 sentences or more; on fewer sentences the normalisation extrapolates and the value is noisy (computed from 1 sentence on, as textstat does).",
    applies: ENGLISH,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| {
            1.0430 * (s.polysyllables as f64 * 30.0 / s.sentences as f64).sqrt() + 3.1291
        })
    },
    evidence: None,
};

/// Coleman-Liau index.
pub(crate) const COLEMAN_LIAU_INDEX: Feature = Feature {
    name: "coleman_liau_index",
    summary: "Coleman-Liau index (English): grade level from letters and sentences per 100 words.",
    doc: "What it measures: the grade level of an English text from word length in letters rather than syllables (Coleman and Liau 1975).\n\
Formula: 0.0588 * L - 0.296 * S100 - 15.8, where L = letters per 100 words and S100 = sentences per 100 words.\n\
Example: the two sentences of flesch_reading_ease have 102 letters in W = 20 words and S = 2 -> L = 510, S100 = 10, 0.0588 * 510 - 0.296 * 10 - 15.8 = 11.228.\n\
Limits: English only. Letters are alphanumeric characters of words; textstat counts the non-space, non-punctuation characters of the text (numbers included) and uses 0.058 for 0.0588, so it gives 0.3 less in the median.",
    applies: ENGLISH,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| {
            let per100 = 100.0 / s.words as f64;
            0.0588 * s.letters as f64 * per100 - 0.296 * s.sentences as f64 * per100 - 15.8
        })
    },
    evidence: None,
};

/// Automated Readability Index.
pub(crate) const AUTOMATED_READABILITY_INDEX: Feature = Feature {
    name: "automated_readability_index",
    summary: "Automated Readability Index (English): grade level from characters per word.",
    doc: "What it measures: the grade level of an English text from characters per word and words per sentence (Smith and Senter 1967).\n\
Formula: 4.71 * letters/W + 0.5 * W/S - 21.43 (letters = alphanumeric characters of the words).\n\
Example: the two sentences of flesch_reading_ease have 102 letters, W = 20, S = 2 -> 4.71 * 5.1 + 0.5 * 10 - 21.43 = 7.591.\n\
Limits: English only (the constants were fitted on English school texts). textstat counts punctuation as characters and gives 0.7 more in the median.",
    applies: ENGLISH,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| {
            4.71 * s.letters as f64 / s.words as f64 + 0.5 * asl(s.words, s.sentences) - 21.43
        })
    },
    evidence: None,
};

/// LIX (Björnsson).
pub(crate) const LIX: Feature = Feature {
    name: "lix",
    summary: "LIX readability (any spaced language): words per sentence + percentage of long words.",
    doc: "What it measures: readability without syllables (Björnsson 1968), so it works for any language written with spaces. Around 30 is easy, 40 plain prose, 50 technical, 60 and more very hard.\n\
Formula: W/S + 100 * long/W, where long words have more than 6 letters (alphanumeric characters).\n\
Example: the two sentences of flesch_reading_ease have W = 20, S = 2 and 6 long words (teacher, because, children, happily, beautiful, outside) -> 10 + 100 * 6 / 20 = 40.0.\n\
Limits: not applicable to Chinese, Japanese and Thai. Compounding languages (German, Finnish) have more long words for the same difficulty; compare texts within one language.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        wst(doc).map(|w| asl(w.words, w.sentences) + 100.0 * w.long_words as f64 / w.words as f64)
    },
    evidence: None,
};

/// RIX (Anderson).
pub(crate) const RIX: Feature = Feature {
    name: "rix",
    summary: "RIX readability (any spaced language): long words per sentence.",
    doc: "What it measures: long words per sentence (Anderson 1983), a simplification of LIX.\n\
Formula: long / S, where long words have more than 6 letters.\n\
Example: the two sentences of flesch_reading_ease have 6 long words in S = 2 sentences -> 3.0.\n\
Limits: not applicable to Chinese, Japanese and Thai; compare texts within one language.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| wst(doc).map(|w| w.long_words as f64 / w.sentences as f64),
    evidence: None,
};

/// Flesch Reading Ease for German (Amstad).
pub(crate) const FLESCH_AMSTAD_DE: Feature = Feature {
    name: "flesch_amstad_de",
    summary: "Flesch Reading Ease adapted to German by Amstad (1978): higher is easier.",
    doc: "What it measures: the German adaptation of Flesch Reading Ease (Amstad 1978), on the same 0-100 scale.\n\
Formula: 180 - W/S - 58.5 * Y/W, syllables counted as vowel groups (a e i o u y ä ö ü; \"ie\", \"au\", \"ei\" count once).\n\
Example: \"Der alte Mann ging langsam nach Hause. Die Kinder spielten fröhlich im Garten hinter dem Haus.\" has W = 16, S = 2, Y = 24 -> 180 - 8 - 58.5 * 1.5 = 84.25.\n\
Limits: German only. Vowel groups overcount a few loanwords and undercount hiatus (\"Museum\", \"Theater\"), by a few percent of syllables.",
    applies: Applicability::Languages(&["de"]),
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| 180.0 - asl(s.words, s.sentences) - 58.5 * asw(&s))
    },
    evidence: None,
};

/// Kandel & Moles reading ease for French.
pub(crate) const KANDEL_MOLES_FR: Feature = Feature {
    name: "kandel_moles_fr",
    summary: "Flesch Reading Ease adapted to French by Kandel and Moles (1958): higher is easier.",
    doc: "What it measures: the French adaptation of Flesch Reading Ease (Kandel and Moles 1958).\n\
Formula: 207 - 1.015 * W/S - 73.6 * Y/W, syllables counted as vowel groups with a mute final -e, -es or -ent after a consonant (\"parlent\" has 1).\n\
Example: \"Le petit chat dort tranquillement sur le canapé. Les enfants jouent dans le jardin de la maison.\" has W = 17, S = 2, Y = 25 -> 207 - 1.015 * 8.5 - 73.6 * 25 / 17 = 90.1372.\n\
Limits: French only. The mute -ent rule also drops the syllable of nouns and adverbs in -ent after a consonant (\"argent\" counts 1), and hiatus (\"réaction\") is undercounted.",
    applies: Applicability::Languages(&["fr"]),
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| 207.0 - 1.015 * asl(s.words, s.sentences) - 73.6 * asw(&s))
    },
    evidence: None,
};

/// Fernández Huerta reading ease for Spanish.
pub(crate) const FERNANDEZ_HUERTA_ES: Feature = Feature {
    name: "fernandez_huerta_es",
    summary: "Fernández Huerta (1959) reading ease for Spanish, corrected form: higher is easier.",
    doc: "What it measures: the Spanish adaptation of Flesch Reading Ease by Fernández Huerta (1959), on the same 0-100 scale.\n\
Formula: 206.84 - 0.60 * P - 1.02 * W/S, with P = syllables per 100 words (= 60 * Y/W) and W/S = words per sentence. The formula is usually printed as 206.84 - 0.60 P - 1.02 F with F = sentences per 100 words; Law (2011, \"Error in the Fernandez Huerta Readability Formula\", LINGUIST List 22.2332) showed that this makes more (shorter) sentences score harder and that the constants are Flesch's own (1.015 ~ 1.02 per word per sentence, 84.6 / 1.4 ~ 0.60 per syllable), so the sentence term must be words per sentence. chaff uses that corrected form, as do textstat (fernandez_huerta) and legible.es.\n\
Example: \"El perro pequeño duerme tranquilamente en el sofá. Los niños juegan en el jardín de la casa.\" has W = 17, S = 2, Y = 30 -> 206.84 - 0.60 * 176.4706 - 1.02 * 8.5 = 92.2876.\n\
Limits: Spanish only. Syllables are vowel groups (a e i o u á é í ó ú ü; y is not a vowel), which merges hiatus (\"país\", \"leer\" count 1) and so undercounts slightly.",
    applies: Applicability::Languages(&["es"]),
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        syl(doc).map(|s| 206.84 - 60.0 * asw(&s) - 1.02 * asl(s.words, s.sentences))
    },
    evidence: None,
};

/// Mean syllables per word.
pub(crate) const SYLLABLES_PER_WORD: Feature = Feature {
    name: "syllables_per_word",
    summary: "Mean syllables per word (English, German, French, Spanish).",
    doc: "What it measures: how long words are in syllables; Latinate, abstract vocabulary raises it.\n\
Formula: Y / W.\n\
Example: the two sentences of flesch_reading_ease -> 31 / 20 = 1.55.\n\
Limits: English (CMUdict-backed), German, French and Spanish (vowel-group rules); not applicable to other languages.",
    applies: SYLLABLE_LANGUAGES,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| syl(doc).map(|s| asw(&s)),
    evidence: None,
};

/// Mean letters per word.
pub(crate) const CHARS_PER_WORD: Feature = Feature {
    name: "chars_per_word",
    summary: "Mean letters and digits per word (any spaced language).",
    doc: "What it measures: mean word length in characters.\n\
Formula: letters / W, where letters are the alphanumeric characters of the words (apostrophes and inner periods excluded; numbers are not words).\n\
Example: the two sentences of flesch_reading_ease -> 102 / 20 = 5.1.\n\
Limits: not applicable to Chinese, Japanese and Thai. Differs by language; compare within one.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| {
        wst(doc).and_then(|w| ratio(w.letters as f64, w.words as f64))
    },
    evidence: None,
};

/// Share of words with 3 or more syllables.
pub(crate) const POLYSYLLABLE_RATIO: Feature = Feature {
    name: "polysyllable_ratio",
    summary: "Share of words with three or more syllables (English, German, French, Spanish).",
    doc: "What it measures: the share of long words in syllables, SMOG's ingredient.\n\
Formula: P / W, P = words of 3 or more syllables.\n\
Example: the two sentences of flesch_reading_ease -> 2 / 20 = 0.1.\n\
Limits: English, German, French and Spanish only; counts depend on the syllable rules of each language.",
    applies: SYLLABLE_LANGUAGES,
    cue: Cue::Register,
    compute: |doc: &Analysis<'_>| syl(doc).and_then(|s| ratio(s.polysyllables as f64, s.words as f64)),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    FLESCH_READING_EASE,
    FLESCH_KINCAID_GRADE,
    GUNNING_FOG,
    SMOG_INDEX,
    COLEMAN_LIAU_INDEX,
    AUTOMATED_READABILITY_INDEX,
    LIX,
    RIX,
    FLESCH_AMSTAD_DE,
    KANDEL_MOLES_FR,
    FERNANDEZ_HUERTA_ES,
    SYLLABLES_PER_WORD,
    CHARS_PER_WORD,
    POLYSYLLABLE_RATIO,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};
    use crate::features::Context;
    use crate::text::Document;

    /// W = 20, S = 2, Y = 15 + 16 = 31; polysyllables and complex words: happily,
    /// beautiful; letters 51 + 51 = 102; long words: teacher, because, children, happily,
    /// beautiful, outside.
    const EN: &str = "The young teacher opened the window because the room was warm. \
                      The children played happily in the beautiful garden outside.";
    /// W = 16, S = 2, Y = 10 + 14 = 24 (vowel groups).
    const DE: &str = "Der alte Mann ging langsam nach Hause. \
                      Die Kinder spielten fröhlich im Garten hinter dem Haus.";
    /// W = 17, S = 2, Y = 25 (tranquillement 3, canapé 3, jouent 1).
    const FR: &str = "Le petit chat dort tranquillement sur le canapé. \
                      Les enfants jouent dans le jardin de la maison.";
    /// W = 17, S = 2, Y = 30 (pequeño 3, tranquilamente 5).
    const ES: &str = "El perro pequeño duerme tranquilamente en el sofá. \
                      Los niños juegan en el jardín de la casa.";
    const JA: &str = "今日は晴れです。明日は雨ですか？東京タワーはとても高いです。";

    #[test]
    fn worked_example_counts() {
        let s = totals::stats(&Analysis::new(&Document::new(EN), &Context::default())).unwrap();
        assert_eq!((s.words, s.sentences, s.syllables, s.letters, s.long_words), (20, 2, 31, 102, 6));
        assert_eq!((s.polysyllables, s.complex_words), (2, 2));
        let s = totals::stats(&Analysis::new(&Document::new(DE), &Context::default())).unwrap();
        assert_eq!((s.words, s.sentences, s.syllables), (16, 2, 24));
        let s = totals::stats(&Analysis::new(&Document::new(FR), &Context::default())).unwrap();
        assert_eq!((s.words, s.sentences, s.syllables), (17, 2, 25));
        let s = totals::stats(&Analysis::new(&Document::new(ES), &Context::default())).unwrap();
        assert_eq!((s.words, s.sentences, s.syllables), (17, 2, 30));
    }

    #[test]
    fn english_formulas() {
        assert_value(&FLESCH_READING_EASE, EN, 65.555, 1e-9);
        assert_value(&FLESCH_KINCAID_GRADE, EN, 6.6, 1e-9);
        assert_value(&GUNNING_FOG, EN, 8.0, 1e-9);
        assert_value(&SMOG_INDEX, EN, 1.0430 * 30f64.sqrt() + 3.1291, 1e-9);
        assert_value(&SMOG_INDEX, EN, 8.8418, 1e-4);
        assert_value(&COLEMAN_LIAU_INDEX, EN, 11.228, 1e-9);
        assert_value(&AUTOMATED_READABILITY_INDEX, EN, 7.591, 1e-9);
        assert_value(&SYLLABLES_PER_WORD, EN, 1.55, 1e-12);
        assert_value(&POLYSYLLABLE_RATIO, EN, 0.1, 1e-12);
    }

    #[test]
    fn language_free_formulas() {
        assert_value(&LIX, EN, 40.0, 1e-9);
        assert_value(&RIX, EN, 3.0, 1e-12);
        assert_value(&CHARS_PER_WORD, EN, 5.1, 1e-12);
        // German: 3 long words (langsam, spielten, fröhlich); letters 77.
        assert_value(&LIX, DE, 8.0 + 100.0 * 3.0 / 16.0, 1e-9);
        assert_value(&CHARS_PER_WORD, DE, 77.0 / 16.0, 1e-12);
    }

    #[test]
    fn other_languages() {
        assert_value(&FLESCH_AMSTAD_DE, DE, 84.25, 1e-9);
        assert_value(&KANDEL_MOLES_FR, FR, 207.0 - 1.015 * 8.5 - 73.6 * 25.0 / 17.0, 1e-9);
        assert_value(&KANDEL_MOLES_FR, FR, 90.1372, 1e-4);
        assert_value(&FERNANDEZ_HUERTA_ES, ES, 206.84 - 0.60 * (100.0 * 30.0 / 17.0) - 1.02 * 8.5, 1e-9);
        assert_value(&FERNANDEZ_HUERTA_ES, ES, 92.2876, 1e-4);
        assert_value(&SYLLABLES_PER_WORD, DE, 1.5, 1e-12);
        assert_value(&POLYSYLLABLE_RATIO, FR, 2.0 / 17.0, 1e-12);
    }

    #[test]
    fn gunning_excludes_proper_nouns_and_inflections() {
        // Polysyllables: Yesterday (opens the sentence: complex), Jennifer and Anderson
        // (capitalised inside the sentence: proper nouns), considered ("consider" has 3:
        // complex), decided ("decide" has 2: not complex), beautiful, difficult, family
        // (complex). W = 12 + 13 = 25, S = 2, C = 5.
        let text = "Yesterday Jennifer Anderson considered the plan and decided to stay at home. \
                    It was a beautiful but difficult day for the family and the town.";
        let s = totals::stats(&Analysis::new(&Document::new(text), &Context::default())).unwrap();
        assert_eq!((s.words, s.sentences), (25, 2));
        assert_eq!((s.polysyllables, s.complex_words), (8, 5));
        assert_value(&GUNNING_FOG, text, 0.4 * (12.5 + 100.0 * 5.0 / 25.0), 1e-9);
    }

    #[test]
    fn not_applicable() {
        for f in [
            &FLESCH_READING_EASE,
            &FLESCH_KINCAID_GRADE,
            &GUNNING_FOG,
            &SMOG_INDEX,
            &COLEMAN_LIAU_INDEX,
            &AUTOMATED_READABILITY_INDEX,
        ] {
            assert_na(f, DE);
            assert_na(f, "");
        }
        for f in [&LIX, &RIX, &CHARS_PER_WORD] {
            assert_na(f, JA);
            assert_na(f, "");
            assert_na(f, "42 17 3.5");
        }
        assert_na(&FLESCH_AMSTAD_DE, EN);
        assert_na(&KANDEL_MOLES_FR, DE);
        assert_na(&FERNANDEZ_HUERTA_ES, FR);
        assert_na(&SYLLABLES_PER_WORD, JA);
        assert_na(&POLYSYLLABLE_RATIO, "");
    }
}
