//! Decisions: checked against what the workspace holds, applied in one transaction, and the
//! check that an approval still applies (what changed since it).

use std::collections::BTreeMap;

use pitchbridge_core::doc::doc_text;
use pitchbridge_core::redline::word_diff;
use pitchbridge_core::workflow::{content_fingerprint, next_status, ReviewEvent};
use pitchbridge_core::{Id, PitchStatus};
use rusqlite::{params, OptionalExtension};

use crate::{Result, Workspace};
use crate::review::{refused, ApprovalDrift, ClaimDrift, DecisionRecord, PitchOutcome, ReviewRequest, VerifiedDecision};

impl Workspace {
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
                    "overrides": d.overrides,
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
