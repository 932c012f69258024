//! The review workflow's states and the moves between them: draft → in review → changes
//! requested or approved → needs re-approval (when text or a linked claim changes after an
//! approval). Which moves exist is decided here, once; the store and the app only record them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::doc::DocBlock;
use crate::fingerprint::fingerprint;
use crate::{Id, PitchStatus};

/// What a comment is anchored to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CommentTarget {
    /// A block of the pitch, by its key.
    Block { key: String },
    /// A claim of the Factory message.
    Claim {
        #[ts(type = "number")]
        id: Id,
    },
}

/// A new comment (or a reply, with `parent_id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewComment {
    #[ts(type = "number | null")]
    pub parent_id: Option<Id>,
    pub target: CommentTarget,
    pub start: u32,
    pub end: u32,
    pub body: String,
    /// The words the range held when the comment was written: checked against the text, so a
    /// comment never lands on other words. A comment carried in a decision keeps it even if
    /// the reviewer's later edits moved the words (it then shows as outdated).
    #[serde(default)]
    #[ts(optional)]
    pub quote: Option<String>,
}


/// What an approval is bound to: each block's section and words, in order. Bold, italics,
/// links, list style and heading level are left out, so formatting keeps an approval and any
/// change of wording, order or section does not.
pub fn content_fingerprint(blocks: &[DocBlock]) -> String {
    let words: Vec<(&str, String)> = blocks.iter().map(|b| (b.section.as_str(), b.text())).collect();
    fingerprint(&serde_json::to_string(&words).expect("strings serialise"))
}

/// Something that moves a pitch along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewEvent {
    /// The writer sends the pitch to a reviewer.
    Submit,
    /// The verifier opens an approved pitch to re-verify it (its approval expired, or is about
    /// to): it is in review with them until they decide.
    Reverify,
    /// The writer takes it back before a decision.
    Withdraw,
    Approve,
    /// Approved, with minor edits the reviewer made (shown as a redline).
    ApproveWithEdits,
    RequestChanges,
    /// The pitch's text or a linked claim changed after an approval (formatting alone does not
    /// count).
    SubstantiveChange,
}

/// The state after `event`, or why the move is not possible.
pub fn next_status(from: PitchStatus, event: ReviewEvent) -> Result<PitchStatus, String> {
    use PitchStatus::*;
    use ReviewEvent::*;
    match (from, event) {
        (Draft | ChangesRequested | NeedsReapproval, Submit) => Ok(InReview),
        (Approved, Reverify) => Ok(InReview),
        (_, Reverify) => Err(format!("Only an approved pitch is re-verified; this one is {}.", describe(from))),
        (InReview, Withdraw) => Ok(Draft),
        (InReview, Approve | ApproveWithEdits) => Ok(Approved),
        (InReview, RequestChanges) => Ok(ChangesRequested),
        (Approved, SubstantiveChange) => Ok(NeedsReapproval),
        // A change to a pitch that is not approved changes nothing in the workflow.
        (Draft | ChangesRequested | NeedsReapproval, SubstantiveChange) => Ok(from),
        (InReview, SubstantiveChange) => Err("The pitch is in review: it is read-only until the reviewer decides or the writer withdraws it.".into()),
        (_, Submit) => Err(format!("A pitch that is {} cannot be submitted again.", describe(from))),
        (_, Withdraw) => Err(format!("Only a pitch in review can be withdrawn; this one is {}.", describe(from))),
        (_, Approve | ApproveWithEdits | RequestChanges) => Err(format!("Only a pitch in review can be decided on; this one is {}.", describe(from))),
    }
}

/// Whether the writer may edit the pitch's text in this state.
pub fn writer_can_edit(status: PitchStatus) -> bool {
    status != PitchStatus::InReview
}

fn describe(s: PitchStatus) -> &'static str {
    match s {
        PitchStatus::Draft => "a draft",
        PitchStatus::InReview => "in review",
        PitchStatus::ChangesRequested => "waiting for changes",
        PitchStatus::Approved => "approved",
        PitchStatus::NeedsReapproval => "waiting for re-approval",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PitchStatus::*;
    use ReviewEvent::*;

    #[test]
    fn the_review_round_trip_of_the_issue() {
        // Submit, changes requested, revise and resubmit, approve, then a linked claim changes.
        let mut s = Draft;
        for (event, want) in [(Submit, InReview), (RequestChanges, ChangesRequested), (Submit, InReview), (Approve, Approved), (SubstantiveChange, NeedsReapproval), (Submit, InReview), (ApproveWithEdits, Approved)] {
            s = next_status(s, event).unwrap();
            assert_eq!(s, want, "{event:?}");
        }
        assert_eq!(next_status(InReview, Withdraw), Ok(Draft));
    }

    #[test]
    fn formatting_keeps_the_content_fingerprint_and_wording_does_not() {
        use crate::doc::{DocBlock, Run};
        use crate::model::BlockKind;
        let block = |kind, runs: Vec<Run>| DocBlock { key: "b1".into(), section: "body".into(), kind, level: 0, runs };
        let plain = vec![block(BlockKind::Bullet, vec![Run::plain("Close the books four days sooner.")])];
        let styled = vec![block(
            BlockKind::Numbered,
            vec![Run::plain("Close the books "), Run { text: "four days".into(), bold: true, italic: true, link: None }, Run::plain(" sooner.")],
        )];
        assert_eq!(content_fingerprint(&plain), content_fingerprint(&styled));
        let reworded = vec![block(BlockKind::Bullet, vec![Run::plain("Close the books five days sooner.")])];
        assert_ne!(content_fingerprint(&plain), content_fingerprint(&reworded));
        let moved = vec![DocBlock { section: "cta".into(), ..plain[0].clone() }];
        assert_ne!(content_fingerprint(&plain), content_fingerprint(&moved));
    }

    #[test]
    fn moves_that_make_no_sense_are_refused_with_a_reason() {
        assert!(next_status(Approved, Submit).unwrap_err().contains("approved"));
        assert!(next_status(Draft, Approve).unwrap_err().contains("Only a pitch in review"));
        assert!(next_status(Draft, Withdraw).is_err());
        assert!(next_status(InReview, SubstantiveChange).unwrap_err().contains("read-only"));
        assert_eq!(next_status(Draft, SubstantiveChange), Ok(Draft));
        assert!(!writer_can_edit(InReview) && writer_can_edit(Approved));
    }
}
