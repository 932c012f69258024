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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
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
    }
}
