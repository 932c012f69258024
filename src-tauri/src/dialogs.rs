//! The native file dialogs every open and save goes through (the UI never touches the file
//! system). What a dialog suggests is decided in `pitchbridge_app::files`.

use std::path::PathBuf;

use pitchbridge_app::files::{with_default_extension, SaveSuggestion};
use pitchbridge_app::store::EXTENSION;
use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

/// Shows the dialog and waits for the answer off the UI thread; `None` when cancelled.
async fn answer(dialog: FileDialogBuilder<tauri::Wry>, save: bool) -> Option<PathBuf> {
    let (tx, rx) = std::sync::mpsc::channel();
    let done = move |p: Option<FilePath>| {
        let _ = tx.send(p.and_then(|p| p.into_path().ok()));
    };
    if save {
        dialog.save_file(done);
    } else {
        dialog.pick_file(done);
    }
    tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten()).await.ok().flatten()
}

/// Open an existing workspace, or name a new one (which gets our extension if typed without).
pub async fn ask_for_workspace(handle: &AppHandle, create: bool) -> Option<PathBuf> {
    let dialog = handle
        .dialog()
        .file()
        .set_title(if create { "New workspace" } else { "Open workspace" })
        .add_filter("Pitchbridge workspace", &[EXTENSION]);
    let path = if create { answer(dialog.set_file_name(format!("Untitled.{EXTENSION}")), true).await } else { answer(dialog, false).await }?;
    Some(with_default_extension(path, EXTENSION))
}

/// Open a file of one of `extensions`, starting in `folder` when given.
pub async fn open_file(handle: &AppHandle, title: &str, label: &str, extensions: &[&str], folder: Option<PathBuf>) -> Option<PathBuf> {
    let mut dialog = handle.dialog().file().set_title(title).add_filter(label, extensions);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    answer(dialog, false).await
}

/// Choose where to save, starting from `suggestion`; a name typed without an extension gets
/// the first of `extensions`.
pub async fn save_file(handle: &AppHandle, title: &str, label: &str, extensions: &[&str], suggestion: SaveSuggestion) -> Option<PathBuf> {
    let extension = extensions[0];
    let mut dialog = handle
        .dialog()
        .file()
        .set_title(title)
        .add_filter(label, extensions)
        .set_file_name(format!("{}.{extension}", suggestion.stem));
    if let Some(folder) = suggestion.folder {
        dialog = dialog.set_directory(folder);
    }
    answer(dialog, true).await.map(|p| with_default_extension(p, extension))
}
