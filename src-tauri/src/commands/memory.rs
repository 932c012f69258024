//! The memory of approved wording: suggestions for the claims being translated, the
//! concordance, and TMX files out and in.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::memory::{ConcordanceHit, SuggestRequest, Suggestion, TmxImport};
use tauri::AppHandle;

use super::Cmd;

#[tauri::command]
pub async fn suggest_wording(s: Cmd<'_>, req: SuggestRequest) -> ApiResult<Vec<Suggestion>> {
    s.run(move |a| a.suggest(&req)).await
}

#[tauri::command]
pub async fn concordance(s: Cmd<'_>, phrase: String) -> ApiResult<Vec<ConcordanceHit>> {
    s.run(move |a| a.concordance(&phrase, 100)).await
}

/// Saves the memory as TMX where the person chooses: how many pairs, or `None` when cancelled.
#[tauri::command]
pub async fn export_memory_tmx(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<u64>> {
    let suggestion = s.run(|a| a.save_suggestion(pitchbridge_app::files::Saving::Memory)).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Export the memory", "TMX memory", &["tmx"], suggestion).await else { return Ok(None) };
    let path = path.with_extension("tmx");
    Ok(Some(s.run(move |a| a.export_tmx(&path)).await?))
}

/// Reads a TMX file the person chooses into the memory; `None` when cancelled.
#[tauri::command]
pub async fn import_memory_tmx(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<TmxImport>> {
    let Some(path) = crate::dialogs::open_file(&handle, "Import a memory", "TMX memory", &["tmx", "xml"], None).await else { return Ok(None) };
    Ok(Some(s.run(move |a| a.import_tmx(&path)).await?))
}
