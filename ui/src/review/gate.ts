// Steps of review that stop at what is still open (error findings when submitting;
// untranslated claims and the reviewer's own open comments when approving) and go on only
// with a reason, which is recorded with the request or signed into the decision.

import { toApiError } from "../lib/api";

export type GateOutcome<T> = { done: T } | { open: string };

/**
 * Tries the step; when the workspace answers that something is open, returns what is open
 * for the dialog to show, instead of an error. `reason` is sent only once the person has
 * seen what is open (`seen`), so a stale reason never passes a new gate unseen.
 */
export async function throughGate<T>(step: (overrideReason: string | undefined) => Promise<T>, seen: boolean, reason: string): Promise<GateOutcome<T>> {
  try {
    return { done: await step(seen && reason.trim() !== "" ? reason.trim() : undefined) };
  } catch (thrown) {
    const e = toApiError(thrown);
    if (e.code !== "needs-confirmation") throw thrown;
    return { open: e.message };
  }
}
