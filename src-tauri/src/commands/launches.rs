//! Launches.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::launches::UpdateLaunchRequest;
use pitchbridge_app::store::{LaunchDetail, LaunchSummary};
use pitchbridge_core::{Id, Launch, LaunchInput};

use super::Cmd;

#[tauri::command]
pub async fn list_launches(s: Cmd<'_>) -> ApiResult<Vec<LaunchSummary>> {
    s.run(|a| a.list_launches()).await
}

#[tauri::command]
pub async fn get_launch(s: Cmd<'_>, id: Id) -> ApiResult<LaunchDetail> {
    s.run(move |a| a.get_launch(id)).await
}

#[tauri::command]
pub async fn create_launch(s: Cmd<'_>, input: LaunchInput) -> ApiResult<Launch> {
    s.run(move |a| a.create_launch(input)).await
}

#[tauri::command]
pub async fn update_launch(s: Cmd<'_>, req: UpdateLaunchRequest) -> ApiResult<Launch> {
    s.run(move |a| a.update_launch(req)).await
}

#[tauri::command]
pub async fn delete_launch(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_launch(id)).await
}
