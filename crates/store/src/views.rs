//! Read models: what a screen or a command shows, assembled from several tables.

use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::doc::DocBlock;
use pitchbridge_core::links::{Coverage, LinkState};
use pitchbridge_core::redline::DiffSpan;
use pitchbridge_core::{Audience, Claim, FactoryMessage, GlossaryTerm, Launch, Pitch, PitchBlock};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchSummary {
    pub launch: Launch,
    #[ts(type = "number")]
    pub message_count: i64,
    #[ts(type = "number")]
    pub pitch_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    #[ts(type = "number")]
    pub current_version: i64,
    #[ts(type = "number")]
    pub claim_count: i64,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchSummary {
    pub pitch: Pitch,
    /// "VAR × IT director"
    pub audience_name: String,
    pub collateral_type_name: String,
    #[ts(type = "number")]
    pub word_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchDetail {
    pub launch: Launch,
    pub messages: Vec<MessageSummary>,
    pub pitches: Vec<PitchSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageDetail {
    pub message: FactoryMessage,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchDetail {
    pub summary: PitchSummary,
    pub blocks: Vec<PitchBlock>,
}

/// What a new version of a Factory message changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionReport {
    #[ts(type = "number")]
    pub version: i64,
    #[ts(type = "Array<number>")]
    pub unchanged: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub reworded: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub added: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub removed: Vec<i64>,
    /// Reworded claims: their text before and after, word by word.
    pub rewordings: Vec<ClaimRewording>,
    /// Claims the new version no longer has, as they last read.
    pub removed_claims: Vec<RemovedClaim>,
    /// Pitches whose links this version made stale.
    pub stale_pitches: Vec<StalePitch>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClaimRewording {
    #[ts(type = "number")]
    pub claim_id: i64,
    #[ts(type = "number")]
    pub number: i64,
    pub diff: Vec<DiffSpan>,
    /// Pitches with a paragraph linked to this claim: the change reaches them.
    pub pitches: Vec<TouchedPitch>,
}

/// A pitch a change reaches, with its state (an approved one will need re-approval).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchedPitch {
    #[ts(type = "number")]
    pub pitch_id: i64,
    pub title: String,
    pub status: pitchbridge_core::PitchStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemovedClaim {
    #[ts(type = "number")]
    pub claim_id: i64,
    #[ts(type = "number")]
    pub number: i64,
    pub text: String,
    pub pitches: Vec<TouchedPitch>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StalePitch {
    #[ts(type = "number")]
    pub pitch_id: i64,
    pub title: String,
    #[ts(type = "number")]
    pub stale_links: i64,
}

/// One link from a pitch block to a claim, and how it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub block_key: String,
    #[ts(type = "number")]
    pub claim_id: i64,
    pub state: LinkState,
    /// For a stale link: the claim's text when the link was made.
    pub old_text: String,
    /// For a stale link: from that text to the claim's text now (empty if removed).
    pub diff: Vec<DiffSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchLinks {
    pub links: Vec<LinkView>,
    pub coverage: Coverage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageClaims {
    #[ts(type = "number")]
    pub message_id: i64,
    pub title: String,
    #[ts(type = "number")]
    pub version: i64,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchVersionSummary {
    #[ts(type = "number")]
    pub number: i64,
    pub name: String,
    pub created_at: String,
    pub word_count: u32,
}

/// Everything the side-by-side editor shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchEditorView {
    pub summary: PitchSummary,
    pub launch_name: String,
    pub collateral_type: CollateralType,
    pub audience: Audience,
    pub messages: Vec<MessageClaims>,
    pub blocks: Vec<DocBlock>,
    pub links: PitchLinks,
    pub glossary: Vec<GlossaryTerm>,
    pub versions: Vec<PitchVersionSummary>,
}
