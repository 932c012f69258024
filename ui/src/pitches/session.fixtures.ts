// A pitch as the session's tests load it: its blocks, links, editor view, review and check
// report, and a session with them set by hand (not connected), for the parts' actions on their
// own. The test file mocks api.ts first (see fake-api.ts).

import { vi } from "vitest";
import * as api from "../lib/api";
import type { DocBlock, LinkView, PitchCheckReport, PitchEditorView, PitchLinks, ReviewState } from "../lib/bindings";
import { ui } from "../lib/ui.svelte";
import { PitchSession } from "./session.svelte";

export const mocked = <T extends (...args: never[]) => unknown>(f: T) => vi.mocked(f);

export const BLOCKS: DocBlock[] = [
  { key: "p", section: "problem", kind: "paragraph", level: 0, runs: [{ text: "Month-end stops being a fire drill." }] },
  { key: "q", section: "solution", kind: "paragraph", level: 0, runs: [{ text: "Close the books sooner." }] },
];

export function link(blockKey: string, claimId: number, state: LinkView["state"] = "current"): LinkView {
  return { blockKey, claimId, state, oldText: "", diff: [] };
}

export const LINKS: PitchLinks = { links: [link("p", 11), link("p", 12, "changed"), link("p", 13, "removed"), link("q", 11)], coverage: { required: 2, linked: 1, gaps: [14] } };

// The fixtures are cast: they hold what the screen reads, whatever else the types grow.
export function view(over: Partial<PitchEditorView> = {}): PitchEditorView {
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

export function review(over: Partial<ReviewState> = {}): ReviewState {
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

export const REPORT = {
  pitchId: 2,
  findings: [{ key: "f1", rule: "jargon", severity: "error", blockKey: "p", start: 24, end: 34, quote: "fire drill", message: "Avoid", suggestion: "scramble", claimId: null, dismissal: null }],
  rules: [],
  manual: [],
  readiness: { score: 70, reasons: [] },
} as PitchCheckReport;

/** Before each test: a workspace answering with the pitch, no dialog, no error. */
export function resetWorkspace(): void {
  localStorage.clear();
  vi.clearAllMocks();
  mocked(api.savePitchDoc).mockResolvedValue({ changed: true, links: null });
  mocked(api.checkPitch).mockResolvedValue(REPORT);
  mocked(api.getPitchEditor).mockResolvedValue(view());
  mocked(api.reviewState).mockResolvedValue(review());
  ui.dialog = null;
  ui.error = null;
  ui.workspace = { path: "/home/w/Workspace.pitchbridge", name: "Workspace", readOnly: false, reviewCopy: false };
}

/** A session whose pitch has been loaded, not connected: its actions on their own. */
export function loaded(over: { review?: Partial<ReviewState> } = {}): PitchSession {
  const s = new PitchSession(2, undefined);
  s.view = view();
  s.links = LINKS;
  s.review = review(over.review);
  return s;
}
