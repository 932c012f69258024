//! Factory messages, their versions and claims.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::messages::{AddMessageVersionRequest, CreateMessageRequest, SetClaimKindRequest};
use pitchbridge_app::store::{MessageDetail, VersionReport};
use pitchbridge_core::{Claim, Id};

use super::Cmd;

#[tauri::command]
pub async fn create_message(s: Cmd<'_>, req: CreateMessageRequest) -> ApiResult<MessageDetail> {
    s.run(move |a| a.create_message(req)).await
}

#[tauri::command]
pub async fn get_message(s: Cmd<'_>, id: Id) -> ApiResult<MessageDetail> {
    s.run(move |a| a.get_message(id)).await
}

/// What a new version would change, without changing anything.
#[tauri::command]
pub async fn preview_message_version(s: Cmd<'_>, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
    s.run(move |a| a.preview_message_version(req)).await
}

#[tauri::command]
pub async fn add_message_version(s: Cmd<'_>, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
    s.run(move |a| a.add_message_version(req)).await
}

#[tauri::command]
pub async fn set_claim_kind(s: Cmd<'_>, req: SetClaimKindRequest) -> ApiResult<Claim> {
    s.run(move |a| a.set_claim_kind(req)).await
}

#[tauri::command]
pub async fn delete_message(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_message(id)).await
}
