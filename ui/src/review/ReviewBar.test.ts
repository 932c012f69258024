// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PitchCheckReport, ReviewState } from "../lib/bindings";

// Decide as the pitch opens: the checklist items to confirm are asked for when the pitch's first
// check has not reported yet, never offered as none.

vi.mock("../lib/api", () => ({
  checkPitch: vi.fn(),
  toApiError: (e: unknown) => e,
}));

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { default: ReviewBar } = await import("./ReviewBar.svelte");
const { reviewAnnouncement } = await import("./announce");

const review = {
  status: "in-review",
  request: null,
  decisions: [],
  comments: [],
  drift: null,
  reviewers: [],
  isReviewer: true,
  reviewerUnlocked: false,
  writerCanEdit: false,
  reviewerEdited: false,
  editsRedline: [],
  reviewCopy: false,
} as unknown as ReviewState;

const report = {
  manual: [
    { id: "legal", text: "Legal has read it", ticked: true, state: "ticked", updatedAt: "" },
    { id: "brand", text: "Brand name as the guide spells it", ticked: true, state: "confirmed", updatedAt: "" },
    { id: "quote", text: "The quote is approved", ticked: false, state: "", updatedAt: "" },
  ],
} as unknown as PitchCheckReport;

let bar: ReturnType<typeof mount> | null = null;

function show(unconfirmed: { id: string; text: string }[] | null): void {
  const target = document.createElement("div");
  document.body.append(target);
  bar = mount(ReviewBar, { target, props: { pitchId: 7, review, onchange: vi.fn(), flush: async () => true, unconfirmed } });
  flushSync();
}

async function pressDecide(): Promise<void> {
  document.querySelector<HTMLButtonElement>("[data-testid=decide]")!.click();
  await vi.waitFor(() => expect(ui.dialog?.kind).toBe("decide"));
}

beforeEach(() => {
  vi.clearAllMocks();
  ui.dialog = null;
  ui.workspace = null;
});

afterEach(() => {
  if (bar) unmount(bar);
  bar = null;
  document.body.innerHTML = "";
});

describe("the review bar's Decide", () => {
  it("asks for the items to confirm when the first check has not reported", async () => {
    vi.mocked(api.checkPitch).mockResolvedValue(report);
    show(null);
    await pressDecide();
    expect(api.checkPitch).toHaveBeenCalledWith({ pitchId: 7 });
    expect(ui.dialog).toMatchObject({ kind: "decide", pitchId: 7, items: [{ id: "legal", text: "Legal has read it" }] });
  });

  it("uses the items the checks reported, without asking again", async () => {
    show([{ id: "brand", text: "Brand" }]);
    await pressDecide();
    expect(api.checkPitch).not.toHaveBeenCalled();
    expect(ui.dialog).toMatchObject({ items: [{ id: "brand", text: "Brand" }] });
  });
});

describe("what a screen reader is told", () => {
  it("nothing as the pitch opens, from a polite live region", () => {
    show([]);
    const live = document.querySelector<HTMLElement>("[data-testid=review-announcement]")!;
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe("");
  });

  it("a sentence for each state a pitch can come to", () => {
    const decided = { ...review, decisions: [{ signer: "Priya Raman <priya@example.com>", reasons: "Name the ERPs." }] } as unknown as ReviewState;
    expect(reviewAnnouncement({ ...decided, status: "changes-requested" })).toBe("Priya Raman requested changes: Name the ERPs.");
    expect(reviewAnnouncement({ ...decided, status: "approved" })).toBe("Approved by Priya Raman.");
    const request = { submittedBy: "Wren Alvarez <wren@example.com>", reviewer: { name: "Priya Raman" } };
    expect(reviewAnnouncement({ ...review, request, isReviewer: false } as unknown as ReviewState)).toBe("Submitted for review to Priya Raman. The pitch is read-only until they decide.");
    expect(reviewAnnouncement({ ...review, request, isReviewer: true } as unknown as ReviewState)).toBe("Wren Alvarez asks you to review this pitch.");
    expect(reviewAnnouncement({ ...review, status: "needs-reapproval" })).toContain("needs re-approval");
    expect(reviewAnnouncement({ ...review, status: "draft" })).toContain("Back to draft");
  });
});
