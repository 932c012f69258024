//! Exporting a pitch as finished collateral.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::export::{ExportFormat, ExportOutcome};
use pitchbridge_app::files::Saving;
use pitchbridge_app::ApiError;
use pitchbridge_core::Id;
use tauri::AppHandle;

use super::Cmd;

/// Asks where to save, then exports the pitch in each format asked (the second beside the
/// first, with its own extension), then opens the first in the system's viewer. `None` when
/// the dialog is cancelled.
#[tauri::command]
pub async fn export_pitch(handle: AppHandle, s: Cmd<'_>, pitch_id: Id, formats: Vec<ExportFormat>) -> ApiResult<Option<Vec<ExportOutcome>>> {
    let Some(first) = formats.first().copied() else { return Err(ApiError::invalid("Choose DOCX, PDF or both.")) };
    let suggestion = s.run(move |a| a.save_suggestion(Saving::PitchExport(pitch_id))).await?;
    let label = if first == ExportFormat::Pdf { "PDF" } else { "Word document" };
    let Some(path) = crate::dialogs::save_file(&handle, "Export pitch", label, &[first.extension()], suggestion).await else { return Ok(None) };
    let outcomes = s.run(move |a| a.export_pitch_formats(pitch_id, &formats, &path)).await?;
    if let Some(o) = outcomes.first() {
        crate::window::open_in_viewer(&o.path);
    }
    Ok(Some(outcomes))
}
