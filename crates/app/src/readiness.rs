//! Launch readiness: the targets a launch aims at, when approvals lapse, and the evaluation
//! of where a launch stands on a day (today, or a day to come: what will have expired by then).

use pitchbridge_core::readiness::{day_number, evaluate, LaunchReadiness, LaunchTargets, ScoreWeights};
use pitchbridge_core::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::CheckPitchRequest;
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
        let day = match req.at.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) if d.len() == 10 && day_number(d).is_some() => d.to_string(),
            Some(d) => return Err(ApiError::invalid(format!("“{d}” is not a date; write it as YYYY-MM-DD."))),
            None => self.today(),
        };
        let mut facts = self.ws()?.readiness_facts(req.launch_id)?;
        for p in &mut facts.pitches {
            let report = self.check_pitch(CheckPitchRequest { pitch_id: p.id, blocks: None })?;
            // Coverage and stale links have gates of their own.
            p.open_errors = report
                .findings
                .iter()
                .filter(|f| f.severity == pitchbridge_checks::Severity::Error && f.dismissal.is_none() && f.rule != pitchbridge_checks::Rule::Coverage)
                .count() as u32;
        }
        Ok(evaluate(&facts, &day))
    }
}
