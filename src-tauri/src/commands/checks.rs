//! The pitch checks: running them, dismissing and restoring findings, the manual checklist,
//! rule settings, spelling and the workspace dictionary.

use pitchbridge_app::checks::{
    CheckPitchRequest, CheckSettingsView, DismissFindingRequest, ManualItemRequest, PitchCheckReport, RestoreFindingRequest,
    SetCheckSettingRequest,
};
use pitchbridge_app::error::ApiResult;
use pitchbridge_app::store::Dismissal;

use super::Cmd;

#[tauri::command]
pub async fn check_pitch(s: Cmd<'_>, req: CheckPitchRequest) -> ApiResult<PitchCheckReport> {
    s.run(move |a| a.check_pitch(req)).await
}

#[tauri::command]
pub async fn dismiss_finding(s: Cmd<'_>, req: DismissFindingRequest) -> ApiResult<Dismissal> {
    s.run(move |a| a.dismiss_finding(req)).await
}

#[tauri::command]
pub async fn restore_finding(s: Cmd<'_>, req: RestoreFindingRequest) -> ApiResult<()> {
    s.run(move |a| a.restore_finding(req)).await
}

#[tauri::command]
pub async fn set_manual_item(s: Cmd<'_>, req: ManualItemRequest) -> ApiResult<()> {
    s.run(move |a| a.set_manual_item(req)).await
}

#[tauri::command]
pub async fn get_check_settings(s: Cmd<'_>) -> ApiResult<CheckSettingsView> {
    s.run(|a| a.get_check_settings()).await
}

#[tauri::command]
pub async fn set_check_setting(s: Cmd<'_>, req: SetCheckSettingRequest) -> ApiResult<CheckSettingsView> {
    s.run(move |a| a.set_check_setting(req)).await
}

#[tauri::command]
pub async fn spelling_suggestions(s: Cmd<'_>, word: String) -> ApiResult<Vec<String>> {
    s.run(move |a| a.spelling_suggestions(word)).await
}

#[tauri::command]
pub async fn add_dictionary_word(s: Cmd<'_>, word: String) -> ApiResult<Vec<String>> {
    s.run(move |a| a.add_dictionary_word(word)).await
}

#[tauri::command]
pub async fn remove_dictionary_word(s: Cmd<'_>, word: String) -> ApiResult<Vec<String>> {
    s.run(move |a| a.remove_dictionary_word(word)).await
}

#[tauri::command]
pub async fn list_dictionary_words(s: Cmd<'_>) -> ApiResult<Vec<String>> {
    s.run(|a| a.list_dictionary_words()).await
}
