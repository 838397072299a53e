//! Language identification.
//!
//! Function words identify a language cheaply and reliably in running text: a paragraph of
//! English is 30-50 % "the, of, and, to, ...". chaff counts, over the distinct words of an
//! article, the occurrences of the most frequent function words of seven European languages
//! (en, de, fr, es, it, pt, nl). When one language clearly leads (its share of the words is at
//! least 12 % and at least twice the runner-up's) it is the answer, with confidence
//! `1 - runner_up / best`. Otherwise `whatlang` (trigram profiles, 69 languages) decides on up to
//! 1 KB of the paragraphs written in the dominant script. Kana marks Japanese, Hangul Korean,
//! Han alone Chinese. Fewer than 60 letters: `und`, since every method guesses on snippets.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::script::{prefix_at_char_boundary, Script, ScriptCounts};

/// A detected language: an ISO 639-1 code (`und` when unsure) and a confidence in 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Language {
    /// ISO 639-1 code as in the datasets (`en`, `de`, `ja`), or `und`.
    pub code: &'static str,
    /// How sure the detector is, 0..1 (0 for `und`).
    pub confidence: f64,
}

impl Language {
    /// The undetermined language.
    pub const UNDETERMINED: Language = Language { code: "und", confidence: 0.0 };
}

/// Below this many letters every detector guesses too often (STACK.md: whatlang gets 5 of 12
/// snippets of four words or fewer right).
pub(crate) const MIN_LETTERS_FOR_DETECTION: u32 = 60;
/// Bytes of text given to whatlang when function words do not decide.
const WHATLANG_SAMPLE_BYTES: usize = 1024;
/// The leading language must cover at least this share of the words...
const MIN_FUNCTION_WORD_SHARE: f64 = 0.12;
/// ...and at least this multiple of the runner-up's share.
const MIN_LEAD_FACTOR: f64 = 2.0;

/// Languages with function-word lists, in bit order.
const FUNCTION_WORD_LANGUAGES: [&str; 7] = ["en", "de", "fr", "es", "it", "pt", "nl"];

/// The most frequent function words of each language (articles, prepositions, conjunctions,
/// pronouns, auxiliaries). Words shared by several languages are listed under each.
const FUNCTION_WORDS: [&[&str]; 7] = [
    &[
        "the", "of", "and", "to", "in", "is", "that", "it", "was", "for", "on", "with", "as", "he", "be", "at", "by",
        "this", "had", "from", "but", "not", "are", "have", "which", "were", "been", "has", "their", "they", "would",
        "will", "there", "what", "about", "can", "when", "who", "its", "an", "or", "she", "we", "you", "his", "her",
        "them", "than", "also", "after", "into", "more", "said", "could", "should", "these", "those", "our",
    ],
    &[
        "der", "die", "das", "und", "in", "ist", "nicht", "den", "dem", "des", "ein", "eine", "einer", "eines", "mit",
        "sich", "auf", "für", "von", "zu", "im", "auch", "es", "wird", "wurde", "sind", "bei", "nach", "aus", "als",
        "wie", "noch", "über", "oder", "aber", "sie", "er", "war", "werden", "hat", "haben", "dass", "einen", "zum",
        "zur", "vor", "durch", "nur", "bis", "wurden", "kann", "seine", "ihre", "diese", "dieser",
    ],
    &[
        "le", "la", "les", "et", "des", "du", "une", "un", "est", "que", "qui", "dans", "pour", "pas", "sur", "au",
        "aux", "avec", "ce", "cette", "il", "elle", "ont", "sont", "été", "son", "sa", "ses", "par", "plus", "mais",
        "ou", "nous", "vous", "leur", "être", "fait", "comme", "aussi", "entre", "où", "de", "en", "se", "ne", "ils",
        "lui", "était", "avait", "dont", "ces",
    ],
    &[
        "el", "la", "los", "las", "de", "y", "en", "que", "es", "por", "con", "para", "una", "un", "del", "se", "no",
        "su", "sus", "al", "lo", "como", "más", "pero", "sobre", "también", "fue", "ha", "son", "está", "entre",
        "este", "esta", "cuando", "muy", "sin", "hasta", "desde", "donde", "porque", "ya", "le", "era", "han",
        "fueron", "otros", "durante",
    ],
    &[
        "il", "della", "che", "di", "e", "la", "per", "un", "una", "sono", "con", "non", "del", "le", "gli", "nel",
        "alla", "anche", "come", "più", "questo", "è", "dei", "delle", "ma", "ha", "essere", "stato", "nella", "da",
        "dal", "si", "lo", "in", "al", "suo", "sua", "loro", "degli", "tra", "questa", "molto",
    ],
    &[
        "o", "os", "as", "da", "do", "das", "dos", "que", "em", "um", "uma", "para", "com", "não", "por", "mais", "na",
        "no", "se", "é", "ao", "foi", "são", "como", "mas", "também", "pelo", "pela", "seu", "sua", "muito", "já",
        "ele", "ela", "de", "e", "nos", "nas", "entre", "quando", "isso", "ser", "tem",
    ],
    &[
        "de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "maar",
        "ook", "als", "bij", "door", "om", "dan", "nog", "wordt", "worden", "hij", "zij", "ze", "werd", "uit", "naar",
        "over", "deze", "dit", "wat", "in", "heeft", "hebben", "kan", "die", "tot",
    ],
];

/// Function word -> bit mask of the languages that list it, keyed by [`packed`] (every
/// function word has at most eight bytes, which a test checks).
static FUNCTION_WORD_MASKS: LazyLock<FxHashMap<u64, u8>> = LazyLock::new(|| {
    let mut m: FxHashMap<u64, u8> = FxHashMap::default();
    for (bit, words) in FUNCTION_WORDS.iter().enumerate() {
        for w in *words {
            if let Some(key) = packed(w) {
                *m.entry(key).or_insert(0) |= 1 << bit;
            }
        }
    }
    m
});

/// A word of one to eight bytes as one integer: its bytes, little-endian, then a 0xff byte
/// (when shorter than eight) so that no two such words share a key, even with NUL bytes.
/// Longer words are no function words: `None`.
fn packed(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    Some(super::ascii::pack_short(b) | super::ascii::length_marker(b.len()))
}

/// The [`packed`] key of the word `bytes[start..end]`, or [`NO_KEY`] for a word longer than
/// eight bytes (or empty), worked out without a branch on its length (word lengths vary too
/// irregularly for one to be predicted).
#[inline]
pub(crate) fn packed_at(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let head = super::ascii::load_padded(bytes, start, start + len.min(8));
    let key = head | super::ascii::length_marker(len.min(8));
    if (1..=8).contains(&len) {
        key
    } else {
        NO_KEY
    }
}

/// The key of no word (every [`packed`] key of an eight-byte word holds its bytes, and eight
/// 0xff bytes are not UTF-8).
pub(crate) const NO_KEY: u64 = u64::MAX;

/// Share of `total` words that are function words of each language; `vocab` gives each
/// distinct word's [`packed_at`] key and frequency.
fn function_word_shares(vocab: impl Iterator<Item = (u64, u32)>, total: u32) -> [f64; 7] {
    let mut counts = [0u32; 7];
    let masks = &*FUNCTION_WORD_MASKS;
    for (key, freq) in vocab {
        if let Some(&mask) = masks.get(&key) {
            for (bit, c) in counts.iter_mut().enumerate() {
                if mask & (1 << bit) != 0 {
                    *c += freq;
                }
            }
        }
    }
    counts.map(|c| c as f64 / total.max(1) as f64)
}

/// Detect the language of a text from its letter counts, its paragraphs and its distinct
/// lowercase words (their [`packed_at`] keys) with their frequencies (`total_words` in all).
pub(crate) fn detect<'a>(
    counts: &ScriptCounts,
    paragraphs: impl Iterator<Item = &'a str>,
    vocab: impl Iterator<Item = (u64, u32)>,
    total_words: u32,
) -> Language {
    let Some(dominant) = counts.dominant() else {
        return Language::UNDETERMINED;
    };
    let total = counts.total().max(1) as f64;
    match dominant {
        Script::Kana => {
            let share = (counts.get(Script::Kana) + counts.get(Script::Han)) as f64 / total;
            return Language { code: "ja", confidence: share.min(1.0) };
        }
        Script::Han => return Language { code: "zh", confidence: (counts.get(Script::Han) as f64 / total).min(1.0) },
        Script::Hangul => {
            return Language { code: "ko", confidence: (counts.get(Script::Hangul) as f64 / total).min(1.0) }
        }
        _ => {}
    }
    if counts.get(dominant) < MIN_LETTERS_FOR_DETECTION {
        return Language::UNDETERMINED;
    }
    if dominant == Script::Latin {
        let shares = function_word_shares(vocab, total_words);
        let mut order: Vec<usize> = (0..shares.len()).collect();
        order.sort_by(|&a, &b| shares[b].total_cmp(&shares[a]));
        let (best, second) = (shares[order[0]], shares[order[1]]);
        if best >= MIN_FUNCTION_WORD_SHARE && best >= MIN_LEAD_FACTOR * second {
            return Language {
                code: FUNCTION_WORD_LANGUAGES[order[0]],
                confidence: (1.0 - second / best).clamp(0.0, 1.0),
            };
        }
    }
    whatlang_on_sample(dominant, paragraphs)
}

/// whatlang on up to 1 KB of the paragraphs written in `dominant`.
fn whatlang_on_sample<'a>(dominant: Script, paragraphs: impl Iterator<Item = &'a str>) -> Language {
    let mut sample = String::with_capacity(WHATLANG_SAMPLE_BYTES + 64);
    for p in paragraphs {
        if ScriptCounts::of(p).dominant() != Some(dominant) {
            continue;
        }
        if !sample.is_empty() {
            sample.push('\n');
        }
        let room = WHATLANG_SAMPLE_BYTES.saturating_sub(sample.len());
        sample.push_str(prefix_at_char_boundary(p, room));
        if sample.len() >= WHATLANG_SAMPLE_BYTES {
            break;
        }
    }
    match whatlang::detect(&sample) {
        Some(info) if info.is_reliable() => match iso639_1(info.lang()) {
            Some(code) => Language { code, confidence: info.confidence().clamp(0.0, 1.0) },
            None => Language::UNDETERMINED,
        },
        _ => Language::UNDETERMINED,
    }
}

/// ISO 639-1 code of a whatlang language, for the languages that have one.
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Slv => "sl",
        Hrv => "hr",
        Hun => "hu",
        Ron => "ro",
        Tur => "tr",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Rus => "ru",
        Ukr => "uk",
        Bul => "bg",
        Srp => "sr",
        Bel => "be",
        Mkd => "mk",
        Ell => "el",
        Heb => "he",
        Ara => "ar",
        Pes => "fa",
        Urd => "ur",
        Hin => "hi",
        Mar => "mr",
        Ben => "bn",
        Tha => "th",
        Vie => "vi",
        Ind => "id",
        Jpn => "ja",
        Cmn => "zh",
        Kor => "ko",
        Cat => "ca",
        Epo => "eo",
        Afr => "af",
        Lat => "la",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::text::Document;

    fn lang(text: &str) -> &'static str {
        Document::new(text).language().code
    }

    #[test]
    fn function_word_lists_are_lowercase_and_unique_per_language() {
        for words in super::FUNCTION_WORDS {
            let mut seen = std::collections::HashSet::new();
            for w in words {
                assert_eq!(*w, w.to_lowercase());
                assert!(seen.insert(w), "duplicate {w}");
                // The lookup table is keyed by the packed bytes: longer words would be lost.
                assert!(super::packed(w).is_some(), "{w} has more than eight bytes");
            }
        }
    }

    #[test]
    fn packed_keys_are_distinct_and_bounded() {
        use super::packed;
        assert_eq!(packed("the"), Some(u64::from_le_bytes([b't', b'h', b'e', 0xff, 0, 0, 0, 0])));
        assert_eq!(packed("für"), Some(u64::from_le_bytes([b'f', 0xc3, 0xbc, b'r', 0xff, 0, 0, 0])));
        assert_eq!(packed("abcdefgh"), Some(u64::from_le_bytes(*b"abcdefgh")));
        assert_eq!(packed(""), None);
        assert_eq!(packed("abcdefghi"), None);
        // A trailing NUL does not make a word equal to the shorter one.
        assert_ne!(packed("the\0"), packed("the"));
        assert_ne!(packed("a"), packed("a\0"));
    }

    #[test]
    fn keys_read_in_place_equal_packed_keys() {
        use super::{packed, packed_at, NO_KEY};
        let text = "a für the abcdefgh abcdefghi x\0 déjà vu";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len() {
                let Ok(w) = std::str::from_utf8(&b[start..end]) else { continue };
                assert_eq!(packed_at(b, start, end), packed(w).unwrap_or(NO_KEY), "{w:?}");
            }
        }
    }

    #[test]
    fn detects_major_languages() {
        let cases = [
            ("en", "The committee met on Tuesday to discuss the budget for the coming year, and the members agreed to delay the vote until the spring."),
            ("de", "Der Ausschuss traf sich am Dienstag, um den Haushalt für das kommende Jahr zu besprechen, und die Mitglieder einigten sich darauf, die Abstimmung zu verschieben."),
            ("fr", "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine, et les membres ont accepté de reporter le vote au printemps."),
            ("es", "El comité se reunió el martes para discutir el presupuesto del próximo año, y los miembros acordaron aplazar la votación hasta la primavera."),
            ("it", "Il comitato si è riunito martedì per discutere il bilancio del prossimo anno, e i membri hanno deciso di rinviare il voto alla primavera."),
            ("pt", "O comitê se reuniu na terça-feira para discutir o orçamento do próximo ano, e os membros concordaram em adiar a votação para a primavera."),
            ("nl", "De commissie kwam dinsdag bijeen om de begroting voor het komende jaar te bespreken, en de leden besloten de stemming uit te stellen tot het voorjaar."),
            ("ru", "Комитет собрался во вторник, чтобы обсудить бюджет на следующий год, и члены комитета договорились отложить голосование до весны."),
            ("ja", "日本語はむずかしい。"),
        ];
        for (want, text) in cases {
            assert_eq!(lang(text), want, "{text}");
        }
        assert!(Document::new(cases[0].1).language().confidence > 0.5);
    }

    #[test]
    fn short_or_empty_text_is_undetermined() {
        assert_eq!(lang("Best price guaranteed"), "und");
        assert_eq!(lang(""), "und");
        assert_eq!(lang("1234 !!! ..."), "und");
    }

    #[test]
    fn english_body_wins_over_japanese_lead() {
        let text = "日本とフィリピンの防衛当局が戦略的対話を開始することで合意しました。\n\nThe defence ministers of both countries met in Manila on Monday and agreed to hold regular talks on maritime security, a step that officials described as overdue.\n\nThe talks will start next year and will cover coast guard training, joint patrols and the sharing of radar data between the two navies.";
        assert_eq!(lang(text), "en");
    }
}
