import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DocBlock, PitchCheckReport, PitchEditorView, PitchFinding } from "../lib/bindings";
import type { PitchEditorController } from "./editor/controller";

// The pitch's checks on their own: when a check runs, that two never overlap, and that a
// result for an editor that has gone is dropped.

vi.mock("../lib/api", () => ({
  toApiError: (e: unknown) => e,
  checkPitch: vi.fn(),
  restoreFinding: vi.fn(),
  addDictionaryWord: vi.fn(),
  setManualItem: vi.fn(),
  dismissFinding: vi.fn(),
  listLaunches: vi.fn(async () => []),
}));

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { PitchChecks } = await import("./checks.svelte");

type Deferred = { resolve: (r: PitchCheckReport) => void; reject: (e: unknown) => void };
let pending: Deferred[] = [];

function report(score: number): PitchCheckReport {
  return { pitchId: 2, findings: [], rules: [], manual: [], readiness: { score, reasons: [] } };
}

/** A stand-in editor that says what it holds and records the findings it is given. */
function editor(text: string) {
  const blocks: DocBlock[] = [{ key: "p", section: "problem", kind: "paragraph", level: 0, runs: [{ text }] }];
  return {
    text,
    findings: [] as PitchFinding[][],
    blocks: () => blocks,
    blockTexts: () => new Map([["p", text]]),
    setFindings(f: PitchFinding[]) {
      this.findings.push(f);
    },
    applySuggestion: vi.fn(() => false),
    setActiveFinding: vi.fn(),
    selectFinding: vi.fn(() => false),
    focusBlock: vi.fn(),
  };
}

function host(controller: ReturnType<typeof editor> | null) {
  return {
    id: 2,
    view: {} as PitchEditorView,
    controller: controller as unknown as PitchEditorController | null,
    notice: null as string | null,
    linking: { showClaim: vi.fn() },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  vi.clearAllMocks();
  pending = [];
  vi.mocked(api.checkPitch).mockImplementation(() => new Promise((resolve, reject) => pending.push({ resolve, reject })));
  ui.error = null;
  ui.dialog = null;
});

afterEach(() => vi.useRealTimers());

describe("running the checks", () => {
  it("waits 400 ms after the last edit, and starts again at each edit", async () => {
    const h = host(editor("We send the the invoice."));
    const checks = new PitchChecks(h);
    checks.schedule();
    await vi.advanceTimersByTimeAsync(300);
    checks.schedule();
    await vi.advanceTimersByTimeAsync(399);
    expect(api.checkPitch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(api.checkPitch).toHaveBeenCalledWith({ pitchId: 2, blocks: h.controller!.blocks() });
    expect(checks.checking).toBe(true);
  });

  it("can be put off while typing goes on", async () => {
    const checks = new PitchChecks(host(editor("x")));
    checks.schedule();
    checks.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.checkPitch).not.toHaveBeenCalled();
  });

  it("runs one check at a time, and once more straight after if asked while one ran", async () => {
    const ed = editor("We send the the invoice.");
    const checks = new PitchChecks(host(ed));
    checks.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    checks.schedule(0);
    checks.schedule(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.checkPitch).toHaveBeenCalledTimes(1);

    pending.shift()?.resolve(report(50));
    await vi.advanceTimersByTimeAsync(0);
    expect(checks.report?.readiness.score).toBe(50);
    expect(ed.findings).toHaveLength(1);
    expect(api.checkPitch).toHaveBeenCalledTimes(2);
    pending.shift()?.resolve(report(60));
    await vi.advanceTimersByTimeAsync(0);
    expect(checks.report?.readiness.score).toBe(60);
    expect(checks.checking).toBe(false);
    expect(api.checkPitch).toHaveBeenCalledTimes(2);
  });

  it("drops a result for an editor that has been replaced, and shrugs off a failed check", async () => {
    const h = host(editor("before"));
    const checks = new PitchChecks(h);
    checks.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    h.controller = editor("after") as unknown as PitchEditorController;
    pending.shift()?.resolve(report(90));
    await vi.advanceTimersByTimeAsync(0);
    expect(checks.report).toBeNull();

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    checks.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    pending.shift()?.reject({ code: "io", message: "gone" });
    await vi.advanceTimersByTimeAsync(0);
    expect(checks.checking).toBe(false);
    expect(ui.error).toBeNull();
    warn.mockRestore();
  });

  it("runs only with an editor and a pitch", async () => {
    const checks = new PitchChecks(host(null));
    checks.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.checkPitch).not.toHaveBeenCalled();
  });
});

describe("the checklist's buttons", () => {
  it("check again after a word is added to the dictionary, and say so", async () => {
    const h = host(editor("Ledgerline"));
    const checks = new PitchChecks(h);
    vi.mocked(api.addDictionaryWord).mockResolvedValue([]);
    await checks.addWord("Ledgerline");
    expect(api.addDictionaryWord).toHaveBeenCalledWith("Ledgerline");
    expect(h.notice).toBe("“Ledgerline” is in the workspace dictionary now.");
    await vi.advanceTimersByTimeAsync(0);
    expect(api.checkPitch).toHaveBeenCalledOnce();
  });

  it("offer an acronym to the glossary as a term to explain, and check again once it is saved", async () => {
    const h = host(editor("Our SLAs hold."));
    const checks = new PitchChecks(h);
    checks.addTerm("SLAs");
    const dialog = ui.dialog;
    expect(dialog).toMatchObject({ kind: "glossary-term", term: null, initial: { term: "SLA", rule: "explain" } });
    if (dialog?.kind !== "glossary-term") throw new Error("no term dialog");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.checkPitch).not.toHaveBeenCalled();
    // The writer may change the term in the dialog: the notice names what was saved.
    dialog.onsaved({ id: 9, term: "SLA", customerPhrasing: "service-level agreement", rule: "explain", note: "" });
    expect(h.notice).toBe("“SLA” is in the glossary now.");
    await vi.advanceTimersByTimeAsync(0);
    expect(api.checkPitch).toHaveBeenCalledOnce();
  });

  it("show a failed tick and do not check again", async () => {
    const checks = new PitchChecks(host(editor("x")));
    vi.mocked(api.setManualItem).mockRejectedValue({ code: "review-refused", message: "In review." });
    await checks.tick({ id: "cta-owner", text: "", ticked: false, state: "open", updatedAt: "" }, true);
    expect(ui.error?.error).toEqual({ code: "review-refused", message: "In review." });
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.checkPitch).not.toHaveBeenCalled();
  });

  it("restore only a dismissed finding", async () => {
    const checks = new PitchChecks(host(editor("x")));
    const finding = { key: "f", rule: "jargon", severity: "error", blockKey: "p", start: 0, end: 1, quote: "x", message: "", suggestion: null, claimId: null, dismissal: null } as PitchFinding;
    await checks.restore(finding);
    expect(api.restoreFinding).not.toHaveBeenCalled();
    vi.mocked(api.restoreFinding).mockResolvedValue(undefined as never);
    await checks.restore({ ...finding, dismissal: { id: 4, rule: "jargon", blockKey: "p", quote: "x", reason: "", dismissedAt: "" } });
    expect(api.restoreFinding).toHaveBeenCalledWith({ pitchId: 2, dismissalId: 4 });
  });

  it("say when a suggestion's words have changed since the check", () => {
    const h = host(editor("x"));
    const checks = new PitchChecks(h);
    checks.apply({ key: "f" } as PitchFinding, "y");
    expect(h.notice).toBe("Those words have changed since the check; it runs again in a moment.");
  });

  it("show a claim for a finding about a claim, not about words", () => {
    const h = host(editor("x"));
    const checks = new PitchChecks(h);
    checks.select({ key: "cov", blockKey: null, claimId: 14 } as PitchFinding);
    expect(checks.active).toBe("cov");
    expect(h.linking.showClaim).toHaveBeenCalledWith(14);
  });
});
