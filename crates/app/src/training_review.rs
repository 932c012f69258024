//! A training kit reviewed like a pitch: the writer sends the kit as it is to a registered
//! reviewer; the reviewer approves it or asks for changes, signing with their key over the
//! kit's fingerprint and the approved pitch versions it is made from. An approved kit stays
//! approved while what it is made from stays the same; when a pitch it draws on needs
//! re-approval or expires, the kit says which items went stale.

use std::collections::{BTreeMap, HashMap};

use pitchbridge_core::readiness::kit_basis;
use pitchbridge_core::Id;
use pitchbridge_review::{KitDecisionBody, KIT_DECISION_SUBJECT};
use pitchbridge_store::{KitDecisionRecord, KitReview, KitSubmission, Reviewer, MAX_COMMENT_CHARS};
use pitchbridge_training::KitItem;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};
use crate::training::{KitSource, TrainingKit, TrainingKitRequest};
use crate::App;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum KitStatus {
    /// Never sent, or withdrawn before a decision.
    #[default]
    Draft,
    InReview,
    /// Approved, and made from the same approved pitches, glossary and changes as then.
    Approved,
    ChangesRequested,
    /// Approved once; what it is made from has changed since, so it needs approving again.
    ChangedSinceApproval,
}

/// A kit's review, as the Training screen shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitReviewState {
    pub status: KitStatus,
    /// The kit as it is now: its items and certification settings.
    pub fingerprint: String,
    /// Its reviews, newest first.
    pub reviews: Vec<KitReview>,
    /// Since the last approval, one line each: pitches gone stale, items changed.
    pub changes: Vec<String>,
    /// Keys of approved items that are no longer in the kit as approved.
    pub stale_items: Vec<String>,
    pub reviewers: Vec<Reviewer>,
    /// The person using the app is the reviewer the kit waits for.
    pub is_reviewer: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmitKitRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    #[ts(type = "number")]
    pub reviewer_id: Id,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum KitOutcome {
    Approved,
    ChangesRequested,
}

impl KitOutcome {
    fn as_str(self) -> &'static str {
        match self {
            KitOutcome::Approved => "approved",
            KitOutcome::ChangesRequested => "changes-requested",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecideKitRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub outcome: KitOutcome,
    pub reasons: String,
    pub passphrase: String,
}

/// A pitch a kit was made from, as kept with the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SourceRecord {
    pitch_id: Id,
    title: String,
    fingerprint: String,
}

/// What a kit's fingerprint covers: every item (key and words) in order, and how it certifies.
fn kit_fingerprint(items: &[KitItem], certification: (u32, u32, u32)) -> String {
    let items: Vec<(&str, &pitchbridge_training::ItemKind)> = items.iter().map(|i| (i.key.as_str(), &i.kind)).collect();
    let json = serde_json::json!({ "items": items, "certification": [certification.0, certification.1, certification.2] });
    pitchbridge_core::fingerprint::fingerprint(&json.to_string())
}

impl App {
    /// The pitches a kit is made from with their approved text, and the basis they give it.
    fn kit_basis_now(&self, src: &KitSource, launch_id: Id, audience_id: Id) -> ApiResult<(Vec<SourceRecord>, String)> {
        let ws = self.ws()?;
        let approved = ws.approved_fingerprints(launch_id)?;
        let sources: Vec<SourceRecord> = src
            .kit
            .pitches
            .iter()
            .filter_map(|p| Some(SourceRecord { pitch_id: p.pitch_id, title: p.title.clone(), fingerprint: approved.get(&p.pitch_id)?.clone() }))
            .collect();
        let pairs: Vec<(Id, &str)> = sources.iter().map(|s| (s.pitch_id, s.fingerprint.as_str())).collect();
        let basis = kit_basis(&pairs, &ws.glossary_digest()?, &ws.kit_state_digest(launch_id, audience_id)?);
        Ok((sources, basis))
    }

    pub(crate) fn kit_review_state(&self, src: &KitSource, launch_id: Id, audience_id: Id) -> ApiResult<KitReviewState> {
        let ws = self.ws()?;
        let fingerprint = kit_fingerprint(&src.kit.items, ws.certification_settings(launch_id, audience_id)?);
        let reviews = ws.kit_reviews(launch_id, audience_id)?;
        let (_, basis) = self.kit_basis_now(src, launch_id, audience_id)?;
        let open = reviews.iter().find(|r| r.closed_at.is_none());
        let decided = reviews.iter().find(|r| matches!(r.outcome.as_deref(), Some("approved" | "changes-requested")));
        let (mut changes, mut stale_items) = (Vec::new(), Vec::new());
        let status = match (open, decided) {
            (Some(_), _) => KitStatus::InReview,
            (None, Some(d)) if d.outcome.as_deref() == Some("changes-requested") => KitStatus::ChangesRequested,
            (None, Some(d)) if d.basis == basis && d.kit_fingerprint == fingerprint => KitStatus::Approved,
            (None, Some(d)) => {
                (changes, stale_items) = changes_since(d, &src.kit)?;
                KitStatus::ChangedSinceApproval
            }
            (None, None) => KitStatus::Draft,
        };
        let is_reviewer = open.is_some_and(|o| self.own_public_key().as_deref() == Some(o.reviewer.public_key.as_str()));
        Ok(KitReviewState { status, fingerprint, reviews, changes, stale_items, reviewers: ws.list_reviewers()?, is_reviewer })
    }

    /// Sends the kit as it is now to a registered reviewer. Refused when it has nothing to
    /// review, or reworded items whose source changed since they were reworded.
    pub fn submit_training_kit(&mut self, req: SubmitKitRequest) -> ApiResult<TrainingKit> {
        let actor = self.require_profile()?.actor();
        if req.note.chars().count() > MAX_COMMENT_CHARS {
            return Err(ApiError::invalid(format!("The note is too long (at most {MAX_COMMENT_CHARS} characters).")));
        }
        let kit_req = TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id };
        let src = self.kit_source(kit_req.clone())?;
        if src.kit.items.is_empty() {
            return Err(ApiError::refused(format!("The kit has no items to review: {}", if src.kit.left_out.is_empty() { "no pitch for this audience is approved.".to_string() } else { src.kit.left_out.join(" ") })));
        }
        if !src.kit.outdated_edits.is_empty() {
            return Err(ApiError::refused(format!(
                "{} reworded {} made from text that changed since you reworded {}: look at {} again (keep or put back as made) before sending the kit.",
                src.kit.outdated_edits.len(),
                if src.kit.outdated_edits.len() == 1 { "item was" } else { "items were" },
                if src.kit.outdated_edits.len() == 1 { "it" } else { "them" },
                if src.kit.outdated_edits.len() == 1 { "it" } else { "them" },
            )));
        }
        let (sources, basis) = self.kit_basis_now(&src, req.launch_id, req.audience_id)?;
        let items = serde_json::to_string(&src.kit.items).expect("items serialise");
        let sources = serde_json::to_string(&sources).expect("sources serialise");
        let now = self.clock.now();
        let fingerprint = src.kit.review.fingerprint.clone();
        let submission = KitSubmission {
            launch_id: req.launch_id,
            audience_id: req.audience_id,
            reviewer_id: req.reviewer_id,
            kit_fingerprint: &fingerprint,
            basis: &basis,
            items: &items,
            sources: &sources,
            note: &req.note,
        };
        self.ws_mut()?.submit_kit_for_review(&submission, &actor, &now)?;
        self.training_kit(kit_req)
    }

    pub fn withdraw_training_kit(&mut self, req: TrainingKitRequest) -> ApiResult<TrainingKit> {
        let actor = self.actor();
        let now = self.clock.now();
        self.ws_mut()?.withdraw_kit_review(req.launch_id, req.audience_id, &actor, &now)?;
        self.training_kit(req)
    }

    /// The reviewer approves the kit or asks for changes, signing with their passphrase. The
    /// kit must still be exactly the one sent: a pitch that lapsed since changes what it holds.
    pub fn decide_training_kit(&mut self, req: DecideKitRequest) -> ApiResult<TrainingKit> {
        let p = self.require_profile()?;
        let stored_key = p.key.clone().ok_or_else(|| ApiError::refused("You have no signing key yet: make one in your profile."))?;
        let kit_req = TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id };
        let src = self.kit_source(kit_req.clone())?;
        let ws = self.ws()?;
        let open = ws.open_kit_review(req.launch_id, req.audience_id)?.ok_or_else(|| ApiError::refused("This kit is not waiting for a decision."))?;
        if open.reviewer.public_key != stored_key.public_key {
            return Err(ApiError::refused(format!("This kit was sent to {} for review; only they can decide on it.", open.reviewer.name)));
        }
        let reasons = crate::review::decision_reasons(&req.reasons, req.outcome == KitOutcome::ChangesRequested, "")?;
        if open.kit_fingerprint != src.kit.review.fingerprint {
            return Err(ApiError::refused(
                "The kit is no longer the one sent: a pitch it is made from changed, lapsed or was approved since. The writer withdraws it and sends it again.",
            ));
        }
        let signing = pitchbridge_review::unlock(&stored_key, &req.passphrase)?;
        self.unlocked_key = Some(stored_key.public_key.clone());
        let ws = self.ws()?;
        let sources: Vec<SourceRecord> = serde_json::from_str(&open.sources).unwrap_or_default();
        let title = format!("{} — {}", src.kit.launch_name, src.kit.audience_name);
        let meaning = match req.outcome {
            KitOutcome::Approved => format!(
                "Approved as the training kit for {} of {}: {} items from {} approved pitches.",
                src.kit.audience_name,
                src.kit.launch_name,
                src.kit.items.len(),
                sources.len()
            ),
            KitOutcome::ChangesRequested => format!("Changes requested to the training kit for {} of {}.", src.kit.audience_name, src.kit.launch_name),
        };
        let body = KitDecisionBody {
            subject: KIT_DECISION_SUBJECT.into(),
            workspace_id: ws.workspace_id()?,
            launch_id: req.launch_id,
            audience_id: req.audience_id,
            kit_title: title,
            request_id: open.id,
            outcome: req.outcome.as_str().into(),
            meaning,
            signer_name: p.name.clone(),
            signer_email: p.email.clone(),
            signer_key: stored_key.public_key.clone(),
            signed_at: self.clock.now(),
            kit_fingerprint: open.kit_fingerprint.clone(),
            pitch_fingerprints: sources.iter().map(|s| (s.pitch_id, s.fingerprint.clone())).collect(),
            reasons: reasons.clone(),
        };
        let signature = pitchbridge_review::sign(&signing, &body);
        // Checked as anyone would check it later: against the key the body names.
        pitchbridge_review::verify_signed(&body, &body.signer_key, &signature)?;
        let body_json = String::from_utf8(pitchbridge_review::signed_bytes(&body)).expect("JSON is UTF-8");
        let signer = p.actor();
        let record = KitDecisionRecord {
            request_id: open.id,
            outcome: req.outcome.as_str(),
            reasons: &reasons,
            signer: &signer,
            signer_key: &body.signer_key,
            kit_fingerprint: &body.kit_fingerprint,
            body: &body_json,
            signature: &signature,
        };
        let now = self.clock.now();
        self.ws_mut()?.apply_kit_decision(req.launch_id, req.audience_id, &record, &now)?;
        let kit = self.training_kit(kit_req)?;
        // The day's reading of the launch's readiness moves with the approval; a failure to
        // keep it loses only that reading.
        let _ = self.record_readiness(req.launch_id);
        Ok(kit)
    }
}

/// What changed since an approval: which pitches went stale or came in, and which items.
fn changes_since(approval: &KitReview, kit: &TrainingKit) -> ApiResult<(Vec<String>, Vec<String>)> {
    let damaged = |_| ApiError::invalid("The kit's approved items cannot be read back; send the kit for review again.");
    let approved_items: Vec<KitItem> = serde_json::from_str(&approval.items).map_err(damaged)?;
    let sources: Vec<SourceRecord> = serde_json::from_str(&approval.sources).map_err(damaged)?;
    let mut changes = Vec::new();
    let now_pitches: HashMap<Id, &str> = kit.pitches.iter().map(|p| (p.pitch_id, p.title.as_str())).collect();
    let count = |pitch: Id, items: &[KitItem]| items.iter().filter(|i| i.source.pitch_id == Some(pitch)).count();
    for s in &sources {
        let n = count(s.pitch_id, &approved_items);
        let items = if n == 1 { "1 item is".to_string() } else { format!("{n} items are") };
        if !now_pitches.contains_key(&s.pitch_id) {
            let why = kit.left_out.iter().find(|l| l.starts_with(&format!("“{}”", s.title))).cloned().unwrap_or_else(|| format!("“{}” is no longer approved and current.", s.title));
            changes.push(format!("{why} {items} stale."));
        }
    }
    for p in &kit.pitches {
        if !sources.iter().any(|s| s.pitch_id == p.pitch_id) {
            changes.push(format!("“{}” was approved since: its items are new.", p.title));
        }
    }
    let now: BTreeMap<&str, &KitItem> = kit.items.iter().map(|i| (i.key.as_str(), i)).collect();
    let mut stale = Vec::new();
    let (mut changed, mut gone) = (0, 0);
    for item in &approved_items {
        match now.get(item.key.as_str()) {
            None => {
                gone += 1;
                stale.push(item.key.clone());
            }
            Some(i) if i.kind != item.kind => {
                changed += 1;
                stale.push(item.key.clone());
            }
            Some(_) => {}
        }
    }
    let added = kit.items.iter().filter(|i| !approved_items.iter().any(|a| a.key == i.key)).count();
    let plural = |n: usize| if n == 1 { "1 item".to_string() } else { format!("{n} items") };
    if changed > 0 {
        changes.push(format!("{} reworded or changed since the approval.", plural(changed)));
    }
    if gone > 0 {
        changes.push(format!("{} approved then no longer in the kit.", plural(gone)));
    }
    if added > 0 {
        changes.push(format!("{} not in the approved kit.", plural(added)));
    }
    if changes.is_empty() {
        changes.push("The kit's order, certification settings or glossary changed since the approval.".into());
    }
    Ok((changes, stale))
}
