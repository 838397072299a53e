//! Script and language: which writing systems the text mixes, and how sure the language guess
//! is. An English article that opens with a paragraph in Japanese, or a page that mixes
//! scripts, is worth a look; these are reported as language cues, not used as authorship
//! evidence by the default model.

use super::{ratio, Analysis, Applicability, Cue, Feature};
use crate::features::structure::snippet;
use crate::text::{Document, Script};

/// Confidence of the language guess.
pub(crate) const LANGUAGE_CONFIDENCE: Feature = Feature {
    name: "language_confidence",
    summary: "Confidence of the detected language (0..1; 0 when undetermined).",
    doc: "What it measures: how sure chaff is of the language shown in the lang column.\n\
Formula: for alphabetic scripts, whatlang's confidence on up to 2 KB of the paragraphs written in the dominant script (0 and lang = und when whatlang is not reliable or there are fewer than 60 letters); for Japanese, Chinese and Korean, the share of letters in that script family.\n\
Example: \"今日は晴れです。\" -> 7 kana and kanji of 7 letters = 1.0.\n\
Limits: a language cue.",
    applies: Applicability::Any,
    cue: Cue::Language,
    compute: |doc: &Analysis<'_>| Some(doc.language().confidence),
    evidence: None,
};

/// Share of letters that are not Latin.
pub(crate) const NON_LATIN_LETTER_RATIO: Feature = Feature {
    name: "non_latin_letter_ratio",
    summary: "Share of letters that are not in the Latin script.",
    doc: "What it measures: how much of the text is written in other scripts (Cyrillic, Greek, CJK, Arabic, ...).\n\
Formula: letters outside the Latin script / all letters.\n\
Example: \"Hello мир\" -> 3 Cyrillic / 8 letters = 0.375.\n\
Limits: a language cue; not applicable without letters.",
    applies: Applicability::Any,
    cue: Cue::Language,
    compute: |doc: &Analysis<'_>| {
        let s = doc.scripts();
        ratio((s.total() - s.get(Script::Latin)) as f64, s.total() as f64)
    },
    evidence: None,
};

/// Share of letters that are CJK.
pub(crate) const CJK_LETTER_RATIO: Feature = Feature {
    name: "cjk_letter_ratio",
    summary: "Share of letters that are Chinese, Japanese or Korean characters.",
    doc: "What it measures: how much of the text is written in CJK scripts (Han, kana, Hangul).\n\
Formula: Han + kana + Hangul letters / all letters.\n\
Example: \"Tokyo 東京\" -> 2 / 7 = 0.2857.\n\
Limits: a language cue; not applicable without letters.",
    applies: Applicability::Any,
    cue: Cue::Language,
    compute: |doc: &Analysis<'_>| {
        let s = doc.scripts();
        let cjk = s.get(Script::Han) + s.get(Script::Kana) + s.get(Script::Hangul);
        ratio(cjk as f64, s.total() as f64)
    },
    evidence: None,
};

/// Does paragraph script `p` differ from the document's dominant script `d`? Han and kana count
/// as the same (Japanese mixes them).
fn differs(p: Script, d: Script) -> bool {
    let family = |s: Script| {
        if matches!(s, Script::Han | Script::Kana) {
            Script::Kana
        } else {
            s
        }
    };
    family(p) != family(d)
}

fn foreign_paragraphs(doc: &Document) -> Vec<usize> {
    let Some(dominant) = doc.dominant_script() else {
        return Vec::new();
    };
    doc.paragraph_scripts()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_some_and(|s| differs(s, dominant)))
        .map(|(i, _)| i)
        .collect()
}

/// Share of paragraph text written in another script than the article's.
pub(crate) const FOREIGN_SCRIPT_PARAGRAPH_RATIO: Feature = Feature {
    name: "foreign_script_paragraph_ratio",
    summary: "Share of characters in paragraphs whose script differs from the article's dominant script (e.g. a Japanese lead in an English article).",
    doc: "What it measures: paragraphs written in another writing system than the rest, such as a Japanese lead paragraph above an English article, a sign of stitched or machine-assembled pages.\n\
Formula: characters of paragraphs whose dominant script differs from the article's dominant script (Han and kana count as one) / characters of paragraphs that have letters.\n\
Example: \"Hello world, how are you?\\n\\n東京です\" -> the 4-character Japanese paragraph / (25 + 4) = 0.1379.\n\
Limits: a language cue; a paragraph mixing two scripts counts by its own dominant script. Not applicable without letters.",
    applies: Applicability::Any,
    cue: Cue::Language,
    compute: |doc: &Analysis<'_>| {
        let scripts = doc.paragraph_scripts();
        let (mut foreign, mut total) = (0usize, 0usize);
        let dominant = doc.dominant_script()?;
        for (p, s) in doc.paragraphs().iter().zip(scripts) {
            let Some(s) = s else { continue };
            let n = doc.chars_in(doc.slice(*p));
            total += n;
            if differs(*s, dominant) {
                foreign += n;
            }
        }
        ratio(foreign as f64, total as f64)
    },
    evidence: Some(|doc: &Analysis<'_>| {
        foreign_paragraphs(doc).into_iter().take(3).map(|i| format!("{:?}", snippet(doc.slice(doc.paragraphs()[i]), 40))).collect()
    }),
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] =
    &[LANGUAGE_CONFIDENCE, NON_LATIN_LETTER_RATIO, CJK_LETTER_RATIO, FOREIGN_SCRIPT_PARAGRAPH_RATIO];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value};

    #[test]
    fn worked_examples() {
        assert_value(&LANGUAGE_CONFIDENCE, "今日は晴れです。", 1.0, 1e-12);
        assert_value(&LANGUAGE_CONFIDENCE, "", 0.0, 0.0);
        assert_value(&NON_LATIN_LETTER_RATIO, "Hello мир", 0.375, 1e-12);
        assert_value(&CJK_LETTER_RATIO, "Tokyo 東京", 2.0 / 7.0, 1e-12);
        assert_value(&FOREIGN_SCRIPT_PARAGRAPH_RATIO, "Hello world, how are you?\n\n東京です", 4.0 / 29.0, 1e-12);
        assert_value(&FOREIGN_SCRIPT_PARAGRAPH_RATIO, "Only one script here.", 0.0, 0.0);
        assert_na(&NON_LATIN_LETTER_RATIO, "123 !!!");
        assert_na(&FOREIGN_SCRIPT_PARAGRAPH_RATIO, "");
    }

    #[test]
    fn evidence_quotes_the_foreign_paragraph() {
        let doc = Document::new("Hello world, how are you?\n\n東京です");
        assert_eq!(
            FOREIGN_SCRIPT_PARAGRAPH_RATIO.evidence(&Analysis::new(&doc, &Default::default())),
            vec!["\"東京です\"".to_string()]
        );
    }
}
