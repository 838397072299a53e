//! Article profiles: an article's key features as robust z-scores against the human reference
//! stored in the model (median and quantiles of human training texts), signed bars coloured by
//! which way each feature pushes the model. The reason features are always shown (in bold),
//! then the model features that stand out most.

use std::path::Path;

use super::{Chart, ChartOptions, HEADER};
use crate::error::Error;
use crate::model::predict::Model;
use crate::output::ScoreRow;
use crate::report::kit::backend::render;
use crate::report::kit::fit::fit_middle;
use crate::report::kit::frame::{header, no_data};
use crate::report::kit::plot::Swatch;
use crate::report::kit::style::{self, opt_num3, readable};
use crate::report::kit::table::{self, Bar, BarColumn, Column, Row, RowKind, Table, TextColumn};

/// One feature of a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileBar {
    /// Feature name.
    pub feature: String,
    /// The article's value.
    pub value: f64,
    /// The human median.
    pub human_median: f64,
    /// Robust z-score against the human reference (clamped to ±10).
    pub z: f64,
    /// Whether this value pushes the model towards filler (`None`: no weight).
    pub towards_machine: Option<bool>,
    /// Whether chaff named it as a reason.
    pub reason: bool,
}

/// The features a profile shows: the reasons first, then the model features with the largest
/// |z|, at most `n` in all, ordered by |z|.
pub fn profile_bars(row: &ScoreRow, model: &Model, n: usize) -> Vec<ProfileBar> {
    let reasons: Vec<&str> = row.reasons.iter().map(|r| r.feature.as_str()).collect();
    let coefficient = |name: &str| {
        model
            .file
            .features
            .iter()
            .position(|f| f == name)
            .and_then(|j| model.file.logistic.coefficients.get(j))
            .copied()
    };
    let bar = |name: &str, v: f64| -> Option<ProfileBar> {
        let r = model.reference(name).filter(|r| r.count > 0 && v.is_finite())?;
        let z = r.z(v);
        if !z.is_finite() {
            return None;
        }
        let towards_machine = coefficient(name).filter(|c| *c != 0.0 && z != 0.0).map(|c| c * z > 0.0);
        Some(ProfileBar {
            feature: name.to_string(),
            value: v,
            human_median: r.median,
            z,
            towards_machine,
            reason: reasons.contains(&name),
        })
    };
    let mut candidates: Vec<ProfileBar> = match &row.features {
        Some(values) => model
            .file
            .features
            .iter()
            .filter_map(|f| {
                let i = crate::features::index_of(f)?;
                bar(f, (*values.get(i)?)?)
            })
            .collect(),
        None => row.reasons.iter().filter_map(|r| bar(&r.feature, r.value?)).collect(),
    };
    candidates.sort_by(|a, b| b.reason.cmp(&a.reason).then(b.z.abs().total_cmp(&a.z.abs())));
    candidates.dedup_by(|a, b| a.feature == b.feature);
    candidates.truncate(n.max(reasons.len()));
    candidates.sort_by(|a, b| b.z.abs().total_cmp(&a.z.abs()));
    candidates
}

/// The file name of a profile: `profile_<rank>_<id>.png`, the id reduced to its last path
/// component without a short extension, and to letters, digits, `-`, `_` and `.` (48
/// characters at most).
pub fn profile_file_name(rank: usize, id: &str) -> String {
    let last = id.rsplit(['/', '\\']).find(|s| !s.is_empty()).unwrap_or(id);
    let last = match last.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty() && (1..=4).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            stem
        }
        _ => last,
    };
    let mut s = String::new();
    for c in last.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' };
        if !(c == '_' && s.ends_with('_')) {
            s.push(c);
        }
    }
    let s: String = s.trim_matches(['_', '.']).chars().take(48).collect();
    let s = s.trim_end_matches(['_', '.']);
    format!("profile_{rank}_{}.png", if s.is_empty() { "article" } else { s })
}

/// The profile of one article, ranked `rank` in its batch.
pub fn profile(row: &ScoreRow, rank: usize, model: &Model, path: &Path, opts: &ChartOptions) -> Result<Chart, Error> {
    let bars = profile_bars(row, model, opts.profile_features);
    let title = format!("#{rank}: {}", row.id);
    // A long id is cut in the middle so that its end (the file name) stays visible.
    let tf = style::bold(style::TITLE, style::BLACK);
    let prefix = format!("#{rank}: ");
    let shown_title = format!("{prefix}{}", fit_middle(&row.id, opts.width as i32 - 40 - tf.width(&prefix), &tf));
    let sub = format!(
        "probability of filler {}, {} · {} · {} words · robust z-scores against human texts (bold: chaff's reasons)",
        opt_num3(row.probability),
        row.verdict.as_str(),
        row.lang,
        row.words
    );
    let mut caption = format!(
        "Article #{rank} ({}, probability {}): its key features against the human reference stored in the model.",
        row.verdict.as_str(),
        opt_num3(row.probability)
    );
    if row.features.is_none() {
        caption.push_str(" Only the reason features: the scores were written without --all-features.");
    }
    let mut chart = Chart::new(path, &title, caption);
    chart.labels = bars.iter().map(|b| b.feature.clone()).collect();
    chart.values = bars.iter().map(|b| (b.feature.clone(), b.z)).collect();
    let texts: Vec<String> = bars
        .iter()
        .map(|b| format!("value {} (human median {})", readable(b.value), readable(b.human_median)))
        .collect();
    chart.labels.extend(texts.iter().cloned());
    let t = Table {
        rows: bars
            .iter()
            .map(|b| Row {
                prefix: String::new(),
                label: b.feature.clone(),
                suffix: String::new(),
                kind: if b.reason { RowKind::Emphasised } else { RowKind::Item },
            })
            .collect(),
        columns: vec![
            Column::Bars(BarColumn {
                title: "Robust z-score".into(),
                axis: "(value - human median) / robust SD, capped at ±10".into(),
                range: table::signed_range(bars.iter().map(|b| b.z), 3.0),
                percent: false,
                bars: bars
                    .iter()
                    .map(|b| {
                        Some(Bar {
                            value: b.z,
                            color: match b.towards_machine {
                                Some(true) => style::MACHINE,
                                Some(false) => style::HUMAN,
                                None => style::GREY,
                            },
                            // z is clamped to ±10: say so rather than print a false 10.0.
                            text: if b.z.abs() >= 10.0 {
                                format!("{}10", if b.z > 0.0 { "≥ +" } else { "≤ -" })
                            } else {
                                format!("{:+.1}", b.z)
                            },
                        })
                    })
                    .collect(),
                missing: String::new(),
                reference: None,
                weight: 5,
            }),
            Column::Text(TextColumn { title: "Value".into(), texts, weight: 3 }),
        ],
        legend: [
            (Some(true), Swatch::Box(style::MACHINE), "pushes towards filler"),
            (Some(false), Swatch::Box(style::HUMAN), "pushes towards human"),
            (None, Swatch::Box(style::GREY), "not weighted by the model"),
        ]
        .into_iter()
        .filter(|(dir, _, _)| bars.iter().any(|b| b.towards_machine == *dir))
        .map(|(_, s, l)| (s, l.to_string()))
        .collect(),
        max_label_share: 0.34,
    };
    let height = table::height_for(t.rows.len(), HEADER, opts.height, true);
    let why = if row.features.is_none() {
        "The scores carry no feature values and no reason with a human reference (score with --all-features)."
    } else {
        "None of the model's features has a value and a human reference for this article."
    };
    render(path, (opts.width, height), |root| {
        let body = header(root, &shown_title, &sub)?;
        if bars.is_empty() {
            return no_data(&body, why);
        }
        table::draw(&body, &t)
    })?;
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_short() {
        assert_eq!(profile_file_name(1, "datasets/articles/bakery-closes.txt"), "profile_1_bakery-closes.png");
        assert_eq!(profile_file_name(2, "data.csv:12"), "profile_2_data.csv_12.png");
        assert_eq!(profile_file_name(6, "notes.v2.markdown"), "profile_6_notes.v2.markdown.png");
        assert_eq!(profile_file_name(7, ".txt"), "profile_7_txt.png");
        assert_eq!(profile_file_name(3, "../"), "profile_3_article.png");
        assert_eq!(profile_file_name(4, "über grüße!!"), "profile_4_ber_gr_e.png");
        let long = "x".repeat(100);
        assert_eq!(profile_file_name(5, &long), format!("profile_5_{}.png", "x".repeat(48)));
    }
}
