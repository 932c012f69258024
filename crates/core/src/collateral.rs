//! Collateral types: the template a pitch is written into. They are data (TOML files in
//! `assets/collateral-types/`), parsed here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WordLimit {
    #[ts(optional, type = "number")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[ts(optional, type = "number")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReadabilityTarget {
    /// Flesch–Kincaid grade ceiling.
    pub max_grade: f32,
    /// Flesch reading-ease floor.
    pub min_ease: f32,
}

/// How finished collateral presents a section. The export writers match roles, never section
/// ids, so a type file can name its sections as it likes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SectionRole {
    /// Text as written: paragraphs, lists, headings.
    #[default]
    Body,
    /// A list whose items are shown as cards, two to a row (a one-pager's benefits).
    Cards,
    /// One of two columns side by side with the next section of this role (a battle card's
    /// "why we win" and "landmines").
    Column,
    /// Set apart as the call to action.
    Callout,
    /// Objections and their answers, as an objection → response table.
    Objections,
    /// Its first line is the document's title (a one-pager's headline); the writer's working
    /// title of the pitch is never printed when this section has words.
    Title,
    /// Its first line is an email's subject line.
    Subject,
}

/// Whose words a section holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    #[default]
    Writer,
    Customer,
}

/// The page design a collateral type's exports use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// A multi-page document with a title.
    #[default]
    Plain,
    /// One page in a title band, large type.
    ElevatorPitch,
    /// A subject line and a body, no letterhead.
    Email,
    /// One page: a title band, benefits as cards, the call to action at the foot.
    OnePager,
    /// A card: a title band, columns side by side.
    BattleCard,
    /// A script read aloud: sections as its steps.
    CallScript,
    /// A reference of objections and answers.
    ObjectionHandling,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub name: String,
    pub guidance: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub words: WordLimit,
    /// How exports present it (`body` when the type file does not say).
    #[serde(default)]
    pub role: SectionRole,
    /// Whose words the section holds: the writer's (the default) or the customer's (an
    /// objection as the customer puts it), which the checks do not hold to the writer's rules.
    #[serde(default)]
    pub voice: Voice,
    /// Whether exports print the section's name above it. Names are the writer's scaffolding,
    /// printed only where the layout calls for a label (a battle card's "Landmines", a call
    /// script's steps).
    #[serde(default)]
    pub label: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
    /// Printed on every export once a reviewer has confirmed the item ("For internal and
    /// partner use only").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub marking: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CollateralType {
    pub id: String,
    pub name: String,
    pub description: String,
    pub order: u32,
    pub words: WordLimit,
    pub readability: ReadabilityTarget,
    /// The page design of its exports (`plain` when the type file does not say).
    #[serde(default)]
    pub layout: Layout,
    pub sections: Vec<Section>,
    pub checklist: Vec<ChecklistItem>,
    /// Claims of these kinds must be translated somewhere in the pitch (the coverage meter).
    // snake_case like the other keys of the TOML files it comes from.
    #[serde(default, rename = "required_claim_kinds")]
    pub required_claim_kinds: Vec<crate::model::ClaimKind>,
}

/// Parses one collateral-type file and checks it makes sense.
pub fn parse_collateral_type(toml_text: &str) -> Result<CollateralType, String> {
    let ct: CollateralType = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    if ct.sections.is_empty() {
        return Err(format!("collateral type {} has no sections", ct.id));
    }
    let mut ids = std::collections::HashSet::new();
    for s in &ct.sections {
        if !ids.insert(s.id.as_str()) {
            return Err(format!("collateral type {} repeats section {}", ct.id, s.id));
        }
    }
    let mut items = std::collections::HashSet::new();
    for c in &ct.checklist {
        if !items.insert(c.id.as_str()) {
            return Err(format!("collateral type {} repeats checklist item {}", ct.id, c.id));
        }
    }
    if let (Some(min), Some(max)) = (ct.words.min, ct.words.max) {
        if min > max {
            return Err(format!("collateral type {}: words.min > words.max", ct.id));
        }
    }
    Ok(ct)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_type_and_rejects_repeated_sections() {
        let src = r#"
id = "t"
name = "T"
description = "d"
order = 1
words = { min = 10, max = 20 }
readability = { max_grade = 8.0, min_ease = 60.0 }
[[sections]]
id = "a"
name = "A"
guidance = "g"
required = true
words = { max = 5 }
[[checklist]]
id = "c"
text = "check"
"#;
        let ct = parse_collateral_type(src).unwrap();
        assert_eq!(ct.sections[0].words.max, Some(5));
        assert_eq!(ct.readability.max_grade, 8.0);
        let dup = src.replace("[[checklist]]", "[[sections]]\nid = \"a\"\nname = \"B\"\nguidance = \"\"\n[[checklist]]");
        assert!(parse_collateral_type(&dup).unwrap_err().contains("repeats section"));
        // A type file that names no roles and no layout is a plain document of body text.
        assert_eq!(ct.layout, Layout::Plain);
        assert_eq!(ct.sections[0].role, SectionRole::Body);
        let styled = src.replace("order = 1", "order = 1\nlayout = \"battle-card\"").replace("required = true", "required = true\nrole = \"column\"");
        let ct = parse_collateral_type(&styled).unwrap();
        assert_eq!((ct.layout, ct.sections[0].role), (Layout::BattleCard, SectionRole::Column));
        assert!(parse_collateral_type(&src.replace("required = true", "required = true\nrole = \"sidebar\"")).is_err());
    }
}
