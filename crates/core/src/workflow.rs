//! The review workflow's states and the moves between them: draft → in review → changes
//! requested or approved → needs re-approval (when text or a linked claim changes after an
//! approval). Which moves exist is decided here, once; the store and the app only record them.

use crate::PitchStatus;

/// Something that moves a pitch along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewEvent {
    /// The writer sends the pitch to a reviewer.
    Submit,
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
    fn moves_that_make_no_sense_are_refused_with_a_reason() {
        assert!(next_status(Approved, Submit).unwrap_err().contains("approved"));
        assert!(next_status(Draft, Approve).unwrap_err().contains("Only a pitch in review"));
        assert!(next_status(Draft, Withdraw).is_err());
        assert!(next_status(InReview, SubstantiveChange).unwrap_err().contains("read-only"));
        assert_eq!(next_status(Draft, SubstantiveChange), Ok(Draft));
        assert!(!writer_can_edit(InReview) && writer_can_edit(Approved));
    }
}
