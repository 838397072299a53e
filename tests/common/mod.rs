//! Helpers for the integration tests: the built binary, fixtures, and the shared data.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `chaff` binary, run from the crate root.
pub fn chaff() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("chaff").expect("chaff binary");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// A path under the crate root.
pub fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// `../shared` when present (CI has it), else `None` after printing why the test is skipped.
pub fn shared(test: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("datasets").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped {test}: ../shared/datasets is not present on this machine");
        None
    }
}

/// Parse CSV output into header and rows.
pub fn parse_csv(out: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(out);
    let header = r.headers().expect("header").iter().map(str::to_string).collect();
    let rows = r.records().map(|rec| rec.expect("record").iter().map(str::to_string).collect()).collect();
    (header, rows)
}
