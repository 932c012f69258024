//! The window's zoom (View → Zoom In, Zoom Out, Actual Size): text and everything else drawn
//! larger or smaller, in the steps browsers use, remembered for the next start in the person's
//! configuration folder.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};

/// The zoom levels a step goes through, as browsers offer them (1.0 is actual size).
const LEVELS: [f64; 13] = [0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0];
const FILE: &str = "zoom";

/// One step in (`+1`) or out (`-1`) from `current`; 0 goes back to actual size.
pub fn step(current: f64, direction: i32) -> f64 {
    match direction.signum() {
        0 => 1.0,
        1 => LEVELS.iter().copied().find(|l| *l > current + 0.001).unwrap_or(LEVELS[LEVELS.len() - 1]),
        _ => LEVELS.iter().rev().copied().find(|l| *l < current - 0.001).unwrap_or(LEVELS[0]),
    }
}

/// The zoom as last chosen, or actual size; a file that does not hold one of the levels is
/// read as actual size.
fn read(dir: &Path) -> f64 {
    std::fs::read_to_string(dir.join(FILE))
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|z| LEVELS.iter().any(|l| (l - z).abs() < 0.001))
        .unwrap_or(1.0)
}

fn config_dir(handle: &AppHandle) -> Option<PathBuf> {
    handle.path().app_config_dir().ok()
}

/// Shows the window at the zoom chosen last time.
pub fn restore(handle: &AppHandle) {
    let Some(dir) = config_dir(handle) else { return };
    let level = read(&dir);
    if (level - 1.0).abs() > 0.001 {
        apply(handle, level);
    }
}

/// Zooms one step in or out (0: actual size) and remembers the level.
pub fn change(handle: &AppHandle, direction: i32) {
    let dir = config_dir(handle);
    let level = step(dir.as_deref().map(read).unwrap_or(1.0), direction);
    apply(handle, level);
    if let Some(dir) = dir {
        // Not remembering is only an inconvenience: the zoom still changes now.
        let _ = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join(FILE), format!("{level}\n")));
    }
}

fn apply(handle: &AppHandle, level: f64) {
    if let Some(webview) = handle.get_webview_window("main") {
        if let Err(e) = webview.set_zoom(level) {
            eprintln!("pitchbridge: the zoom could not be set: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_through_the_levels_and_stop_at_the_ends() {
        assert_eq!(step(1.0, 1), 1.1);
        assert_eq!(step(1.75, 1), 2.0);
        assert_eq!(step(2.0, -1), 1.75);
        assert_eq!(step(3.0, 1), 3.0);
        assert_eq!(step(0.5, -1), 0.5);
        assert_eq!(step(2.5, 0), 1.0);
        // A level between two steps goes to the next one either way.
        assert_eq!(step(1.2, 1), 1.25);
        assert_eq!(step(1.2, -1), 1.1);
    }

    #[test]
    fn the_level_is_remembered_and_a_strange_file_reads_as_actual_size() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), 1.0);
        std::fs::write(dir.path().join(FILE), "2\n").unwrap();
        assert_eq!(read(dir.path()), 2.0);
        std::fs::write(dir.path().join(FILE), "17").unwrap();
        assert_eq!(read(dir.path()), 1.0);
        std::fs::write(dir.path().join(FILE), "big").unwrap();
        assert_eq!(read(dir.path()), 1.0);
    }
}
