//! The glossary and its CSV exchange.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::glossary::GlossaryCandidate;
use pitchbridge_app::files::Saving;
use pitchbridge_app::glossary::{GlossaryImportReport, UpdateGlossaryRequest};
use pitchbridge_core::{GlossaryInput, GlossaryTerm, Id};
use tauri::AppHandle;

use super::Cmd;

#[tauri::command]
pub async fn glossary_candidates(s: Cmd<'_>) -> ApiResult<Vec<GlossaryCandidate>> {
    s.run(|a| a.glossary_candidates()).await
}

#[tauri::command]
pub async fn list_glossary(s: Cmd<'_>) -> ApiResult<Vec<GlossaryTerm>> {
    s.run(|a| a.list_glossary()).await
}

#[tauri::command]
pub async fn add_glossary_term(s: Cmd<'_>, input: GlossaryInput) -> ApiResult<GlossaryTerm> {
    s.run(move |a| a.add_glossary_term(input)).await
}

#[tauri::command]
pub async fn update_glossary_term(s: Cmd<'_>, req: UpdateGlossaryRequest) -> ApiResult<GlossaryTerm> {
    s.run(move |a| a.update_glossary_term(req)).await
}

#[tauri::command]
pub async fn delete_glossary_term(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_glossary_term(id)).await
}

/// Asks for a CSV file and merges it into the glossary; `None` when the dialog is cancelled.
#[tauri::command]
pub async fn import_glossary_csv(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<GlossaryImportReport>> {
    let Some(path) = crate::dialogs::open_file(&handle, "Import glossary", "CSV", &["csv"], None).await else { return Ok(None) };
    s.run(move |a| a.import_glossary_csv(path.display().to_string())).await.map(Some)
}

/// Asks where to save, then writes the glossary as CSV; the number of terms written, or
/// `None` when cancelled.
#[tauri::command]
pub async fn export_glossary_csv(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<u32>> {
    let suggestion = s.run(|a| a.save_suggestion(Saving::Glossary)).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Export glossary", "CSV", &["csv"], suggestion).await else { return Ok(None) };
    s.run(move |a| a.export_glossary_csv(path.display().to_string())).await.map(Some)
}
