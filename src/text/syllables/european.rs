//! German, French and Spanish syllables: vowel groups, with French's mute final e. One
//! function serves all three: they differ only in their vowel letters and that French rule.

/// Vowel-group count for German, French and Spanish words (lowercase).
pub(crate) fn romance_germanic(word: &str, lang: &str) -> u32 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_french_spanish() {
        assert_eq!(romance_germanic("haus", "de"), 1);
        assert_eq!(romance_germanic("mädchen", "de"), 2);
        assert_eq!(romance_germanic("maison", "fr"), 2);
        assert_eq!(romance_germanic("parlent", "fr"), 1);
        assert_eq!(romance_germanic("ciudad", "es"), 2);
    }
}
