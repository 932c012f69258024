//! Audiences and their research.

use pitchbridge_app::audiences::UpdateAudienceRequest;
use pitchbridge_app::error::ApiResult;
use pitchbridge_core::{Audience, AudienceInput, Id};

use super::Cmd;

#[tauri::command]
pub async fn list_audiences(s: Cmd<'_>) -> ApiResult<Vec<Audience>> {
    s.run(|a| a.list_audiences()).await
}

#[tauri::command]
pub async fn create_audience(s: Cmd<'_>, input: AudienceInput) -> ApiResult<Audience> {
    s.run(move |a| a.create_audience(input)).await
}

#[tauri::command]
pub async fn update_audience(s: Cmd<'_>, req: UpdateAudienceRequest) -> ApiResult<Audience> {
    s.run(move |a| a.update_audience(req)).await
}

#[tauri::command]
pub async fn delete_audience(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_audience(id)).await
}
