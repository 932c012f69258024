import { describe, expect, it } from "vitest";
import { readinessBand } from "../checks/readiness";
import type { Claim, Comment, LinkView, PitchCheckReport } from "../lib/bindings";
import {
  acronymTerm,
  blockLinkMarks,
  CHECKS_RAIL_WIDTH,
  checksPaneWidth,
  clampClaimsWidth,
  claimsPaneWidth,
  claimsToReveal,
  defaultClaimsWidth,
  claimSummary,
  groupBySection,
  revealScrollTop,
  SPLITTER_WIDTH,
  connectionPath,
  coveragePercent,
  focusBlock,
  linkCountsByClaim,
  linksByBlock,
  nextStaleBlock,
  openThreadsByClaim,
  pairsToDraw,
  partnerBlockKeys,
  partnerClaimIds,
  quoteStart,
  sameToolbar,
  saveLabel,
  unconfirmedItems,
} from "./logic";

function link(blockKey: string, claimId: number, state: LinkView["state"] = "current"): LinkView {
  return { blockKey, claimId, state, oldText: "", diff: [] };
}

function claim(id: number, number: number, text = `Claim ${number}`): Claim {
  return { id, messageId: 1, number, kind: "benefit", text, section: "", fingerprint: "", sinceVersion: 1 };
}

// Claim 11 feeds two paragraphs; paragraph "p" translates claims 11 and 12 (12 changed since);
// claim 13 was removed from the message.
const LINKS = [link("p", 11), link("p", 12, "changed"), link("q", 11), link("r", 13, "removed")];
const CLAIMS = new Map([
  [11, claim(11, 1)],
  [12, claim(12, 2)],
]);

describe("what the links mean for each side", () => {
  it("groups links by block, in the workspace's order", () => {
    const by = linksByBlock(LINKS);
    expect([...by.keys()]).toEqual(["p", "q", "r"]);
    expect(by.get("p")?.map((l) => l.claimId)).toEqual([11, 12]);
  });

  it("counts the blocks each claim feeds, a removed claim's link not among them", () => {
    expect(linkCountsByClaim(LINKS)).toEqual(
      new Map([
        [11, 2],
        [12, 1],
      ]),
    );
  });

  it("numbers each block's chips by the claim's number and marks stale links", () => {
    const marks = blockLinkMarks(linksByBlock(LINKS), CLAIMS);
    expect(marks.get("p")).toEqual([
      { claimId: 11, number: 1, stale: false },
      { claimId: 12, number: 2, stale: true },
    ]);
    // A claim the message no longer has is shown as 0 and stale.
    expect(marks.get("r")).toEqual([{ claimId: 13, number: 0, stale: true }]);
  });

  it("shows the partners of the hovered block, else of the block with the cursor, and none while a claim is hovered", () => {
    expect(focusBlock(null, "q", "p")).toBe("q");
    expect(focusBlock(null, null, "p")).toBe("p");
    expect(focusBlock(11, "q", "p")).toBe(null);
    const by = linksByBlock(LINKS);
    expect(partnerClaimIds(by, "p")).toEqual(new Set([11, 12]));
    expect(partnerClaimIds(by, null)).toEqual(new Set());
    expect(partnerClaimIds(by, "nowhere")).toEqual(new Set());
    expect(partnerBlockKeys(LINKS, 11)).toEqual(new Set(["p", "q"]));
    expect(partnerBlockKeys(LINKS, null)).toEqual(new Set());
  });

  it("goes to the next block with a stale link after the cursor's, round to the first", () => {
    const stale = [link("a", 1, "changed"), link("b", 2, "removed"), link("b", 3, "changed"), link("c", 4, "changed")];
    expect(nextStaleBlock(stale, null)).toBe("a");
    expect(nextStaleBlock(stale, "a")).toBe("b");
    expect(nextStaleBlock(stale, "b")).toBe("c");
    expect(nextStaleBlock(stale, "c")).toBe("a");
    expect(nextStaleBlock(stale, "not-stale")).toBe("a");
    expect(nextStaleBlock([], "a")).toBeUndefined();
  });

  it("counts open threads on each claim's words, not replies, resolved threads or comments on the pitch", () => {
    const base: Comment = { id: 1, parentId: null, target: { kind: "claim", id: 11 }, start: 0, end: 4, quote: "Beam", body: "", author: "", createdAt: "", resolvedAt: null, outdated: false };
    const comments: Comment[] = [
      base,
      { ...base, id: 2 },
      { ...base, id: 3, parentId: 1 },
      { ...base, id: 4, resolvedAt: "2027-03-02T09:30:00Z" },
      { ...base, id: 5, target: { kind: "block", key: "p" } },
      { ...base, id: 6, target: { kind: "claim", id: 12 } },
    ];
    expect(openThreadsByClaim(comments)).toEqual(
      new Map([
        [11, 2],
        [12, 1],
      ]),
    );
  });
});

describe("a comment on a claim's words", () => {
  it("finds the selected occurrence, not the first, when the words repeat", () => {
    const text = "the quick brown fox jumps over the lazy dog";
    expect(quoteStart(text, "the", "the quick brown fox jumps over ")).toBe(31);
    expect(quoteStart(text, "the", "")).toBe(0);
  });

  it("allows for a leading space in the rendered text", () => {
    const text = "Close the books sooner.";
    expect(quoteStart(text, "books", " Close the ")).toBe(10);
  });

  it("falls back to the first occurrence, and says -1 when the claim lacks the words", () => {
    expect(quoteStart("one two one", "one", "one two one and more text")).toBe(0);
    expect(quoteStart("Close the books", "invoice", "")).toBe(-1);
  });
});

describe("connection lines", () => {
  it("draws the hovered claim's blocks, else the focused block's claims", () => {
    const by = linksByBlock(LINKS);
    expect(pairsToDraw(LINKS, by, 11, "p")).toEqual([
      { claimId: 11, key: "p", stale: false },
      { claimId: 11, key: "q", stale: false },
    ]);
    expect(pairsToDraw(LINKS, by, null, "p")).toEqual([
      { claimId: 11, key: "p", stale: false },
      { claimId: 12, key: "p", stale: true },
    ]);
    expect(pairsToDraw(LINKS, by, null, null)).toEqual([]);
  });

  const box = (top: number, left: number, width: number, height: number) => ({ top, left, right: left + width, bottom: top + height, height });

  it("runs from the claims pane's right edge to the block's left edge, in the workbench's coordinates", () => {
    const workbench = { top: 100, left: 0 };
    const claims = box(100, 0, 360, 600);
    const editor = box(100, 369, 600, 600);
    const d = connectionPath(workbench, claims, editor, box(200, 10, 330, 60), box(300, 420, 500, 20));
    // y1: the row's middle, at most 18 px down; y2: the block's, at most 14; less the workbench's top.
    expect(d).toBe("M 354 118 C 385 118, 385 210, 416 210");
  });

  it("keeps each end inside its pane when the row or block is scrolled out of view", () => {
    const workbench = { top: 100, left: 0 };
    const claims = box(100, 0, 360, 600);
    const editor = box(100, 369, 600, 600);
    const above = box(-400, 10, 330, 60);
    const below = box(2000, 420, 500, 20);
    expect(connectionPath(workbench, claims, editor, above, below)).toBe("M 354 4 C 385 4, 385 596, 416 596");
  });
});

describe("the workbench's widths", () => {
  it("is the chosen width while the window has room, and before it has been measured", () => {
    expect(claimsPaneWidth(360, 0, 280)).toBe(360);
    expect(claimsPaneWidth(360, 1660, 304)).toBe(360);
  });

  it("gives way in a narrow window so the pitch keeps 520 px, but never below 232", () => {
    // A 1280 px window: 1020 - 9 (splitter) - 520 - 248 (checklist) = 243
    expect(claimsPaneWidth(360, 1020, checksPaneWidth(1020, true))).toBe(243);
    // The checklist collapsed to its rail gives the claims their width back.
    expect(claimsPaneWidth(360, 1020, checksPaneWidth(1020, false))).toBe(360);
    expect(claimsPaneWidth(360, 800, 248)).toBe(232);
  });

  it("narrows the checklist in a narrow window, and makes it a rail when collapsed", () => {
    expect(checksPaneWidth(1020, true)).toBe(248);
    expect(checksPaneWidth(1300, true)).toBe(280);
    expect(checksPaneWidth(1660, true)).toBe(304);
    expect(checksPaneWidth(1660, false)).toBe(CHECKS_RAIL_WIDTH);
  });

  it("starts the claims pane narrower in a narrow window, until the writer chooses", () => {
    expect(defaultClaimsWidth(1020)).toBe(256);
    expect(defaultClaimsWidth(1300)).toBe(320);
    expect(defaultClaimsWidth(1660)).toBe(380);
  });

  it("leaves a 1280 px window's text at least 520 px, and a 1920 px one's far more", () => {
    for (const [workbench, least] of [
      [1020, 520],
      [1660, 900],
    ] as const) {
      const checks = checksPaneWidth(workbench, true);
      const claims = claimsPaneWidth(defaultClaimsWidth(workbench), workbench, checks);
      expect(workbench - claims - SPLITTER_WIDTH - checks).toBeGreaterThanOrEqual(least);
    }
  });

  it("drags within the same bounds, so the width kept is the width shown", () => {
    expect(clampClaimsWidth(100, 1200, 248)).toBe(232);
    expect(clampClaimsWidth(400, 1200, 248)).toBe(400);
    // 1200 - 9 - 520 - 248 = 423
    expect(clampClaimsWidth(1000, 1200, 248)).toBe(423);
    expect(clampClaimsWidth(1000, 1200, CHECKS_RAIL_WIDTH)).toBe(627);
  });
});

describe("the claims pane under the message's headings", () => {
  const c = (id: number, section: string): Claim => ({ ...claim(id, id), section });

  it("groups each run of claims under its heading, in order", () => {
    const groups = groupBySection([c(1, "Positioning"), c(2, "Positioning"), c(3, "What's new"), c(4, "Proof")]);
    expect(groups.map((g) => [g.section, g.claims.map((x) => x.id)])).toEqual([
      ["Positioning", [1, 2]],
      ["What's new", [3]],
      ["Proof", [4]],
    ]);
  });

  it("keeps claims before the first heading in a group of their own with no heading", () => {
    const groups = groupBySection([c(1, ""), c(2, ""), c(3, "Pricing")]);
    expect(groups.map((g) => g.section)).toEqual(["", "Pricing"]);
    expect(groups[0]?.claims).toHaveLength(2);
  });

  it("starts a new group when a heading comes back later, so the list keeps its order", () => {
    const groups = groupBySection([c(1, "A"), c(2, "B"), c(3, "A")]);
    expect(groups.map((g) => g.section)).toEqual(["A", "B", "A"]);
    expect(groupBySection([])).toEqual([]);
  });
});

describe("the claims pane following the caret", () => {
  const ORDER = [11, 12, 13, 14, 15];

  it("brings the block's claims into view in the pane's order, not the links' order", () => {
    expect(claimsToReveal([link("p", 14), link("p", 12, "changed")], ORDER)).toEqual([12, 14]);
  });

  it("has nothing to bring for an unlinked block, or for a claim with no row (removed)", () => {
    expect(claimsToReveal([], ORDER)).toEqual([]);
    expect(claimsToReveal([link("r", 99, "removed")], ORDER)).toEqual([]);
  });

  const pane = { scrollTop: 0, height: 400, maxScroll: 2000 };

  it("leaves the pane where it is when the rows are in view already", () => {
    expect(revealScrollTop([{ top: 100, bottom: 160 }], pane, 30)).toBeNull();
    expect(revealScrollTop([], pane, 30)).toBeNull();
  });

  it("scrolls a row out of view to the middle of what the sticky heading leaves", () => {
    // Row 1000–1060 in a 400 px pane under a 30 px heading: (370 - 60) / 2 = 155 above it.
    expect(revealScrollTop([{ top: 1000, bottom: 1060 }], pane, 30)).toBe(1000 - 30 - 155);
  });

  it("counts a row under the sticky heading as out of view", () => {
    expect(revealScrollTop([{ top: 510, bottom: 560 }], { ...pane, scrollTop: 500 }, 30)).not.toBeNull();
  });

  it("centres a group of rows, and puts the first at the top when they do not all fit", () => {
    expect(revealScrollTop([{ top: 900, bottom: 960 }, { top: 1000, bottom: 1060 }], pane, 30)).toBe(900 - 30 - (370 - 160) / 2);
    expect(revealScrollTop([{ top: 900, bottom: 960 }, { top: 1400, bottom: 1460 }], pane, 30)).toBe(900 - 30 - 8);
  });

  it("stays within the pane's scroll range", () => {
    expect(revealScrollTop([{ top: 40, bottom: 80 }], { ...pane, scrollTop: 600 }, 30)).toBe(0);
    expect(revealScrollTop([{ top: 2350, bottom: 2390 }], pane, 30)).toBe(2000);
  });
});

describe("gauges and labels", () => {
  it("says where saving is", () => {
    expect(saveLabel("saved")).toBe("Saved");
    expect(saveLabel("saving")).toBe("Saving…");
    expect(saveLabel("pending")).toBe("Editing…");
    expect(saveLabel("error")).toBe("Not saved — retrying");
  });

  it("shows coverage as a rounded percentage, full when nothing is required", () => {
    expect(coveragePercent({ required: 3, linked: 1, gaps: [] })).toBe(33);
    expect(coveragePercent({ required: 3, linked: 2, gaps: [] })).toBe(67);
    expect(coveragePercent({ required: 0, linked: 0, gaps: [] })).toBe(100);
  });

  it("bands the readiness score", () => {
    expect(readinessBand(null)).toBe("pending");
    expect(readinessBand(100)).toBe("good");
    expect(readinessBand(85)).toBe("good");
    expect(readinessBand(84)).toBe("fair");
    expect(readinessBand(60)).toBe("fair");
    expect(readinessBand(59)).toBe("poor");
    expect(readinessBand(0)).toBe("poor");
  });

  it("offers the reviewer the ticked items they have not confirmed", () => {
    const report = {
      manual: [
        { id: "a", text: "A", ticked: true, state: "ticked", updatedAt: "" },
        { id: "b", text: "B", ticked: true, state: "confirmed", updatedAt: "" },
        { id: "c", text: "C", ticked: false, state: "open", updatedAt: "" },
      ],
    } as PitchCheckReport;
    expect(unconfirmedItems(report)).toEqual([{ id: "a", text: "A" }]);
    expect(unconfirmedItems(null)).toEqual([]);
  });

  it("takes the glossary term of an acronym finding from its words, without a plural s", () => {
    expect(acronymTerm("SLA")).toBe("SLA");
    expect(acronymTerm("SLAs")).toBe("SLA");
    expect(acronymTerm(" KPIs ")).toBe("KPI");
    expect(acronymTerm("IDs")).toBe("ID");
    // A final capital S is the acronym's own.
    expect(acronymTerm("AWS")).toBe("AWS");
    expect(acronymTerm("B2B")).toBe("B2B");
  });

  it("re-renders the toolbar only for a real change", () => {
    const t = { style: "paragraph" as const, bold: false, italic: false, link: false, canUndo: true, canRedo: false };
    expect(sameToolbar(t, { ...t })).toBe(true);
    for (const change of [{ style: "bullet" as const }, { bold: true }, { italic: true }, { link: true }, { canUndo: false }, { canRedo: true }]) {
      expect(sameToolbar(t, { ...t, ...change })).toBe(false);
    }
  });
});

describe("a claim row's summary for screen readers", () => {
  it("says the number, the kind and how the pitch covers it", () => {
    expect(claimSummary(14, "Proof", 2, true, false, 0)).toBe("Claim 14, proof, linked to 2 paragraphs");
    expect(claimSummary(3, "Benefit", 1, true, true, 1)).toBe("Claim 3, benefit, linked to 1 paragraph, changed since it was linked, 1 open comment");
    expect(claimSummary(7, "Benefit", 0, true, false, 0)).toBe("Claim 7, benefit, a gap: not linked, and this collateral type needs it");
    expect(claimSummary(8, "Feature", 0, false, false, 3)).toBe("Claim 8, feature, not linked, 3 open comments");
  });
});
