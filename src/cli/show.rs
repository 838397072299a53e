//! `chaff show FILE`: one article with its evidence highlighted and the reasons as numbered
//! notes, for the editor who works in a shell. On a terminal the evidence is coloured (ANSI);
//! otherwise (a pipe, a file, `--color never`) each marked stretch is written `[[...]]`. A
//! stretch is followed by the numbers of the notes behind it, as `[1]` or `[1,4]`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use chaff::model::predict::Model;
use chaff::model::shipped;
use chaff::output::{readable, reason_text, ScoreReason};
use chaff::score::evidence::EvidenceSpan;
use chaff::score::{ScoredArticle, Scorer};
use chaff::FEATURES;

use super::args::{ColorArg, ShowArgs};
use super::common::prepare_inputs;

pub(super) fn run(a: ShowArgs) -> anyhow::Result<ExitCode> {
    let model = shipped::load(a.model.as_deref())?;
    let prep = prepare_inputs(&a.input)?;
    let scorer = Scorer::new(&model, prep.cx.clone()).with_evidence(true);
    let color = match a.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut out = std::io::stdout().lock();
    let mut skipped = 0usize;
    let mut first = true;
    for item in chaff::input::read(&a.input.inputs, prep.opts.clone()) {
        match item {
            Err(e) => {
                eprintln!("chaff: {e}");
                skipped += 1;
            }
            Ok(article) => {
                if !first {
                    writeln!(out, "\n{}", "-".repeat(72))?;
                }
                first = false;
                let s = scorer.score(&article, true);
                out.write_all(render(&s, &article.text, &model, color).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// One note: a reason, or another feature whose evidence is marked.
struct Note {
    feature: String,
    text: String,
}

/// The notes of an article: its reasons first, then each other feature that has spans.
fn notes(s: &ScoredArticle, model: &Model) -> Vec<Note> {
    let mut notes: Vec<Note> = s
        .prediction
        .reasons
        .iter()
        .map(|r| {
            let sr = ScoreReason { evidence: Vec::new(), ..ScoreReason::from(r) };
            let towards = if sr.direction == chaff::model::predict::Direction::Machine { "filler" } else { "human" };
            Note { feature: r.feature.clone(), text: format!("{} (reason, towards {towards})", reason_text(&sr)) }
        })
        .collect();
    for e in s.evidence.as_deref().unwrap_or_default() {
        if notes.iter().any(|n| n.feature == e.feature) {
            continue;
        }
        let value =
            FEATURES.iter().position(|f| f.name == e.feature).and_then(|k| s.features.as_ref().and_then(|f| f[k]));
        let median = model.reference(&e.feature).filter(|r| r.count > 0).map(|r| r.median);
        let text = format!(
            "{}={} (human median {}) ({} marked)",
            e.feature,
            value.map(readable).unwrap_or_else(|| "n/a".into()),
            median.map(readable).unwrap_or_else(|| "n/a".into()),
            e.kind.replace('_', " ")
        );
        notes.push(Note { feature: e.feature.to_string(), text });
    }
    notes
}

/// ANSI background of each family (256-colour palette).
fn ansi_color(kind: &str) -> u8 {
    match kind {
        "stock_phrase" => 222,
        "buzzword" => 217,
        "llm_word" => 219,
        "transition" => 153,
        "hedge" => 157,
        "intensifier" => 229,
        "contrast_template" => 189,
        "boilerplate_line" | "ellipsis_line" => 252,
        "duplicate_line" | "duplicate_paragraph" | "casefold_duplicate_line" | "repeated_ngram" => 224,
        _ => 194,
    }
}

/// The article with its marked stretches and notes. Overlapping spans merge into one
/// stretch (marked in the colour of its first span), so markers never nest.
fn render(s: &ScoredArticle, text: &str, model: &Model, color: bool) -> String {
    let notes = notes(s, model);
    let note_of = |e: &EvidenceSpan| notes.iter().position(|n| n.feature == e.feature).map_or(0, |i| i + 1);
    let p = &s.prediction;
    let mut out = format!(
        "{}: {}, probability of filler {} ({} words, {})\n",
        s.id,
        p.verdict.as_str(),
        p.probability.map(|x| format!("{x:.3}")).unwrap_or_else(|| "n/a".into()),
        s.words,
        s.lang
    );
    if let Some(ab) = &p.abstention {
        out.push_str(&format!("uncertain: {}\n", ab.describe()));
    }
    out.push('\n');
    // Stretches: (start, end, colour, note numbers).
    let mut stretches: Vec<(usize, usize, u8, Vec<usize>)> = Vec::new();
    for e in s.evidence.as_deref().unwrap_or_default() {
        let (st, en, n) = (e.start as usize, e.end as usize, note_of(e));
        match stretches.last_mut() {
            Some(last) if st < last.1 => {
                last.1 = last.1.max(en);
                if !last.3.contains(&n) {
                    last.3.push(n);
                }
            }
            _ => stretches.push((st, en, ansi_color(&e.kind), vec![n])),
        }
    }
    let mut pos = 0usize;
    for (st, en, c, ns) in &stretches {
        let (st, en) = (*st, *en);
        if st < pos || en > text.len() || !text.is_char_boundary(st) || !text.is_char_boundary(en) {
            continue;
        }
        out.push_str(&text[pos..st]);
        let mut ns = ns.clone();
        ns.sort_unstable();
        let refs = ns.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(",");
        if color {
            out.push_str(&format!("\x1b[48;5;{c}m\x1b[30m{}\x1b[0m\x1b[2m[{refs}]\x1b[0m", &text[st..en]));
        } else {
            out.push_str(&format!("[[{}]][{refs}]", &text[st..en]));
        }
        pos = en;
    }
    out.push_str(&text[pos..]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\nNotes:\n");
    for (i, n) in notes.iter().enumerate() {
        out.push_str(&format!("  [{}] {}\n", i + 1, n.text));
    }
    out
}
