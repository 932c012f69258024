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
