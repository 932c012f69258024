//! Review and approval as the workspace keeps them: registered reviewers, review requests,
//! comments anchored to exact text, decisions with the exact JSON that was signed, and the
//! check that an approval still applies. Every change here writes its audit event in the same
//! transaction. Signatures are checked by the caller (crates/review) before a decision gets
//! here; what is checked here is everything the workspace itself holds.

use std::collections::BTreeMap;

use pitchbridge_core::doc::DocBlock;
use pitchbridge_core::redline::DiffSpan;
use pitchbridge_core::workflow::{content_fingerprint, next_status, CommentTarget, NewComment, ReviewEvent};
use pitchbridge_core::{Id, PitchStatus};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, StoreError, Workspace};

/// Longest comment accepted: a comment is a note, not a document.
pub const MAX_COMMENT_CHARS: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reviewer {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub email: String,
    /// Hex ed25519 public key.
    pub public_key: String,
    pub registered_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewRequest {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub reviewer: Reviewer,
    /// The pitch version kept at submission: the text under review.
    #[ts(type = "number")]
    pub version_number: i64,
    pub note: String,
    pub submitted_by: String,
    pub submitted_at: String,
    pub closed_at: Option<String>,
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    #[ts(type = "number")]
    pub id: Id,
    /// The thread's first comment, for a reply.
    #[ts(type = "number | null")]
    pub parent_id: Option<Id>,
    pub target: CommentTarget,
    /// UTF-16 offsets into the target's text, as the editor counts.
    pub start: u32,
    pub end: u32,
    /// The words the range held when the comment was made.
    pub quote: String,
    pub body: String,
    pub author: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
    /// The words at the range are no longer the quoted ones (the text changed since).
    pub outdated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionRecord {
    #[ts(type = "number")]
    pub id: Id,
    /// "approved", "approved-with-edits" or "changes-requested".
    pub outcome: String,
    /// "Approved as accurate to the Factory message …"
    pub meaning: String,
    pub signer: String,
    pub signer_key: String,
    pub signed_at: String,
    pub reasons: String,
    /// The pitch version the decision is about (for edits: the version holding them).
    #[ts(type = "number")]
    pub version_number: i64,
    pub pitch_fingerprint: String,
    /// The signed JSON, exactly.
    pub body: String,
    /// Hex ed25519 signature over `body`.
    pub signature: String,
}

/// A decision, its signature already verified, for the workspace to apply.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedDecision {
    pub pitch_id: Id,
    pub outcome: PitchOutcome,
    pub meaning: String,
    /// "Name <email>".
    pub signer: String,
    pub signer_key: String,
    pub signed_at: String,
    pub reasons: String,
    /// The version the reviewer was sent.
    pub version_number: i64,
    /// The text the reviewer was sent, and the text they approved (the same unless they
    /// made edits).
    pub base_fingerprint: String,
    pub pitch_fingerprint: String,
    pub claim_fingerprints: Vec<(Id, String)>,
    /// The reviewer's edits: the whole document as they left it.
    pub edits: Option<Vec<DocBlock>>,
    pub comments: Vec<NewComment>,
    pub confirmed_items: Vec<String>,
    /// What the reviewer approved despite, with their reason.
    pub overrides: Vec<String>,
    pub body: String,
    pub signature: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PitchOutcome {
    Approved,
    ApprovedWithEdits,
    ChangesRequested,
}

impl PitchOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            PitchOutcome::Approved => "approved",
            PitchOutcome::ApprovedWithEdits => "approved-with-edits",
            PitchOutcome::ChangesRequested => "changes-requested",
        }
    }

    pub fn parse(s: &str) -> Option<PitchOutcome> {
        [PitchOutcome::Approved, PitchOutcome::ApprovedWithEdits, PitchOutcome::ChangesRequested].into_iter().find(|o| o.as_str() == s)
    }

    pub(crate) fn event(self) -> ReviewEvent {
        match self {
            PitchOutcome::Approved => ReviewEvent::Approve,
            PitchOutcome::ApprovedWithEdits => ReviewEvent::ApproveWithEdits,
            PitchOutcome::ChangesRequested => ReviewEvent::RequestChanges,
        }
    }

    /// The `decision.verdict` column's spelling.
    pub(crate) fn verdict(self) -> &'static str {
        match self {
            PitchOutcome::Approved => "approve",
            PitchOutcome::ApprovedWithEdits => "approve-with-edits",
            PitchOutcome::ChangesRequested => "request-changes",
        }
    }
}

/// A linked claim that changed since the approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClaimDrift {
    #[ts(type = "number")]
    pub claim_id: Id,
    #[ts(type = "number")]
    pub number: i64,
    /// Word-level redline from the approved claim text to the current one.
    pub redline: Vec<DiffSpan>,
    /// "changed", "removed" (from the message), "linked" (newly linked) or "unlinked".
    pub change: String,
}

/// What changed since the last approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalDrift {
    #[ts(type = "number")]
    pub decision_id: Id,
    pub text_changed: bool,
    /// Word-level redline from the approved text to the current text.
    pub redline: Vec<DiffSpan>,
    pub claims: Vec<ClaimDrift>,
}

impl ApprovalDrift {
    pub fn is_empty(&self) -> bool {
        !self.text_changed && self.claims.is_empty()
    }
}

pub(crate) fn refused(message: impl Into<String>) -> StoreError {
    StoreError::Refused(message.into())
}

const REQUEST_COLUMNS: &str = "q.id, q.pitch_id, q.version_number, q.note, q.submitted_by, q.submitted_at, q.closed_at, q.outcome,
     r.id, r.name, r.email, r.public_key, r.registered_at";

fn request_row(row: &rusqlite::Row) -> rusqlite::Result<ReviewRequest> {
    Ok(ReviewRequest {
        id: row.get(0)?,
        pitch_id: row.get(1)?,
        version_number: row.get(2)?,
        note: row.get(3)?,
        submitted_by: row.get(4)?,
        submitted_at: row.get(5)?,
        closed_at: row.get(6)?,
        outcome: row.get(7)?,
        reviewer: Reviewer { id: row.get(8)?, name: row.get(9)?, email: row.get(10)?, public_key: row.get(11)?, registered_at: row.get(12)? },
    })
}

impl Workspace {
    /// This workspace's identity, made when the workspace was created or upgraded.
    pub fn workspace_id(&self) -> Result<String> {
        self.meta("workspace_id")?.ok_or_else(|| StoreError::Invalid("The workspace has no identity; open it once with a writable file.".into()))
    }

    pub fn pitch_status(&self, pitch_id: Id) -> Result<PitchStatus> {
        let s: String = self
            .conn
            .query_row("SELECT status FROM pitch WHERE id = ?1", [pitch_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "Pitch", id: pitch_id.to_string() })?;
        PitchStatus::parse(&s).ok_or_else(|| StoreError::Invalid(format!("Pitch {pitch_id} has an unknown status \"{s}\".")))
    }

    pub(crate) fn set_status(&self, pitch_id: Id, status: PitchStatus, now: &str) -> Result<()> {
        self.conn.execute("UPDATE pitch SET status = ?2, updated_at = ?3 WHERE id = ?1", params![pitch_id, status.as_str(), now])?;
        Ok(())
    }

    /// Refuses a writer's change to a pitch that is in review.
    pub(crate) fn ensure_writer_can_edit(&self, pitch_id: Id) -> Result<()> {
        if self.pitch_status(pitch_id)? == PitchStatus::InReview {
            return Err(refused("This pitch is in review, so it is read-only until the reviewer decides or you withdraw it."));
        }
        Ok(())
    }

    // ---- reviewers --------------------------------------------------------------------------

    pub fn list_reviewers(&self) -> Result<Vec<Reviewer>> {
        let rows = self
            .conn
            .prepare_cached("SELECT id, name, email, public_key, registered_at FROM reviewer ORDER BY name COLLATE NOCASE, id")?
            .query_map([], |r| Ok(Reviewer { id: r.get(0)?, name: r.get(1)?, email: r.get(2)?, public_key: r.get(3)?, registered_at: r.get(4)? }))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn reviewer_by_key(&self, public_key: &str) -> Result<Option<Reviewer>> {
        Ok(self
            .conn
            .query_row("SELECT id, name, email, public_key, registered_at FROM reviewer WHERE public_key = ?1", [public_key], |r| {
                Ok(Reviewer { id: r.get(0)?, name: r.get(1)?, email: r.get(2)?, public_key: r.get(3)?, registered_at: r.get(4)? })
            })
            .optional()?)
    }

    /// Registers a reviewer's public key (registering it again updates the name and email).
    pub fn register_reviewer(&mut self, name: &str, email: &str, public_key: &str, by: &str, now: &str) -> Result<Reviewer> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("A reviewer needs a name.".into()));
        }
        if public_key.len() != 64 || !public_key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(StoreError::Invalid("That is not a Pitchbridge public key (64 hexadecimal characters).".into()));
        }
        let public_key = public_key.to_ascii_lowercase();
        self.in_transaction(|ws| {
            let existing = ws.reviewer_by_key(&public_key)?;
            match &existing {
                Some(r) if r.name == name && r.email == email.trim() => return Ok(r.clone()),
                Some(r) => {
                    ws.conn.execute("UPDATE reviewer SET name = ?2, email = ?3 WHERE id = ?1", params![r.id, name, email.trim()])?;
                }
                None => {
                    ws.conn.execute(
                        "INSERT INTO reviewer (name, email, public_key, registered_at, registered_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![name, email.trim(), public_key, now, by],
                    )?;
                }
            }
            let r = ws.reviewer_by_key(&public_key)?.expect("just written");
            ws.append_audit(by, "reviewer.registered", &format!("reviewer:{}", r.id), &serde_json::json!({ "name": r.name, "email": r.email, "publicKey": r.public_key }), now)?;
            Ok(r)
        })
    }

    // ---- requests -----------------------------------------------------------------------------

    /// The pitch's latest review request, open or closed.
    pub fn latest_request(&self, pitch_id: Id) -> Result<Option<ReviewRequest>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {REQUEST_COLUMNS} FROM review_request q JOIN reviewer r ON r.id = q.reviewer_id WHERE q.pitch_id = ?1 ORDER BY q.id DESC LIMIT 1"),
                [pitch_id],
                request_row,
            )
            .optional()?)
    }

    pub fn open_request(&self, pitch_id: Id) -> Result<Option<ReviewRequest>> {
        Ok(self.latest_request(pitch_id)?.filter(|r| r.closed_at.is_none()))
    }

    /// Sends the pitch to a registered reviewer: keeps the text as a version (the one the
    /// decision will name) and makes the pitch read-only for the writer.
    pub fn submit_for_review(&mut self, pitch_id: Id, reviewer_id: Id, note: &str, by: &str, now: &str) -> Result<ReviewRequest> {
        self.open_review(pitch_id, reviewer_id, note, by, now, ReviewEvent::Submit)
    }

    /// The verifier opens an approved pitch for re-verification, with themselves as its
    /// reviewer; their signed decision then renews (or withdraws) the approval.
    pub fn open_reverification(&mut self, pitch_id: Id, reviewer_id: Id, by: &str, now: &str) -> Result<ReviewRequest> {
        self.open_review(pitch_id, reviewer_id, "Re-verification", by, now, ReviewEvent::Reverify)
    }

    fn open_review(&mut self, pitch_id: Id, reviewer_id: Id, note: &str, by: &str, now: &str, event: ReviewEvent) -> Result<ReviewRequest> {
        let status = self.pitch_status(pitch_id)?;
        let next = next_status(status, event).map_err(refused)?;
        let action = if event == ReviewEvent::Reverify { "review.reverification-opened" } else { "review.submitted" };
        let reviewer: String = self
            .conn
            .query_row("SELECT name FROM reviewer WHERE id = ?1", [reviewer_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "Reviewer", id: reviewer_id.to_string() })?;
        if note.chars().count() > MAX_COMMENT_CHARS {
            return Err(StoreError::Invalid(format!("The note is too long (at most {MAX_COMMENT_CHARS} characters).")));
        }
        self.in_transaction(|ws| {
            let label = if event == ReviewEvent::Reverify { format!("Opened by {reviewer} for re-verification") } else { format!("Sent to {reviewer} for review") };
            let version = ws.save_pitch_version(pitch_id, &label, now)?;
            ws.conn.execute(
                "INSERT INTO review_request (pitch_id, reviewer_id, version_number, note, submitted_by, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![pitch_id, reviewer_id, version.number, note.trim(), by, now],
            )?;
            ws.set_status(pitch_id, next, now)?;
            let fp = ws.pitch_content_fingerprint(pitch_id)?;
            ws.append_audit(
                by,
                action,
                &format!("pitch:{pitch_id}"),
                &serde_json::json!({ "reviewer": reviewer_id, "version": version.number, "fingerprint": fp, "note": note.trim() }),
                now,
            )?;
            Ok(ws.open_request(pitch_id)?.expect("just written"))
        })
    }

    /// Closes a re-verification that was opened but not decided (the decision was refused):
    /// the pitch is approved as it was before.
    pub fn cancel_reverification(&mut self, pitch_id: Id, by: &str, now: &str) -> Result<()> {
        self.in_transaction(|ws| {
            let request = ws.open_request(pitch_id)?.ok_or_else(|| refused("This pitch has no open re-verification."))?;
            ws.conn.execute("UPDATE review_request SET closed_at = ?2, outcome = 'withdrawn' WHERE id = ?1", params![request.id, now])?;
            ws.set_status(pitch_id, PitchStatus::Approved, now)?;
            ws.append_audit(by, "review.reverification-cancelled", &format!("pitch:{pitch_id}"), &serde_json::json!({ "request": request.id }), now)?;
            Ok(())
        })
    }

    /// The writer takes the pitch back before a decision.
    pub fn withdraw_review(&mut self, pitch_id: Id, by: &str, now: &str) -> Result<()> {
        let next = next_status(self.pitch_status(pitch_id)?, ReviewEvent::Withdraw).map_err(refused)?;
        self.in_transaction(|ws| {
            let request = ws.open_request(pitch_id)?.ok_or_else(|| refused("This pitch has no open review request."))?;
            ws.conn.execute("UPDATE review_request SET closed_at = ?2, outcome = 'withdrawn' WHERE id = ?1", params![request.id, now])?;
            ws.set_status(pitch_id, next, now)?;
            ws.append_audit(by, "review.withdrawn", &format!("pitch:{pitch_id}"), &serde_json::json!({ "request": request.id }), now)?;
            Ok(())
        })
    }

    // ---- fingerprints --------------------------------------------------------------------------

    pub fn pitch_content_fingerprint(&self, pitch_id: Id) -> Result<String> {
        Ok(content_fingerprint(&self.pitch_doc(pitch_id)?))
    }

    /// Every claim linked from the pitch with its current fingerprint, by claim id. A claim
    /// the message no longer holds reads "removed", so removing it is a change too.
    pub fn linked_claim_fingerprints(&self, pitch_id: Id) -> Result<Vec<(Id, String)>> {
        let all: BTreeMap<Id, String> = self.linked_claims_by_block(pitch_id)?.into_iter().map(|(_, id, fp)| (id, fp)).collect();
        Ok(all.into_iter().collect())
    }

    /// (block key, claim id, current fingerprint or "removed") of every link of the pitch.
    pub(crate) fn linked_claims_by_block(&self, pitch_id: Id) -> Result<Vec<(String, Id, String)>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT b.key, c.id, CASE WHEN c.removed_in IS NULL THEN c.fingerprint ELSE 'removed' END
                 FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id JOIN claim c ON c.id = l.claim_id
                 WHERE b.pitch_id = ?1 ORDER BY c.id",
            )?
            .query_map([pitch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
