//! The library side of an interrupted run: `output::remove_live_temp_files` removes the temp file
//! of every output being written, keeps the files they would replace, and afterwards refuses to
//! start or finish an output. (A test binary of its own: the cleanup closes the registry for
//! the rest of the process.)

use std::io::Write as _;

use chaff::output::{live_temp_files, remove_live_temp_files, write_atomic, AtomicFile};

#[test]
fn cleanup_removes_live_temp_files_and_closes_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.jsonl"));
    std::fs::write(&a, "old a").unwrap();
    let mut fa = AtomicFile::create(&a).unwrap();
    let mut fb = AtomicFile::create(&b).unwrap();
    fa.write_all(&[b'x'; 300_000]).unwrap();
    fb.write_all(b"{}").unwrap();
    let live = live_temp_files();
    assert_eq!(live.len(), 2, "{live:?}");
    assert!(live.iter().all(|p| p.exists() && p.parent() == Some(dir.path())));

    assert_eq!(remove_live_temp_files(), 2);
    assert!(live.iter().all(|p| !p.exists()));
    assert!(live_temp_files().is_empty());
    // The interrupted outputs cannot be committed, nor new ones started.
    assert!(fa.commit().is_err());
    assert!(fb.commit().is_err());
    assert!(write_atomic(&dir.path().join("c.csv"), b"new").is_err());
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
    let mut left: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["a.csv"]);
    assert_eq!(remove_live_temp_files(), 0);
}
