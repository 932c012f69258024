//! The demo workspace: a fictional launch written for this project, kept as plain files in
//! `assets/demo/`.

use std::collections::HashMap;

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
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    launch: DemoLaunch,
    message: DemoMessage,
    audiences: Vec<DemoAudience>,
    glossary: Vec<DemoTerm>,
    pitches: Vec<DemoPitch>,
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
            let text = PITCH_FILES
                .iter()
                .find(|(f, _)| *f == p.file)
                .map(|(_, t)| *t)
                .ok_or_else(|| pitchbridge_store::StoreError::Invalid(format!("demo pitch file {} is not built in", p.file)))?;
            let file: DemoPitchFile =
                toml::from_str(text).map_err(|e| pitchbridge_store::StoreError::Invalid(format!("{}: {e}", p.file)))?;
            let blocks: Vec<NewBlock> = file
                .blocks
                .into_iter()
                .map(|b| NewBlock {
                    section: b.section,
                    kind: b.kind,
                    text: b.text,
                    claim_ids: b
                        .claims
                        .iter()
                        .filter_map(|n| message.claims.get(n.wrapping_sub(1)).map(|c| c.id))
                        .collect(),
                })
                .collect();
            let audience_id = *audiences
                .get(p.audience.as_str())
                .ok_or_else(|| pitchbridge_store::StoreError::Invalid(format!("unknown demo audience {}", p.audience)))?;
            ws.create_pitch_with_blocks(launch.id, audience_id, &p.collateral_type, &p.title, &blocks, now)?;
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
