//! Start-up timing, printed only when `PITCHBRIDGE_STARTUP_PROBE` is set (for the benchmark).

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: OnceLock<()> = OnceLock::new();

pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Prints how long after start `what` happened (probe only): a breakdown of start-up.
pub fn mark(what: &str) {
    if std::env::var_os("PITCHBRIDGE_STARTUP_PROBE").is_none() {
        return;
    }
    if let Some(start) = STARTED.get() {
        println!("pitchbridge-mark {what} {:.1}", start.elapsed().as_secs_f64() * 1000.0);
    }
}

/// Prints when the first screen started its first frame, and when it was painted (now); the
/// benchmark prints the same two lines for the bare window.
pub fn report_ready(first_frame_ms_ago: f64) {
    if std::env::var_os("PITCHBRIDGE_STARTUP_PROBE").is_none() || REPORTED.set(()).is_err() {
        return;
    }
    if let Some(start) = STARTED.get() {
        let now = start.elapsed().as_secs_f64() * 1000.0;
        println!("pitchbridge-mark first-frame {:.1}", now - first_frame_ms_ago.clamp(0.0, now));
        println!("pitchbridge-ready {now:.1}");
    }
}
