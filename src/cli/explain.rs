//! `chaff explain NAME`: one feature's documentation.

use std::process::ExitCode;

use super::args::ExplainArgs;

pub(super) fn run(a: ExplainArgs) -> anyhow::Result<ExitCode> {
    let Some(f) = chaff::features::by_name(&a.name) else {
        let close: Vec<&str> = chaff::FEATURES
            .iter()
            .map(|f| f.name)
            .filter(|n| n.contains(a.name.as_str()) || a.name.contains(n.split('_').next().unwrap_or(n)))
            .take(8)
            .collect();
        let hint = if close.is_empty() { String::new() } else { format!(" (did you mean: {}?)", close.join(", ")) };
        anyhow::bail!("no feature named {:?}{hint}; `chaff features --list` lists them", a.name);
    };
    println!("{}\n\n{}\n", f.name, f.summary);
    for line in f.doc.lines() {
        println!("{line}");
    }
    println!("\nApplies to: {}.", f.applies.describe());
    let cue = match f.cue {
        chaff::features::Cue::Style => "style (used by the model)",
        chaff::features::Cue::Length => "length (reported; the default model does not use it)",
        chaff::features::Cue::Layout => "layout (reported; the default model does not use it)",
        chaff::features::Cue::Debris => "web debris (reported; the default model does not use it)",
        chaff::features::Cue::Language => "language (reported; the default model does not use it)",
        chaff::features::Cue::Register => "register and proficiency (reported; the default model does not use it)",
    };
    println!("Kind of cue: {cue}.");
    Ok(ExitCode::SUCCESS)
}
