//! Training kits and launch kits: the drills made from a launch's approved pitches for one
//! audience, saved in the formats learning systems and reps use, and the launch kit bundle.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::export::ExportOutcome;
use pitchbridge_app::files::Saving;
use pitchbridge_app::launch_kit::{LaunchKitOutcome, LaunchKitPlan, LaunchKitRequest};
use pitchbridge_app::training::{Certification, CertificationRequest, EditTrainingItemRequest, KitFormat, TrainingExportRequest, TrainingItemRequest, TrainingKit, TrainingKitRequest};
use pitchbridge_app::training_review::{DecideKitRequest, SubmitKitRequest};
use pitchbridge_core::Id;
use tauri::AppHandle;

use super::Cmd;

#[tauri::command]
pub async fn training_kit(s: Cmd<'_>, req: TrainingKitRequest) -> ApiResult<TrainingKit> {
    s.run(move |a| a.training_kit(req)).await
}

/// Saves the kit in one format where the person chooses; `None` when they cancel. The rep
/// guide opens in their viewer.
#[tauri::command]
pub async fn export_training_kit(handle: AppHandle, s: Cmd<'_>, launch_id: Id, audience_id: Id, format: KitFormat) -> ApiResult<Option<Vec<ExportOutcome>>> {
    let (what, label, ext) = match format {
        KitFormat::Scorm => ("SCORM", "SCORM 1.2 package", "zip"),
        KitFormat::Apkg => ("flashcards", "Anki deck", "apkg"),
        KitFormat::Gift => ("quiz", "Moodle GIFT quiz", "gift"),
        KitFormat::Pdf => ("rep guide", "PDF", "pdf"),
        KitFormat::Docx => ("rep guide", "Word document", "docx"),
    };
    let suggestion = s.run(move |a| a.save_suggestion(Saving::TrainingKit { launch_id, audience_id, what })).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Save training kit", label, &[ext], suggestion).await else { return Ok(None) };
    let path = path.with_extension(ext).display().to_string();
    let outcome = s.run(move |a| a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format, path })).await?;
    if matches!(format, KitFormat::Pdf | KitFormat::Docx) {
        if let Some(guide) = outcome.first() {
            crate::window::open_in_viewer(&guide.path);
        }
    }
    Ok(Some(outcome))
}

#[tauri::command]
pub async fn launch_kit_plan(s: Cmd<'_>, launch_id: Id, audience_id: Id) -> ApiResult<LaunchKitPlan> {
    s.run(move |a| a.launch_kit_plan(launch_id, audience_id)).await
}

/// Saves the launch kit (a zip) where the person chooses; `None` when they cancel.
#[tauri::command]
pub async fn export_launch_kit(handle: AppHandle, s: Cmd<'_>, launch_id: Id, audience_id: Id) -> ApiResult<Option<LaunchKitOutcome>> {
    let suggestion = s.run(move |a| a.save_suggestion(Saving::TrainingKit { launch_id, audience_id, what: "launch kit" })).await?;
    let Some(path) = crate::dialogs::save_file(&handle, "Save launch kit", "Zip archive", &["zip"], suggestion).await else { return Ok(None) };
    let path = path.with_extension("zip").display().to_string();
    Ok(Some(s.run(move |a| a.export_launch_kit(LaunchKitRequest { launch_id, audience_id, path })).await?))
}

#[tauri::command]
pub async fn certification(s: Cmd<'_>, launch_id: Id, audience_id: Id) -> ApiResult<Certification> {
    s.run(move |a| a.certification(launch_id, audience_id)).await
}

#[tauri::command]
pub async fn set_certification(s: Cmd<'_>, req: CertificationRequest) -> ApiResult<Certification> {
    s.run(move |a| a.set_certification(req)).await
}

/// Removes an item from the kit (`removed` true) or puts it back.
#[tauri::command]
pub async fn remove_training_item(s: Cmd<'_>, req: TrainingItemRequest, removed: bool) -> ApiResult<TrainingKit> {
    s.run(move |a| a.remove_training_item(req, removed)).await
}

/// Moves an item one place up (−1) or down (+1) among its kind.
#[tauri::command]
pub async fn move_training_item(s: Cmd<'_>, req: TrainingItemRequest, by: i32) -> ApiResult<TrainingKit> {
    s.run(move |a| a.move_training_item(req, by)).await
}

/// Rewords an item, or puts it back as made (`item` null).
#[tauri::command]
pub async fn edit_training_item(s: Cmd<'_>, req: EditTrainingItemRequest) -> ApiResult<TrainingKit> {
    s.run(move |a| a.edit_training_item(req)).await
}

/// Sends the kit as it is to a registered reviewer.
#[tauri::command]
pub async fn submit_training_kit(s: Cmd<'_>, req: SubmitKitRequest) -> ApiResult<TrainingKit> {
    s.run(move |a| a.submit_training_kit(req)).await
}

#[tauri::command]
pub async fn withdraw_training_kit(s: Cmd<'_>, req: TrainingKitRequest) -> ApiResult<TrainingKit> {
    s.run(move |a| a.withdraw_training_kit(req)).await
}

/// The reviewer's signed decision on the kit.
#[tauri::command]
pub async fn decide_training_kit(s: Cmd<'_>, req: DecideKitRequest) -> ApiResult<TrainingKit> {
    s.run(move |a| a.decide_training_kit(req)).await
}
