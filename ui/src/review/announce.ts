// What a screen reader is told when a pitch's review state changes while it is open: a
// submission, a decision, a withdrawal, a change that calls for re-approval. The review bar
// shows the same in its text; this is the sentence said once, when it happens.

import type { ReviewState } from "../lib/bindings";
import { personName } from "../lib/text";

export function reviewAnnouncement(state: ReviewState): string {
  const last = state.decisions[0] ?? null;
  switch (state.status) {
    case "in-review":
      if (!state.request) return "In review.";
      return state.isReviewer
        ? `${personName(state.request.submittedBy)} asks you to review this pitch.`
        : `Submitted for review to ${state.request.reviewer.name}. The pitch is read-only until they decide.`;
    case "changes-requested":
      return last ? `${personName(last.signer)} requested changes: ${last.reasons}` : "Changes requested.";
    case "approved":
      return last ? `Approved by ${personName(last.signer)}.` : "Approved.";
    case "needs-reapproval":
      return "This pitch changed since it was approved: it needs re-approval.";
    case "draft":
      return "Back to draft: the pitch can be edited.";
  }
}
