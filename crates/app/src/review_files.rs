//! The review workflow's files: reviewer cards, review packages (and the review copy opened
//! from one), and decision files.

use std::path::Path;

use pitchbridge_core::Id;
use pitchbridge_review::profile::{self};
use pitchbridge_review::{DecisionBody, DecisionFile, DECISION_FORMAT};
use pitchbridge_store::{DecisionRecord, PACKAGE_FORMAT, PitchOutcome, ReviewPackage, Reviewer, Workspace};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ErrorCode, ReadFailure};
use crate::review::verified_decision;
use crate::workspace::{info, WorkspaceInfo};

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

/// What importing a decision did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionImport {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub pitch_title: String,
    pub decision: DecisionRecord,
}

/// A review file (card, package or decision) as handed over: a regular file, read within a
/// limit no real one comes near.
fn read_review_file(path: &Path) -> ApiResult<Vec<u8>> {
    const LIMIT: u64 = 64 * 1024 * 1024;
    Ok(pitchbridge_core::files::read_capped(path, LIMIT).map_err(|e| ReadFailure(path, e))?)
}

impl App {
    /// The person's public key as a file to hand to a writer on another machine.
    pub fn export_reviewer_card(&self, path: &Path) -> ApiResult<()> {
        self.refuse_overwriting_workspace(path)?;
        let p = self.require_profile()?;
        let key = p.key.as_ref().ok_or_else(|| ApiError::refused("Make your signing key first."))?;
        let card = ReviewerCard { format: REVIEWER_CARD_FORMAT.into(), name: p.name.clone(), email: p.email.clone(), public_key: key.public_key.clone() };
        pitchbridge_export::write_file(path, &serde_json::to_vec_pretty(&card).expect("a card serialises")).map_err(ApiError::from)
    }

    /// Registers the reviewer a card names.
    pub fn import_reviewer_card(&mut self, path: &Path) -> ApiResult<Reviewer> {
        let bytes = read_review_file(path)?;
        let card: ReviewerCard = serde_json::from_slice(&bytes)
            .ok()
            .filter(|c: &ReviewerCard| c.format == REVIEWER_CARD_FORMAT)
            .ok_or_else(|| ApiError::invalid(format!("{} is not a Pitchbridge reviewer card.", path.display())))?;
        let now = self.clock.now();
        let actor = self.actor();
        Ok(self.ws_mut()?.register_reviewer(&card.name, &card.email, &card.public_key, &actor, &now)?)
    }

    pub fn export_review_package(&self, pitch_id: Id, path: &Path) -> ApiResult<()> {
        self.refuse_overwriting_workspace(path)?;
        let ws = self.ws()?;
        let package = ws.review_package(pitch_id, &self.actor(), &self.clock.now())?;
        let bytes = serde_json::to_vec_pretty(&package).expect("a package serialises");
        pitchbridge_export::write_file(path, &bytes).map_err(ApiError::from)
    }

    /// Opens a review package as a new review copy at `copy_path`, and makes it the open
    /// workspace.
    pub fn open_review_package(&mut self, package_path: &Path, copy_path: &Path) -> ApiResult<WorkspaceInfo> {
        let bytes = read_review_file(package_path)?;
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
        self.refuse_overwriting_workspace(path)?;
        let ws = self.ws()?;
        let d = ws.decisions(pitch_id)?.into_iter().next().ok_or_else(|| ApiError::refused("There is no decision on this pitch yet."))?;
        let body: DecisionBody = serde_json::from_str(&d.body).map_err(|e| ApiError::new(ErrorCode::Internal, format!("The stored decision cannot be read: {e}")))?;
        let file = DecisionFile { format: DECISION_FORMAT.into(), decision: body, signature: d.signature };
        pitchbridge_export::write_file(path, &serde_json::to_vec_pretty(&file).expect("a decision serialises")).map_err(ApiError::from)
    }

    /// Applies a decision file, only if it is signed by the registered reviewer the pitch was
    /// sent to and names exactly what this workspace holds; otherwise it is refused with the
    /// reason and nothing changes.
    pub fn import_decision(&mut self, path: &Path) -> ApiResult<DecisionImport> {
        let bytes = read_review_file(path)?;
        let file = pitchbridge_review::parse_decision_file(&bytes).map_err(|e| ApiError::invalid(e.to_string()))?;
        pitchbridge_review::verify(&file.decision, &file.signature)?;
        let body = &file.decision;
        let ws = self.ws()?;
        if body.workspace_id != ws.workspace_id()? {
            return Err(ApiError::refused(format!("This decision was made for another workspace (the pitch \"{}\" there), not this one.", body.pitch_title)));
        }
        if ws.reviewer_by_key(&body.signer_key)?.is_none() {
            return Err(ApiError::refused(format!("{} signed this decision, but their key is not registered as a reviewer in this workspace.", body.signer_name)));
        }
        if body.outcome == PitchOutcome::ApprovedWithEdits.as_str() && body.edits.is_none() {
            return Err(ApiError::refused("This approval with edits carries no edits."));
        }
        let signer = profile::actor(&body.signer_name, &body.signer_email);
        let verified = verified_decision(body, &file.signature, &signer)?;
        let now = self.clock.now();
        let decision = self.ws_mut()?.apply_decision(&verified, &now)?;
        if body.outcome != PitchOutcome::ChangesRequested.as_str() {
            self.record_readiness_of_pitch(body.pitch_id);
        }
        Ok(DecisionImport { pitch_id: body.pitch_id, pitch_title: body.pitch_title.clone(), decision })
    }
}
