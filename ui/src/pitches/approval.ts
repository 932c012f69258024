// Editing an approved pitch voids its approval: once its words or its claim links change, it
// needs re-approval. So the first change asks first, and is held back until the writer says to
// edit anyway; after that the session edits freely, until the pitch is approved again.

import type { ReviewState } from "../lib/bindings";

/** The approval a change would void: the deciding approval's id while the pitch is approved
 *  (0 when its decision is not at hand), else null. */
export function approvalInForce(review: ReviewState | null): number | null {
  if (review?.status !== "approved") return null;
  return review.decisions[0]?.id ?? 0;
}

/** The question asked before the first change to an approved pitch. */
export const EDIT_APPROVED = {
  title: "Edit an approved pitch?",
  body: "Editing voids its approval: once its words or its claim links change, the pitch is back to needing re-approval, and it must be reviewed and approved again.",
  confirmLabel: "Edit anyway",
} as const;

export type ApprovedEditsHost = {
  /** The approval now in force (see approvalInForce). */
  approval(): number | null;
  /**
   * Asks the writer whether to edit anyway; `confirm` is called if they do (nothing, if they
   * cancel). False when the question cannot be asked now (a dialog is already open, such as
   * this very question): the change is then dropped.
   */
  ask(confirm: () => void): boolean;
};

export class ApprovedEdits {
  readonly #host: ApprovedEditsHost;
  /** The approval the writer said to edit anyway. */
  #confirmedFor: number | null = null;
  /** The change that raised the open question, made once the writer confirms. */
  #held: (() => void) | null = null;

  constructor(host: ApprovedEditsHost) {
    this.#host = host;
  }

  /** Whether a change needs the writer's word first. */
  get needsConfirmation(): boolean {
    const approval = this.#host.approval();
    return approval !== null && approval !== this.#confirmedFor;
  }

  /**
   * Whether a change may be made now. When it would void an approval the writer has not said
   * to edit anyway, it is not made: the writer is asked, and `retry` makes it once they
   * confirm (after the question has closed), or never if they cancel.
   */
  allow(retry: () => void): boolean {
    const approval = this.#host.approval();
    if (approval === null || approval === this.#confirmedFor) return true;
    if (this.#host.ask(() => this.#confirm(approval))) this.#held = retry;
    return false;
  }

  #confirm(approval: number): void {
    this.#confirmedFor = approval;
    const retry = this.#held;
    this.#held = null;
    // The confirming dialog closes first (and gives the focus back), then the change is made.
    if (retry) setTimeout(retry, 0);
  }
}
