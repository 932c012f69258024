//! Read models: what a screen or a command shows, assembled from several tables.

use pitchbridge_core::{Claim, FactoryMessage, Launch, Pitch, PitchBlock};
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
}
