//! The review workflow's files, each behind a native dialog: reviewer cards, review packages
//! and decision files.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::files::{review_copy_path, Saving};
use pitchbridge_app::opened_files::{DecisionFilePreview, OpenedFile, ReviewerCardPreview};
use pitchbridge_app::review_files::DecisionImport;
use pitchbridge_app::store::Reviewer;
use pitchbridge_app::workspace::WorkspaceInfo;
use pitchbridge_core::Id;
use tauri::{AppHandle, State};

use super::Cmd;
use crate::state::PendingOpen;

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

/// The review package, decision or reviewer card the app was started with, once.
#[tauri::command]
pub fn take_opened_file(pending: State<'_, PendingOpen>) -> Option<OpenedFile> {
    pending.0.lock().unwrap_or_else(|p| p.into_inner()).take()
}

/// Opens a review package handed over by the desktop as a review copy: at `copy` (beside the
/// package), or where the person chooses when `choose` is set (`None` when they cancel).
#[tauri::command]
pub async fn open_review_package_file(handle: AppHandle, s: Cmd<'_>, package_path: String, copy: String, choose: bool) -> ApiResult<Option<WorkspaceInfo>> {
    let package = std::path::PathBuf::from(package_path);
    let mut copy = std::path::PathBuf::from(copy);
    if choose {
        let stem = copy.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let suggestion = pitchbridge_app::files::SaveSuggestion { stem, folder: copy.parent().map(std::path::Path::to_path_buf) };
        let Some(chosen) = crate::dialogs::save_file(&handle, "Save the review copy", "Pitchbridge workspace", &[pitchbridge_app::store::EXTENSION], suggestion).await else {
            return Ok(None);
        };
        copy = chosen.with_extension(pitchbridge_app::store::EXTENSION);
    }
    let info = s.run(move |a| a.open_review_package(&package, &copy)).await?;
    crate::window::show_workspace(&handle, &info);
    Ok(Some(info))
}

#[tauri::command]
pub async fn preview_decision_file(s: Cmd<'_>, path: String) -> ApiResult<DecisionFilePreview> {
    s.run(move |a| a.preview_decision_file(std::path::Path::new(&path))).await
}

/// Applies a decision file the person has seen the preview of.
#[tauri::command]
pub async fn apply_decision_file(s: Cmd<'_>, path: String) -> ApiResult<DecisionImport> {
    s.run(move |a| a.import_decision(std::path::Path::new(&path))).await
}

/// Opens the workspace a decision was made for and applies it there.
#[tauri::command]
pub async fn apply_decision_in_its_workspace(handle: AppHandle, s: Cmd<'_>, path: String) -> ApiResult<DecisionImport> {
    let (info, done) = s.run(move |a| a.apply_decision_in_its_workspace(std::path::Path::new(&path))).await?;
    crate::window::show_workspace(&handle, &info);
    Ok(done)
}

#[tauri::command]
pub async fn preview_reviewer_card(s: Cmd<'_>, path: String) -> ApiResult<ReviewerCardPreview> {
    s.run(move |a| a.preview_reviewer_card(std::path::Path::new(&path))).await
}

/// Registers the reviewer of a card the person has seen.
#[tauri::command]
pub async fn add_reviewer_from_card(s: Cmd<'_>, path: String) -> ApiResult<Reviewer> {
    s.run(move |a| a.import_reviewer_card(std::path::Path::new(&path))).await
}
