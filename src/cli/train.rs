//! `chaff train --data FILE... -o MODEL`: train, cross-validate, write the model atomically.

use std::process::ExitCode;

use chaff::model::evaluate;

use super::args::TrainArgs;
use super::training::{config, load_data, print_report};

pub(super) fn run(a: TrainArgs) -> anyhow::Result<ExitCode> {
    let cfg = config(&a.model)?;
    let (data, skipped) = load_data(&a.data)?;
    eprintln!("chaff train: {} rows ({} skipped); {}-fold cross-validation...", data.rows.len(), skipped, cfg.folds);
    let holdouts = evaluate::Holdouts { sources: a.loso, registers: a.loro };
    let (rep, mut file) = evaluate::cross_validate(&data, &cfg, &a.data.data, &[], holdouts)?;
    file.training.files = a.data.data.clone();
    file.training.skipped_rows = skipped;
    file.training.group_rule = match (&a.data.group_col, &a.data.group_from_id) {
        (Some(c), _) => format!("column {c}"),
        (None, Some(re)) => format!("id regex {re}"),
        _ => "each row its own group".into(),
    };
    file.metrics = evaluate::summary(&rep);
    chaff::output::write_atomic(&a.output, file.to_json().as_bytes())?;
    print_report(&rep);
    eprintln!("chaff train: wrote {}", a.output.display());
    Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
