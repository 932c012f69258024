// @vitest-environment jsdom
import "./editor/jsdom-shims";
import { flushSync } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TextSelection } from "prosemirror-state";
import type { DecisionRecord, PitchEditorView, PitchLinks, ReviewState } from "../lib/bindings";

// The pitch session: what it holds and its own actions (review state, versions, delete, keys)
// on a loaded pitch, and the whole session connected, as the screen runs it, with the editor in
// a jsdom element and the workspace answered by a fake api.ts. Each part's actions are tested
// beside it (linking, layout, comments, format, export, checks).

vi.mock("../lib/api", async () => (await import("./fake-api")).fakeApi());

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { PitchSession } = await import("./session.svelte");
const { BLOCKS, LINKS, REPORT, link, loaded, mocked, resetWorkspace, review, view } = await import("./session.fixtures");

beforeEach(resetWorkspace);

/** The dialog open now (read through a call, so a test's own `ui.dialog = null` does not narrow it). */
const openDialog = () => ui.dialog;

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = "";
});

function key(s: InstanceType<typeof PitchSession>, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { cancelable: true, ...init });
  s.onkeydown(event);
  return event;
}

// ---- on a loaded pitch ----------------------------------------------------------------------

describe("the review state", () => {
  it("labels saving, and locks the pitch for its writer while it is in review", () => {
    const s = loaded();
    expect(s.saving.label).toBe("Saved");
    expect(s.locked).toBe(false);
    s.setReview(review({ status: "in-review" }));
    expect(s.locked).toBe(true);
    expect(s.frozen).toBe(true);
    // The reviewer who unlocked it may edit; links stay frozen.
    s.setReview(review({ status: "in-review", reviewerUnlocked: true }));
    expect(s.locked).toBe(false);
    expect(s.frozen).toBe(true);
  });

  it("shows a new review status on the pitch and refreshes the sidebar", () => {
    const s = loaded();
    s.setReview(review({ status: "approved" }));
    expect(s.view?.summary.pitch.status).toBe("approved");
    expect(api.listLaunches).toHaveBeenCalled();
    vi.clearAllMocks();
    s.setReview(review({ status: "approved" }));
    expect(api.listLaunches).not.toHaveBeenCalled();
  });
});

describe("the editor's clicks", () => {
  it("make a clicked finding or comment the one the writer is on, in the open checklist pane", () => {
    localStorage.setItem("pitchbridge.checksOpen", "0");
    const s = loaded();
    s.hooks().onFindingClick("f1");
    expect(s.checks.active).toBe("f1");
    expect(s.layout.checksOpen).toBe(true);
    s.layout.toggleChecks();
    s.hooks().onCommentClick(7);
    expect(s.comments.active).toBe(7);
    expect(s.layout.checksOpen).toBe(true);
  });

  it("link the claims dropped on a paragraph, and note the images a paste left out", async () => {
    const s = loaded();
    mocked(api.linkClaims).mockResolvedValue(LINKS);
    s.hooks().onDropClaims("q", [14]);
    await vi.waitFor(() => expect(api.linkClaims).toHaveBeenCalledWith({ pitchId: 2, blockKey: "q", claimIds: [14] }));
    s.hooks().onImagesSkipped(2);
    expect(s.notice).toMatch(/^2 images were left out/);
  });
});

describe("keys", () => {
  it("opens and closes the export menu, the research and the checklist", () => {
    const s = loaded();
    expect(key(s, { key: "e", ctrlKey: true }).defaultPrevented).toBe(true);
    expect(s.exports.menuOpen).toBe(true);
    key(s, { key: "Escape" });
    expect(s.exports.menuOpen).toBe(false);
    key(s, { key: "A", ctrlKey: true, shiftKey: true });
    expect(s.layout.researchOpen).toBe(true);
    key(s, { key: "Escape" });
    expect(s.layout.researchOpen).toBe(false);
    const open = s.layout.checksOpen;
    key(s, { key: "C", ctrlKey: true, shiftKey: true });
    expect(s.layout.checksOpen).toBe(!open);
    expect(key(s, { key: "x", ctrlKey: true }).defaultPrevented).toBe(false);
  });

  it("leaves the keys alone while a dialog is open", () => {
    const s = loaded();
    ui.dialog = { kind: "shortcuts" };
    const e = key(s, { key: "e", ctrlKey: true });
    expect(e.defaultPrevented).toBe(false);
    expect(s.exports.menuOpen).toBe(false);
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

  it("Ctrl+S saves now, and shows why it could not", async () => {
    const s = loaded();
    mocked(api.savePitchDoc).mockRejectedValue({ code: "disk-full", message: "The disk is full." });
    s.saving.autosaver.changed();
    key(s, { key: "s", ctrlKey: true });
    await vi.waitFor(() => expect(ui.error?.error.message).toMatch(/could not be saved \(The disk is full\.\)/));
    s.destroy();
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

  /** The question before the first change to an approved pitch, answered "Edit anyway" as the
   *  confirm dialog does: its action, then it closes. */
  async function editAnyway(): Promise<void> {
    const question = openDialog();
    if (question?.kind !== "confirm") throw new Error(`not asked: ${JSON.stringify(question)}`);
    await question.action();
    ui.closeDialog();
    await vi.advanceTimersByTimeAsync(0);
  }

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
    expect(s.saving.status).toBe("pending");
    expect(s.saving.label).toBe("Editing…");
    await vi.advanceTimersByTimeAsync(300);
    expect(api.savePitchDoc).toHaveBeenCalledOnce();
    const req = mocked(api.savePitchDoc).mock.calls[0]![0];
    expect(req.workspace).toBe("/home/w/Workspace.pitchbridge");
    expect(req.blocks.find((b) => b.key === "q")?.runs).toEqual([{ text: "Close the books sooner. No more scramble." }]);
    expect(s.saving.status).toBe("saved");
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
    await editAnyway();
    await vi.advanceTimersByTimeAsync(300);
    expect(s.links).toBe(after);
    expect(s.review?.status).toBe("needs-reapproval");
    expect(s.view?.summary.pitch.status).toBe("needs-reapproval");
    close();
  });

  describe("on an approved pitch", () => {
    const approved = () => review({ status: "approved", decisions: [{ id: 5 } as DecisionRecord] });
    const textOf = (s: InstanceType<typeof PitchSession>) => s.controller!.blocks().map((b) => b.runs.map((r) => `${r.bold ? "**" : ""}${r.text}${r.bold ? "**" : ""}`).join(""));
    const BEFORE = ["Month-end stops being a fire drill.", "Close the books sooner."];

    function selectWords(s: InstanceType<typeof PitchSession>, from: number, to: number): void {
      const v = s.controller!.view;
      // The second paragraph's text starts after its own and its section's openings.
      const start = v.state.doc.child(0).nodeSize + 2;
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, start + from, start + to)));
    }

    it("asks before the first keystroke changes it, and changes nothing until the writer says to edit anyway", async () => {
      const { s, close } = await open({ review: approved() });
      await vi.advanceTimersByTimeAsync(1000);
      vi.clearAllMocks();
      typeAtEnd(s, "!");
      expect(openDialog()).toMatchObject({ kind: "confirm", title: "Edit an approved pitch?", confirmLabel: "Edit anyway" });
      expect(openDialog()).toMatchObject({ body: expect.stringMatching(/reviewed and approved again/) });
      expect(textOf(s)).toEqual(BEFORE);
      expect(s.saving.status).toBe("saved");
      // More keys while it asks: still one question, still nothing changed.
      typeAtEnd(s, "?");
      expect(textOf(s)).toEqual(BEFORE);
      await vi.advanceTimersByTimeAsync(1000);
      expect(api.savePitchDoc).not.toHaveBeenCalled();

      await editAnyway();
      expect(textOf(s)).toEqual([BEFORE[0], "Close the books sooner.!"]);
      await vi.advanceTimersByTimeAsync(300);
      expect(api.savePitchDoc).toHaveBeenCalledOnce();
      // From now on the session edits freely.
      typeAtEnd(s, " Again.");
      expect(openDialog()).toBeNull();
      expect(textOf(s)[1]).toBe("Close the books sooner.! Again.");
      close();
    });

    it("leaves the text exactly as it was when the writer cancels, and asks again at the next change", async () => {
      const { s, close } = await open({ review: approved() });
      await vi.advanceTimersByTimeAsync(1000);
      vi.clearAllMocks();
      typeAtEnd(s, "!");
      ui.closeDialog();
      await vi.advanceTimersByTimeAsync(1000);
      expect(textOf(s)).toEqual(BEFORE);
      expect(s.controller!.toolbar().canUndo).toBe(false);
      expect(api.savePitchDoc).not.toHaveBeenCalled();
      typeAtEnd(s, "?");
      expect(openDialog()?.kind).toBe("confirm");
      expect(textOf(s)).toEqual(BEFORE);
      close();
    });

    it("asks before the toolbar, a paste or a suggestion changes it", async () => {
      const { s, close } = await open({ review: approved() });
      await vi.advanceTimersByTimeAsync(0);
      selectWords(s, 0, 5);
      s.format.bold();
      expect(openDialog()?.kind).toBe("confirm");
      expect(textOf(s)).toEqual(BEFORE);
      ui.closeDialog();
      s.controller!.view.pasteText("Pasted words.", { clipboardData: null } as unknown as ClipboardEvent);
      expect(openDialog()?.kind).toBe("confirm");
      expect(textOf(s)).toEqual(BEFORE);
      ui.closeDialog();
      s.checks.apply(REPORT.findings[0]!, "scramble");
      expect(openDialog()?.kind).toBe("confirm");
      expect(textOf(s)).toEqual(BEFORE);
      // Confirmed, the change that asked is the one made.
      await editAnyway();
      expect(textOf(s)).toEqual(["Month-end stops being a scramble.", BEFORE[1]]);
      selectWords(s, 0, 5);
      s.format.bold();
      expect(openDialog()).toBeNull();
      expect(textOf(s)[1]).toBe("**Close** the books sooner.");
      close();
    });

    it("asks before claims dropped on it are linked, or a claim is unlinked", async () => {
      const { s, close } = await open({ review: approved() });
      mocked(api.linkClaims).mockResolvedValue(LINKS);
      mocked(api.unlinkClaim).mockResolvedValue(LINKS);
      s.hooks().onDropClaims("q", [14]);
      await vi.advanceTimersByTimeAsync(0);
      expect(openDialog()?.kind).toBe("confirm");
      expect(api.linkClaims).not.toHaveBeenCalled();
      ui.closeDialog();
      await s.linking.unlink(LINKS.links[0]!);
      expect(openDialog()?.kind).toBe("confirm");
      expect(api.unlinkClaim).not.toHaveBeenCalled();
      await editAnyway();
      expect(api.unlinkClaim).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 11 });
      expect(api.linkClaims).not.toHaveBeenCalled();
      s.hooks().onDropClaims("q", [14]);
      await vi.waitFor(() => expect(api.linkClaims).toHaveBeenCalledWith({ pitchId: 2, blockKey: "q", claimIds: [14] }));
      close();
    });

    it("asks before the link prompt, and opens the prompt once the writer says to edit anyway", async () => {
      const { s, close } = await open({ review: approved() });
      selectWords(s, 0, 5);
      s.format.editLink();
      expect(openDialog()?.kind).toBe("confirm");
      await editAnyway();
      expect(openDialog()).toMatchObject({ kind: "text-prompt", title: "Add link" });
      close();
    });

    it("does not ask when the pitch is not approved", async () => {
      const { s, close } = await open({ review: review({ status: "needs-reapproval" }) });
      typeAtEnd(s, "!");
      expect(openDialog()).toBeNull();
      expect(textOf(s)[1]).toBe("Close the books sooner.!");
      close();
    });
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

  it("draws lines from a hovered claim to the paragraphs it feeds, else from the paragraph with the cursor, stale ones marked", async () => {
    const { s, close } = await open();
    const element = (html = "") => Object.assign(document.createElement("div"), { innerHTML: html });
    s.workbench = element();
    s.editorScroll = element();
    s.claimsScroll = element('<div data-claim-id="11"></div><div data-claim-id="12"></div>');
    s.linking.hoverClaim = 12;
    flushSync();
    await vi.advanceTimersByTimeAsync(20);
    expect(s.connections.lines.map((l) => l.stale)).toEqual([true]);
    s.linking.hoverClaim = 11;
    flushSync();
    await vi.advanceTimersByTimeAsync(20);
    expect(s.connections.lines.map((l) => l.stale)).toEqual([false, false]);
    expect(s.connections.lines[0]?.d).toMatch(/^M -?\d+ -?\d+ C /);
    // No claim hovered: the lines of the paragraph with the cursor (a removed claim has no row).
    s.linking.hoverClaim = null;
    flushSync();
    await vi.advanceTimersByTimeAsync(20);
    expect(s.currentKey).toBe("p");
    expect(s.connections.lines.map((l) => l.stale)).toEqual([false, true]);
    s.links = { links: [], coverage: LINKS.coverage };
    flushSync();
    await vi.advanceTimersByTimeAsync(20);
    expect(s.connections.lines).toEqual([]);
    close();
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
