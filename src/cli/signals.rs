//! An interrupted run cleans up: on SIGINT or SIGTERM the temp files of unfinished outputs are
//! removed (the files they would replace stay as they were) and chaff exits with 128 + the
//! signal's number, 130 or 143, as a shell reports a process killed by it.

/// Watch for SIGINT and SIGTERM on a thread of their own. Without a handler (it could not be
/// installed) the signals keep their default action, which leaves temp files behind.
#[cfg(unix)]
pub(crate) fn install() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            chaff::output::remove_live_temp_files();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub fn install() {}
