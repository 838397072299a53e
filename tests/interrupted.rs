//! An interrupted `chaff score -o FILE` keeps the old FILE and removes its temp file: a real run
//! on a large generated input is stopped with `kill -TERM` / `kill -INT` once its temp file has
//! data, and must exit with 143 / 130 leaving the directory as it was.
#![cfg(unix)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A JSONL input of about `mb` megabytes: many short articles of sentences written for this
/// test, varied a little per row.
fn big_input(dir: &Path, mb: usize) -> PathBuf {
    let path = dir.join("batch.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("input file"));
    let sentences = [
        "The ferry timetable changes in November after a vote by the harbour board.",
        "Residents asked for the early crossing to stay because of hospital shifts.",
        "In today's fast-paced world, it is important to note that synergy matters.",
        "The board will count passengers again in March and review the decision.",
        "Moreover, leveraging holistic strategies can unlock your full potential.",
    ];
    let (mut written, mut i) = (0usize, 0usize);
    while written < mb << 20 {
        let text: Vec<&str> = (0..8).map(|k| sentences[(i + k * 3) % sentences.len()]).collect();
        let line = format!("{{\"id\":\"a{i}\",\"text\":\"Note {i}. {}\"}}\n", text.join(" "));
        f.write_all(line.as_bytes()).expect("write input");
        written += line.len();
        i += 1;
    }
    path
}

/// The temp files (`.NAME.*.tmp`) of `target` in its directory.
fn temp_files(target: &Path) -> Vec<PathBuf> {
    let name = target.file_name().expect("file name").to_string_lossy().into_owned();
    std::fs::read_dir(target.parent().expect("parent"))
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().expect("file name").to_string_lossy();
            n.starts_with(&format!(".{name}.")) && n.ends_with(".tmp")
        })
        .collect()
}

/// Start `chaff score INPUT -o OUT` over an existing OUT, wait until its temp file holds data,
/// send `signal` with kill(1), and check what is left.
fn interrupt_with(signal: &str, expected_code: i32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = big_input(dir.path(), 12);
    let out = dir.path().join("scores.csv");
    std::fs::write(&out, "id,probability\nold,0.5\n").expect("old output");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("chaff"))
        .args(["score", "--threads", "1", "-o"])
        .arg(&out)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chaff starts");
    let start = Instant::now();
    let tmp = loop {
        if let Some(t) = temp_files(&out).into_iter().find(|t| std::fs::metadata(t).is_ok_and(|m| m.len() > 0)) {
            break t;
        }
        if let Some(status) = child.try_wait().expect("child status") {
            panic!("chaff finished ({status}) before it could be interrupted: make the input bigger");
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no temp file with data after 60 s");
        std::thread::sleep(Duration::from_millis(10));
    };
    let kill = Command::new("kill").args([signal, &child.id().to_string()]).status().expect("kill runs");
    assert!(kill.success());
    let output = child.wait_with_output().expect("child output");
    assert_eq!(output.status.code(), Some(expected_code), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        std::fs::read_to_string(&out).expect("output reads"),
        "id,probability\nold,0.5\n",
        "the old file is kept"
    );
    assert!(!tmp.exists(), "{} is left behind", tmp.display());
    assert_eq!(temp_files(&out), Vec::<PathBuf>::new());
}

#[test]
fn sigterm_removes_the_temp_file_and_exits_143() {
    interrupt_with("-TERM", 143);
}

#[test]
fn sigint_removes_the_temp_file_and_exits_130() {
    interrupt_with("-INT", 130);
}
