//! The side-by-side editor: saving the document, links to claims, named versions.

use pitchbridge_core::Id;
use pitchbridge_store::{PitchEditorView, PitchLinks, PitchVersionSummary};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ErrorCode};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePitchDocRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    /// The path of the workspace the pitch was opened from: a save meant for one workspace is
    /// refused if another has been opened since.
    pub workspace: String,
    pub blocks: Vec<pitchbridge_core::doc::DocBlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePitchDocResult {
    /// Whether anything was written (an unchanged document writes nothing).
    pub changed: bool,
    /// The pitch's links, when paragraphs (and with them their links) were deleted.
    pub links: Option<PitchLinks>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkClaimsRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub block_key: String,
    #[ts(type = "Array<number>")]
    pub claim_ids: Vec<Id>,
}

/// One link, to remove.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub block_key: String,
    #[ts(type = "number")]
    pub claim_id: Id,
}

/// A stale link, resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolveLinkRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub block_key: String,
    #[ts(type = "number")]
    pub claim_id: Id,
    pub resolution: pitchbridge_core::links::LinkResolution,
    /// The writer saw that the paragraph still says a number the claim no longer says, and
    /// confirms it holds anyway.
    #[serde(default)]
    pub numbers_confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePitchVersionRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchVersionRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub number: i64,
}

impl App {
    pub fn get_pitch_editor(&self, id: Id) -> ApiResult<PitchEditorView> {
        Ok(self.ws()?.pitch_editor(id)?)
    }

    /// The autosave: the whole document, of which only what changed is written.
    pub fn save_pitch_doc(&mut self, req: SavePitchDocRequest) -> ApiResult<SavePitchDocResult> {
        let now = self.clock.now();
        // The reviewer a pitch was sent to may edit it while it is in review (an approval with
        // edits); nobody else may.
        let reviewing = self.may_edit_as_reviewer(req.pitch_id)?;
        let ws = self.ws_mut()?;
        if ws.path().display().to_string() != req.workspace {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Another workspace was opened before this pitch's last changes were saved; they were not written into it.",
            ));
        }
        let (changed, removed) = if reviewing { ws.save_review_edits(req.pitch_id, &req.blocks, &now)? } else { ws.save_pitch_doc_reporting(req.pitch_id, &req.blocks, &now)? };
        let links = if removed { Some(ws.pitch_links(req.pitch_id)?) } else { None };
        Ok(SavePitchDocResult { changed, links })
    }

    pub fn link_claims(&mut self, req: LinkClaimsRequest) -> ApiResult<PitchLinks> {
        if req.claim_ids.is_empty() {
            return Err(ApiError::invalid("Select one or more claims to link."));
        }
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.link_claims(req.pitch_id, &req.block_key, &req.claim_ids, &now)?;
        Ok(ws.pitch_links(req.pitch_id)?)
    }

    pub fn unlink_claim(&mut self, req: LinkRequest) -> ApiResult<PitchLinks> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.unlink_claim(req.pitch_id, &req.block_key, req.claim_id, &now)?;
        Ok(ws.pitch_links(req.pitch_id)?)
    }

    /// Resolves a stale flag: the paragraph was revised, or still holds.
    pub fn confirm_link(&mut self, req: ResolveLinkRequest) -> ApiResult<PitchLinks> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.confirm_link(req.pitch_id, &req.block_key, req.claim_id, req.resolution, req.numbers_confirmed, &now)?;
        Ok(ws.pitch_links(req.pitch_id)?)
    }

    pub fn save_pitch_version(&mut self, req: SavePitchVersionRequest) -> ApiResult<Vec<PitchVersionSummary>> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.save_pitch_version(req.pitch_id, &req.name, &now)?;
        Ok(ws.list_pitch_versions(req.pitch_id)?)
    }

    pub fn compare_pitch_version(&self, req: PitchVersionRequest) -> ApiResult<Vec<pitchbridge_core::redline::DiffSpan>> {
        Ok(self.ws()?.compare_pitch_version(req.pitch_id, req.number)?)
    }

    pub fn restore_pitch_version(&mut self, req: PitchVersionRequest) -> ApiResult<PitchEditorView> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.restore_pitch_version(req.pitch_id, req.number, &now)?;
        Ok(ws.pitch_editor(req.pitch_id)?)
    }
}
