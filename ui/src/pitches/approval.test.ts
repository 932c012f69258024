import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DecisionRecord, ReviewState } from "../lib/bindings";
import { ApprovedEdits, approvalInForce } from "./approval";

// The first change to an approved pitch waits for the writer's word; the decision on its own.

function state(status: ReviewState["status"], decisionIds: number[] = []): ReviewState {
  return { status, decisions: decisionIds.map((id) => ({ id }) as DecisionRecord) } as ReviewState;
}

describe("the approval in force", () => {
  it("is the latest decision's while the pitch is approved, and none otherwise", () => {
    expect(approvalInForce(state("approved", [7, 3]))).toBe(7);
    expect(approvalInForce(state("approved"))).toBe(0);
    for (const status of ["draft", "in-review", "changes-requested", "needs-reapproval"] as const) {
      expect(approvalInForce(state(status, [7])), status).toBeNull();
    }
    expect(approvalInForce(null)).toBeNull();
  });
});

describe("a change to the pitch", () => {
  let approval: number | null;
  let questions: (() => void)[];
  let dialogOpen: boolean;
  let edits: ApprovedEdits;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    approval = 7;
    questions = [];
    dialogOpen = false;
    edits = new ApprovedEdits({
      approval: () => approval,
      ask: (confirm) => {
        if (dialogOpen) return false;
        dialogOpen = true;
        questions.push(() => {
          dialogOpen = false;
          confirm();
        });
        return true;
      },
    });
  });

  afterEach(() => vi.useRealTimers());

  /** The writer cancels the open question. */
  const cancel = (): void => {
    dialogOpen = false;
  };

  it("goes ahead at once when the pitch is not approved", () => {
    approval = null;
    const retry = vi.fn();
    expect(edits.needsConfirmation).toBe(false);
    expect(edits.allow(retry)).toBe(true);
    expect(questions).toHaveLength(0);
    expect(retry).not.toHaveBeenCalled();
  });

  it("to an approved pitch is held back and asked about, once however many follow while asking", async () => {
    const first = vi.fn();
    const second = vi.fn();
    expect(edits.needsConfirmation).toBe(true);
    expect(edits.allow(first)).toBe(false);
    expect(edits.allow(second)).toBe(false);
    expect(questions).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
  });

  it("is made once the writer confirms, after the question has closed, and the session then edits freely", async () => {
    const retry = vi.fn();
    edits.allow(retry);
    questions[0]!();
    expect(retry).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(retry).toHaveBeenCalledOnce();
    expect(edits.needsConfirmation).toBe(false);
    const later = vi.fn();
    expect(edits.allow(later)).toBe(true);
    expect(questions).toHaveLength(1);
    expect(later).not.toHaveBeenCalled();
  });

  it("is never made when the writer cancels, and the next change asks again", async () => {
    const cancelled = vi.fn();
    edits.allow(cancelled);
    cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(cancelled).not.toHaveBeenCalled();
    expect(edits.needsConfirmation).toBe(true);
    const next = vi.fn();
    expect(edits.allow(next)).toBe(false);
    expect(questions).toHaveLength(2);
    questions[1]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toHaveBeenCalledOnce();
    expect(cancelled).not.toHaveBeenCalled();
  });

  it("asks again once the pitch is approved anew", async () => {
    edits.allow(() => {});
    questions[0]!();
    await vi.advanceTimersByTimeAsync(0);
    approval = null; // the edit voided it
    expect(edits.allow(() => {})).toBe(true);
    approval = 9; // reviewed and approved again
    expect(edits.needsConfirmation).toBe(true);
    expect(edits.allow(() => {})).toBe(false);
    expect(questions).toHaveLength(2);
  });
});
