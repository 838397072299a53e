//! The CMU Pronouncing Dictionary reader shared by `tests/syllables_cmudict.rs` and
//! `examples/gen_syllables.rs` (which includes this file by path).

use std::collections::BTreeMap;

/// Word -> syllable counts of its pronunciations, in file order. A syllable is a phone with a
/// stress digit (AH0, EY1); inline `#` comments are stripped; `word(2)` lines are alternative
/// pronunciations of `word`.
pub(crate) fn parse(text: &str) -> BTreeMap<String, Vec<u32>> {
    let mut dict: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let word = match word.find('(') {
            Some(p) if word.ends_with(')') => &word[..p],
            _ => word,
        };
        let n = parts.filter(|p| p.ends_with(|c: char| c.is_ascii_digit())).count() as u32;
        dict.entry(word.to_string()).or_default().push(n);
    }
    dict
}

#[cfg(test)]
mod tests {
    #[test]
    fn variants_and_comments() {
        let d = super::parse("hello HH AH0 L OW1\nhello(2) HH EH0 L OW1 # note\nhmm HH M\n");
        assert_eq!(d["hello"], vec![2, 2]);
        assert_eq!(d["hmm"], vec![0]);
    }
}
