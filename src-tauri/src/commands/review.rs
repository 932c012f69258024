//! Review and approval: reviewers, submitting and withdrawing, comments, decisions.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::review::{
    AddCommentRequest, CompareVersionsRequest, DecideRequest, PitchRef, ResolveCommentRequest, ReviewState, SubmitRequest,
};
use pitchbridge_app::store::Reviewer;
use pitchbridge_core::redline::DiffSpan;
use pitchbridge_core::Id;

use super::Cmd;

#[tauri::command]
pub async fn register_as_reviewer(s: Cmd<'_>) -> ApiResult<Reviewer> {
    s.run(|a| a.register_as_reviewer()).await
}

#[tauri::command]
pub async fn list_reviewers(s: Cmd<'_>) -> ApiResult<Vec<Reviewer>> {
    s.run(|a| a.list_reviewers()).await
}

#[tauri::command]
pub async fn review_state(s: Cmd<'_>, pitch_id: Id) -> ApiResult<ReviewState> {
    s.run(move |a| a.review_state(pitch_id)).await
}

#[tauri::command]
pub async fn submit_for_review(s: Cmd<'_>, req: SubmitRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.submit_for_review(req)).await
}

#[tauri::command]
pub async fn withdraw_review(s: Cmd<'_>, req: PitchRef) -> ApiResult<ReviewState> {
    s.run(move |a| a.withdraw_review(req)).await
}

#[tauri::command]
pub async fn add_comment(s: Cmd<'_>, req: AddCommentRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.add_comment(req)).await
}

#[tauri::command]
pub async fn resolve_comment(s: Cmd<'_>, req: ResolveCommentRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.resolve_comment(req)).await
}

/// The reviewer's decision, signed with their passphrase.
#[tauri::command]
pub async fn decide(s: Cmd<'_>, req: DecideRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.decide(req)).await
}

/// Any two versions of a pitch (or a version with the text now), word by word.
#[tauri::command]
pub async fn compare_versions(s: Cmd<'_>, req: CompareVersionsRequest) -> ApiResult<Vec<DiffSpan>> {
    s.run(move |a| a.compare_versions(req)).await
}
