//! The review workflow's files, each behind a native dialog: reviewer cards, review packages
//! and decision files.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::files::{review_copy_path, Saving};
use pitchbridge_app::review_files::DecisionImport;
use pitchbridge_app::store::Reviewer;
use pitchbridge_app::workspace::WorkspaceInfo;
use pitchbridge_core::Id;
use tauri::AppHandle;

use super::Cmd;

const REVIEWER_CARD: (&str, &[&str]) = ("Pitchbridge reviewer card", &["pbreviewer"]);
const REVIEW_PACKAGE: (&str, &[&str]) = ("Pitchbridge review package", &["pbreview"]);
const DECISION: (&str, &[&str]) = ("Pitchbridge decision", &["pbdecision"]);

/// Asks where to save the person's reviewer card; `false` when cancelled.
#[tauri::command]
pub async fn export_reviewer_card(handle: AppHandle, s: Cmd<'_>) -> ApiResult<bool> {
    let suggestion = s.run(|a| a.save_suggestion(Saving::ReviewerCard)).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Save your reviewer card", REVIEWER_CARD.0, REVIEWER_CARD.1, suggestion).await else {
        return Ok(false);
    };
    s.run(move |a| a.export_reviewer_card(&path)).await.map(|_| true)
}

/// Asks for a reviewer card and registers the reviewer it names; `None` when cancelled.
#[tauri::command]
pub async fn import_reviewer_card(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<Reviewer>> {
    let Some(path) = crate::dialogs::open_file(&handle, "Add a reviewer", REVIEWER_CARD.0, REVIEWER_CARD.1, None).await else {
        return Ok(None);
    };
    s.run(move |a| a.import_reviewer_card(&path)).await.map(Some)
}

/// Asks where to save, then writes the pitch's review package; the path, or `None` when
/// cancelled.
#[tauri::command]
pub async fn export_review_package(handle: AppHandle, s: Cmd<'_>, pitch_id: Id) -> ApiResult<Option<String>> {
    let suggestion = s.run(move |a| a.save_suggestion(Saving::ReviewPackage(pitch_id))).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Save the review package", REVIEW_PACKAGE.0, REVIEW_PACKAGE.1, suggestion).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    s.run(move |a| a.export_review_package(pitch_id, &path)).await.map(|_| Some(shown))
}

/// Asks for a review package and opens it as a review copy beside it (never over an existing
/// file), which becomes the open workspace.
#[tauri::command]
pub async fn open_review_package(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<WorkspaceInfo>> {
    let Some(package) = crate::dialogs::open_file(&handle, "Open a review package", REVIEW_PACKAGE.0, REVIEW_PACKAGE.1, None).await else {
        return Ok(None);
    };
    let copy = review_copy_path(&package);
    let info = s.run(move |a| a.open_review_package(&package, &copy)).await?;
    crate::window::show_workspace(&handle, &info);
    Ok(Some(info))
}

/// Asks where to save the pitch's latest decision as a file for the writer.
#[tauri::command]
pub async fn export_decision(handle: AppHandle, s: Cmd<'_>, pitch_id: Id) -> ApiResult<Option<String>> {
    let suggestion = s.run(move |a| a.save_suggestion(Saving::Decision(pitch_id))).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Save the decision", DECISION.0, DECISION.1, suggestion).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    s.run(move |a| a.export_decision(pitch_id, &path)).await.map(|_| Some(shown))
}

/// Asks for a decision file and applies it (or says why not).
#[tauri::command]
pub async fn import_decision(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<DecisionImport>> {
    let folder = s.run(|a| Ok(a.workspace_folder())).await?;
    let Some(path) = crate::dialogs::open_file(&handle, "Import a decision", DECISION.0, DECISION.1, folder).await else {
        return Ok(None);
    };
    s.run(move |a| a.import_decision(&path)).await.map(Some)
}
