//! `chaff calibrate --human FILES... -o MODEL`: thresholds from your own human writing.

use std::process::ExitCode;

use chaff::input::InputOptions;
use chaff::model::predict::{Abstention, Model};
use chaff::model::recalibrate::{recalibrate, SampleScore};
use chaff::model::shipped;
use chaff::model::threshold::band_label;
use chaff::pipeline::{process_ordered, BatchLimits};
use chaff::score::Scorer;

use super::args::CalibrateArgs;

/// Scores of the texts that can get a verdict; counts of those that cannot and of skipped ones.
fn sample(model: &Model, inputs: &[String], opts: &InputOptions) -> anyhow::Result<(Vec<SampleScore>, u64, u64)> {
    let scorer = Scorer::new(model, chaff::Context::default());
    let (mut scores, mut abstained, mut skipped) = (Vec::new(), 0u64, 0u64);
    process_ordered(
        chaff::input::read(inputs, opts.clone()),
        BatchLimits::default(),
        |a| Ok(scorer.score(&a, false)),
        |r| -> anyhow::Result<()> {
            match r {
                Err(e) => {
                    skipped += 1;
                    eprintln!("chaff: {e}");
                }
                // Texts the model does not judge (too short, another language, no words: the
                // last have no probability) are left out and counted.
                Ok(s) => match (&s.prediction.abstention, s.prediction.probability) {
                    (Some(Abstention::TooShort { .. } | Abstention::Language { .. } | Abstention::Empty), _)
                    | (_, None) => abstained += 1,
                    (_, Some(probability)) => scores.push(SampleScore { probability, words: s.words }),
                },
            }
            Ok(())
        },
    )?;
    Ok((scores, abstained, skipped))
}

pub(super) fn run(a: CalibrateArgs) -> anyhow::Result<ExitCode> {
    let model = shipped::load(a.model.as_deref())?;
    let opts = InputOptions {
        text_col: a.text_col.clone(),
        text_field: a.text_col.clone(),
        max_article_bytes: a.max_article_bytes,
        ..Default::default()
    };
    let (humans, h_abstained, h_skipped) = sample(&model, &a.human, &opts)?;
    let (machines, _, m_skipped) =
        if a.machine.is_empty() { (Vec::new(), 0, 0) } else { sample(&model, &a.machine, &opts)? };
    if h_abstained > 0 {
        eprintln!(
            "chaff calibrate: {h_abstained} human texts left out: too short, without words, or in a language the model does not judge"
        );
    }
    let before = model.file.threshold.clone();
    let out = recalibrate(
        model.file.clone(),
        &humans,
        &machines,
        a.target_fpr,
        a.confidence,
        a.human.clone(),
        chaff::model::train::today(),
    )?;
    chaff::output::write_atomic(&a.output, out.file.to_json().as_bytes())?;
    let rec = out.file.calibrated_on.as_ref().expect("recalibrate records what it did");
    println!(
        "calibrated on {} human texts: at most {} may score above the threshold, so the human false-positive rate is at most {:.1}% with {:.0}% confidence",
        rec.human_texts,
        rec.allowed_false_positives,
        rec.target_fpr * 100.0,
        rec.confidence * 100.0
    );
    println!(
        "observed in the sample: {:.1}% flagged (upper bound {:.1}%){}",
        rec.observed_fpr * 100.0,
        rec.fpr_upper_bound * 100.0,
        rec.machine_tpr
            .map(|t| format!("; machine texts flagged: {:.1}% of {}", t * 100.0, rec.machine_texts))
            .unwrap_or_default()
    );
    println!(
        "thresholds ({}):",
        if out.per_band { "one per length band" } else { "one for all lengths: too few texts per band" }
    );
    for (old, new) in before.bands.iter().zip(&out.file.threshold.bands) {
        println!(
            "  {:>8} words: {:.3} -> {:.3}",
            band_label(new.min_words, new.max_words),
            old.threshold,
            new.threshold
        );
    }
    eprintln!("chaff calibrate: wrote {}", a.output.display());
    Ok(if h_skipped + m_skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
