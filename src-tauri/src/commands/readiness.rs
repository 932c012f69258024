//! Launch readiness: targets, expiry settings and the readiness of a launch on a day.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::export::{ExportFormat, ExportOutcome};
use pitchbridge_app::files::Saving;
use pitchbridge_app::readiness_report::ReadinessReportRequest;
use pitchbridge_app::readiness::{MyExpiring, PitchVerification, ReadinessRequest, ReadinessSettings, Reverification, ReverifyRequest, ValidUntilRequest, VerificationRequest};
use pitchbridge_app::review::ReviewState;
use pitchbridge_core::readiness::{LaunchReadiness, LaunchTargets, ScoreWeights, TrendPoint};
use pitchbridge_core::Id;

use tauri::AppHandle;

use super::Cmd;

#[tauri::command]
pub async fn launch_readiness(s: Cmd<'_>, req: ReadinessRequest) -> ApiResult<LaunchReadiness> {
    s.run(move |a| a.launch_readiness(req)).await
}

/// The launches whose reading for today is still to be kept.
#[tauri::command]
pub async fn readings_due(s: Cmd<'_>) -> ApiResult<Vec<Id>> {
    s.run(|a| a.readings_due()).await
}

/// Keeps today's reading of a launch, for its trend.
#[tauri::command]
pub async fn record_readiness(s: Cmd<'_>, launch_id: Id) -> ApiResult<TrendPoint> {
    s.run(move |a| a.record_readiness(launch_id)).await
}

#[tauri::command]
pub async fn launch_targets(s: Cmd<'_>, launch_id: Id) -> ApiResult<LaunchTargets> {
    s.run(move |a| a.launch_targets(launch_id)).await
}

#[tauri::command]
pub async fn set_launch_targets(s: Cmd<'_>, targets: LaunchTargets) -> ApiResult<LaunchTargets> {
    s.run(move |a| a.set_launch_targets(targets)).await
}

#[tauri::command]
pub async fn message_valid_until(s: Cmd<'_>, message_id: Id) -> ApiResult<String> {
    s.run(move |a| a.message_valid_until(message_id)).await
}

#[tauri::command]
pub async fn set_message_valid_until(s: Cmd<'_>, req: ValidUntilRequest) -> ApiResult<String> {
    s.run(move |a| a.set_message_valid_until(req)).await
}

#[tauri::command]
pub async fn set_pitch_verification(s: Cmd<'_>, req: VerificationRequest) -> ApiResult<()> {
    s.run(move |a| a.set_pitch_verification(req)).await
}

#[tauri::command]
pub async fn readiness_settings(s: Cmd<'_>) -> ApiResult<ReadinessSettings> {
    s.run(|a| a.readiness_settings()).await
}

/// The score's weights and the re-verification intervals, set together.
#[tauri::command]
pub async fn set_readiness_settings(s: Cmd<'_>, settings: ReadinessSettings) -> ApiResult<ReadinessSettings> {
    s.run(move |a| a.set_readiness_settings(settings)).await
}

#[tauri::command]
pub async fn pitch_verification(s: Cmd<'_>, pitch_id: Id) -> ApiResult<PitchVerification> {
    s.run(move |a| a.pitch_verification(pitch_id)).await
}

#[tauri::command]
pub async fn set_readiness_weights(s: Cmd<'_>, weights: ScoreWeights) -> ApiResult<ScoreWeights> {
    s.run(move |a| a.set_readiness_weights(weights)).await
}

#[tauri::command]
pub async fn reverification(s: Cmd<'_>, pitch_id: Id) -> ApiResult<Reverification> {
    s.run(move |a| a.reverification(pitch_id)).await
}

/// What expires within two weeks that is the person's to re-verify or to write.
#[tauri::command]
pub async fn expiring_for_me(s: Cmd<'_>) -> ApiResult<Vec<MyExpiring>> {
    s.run(|a| a.expiring_for_me()).await
}

/// The verifier re-verifies an approved pitch with a signed decision.
#[tauri::command]
pub async fn reverify(s: Cmd<'_>, req: ReverifyRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.reverify(req)).await
}

/// The readiness report for a VP, saved where the person chooses and opened in their viewer;
/// `None` when they cancel the save dialog.
#[tauri::command]
pub async fn export_readiness_report(handle: AppHandle, s: Cmd<'_>, launch_id: Id, format: ExportFormat) -> ApiResult<Option<ExportOutcome>> {
    let suggestion = s.run(move |a| a.save_suggestion(Saving::ReadinessReport(launch_id))).await?;
    let label = if format == ExportFormat::Pdf { "PDF" } else { "Word document" };
    let Some(path) = crate::dialogs::save_file(&handle, "Save readiness report", label, &[format.extension()], suggestion).await else { return Ok(None) };
    let path = path.with_extension(format.extension()).display().to_string();
    let outcome = s.run(move |a| a.export_readiness_report(ReadinessReportRequest { launch_id, at: None, format, path })).await?;
    crate::window::open_in_viewer(&outcome.path);
    Ok(Some(outcome))
}
