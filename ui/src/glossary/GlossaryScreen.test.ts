// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GlossaryCandidate } from "../lib/bindings";

// The glossary offers the Factory messages' acronyms and capitalised terms while it lacks
// them; adding one opens the term dialog filled in from the candidate.

vi.mock("../lib/api", () => ({
  listGlossary: vi.fn(async () => []),
  listDictionaryWords: vi.fn(async () => []),
  glossaryCandidates: vi.fn(),
  frontendReady: vi.fn(async () => null),
  toApiError: (e: unknown) => e,
}));

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { default: GlossaryScreen } = await import("./GlossaryScreen.svelte");

const CANDIDATES: GlossaryCandidate[] = Array.from({ length: 10 }, (_, i) => ({
  term: i === 0 ? "OEE" : `Term${i}Name`,
  kind: i === 0 ? "acronym" : "term",
  claims: i === 0 ? 3 : 1,
  example: i === 0 ? "Plants see their true overall equipment effectiveness (OEE) in the first week." : `Claim ${i}.`,
  spelledOut: i === 0 ? "overall equipment effectiveness" : null,
}));

let shown: ReturnType<typeof mount> | null = null;

beforeEach(async () => {
  vi.mocked(api.glossaryCandidates).mockResolvedValue(CANDIDATES);
  ui.dialog = null;
  const target = document.createElement("div");
  document.body.append(target);
  shown = mount(GlossaryScreen, { target });
  await vi.waitFor(() => expect(document.querySelector("[data-testid=glossary-candidates]")).not.toBeNull());
  flushSync();
});

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = "";
  ui.dialog = null;
});

describe("candidates from the Factory messages", () => {
  it("show the most used first, a few at a time, with what they stand for", () => {
    const rows = document.querySelectorAll("[data-testid=glossary-candidate]");
    expect(rows).toHaveLength(8);
    expect(rows[0]!.textContent).toContain("OEE");
    expect(rows[0]!.textContent).toContain("in 3 claims");
    expect(rows[0]!.textContent).toContain("overall equipment effectiveness");
    const more = [...document.querySelectorAll("button")].find((b) => b.textContent?.includes("Show all 10"))!;
    more.click();
    flushSync();
    expect(document.querySelectorAll("[data-testid=glossary-candidate]")).toHaveLength(10);
  });

  it("open the term dialog filled in, to be explained in the words the message spells out", () => {
    document.querySelector<HTMLButtonElement>("[data-testid=adopt-candidate]")!.click();
    expect(ui.dialog?.kind).toBe("glossary-term");
    const d = ui.dialog as Extract<typeof ui.dialog, { kind: "glossary-term" }>;
    expect(d.term).toBeNull();
    expect(d.initial).toMatchObject({ term: "OEE", rule: "explain", customerPhrasing: "overall equipment effectiveness" });
    expect(d.initial?.note).toContain("(OEE) in the first week");
  });
});
