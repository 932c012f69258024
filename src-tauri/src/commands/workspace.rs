//! The open workspace: start-up, opening another, search across it.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::files::Saving;
use pitchbridge_app::store::{SearchHit, EXTENSION};
use pitchbridge_app::workspace::{OpenWorkspaceRequest, StartupSnapshot, WorkspaceInfo};
use tauri::AppHandle;

use super::Cmd;

/// The open workspace, its launches and the first launch in full: the first screen's data.
#[tauri::command]
pub async fn startup_snapshot(handle: AppHandle, s: Cmd<'_>) -> ApiResult<StartupSnapshot> {
    crate::startup::mark("first-command");
    let snapshot = s.run(|a| a.startup_snapshot()).await?;
    if let Some(info) = &snapshot.status.workspace {
        crate::window::set_title(&handle, info);
    }
    Ok(snapshot)
}

/// Opens (or creates) the named workspace.
#[tauri::command]
pub async fn open_workspace(handle: AppHandle, s: Cmd<'_>, req: OpenWorkspaceRequest) -> ApiResult<WorkspaceInfo> {
    s.open_and_show(&handle, req).await
}

/// Shows the native open (or save, for a new workspace) dialog, then opens the choice; `None`
/// when cancelled.
#[tauri::command]
pub async fn pick_workspace(handle: AppHandle, s: Cmd<'_>, create: bool) -> ApiResult<Option<WorkspaceInfo>> {
    let Some(path) = crate::dialogs::ask_for_workspace(&handle, create).await else { return Ok(None) };
    let req = OpenWorkspaceRequest { path: path.display().to_string(), create };
    s.open_and_show(&handle, req).await.map(Some)
}

/// Called by the UI once the first screen with data has been painted (on the frame after the
/// one that painted it, which started `first_frame_ms_ago`); the start-up benchmark reads the
/// lines it prints. The pitch checker (its dictionary) is then built in the background, so the
/// first check is quick and start-up does not wait for it.
#[tauri::command]
pub fn frontend_ready(s: Cmd<'_>, first_frame_ms_ago: f64) {
    crate::startup::report_ready(first_frame_ms_ago);
    let checker = s.with(|a| a.shared_checker());
    std::thread::spawn(move || pitchbridge_app::checks::warm_checker(&checker));
}

/// Full-text search over current claims and pitch text.
#[tauri::command]
pub async fn search(s: Cmd<'_>, query: String) -> ApiResult<Vec<SearchHit>> {
    s.run(move |a| a.search(query)).await
}

/// Asks where to save a copy of the open workspace (one complete file to mail or keep), then
/// writes it while the workspace stays open; the path, or `None` when cancelled.
#[tauri::command]
pub async fn save_workspace_copy(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<String>> {
    let suggestion = s.run(|a| a.save_suggestion(Saving::WorkspaceCopy)).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Save a copy of the workspace", "Pitchbridge workspace", &[EXTENSION], suggestion).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    s.run(move |a| a.save_workspace_copy(&path)).await.map(|_| Some(shown))
}
