//! The input readers on arbitrary bytes. The CSV, JSONL and text/HTML readers are only public
//! through `chaff::input::read` (paths), so the bytes are written to one file in a per-process
//! temp directory (on /dev/shm when there is one) and read back; `html::extract_text` is also
//! called in memory. Errors are fine; panics are not.
//!
//! Byte 0 picks the reader and options, the rest is the file:
//! - bits 0-2: file name `in.csv` (0, 1), `in.jsonl` (2, 3), `in.html` (4), `in.txt` (5),
//!   `in.jsonl.gz` (6), `in.csv.zst` (7) — format by extension, as the CLI does;
//! - bit 3: `lossy_utf8`;
//! - bit 4: a small `max_article_bytes` (64) to reach the size-limit paths.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use chaff::input::{html, read, InputOptions};
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let shm = std::path::Path::new("/dev/shm");
    let base = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
    let dir = base.join(format!("chaff-fuzz-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create the fuzz temp dir");
    dir
});

const NAMES: [&str; 8] = ["in.csv", "in.csv", "in.jsonl", "in.jsonl", "in.html", "in.txt", "in.jsonl.gz", "in.csv.zst"];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };

    let _ = html::extract_text(&String::from_utf8_lossy(body));

    let path = DIR.join(NAMES[(sel & 7) as usize]);
    std::fs::write(&path, body).expect("write the fuzz input file");
    let mut opts = InputOptions { lossy_utf8: sel & 8 != 0, ..InputOptions::default() };
    if sel & 16 != 0 {
        opts.max_article_bytes = 64;
    }
    let paths = [path.to_str().expect("temp path is UTF-8").to_string()];
    for item in read(&paths, opts) {
        match item {
            Ok(a) => {
                std::hint::black_box((a.id.len(), a.text.len(), a.meta.len()));
            }
            Err(e) => {
                std::hint::black_box(e.to_string());
            }
        }
    }
});
