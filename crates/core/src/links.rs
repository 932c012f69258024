//! Links between pitch blocks and the claims they translate: when a link has gone stale, and
//! how much of what the pitch must cover it covers.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{ClaimKind, Id};

/// How a link stands against the claim's current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LinkState {
    /// The claim reads as it did when the link was made (or was last confirmed).
    Current,
    /// The claim's text changed since: the paragraph may no longer say the same thing.
    Changed,
    /// The claim is gone from the current version of its message.
    Removed,
}

/// A link remembers the fingerprint of the claim it was made against; the claim moves on.
pub fn link_state(linked_fingerprint: &str, claim_fingerprint: &str, claim_removed: bool) -> LinkState {
    if claim_removed {
        LinkState::Removed
    } else if linked_fingerprint != claim_fingerprint {
        LinkState::Changed
    } else {
        LinkState::Current
    }
}

/// How the writer resolved a stale link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LinkResolution {
    /// The paragraph was rewritten to match the claim's new text.
    Revised,
    /// The paragraph is right as it stands.
    StillHolds,
}

impl LinkResolution {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkResolution::Revised => "revised",
            LinkResolution::StillHolds => "still-holds",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Current claims whose kind the collateral type requires.
    pub required: u32,
    /// Of those, how many at least one block links to.
    pub linked: u32,
    /// Required claims nothing links to, in the order given.
    #[ts(type = "Array<number>")]
    pub gaps: Vec<Id>,
}

/// Coverage of the required claims (those of a required kind) by the linked set.
pub fn coverage(claims: &[(Id, ClaimKind)], linked: &HashSet<Id>, required_kinds: &[ClaimKind]) -> Coverage {
    let required: Vec<Id> =
        claims.iter().filter(|(_, k)| required_kinds.contains(k)).map(|(id, _)| *id).collect();
    let gaps: Vec<Id> = required.iter().copied().filter(|id| !linked.contains(id)).collect();
    Coverage { required: required.len() as u32, linked: (required.len() - gaps.len()) as u32, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_goes_stale_when_its_claim_changes_or_goes() {
        assert_eq!(link_state("aa", "aa", false), LinkState::Current);
        assert_eq!(link_state("aa", "bb", false), LinkState::Changed);
        assert_eq!(link_state("aa", "aa", true), LinkState::Removed);
    }

    #[test]
    fn coverage_counts_only_required_kinds() {
        use ClaimKind::*;
        let claims = [(1, Positioning), (2, Feature), (3, Benefit), (4, Benefit), (5, Proof)];
        let linked: HashSet<Id> = [2, 3].into();
        let c = coverage(&claims, &linked, &[Positioning, Benefit]);
        assert_eq!(c, Coverage { required: 3, linked: 1, gaps: vec![1, 4] });
        let none = coverage(&claims, &linked, &[]);
        assert_eq!(none, Coverage { required: 0, linked: 0, gaps: vec![] });
    }
}
