// @vitest-environment jsdom
import "./editor/jsdom-shims";
import { flushSync } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError, DocBlock, LinkView, PitchCheckReport, PitchEditorView, PitchLinks, ReviewState } from "../lib/bindings";

// The pitch session: its actions on their own (the session's state set by hand), and the whole
// session connected, as the screen runs it, with the editor in a jsdom element and the
// workspace answered by a fake api.ts.

vi.mock("../lib/api", () => {
  const toApiError = (e: unknown): ApiError =>
    typeof e === "object" && e !== null && "code" in e && "message" in e ? (e as ApiError) : { code: "internal", message: String(e) };
  return {
    toApiError,
    getPitchEditor: vi.fn(),
    reviewState: vi.fn(),
    savePitchDoc: vi.fn(),
    checkPitch: vi.fn(),
    linkClaims: vi.fn(),
    unlinkClaim: vi.fn(),
    confirmLink: vi.fn(),
    dismissFinding: vi.fn(),
    restoreFinding: vi.fn(),
    addDictionaryWord: vi.fn(),
    setManualItem: vi.fn(),
    exportPitch: vi.fn(),
    getPitch: vi.fn(),
    resolveComment: vi.fn(),
    deletePitch: vi.fn(),
    listLaunches: vi.fn(async () => []),
    frontendReady: vi.fn(async () => null),
  };
});

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { PitchSession } = await import("./session.svelte");

const mocked = <T extends (...args: never[]) => unknown>(f: T) => vi.mocked(f);

// ---- a pitch ------------------------------------------------------------------------------

const BLOCKS: DocBlock[] = [
  { key: "p", section: "problem", kind: "paragraph", level: 0, runs: [{ text: "Month-end stops being a fire drill." }] },
  { key: "q", section: "solution", kind: "paragraph", level: 0, runs: [{ text: "Close the books sooner." }] },
];

function link(blockKey: string, claimId: number, state: LinkView["state"] = "current"): LinkView {
  return { blockKey, claimId, state, oldText: "", diff: [] };
}

const LINKS: PitchLinks = { links: [link("p", 11), link("p", 12, "changed"), link("p", 13, "removed"), link("q", 11)], coverage: { required: 2, linked: 1, gaps: [14] } };

// The fixtures are cast: they hold what the screen reads, whatever else the types grow.
function view(over: Partial<PitchEditorView> = {}): PitchEditorView {
  const claim = (id: number, number: number) => ({ id, messageId: 1, number, kind: "benefit" as const, text: `Claim ${number} text`, section: "", fingerprint: "", sinceVersion: 1 });
  return {
    summary: {
      pitch: { id: 2, launchId: 1, audienceId: 1, collateralType: "one-pager", title: "Close the books sooner", status: "draft", createdAt: "", updatedAt: "" },
      audienceName: "Retail partner × Store owner",
      collateralTypeName: "One-pager",
      wordCount: 10,
    },
    launchName: "Ledgerline GA",
    collateralType: {
      id: "one-pager",
      name: "One-pager",
      description: "",
      order: 1,
      words: { max: 250 },
      readability: { max_grade: 9, min_ease: 50 },
      sections: [
        { id: "problem", name: "Problem", guidance: "", required: true, words: { min: 10, max: 60 } },
        { id: "solution", name: "Solution", guidance: "", required: true, words: {} },
      ],
      checklist: [],
      required_claim_kinds: ["benefit"],
    },
    audience: { id: 1, channel: "Retail partner", persona: "Store owner", summary: "", research: { pains: [], goals: [], objections: [], customerWords: [] } },
    messages: [{ messageId: 1, title: "Factory message", version: 1, claims: [claim(11, 1), claim(12, 2), claim(14, 3)] }],
    blocks: BLOCKS,
    links: LINKS,
    glossary: [],
    versions: [],
    ...over,
  } as PitchEditorView;
}

function review(over: Partial<ReviewState> = {}): ReviewState {
  return {
    status: "draft",
    request: null,
    decisions: [],
    comments: [],
    drift: null,
    reviewers: [],
    isReviewer: false,
    reviewerUnlocked: false,
    writerCanEdit: true,
    reviewerEdited: false,
    editsRedline: [],
    reviewCopy: false,
    ...over,
  } as ReviewState;
}

const REPORT = {
  pitchId: 2,
  findings: [{ key: "f1", rule: "jargon", severity: "error", blockKey: "p", start: 24, end: 34, quote: "fire drill", message: "Avoid", suggestion: "scramble", claimId: null, dismissal: null }],
  rules: [],
  manual: [],
  readiness: { score: 70, reasons: [] },
} as PitchCheckReport;

beforeEach(() => {
  localStorage.clear();
  vi.clearAllMocks();
  mocked(api.savePitchDoc).mockResolvedValue({ changed: true, links: null });
  mocked(api.checkPitch).mockResolvedValue(REPORT);
  mocked(api.getPitchEditor).mockResolvedValue(view());
  mocked(api.reviewState).mockResolvedValue(review());
  ui.dialog = null;
  ui.error = null;
  ui.workspace = { path: "/home/w/Workspace.pitchbridge", name: "Workspace", readOnly: false, reviewCopy: false };
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = "";
});

/** A session whose pitch has been loaded, not connected: its actions on their own. */
function loaded(over: { review?: Partial<ReviewState> } = {}) {
  const s = new PitchSession(2, undefined);
  s.view = view();
  s.links = LINKS;
  s.review = review(over.review);
  return s;
}

function key(s: InstanceType<typeof PitchSession>, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { cancelable: true, ...init });
  s.onkeydown(event);
  return event;
}

// ---- actions --------------------------------------------------------------------------------

describe("linking", () => {
  it("says what is missing instead of linking: the cursor, or a selection", async () => {
    const s = loaded();
    s.selected = new Set([11]);
    await s.link();
    expect(s.notice).toBe("Put the cursor in the paragraph that translates these claims, then link.");
    s.currentKey = "q";
    s.selected = new Set();
    await s.link();
    expect(s.notice).toMatch(/^Select one or more claims on the left first/);
    expect(api.linkClaims).not.toHaveBeenCalled();
  });

  it("does not link while the pitch is in review", async () => {
    const s = loaded({ review: { status: "in-review" } });
    s.currentKey = "q";
    s.selected = new Set([12]);
    await s.link();
    expect(s.notice).toBe("Links are frozen while the pitch is in review.");
    expect(api.linkClaims).not.toHaveBeenCalled();
  });

  it("saves the paragraph first, then links the selected claims and clears the selection", async () => {
    const s = loaded();
    const after: PitchLinks = { links: [...LINKS.links, link("q", 12)], coverage: LINKS.coverage };
    mocked(api.linkClaims).mockResolvedValue(after);
    s.currentKey = "q";
    s.selected = new Set([12, 14]);
    s.notice = "old news";
    s.autosaver.changed(); // unsaved typing
    await s.link();
    expect(api.savePitchDoc).toHaveBeenCalledOnce();
    expect(api.linkClaims).toHaveBeenCalledWith({ pitchId: 2, blockKey: "q", claimIds: [12, 14] });
    expect(mocked(api.savePitchDoc).mock.invocationCallOrder[0]).toBeLessThan(mocked(api.linkClaims).mock.invocationCallOrder[0]!);
    expect(s.links).toBe(after);
    expect(s.selected.size).toBe(0);
    expect(s.notice).toBeNull();
  });

  it("links nothing when the paragraph could not be saved, and says so", async () => {
    const s = loaded();
    mocked(api.savePitchDoc).mockRejectedValue({ code: "disk-full", message: "The disk is full." });
    s.currentKey = "q";
    s.selected = new Set([12]);
    s.autosaver.changed();
    await s.link();
    expect(api.linkClaims).not.toHaveBeenCalled();
    expect(ui.error?.error.code).toBe("io");
    expect(ui.error?.error.message).toMatch(/could not be saved \(The disk is full\.\)/);
    s.destroy();
  });

  it("resolves every stale link of the paragraph with the cursor: removed claims unlinked, changed ones confirmed", async () => {
    const s = loaded();
    mocked(api.unlinkClaim).mockResolvedValue(LINKS);
    mocked(api.confirmLink).mockResolvedValue(LINKS);
    s.currentKey = "p";
    await s.resolveCurrent("still-holds");
    expect(api.unlinkClaim).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 13 });
    expect(api.confirmLink).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 12, resolution: "still-holds" });
    expect(api.confirmLink).toHaveBeenCalledTimes(1);

    s.currentKey = "q";
    await s.resolveCurrent("revised");
    expect(s.notice).toBe("This paragraph has no stale links. Ctrl+. goes to the next one.");
  });

  it("unlinks the selected claims from the paragraph with the cursor", async () => {
    const s = loaded();
    mocked(api.unlinkClaim).mockResolvedValue(LINKS);
    s.currentKey = "p";
    s.selected = new Set([11, 14]);
    await s.unlinkSelected();
    expect(api.unlinkClaim).toHaveBeenCalledTimes(1);
    expect(api.unlinkClaim).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 11 });
    expect(s.selected.size).toBe(0);

    await s.unlinkSelected();
    expect(s.notice).toBe("Select the linked claims to remove from this paragraph first.");
  });

  it("says when there is no stale link to go to", () => {
    const s = loaded();
    s.links = { links: [link("q", 11)], coverage: LINKS.coverage };
    s.nextStale();
    expect(s.notice).toBe("No stale links: every linked claim reads as it did when it was linked.");
  });
});

describe("what the screen shows", () => {
  it("works out partners, counts and stale claims from the links", () => {
    const s = loaded();
    expect(s.linkCounts.get(11)).toBe(2);
    expect([...s.staleClaims]).toEqual([12, 13]);
    s.currentKey = "p";
    expect([...s.partnerClaims]).toEqual([11, 12, 13]);
    expect(s.currentLinks.map((l) => l.claimId)).toEqual([11, 12, 13]);
    s.hoverKey = "q";
    expect([...s.partnerClaims]).toEqual([11]);
    s.hoverClaim = 11;
    expect(s.partnerClaims.size).toBe(0);
    expect([...s.partnerKeys]).toEqual(["p", "q"]);
    expect(s.coveragePct).toBe(50);
    expect(s.blockMarks.get("p")?.map((m) => m.number)).toEqual([1, 2, 0]);
  });

  it("remembers whether the checklist is open and how wide the claims pane is", () => {
    localStorage.setItem("pitchbridge.checksOpen", "0");
    localStorage.setItem("pitchbridge.claimsWidth", "420");
    const s = loaded();
    expect(s.checksOpen).toBe(false);
    expect(s.claimsWidth).toBe(420);
    s.toggleChecks();
    expect(s.checksOpen).toBe(true);
    expect(localStorage.getItem("pitchbridge.checksOpen")).toBe("1");
    // A narrow window squeezes the pane; the chosen width is kept for a wider one.
    s.workbenchWidth = 1000;
    expect(s.claimsWidth).toBe(281);
    expect(s.leftWidth).toBe(420);
  });

  it("steps the splitter with the arrow keys and keeps the width", () => {
    const s = loaded();
    const press = (k: string, shiftKey = false) => {
      const e = new KeyboardEvent("keydown", { key: k, shiftKey, cancelable: true });
      s.resizeKey(e);
      return e;
    };
    expect(press("ArrowRight").defaultPrevented).toBe(true);
    expect(s.leftWidth).toBe(376);
    press("ArrowLeft", true);
    expect(s.leftWidth).toBe(312);
    expect(localStorage.getItem("pitchbridge.claimsWidth")).toBe("312");
    for (let i = 0; i < 10; i++) press("ArrowLeft", true);
    expect(s.leftWidth).toBe(240);
    expect(press("ArrowUp").defaultPrevented).toBe(false);
  });

  it("labels saving, and locks the pitch for its writer while it is in review", () => {
    const s = loaded();
    expect(s.saveLabel).toBe("Saved");
    expect(s.locked).toBe(false);
    s.setReview(review({ status: "in-review" }));
    expect(s.locked).toBe(true);
    expect(s.frozen).toBe(true);
    // The reviewer who unlocked it may edit; links stay frozen.
    s.setReview(review({ status: "in-review", reviewerUnlocked: true }));
    expect(s.locked).toBe(false);
    expect(s.frozen).toBe(true);
  });
});

describe("review", () => {
  it("shows a new review status on the pitch and refreshes the sidebar", () => {
    const s = loaded();
    s.setReview(review({ status: "approved" }));
    expect(s.view?.summary.pitch.status).toBe("approved");
    expect(api.listLaunches).toHaveBeenCalled();
    vi.clearAllMocks();
    s.setReview(review({ status: "approved" }));
    expect(api.listLaunches).not.toHaveBeenCalled();
  });

  it("needs selected words to comment on", async () => {
    const s = loaded();
    await s.commentOnSelection();
    expect(s.notice).toBe("Select the words you want to comment on, in the pitch or in a claim, then Comment.");
    expect(ui.dialog).toBeNull();
  });

  it("replies on the thread's own words", () => {
    const s = loaded();
    s.replyTo({ id: 7, parentId: null, target: { kind: "block", key: "p" }, start: 0, end: 9, quote: "Month-end", body: "", author: "", createdAt: "", resolvedAt: null, outdated: false });
    expect(ui.dialog).toMatchObject({ kind: "comment", pitchId: 2, target: { kind: "block", key: "p" }, start: 0, end: 9, quote: "Month-end", parentId: 7 });
  });
});

describe("export", () => {
  it("saves first, exports, and says what was written", async () => {
    const s = loaded();
    mocked(api.exportPitch).mockResolvedValue([
      { path: "/out/close.docx", warnings: [] },
      { path: "/out/close.pdf", warnings: ["The logo was too small."] },
    ] as never);
    s.exportOpen = true;
    await s.exportAs(["docx", "pdf"]);
    expect(api.exportPitch).toHaveBeenCalledWith(2, ["docx", "pdf"]);
    expect(s.notice).toBe("Exported close.docx and close.pdf (marked DRAFT until approved). The logo was too small.");
    expect(s.exportOpen).toBe(false);
    expect(s.exporting).toBe(false);
  });

  it("exports nothing that would miss the last words typed", async () => {
    const s = loaded();
    mocked(api.savePitchDoc).mockRejectedValue({ code: "disk-full", message: "The disk is full." });
    s.autosaver.changed();
    await s.exportAs(["pdf"]);
    expect(api.exportPitch).not.toHaveBeenCalled();
    expect(ui.error?.error).toEqual({ code: "disk-full", message: "The disk is full." });
    s.destroy();
  });
});

describe("keys", () => {
  it("opens and closes the export menu, the research and the checklist", () => {
    const s = loaded();
    expect(key(s, { key: "e", ctrlKey: true }).defaultPrevented).toBe(true);
    expect(s.exportOpen).toBe(true);
    key(s, { key: "Escape" });
    expect(s.exportOpen).toBe(false);
    key(s, { key: "A", ctrlKey: true, shiftKey: true });
    expect(s.researchOpen).toBe(true);
    key(s, { key: "Escape" });
    expect(s.researchOpen).toBe(false);
    const open = s.checksOpen;
    key(s, { key: "C", ctrlKey: true, shiftKey: true });
    expect(s.checksOpen).toBe(!open);
    expect(key(s, { key: "x", ctrlKey: true }).defaultPrevented).toBe(false);
  });

  it("leaves the keys alone while a dialog is open", () => {
    const s = loaded();
    ui.dialog = { kind: "shortcuts" };
    const e = key(s, { key: "e", ctrlKey: true });
    expect(e.defaultPrevented).toBe(false);
    expect(s.exportOpen).toBe(false);
  });

  it("Ctrl+L links, Ctrl+. goes to a stale link", async () => {
    const s = loaded();
    key(s, { key: "l", ctrlKey: true });
    await Promise.resolve();
    expect(s.notice).toMatch(/^Put the cursor/);
    s.links = { links: [], coverage: LINKS.coverage };
    key(s, { key: ".", ctrlKey: true });
    expect(s.notice).toMatch(/^No stale links/);
  });
});

describe("dialogs it opens", () => {
  it("asks why before dismissing a finding, and checks again after", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const s = loaded();
    mocked(api.dismissFinding).mockResolvedValue({} as never);
    s.checks.dismiss(REPORT.findings[0]!);
    expect(ui.dialog?.kind).toBe("text-prompt");
    if (ui.dialog?.kind !== "text-prompt") return;
    await ui.dialog.onsubmit("The customer's own words");
    expect(api.dismissFinding).toHaveBeenCalledWith({ pitchId: 2, rule: "jargon", blockKey: "p", quote: "fire drill", reason: "The customer's own words" });
  });

  it("confirms before deleting, then saves, deletes and goes to the launch", async () => {
    const s = loaded();
    mocked(api.deletePitch).mockResolvedValue(undefined as never);
    s.remove();
    expect(ui.dialog).toMatchObject({ kind: "confirm", title: "Delete pitch?", confirmLabel: "Delete pitch" });
    if (ui.dialog?.kind !== "confirm") return;
    await ui.dialog.action();
    expect(api.deletePitch).toHaveBeenCalledWith(2);
    expect(ui.route).toEqual({ name: "launch", id: 1 });
  });
});

// ---- connected ------------------------------------------------------------------------------

describe("the session connected", () => {
  async function open(over: { view?: PitchEditorView; review?: ReviewState } = {}) {
    if (over.view) mocked(api.getPitchEditor).mockResolvedValue(over.view);
    if (over.review) mocked(api.reviewState).mockResolvedValue(over.review);
    const s = new PitchSession(2, undefined);
    const stop = $effect.root(() => s.connect());
    await vi.advanceTimersByTimeAsync(0);
    const mount = document.createElement("div");
    document.body.append(mount);
    s.mount = mount;
    flushSync();
    return {
      s,
      close: () => {
        s.destroy();
        stop();
      },
    };
  }

  function typeAtEnd(s: InstanceType<typeof PitchSession>, text: string): void {
    const v = s.controller!.view;
    v.dispatch(v.state.tr.insertText(text, v.state.doc.content.size - 2));
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame", "performance"] });
  });

  it("loads the pitch, opens the editor on its blocks with their link chips and word counts, and checks it", async () => {
    const { s, close } = await open();
    expect(ui.activeLaunchId).toBe(1);
    expect(s.controller).not.toBeNull();
    expect(s.mount?.querySelector("[data-testid=pitch-editor] section[data-section=problem] p")?.textContent).toContain("Month-end stops being a fire drill.");
    expect(s.mount?.querySelector("section[data-section=problem] .block-links")?.textContent).toBe("120");
    expect(s.mount?.querySelector("[data-words-for=problem]")?.textContent).toBe("6 words · 10–60 words");
    expect(s.mount?.querySelector<HTMLElement>("[data-words-for=problem]")?.dataset.fit).toBe("under");
    expect(s.totalWords).toBe(10);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.checkPitch).toHaveBeenCalledWith({ pitchId: 2, blocks: BLOCKS });
    expect(s.checks.report).toBe(REPORT);
    expect(s.mount?.querySelector(".finding-error")?.textContent).toBe("fire drill");
    close();
  });

  it("saves typing to the workspace it was opened from, and checks it a moment later", async () => {
    const { s, close } = await open();
    await vi.advanceTimersByTimeAsync(1000);
    vi.clearAllMocks();
    typeAtEnd(s, " No more scramble.");
    expect(s.saveStatus).toBe("pending");
    expect(s.saveLabel).toBe("Editing…");
    await vi.advanceTimersByTimeAsync(300);
    expect(api.savePitchDoc).toHaveBeenCalledOnce();
    const req = mocked(api.savePitchDoc).mock.calls[0]![0];
    expect(req.workspace).toBe("/home/w/Workspace.pitchbridge");
    expect(req.blocks.find((b) => b.key === "q")?.runs).toEqual([{ text: "Close the books sooner. No more scramble." }]);
    expect(s.saveStatus).toBe("saved");
    expect(api.checkPitch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(api.checkPitch).toHaveBeenCalledOnce();
    close();
  });

  it("shows the links a save reports, and checks an approved pitch's review again when its words change", async () => {
    const { s, close } = await open({ review: review({ status: "approved" }) });
    const after: PitchLinks = { links: [link("q", 11)], coverage: LINKS.coverage };
    mocked(api.savePitchDoc).mockResolvedValue({ changed: true, links: after });
    mocked(api.reviewState).mockResolvedValue(review({ status: "needs-reapproval" }));
    typeAtEnd(s, "!");
    await vi.advanceTimersByTimeAsync(300);
    expect(s.links).toBe(after);
    expect(s.review?.status).toBe("needs-reapproval");
    expect(s.view?.summary.pitch.status).toBe("needs-reapproval");
    close();
  });

  it("keeps the writer out of a pitch in review", async () => {
    const { s, close } = await open({ review: review({ status: "in-review" }) });
    expect(s.controller?.view.dom.getAttribute("contenteditable")).toBe("false");
    s.setReview(review({ status: "draft" }));
    flushSync();
    expect(s.controller?.view.dom.getAttribute("contenteditable")).toBe("true");
    close();
  });

  it("saves an empty section's new paragraph at once, so it can be linked", async () => {
    const { close } = await open({ view: view({ blocks: [BLOCKS[0]!] }) });
    await vi.advanceTimersByTimeAsync(300);
    expect(api.savePitchDoc).toHaveBeenCalledOnce();
    const saved = mocked(api.savePitchDoc).mock.calls[0]![0].blocks;
    expect(saved.map((b) => b.section)).toEqual(["problem", "solution"]);
    close();
  });

  it("saves the last words when the screen goes", async () => {
    const { s, close } = await open();
    typeAtEnd(s, " Last words.");
    close();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.savePitchDoc).toHaveBeenCalledOnce();
    expect(mocked(api.savePitchDoc).mock.calls[0]![0].blocks.find((b) => b.key === "q")?.runs[0]?.text).toBe("Close the books sooner. Last words.");
  });

  it("lets a notice go after six seconds", async () => {
    const { s, close } = await open();
    s.notice = "Exported close.pdf.";
    flushSync();
    await vi.advanceTimersByTimeAsync(5999);
    expect(s.notice).toBe("Exported close.pdf.");
    await vi.advanceTimersByTimeAsync(1);
    expect(s.notice).toBeNull();
    close();
  });

  it("applies a finding's suggestion in the editor", async () => {
    const { s, close } = await open();
    await vi.advanceTimersByTimeAsync(0);
    s.checks.apply(REPORT.findings[0]!, "scramble");
    expect(s.controller?.blocks()[0]?.runs).toEqual([{ text: "Month-end stops being a scramble." }]);
    close();
  });
});
