//! Factory messages: pasted or imported text split into claims, and new versions of it.

use pitchbridge_core::{Claim, ClaimKind, Id};
use pitchbridge_store::{MessageDetail, VersionReport};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult};

/// Longest Factory message text accepted in one paste: about 200 pages.
pub const MAX_MESSAGE_CHARS: usize = 2_000_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateMessageRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddMessageVersionRequest {
    #[ts(type = "number")]
    pub message_id: Id,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetClaimKindRequest {
    #[ts(type = "number")]
    pub claim_id: Id,
    pub kind: ClaimKind,
}

impl App {
    pub fn create_message(&mut self, req: CreateMessageRequest) -> ApiResult<MessageDetail> {
        check_message_size(&req.text)?;
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_message(req.launch_id, &req.title, &req.text, None, &now)?)
    }

    pub fn add_message_version(&mut self, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
        check_message_size(&req.text)?;
        let now = self.clock.now();
        Ok(self.ws_mut()?.add_message_version(req.message_id, &req.text, &now)?)
    }

    /// What a new version would change, without changing anything.
    pub fn preview_message_version(&mut self, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
        check_message_size(&req.text)?;
        let now = self.clock.now();
        Ok(self.ws_mut()?.preview_message_version(req.message_id, &req.text, &now)?)
    }

    pub fn get_message(&self, id: Id) -> ApiResult<MessageDetail> {
        Ok(self.ws()?.message_detail(id)?)
    }

    pub fn set_claim_kind(&mut self, req: SetClaimKindRequest) -> ApiResult<Claim> {
        Ok(self.ws_mut()?.set_claim_kind(req.claim_id, req.kind)?)
    }

    pub fn delete_message(&mut self, id: Id) -> ApiResult<()> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.delete_message(id, &now)?)
    }
}

pub(crate) fn check_message_size(text: &str) -> ApiResult<()> {
    pitchbridge_core::controls::refuse("text", text).map_err(ApiError::invalid)?;
    let n = text.chars().count();
    if n > MAX_MESSAGE_CHARS {
        return Err(ApiError::invalid(format!(
            "The text is {n} characters long; a Factory message can be at most {MAX_MESSAGE_CHARS}. Split it into several messages."
        )));
    }
    Ok(())
}
