//! Chart tests on synthetic inputs: every PNG exists, has the expected size, is not blank, and
//! the numbers it shows come from the input. Set `CHAFF_CHART_PREVIEW=DIR` to keep the PNGs.

use std::path::PathBuf;

use super::testing::{check_png, eval_of, model, synthetic_batch, synthetic_eval, synthetic_rows};
use super::*;
use crate::model::predict::Verdict;
use crate::output::ScoreRow;

/// A directory for the charts of one test (kept under $CHAFF_CHART_PREVIEW when set).
fn out_dir(name: &str) -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("CHAFF_CHART_PREVIEW") {
        Some(d) => {
            let p = PathBuf::from(d).join(name);
            std::fs::create_dir_all(&p).unwrap();
            (None, p)
        }
        None => {
            let t = tempfile::tempdir().unwrap();
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    }
}

fn img_height(p: &std::path::Path) -> u32 {
    image::open(p).unwrap().height()
}

#[test]
fn roc_and_pr_show_the_input_auc_and_operating_point() {
    let (_t, dir) = out_dir("curves");
    let rep = synthetic_eval();
    let opts = ChartOptions::default();
    let c = roc(&rep, &dir.join("roc.png"), &opts).unwrap();
    check_png(&c.file, 1200, 800, false);
    let auc = rep.overall.roc_auc.unwrap();
    assert!(auc > 0.8 && auc < 1.0, "synthetic AUC {auc}");
    assert_eq!(c.value("auc"), Some(auc));
    assert!(c.shows(&format!("ROC curve, AUC {:.3}", auc)), "{:?}", c.labels);
    assert_eq!(c.value("fpr"), rep.overall.human_fpr);
    assert_eq!(c.value("tpr"), rep.overall.recall);
    let p = pr(&rep, &dir.join("pr.png"), &opts).unwrap();
    check_png(&p.file, 1200, 800, false);
    assert_eq!(p.value("pr_auc"), rep.overall.pr_auc);
    assert!(p.shows(&format!("{:.3}", rep.overall.pr_auc.unwrap())));
    assert_eq!(p.value("prevalence"), Some(0.5));
}

#[test]
fn confusion_counts_come_from_the_input() {
    let (_t, dir) = out_dir("confusion");
    let rep = synthetic_eval();
    let c = confusion(&rep, &dir.join("confusion.png"), &ChartOptions::default()).unwrap();
    check_png(&c.file, 1200, 800, false);
    let m = rep.overall.confusion;
    assert_eq!(c.value("tp"), Some(m.tp as f64));
    assert_eq!(c.value("fp"), Some(m.fp as f64));
    assert_eq!(c.value("tn"), Some(m.tn as f64));
    assert_eq!(c.value("fn"), Some(m.fn_ as f64));
    assert_eq!(c.value("uncertain"), Some(rep.overall.uncertain as f64));
    assert!(rep.overall.uncertain > 0, "the synthetic data has uncertain verdicts");
    assert_eq!(m.tp + m.fp + m.tn + m.fn_, 160);
    for n in [m.tp, m.fp, m.tn, m.fn_] {
        assert!(c.labels.contains(&n.to_string()));
    }
}

#[test]
fn distribution_calibration_importance_groups_transfer() {
    let (_t, dir) = out_dir("eval");
    let rep = synthetic_eval();
    let opts = ChartOptions::default();
    let d = score_distribution(&rep, &dir.join("score_distribution.png"), &opts).unwrap();
    check_png(&d.file, 1200, 800, false);
    assert_eq!(d.value("threshold"), Some(0.6));
    assert_eq!(d.value("human"), Some(80.0));
    assert!(d.shows("threshold 0.600"));
    assert!(d.shows("human texts (n=80)") && d.shows("machine texts (n=80)"));

    let c = calibration(&rep, &dir.join("calibration.png"), &opts).unwrap();
    check_png(&c.file, 1200, 800, false);
    assert_eq!(c.value("ece"), rep.overall.ece);
    assert!(c.shows(&format!("ECE {:.3}", rep.overall.ece.unwrap())));

    let f = feature_importance(&rep, &dir.join("feature_importance.png"), &opts).unwrap();
    check_png(&f.file, 1200, 400, true);
    assert_eq!(f.values.len(), 20, "top 20 of 26");
    let largest = rep.feature_importance.iter().map(|i| i.coefficient.abs()).fold(0.0, f64::max);
    assert_eq!(f.values[0].1.abs(), largest);
    assert!(f.values.windows(2).all(|w| w[0].1.abs() >= w[1].1.abs()));

    let g = subgroups(&rep, &dir.join("subgroups.png"), &opts).unwrap();
    check_png(&g.file, 1200, 400, true);
    let en = rep.by.iter().find(|g| g.column == "lang" && g.value == "en").unwrap();
    let label = format!("en (n={})", en.metrics.n);
    assert_eq!(g.value(&format!("{label} auc")), en.metrics.roc_auc);
    assert_eq!(g.value(&format!("{label} human_fpr")), en.metrics.human_fpr);
    // A generator holds only machine texts: its AUC is against the humans of its sources.
    let gen = rep.by.iter().find(|g| g.column == "generator" && g.value == "gpt-x").unwrap();
    let vs = gen.versus_human.as_ref().unwrap();
    let label = format!("gpt-x (n={})", gen.metrics.n);
    assert!(vs.negatives > 0);
    assert_eq!(g.value(&format!("{label} auc")), vs.roc_auc);
    assert_eq!(g.value(&format!("{label} human_fpr")), None);
    assert!(g.shows("(none)"), "human rows have an empty generator");

    let t = transfer(&rep, &dir.join("transfer.png"), &opts).unwrap();
    check_png(&t.file, 1200, 400, true);
    let a = &rep.transfer[0];
    assert_eq!(t.value(&format!("corpus_a (n={}) auc", a.metrics.n)), a.metrics.roc_auc);
}

#[test]
fn many_subgroups_grow_the_chart_and_are_capped() {
    let (_t, dir) = out_dir("many_groups");
    let mut rows = synthetic_rows(400);
    for (i, r) in rows.iter_mut().enumerate() {
        r.columns.insert("domain".into(), format!("a-rather-long-domain-name-number-{}", i % 60));
    }
    let rep = eval_of(rows);
    let opts = ChartOptions::default();
    let g = subgroups(&rep, &dir.join("subgroups.png"), &opts).unwrap();
    let shown_domains = g.labels.iter().filter(|l| l.starts_with("a-rather-long")).count();
    // 3 languages, 4 length bands, 2 sources, 3 generators and 60 domains: 48 domains fit in 60.
    assert_eq!(shown_domains, 48);
    assert!(g.caption.contains("generator") && img_height(&g.file) > 800);
    check_png(&g.file, 1200, 400, true);
}

#[test]
fn eval_charts_without_scored_rows() {
    // `chaff evaluate -o` leaves the rows out of the JSON unless --with-scores: every chart
    // is drawn from the curves, bins, histogram and breakdowns.
    let (_t, dir) = out_dir("without_scores");
    let mut rep = synthetic_eval();
    let full = eval_report(&rep, &dir.join("full"), &ChartOptions::default()).unwrap();
    rep.scores.clear();
    let r = eval_report(&rep, &dir.join("bare"), &ChartOptions::default()).unwrap();
    assert_eq!(r.charts.len(), 8);
    for (a, b) in full.charts.iter().zip(&r.charts) {
        check_png(&b.file, 1200, 400, true);
        assert_eq!(a.values, b.values, "{}", b.title);
    }
    assert_eq!(r.charts[3].value("machine"), Some(80.0));
}

#[test]
fn one_class_and_empty_evaluations_draw_no_data_charts() {
    let (_t, dir) = out_dir("degenerate");
    let opts = ChartOptions::default();
    let humans: Vec<_> = synthetic_rows(40).into_iter().filter(|r| !r.positive).collect();
    let mut rep = eval_of(humans);
    rep.transfer.clear();
    let r = eval_report(&rep, &dir.join("one_class"), &opts).unwrap();
    assert_eq!(r.charts.len(), 7, "no transfer chart");
    assert!(r.notes.iter().any(|n| n.contains("transfer")));
    for c in &r.charts {
        check_png(&c.file, 1200, 400, true);
    }
    assert!(r.charts[0].caption.starts_with("No ROC curve"), "{}", r.charts[0].caption);
    assert_eq!(r.charts[0].value("auc"), None);

    let empty = eval_of(Vec::new());
    let r = eval_report(&empty, &dir.join("empty"), &opts).unwrap();
    for c in &r.charts {
        check_png(&c.file, 1200, 400, true);
    }
    assert_eq!(r.charts[2].value("tp"), Some(0.0));
    let html = std::fs::read_to_string(&r.index).unwrap();
    assert!(html.contains("roc.png") && html.contains("transfer.png") && html.contains("confusion.png"));
}

#[test]
fn eval_report_writes_every_chart_and_the_index() {
    let (_t, dir) = out_dir("eval_report");
    let rep = synthetic_eval();
    let r = eval_report(&rep, &dir, &ChartOptions::default()).unwrap();
    let names: Vec<String> =
        r.charts.iter().map(|c| c.file.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(
        names,
        [
            "roc.png",
            "pr.png",
            "confusion.png",
            "score_distribution.png",
            "calibration.png",
            "feature_importance.png",
            "subgroups.png",
            "transfer.png"
        ]
    );
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for (n, c) in names.iter().zip(&r.charts) {
        assert!(html.contains(&format!("src=\"{n}\"")), "{n}");
        assert!(html.contains(&page::escape(&c.caption)), "{n} caption");
    }
    assert!(html.contains(&format!("{:.3}", rep.overall.roc_auc.unwrap())));
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("roc.png")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "charts are readable like other outputs");
    }
}

#[test]
fn batch_charts_come_from_the_scored_rows() {
    let (_t, dir) = out_dir("batch");
    let m = model();
    let mut rows = synthetic_batch(m);
    assert_eq!(rows.len(), 6);
    let opts = ChartOptions::default();
    let h = score_histogram(&rows, Some(m), &dir.join("score_histogram.png"), &opts).unwrap();
    check_png(&h.file, 1200, 800, false);
    let filler = rows.iter().filter(|r| r.verdict == Verdict::Filler).count();
    let uncertain = rows.iter().filter(|r| r.verdict == Verdict::Uncertain).count();
    assert_eq!(h.value("filler"), Some(filler as f64));
    assert_eq!(h.value("uncertain"), Some(uncertain as f64));
    assert!(uncertain >= 1, "the short text is uncertain");
    assert_eq!(h.value("flagged_share"), Some(filler as f64 / 6.0));
    assert!(h.title.contains(&format!("{:.1}% flagged", filler as f64 / 6.0 * 100.0)), "{}", h.title);

    // A long id is drawn, truncated, and its reason text is the row's.
    rows[0].id = format!("{}/{}", "very-long-folder-name".repeat(6), rows[0].id);
    let t = top_flagged(&rows, &dir.join("top_flagged.png"), &opts).unwrap();
    check_png(&t.file, 1200, 400, true);
    let best = rows.iter().max_by(|a, b| a.probability.unwrap().total_cmp(&b.probability.unwrap())).unwrap();
    assert_eq!(t.values[0], (best.id.clone(), best.probability.unwrap()));
    assert!(t.labels.contains(&charts::strongest_reason(best)));
    assert!(t.values.windows(2).all(|w| w[0].1 >= w[1].1));
}

#[test]
fn profiles_are_z_scores_against_the_model_reference() {
    let (_t, dir) = out_dir("profiles");
    let m = model();
    let rows = synthetic_batch(m);
    let opts = ChartOptions::default();
    let row = &rows[0];
    let c = profile(row, 1, m, &dir.join(profile_file_name(1, &row.id)), &opts).unwrap();
    check_png(&c.file, 1200, 400, true);
    assert!(!c.values.is_empty() && c.values.len() <= opts.profile_features.max(row.reasons.len()));
    let values = row.features.as_ref().unwrap();
    for (name, z) in &c.values {
        let v = values[crate::features::index_of(name).unwrap()].unwrap();
        assert_eq!(*z, m.reference(name).unwrap().z(v), "{name}");
    }
    for r in &row.reasons {
        assert!(c.labels.contains(&r.feature), "reason {} shown", r.feature);
    }
    // Without feature values only the reasons can be drawn, and the caption says so.
    let bare = ScoreRow { features: None, ..row.clone() };
    let c = profile(&bare, 1, m, &dir.join("bare.png"), &opts).unwrap();
    check_png(&c.file, 1200, 400, true);
    assert!(c.caption.contains("--all-features"));
    assert_eq!(c.values.len(), bare.reasons.iter().filter(|r| r.value.is_some()).count());
}

#[test]
fn batch_report_and_empty_batch() {
    let (_t, dir) = out_dir("batch_report");
    let m = model();
    let rows = synthetic_batch(m);
    let r = batch_report(&rows, Some(m), &dir.join("full"), &ChartOptions::default(), "test texts").unwrap();
    assert_eq!(r.charts.len(), 2 + 5);
    let html = std::fs::read_to_string(&r.index).unwrap();
    for c in &r.charts {
        check_png(&c.file, 1200, 400, true);
        let name = c.file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(html.contains(&format!("src=\"{name}\"")), "{name}");
    }
    assert!(r.charts[2].file.file_name().unwrap().to_string_lossy().starts_with("profile_1_"));

    let r = batch_report(&[], Some(m), &dir.join("empty"), &ChartOptions::default(), "nothing").unwrap();
    assert_eq!(r.charts.len(), 2);
    for c in &r.charts {
        check_png(&c.file, 1200, 400, true);
    }
}

#[test]
fn bold_and_regular_fonts_render_differently() {
    // Pitfall: a bold face that silently falls back to regular. The bold text must be wider.
    let w = |f: text::Font| f.width("Feature importance");
    assert!(w(style::bold(30.0, style::BLACK)) > w(style::text(30.0, style::BLACK)));
}

#[test]
fn evaluation_json_round_trips_for_report_eval() {
    // The first ROC threshold is infinite; JSON writes null and must read it back.
    let rep = synthetic_eval();
    assert!(rep.roc[0].2.is_infinite());
    let json = serde_json::to_string(&rep).unwrap();
    let back: crate::model::evaluate::EvalReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rep);
}
