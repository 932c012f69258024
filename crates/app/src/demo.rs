//! The demo workspace: a fictional launch written for this project, kept as plain files in
//! `assets/demo/`.

use std::collections::HashMap;

use pitchbridge_core::clock::FixedClock;
use pitchbridge_core::{AudienceInput, BlockKind, ClaimKind, GlossaryInput, GlossaryRule, LaunchInput, Research};
use pitchbridge_store::{NewBlock, Workspace};
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};

const WORKSPACE_TOML: &str = include_str!("../../../assets/demo/workspace.toml");
const FACTORY_MESSAGE: &str = include_str!("../../../assets/demo/factory-message.md");
const PITCH_FILES: &[(&str, &str)] = &[
    ("pitches/var-email.toml", include_str!("../../../assets/demo/pitches/var-email.toml")),
    (
        "pitches/distributor-one-pager.toml",
        include_str!("../../../assets/demo/pitches/distributor-one-pager.toml"),
    ),
    ("pitches/var-battle-card.toml", include_str!("../../../assets/demo/pitches/var-battle-card.toml")),
    ("pitches/msp-call-script.toml", include_str!("../../../assets/demo/pitches/msp-call-script.toml")),
    ("pitches/distributor-objection.toml", include_str!("../../../assets/demo/pitches/distributor-objection.toml")),
    ("pitches/msp-elevator-pitch.toml", include_str!("../../../assets/demo/pitches/msp-elevator-pitch.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    launch: DemoLaunch,
    message: DemoMessage,
    audiences: Vec<DemoAudience>,
    glossary: Vec<DemoTerm>,
    pitches: Vec<DemoPitch>,
    demo_reviews: DemoReviews,
}

/// What the desktop app's first start adds: pitches taken through review by a demo product
/// manager, and a later message version, so every readiness state shows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoReviews {
    reviewer: DemoPerson,
    writer: DemoPerson,
    message_update: DemoUpdate,
    pitches: Vec<DemoReviewedPitch>,
    existing: Vec<DemoReviewedExisting>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPerson {
    name: String,
    email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoUpdate {
    find: String,
    replace: String,
    days_ago: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoReviewedPitch {
    title: String,
    audience: String,
    collateral_type: String,
    file: String,
    state: DemoState,
    days_ago: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoReviewedExisting {
    title: String,
    state: DemoState,
    days_ago: i64,
    #[serde(default)]
    reasons: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum DemoState {
    Approved,
    InReview,
    ChangesRequested,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoLaunch {
    name: String,
    product: String,
    version: String,
    launch_date: String,
    owner_pm: String,
    description: String,
    #[serde(default = "default_target_score")]
    target_score: u32,
    #[serde(default)]
    positioning: DemoPositioning,
    #[serde(default)]
    targets: Vec<DemoTarget>,
}

fn default_target_score() -> u32 {
    80
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DemoPositioning {
    for_whom: String,
    need: String,
    category: String,
    key_benefit: String,
    unlike: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoTarget {
    audience: String,
    types: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoMessage {
    title: String,
    #[allow(dead_code)]
    file: String,
    kinds: Vec<ClaimKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoAudience {
    key: String,
    channel: String,
    persona: String,
    summary: String,
    pains: Vec<String>,
    goals: Vec<String>,
    objections: Vec<String>,
    customer_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoTerm {
    term: String,
    customer_phrasing: String,
    rule: GlossaryRule,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPitch {
    title: String,
    audience: String,
    collateral_type: String,
    file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPitchFile {
    blocks: Vec<DemoBlock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoBlock {
    section: String,
    kind: BlockKind,
    text: String,
    #[serde(default)]
    claims: Vec<usize>,
}

use pitchbridge_core::readiness::{LaunchTargets, Positioning, TargetAudience};

fn bad(what: impl std::fmt::Display) -> ApiError {
    ApiError::new(crate::ErrorCode::Internal, format!("The demo content is broken: {what}"))
}

/// Fills an empty workspace with the demo launch, all in one transaction.
pub fn seed_demo(ws: &mut Workspace, now: &str) -> ApiResult<()> {
    let demo: DemoFile = toml::from_str(WORKSPACE_TOML).map_err(bad)?;
    ws.in_transaction(|ws| {
        let launch = ws.create_launch(
            &LaunchInput {
                name: demo.launch.name.clone(),
                product: demo.launch.product.clone(),
                version: demo.launch.version.clone(),
                launch_date: demo.launch.launch_date.clone(),
                owner_pm: demo.launch.owner_pm.clone(),
                description: demo.launch.description.clone(),
            },
            now,
        )?;
        let message = ws.create_message(launch.id, &demo.message.title, FACTORY_MESSAGE, Some(&demo.message.kinds), now)?;
        if message.claims.len() != demo.message.kinds.len() {
            return Err(pitchbridge_store::StoreError::Invalid(format!(
                "demo message has {} claims but {} kinds",
                message.claims.len(),
                demo.message.kinds.len()
            )));
        }
        let mut audiences = HashMap::new();
        for a in &demo.audiences {
            let created = ws.create_audience(
                &AudienceInput {
                    channel: a.channel.clone(),
                    persona: a.persona.clone(),
                    summary: a.summary.clone(),
                    research: Research {
                        pains: a.pains.clone(),
                        goals: a.goals.clone(),
                        objections: a.objections.clone(),
                        customer_words: a.customer_words.clone(),
                    },
                },
                now,
            )?;
            audiences.insert(a.key.as_str(), created.id);
        }
        for t in &demo.glossary {
            ws.add_glossary_term(&GlossaryInput {
                term: t.term.clone(),
                customer_phrasing: t.customer_phrasing.clone(),
                rule: t.rule,
                note: t.note.clone(),
            })?;
        }
        for p in &demo.pitches {
            let audience_id = *audiences
                .get(p.audience.as_str())
                .ok_or_else(|| pitchbridge_store::StoreError::Invalid(format!("unknown demo audience {}", p.audience)))?;
            create_demo_pitch(ws, launch.id, &message.claims, audience_id, &p.collateral_type, &p.title, &p.file, now)?;
        }
        let l = &demo.launch;
        let targets = LaunchTargets {
            launch_id: launch.id,
            positioning: Positioning {
                for_whom: l.positioning.for_whom.clone(),
                need: l.positioning.need.clone(),
                category: l.positioning.category.clone(),
                key_benefit: l.positioning.key_benefit.clone(),
                unlike: l.positioning.unlike.clone(),
            },
            audiences: l
                .targets
                .iter()
                .map(|t| {
                    let audience_id = *audiences.get(t.audience.as_str()).ok_or_else(|| pitchbridge_store::StoreError::Invalid(format!("unknown demo audience {}", t.audience)))?;
                    Ok(TargetAudience { audience_id, types: t.types.clone() })
                })
                .collect::<pitchbridge_store::Result<_>>()?,
            target_score: l.target_score,
        };
        ws.set_launch_targets(&targets, now)?;
        Ok(())
    })?;
    Ok(())
}

/// A pitch from its demo file, its paragraphs linked to the claims the file names by number.
#[allow(clippy::too_many_arguments)]
fn create_demo_pitch(
    ws: &mut Workspace,
    launch_id: pitchbridge_core::Id,
    claims: &[pitchbridge_core::Claim],
    audience_id: pitchbridge_core::Id,
    collateral_type: &str,
    title: &str,
    file: &str,
    now: &str,
) -> pitchbridge_store::Result<pitchbridge_core::Id> {
    let text = PITCH_FILES
        .iter()
        .find(|(f, _)| *f == file)
        .map(|(_, t)| *t)
        .ok_or_else(|| pitchbridge_store::StoreError::Invalid(format!("demo pitch file {file} is not built in")))?;
    let parsed: DemoPitchFile = toml::from_str(text).map_err(|e| pitchbridge_store::StoreError::Invalid(format!("{file}: {e}")))?;
    let blocks: Vec<NewBlock> = parsed
        .blocks
        .into_iter()
        .map(|b| NewBlock {
            section: b.section,
            kind: b.kind,
            text: b.text,
            claim_ids: b.claims.iter().filter_map(|n| claims.get(n.wrapping_sub(1)).map(|c| c.id)).collect(),
        })
        .collect();
    Ok(ws.create_pitch_with_blocks(launch_id, audience_id, collateral_type, title, &blocks, now)?.summary.pitch.id)
}

impl crate::App {
    /// The desktop app's first start: the demo's review states on top of its content. A demo
    /// product manager (a profile and key made for the purpose in a folder removed afterwards)
    /// approves three pitches (one long enough ago to have expired), receives a fourth, and
    /// sends the email back; a later message version then leaves one approval needing the
    /// product manager again. The person's own profile and the clock are put back after.
    pub fn add_demo_reviews(&mut self) -> ApiResult<()> {
        let demo: DemoFile = toml::from_str(WORKSPACE_TOML).map_err(bad)?;
        let plan = demo.demo_reviews;
        // Its own folder even when two demos are made at once in one process (on one clock).
        static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let scratch = std::env::temp_dir().join(format!("pitchbridge-demo-{}-{}-{n}", std::process::id(), self.clock.now().replace(':', "")));
        let saved_dir = self.profile_dir.clone();
        let today = self.today();
        let now = self.clock.now();
        let real_clock = std::mem::replace(&mut self.clock, Box::new(FixedClock(now)));
        let result = self.run_demo_reviews(&plan, &scratch, &today);
        // Put back whoever was using the app, and the time, whatever happened.
        self.clock = real_clock;
        self.unlocked_key = None;
        self.profile_dir = saved_dir;
        let actor = self.actor();
        if let Some(ws) = self.workspace.as_mut() {
            ws.set_actor(&actor);
        }
        let _ = std::fs::remove_dir_all(&scratch);
        result
    }

    fn run_demo_reviews(&mut self, plan: &DemoReviews, scratch: &std::path::Path, today: &str) -> ApiResult<()> {
        use crate::profile::{PassphraseRequest, SaveProfileRequest};
        use crate::review::{DecideRequest, SubmitRequest};
        use pitchbridge_store::PitchOutcome;
        const REASON: &str = "Demo content: approved for the pilot partners.";
        let day_ago = |days: i64| -> ApiResult<String> {
            let n = pitchbridge_core::readiness::day_number(today).ok_or_else(|| bad("today is not a day"))?;
            Ok(format!("{}T10:00:00Z", pitchbridge_core::readiness::date_of(n - days)))
        };
        // A passphrase nobody will type: the key is thrown away with its folder.
        let passphrase = format!("demo {} {}", std::process::id(), self.clock.now());
        let (reviewer_dir, writer_dir) = (scratch.join("reviewer"), scratch.join("writer"));
        self.profile_dir = Some(reviewer_dir.clone());
        self.save_profile(SaveProfileRequest { name: plan.reviewer.name.clone(), email: plan.reviewer.email.clone(), role: "reviewer".into() })?;
        self.create_signing_key(PassphraseRequest { passphrase: passphrase.clone() })?;
        let reviewer = self.register_as_reviewer()?;
        self.profile_dir = Some(writer_dir.clone());
        self.save_profile(SaveProfileRequest { name: plan.writer.name.clone(), email: plan.writer.email.clone(), role: "writer".into() })?;

        let launch = self.list_launches()?.into_iter().next().ok_or_else(|| bad("no launch"))?.launch;
        let detail = self.get_launch(launch.id)?;
        let message = detail.messages.first().ok_or_else(|| bad("no message"))?.clone();
        let claims = self.get_message(message.id)?.claims;
        let audiences: HashMap<String, pitchbridge_core::Id> = {
            let by_name: HashMap<String, pitchbridge_core::Id> = self.list_audiences()?.into_iter().map(|a| (format!("{}|{}", a.channel, a.persona), a.id)).collect();
            let demo: DemoFile = toml::from_str(WORKSPACE_TOML).map_err(bad)?;
            demo.audiences.iter().filter_map(|a| by_name.get(&format!("{}|{}", a.channel, a.persona)).map(|id| (a.key.clone(), *id))).collect()
        };

        // Each review on its own day, oldest first, so the trend has its history.
        let mut steps: Vec<(i64, pitchbridge_core::Id, DemoState, String)> = Vec::new();
        for p in &plan.pitches {
            let audience_id = *audiences.get(&p.audience).ok_or_else(|| bad(format!("unknown demo audience {}", p.audience)))?;
            let created = day_ago(p.days_ago + 1)?;
            let id = create_demo_pitch(self.ws_mut()?, launch.id, &claims, audience_id, &p.collateral_type, &p.title, &p.file, &created)?;
            steps.push((p.days_ago, id, p.state, String::new()));
        }
        for e in &plan.existing {
            let id = detail.pitches.iter().find(|x| x.pitch.title == e.title).ok_or_else(|| bad(format!("no demo pitch “{}”", e.title)))?.pitch.id;
            steps.push((e.days_ago, id, e.state, e.reasons.clone()));
        }
        steps.sort_by(|a, b| b.0.cmp(&a.0));
        let mut updated = false;
        for (days_ago, pitch_id, state, reasons) in steps {
            if !updated && days_ago < plan.message_update.days_ago {
                self.update_demo_message(&message, &plan.message_update, day_ago(plan.message_update.days_ago)?)?;
                updated = true;
            }
            self.clock = Box::new(FixedClock(day_ago(days_ago)?));
            self.profile_dir = Some(writer_dir.clone());
            self.submit_for_review(SubmitRequest { pitch_id, reviewer_id: reviewer.id, note: String::new(), override_reason: Some(REASON.into()) })?;
            if state == DemoState::InReview {
                continue;
            }
            self.profile_dir = Some(reviewer_dir.clone());
            let outcome = if state == DemoState::Approved { PitchOutcome::Approved } else { PitchOutcome::ChangesRequested };
            self.decide(DecideRequest { pitch_id, outcome, reasons, passphrase: passphrase.clone(), confirmed_items: vec![], override_reason: Some(REASON.into()) })?;
        }
        if !updated {
            self.update_demo_message(&message, &plan.message_update, day_ago(plan.message_update.days_ago)?)?;
        }
        Ok(())
    }

    fn update_demo_message(&mut self, message: &pitchbridge_store::MessageSummary, update: &DemoUpdate, at: String) -> ApiResult<()> {
        if !FACTORY_MESSAGE.contains(&update.find) {
            return Err(bad(format!("the message update looks for “{}”, which the message does not say", update.find)));
        }
        self.clock = Box::new(FixedClock(at));
        let text = FACTORY_MESSAGE.replace(&update.find, &update.replace);
        self.add_message_version(crate::messages::AddMessageVersionRequest { message_id: message.id, text })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_pitches_link_only_to_existing_claims() {
        let demo: DemoFile = toml::from_str(WORKSPACE_TOML).unwrap();
        let claims = pitchbridge_core::split::split_message(FACTORY_MESSAGE);
        assert_eq!(claims.len(), demo.message.kinds.len(), "one kind per demo claim");
        for (file, text) in PITCH_FILES {
            let f: DemoPitchFile = toml::from_str(text).unwrap();
            for b in f.blocks {
                for n in b.claims {
                    assert!((1..=claims.len()).contains(&n), "{file}: claim {n}");
                }
            }
        }
    }
}
