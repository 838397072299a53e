//! English syllable counts against the CMU Pronouncing Dictionary (`../shared/lexicons/cmudict`),
//! read at run time; skipped with a message when the shared folder is absent.
//!
//! A syllable is a phone with a stress digit; `word(2)` lines are alternative pronunciations
//! and a count agrees when it matches any of them. "Alphabetic entries" are the words (variant
//! suffix removed) made only of the letters a-z.

use std::collections::BTreeMap;

use chaff::text::syllables::{english, english_rules};

mod cmudict;
mod common;

/// Fallback-only agreement reached when the rules were last tuned (0.9522), minus a margin.
const RULES_FLOOR: f64 = 0.950;

fn load() -> Option<BTreeMap<String, Vec<u32>>> {
    let shared = common::shared_with("syllables_cmudict", "lexicons/cmudict/cmudict.dict")?;
    let text = std::fs::read_to_string(shared.join("lexicons/cmudict/cmudict.dict")).expect("cmudict.dict reads");
    Some(cmudict::parse(&text))
}

fn agreement(
    dict: &BTreeMap<String, Vec<u32>>,
    keep: impl Fn(&str) -> bool,
    f: impl Fn(&str) -> u32,
) -> (usize, usize) {
    let mut total = 0;
    let mut agree = 0;
    for (w, counts) in dict {
        if !keep(w) {
            continue;
        }
        total += 1;
        agree += usize::from(counts.contains(&f(w)));
    }
    (agree, total)
}

#[test]
fn english_syllables_agree_with_cmudict() {
    let Some(dict) = load() else { return };
    let alphabetic = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    let (lookup, total) = agreement(&dict, alphabetic, english);
    let (rules, _) = agreement(&dict, alphabetic, english_rules);
    let lookup_rate = lookup as f64 / total as f64;
    let rules_rate = rules as f64 / total as f64;
    println!(
        "CMUdict alphabetic entries (a-z only): {total}; lookup agrees on {lookup} ({:.2} %), \
         rules alone on {rules} ({:.2} %)",
        100.0 * lookup_rate,
        100.0 * rules_rate
    );
    // Entries with an apostrophe are not in the table: they go through the possessive and
    // contraction handling (informational figure).
    let apostrophe = |w: &str| {
        w.contains('\'')
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')
            && w.bytes().any(|b| b.is_ascii_lowercase())
    };
    let (apo, apo_total) = agreement(&dict, apostrophe, english);
    println!(
        "entries with an apostrophe: {apo_total}; lookup agrees on {apo} ({:.2} %)",
        100.0 * apo as f64 / apo_total.max(1) as f64
    );
    assert!(total > 100_000, "dictionary looks truncated: {total}");
    assert!(lookup_rate >= 0.97, "lookup agreement {lookup_rate}");
    assert!(rules_rate >= RULES_FLOOR, "rules agreement {rules_rate}");
}
