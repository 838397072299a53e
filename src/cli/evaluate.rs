//! `chaff evaluate`: cross-validation with leave-one-source-out transfer, or a trained model
//! on a separate labeled set.

use std::process::ExitCode;

use chaff::model::{evaluate, shipped};

use super::args::EvaluateArgs;
use super::training::{config, load_data, print_report};

pub(super) fn run(a: EvaluateArgs) -> anyhow::Result<ExitCode> {
    let (data, skipped) = load_data(&a.data)?;
    let mut rep = match &a.model {
        Some(m) => {
            let path = (m != "default").then(|| std::path::PathBuf::from(m));
            let model = shipped::load(path.as_deref())?;
            evaluate::test_set(&model, &data, &a.data.data, &a.by)
        }
        None => {
            let cfg = config(&a.model_args)?;
            eprintln!(
                "chaff evaluate: {} rows ({} skipped); {}-fold cross-validation...",
                data.rows.len(),
                skipped,
                cfg.folds
            );
            let holdouts = evaluate::Holdouts { sources: !a.no_loso, registers: !a.no_loro };
            evaluate::cross_validate(&data, &cfg, &a.data.data, &a.by, holdouts)?.0
        }
    };
    let unscored = evaluate::unscored_rows(&data);
    if unscored > 0 {
        eprintln!("chaff evaluate: {unscored} rows without words left out of the metrics (they have no probability)");
    }
    print_report(&rep);
    if let Some(dir) = &a.report {
        super::report::eval_charts(&rep, dir)?;
    }
    if !a.with_scores {
        rep.scores.clear();
    }
    if let Some(out) = &a.output {
        chaff::output::write_atomic(out, serde_json::to_string(&rep)?.as_bytes())?;
        eprintln!("chaff evaluate: wrote {}", out.display());
    }
    Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
