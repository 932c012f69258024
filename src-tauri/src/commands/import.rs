//! Importing Factory material: the file named on the command line, the file dialog, the
//! preview and the import itself.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::import::{ImportOutcome, ImportPreview, ImportRequest};
use tauri::{AppHandle, State};

use super::Cmd;
use crate::state::PendingImport;

/// The `--import` file, once: the UI asks after it has opened the workspace.
#[tauri::command]
pub fn take_pending_import(pending: State<'_, PendingImport>) -> Option<String> {
    pending.0.lock().unwrap_or_else(|p| p.into_inner()).take()
}

/// Shows the native open dialog for a Word, Markdown or text file; `None` when cancelled.
#[tauri::command]
pub async fn pick_import_file(handle: AppHandle) -> ApiResult<Option<String>> {
    let path = crate::dialogs::open_file(&handle, "Import Factory material", "Word, Markdown or text", &["docx", "md", "markdown", "txt"], None).await;
    Ok(path.map(|p| p.display().to_string()))
}

/// Reads the file once and says what importing it would do; nothing is written.
#[tauri::command]
pub async fn preview_import(s: Cmd<'_>, req: ImportRequest) -> ApiResult<ImportPreview> {
    s.run(move |a| a.preview_import(req)).await
}

/// Imports what the preview showed (refused if the file has changed since).
#[tauri::command]
pub async fn apply_import(s: Cmd<'_>, req: ImportRequest) -> ApiResult<ImportOutcome> {
    s.run(move |a| a.apply_import(req)).await
}
