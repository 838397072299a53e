//! Helpers for the integration tests: the built binary, fixtures, and the shared data.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `chaff` binary, run from the crate root.
pub(crate) fn chaff() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("chaff").expect("chaff binary");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// A path under the crate root.
pub(crate) fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// `../shared` when it holds `needs` (CI has it), else `None` after saying on the terminal
/// that `test` is skipped and why. With `CHAFF_REQUIRE_SHARED=1` (set by `.ci/run`) a missing
/// folder fails the test instead, so CI never passes by skipping.
pub(crate) fn shared_with(test: &str, needs: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join(needs).exists() {
        return Some(p);
    }
    let why = format!("skipped {test}: ../shared/{needs} is not present on this machine");
    assert!(std::env::var_os("CHAFF_REQUIRE_SHARED").is_none(), "{why}, and CHAFF_REQUIRE_SHARED is set");
    // Straight to the process's stderr: the test harness captures eprintln! of passing tests,
    // which would hide the skip.
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{why}");
    None
}

/// `../shared` when its datasets are present; see [`shared_with`].
pub(crate) fn shared(test: &str) -> Option<PathBuf> {
    shared_with(test, "datasets")
}

/// Parse CSV output into header and rows.
pub(crate) fn parse_csv(out: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(out);
    let header = r.headers().expect("header").iter().map(str::to_string).collect();
    let rows = r.records().map(|rec| rec.expect("record").iter().map(str::to_string).collect()).collect();
    (header, rows)
}
