//! The side-by-side editor: the pitch's document, its links to claims, named versions.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::pitch_editor::{
    LinkClaimsRequest, LinkRequest, PitchVersionRequest, ResolveLinkRequest, SavePitchDocRequest, SavePitchDocResult,
    SavePitchVersionRequest,
};
use pitchbridge_app::store::{PitchEditorView, PitchLinks, PitchVersionSummary};
use pitchbridge_core::redline::DiffSpan;
use pitchbridge_core::Id;

use super::Cmd;

#[tauri::command]
pub async fn get_pitch_editor(s: Cmd<'_>, id: Id) -> ApiResult<PitchEditorView> {
    s.run(move |a| a.get_pitch_editor(id)).await
}

/// Saves the whole document; only changed blocks are written.
#[tauri::command]
pub async fn save_pitch_doc(s: Cmd<'_>, req: SavePitchDocRequest) -> ApiResult<SavePitchDocResult> {
    s.run(move |a| a.save_pitch_doc(req)).await
}

#[tauri::command]
pub async fn link_claims(s: Cmd<'_>, req: LinkClaimsRequest) -> ApiResult<PitchLinks> {
    s.run(move |a| a.link_claims(req)).await
}

#[tauri::command]
pub async fn unlink_claim(s: Cmd<'_>, req: LinkRequest) -> ApiResult<PitchLinks> {
    s.run(move |a| a.unlink_claim(req)).await
}

/// A stale link brought up to date with its claim's current text.
#[tauri::command]
pub async fn confirm_link(s: Cmd<'_>, req: ResolveLinkRequest) -> ApiResult<PitchLinks> {
    s.run(move |a| a.confirm_link(req)).await
}

#[tauri::command]
pub async fn save_pitch_version(s: Cmd<'_>, req: SavePitchVersionRequest) -> ApiResult<Vec<PitchVersionSummary>> {
    s.run(move |a| a.save_pitch_version(req)).await
}

#[tauri::command]
pub async fn compare_pitch_version(s: Cmd<'_>, req: PitchVersionRequest) -> ApiResult<Vec<DiffSpan>> {
    s.run(move |a| a.compare_pitch_version(req)).await
}

#[tauri::command]
pub async fn restore_pitch_version(s: Cmd<'_>, req: PitchVersionRequest) -> ApiResult<PitchEditorView> {
    s.run(move |a| a.restore_pitch_version(req)).await
}
