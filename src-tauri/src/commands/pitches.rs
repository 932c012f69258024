//! Pitches: the collateral types they are written in, creating, reading and deleting them.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::pitches::CreatePitchRequest;
use pitchbridge_app::store::PitchDetail;
use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::Id;

use super::Cmd;

#[tauri::command]
pub async fn list_collateral_types(s: Cmd<'_>) -> ApiResult<Vec<CollateralType>> {
    s.run(|a| a.list_collateral_types()).await
}

#[tauri::command]
pub async fn create_pitch(s: Cmd<'_>, req: CreatePitchRequest) -> ApiResult<PitchDetail> {
    s.run(move |a| a.create_pitch(req)).await
}

#[tauri::command]
pub async fn get_pitch(s: Cmd<'_>, id: Id) -> ApiResult<PitchDetail> {
    s.run(move |a| a.get_pitch(id)).await
}

#[tauri::command]
pub async fn delete_pitch(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_pitch(id)).await
}
