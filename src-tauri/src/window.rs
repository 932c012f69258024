//! Keeping the window in step with the open workspace.

use pitchbridge_app::workspace::WorkspaceInfo;
use pitchbridge_app::ApiError;
use tauri::{AppHandle, Manager};

use crate::events::{self, WorkspaceChanged, WorkspaceError};

pub const MAIN: &str = "main";

/// Updates the title and tells the UI that another workspace is open.
pub fn show_workspace(handle: &AppHandle, info: &WorkspaceInfo) {
    set_title(handle, info);
    events::emit::<WorkspaceChanged>(handle, info.clone());
}

pub fn set_title(handle: &AppHandle, info: &WorkspaceInfo) {
    if let Some(w) = handle.get_webview_window(MAIN) {
        let suffix = if info.read_only { " (read-only)" } else { "" };
        let _ = w.set_title(&format!("{}{suffix} — Pitchbridge", info.name));
    }
}

pub fn show_error(handle: &AppHandle, error: &ApiError) {
    events::emit::<WorkspaceError>(handle, error.clone());
}

pub fn focus(handle: &AppHandle) {
    if let Some(w) = handle.get_webview_window(MAIN) {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

/// Opens a file in the desktop's default application for it, without waiting for it.
pub fn open_in_viewer(path: &str) {
    if std::env::var_os("PITCHBRIDGE_NO_VIEWER").is_some() {
        return;
    }
    let _ = std::process::Command::new("xdg-open")
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
