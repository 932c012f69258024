//! Built-in data from `assets/`, compiled into the binary so that the app and the command line
//! work from any directory.

use pitchbridge_core::collateral::{parse_collateral_type, CollateralType};

const COLLATERAL_TYPE_FILES: &[(&str, &str)] = &[
    ("elevator-pitch", include_str!("../../../assets/collateral-types/elevator-pitch.toml")),
    ("email", include_str!("../../../assets/collateral-types/email.toml")),
    ("one-pager", include_str!("../../../assets/collateral-types/one-pager.toml")),
    ("battle-card", include_str!("../../../assets/collateral-types/battle-card.toml")),
    ("call-script", include_str!("../../../assets/collateral-types/call-script.toml")),
    ("objection-handling", include_str!("../../../assets/collateral-types/objection-handling.toml")),
];

/// The six built-in collateral types, in display order.
pub fn collateral_types() -> Vec<CollateralType> {
    let mut types: Vec<CollateralType> = COLLATERAL_TYPE_FILES
        .iter()
        .map(|(name, text)| {
            parse_collateral_type(text)
                .unwrap_or_else(|e| panic!("assets/collateral-types/{name}.toml is invalid: {e}"))
        })
        .collect();
    types.sort_by_key(|t| t.order);
    types
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_built_in_type_parses_and_ids_match_file_names() {
        let types = super::collateral_types();
        assert_eq!(types.len(), 6);
        for (name, _) in super::COLLATERAL_TYPE_FILES {
            assert!(types.iter().any(|t| t.id == *name), "{name}");
        }
        for t in &types {
            assert!(!t.checklist.is_empty(), "{} has manual checklist items", t.id);
            assert!(t.words.max.is_some(), "{} has a word limit", t.id);
        }
    }
}
