//! Atomic file outputs: a temp file beside the target, renamed over it only when complete, so an
//! interrupted run never leaves a half-written file in place of an old one.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::live::{self, LiveTemp};
use crate::error::Error;

/// A file being written atomically: a temp file beside the target, renamed on [`commit`]. The
/// temp file is listed in `output::live` while it exists, so that a signal handler can remove it.
///
/// [`commit`]: AtomicFile::commit
pub struct AtomicFile {
    target: PathBuf,
    writer: BufWriter<tempfile::NamedTempFile>,
    _live: LiveTemp,
}

/// The error of an output started or finished after [`super::remove_live_temp_files`].
fn interrupted(target: &Path) -> Error {
    Error::io(target, io::Error::new(io::ErrorKind::Interrupted, "interrupted: temporary output files were removed"))
}

impl AtomicFile {
    /// Start writing `target` (its directory must exist).
    pub fn create(target: &Path) -> Result<AtomicFile, Error> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let prefix = format!(".{}.", target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        let made = live::create(|| {
            let tmp = tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(&dir);
            let path = tmp.as_ref().map(|t| t.path().to_path_buf()).unwrap_or_default();
            (tmp, path)
        });
        let (tmp, live) = made.ok_or_else(|| interrupted(target))?;
        let tmp = tmp.map_err(|e| Error::io(target, e))?;
        Ok(AtomicFile { target: target.to_path_buf(), writer: BufWriter::with_capacity(256 * 1024, tmp), _live: live })
    }

    /// Flush, sync and rename over the target.
    pub fn commit(self) -> Result<(), Error> {
        let target = self.target;
        let tmp = self.writer.into_inner().map_err(|e| Error::io(&target, e.into_error()))?;
        // Temp files are private (0600); an output should have the usual permissions, or keep
        // those of the file it replaces.
        let perms = match std::fs::metadata(&target) {
            Ok(m) => Some(m.permissions()),
            Err(_) => default_permissions(),
        };
        if let Some(perms) = perms {
            tmp.as_file().set_permissions(perms).map_err(|e| Error::io(&target, e))?;
        }
        tmp.as_file().sync_all().map_err(|e| Error::io(&target, e))?;
        live::commit(|| tmp.persist(&target))
            .ok_or_else(|| interrupted(&target))?
            .map_err(|e| Error::io(&target, e.error))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Permissions of a new output file: 0644 on Unix; elsewhere the temp file's own.
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_file_replaces_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        std::fs::write(&p, "old").unwrap();
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"new").unwrap();
        let tmp = super::live::live_temp_files().into_iter().find(|t| t.parent() == Some(dir.path())).unwrap();
        assert!(tmp.file_name().unwrap().to_string_lossy().starts_with(".out.csv."), "{}", tmp.display());
        assert!(tmp.exists());
        drop(f); // interrupted: no commit
        assert!(!super::live::live_temp_files().contains(&tmp), "dropped outputs leave the list");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "temp file left behind");
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"new").unwrap();
        let tmp = super::live::live_temp_files().into_iter().find(|t| t.parent() == Some(dir.path())).unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert!(!super::live::live_temp_files().contains(&tmp), "committed outputs leave the list");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = dir.path().join("fresh.csv");
            write_atomic(&fresh, b"x").unwrap();
            assert_eq!(std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }
}
