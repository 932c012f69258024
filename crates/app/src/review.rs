//! Review and approval: reviewers registered in the workspace, submitting and withdrawing,
//! comments, and the reviewer's signed decision (applied through the same checks as a
//! decision file).

use pitchbridge_core::workflow::{content_fingerprint, NewComment};
use pitchbridge_core::{Id, PitchStatus};
use pitchbridge_review::DecisionBody;
use pitchbridge_store::{ApprovalDrift, Comment, DecisionRecord, MAX_COMMENT_CHARS, META_COPY_LAST_COMMENT, PitchOutcome, ReviewRequest, Reviewer, VerifiedDecision, Workspace};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmitRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub reviewer_id: Id,
    pub note: String,
    /// Why the writer submits although error findings are open; without one, such a
    /// submission is refused with what is open (needs-confirmation).
    #[serde(default)]
    #[ts(optional)]
    pub override_reason: Option<String>,
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
    /// Why the reviewer approves although required claims are untranslated or their own
    /// comments are unresolved; without one, such an approval is refused with what is open.
    #[serde(default)]
    #[ts(optional)]
    pub override_reason: Option<String>,
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

impl App {
    /// Registers the person's own public key as a reviewer in the open workspace.
    pub fn register_as_reviewer(&mut self) -> ApiResult<Reviewer> {
        let p = self.require_profile()?;
        let key = p.key.as_ref().ok_or_else(|| ApiError::refused("Make your signing key first: it is what your decisions are signed with."))?;
        let now = self.clock.now();
        let actor = p.actor();
        Ok(self.ws_mut()?.register_reviewer(&p.name, &p.email, &key.public_key, &actor, &now)?)
    }

    pub fn list_reviewers(&self) -> ApiResult<Vec<Reviewer>> {
        Ok(self.ws()?.list_reviewers()?)
    }

    /// The reviewer the pitch waits for, and they have unlocked their key this session.
    pub(crate) fn may_edit_as_reviewer(&self, pitch_id: Id) -> ApiResult<bool> {
        Ok(self.is_requested_reviewer(pitch_id)? && self.unlocked_key.is_some() && self.unlocked_key == self.own_public_key())
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
        let report = self.check_pitch(crate::checks::CheckPitchRequest { pitch_id: req.pitch_id, blocks: None })?;
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == pitchbridge_checks::Severity::Error && f.dismissal.is_none())
            .map(|f| {
                // The finding's first clause says what it is; the rest is advice.
                let what = f.message.split([':', '.']).next().unwrap_or(&f.message).trim();
                let quote = f.quote.trim();
                if f.block_key.is_some() && !quote.is_empty() { format!("{what} (“{}”)", shorten(quote, 40)) } else { shorten(what, 120) }
            })
            .collect();
        let gate = passing_gate(&[(errors, "error finding is open", "error findings are open")], req.override_reason.as_deref(), "submit anyway")?;
        // The reviewer reads why in the request's note; the audit trail keeps it with it.
        let note = match gate {
            Some(g) if req.note.trim().is_empty() => g,
            Some(g) => format!("{}\n\n{g}", req.note.trim()),
            None => req.note.clone(),
        };
        let now = self.clock.now();
        self.ws_mut()?.submit_for_review(req.pitch_id, req.reviewer_id, &note, &actor, &now)?;
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
        let stored_key = p.key.clone().ok_or_else(|| ApiError::refused("You have no signing key yet: make one in your profile."))?;
        let ws = self.ws()?;
        let request = ws.open_request(req.pitch_id)?.ok_or_else(|| ApiError::refused("This pitch is not waiting for a decision."))?;
        if request.reviewer.public_key != stored_key.public_key {
            return Err(ApiError::refused(format!("This pitch was sent to {} for review; only they can decide on it.", request.reviewer.name)));
        }
        let reasons = decision_reasons(&req.reasons, req.outcome == PitchOutcome::ChangesRequested, "; put the detail in comments")?;
        let signing = pitchbridge_review::unlock(&stored_key, &req.passphrase)?;
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
            return Err(ApiError::refused(format!("The writer has not ticked \"{item}\", so it cannot be confirmed.")));
        }
        let mut confirmed_items = req.confirmed_items.clone();
        confirmed_items.sort();
        confirmed_items.dedup();
        let ws = self.ws()?;
        // An approval past untranslated required claims or the reviewer's own open comments
        // is a choice the reviewer makes knowingly, and signs with its reason.
        let overrides = if req.outcome == PitchOutcome::ChangesRequested {
            Vec::new()
        } else {
            let view = ws.pitch_editor(req.pitch_id)?;
            let claims: std::collections::HashMap<Id, &pitchbridge_core::Claim> = view.messages.iter().flat_map(|m| &m.claims).map(|c| (c.id, c)).collect();
            let gaps: Vec<String> = view.links.coverage.gaps.iter().filter_map(|id| claims.get(id)).map(|c| format!("claim {}: “{}”", c.number, c.text)).collect();
            let mine = p.actor();
            let open_comments: Vec<String> = ws
                .comments(req.pitch_id)?
                .into_iter()
                .filter(|c| c.parent_id.is_none() && c.resolved_at.is_none() && c.author == mine)
                .map(|c| format!("“{}”", c.body))
                .collect();
            passing_gate(
                &[(gaps, "required claim is not translated", "required claims are not translated"), (open_comments, "of your comments is unresolved", "of your comments are unresolved")],
                req.override_reason.as_deref(),
                "approve anyway",
            )?
            .into_iter()
            .collect()
        };
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
            overrides,
        };
        let signature = pitchbridge_review::sign(&signing, &body);
        let mut verified = verified_decision(&body, &signature, &p.actor())?;
        // Here the edits and comments are already in the workspace; the file carries them to
        // the writer's. Confirmations are written by the decision, here as there.
        verified.edits = None;
        verified.comments.clear();
        let now = self.clock.now();
        self.ws_mut()?.apply_decision(&verified, &now)?;
        if req.outcome != PitchOutcome::ChangesRequested {
            self.record_readiness_of_pitch(req.pitch_id);
        }
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

    pub fn compare_versions(&self, req: CompareVersionsRequest) -> ApiResult<Vec<pitchbridge_core::redline::DiffSpan>> {
        Ok(self.ws()?.compare_pitch_versions(req.pitch_id, req.from, req.to)?)
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

pub(crate) fn verified_decision(body: &DecisionBody, signature: &str, signer: &str) -> ApiResult<VerifiedDecision> {
    let outcome = PitchOutcome::parse(&body.outcome).ok_or_else(|| ApiError::refused(format!("The decision's outcome \"{}\" is not one Pitchbridge knows.", body.outcome)))?;
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
        overrides: body.overrides.clone(),
        body: String::from_utf8(pitchbridge_review::signed_bytes(body)).expect("JSON is UTF-8"),
        signature: signature.to_string(),
    })
}

/// Lets a step pass when nothing stands in its way, or when the person gave a reason to go on
/// regardless: then it returns what was passed and why, to record. Otherwise it refuses with
/// what is open, so the person can read it and decide.
fn passing_gate(open: &[(Vec<String>, &str, &str)], reason: Option<&str>, anyway: &str) -> ApiResult<Option<String>> {
    let open: Vec<&(Vec<String>, &str, &str)> = open.iter().filter(|(items, _, _)| !items.is_empty()).collect();
    if open.is_empty() {
        return Ok(None);
    }
    let summary: Vec<String> = open
        .iter()
        .map(|(items, one, many)| {
            let head = if items.len() == 1 { format!("1 {one}") } else { format!("{} {many}", items.len()) };
            let shown: Vec<&str> = items.iter().take(3).map(String::as_str).collect();
            let more = if items.len() > 3 { format!("; and {} more", items.len() - 3) } else { String::new() };
            format!("{head}: {}{more}.", shown.join("; "))
        })
        .collect();
    let summary = summary.join(" ");
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) if r.chars().count() > 1000 => Err(ApiError::invalid("The reason is too long (at most 1,000 characters).")),
        Some(r) => Ok(Some(format!("{summary} Reason to {anyway}: {r}"))),
        None => Err(ApiError::needs_confirmation(format!("{summary} Fix what is open, or give a reason to {anyway}: it is recorded."))),
    }
}

/// At most `max` characters, cut at a word with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// A decision's reasons, trimmed: required when changes are asked for, and no longer than a
/// comment (`too_long_hint` ends the message saying so).
pub(crate) fn decision_reasons(reasons: &str, changes_requested: bool, too_long_hint: &str) -> ApiResult<String> {
    let reasons = reasons.trim().to_string();
    if changes_requested && reasons.is_empty() {
        return Err(ApiError::invalid("Say what needs to change: the writer sees your reasons."));
    }
    if reasons.chars().count() > MAX_COMMENT_CHARS {
        return Err(ApiError::invalid(format!("The reasons are too long (at most {MAX_COMMENT_CHARS} characters){too_long_hint}.")));
    }
    Ok(reasons)
}
