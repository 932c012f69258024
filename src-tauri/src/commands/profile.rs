//! The person's profile and signing key.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::profile::{PassphraseRequest, ProfileView, SaveProfileRequest};

use super::Cmd;

#[tauri::command]
pub async fn get_profile(s: Cmd<'_>) -> ApiResult<Option<ProfileView>> {
    s.run(|a| a.get_profile()).await
}

#[tauri::command]
pub async fn save_profile(s: Cmd<'_>, req: SaveProfileRequest) -> ApiResult<ProfileView> {
    s.run(move |a| a.save_profile(req)).await
}

#[tauri::command]
pub async fn create_signing_key(s: Cmd<'_>, req: PassphraseRequest) -> ApiResult<ProfileView> {
    s.run(move |a| a.create_signing_key(req)).await
}

/// The reviewer proves they hold their key before editing a pitch in review.
#[tauri::command]
pub async fn unlock_for_review(s: Cmd<'_>, req: PassphraseRequest) -> ApiResult<()> {
    s.run(move |a| a.unlock_for_review(req)).await
}
