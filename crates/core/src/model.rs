//! The core objects of Pitchbridge. Field names are camelCase on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Row ids are SQLite integer keys: stable for the life of the object.
pub type Id = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    Positioning,
    Feature,
    Advantage,
    Benefit,
    Proof,
    Pricing,
    Other,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::Positioning,
        ClaimKind::Feature,
        ClaimKind::Advantage,
        ClaimKind::Benefit,
        ClaimKind::Proof,
        ClaimKind::Pricing,
        ClaimKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Positioning => "positioning",
            ClaimKind::Feature => "feature",
            ClaimKind::Advantage => "advantage",
            ClaimKind::Benefit => "benefit",
            ClaimKind::Proof => "proof",
            ClaimKind::Pricing => "pricing",
            ClaimKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ClaimKind> {
        ClaimKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Launch {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub product: String,
    pub version: String,
    /// ISO date (YYYY-MM-DD), or empty when not yet set.
    pub launch_date: String,
    pub owner_pm: String,
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

/// What a writer fills in to create or edit a launch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchInput {
    pub name: String,
    pub product: String,
    pub version: String,
    pub launch_date: String,
    pub owner_pm: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FactoryMessage {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub launch_id: Id,
    pub title: String,
    /// The newest version's number; versions count from 1.
    #[ts(type = "number")]
    pub current_version: i64,
    /// The newest version's source text, as pasted or imported.
    pub source_text: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub message_id: Id,
    /// 1-based position in the current version: the number a writer sees.
    #[ts(type = "number")]
    pub number: i64,
    pub kind: ClaimKind,
    pub text: String,
    /// The heading the claim sits under, if any.
    pub section: String,
    pub fingerprint: String,
    /// The message version in which this claim's current text first appeared.
    #[ts(type = "number")]
    pub since_version: i64,
}

/// The customer research behind an audience, in the customer's terms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Research {
    pub pains: Vec<String>,
    pub goals: Vec<String>,
    pub objections: Vec<String>,
    pub customer_words: Vec<String>,
}

/// Channel × persona, with what we know about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Audience {
    #[ts(type = "number")]
    pub id: Id,
    pub channel: String,
    pub persona: String,
    pub summary: String,
    pub research: Research,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AudienceInput {
    pub channel: String,
    pub persona: String,
    pub summary: String,
    pub research: Research,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PitchStatus {
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    NeedsReapproval,
}

impl PitchStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PitchStatus::Draft => "draft",
            PitchStatus::InReview => "in-review",
            PitchStatus::ChangesRequested => "changes-requested",
            PitchStatus::Approved => "approved",
            PitchStatus::NeedsReapproval => "needs-reapproval",
        }
    }

    pub fn parse(s: &str) -> Option<PitchStatus> {
        [
            PitchStatus::Draft,
            PitchStatus::InReview,
            PitchStatus::ChangesRequested,
            PitchStatus::Approved,
            PitchStatus::NeedsReapproval,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pitch {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    /// Id of a [`crate::collateral::CollateralType`], e.g. `one-pager`.
    pub collateral_type: String,
    pub title: String,
    pub status: PitchStatus,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    /// An item of a bulleted list.
    Bullet,
    /// An item of a numbered list.
    Numbered,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Bullet => "bullet",
            BlockKind::Numbered => "numbered",
        }
    }

    pub fn parse(s: &str) -> Option<BlockKind> {
        [BlockKind::Heading, BlockKind::Paragraph, BlockKind::Bullet, BlockKind::Numbered]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One paragraph-level unit of a pitch, and the claims it translates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchBlock {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub ordinal: i64,
    /// A section id of the pitch's collateral type.
    pub section: String,
    /// Stable within the pitch; the editor's handle on the block.
    pub key: String,
    pub kind: BlockKind,
    /// Heading level (2 or 3); 0 for other blocks.
    pub level: u8,
    pub runs: Vec<crate::doc::Run>,
    pub text: String,
    #[ts(type = "Array<number>")]
    pub claim_ids: Vec<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum GlossaryRule {
    /// Fine to use, but explain it to this reader.
    Explain,
    /// Do not use with customers; say the customer phrasing instead.
    Avoid,
    /// The term we want used as it is.
    Preferred,
}

impl GlossaryRule {
    pub fn as_str(self) -> &'static str {
        match self {
            GlossaryRule::Explain => "explain",
            GlossaryRule::Avoid => "avoid",
            GlossaryRule::Preferred => "preferred",
        }
    }

    pub fn parse(s: &str) -> Option<GlossaryRule> {
        [GlossaryRule::Explain, GlossaryRule::Avoid, GlossaryRule::Preferred]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryTerm {
    #[ts(type = "number")]
    pub id: Id,
    pub term: String,
    pub customer_phrasing: String,
    pub rule: GlossaryRule,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryInput {
    pub term: String,
    pub customer_phrasing: String,
    pub rule: GlossaryRule,
    pub note: String,
}

/// Trims every field and rejects what would make a useless row.
pub fn validate_launch(input: &LaunchInput) -> Result<LaunchInput, String> {
    let clean = LaunchInput {
        name: input.name.trim().to_string(),
        product: input.product.trim().to_string(),
        version: input.version.trim().to_string(),
        launch_date: input.launch_date.trim().to_string(),
        owner_pm: input.owner_pm.trim().to_string(),
        description: input.description.trim().to_string(),
    };
    if clean.name.is_empty() {
        return Err("A launch needs a name.".into());
    }
    for (field, text) in [("launch name", &clean.name), ("product", &clean.product), ("version", &clean.version), ("owner", &clean.owner_pm), ("description", &clean.description)] {
        crate::controls::refuse(field, text)?;
    }
    if clean.name.chars().count() > 200 {
        return Err("A launch name can be at most 200 characters.".into());
    }
    if !clean.launch_date.is_empty() && !is_iso_date(&clean.launch_date) {
        return Err(format!(
            "The launch date \"{}\" is not a date; use YYYY-MM-DD.",
            clean.launch_date
        ));
    }
    Ok(clean)
}

pub fn validate_audience(input: &AudienceInput) -> Result<AudienceInput, String> {
    let list = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let clean = AudienceInput {
        channel: input.channel.trim().to_string(),
        persona: input.persona.trim().to_string(),
        summary: input.summary.trim().to_string(),
        research: Research {
            pains: list(&input.research.pains),
            goals: list(&input.research.goals),
            objections: list(&input.research.objections),
            customer_words: list(&input.research.customer_words),
        },
    };
    if clean.channel.is_empty() || clean.persona.is_empty() {
        return Err("An audience needs both a channel and a persona.".into());
    }
    for (field, text) in [("channel", &clean.channel), ("persona", &clean.persona), ("summary", &clean.summary)] {
        crate::controls::refuse(field, text)?;
    }
    let r = &clean.research;
    for item in r.pains.iter().chain(&r.goals).chain(&r.objections).chain(&r.customer_words) {
        crate::controls::refuse("research", item)?;
    }
    Ok(clean)
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match nums.as_deref() {
        Some([_, m, d]) => (1..=12).contains(m) && (1..=31).contains(d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_validation_trims_and_checks_dates() {
        let ok = validate_launch(&LaunchInput {
            name: "  Spring launch ".into(),
            launch_date: "2027-03-02".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.name, "Spring launch");
        assert!(validate_launch(&LaunchInput::default()).is_err());
        let bad = LaunchInput {
            name: "x".into(),
            launch_date: "March".into(),
            ..Default::default()
        };
        assert!(validate_launch(&bad).unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in ClaimKind::ALL {
            assert_eq!(ClaimKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ClaimKind::parse("hype"), None);
    }
}
