//! Files and directories: recursive, sorted walking with symlink-loop detection, transparent
//! `.gz` / `.zst` decompression, and bounded whole-file reads.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::{decode_utf8, io_problem, too_big, CountingReader, InputFormat, InputOptions};
use crate::article::Article;
use crate::error::{ArticleError, Origin};

/// Extensions read from directories (before any `.gz` / `.zst`).
const DIRECTORY_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// What walking a directory finds.
#[derive(Debug)]
pub enum WalkItem {
    /// A file to read, with its id (the directory argument joined with the path below it).
    File {
        /// Where it is.
        path: PathBuf,
        /// Its id.
        id: String,
    },
    /// A directory or entry that could not be read, a broken symlink or a symlink loop.
    Error(ArticleError),
}

/// The file's name without a compression suffix, and whether it had one.
fn strip_compression(name: &str) -> &str {
    name.strip_suffix(".gz").or_else(|| name.strip_suffix(".zst")).unwrap_or(name)
}

fn extension(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let base = strip_compression(&name);
    base.rsplit_once('.').map(|(_, e)| e.to_string()).unwrap_or_default()
}

/// The format of `path`: `forced` unless it is `Auto`, else by extension.
pub(crate) fn format_of(path: &Path, forced: InputFormat) -> InputFormat {
    if forced != InputFormat::Auto {
        return forced;
    }
    match extension(path).as_str() {
        "csv" => InputFormat::Csv,
        "jsonl" | "ndjson" => InputFormat::Jsonl,
        "html" | "htm" => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

/// Every readable file under `dir` (recursively, sorted by name), ids built from `arg`.
pub fn walk(dir: &Path, arg: &str) -> impl Iterator<Item = WalkItem> {
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    if let Ok(canon) = dir.canonicalize() {
        visited.insert(canon);
    }
    walk_into(dir, Path::new(arg), &mut visited, &mut out);
    out.into_iter()
}

fn walk_into(dir: &Path, id_base: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<WalkItem>) {
    let origin = |p: &Path| Origin::file(p.to_string_lossy().into_owned());
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(WalkItem::Error(ArticleError::new(origin(id_base), io_problem("cannot read directory", &e))));
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => {
                out.push(WalkItem::Error(ArticleError::new(origin(id_base), io_problem("cannot list directory", &e))))
            }
        }
    }
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let id = id_base.join(&name);
        // `metadata` follows symlinks; a dangling link fails here.
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let what = if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                    "broken symbolic link"
                } else {
                    "cannot read"
                };
                out.push(WalkItem::Error(ArticleError::new(origin(&id), io_problem(what, &e))));
                continue;
            }
        };
        if meta.is_dir() {
            match path.canonicalize() {
                Ok(canon) if !visited.insert(canon.clone()) => {
                    out.push(WalkItem::Error(ArticleError::new(
                        origin(&id),
                        format!("symbolic link loop: {} was already visited; skipped", canon.display()),
                    )));
                }
                Ok(_) => walk_into(&path, &id, visited, out),
                Err(e) => out.push(WalkItem::Error(ArticleError::new(origin(&id), io_problem("cannot resolve", &e)))),
            }
        } else if meta.is_file() && DIRECTORY_EXTENSIONS.contains(&extension(&path).as_str()) {
            out.push(WalkItem::File { path, id: id.to_string_lossy().into_owned() });
        }
    }
}

/// Open a file for reading, decompressing `.gz` and `.zst` transparently.
pub(crate) fn open(path: &Path, opts: &InputOptions) -> io::Result<Box<dyn BufRead + Send>> {
    let file = CountingReader::new(File::open(path)?, opts);
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    Ok(if name.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(BufReader::new(file))))
    } else if name.ends_with(".zst") {
        Box::new(BufReader::new(ZstdReader::new(BufReader::new(file))))
    } else {
        Box::new(BufReader::with_capacity(64 * 1024, file))
    })
}

/// Read a whole input as one article, at most `max_article_bytes`.
pub(crate) fn read_whole(
    reader: Box<dyn BufRead + Send>,
    id: &str,
    display: &str,
    opts: &InputOptions,
) -> Result<Article, ArticleError> {
    let origin = Origin::file(display);
    let limit = opts.max_article_bytes;
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
        return Err(ArticleError::new(origin, io_problem("cannot read", &e)));
    }
    if bytes.len() > limit {
        return Err(ArticleError::new(origin, too_big(limit)));
    }
    if !opts.lossy_utf8 {
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(ArticleError::new(
                origin,
                format!("contains a NUL byte at offset {pos} (a binary or UTF-16 file?); skipped (--lossy-utf8 reads it anyway)"),
            ));
        }
    }
    let text = decode_utf8(bytes, opts.lossy_utf8).map_err(|p| ArticleError::new(origin.clone(), p))?;
    Ok(Article::new(id, origin, text))
}

/// A zstd decoder over every frame of a stream (concatenated frames, as `pzstd` or `cat a.zst
/// b.zst` make them), skipping skippable frames. ruzstd's `StreamingDecoder` reads one frame.
struct ZstdReader<R: BufRead> {
    state: ZstdState<R>,
}

enum ZstdState<R: BufRead> {
    /// Between frames, holding the source.
    Idle(R),
    /// Inside a frame.
    Frame(Box<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>),
    /// After the end or an error.
    Done,
}

impl<R: BufRead> ZstdReader<R> {
    fn new(inner: R) -> Self {
        ZstdReader { state: ZstdState::Idle(inner) }
    }
}

impl<R: BufRead> Read for ZstdReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, ZstdState::Done) {
                ZstdState::Done => return Ok(0),
                ZstdState::Frame(mut dec) => {
                    let n = dec.read(buf)?;
                    if n > 0 || buf.is_empty() {
                        self.state = ZstdState::Frame(dec);
                        return Ok(n);
                    }
                    self.state = ZstdState::Idle(dec.into_inner());
                }
                ZstdState::Idle(mut src) => {
                    if src.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    // Skippable frames: magic 0x184D2A5? then a 4-byte length.
                    let head = src.fill_buf()?;
                    if head.len() >= 8 && head[1..4] == [0x2A, 0x4D, 0x18] && head[0] & 0xF0 == 0x50 {
                        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as u64;
                        src.consume(8);
                        io::copy(&mut (&mut src).take(len), &mut io::sink())?;
                        self.state = ZstdState::Idle(src);
                        continue;
                    }
                    match ruzstd::decoding::StreamingDecoder::new(src) {
                        Ok(dec) => self.state = ZstdState::Frame(Box::new(dec)),
                        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, format!("zstd: {e}"))),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(Path::new("a.csv"), InputFormat::Auto), InputFormat::Csv);
        assert_eq!(format_of(Path::new("a.JSONL.gz"), InputFormat::Auto), InputFormat::Jsonl);
        assert_eq!(format_of(Path::new("a.htm.zst"), InputFormat::Auto), InputFormat::Html);
        assert_eq!(format_of(Path::new("notes"), InputFormat::Auto), InputFormat::Text);
        assert_eq!(format_of(Path::new("a.csv"), InputFormat::Text), InputFormat::Text);
    }

    #[test]
    fn gzip_and_multi_frame_zstd_round_trip() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let gz = dir.path().join("a.txt.gz");
        let mut enc = flate2::write::GzEncoder::new(File::create(&gz).unwrap(), flate2::Compression::fast());
        enc.write_all(b"hello gzip").unwrap();
        enc.finish().unwrap();
        let mut s = String::new();
        open(&gz, &InputOptions::default()).unwrap().read_to_string(&mut s).unwrap();
        assert_eq!(s, "hello gzip");

        // Two zstd frames back to back, with a skippable frame between them.
        let mut data = Vec::new();
        for part in [&b"first "[..], &b"second"[..]] {
            let mut frame = Vec::new();
            ruzstd::encoding::compress(part, &mut frame, ruzstd::encoding::CompressionLevel::Fastest);
            data.extend_from_slice(&frame);
            if part.starts_with(b"first") {
                data.extend_from_slice(&[0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9]);
            }
        }
        let zst = dir.path().join("b.txt.zst");
        std::fs::write(&zst, data).unwrap();
        let mut s = String::new();
        open(&zst, &InputOptions::default()).unwrap().read_to_string(&mut s).unwrap();
        assert_eq!(s, "first second");
    }
}
