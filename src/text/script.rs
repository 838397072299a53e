//! Writing systems and language. Scripts are counted per letter over the whole text; the
//! dominant script decides whether word-based metrics apply (they do not for Chinese or
//! Japanese, which are written without spaces). The language of Latin, Cyrillic and other
//! alphabetic text comes from `whatlang`, run on a bounded sample of the paragraphs written in
//! the dominant script (so a Japanese lead paragraph does not decide the language of an English
//! article, and long articles cost no more than short ones). Kana marks Japanese, Hangul
//! Korean, Han alone Chinese.

/// A writing system, as far as chaff needs to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// Latin letters (English, German, French, Spanish, ...).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic.
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Devanagari.
    Devanagari,
    /// Han ideographs (Chinese characters, Japanese kanji).
    Han,
    /// Japanese hiragana and katakana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Thai.
    Thai,
    /// Any other letter.
    Other,
}

impl Script {
    /// Scripts written without spaces between words, where word counts are meaningless.
    pub fn is_unspaced(self) -> bool {
        matches!(self, Script::Han | Script::Kana | Script::Thai)
    }

    /// Han, kana and Hangul: the CJK scripts.
    pub fn is_cjk(self) -> bool {
        matches!(self, Script::Han | Script::Kana | Script::Hangul)
    }
}

/// The script of a letter, or `None` for digits, punctuation, symbols and spaces.
pub fn script_of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    let u = c as u32;
    let s = match u {
        0x00C0..=0x024F
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x0900..=0x097F => Script::Devanagari,
        0x0E00..=0x0E7F => Script::Thai,
        0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Script::Han,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    };
    // Combining marks and modifier letters in the ranges above are letters of that script;
    // anything that is not alphabetic (e.g. CJK punctuation) has no script.
    if matches!(s, Script::Kana) && (u == 0x30FB || u == 0x30A0) {
        return None;
    }
    Some(s)
}

/// Letter counts per script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScriptCounts {
    counts: [u32; 11],
}

impl ScriptCounts {
    /// Count the letters of `text`.
    pub fn of(text: &str) -> Self {
        let mut sc = ScriptCounts::default();
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            sc.counts[Script::Latin as usize] =
                bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() as u32;
            return sc;
        }
        for c in text.chars() {
            if let Some(s) = script_of(c) {
                sc.counts[s as usize] += 1;
            }
        }
        sc
    }

    /// Letters in script `s`.
    pub fn get(&self, s: Script) -> u32 {
        self.counts[s as usize]
    }

    /// All letters.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The script with the most letters; Kana and Han count together as Japanese when kana are
    /// present, since Japanese mixes both. `None` when there are no letters.
    pub fn dominant(&self) -> Option<Script> {
        let mut best: Option<(Script, u32)> = None;
        for s in ALL_SCRIPTS {
            let mut n = self.get(s);
            if s == Script::Kana && n > 0 {
                n += self.get(Script::Han);
            }
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

const ALL_SCRIPTS: [Script; 11] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Devanagari,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Thai,
    Script::Other,
];

/// A detected language: an ISO 639-1 code (`und` when unsure) and a confidence in 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Language {
    /// ISO 639-1 code as in the datasets (`en`, `de`, `ja`), or `und`.
    pub code: &'static str,
    /// How sure the detector is, 0..1 (0 for `und` without letters).
    pub confidence: f64,
}

impl Language {
    /// The undetermined language.
    pub const UNDETERMINED: Language = Language {
        code: "und",
        confidence: 0.0,
    };
}

/// Below this many letters whatlang guesses wrong too often (STACK.md: 5/12 right on snippets
/// of four words or fewer), so the language is `und`.
const MIN_LETTERS_FOR_DETECTION: u32 = 60;
/// Bytes of text given to whatlang: enough for a reliable guess, bounded for speed.
const DETECTION_SAMPLE_BYTES: usize = 2048;

/// Detect the language of a text whose paragraphs are `paragraphs` and whose letters are
/// counted in `counts`.
pub fn detect_language<'a>(
    paragraphs: impl Iterator<Item = &'a str>,
    counts: &ScriptCounts,
) -> Language {
    let Some(dominant) = counts.dominant() else {
        return Language::UNDETERMINED;
    };
    let total = counts.total().max(1) as f64;
    match dominant {
        Script::Kana => {
            let share = (counts.get(Script::Kana) + counts.get(Script::Han)) as f64 / total;
            return Language {
                code: "ja",
                confidence: share.min(1.0),
            };
        }
        Script::Han => {
            return Language {
                code: "zh",
                confidence: (counts.get(Script::Han) as f64 / total).min(1.0),
            }
        }
        Script::Hangul => {
            return Language {
                code: "ko",
                confidence: (counts.get(Script::Hangul) as f64 / total).min(1.0),
            }
        }
        _ => {}
    }
    if counts.get(dominant) < MIN_LETTERS_FOR_DETECTION {
        return Language::UNDETERMINED;
    }
    // Sample the paragraphs written in the dominant script.
    let mut sample = String::with_capacity(DETECTION_SAMPLE_BYTES + 64);
    for p in paragraphs {
        if ScriptCounts::of(p).dominant() != Some(dominant) {
            continue;
        }
        if !sample.is_empty() {
            sample.push('\n');
        }
        let room = DETECTION_SAMPLE_BYTES.saturating_sub(sample.len());
        sample.push_str(prefix_at_char_boundary(p, room));
        if sample.len() >= DETECTION_SAMPLE_BYTES {
            break;
        }
    }
    match whatlang::detect(&sample) {
        Some(info) if info.is_reliable() => match iso639_1(info.lang()) {
            Some(code) => Language {
                code,
                confidence: info.confidence().clamp(0.0, 1.0),
            },
            None => Language::UNDETERMINED,
        },
        _ => Language::UNDETERMINED,
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub fn prefix_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
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
    use super::*;

    fn lang(text: &str) -> Language {
        detect_language(text.split("\n\n"), &ScriptCounts::of(text))
    }

    #[test]
    fn scripts_of_letters() {
        assert_eq!(script_of('a'), Some(Script::Latin));
        assert_eq!(script_of('ß'), Some(Script::Latin));
        assert_eq!(script_of('ж'), Some(Script::Cyrillic));
        assert_eq!(script_of('の'), Some(Script::Kana));
        assert_eq!(script_of('日'), Some(Script::Han));
        assert_eq!(script_of('한'), Some(Script::Hangul));
        assert_eq!(script_of('7'), None);
        assert_eq!(script_of('。'), None);
        assert_eq!(script_of('🙂'), None);
    }

    #[test]
    fn japanese_counts_kana_with_kanji() {
        // 3 kanji + 4 kana: Japanese, not Chinese, even though Han is the largest single script.
        let c = ScriptCounts::of("日本語はむずかしい");
        assert_eq!(c.get(Script::Han), 3);
        assert_eq!(c.dominant(), Some(Script::Kana));
        assert_eq!(lang("日本語はむずかしい。").code, "ja");
    }

    #[test]
    fn detects_major_languages() {
        let en = "The committee met on Tuesday to discuss the budget for the coming year, and the members agreed to delay the vote until the spring.";
        let de = "Der Ausschuss traf sich am Dienstag, um den Haushalt für das kommende Jahr zu besprechen, und die Mitglieder einigten sich darauf, die Abstimmung zu verschieben.";
        let fr = "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine, et les membres ont accepté de reporter le vote au printemps.";
        let es = "El comité se reunió el martes para discutir el presupuesto del próximo año, y los miembros acordaron aplazar la votación hasta la primavera.";
        assert_eq!(lang(en).code, "en");
        assert_eq!(lang(de).code, "de");
        assert_eq!(lang(fr).code, "fr");
        assert_eq!(lang(es).code, "es");
        assert!(lang(en).confidence > 0.5);
    }

    #[test]
    fn short_or_empty_text_is_undetermined() {
        assert_eq!(lang("Best price guaranteed").code, "und");
        assert_eq!(lang("").code, "und");
        assert_eq!(lang("1234 !!! ...").code, "und");
    }

    #[test]
    fn english_body_wins_over_japanese_lead() {
        let text = "日本とフィリピンの防衛当局が戦略的対話を開始することで合意しました。\n\nThe defence ministers of both countries met in Manila on Monday and agreed to hold regular talks on maritime security, a step that officials described as overdue.\n\nThe talks will start next year and will cover coast guard training, joint patrols and the sharing of radar data between the two navies.";
        assert_eq!(lang(text).code, "en");
    }
}
