//! Review and approval use cases: the person's profile and signing key, reviewers registered
//! in the workspace, submitting and withdrawing, comments, confirmations, signed decisions,
//! the offline round trip (review package out, decision file back), and the audit trail.

use std::path::{Path, PathBuf};

use pitchbridge_core::workflow::{content_fingerprint, NewComment};
use pitchbridge_core::{Id, PitchStatus};
use pitchbridge_review::profile::{self, Profile, Role};
use pitchbridge_review::{DecisionBody, DecisionFile, ReviewError, DECISION_FORMAT};
use pitchbridge_store::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{info, ApiError, ApiResult, App, ErrorCode, WorkspaceInfo};

/// The profile as the UI sees it: never the key itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub name: String,
    pub email: String,
    /// "writer" or "reviewer".
    pub role: String,
    /// Hex public key, once a signing key has been made.
    pub public_key: Option<String>,
    /// Whether this key is registered as a reviewer in the open workspace.
    pub registered_here: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveProfileRequest {
    pub name: String,
    pub email: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseRequest {
    pub passphrase: String,
}

/// A reviewer's public key as one person hands it to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewerCard {
    /// Always "pitchbridge-reviewer/1".
    pub format: String,
    pub name: String,
    pub email: String,
    pub public_key: String,
}

pub const REVIEWER_CARD_FORMAT: &str = "pitchbridge-reviewer/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmitRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub reviewer_id: Id,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchRef {
    #[ts(type = "number")]
    pub pitch_id: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddCommentRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub comment: NewComment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolveCommentRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub comment_id: Id,
    pub resolved: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecideRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub outcome: PitchOutcome,
    pub reasons: String,
    pub passphrase: String,
    /// Manual checklist items the writer ticked that the reviewer confirms: signed with the
    /// decision, so only the reviewer's key can confirm anything.
    #[serde(default)]
    pub confirmed_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareVersionsRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    /// 0 means the pitch as it is now.
    #[ts(type = "number")]
    pub from: i64,
    #[ts(type = "number")]
    pub to: i64,
}

/// Everything the pitch screen shows about review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewState {
    pub status: PitchStatus,
    /// The latest request, open or closed.
    pub request: Option<ReviewRequest>,
    pub decisions: Vec<DecisionRecord>,
    pub comments: Vec<Comment>,
    /// What changed since the last approval, when the pitch needs re-approval.
    pub drift: Option<ApprovalDrift>,
    pub reviewers: Vec<Reviewer>,
    /// The person using the app is the reviewer this pitch waits for.
    pub is_reviewer: bool,
    /// …and has unlocked their key this session, so they may edit the text.
    pub reviewer_unlocked: bool,
    /// The writer may edit the text (not while it is in review).
    pub writer_can_edit: bool,
    /// The reviewer has changed the text they were sent.
    pub reviewer_edited: bool,
    /// Redline of the reviewer's edits (from the version sent to the text now).
    pub edits_redline: Vec<pitchbridge_core::redline::DiffSpan>,
    /// This workspace is a review copy: decisions go back as a decision file.
    pub review_copy: bool,
}

/// What importing a decision did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionImport {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub pitch_title: String,
    pub decision: DecisionRecord,
}

/// Where the desktop app keeps the profile on this machine ($XDG_CONFIG_HOME or ~/.config,
/// then the app's identifier), for the command line to find the same one.
pub fn default_profile_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("com.pitchbridge.desktop"))
}

fn refused(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::ReviewRefused, message)
}

fn profile_error(e: profile::ProfileError) -> ApiError {
    match e {
        profile::ProfileError::Invalid(m) => ApiError::invalid(m),
        other => ApiError::new(ErrorCode::Io, other.to_string()),
    }
}

fn review_error(e: ReviewError) -> ApiError {
    refused(e.to_string())
}

fn read_small_file(path: &Path, what: &str) -> ApiResult<Vec<u8>> {
    const LIMIT: u64 = 64 * 1024 * 1024;
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ApiError::new(ErrorCode::FileNotFound, format!("{} was not found.", path.display())),
        _ => ApiError::new(ErrorCode::Io, format!("{} cannot be read: {e}", path.display())),
    })?;
    if meta.len() > LIMIT {
        return Err(ApiError::invalid(format!("{} is too large to be {what} ({} MB).", path.display(), meta.len() / 1_000_000)));
    }
    std::fs::read(path).map_err(|e| ApiError::new(ErrorCode::Io, format!("{} cannot be read: {e}", path.display())))
}

impl App {
    pub fn set_profile_dir(&mut self, dir: PathBuf) {
        self.profile_dir = Some(dir);
        let actor = self.actor();
        if let Some(ws) = self.workspace.as_mut() {
            ws.set_actor(&actor);
        }
    }

    fn profile_dir(&self) -> ApiResult<&Path> {
        self.profile_dir.as_deref().ok_or_else(|| ApiError::new(ErrorCode::Internal, "No folder for the profile was set."))
    }

    pub(crate) fn load_profile(&self) -> ApiResult<Option<Profile>> {
        match &self.profile_dir {
            Some(dir) => profile::load(dir).map_err(profile_error),
            None => Ok(None),
        }
    }

    fn require_profile(&self) -> ApiResult<Profile> {
        self.load_profile()?.ok_or_else(|| refused("Set up your profile first (your name and email): Your profile, at the foot of the sidebar."))
    }

    /// How the person using the app is named in the audit trail.
    pub(crate) fn actor(&self) -> String {
        match self.load_profile() {
            Ok(Some(p)) => p.actor(),
            _ => std::env::var("USER").map(|u| format!("{u} (no profile)")).unwrap_or_else(|_| "Unnamed user".into()),
        }
    }

    pub fn get_profile(&self) -> ApiResult<Option<ProfileView>> {
        let Some(p) = self.load_profile()? else { return Ok(None) };
        let public_key = p.key.as_ref().map(|k| k.public_key.clone());
        let registered_here = match (&public_key, self.workspace.as_ref()) {
            (Some(k), Some(ws)) => ws.reviewer_by_key(k)?.is_some(),
            _ => false,
        };
        Ok(Some(ProfileView {
            name: p.name,
            email: p.email,
            role: if p.role == Role::Reviewer { "reviewer" } else { "writer" }.into(),
            public_key,
            registered_here,
        }))
    }

    pub fn save_profile(&mut self, req: SaveProfileRequest) -> ApiResult<ProfileView> {
        let (name, email) = profile::validate(&req.name, &req.email).map_err(profile_error)?;
        let role = match req.role.as_str() {
            "reviewer" => Role::Reviewer,
            "writer" => Role::Writer,
            other => return Err(ApiError::invalid(format!("Unknown role \"{other}\": choose writer or reviewer."))),
        };
        let key = self.load_profile()?.and_then(|p| p.key);
        profile::save(self.profile_dir()?, &Profile { name, email, role, key }).map_err(profile_error)?;
        let actor = self.actor();
        if let Some(ws) = self.workspace.as_mut() {
            ws.set_actor(&actor);
        }
        Ok(self.get_profile()?.expect("just saved"))
    }

    /// Makes the person's signing key (once), encrypted under their passphrase.
    pub fn create_signing_key(&mut self, req: PassphraseRequest) -> ApiResult<ProfileView> {
        let mut p = self.require_profile()?;
        if p.key.is_some() {
            return Err(refused("You already have a signing key."));
        }
        p.key = Some(pitchbridge_review::new_key(&req.passphrase).map_err(|e| ApiError::invalid(e.to_string()))?);
        profile::save(self.profile_dir()?, &p).map_err(profile_error)?;
        Ok(self.get_profile()?.expect("just saved"))
    }

    /// Registers the person's own public key as a reviewer in the open workspace.
    pub fn register_as_reviewer(&mut self) -> ApiResult<Reviewer> {
        let p = self.require_profile()?;
        let key = p.key.as_ref().ok_or_else(|| refused("Make your signing key first: it is what your decisions are signed with."))?;
        let now = self.clock.now();
        let actor = p.actor();
        Ok(self.ws_mut()?.register_reviewer(&p.name, &p.email, &key.public_key, &actor, &now)?)
    }

    pub fn list_reviewers(&self) -> ApiResult<Vec<Reviewer>> {
        Ok(self.ws()?.list_reviewers()?)
    }

    /// The person's public key as a file to hand to a writer on another machine.
    pub fn export_reviewer_card(&self, path: &Path) -> ApiResult<()> {
        let p = self.require_profile()?;
        let key = p.key.as_ref().ok_or_else(|| refused("Make your signing key first."))?;
        let card = ReviewerCard { format: REVIEWER_CARD_FORMAT.into(), name: p.name.clone(), email: p.email.clone(), public_key: key.public_key.clone() };
        pitchbridge_export::write_file(path, &serde_json::to_vec_pretty(&card).expect("a card serialises")).map_err(crate::checks::write_failed)
    }

    /// Registers the reviewer a card names.
    pub fn import_reviewer_card(&mut self, path: &Path) -> ApiResult<Reviewer> {
        let bytes = read_small_file(path, "a reviewer card")?;
        let card: ReviewerCard = serde_json::from_slice(&bytes)
            .ok()
            .filter(|c: &ReviewerCard| c.format == REVIEWER_CARD_FORMAT)
            .ok_or_else(|| ApiError::invalid(format!("{} is not a Pitchbridge reviewer card.", path.display())))?;
        let now = self.clock.now();
        let actor = self.actor();
        Ok(self.ws_mut()?.register_reviewer(&card.name, &card.email, &card.public_key, &actor, &now)?)
    }

    // ---- the workflow -------------------------------------------------------------------------

    /// The reviewer proves they hold their key (their passphrase) before editing a pitch in
    /// review; it holds for the rest of the session.
    pub fn unlock_for_review(&mut self, req: PassphraseRequest) -> ApiResult<()> {
        let p = self.require_profile()?;
        let key = p.key.ok_or_else(|| refused("You have no signing key yet: make one in your profile."))?;
        pitchbridge_review::unlock(&key, &req.passphrase).map_err(review_error)?;
        self.unlocked_key = Some(key.public_key);
        Ok(())
    }

    /// The reviewer the pitch waits for, and they have unlocked their key this session.
    pub(crate) fn may_edit_as_reviewer(&self, pitch_id: Id) -> ApiResult<bool> {
        Ok(self.is_requested_reviewer(pitch_id)? && self.unlocked_key.is_some() && self.unlocked_key == self.own_public_key())
    }

    /// The person's public key. A damaged profile counts as none here, so it never stands in
    /// the way of opening or saving a pitch; the profile dialog says what is wrong with it.
    fn own_public_key(&self) -> Option<String> {
        self.load_profile().ok().flatten().and_then(|p| p.key).map(|k| k.public_key)
    }

    /// Whether the person using the app is the reviewer the pitch is waiting for.
    pub(crate) fn is_requested_reviewer(&self, pitch_id: Id) -> ApiResult<bool> {
        let Some(ws) = self.workspace.as_ref() else { return Ok(false) };
        let Some(request) = ws.open_request(pitch_id)? else { return Ok(false) };
        Ok(self.own_public_key().as_deref() == Some(request.reviewer.public_key.as_str()))
    }

    pub fn review_state(&self, pitch_id: Id) -> ApiResult<ReviewState> {
        let ws = self.ws()?;
        let status = ws.pitch_status(pitch_id)?;
        let request = ws.latest_request(pitch_id)?;
        let drift = if status == PitchStatus::NeedsReapproval { ws.approval_drift(pitch_id)? } else { None };
        let (reviewer_edited, edits_redline) = match request.as_ref().filter(|r| r.closed_at.is_none()) {
            Some(r) => {
                let sent = ws.pitch_version_blocks(pitch_id, r.version_number)?;
                let now = ws.pitch_doc(pitch_id)?;
                if content_fingerprint(&sent) != content_fingerprint(&now) {
                    (true, ws.compare_pitch_versions(pitch_id, r.version_number, 0)?)
                } else {
                    (false, Vec::new())
                }
            }
            None => (false, Vec::new()),
        };
        Ok(ReviewState {
            status,
            decisions: ws.decisions(pitch_id)?,
            comments: ws.comments(pitch_id)?,
            drift,
            reviewers: ws.list_reviewers()?,
            is_reviewer: self.is_requested_reviewer(pitch_id)?,
            reviewer_unlocked: self.may_edit_as_reviewer(pitch_id)?,
            writer_can_edit: pitchbridge_core::workflow::writer_can_edit(status),
            reviewer_edited,
            edits_redline,
            review_copy: ws.review_copy_of()?.is_some(),
            request,
        })
    }

    pub fn submit_for_review(&mut self, req: SubmitRequest) -> ApiResult<ReviewState> {
        let actor = self.require_profile()?.actor();
        let now = self.clock.now();
        self.ws_mut()?.submit_for_review(req.pitch_id, req.reviewer_id, &req.note, &actor, &now)?;
        self.review_state(req.pitch_id)
    }

    pub fn withdraw_review(&mut self, req: PitchRef) -> ApiResult<ReviewState> {
        let actor = self.actor();
        let now = self.clock.now();
        self.ws_mut()?.withdraw_review(req.pitch_id, &actor, &now)?;
        self.review_state(req.pitch_id)
    }

    pub fn add_comment(&mut self, req: AddCommentRequest) -> ApiResult<ReviewState> {
        let actor = self.require_profile()?.actor();
        let now = self.clock.now();
        self.ws_mut()?.add_comment(req.pitch_id, &req.comment, &actor, &now)?;
        self.review_state(req.pitch_id)
    }

    pub fn resolve_comment(&mut self, req: ResolveCommentRequest) -> ApiResult<ReviewState> {
        let actor = self.actor();
        let now = self.clock.now();
        self.ws_mut()?.set_comment_resolved(req.pitch_id, req.comment_id, req.resolved, &actor, &now)?;
        self.review_state(req.pitch_id)
    }

    /// The reviewer decides, signing with their passphrase. In a review copy the decision is
    /// also what goes back as the decision file.
    pub fn decide(&mut self, req: DecideRequest) -> ApiResult<ReviewState> {
        let p = self.require_profile()?;
        let stored_key = p.key.clone().ok_or_else(|| refused("You have no signing key yet: make one in your profile."))?;
        let ws = self.ws()?;
        let request = ws.open_request(req.pitch_id)?.ok_or_else(|| refused("This pitch is not waiting for a decision."))?;
        if request.reviewer.public_key != stored_key.public_key {
            return Err(refused(format!("This pitch was sent to {} for review; only they can decide on it.", request.reviewer.name)));
        }
        let reasons = req.reasons.trim().to_string();
        if req.outcome == PitchOutcome::ChangesRequested && reasons.is_empty() {
            return Err(ApiError::invalid("Say what needs to change: the writer sees your reasons."));
        }
        if reasons.chars().count() > MAX_COMMENT_CHARS {
            return Err(ApiError::invalid(format!("The reasons are too long (at most {MAX_COMMENT_CHARS} characters); put the detail in comments.")));
        }
        let signing = pitchbridge_review::unlock(&stored_key, &req.passphrase).map_err(review_error)?;
        self.unlocked_key = Some(stored_key.public_key.clone());
        let ws = self.ws()?;

        let sent = ws.pitch_version_blocks(req.pitch_id, request.version_number)?;
        let now_doc = ws.pitch_doc(req.pitch_id)?;
        let base_fingerprint = content_fingerprint(&sent);
        let current = content_fingerprint(&now_doc);
        let edited = base_fingerprint != current;
        let edits = match (edited, req.outcome) {
            (false, PitchOutcome::ApprovedWithEdits) => return Err(ApiError::invalid("You have not edited the text: approve it as it is.")),
            (true, PitchOutcome::Approved) => return Err(ApiError::invalid("You edited the text: approve with edits, so the writer sees them as a redline.")),
            (true, PitchOutcome::ChangesRequested) => {
                return Err(ApiError::invalid("You edited the text. Approve with edits, or undo your edits and put them in a comment before requesting changes."))
            }
            (true, PitchOutcome::ApprovedWithEdits) => Some(now_doc),
            (false, _) => None,
        };
        let copy_of = ws.review_copy_of()?;
        let comments = if copy_of.is_some() { self.copy_comments(req.pitch_id)? } else { Vec::new() };
        let ticked: Vec<String> = ws.manual_items(req.pitch_id)?.into_iter().map(|m| m.item_id).collect();
        if let Some(item) = req.confirmed_items.iter().find(|i| !ticked.contains(i)) {
            return Err(refused(format!("The writer has not ticked \"{item}\", so it cannot be confirmed.")));
        }
        let mut confirmed_items = req.confirmed_items.clone();
        confirmed_items.sort();
        confirmed_items.dedup();
        let ws = self.ws()?;
        let detail = ws.pitch_detail(req.pitch_id)?;
        let meaning = decision_meaning(ws, req.pitch_id, req.outcome, request.version_number)?;
        let body = DecisionBody {
            workspace_id: match copy_of {
                Some(id) => id,
                None => ws.workspace_id()?,
            },
            pitch_id: req.pitch_id,
            pitch_title: detail.summary.pitch.title.clone(),
            pitch_version: request.version_number,
            outcome: req.outcome.as_str().into(),
            meaning,
            signer_name: p.name.clone(),
            signer_email: p.email.clone(),
            signer_key: stored_key.public_key.clone(),
            signed_at: self.clock.now(),
            base_fingerprint,
            pitch_fingerprint: current,
            claim_fingerprints: ws.linked_claim_fingerprints(req.pitch_id)?,
            reasons,
            edits,
            comments,
            confirmed_items,
        };
        let signature = pitchbridge_review::sign(&signing, &body);
        let mut verified = verified_decision(&body, &signature, &p.actor())?;
        // Here the edits and comments are already in the workspace; the file carries them to
        // the writer's. Confirmations are written by the decision, here as there.
        verified.edits = None;
        verified.comments.clear();
        let now = self.clock.now();
        self.ws_mut()?.apply_decision(&verified, &now)?;
        self.review_state(req.pitch_id)
    }

    /// In a review copy: the comments the reviewer added, to travel in the decision with the
    /// words they were about.
    fn copy_comments(&self, pitch_id: Id) -> ApiResult<Vec<NewComment>> {
        let ws = self.ws()?;
        let last: Id = ws.meta(META_COPY_LAST_COMMENT)?.and_then(|v| v.parse().ok()).unwrap_or(0);
        Ok(ws
            .comments(pitch_id)?
            .into_iter()
            .filter(|c| c.id > last)
            .map(|c| NewComment {
                // A reply to a thread that only exists here becomes a comment of its own.
                parent_id: c.parent_id.filter(|p| *p <= last),
                target: c.target,
                start: c.start,
                end: c.end,
                body: c.body,
                quote: Some(c.quote),
            })
            .collect())
    }

    // ---- the offline round trip ---------------------------------------------------------------

    pub fn export_review_package(&self, pitch_id: Id, path: &Path) -> ApiResult<()> {
        let ws = self.ws()?;
        let package = ws.review_package(pitch_id, &self.actor(), &self.clock.now())?;
        let bytes = serde_json::to_vec_pretty(&package).expect("a package serialises");
        pitchbridge_export::write_file(path, &bytes).map_err(crate::checks::write_failed)
    }

    /// Opens a review package as a new review copy at `copy_path`, and makes it the open
    /// workspace.
    pub fn open_review_package(&mut self, package_path: &Path, copy_path: &Path) -> ApiResult<WorkspaceInfo> {
        let bytes = read_small_file(package_path, "a review package")?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| ApiError::invalid(format!("{} is not a Pitchbridge review package.", package_path.display())))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(PACKAGE_FORMAT) {
            return Err(ApiError::invalid(format!("{} is not a Pitchbridge review package.", package_path.display())));
        }
        let package: ReviewPackage = serde_json::from_value(value).map_err(|e| ApiError::invalid(format!("The review package is damaged: {e}")))?;
        if copy_path.exists() {
            return Err(ApiError::invalid(format!("{} already exists; the review copy needs a new file.", copy_path.display())));
        }
        let ws = match Workspace::create_review_copy(copy_path, &package, &self.actor(), &self.clock.now()) {
            Ok(ws) => Ok(ws),
            Err(e) => {
                // Never leave half a copy behind (the file did not exist before).
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", copy_path.display()));
                }
                Err(ApiError::from(e))
            }
        };
        self.adopt(ws)?;
        Ok(info(self.ws()?))
    }

    /// The pitch's latest decision as a file to send back to the writer.
    pub fn export_decision(&self, pitch_id: Id, path: &Path) -> ApiResult<()> {
        let ws = self.ws()?;
        let d = ws.decisions(pitch_id)?.into_iter().next().ok_or_else(|| refused("There is no decision on this pitch yet."))?;
        let body: DecisionBody = serde_json::from_str(&d.body).map_err(|e| ApiError::new(ErrorCode::Internal, format!("The stored decision cannot be read: {e}")))?;
        let file = DecisionFile { format: DECISION_FORMAT.into(), decision: body, signature: d.signature };
        pitchbridge_export::write_file(path, &serde_json::to_vec_pretty(&file).expect("a decision serialises")).map_err(crate::checks::write_failed)
    }

    /// Applies a decision file, only if it is signed by the registered reviewer the pitch was
    /// sent to and names exactly what this workspace holds; otherwise it is refused with the
    /// reason and nothing changes.
    pub fn import_decision(&mut self, path: &Path) -> ApiResult<DecisionImport> {
        let bytes = read_small_file(path, "a decision file")?;
        let file = pitchbridge_review::parse_decision_file(&bytes).map_err(|e| ApiError::invalid(e.to_string()))?;
        pitchbridge_review::verify(&file.decision, &file.signature).map_err(review_error)?;
        let body = &file.decision;
        let ws = self.ws()?;
        if body.workspace_id != ws.workspace_id()? {
            return Err(refused(format!("This decision was made for another workspace (the pitch \"{}\" there), not this one.", body.pitch_title)));
        }
        if ws.reviewer_by_key(&body.signer_key)?.is_none() {
            return Err(refused(format!("{} signed this decision, but their key is not registered as a reviewer in this workspace.", body.signer_name)));
        }
        if body.outcome == PitchOutcome::ApprovedWithEdits.as_str() && body.edits.is_none() {
            return Err(refused("This approval with edits carries no edits."));
        }
        let signer = profile::actor(&body.signer_name, &body.signer_email);
        let verified = verified_decision(body, &file.signature, &signer)?;
        let now = self.clock.now();
        let decision = self.ws_mut()?.apply_decision(&verified, &now)?;
        Ok(DecisionImport { pitch_id: body.pitch_id, pitch_title: body.pitch_title.clone(), decision })
    }

    // ---- history --------------------------------------------------------------------------------

    pub fn compare_versions(&self, req: CompareVersionsRequest) -> ApiResult<Vec<pitchbridge_core::redline::DiffSpan>> {
        Ok(self.ws()?.compare_pitch_versions(req.pitch_id, req.from, req.to)?)
    }

    pub fn audit_events(&self) -> ApiResult<Vec<pitchbridge_core::audit::AuditEvent>> {
        Ok(self.ws()?.audit_events()?)
    }
}

fn decision_meaning(ws: &Workspace, pitch_id: Id, outcome: PitchOutcome, version: i64) -> ApiResult<String> {
    let launch_id = ws.pitch_detail(pitch_id)?.summary.pitch.launch_id;
    let messages: Vec<String> = ws
        .launch_detail(launch_id)?
        .messages
        .iter()
        .map(|m| format!("\u{201c}{}\u{201d}, version {}", m.title, m.current_version))
        .collect();
    let against = if messages.is_empty() { "the Factory message".to_string() } else { format!("the Factory message {}", messages.join(" and ")) };
    Ok(match outcome {
        PitchOutcome::Approved => format!("Approved as accurate to {against}: pitch version {version}."),
        PitchOutcome::ApprovedWithEdits => format!("Approved with the reviewer's edits as accurate to {against}: pitch version {version}, edited."),
        PitchOutcome::ChangesRequested => format!("Changes requested to pitch version {version}, reviewed against {against}."),
    })
}

fn verified_decision(body: &DecisionBody, signature: &str, signer: &str) -> ApiResult<VerifiedDecision> {
    let outcome = PitchOutcome::parse(&body.outcome).ok_or_else(|| refused(format!("The decision's outcome \"{}\" is not one Pitchbridge knows.", body.outcome)))?;
    Ok(VerifiedDecision {
        pitch_id: body.pitch_id,
        outcome,
        meaning: body.meaning.clone(),
        signer: signer.to_string(),
        signer_key: body.signer_key.clone(),
        signed_at: body.signed_at.clone(),
        reasons: body.reasons.clone(),
        version_number: body.pitch_version,
        base_fingerprint: body.base_fingerprint.clone(),
        pitch_fingerprint: body.pitch_fingerprint.clone(),
        claim_fingerprints: body.claim_fingerprints.clone(),
        edits: body.edits.clone(),
        comments: body.comments.clone(),
        confirmed_items: body.confirmed_items.clone(),
        body: String::from_utf8(pitchbridge_review::signed_bytes(body)).expect("JSON is UTF-8"),
        signature: signature.to_string(),
    })
}
