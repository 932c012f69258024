//! Launch readiness: the targets a launch aims at, when approvals lapse, and the evaluation
//! of where a launch stands on a day (today, or a day to come: what will have expired by then).

use pitchbridge_core::readiness::{day_number, evaluate, LaunchReadiness, LaunchTargets, ScoreWeights, TrendPoint};
use pitchbridge_core::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};
use crate::App;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ValidUntilRequest {
    #[ts(type = "number")]
    pub message_id: Id,
    /// YYYY-MM-DD, or empty for no end.
    pub valid_until: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerificationRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    /// A registered reviewer; none for the reviewer of the pitch's last approval.
    #[ts(type = "number | null")]
    pub verifier_id: Option<Id>,
    /// Days; none for its collateral type's interval.
    pub interval_days: Option<u32>,
}

impl App {
    /// Today's date (YYYY-MM-DD) by the app's clock.
    pub fn today(&self) -> String {
        self.clock.now().chars().take(10).collect()
    }

    pub fn launch_targets(&self, launch_id: Id) -> ApiResult<LaunchTargets> {
        Ok(self.ws()?.launch_targets(launch_id)?)
    }

    pub fn set_launch_targets(&mut self, targets: LaunchTargets) -> ApiResult<LaunchTargets> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.set_launch_targets(&targets, &now)?)
    }

    /// The day a message stops being valid ("" for no end).
    pub fn message_valid_until(&self, message_id: Id) -> ApiResult<String> {
        Ok(self.ws()?.message_valid_until(message_id)?)
    }

    pub fn set_message_valid_until(&mut self, req: ValidUntilRequest) -> ApiResult<String> {
        let (now, today) = (self.clock.now(), self.today());
        Ok(self.ws_mut()?.set_message_valid_until(req.message_id, &req.valid_until, &today, &now)?)
    }

    pub fn set_pitch_verification(&mut self, req: VerificationRequest) -> ApiResult<()> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.set_pitch_verification(req.pitch_id, req.verifier_id, req.interval_days, &now)?)
    }

    pub fn readiness_settings(&self) -> ApiResult<ReadinessSettings> {
        let ws = self.ws()?;
        let (default_interval_days, by_type) = ws.verify_intervals()?;
        let type_intervals = ws
            .list_collateral_types()?
            .into_iter()
            .map(|t| TypeInterval { days: by_type.get(&t.id).copied(), type_id: t.id, name: t.name })
            .collect();
        Ok(ReadinessSettings { weights: ws.readiness_weights()?, default_interval_days, type_intervals })
    }

    /// Sets the weights and intervals together; nothing is written when any of them is refused.
    pub fn set_readiness_settings(&mut self, settings: ReadinessSettings) -> ApiResult<ReadinessSettings> {
        let now = self.clock.now();
        let types: Vec<(String, Option<u32>)> = settings.type_intervals.into_iter().map(|t| (t.type_id, t.days)).collect();
        self.ws_mut()?.set_readiness_settings(settings.weights, settings.default_interval_days, &types, &now)?;
        self.readiness_settings()
    }

    pub fn pitch_verification(&self, pitch_id: Id) -> ApiResult<PitchVerification> {
        let ws = self.ws()?;
        let (verifier_id, interval_days, type_id) = ws.pitch_verification(pitch_id)?;
        let (default_days, by_type) = ws.verify_intervals()?;
        let (inherited_interval_days, inherited_from) = match by_type.get(&type_id) {
            Some(d) => (*d, ws.get_collateral_type(&type_id).map(|t| t.name).unwrap_or(type_id)),
            None => (default_days, "the workspace".to_string()),
        };
        // Who verifies it by default: the reviewer of its last approval.
        let approver = match verifier_id {
            Some(_) => None,
            None => ws.pitch_verifier_id(pitch_id)?.and_then(|v| ws.list_reviewers().ok()?.into_iter().find(|r| r.id == v)).map(|r| r.name),
        };
        Ok(PitchVerification { verifier_id, interval_days, inherited_interval_days, inherited_from, approver, expires_on: self.pitch_expires_on(pitch_id)? })
    }

    pub fn set_readiness_weights(&mut self, weights: ScoreWeights) -> ApiResult<ScoreWeights> {
        let ws = self.ws_mut()?;
        ws.set_readiness_weights(weights)?;
        Ok(ws.readiness_weights()?)
    }

    /// The day a pitch's approval lapses (or lapsed), when it is approved.
    pub fn pitch_expires_on(&self, pitch_id: Id) -> ApiResult<Option<String>> {
        let ws = self.ws()?;
        let launch_id: Id = ws.pitch_detail(pitch_id)?.summary.pitch.launch_id;
        Ok(ws.readiness_facts(launch_id)?.pitches.into_iter().find(|p| p.id == pitch_id).and_then(|p| p.expires_on))
    }

    /// Where a launch stands on a day: the gates, the score, the matrix and the lists. The
    /// checks run on each of its pitches, so open errors are those of the text as it is now.
    pub fn launch_readiness(&self, req: ReadinessRequest) -> ApiResult<LaunchReadiness> {
        let today = self.today();
        let asked_today = req.at.as_deref().map(str::trim).is_none_or(|d| d.is_empty() || d == today);
        let mut readiness = self.evaluate_readiness(req)?;
        readiness.trend = self.ws()?.readiness_trend(readiness.launch_id)?;
        // Today's reading may not be kept yet (it is kept in the background after opening):
        // the one just made stands for it, so the trend always ends where the launch is now.
        if asked_today && readiness.has_targets && readiness.trend.last().is_none_or(|p| p.day != today) {
            let now = readiness.reading(&today);
            readiness.trend.push(now);
        }
        Ok(readiness)
    }

    fn evaluate_readiness(&self, req: ReadinessRequest) -> ApiResult<LaunchReadiness> {
        let day = match req.at.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) if d.len() == 10 && day_number(d).is_some() => d.to_string(),
            Some(d) => return Err(ApiError::invalid(format!("“{d}” is not a date; write it as YYYY-MM-DD."))),
            None => self.today(),
        };
        let mut facts = self.ws()?.readiness_facts(req.launch_id)?;
        for p in &mut facts.pitches {
            // Coverage and stale links have gates of their own.
            p.open_errors = self.open_errors(p.id)?;
        }
        Ok(evaluate(&facts, &day))
    }

    /// Keeps today's reading of a launch, for its trend.
    pub fn record_readiness(&mut self, launch_id: Id) -> ApiResult<TrendPoint> {
        let today = self.today();
        let point = self.evaluate_readiness(ReadinessRequest { launch_id, at: Some(today.clone()) })?.reading(&today);
        self.ws_mut()?.record_readiness(launch_id, &point)?;
        Ok(point)
    }

    /// The launches with targets whose reading for today is not kept yet (none in a workspace
    /// opened read-only). The app keeps them one at a time in the background after opening, so
    /// a large workspace opens as fast as a small one.
    pub fn readings_due(&self) -> ApiResult<Vec<Id>> {
        let ws = self.ws()?;
        if ws.is_read_only() {
            return Ok(Vec::new());
        }
        Ok(ws.launches_unread_on(&self.today())?)
    }

    /// After an approval: the launch's reading for today, so the trend shows the step.
    pub(crate) fn record_readiness_of_pitch(&mut self, pitch_id: Id) {
        let launch_id = match self.ws().and_then(|ws| Ok(ws.pitch_detail(pitch_id)?.summary.pitch.launch_id)) {
            Ok(id) => id,
            Err(_) => return,
        };
        if self.ws().is_ok_and(|ws| ws.launch_targets(launch_id).is_ok_and(|t| !t.audiences.is_empty())) {
            let _ = self.record_readiness(launch_id);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReverifyRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    /// Approved renews the approval from today; changes requested sends it back to the writer.
    pub outcome: pitchbridge_store::PitchOutcome,
    pub reasons: String,
    pub passphrase: String,
    /// As in a decision: why it is re-verified although something is open.
    #[serde(default)]
    #[ts(optional)]
    pub override_reason: Option<String>,
}

/// The readiness settings of the workspace: the score's weights and the re-verification
/// intervals (the default, and each collateral type's own when it has one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessSettings {
    pub weights: ScoreWeights,
    pub default_interval_days: u32,
    pub type_intervals: Vec<TypeInterval>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TypeInterval {
    pub type_id: String,
    pub name: String,
    /// Days; none for the workspace's default.
    pub days: Option<u32>,
}

/// A pitch's verification: who re-verifies it and after how long, as set on the pitch, and
/// what applies when nothing is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchVerification {
    #[ts(type = "number | null")]
    pub verifier_id: Option<Id>,
    pub interval_days: Option<u32>,
    /// The interval the pitch follows without its own: its type's, else the workspace's.
    pub inherited_interval_days: u32,
    /// Where that comes from: the collateral type's name, or "the workspace".
    pub inherited_from: String,
    /// The reviewer of its last approval, who verifies it when no verifier is set.
    pub approver: Option<String>,
    pub expires_on: Option<String>,
}

/// An approval expiring within two weeks (or expired) that is the person's to re-verify or,
/// as its writer, to bring up to date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MyExpiring {
    #[ts(type = "number")]
    pub launch_id: Id,
    pub launch_name: String,
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub title: String,
    pub expires_on: String,
    /// Negative once expired.
    pub days_left: i64,
    /// Theirs to re-verify; otherwise theirs as the writer.
    pub to_verify: bool,
}

/// What the verifier sees before re-verifying.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reverification {
    pub expires_on: Option<String>,
    pub expired: bool,
    /// Who re-verifies it, by name.
    pub verifier: Option<String>,
    /// Whether the person using the app is that verifier.
    pub mine: bool,
    /// What changed since the last approval: new message versions, "valid until" days, targets.
    pub changes: Vec<String>,
}

impl App {
    pub fn reverification(&self, pitch_id: Id) -> ApiResult<Reverification> {
        let ws = self.ws()?;
        let verifier_id = ws.pitch_verifier_id(pitch_id)?;
        let reviewers = ws.list_reviewers()?;
        let verifier = verifier_id.and_then(|v| reviewers.iter().find(|r| r.id == v));
        let my_key = self.load_profile().ok().flatten().and_then(|p| p.key.map(|k| k.public_key));
        let expires_on = self.pitch_expires_on(pitch_id)?;
        Ok(Reverification {
            expired: expires_on.as_deref().is_some_and(|d| d <= self.today().as_str()),
            expires_on,
            verifier: verifier.map(|r| r.name.clone()),
            mine: verifier.is_some_and(|r| Some(&r.public_key) == my_key.as_ref()),
            changes: ws.changes_since_approval(pitch_id)?,
        })
    }

    /// What expires within two weeks, or has expired, that is the person's: they verify it, or
    /// they sent it for its first review. Soonest first. From the stored facts alone (no
    /// checks run), so it is cheap enough for start-up.
    pub fn expiring_for_me(&self) -> ApiResult<Vec<MyExpiring>> {
        let Some(profile) = self.load_profile().ok().flatten() else { return Ok(Vec::new()) };
        let ws = self.ws()?;
        let my_reviewer = match &profile.key {
            Some(k) => ws.reviewer_by_key(&k.public_key)?.map(|r| r.id),
            None => None,
        };
        let written: std::collections::HashSet<Id> = ws.pitches_first_submitted_by(&profile.actor())?.into_iter().collect();
        let today = self.today();
        let mut mine = Vec::new();
        for l in ws.list_launches()? {
            let facts = ws.readiness_facts(l.launch.id)?;
            for e in evaluate(&facts, &today).expiring {
                let to_verify = my_reviewer.is_some() && ws.pitch_verifier_id(e.pitch_id)? == my_reviewer;
                if to_verify || written.contains(&e.pitch_id) {
                    mine.push(MyExpiring {
                        launch_id: l.launch.id,
                        launch_name: l.launch.name.clone(),
                        pitch_id: e.pitch_id,
                        title: e.title,
                        expires_on: e.expires_on,
                        days_left: e.days_left,
                        to_verify,
                    });
                }
            }
        }
        mine.sort_by(|a, b| a.expires_on.cmp(&b.expires_on).then(a.pitch_id.cmp(&b.pitch_id)));
        Ok(mine)
    }

    /// The verifier re-verifies an approved pitch: a signed decision through the same path as
    /// an approval, renewing it from today, or sending it back with changes requested. The
    /// passphrase is checked before anything changes; a refused decision leaves the pitch
    /// approved as it was.
    pub fn reverify(&mut self, req: ReverifyRequest) -> ApiResult<crate::review::ReviewState> {
        use pitchbridge_store::PitchOutcome;
        if req.outcome == PitchOutcome::ApprovedWithEdits {
            return Err(ApiError::invalid("Re-verification approves the pitch as it stands, or requests changes; it does not edit."));
        }
        let profile = self.require_profile()?;
        let key = profile.key.clone().ok_or_else(|| ApiError::refused("You have no signing key yet: make one in your profile."))?;
        let ws = self.ws()?;
        let me = ws
            .list_reviewers()?
            .into_iter()
            .find(|r| r.public_key == key.public_key)
            .ok_or_else(|| ApiError::refused("You are not a registered reviewer in this workspace, so you cannot re-verify. Register from your profile first."))?;
        if let Some(v) = ws.pitch_verifier_id(req.pitch_id)? {
            if v != me.id {
                let name = ws.list_reviewers()?.into_iter().find(|r| r.id == v).map(|r| r.name).unwrap_or_else(|| "a reviewer no longer registered".into());
                return Err(ApiError::refused(format!("This pitch is re-verified by {name}, not by you.")));
            }
        }
        pitchbridge_review::unlock(&key, &req.passphrase)?;
        let (actor, now) = (profile.actor(), self.clock.now());
        self.ws_mut()?.open_reverification(req.pitch_id, me.id, &actor, &now)?;
        let decided = self.decide(crate::review::DecideRequest {
            pitch_id: req.pitch_id,
            outcome: req.outcome,
            reasons: req.reasons,
            passphrase: req.passphrase,
            confirmed_items: vec![],
            override_reason: req.override_reason,
        });
        if decided.is_err() {
            self.ws_mut()?.cancel_reverification(req.pitch_id, &actor, &now)?;
        }
        decided
    }
}
