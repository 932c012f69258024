// @vitest-environment jsdom
import "./editor/jsdom-shims";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PitchLinks } from "../lib/bindings";

// Linking on a loaded pitch: what the links mean for each side, and the actions of the claims
// pane, the link inspector and their keys.

vi.mock("../lib/api", async () => (await import("./fake-api")).fakeApi());

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { LINKS, link, loaded, mocked, resetWorkspace } = await import("./session.fixtures");

beforeEach(resetWorkspace);

/** The dialog open now (read through a call, so a test's own `ui.dialog = null` does not narrow it). */
const openDialog = () => ui.dialog;

describe("what the links mean", () => {
  it("works out partners, counts, stale claims, chips and coverage", () => {
    const s = loaded();
    const l = s.linking;
    expect(l.linkCounts.get(11)).toBe(2);
    expect([...l.staleClaims]).toEqual([12, 13]);
    s.currentKey = "p";
    expect([...l.partnerClaims]).toEqual([11, 12, 13]);
    expect(l.currentLinks.map((x) => x.claimId)).toEqual([11, 12, 13]);
    l.hoverKey = "q";
    expect([...l.partnerClaims]).toEqual([11]);
    l.hoverClaim = 11;
    expect(l.partnerClaims.size).toBe(0);
    expect([...l.partnerKeys]).toEqual(["p", "q"]);
    expect(l.coveragePct).toBe(50);
    expect(l.blockMarks.get("p")?.map((m) => m.number)).toEqual([1, 2, 0]);
    expect(l.claimNumbers.get(14)).toBe(3);
  });

  it("follows the links the session holds", () => {
    const s = loaded();
    s.links = { links: [link("q", 14)], coverage: { required: 2, linked: 2, gaps: [] } };
    expect(s.linking.staleLinks).toEqual([]);
    expect(s.linking.linkCounts.get(14)).toBe(1);
    expect(s.linking.coveragePct).toBe(100);
  });
});

describe("linking", () => {
  it("says what is missing instead of linking: the cursor, or a selection", async () => {
    const s = loaded();
    s.linking.selected = new Set([11]);
    await s.linking.link();
    expect(s.notice).toBe("Put the cursor in the paragraph that translates these claims, then link.");
    s.currentKey = "q";
    s.linking.selected = new Set();
    await s.linking.link();
    expect(s.notice).toMatch(/^Select one or more claims on the left first/);
    expect(api.linkClaims).not.toHaveBeenCalled();
  });

  it("does not link while the pitch is in review", async () => {
    const s = loaded({ review: { status: "in-review" } });
    s.currentKey = "q";
    s.linking.selected = new Set([12]);
    await s.linking.link();
    expect(s.notice).toBe("Links are frozen while the pitch is in review.");
    expect(api.linkClaims).not.toHaveBeenCalled();
  });

  it("saves the paragraph first, then links the selected claims and clears the selection", async () => {
    const s = loaded();
    const after: PitchLinks = { links: [...LINKS.links, link("q", 12)], coverage: LINKS.coverage };
    mocked(api.linkClaims).mockResolvedValue(after);
    s.currentKey = "q";
    s.linking.selected = new Set([12, 14]);
    s.notice = "old news";
    s.saving.autosaver.changed(); // unsaved typing
    await s.linking.link();
    expect(api.savePitchDoc).toHaveBeenCalledOnce();
    expect(api.linkClaims).toHaveBeenCalledWith({ pitchId: 2, blockKey: "q", claimIds: [12, 14] });
    expect(mocked(api.savePitchDoc).mock.invocationCallOrder[0]).toBeLessThan(mocked(api.linkClaims).mock.invocationCallOrder[0]!);
    expect(s.links).toBe(after);
    expect(s.linking.selected.size).toBe(0);
    expect(s.notice).toBeNull();
  });

  it("links nothing when the paragraph could not be saved, and says so", async () => {
    const s = loaded();
    mocked(api.savePitchDoc).mockRejectedValue({ code: "disk-full", message: "The disk is full." });
    s.currentKey = "q";
    s.linking.selected = new Set([12]);
    s.saving.autosaver.changed();
    await s.linking.link();
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
    await s.linking.resolveCurrent("still-holds");
    expect(api.unlinkClaim).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 13 });
    expect(api.confirmLink).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 12, resolution: "still-holds", numbersConfirmed: false });
    expect(api.confirmLink).toHaveBeenCalledTimes(1);

    s.currentKey = "q";
    await s.linking.resolveCurrent("revised");
    expect(s.notice).toBe("This paragraph has no stale links. Ctrl+. goes to the next one.");
  });

  it("asks before confirming a link whose paragraph still quotes the claim's old number", async () => {
    const s = loaded();
    ui.dialog = null;
    const refusal = { code: "needs-confirmation", message: "The paragraph still says 41 where the claim no longer does." };
    mocked(api.confirmLink).mockRejectedValueOnce(refusal).mockResolvedValueOnce(LINKS);
    s.currentKey = "p";
    await s.linking.confirm(link("p", 12), "still-holds");
    expect(ui.error).toBeNull();
    const asked = openDialog();
    if (asked?.kind !== "confirm") throw new Error(`no confirmation: ${JSON.stringify(asked)}`);
    expect(asked.body).toBe(refusal.message);
    expect(api.confirmLink).toHaveBeenCalledTimes(1);
    await asked.action();
    expect(api.confirmLink).toHaveBeenLastCalledWith({ pitchId: 2, blockKey: "p", claimId: 12, resolution: "still-holds", numbersConfirmed: true });
    expect(s.links).toEqual(LINKS);
    ui.dialog = null;
  });

  it("unlinks the selected claims from the paragraph with the cursor", async () => {
    const s = loaded();
    mocked(api.unlinkClaim).mockResolvedValue(LINKS);
    s.currentKey = "p";
    s.linking.selected = new Set([11, 14]);
    await s.linking.unlinkSelected();
    expect(api.unlinkClaim).toHaveBeenCalledTimes(1);
    expect(api.unlinkClaim).toHaveBeenCalledWith({ pitchId: 2, blockKey: "p", claimId: 11 });
    expect(s.linking.selected.size).toBe(0);

    await s.linking.unlinkSelected();
    expect(s.notice).toBe("Select the linked claims to remove from this paragraph first.");
  });

  it("shows a failed unlink and keeps the links", async () => {
    const s = loaded();
    mocked(api.unlinkClaim).mockRejectedValue({ code: "not-found", message: "The link is gone." });
    await s.linking.unlink(LINKS.links[0]!);
    expect(ui.error?.error.message).toBe("The link is gone.");
    expect(s.links).toBe(LINKS);
  });

  it("says when there is no stale link to go to", () => {
    const s = loaded();
    s.links = { links: [link("q", 11)], coverage: LINKS.coverage };
    s.linking.nextStale();
    expect(s.notice).toBe("No stale links: every linked claim reads as it did when it was linked.");
  });

  it("selects the first required claim no paragraph translates yet", () => {
    const s = loaded();
    s.linking.showGaps();
    expect([...s.linking.selected]).toEqual([14]);
  });
});
