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

/// The numbers written in `text` ("41%", "1,200", "3.5", "$2.90"), without separators or
/// signs, in order.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inside = cur.chars().last().is_some_and(|l| l.is_ascii_digit()) && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() {
            cur.push(c);
        } else if (c == '.' || c == ',') && inside {
            if c == '.' {
                cur.push('.');
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Numbers the paragraph still says that the claim used to say and no longer does: "41" when
/// the claim went from 41% to 38%. A paragraph that "still holds" should not say them.
pub fn stale_numbers(paragraph: &str, old_claim: &str, new_claim: &str) -> Vec<String> {
    let old = numbers(old_claim);
    let new = numbers(new_claim);
    let mut out: Vec<String> = numbers(paragraph).into_iter().filter(|n| old.contains(n) && !new.contains(n)).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_written_and_stale_ones_found() {
        assert_eq!(numbers("Cut costs 41% on 1,200 invoices, from $11.40 to $2.90."), ["41", "1200", "11.40", "2.90"]);
        assert_eq!(stale_numbers("Teams close 41% faster.", "Teams close 41% faster.", "Teams close 38% faster."), ["41"]);
        assert!(stale_numbers("Teams close 38% faster.", "Teams close 41% faster.", "Teams close 38% faster.").is_empty());
        assert!(stale_numbers("Teams close much faster.", "41%", "38%").is_empty());
    }
}
