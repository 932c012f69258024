//! Review and approval as the workspace keeps them: registered reviewers, review requests,
//! comments anchored to exact text, decisions with the exact JSON that was signed, and the
//! check that an approval still applies. Every change here writes its audit event in the same
//! transaction. Signatures are checked by the caller (crates/review) before a decision gets
//! here; what is checked here is everything the workspace itself holds.

use std::collections::BTreeMap;

use pitchbridge_core::doc::{doc_text, DocBlock};
use pitchbridge_core::redline::{word_diff, DiffSpan};
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

    fn event(self) -> ReviewEvent {
        match self {
            PitchOutcome::Approved => ReviewEvent::Approve,
            PitchOutcome::ApprovedWithEdits => ReviewEvent::ApproveWithEdits,
            PitchOutcome::ChangesRequested => ReviewEvent::RequestChanges,
        }
    }

    /// The `decision.verdict` column's spelling.
    fn verdict(self) -> &'static str {
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

fn refused(message: impl Into<String>) -> StoreError {
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

/// Offsets in UTF-16 code units to byte offsets, or `None` when out of range.
fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (start as usize, end as usize);
    if s > e || e > units.len() {
        return None;
    }
    String::from_utf16(&units[s..e]).ok()
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

    fn set_status(&self, pitch_id: Id, status: PitchStatus, now: &str) -> Result<()> {
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
        let status = self.pitch_status(pitch_id)?;
        let next = next_status(status, ReviewEvent::Submit).map_err(refused)?;
        let reviewer: String = self
            .conn
            .query_row("SELECT name FROM reviewer WHERE id = ?1", [reviewer_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "Reviewer", id: reviewer_id.to_string() })?;
        if note.chars().count() > MAX_COMMENT_CHARS {
            return Err(StoreError::Invalid(format!("The note is too long (at most {MAX_COMMENT_CHARS} characters).")));
        }
        self.in_transaction(|ws| {
            let version = ws.save_pitch_version(pitch_id, &format!("Sent to {reviewer} for review"), now)?;
            ws.conn.execute(
                "INSERT INTO review_request (pitch_id, reviewer_id, version_number, note, submitted_by, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![pitch_id, reviewer_id, version.number, note.trim(), by, now],
            )?;
            ws.set_status(pitch_id, next, now)?;
            let fp = ws.pitch_content_fingerprint(pitch_id)?;
            ws.append_audit(
                by,
                "review.submitted",
                &format!("pitch:{pitch_id}"),
                &serde_json::json!({ "reviewer": reviewer_id, "version": version.number, "fingerprint": fp, "note": note.trim() }),
                now,
            )?;
            Ok(ws.open_request(pitch_id)?.expect("just written"))
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
    fn linked_claims_by_block(&self, pitch_id: Id) -> Result<Vec<(String, Id, String)>> {
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

    // ---- comments ------------------------------------------------------------------------------

    fn target_text(&self, pitch_id: Id, target: &CommentTarget) -> Result<Option<(Id, String)>> {
        Ok(match target {
            CommentTarget::Block { key } => self
                .conn
                .query_row("SELECT id, text FROM pitch_block WHERE pitch_id = ?1 AND key = ?2", params![pitch_id, key], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            CommentTarget::Claim { id } => self
                .conn
                .query_row(
                    "SELECT c.id, c.text FROM claim c JOIN factory_message m ON m.id = c.message_id JOIN pitch p ON p.launch_id = m.launch_id
                     WHERE p.id = ?1 AND c.id = ?2",
                    params![pitch_id, id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?,
        })
    }

    pub fn comments(&self, pitch_id: Id) -> Result<Vec<Comment>> {
        let mut rows: Vec<Comment> = self
            .conn
            .prepare_cached(
                "SELECT id, parent_id, target_kind, target_id, block_key, range_start, range_end, quote, body, author, created_at, resolved_at
                 FROM comment WHERE pitch_id = ?1 ORDER BY coalesce(parent_id, id), id",
            )?
            .query_map([pitch_id], |r| {
                let kind: String = r.get(2)?;
                let target_id: Id = r.get(3)?;
                let target = if kind == "claim" { CommentTarget::Claim { id: target_id } } else { CommentTarget::Block { key: r.get(4)? } };
                Ok(Comment {
                    id: r.get(0)?,
                    parent_id: r.get(1)?,
                    target,
                    start: r.get(5)?,
                    end: r.get(6)?,
                    quote: r.get(7)?,
                    body: r.get(8)?,
                    author: r.get(9)?,
                    created_at: r.get(10)?,
                    resolved_at: r.get(11)?,
                    outdated: false,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for c in &mut rows {
            c.outdated = match self.target_text(pitch_id, &c.target)? {
                Some((_, text)) => utf16_slice(&text, c.start, c.end).as_deref() != Some(c.quote.as_str()),
                None => true,
            };
        }
        Ok(rows)
    }

    /// Adds a comment on an exact range of a block or a claim, or a reply to a thread.
    pub fn add_comment(&mut self, pitch_id: Id, new: &NewComment, author: &str, now: &str) -> Result<Comment> {
        self.writable()?;
        let id = self.in_transaction(|ws| ws.write_comment(pitch_id, new, author, now, false))?;
        self.comments(pitch_id)?.into_iter().find(|c| c.id == id).ok_or_else(|| StoreError::Invalid("The comment was not kept.".into()))
    }

    /// `carried`: the comment comes in a decision, made on the reviewer's copy; its quote is
    /// kept even where the text has moved since, rather than refusing the whole decision.
    fn write_comment(&mut self, pitch_id: Id, new: &NewComment, author: &str, now: &str, carried: bool) -> Result<Id> {
        let body = new.body.trim();
        if body.is_empty() {
            return Err(StoreError::Invalid("Write something in the comment first.".into()));
        }
        if body.chars().count() > MAX_COMMENT_CHARS {
            return Err(StoreError::Invalid(format!("The comment is too long (at most {MAX_COMMENT_CHARS} characters).")));
        }
        let (target, start, end, quote) = match new.parent_id {
            // A reply shares its thread's anchor.
            Some(parent) => {
                let thread = self
                    .comments(pitch_id)?
                    .into_iter()
                    .find(|c| c.id == parent && c.parent_id.is_none())
                    .ok_or_else(|| StoreError::NotFound { what: "Comment thread", id: parent.to_string() })?;
                (thread.target, thread.start, thread.end, thread.quote)
            }
            None => {
                let text = self.target_text(pitch_id, &new.target)?.map(|(_, t)| t);
                let here = text.as_deref().and_then(|t| utf16_slice(t, new.start, new.end)).filter(|q| !q.trim().is_empty());
                let quote = match (here, &new.quote) {
                    (Some(h), Some(q)) if &h == q => h,
                    (Some(h), None) if !carried => h,
                    (_, Some(q)) if carried && !q.trim().is_empty() => q.clone(),
                    (Some(_), Some(_)) => return Err(StoreError::Invalid("The text changed while you were commenting; select the words again.".into())),
                    _ if text.is_none() => return Err(StoreError::Invalid("The text this comment is about is no longer there.".into())),
                    _ => return Err(StoreError::Invalid("Select the words the comment is about.".into())),
                };
                (new.target.clone(), new.start, new.end, quote)
            }
        };
        let (kind, target_id, key) = match &target {
            CommentTarget::Block { key } => {
                let id = self.target_text(pitch_id, &target)?.map(|(id, _)| id).unwrap_or(0);
                ("block", id, key.clone())
            }
            CommentTarget::Claim { id } => ("claim", *id, String::new()),
        };
        self.conn.execute(
            "INSERT INTO comment (pitch_id, parent_id, target_kind, target_id, block_key, range_start, range_end, quote, body, author, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![pitch_id, new.parent_id, kind, target_id, key, start, end, quote, body, author, now],
        )?;
        let id = self.conn.last_insert_rowid();
        self.append_audit(
            author,
            "comment.added",
            &format!("pitch:{pitch_id}"),
            &serde_json::json!({ "comment": id, "parent": new.parent_id, "target": kind, "targetId": target_id, "blockKey": key, "start": start, "end": end, "quote": quote, "body": body }),
            now,
        )?;
        Ok(id)
    }

    /// Resolves a thread, or reopens it.
    pub fn set_comment_resolved(&mut self, pitch_id: Id, comment_id: Id, resolved: bool, by: &str, now: &str) -> Result<()> {
        self.in_transaction(|ws| {
            let parent: Option<Option<Id>> =
                ws.conn.query_row("SELECT parent_id FROM comment WHERE id = ?1 AND pitch_id = ?2", params![comment_id, pitch_id], |r| r.get(0)).optional()?;
            match parent {
                None => return Err(StoreError::NotFound { what: "Comment", id: comment_id.to_string() }),
                Some(Some(_)) => return Err(StoreError::Invalid("Resolve the thread from its first comment.".into())),
                Some(None) => {}
            }
            let at = if resolved { Some(now) } else { None };
            ws.conn.execute("UPDATE comment SET resolved_at = ?2 WHERE id = ?1", params![comment_id, at])?;
            let action = if resolved { "comment.resolved" } else { "comment.reopened" };
            ws.append_audit(by, action, &format!("pitch:{pitch_id}"), &serde_json::json!({ "comment": comment_id }), now)?;
            Ok(())
        })
    }

    // ---- manual items -------------------------------------------------------------------------

    /// The reviewer confirms a manual checklist item the writer ticked: only ever as part of a
    /// signed decision.
    fn write_confirmation(&mut self, pitch_id: Id, item_id: &str, by: &str, now: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE checklist_result SET state = 'confirmed', updated_by = ?3, updated_at = ?4
             WHERE pitch_id = ?1 AND item_id = ?2 AND source = 'manual' AND state IN ('ticked', 'confirmed')",
            params![pitch_id, item_id, by, now],
        )?;
        if n == 0 {
            return Err(refused(format!("The writer has not ticked \"{item_id}\", so there is nothing to confirm.")));
        }
        self.append_audit(by, "checklist.confirmed", &format!("pitch:{pitch_id}"), &serde_json::json!({ "item": item_id }), now)?;
        Ok(())
    }

    // ---- decisions ----------------------------------------------------------------------------

    pub fn decisions(&self, pitch_id: Id) -> Result<Vec<DecisionRecord>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.verdict, d.meaning, d.signer, d.signer_key, d.signed_at, d.reasons, v.number, d.pitch_fingerprint, d.body, d.signature
                 FROM decision d JOIN pitch_version v ON v.id = d.pitch_version_id WHERE d.pitch_id = ?1 ORDER BY d.id DESC",
            )?
            .query_map([pitch_id], |r| {
                let verdict: String = r.get(1)?;
                let signature: Vec<u8> = r.get(10)?;
                Ok(DecisionRecord {
                    id: r.get(0)?,
                    outcome: match verdict.as_str() {
                        "approve" => "approved",
                        "approve-with-edits" => "approved-with-edits",
                        _ => "changes-requested",
                    }
                    .to_string(),
                    meaning: r.get(2)?,
                    signer: r.get(3)?,
                    signer_key: r.get(4)?,
                    signed_at: r.get(5)?,
                    reasons: r.get(6)?,
                    version_number: r.get(7)?,
                    pitch_fingerprint: r.get(8)?,
                    body: r.get(9)?,
                    signature: pitchbridge_core::hex::encode(&signature),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Checks a decision against what the workspace holds, and says why it does not apply.
    pub fn check_decision(&self, d: &VerifiedDecision) -> Result<ReviewRequest> {
        let status = self.pitch_status(d.pitch_id)?;
        if status != PitchStatus::InReview {
            return Err(refused(format!("This pitch is not waiting for a decision (it is {}).", status.as_str().replace('-', " "))));
        }
        let request = self.open_request(d.pitch_id)?.ok_or_else(|| refused("This pitch has no open review request."))?;
        if d.version_number != request.version_number {
            return Err(refused(format!(
                "The decision is about version {} of the pitch, but version {} is the one in review.",
                d.version_number, request.version_number
            )));
        }
        if request.reviewer.public_key != d.signer_key {
            let signer = self.reviewer_by_key(&d.signer_key)?;
            return Err(refused(match signer {
                Some(r) => format!("The pitch was sent to {}, but the decision is signed by {}.", request.reviewer.name, r.name),
                None => format!("The decision is signed with a key that is not registered in this workspace; the pitch was sent to {}.", request.reviewer.name),
            }));
        }
        // The decision names the version that was sent: its text must be that version's.
        let sent = content_fingerprint(&self.pitch_version_blocks(d.pitch_id, request.version_number)?);
        if d.base_fingerprint != sent {
            return Err(refused(format!("The decision names a text other than version {}, the one sent for review.", request.version_number)));
        }
        // The text now must still be that version, or (when the reviewer edited it here) what
        // they approved.
        let text_now = self.pitch_content_fingerprint(d.pitch_id)?;
        let edits_in_place = d.outcome == PitchOutcome::ApprovedWithEdits && d.edits.is_none() && text_now == d.pitch_fingerprint;
        if text_now != sent && !edits_in_place {
            return Err(refused("The pitch's text is not the text the reviewer saw: it changed after the decision was made."));
        }
        match (&d.edits, d.outcome) {
            (_, PitchOutcome::ApprovedWithEdits) if d.pitch_fingerprint == sent => return Err(refused("An approval with edits names no edits.")),
            (Some(edits), PitchOutcome::ApprovedWithEdits) if content_fingerprint(edits) != d.pitch_fingerprint => {
                return Err(refused("The reviewer's edits do not match the text the decision names."));
            }
            (None, PitchOutcome::ApprovedWithEdits) if !edits_in_place => return Err(refused("An approval with edits carries no edits.")),
            (Some(_), PitchOutcome::Approved | PitchOutcome::ChangesRequested) => return Err(refused("Only an approval with edits may change the pitch's text.")),
            (None, PitchOutcome::Approved | PitchOutcome::ChangesRequested) if d.pitch_fingerprint != sent => {
                return Err(refused("The decision names a text other than the one the reviewer was sent."));
            }
            _ => {}
        }
        // The claims must be the ones linked, as they read now; with edits, the links as they
        // will be once the edits are in (a paragraph the reviewer deleted takes its links).
        let kept: Option<std::collections::HashSet<&str>> = d.edits.as_ref().map(|e| e.iter().map(|b| b.key.as_str()).collect());
        let current: BTreeMap<Id, String> = self
            .linked_claims_by_block(d.pitch_id)?
            .into_iter()
            .filter(|(key, _, _)| kept.as_ref().map_or(true, |k| k.contains(key.as_str())))
            .map(|(_, id, fp)| (id, fp))
            .collect();
        let seen: BTreeMap<Id, String> = d.claim_fingerprints.iter().cloned().collect();
        for (id, fp) in &seen {
            match current.get(id) {
                None => return Err(refused(format!("Claim {id} was linked when the reviewer saw the pitch, and is not linked now."))),
                Some(now) if now != fp => return Err(refused(format!("Claim {id} has changed since the reviewer saw it."))),
                Some(_) => {}
            }
        }
        if let Some(id) = current.keys().find(|id| !seen.contains_key(id)) {
            return Err(refused(format!("Claim {id} is linked now but was not when the reviewer saw the pitch.")));
        }
        Ok(request)
    }

    /// Applies a verified decision: the decision itself, the reviewer's edits, comments and
    /// confirmations, the pitch's new state and the audit event, all in one transaction, or
    /// nothing at all.
    pub fn apply_decision(&mut self, d: &VerifiedDecision, now: &str) -> Result<DecisionRecord> {
        self.writable()?;
        let request = self.check_decision(d)?;
        let status = self.pitch_status(d.pitch_id)?;
        let next = next_status(status, d.outcome.event()).map_err(refused)?;
        let id = self.in_transaction(|ws| {
            // An approval with edits keeps the edited text as a version of its own.
            let version_number = if d.outcome == PitchOutcome::ApprovedWithEdits {
                if let Some(edits) = &d.edits {
                    ws.write_blocks(d.pitch_id, edits, now)?;
                }
                ws.save_pitch_version(d.pitch_id, &format!("Edited and approved by {}", d.signer), now)?.number
            } else {
                request.version_number
            };
            let version_id: Id = ws.conn.query_row(
                "SELECT id FROM pitch_version WHERE pitch_id = ?1 AND number = ?2",
                params![d.pitch_id, version_number],
                |r| r.get(0),
            )?;
            let signature = pitchbridge_core::hex::decode(&d.signature).ok_or_else(|| refused("The decision's signature is not hexadecimal."))?;
            ws.conn.execute(
                "INSERT INTO decision (pitch_id, pitch_version_id, verdict, signer, signed_at, meaning, pitch_fingerprint, claim_fingerprints, reasons, signature, request_id, signer_key, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    d.pitch_id,
                    version_id,
                    d.outcome.verdict(),
                    d.signer,
                    d.signed_at,
                    d.meaning,
                    d.pitch_fingerprint,
                    serde_json::to_string(&d.claim_fingerprints).expect("pairs serialise"),
                    d.reasons,
                    signature,
                    request.id,
                    d.signer_key,
                    d.body,
                ],
            )?;
            let id = ws.conn.last_insert_rowid();
            ws.conn.execute("UPDATE review_request SET closed_at = ?2, outcome = ?3 WHERE id = ?1", params![request.id, now, d.outcome.as_str()])?;
            for c in &d.comments {
                ws.write_comment(d.pitch_id, c, &d.signer, &d.signed_at, true)?;
            }
            for item in &d.confirmed_items {
                ws.write_confirmation(d.pitch_id, item, &d.signer, &d.signed_at)?;
            }
            ws.set_status(d.pitch_id, next, now)?;
            ws.append_audit(
                &d.signer,
                &format!("decision.{}", d.outcome.as_str()),
                &format!("pitch:{}", d.pitch_id),
                &serde_json::json!({
                    "decision": id,
                    "version": version_number,
                    "meaning": d.meaning,
                    "reasons": d.reasons,
                    "signerKey": d.signer_key,
                    "signedAt": d.signed_at,
                    "fingerprint": d.pitch_fingerprint,
                    "claims": d.claim_fingerprints,
                    "signature": d.signature,
                }),
                now,
            )?;
            Ok(id)
        })?;
        Ok(self.decisions(d.pitch_id)?.into_iter().find(|x| x.id == id).expect("just written"))
    }

    // ---- does the approval still apply? ------------------------------------------------------

    /// What changed since the pitch's last approval (`None` when it was never approved).
    pub fn approval_drift(&self, pitch_id: Id) -> Result<Option<ApprovalDrift>> {
        let Some((decision_id, version_id, claims_json)) = self
            .conn
            .query_row(
                "SELECT id, pitch_version_id, claim_fingerprints FROM decision
                 WHERE pitch_id = ?1 AND verdict IN ('approve', 'approve-with-edits') ORDER BY id DESC LIMIT 1",
                [pitch_id],
                |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?, r.get::<_, String>(2)?)),
            )
            .optional()?
        else {
            return Ok(None);
        };
        let number: i64 = self.conn.query_row("SELECT number FROM pitch_version WHERE id = ?1", [version_id], |r| r.get(0))?;
        let approved = self.pitch_version_blocks(pitch_id, number)?;
        let now = self.pitch_doc(pitch_id)?;
        let text_changed = content_fingerprint(&approved) != content_fingerprint(&now);
        let redline = if text_changed { word_diff(&doc_text(&approved), &doc_text(&now)) } else { Vec::new() };

        let then: BTreeMap<Id, String> = serde_json::from_str::<Vec<(Id, String)>>(&claims_json).unwrap_or_default().into_iter().collect();
        let current: BTreeMap<Id, String> = self.linked_claim_fingerprints(pitch_id)?.into_iter().collect();
        let mut claims = Vec::new();
        for id in then.keys().chain(current.keys().filter(|k| !then.contains_key(k))) {
            let (old, new) = (then.get(id), current.get(id));
            if old == new {
                continue;
            }
            let change = match (old, new.map(String::as_str)) {
                (None, _) => "linked",
                (_, None) => "unlinked",
                (_, Some("removed")) => "removed",
                _ => "changed",
            };
            let (number, text): (i64, String) = self
                .conn
                .query_row("SELECT number, text FROM claim WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .unwrap_or((0, String::new()));
            let old_text: Option<String> = match old {
                Some(fp) => self
                    .conn
                    .query_row("SELECT text FROM claim_revision WHERE claim_id = ?1 AND fingerprint = ?2 ORDER BY version DESC LIMIT 1", params![id, fp], |r| r.get(0))
                    .optional()?,
                None => None,
            };
            let redline = match change {
                "changed" => word_diff(old_text.as_deref().unwrap_or(""), &text),
                _ => word_diff(&text, &text),
            };
            claims.push(ClaimDrift { claim_id: *id, number, redline, change: change.into() });
        }
        Ok(Some(ApprovalDrift { decision_id, text_changed, redline, claims }))
    }

    /// After a change: an approved pitch whose text or linked claims no longer match its
    /// approval now needs re-approval (recorded with what changed). Call inside the change's
    /// transaction.
    pub(crate) fn recheck_approval(&mut self, pitch_id: Id, now: &str) -> Result<()> {
        if self.pitch_status(pitch_id)? != PitchStatus::Approved {
            return Ok(());
        }
        let Some(drift) = self.approval_drift(pitch_id)? else { return Ok(()) };
        if drift.is_empty() {
            return Ok(());
        }
        let next = next_status(PitchStatus::Approved, ReviewEvent::SubstantiveChange).map_err(refused)?;
        self.set_status(pitch_id, next, now)?;
        let claims: Vec<serde_json::Value> = drift.claims.iter().map(|c| serde_json::json!({ "claim": c.claim_id, "change": c.change })).collect();
        let by = self.actor.clone();
        self.append_audit(
            &by,
            "review.needs-reapproval",
            &format!("pitch:{pitch_id}"),
            &serde_json::json!({ "decision": drift.decision_id, "textChanged": drift.text_changed, "claims": claims }),
            now,
        )?;
        Ok(())
    }

    /// Rechecks every pitch linked to a claim of `message_id` (after a new message version).
    pub(crate) fn recheck_approvals_for_message(&mut self, message_id: Id, now: &str) -> Result<()> {
        for p in self.approved_pitches_linking(message_id)? {
            self.recheck_approval(p, now)?;
        }
        Ok(())
    }

    /// Approved pitches that link a claim of `message_id`.
    pub(crate) fn approved_pitches_linking(&self, message_id: Id) -> Result<Vec<Id>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT DISTINCT b.pitch_id FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id
                 JOIN claim c ON c.id = l.claim_id JOIN pitch p ON p.id = b.pitch_id
                 WHERE c.message_id = ?1 AND p.status = 'approved'",
            )?
            .query_map([message_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }
}
