//! The library's layers point one way: read -> text -> lexicon -> features -> model -> score ->
//! outputs and reports. Each top-level module may name only the modules listed for it below
//! (`crate::<module>` in code; comments and doc links are not counted), so an import that
//! points back up fails here with the file and line.
//!
//! Inside `features/`, the per-word facts are a leaf that the families read, and the families
//! never import the word facts' callers.

use std::path::{Path, PathBuf};

/// Each module of the library and the modules it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("error", &[]),
    ("prefetch", &[]),
    ("text", &[]),
    ("article", &["error"]),
    ("lexicon", &["error", "text"]),
    ("input", &["article", "error"]),
    ("pipeline", &["article", "error"]),
    ("features", &["error", "lexicon", "prefetch", "text"]),
    ("model", &["article", "error", "features", "input", "lexicon", "pipeline", "text"]),
    ("score", &["article", "error", "features", "model", "text"]),
    ("output", &["article", "error", "features", "model", "score", "text"]),
    ("report", &["article", "error", "features", "model", "output", "score", "text"]),
];

/// The `.rs` files of `module`: `module.rs` and everything under `module/`.
fn sources(root: &Path, module: &str) -> Vec<PathBuf> {
    let file = root.join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = Some(root.join(module)).filter(|d| d.is_dir()).into_iter().collect();
    assert!(!out.is_empty() || !stack.is_empty(), "module {module} has no source");
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `(line, name)` of every `crate::name` used in code (not in comments) of `text`.
fn crate_references(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            // `$crate::` in macros and `chaff_crate::` style names are not module paths here.
            let before = rest[..at].chars().last();
            if !name.is_empty() && !matches!(before, Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '$') {
                out.push((i + 1, name));
            }
            rest = after;
        }
    }
    out
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for (module, allowed) in ALLOWED {
        for path in sources(&root, module) {
            let text = std::fs::read_to_string(&path).expect("source reads");
            for (line, name) in crate_references(&text) {
                if name != *module && !allowed.contains(&name.as_str()) {
                    problems.push(format!(
                        "{}:{line}: `{module}` uses crate::{name}, which is not below it (allowed: {allowed:?})",
                        path.strip_prefix(root.parent().expect("crate root")).unwrap_or(&path).display()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "layering violations:\n{}", problems.join("\n"));
}

#[test]
fn every_library_module_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("lib.rs");
    for line in lib.lines() {
        let line = line.trim();
        let Some(decl) = line.strip_suffix(';') else { continue };
        let Some(name) = decl.split("mod ").nth(1).filter(|_| decl.starts_with("pub mod ") || decl.starts_with("mod "))
        else {
            continue;
        };
        assert!(ALLOWED.iter().any(|(m, _)| *m == name), "src/lib.rs declares `{name}`: give it a layer in ALLOWED");
    }
}

#[test]
fn word_facts_read_no_feature_family() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/features");
    // Every family: the modules of features/ other than the registry, the analysis and the
    // word facts themselves.
    let families: Vec<String> = std::fs::read_dir(&root)
        .expect("src/features")
        .map(|e| e.expect("entry").path())
        .map(|p| p.file_stem().expect("name").to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "mod" | "analysis" | "word_facts"))
        .collect();
    assert!(families.len() >= 10, "found only {families:?}");
    for path in sources(&root, "word_facts") {
        let text = std::fs::read_to_string(&path).expect("source reads");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for family in &families {
                for prefix in ["super::", "features::"] {
                    assert!(
                        !code.contains(&format!("{prefix}{family}")),
                        "{}:{}: the word facts use the family `{family}`; families read the facts, not the other way",
                        path.display(),
                        i + 1
                    );
                }
            }
        }
    }
}

#[test]
fn the_scanner_sees_code_and_skips_comments() {
    let refs = crate_references(
        "use crate::text::Document; // crate::model in a comment\n/// [`crate::report`]\nlet x = $crate::y; crate::features::extract(&d)",
    );
    assert_eq!(refs, [(1, "text".to_string()), (3, "features".to_string())]);
}

#[test]
fn the_report_kit_knows_no_chart_and_charts_know_no_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report");
    // (folder, names it must not use): the drawing kit sits below the charts, and the charts
    // below the page assembly.
    for (part, forbidden) in [("kit", &["charts", "page"][..]), ("charts", &["page"][..])] {
        for path in sources(&root, part) {
            let text = std::fs::read_to_string(&path).expect("source reads");
            for (i, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for name in forbidden {
                    for prefix in ["super::", "report::"] {
                        assert!(
                            !code.contains(&format!("{prefix}{name}")),
                            "{}:{}: report/{part} uses {name}, which is above it",
                            path.display(),
                            i + 1
                        );
                    }
                }
            }
        }
    }
}
