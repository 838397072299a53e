//! The temp files of outputs still being written, so that a program stopped by a signal can
//! remove them before it exits. The library installs no signal handler: a program that wants
//! the cleanup (the `chaff` binary does) calls [`remove_live_temp_files`] from its own handler.
//!
//! One lock guards the list, the creation of temp files and their final rename, so a cleanup
//! never races a commit: after it, creating or committing an output fails instead.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Live temp paths, and whether a cleanup has closed the registry.
struct Registry {
    paths: Vec<PathBuf>,
    closed: bool,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry { paths: Vec::new(), closed: false });

/// The registry, also when a thread panicked while holding it (the list stays usable).
fn lock() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Run `create` (which makes a temp file and returns it with its path) and list the path, unless
/// a cleanup already ran: then nothing is created and `None` comes back.
pub(crate) fn create<T>(create: impl FnOnce() -> (T, PathBuf)) -> Option<(T, LiveTemp)> {
    let mut reg = lock();
    if reg.closed {
        return None;
    }
    let (made, path) = create();
    reg.paths.push(path.clone());
    Some((made, LiveTemp { path }))
}

/// Run `commit` (the rename of a temp file over its target) unless a cleanup already ran (it
/// removed the temp file): then `None` comes back.
pub(crate) fn commit<T>(commit: impl FnOnce() -> T) -> Option<T> {
    let reg = lock();
    if reg.closed {
        return None;
    }
    let out = commit();
    drop(reg);
    Some(out)
}

/// A listed temp path; dropping it takes the path off the list (the file itself is removed or
/// renamed by its owner).
#[derive(Debug)]
pub(crate) struct LiveTemp {
    path: PathBuf,
}

impl Drop for LiveTemp {
    fn drop(&mut self) {
        let mut reg = lock();
        if let Some(i) = reg.paths.iter().position(|p| *p == self.path) {
            reg.paths.swap_remove(i);
        }
    }
}

/// The temp files of outputs being written now.
pub fn live_temp_files() -> Vec<PathBuf> {
    lock().paths.clone()
}

/// Remove the temp file of every output being written, for a program about to exit on a signal.
/// Returns how many were removed. Afterwards no output can be created or committed (each
/// attempt is an error), so no temp file appears or is renamed behind the cleanup.
pub fn remove_live_temp_files() -> usize {
    let mut reg = lock();
    reg.closed = true;
    let paths = std::mem::take(&mut reg.paths);
    paths.iter().filter(|p| remove(p)).count()
}

fn remove(p: &Path) -> bool {
    std::fs::remove_file(p).is_ok()
}
