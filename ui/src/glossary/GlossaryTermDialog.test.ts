// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GlossaryTerm } from "../lib/bindings";

// The glossary term dialog: a new term, a new term with its first values filled in (an acronym
// from the checks), and an existing term to edit.

vi.mock("../lib/api", () => ({
  addGlossaryTerm: vi.fn(),
  updateGlossaryTerm: vi.fn(),
  toApiError: (e: unknown) => e,
}));

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { default: GlossaryTermDialog } = await import("./GlossaryTermDialog.svelte");

let shown: ReturnType<typeof mount> | null = null;
beforeEach(() => {
  vi.clearAllMocks();
  ui.error = null;
  ui.workspace = null;
});
afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = "";
  ui.dialog = null;
});

function show(props: Record<string, unknown>): void {
  const target = document.createElement("div");
  document.body.append(target);
  shown = mount(GlossaryTermDialog, { target, props: { term: null, onsaved: vi.fn(), ...props } as never });
  flushSync();
}

const field = (selector: string) => document.querySelector<HTMLInputElement>(selector)!;
const chosenRule = () => document.querySelector<HTMLInputElement>("input[name=rule]:checked")?.value;

const SAVED: GlossaryTerm = { id: 9, term: "SLA", customerPhrasing: "service-level agreement", rule: "explain", note: "" };

describe("a new term filled in", () => {
  it("opens with the term and rule given, ready for the customer's phrasing", () => {
    show({ initial: { term: "SLA", rule: "explain" } });
    expect(document.querySelector("h2")?.textContent).toBe("Add term");
    expect(field("[data-testid=term-input]").value).toBe("SLA");
    expect(chosenRule()).toBe("explain");
    expect(field("[data-testid=phrasing-input]").value).toBe("");
    expect(document.activeElement).toBe(field("[data-testid=phrasing-input]"));
  });

  it("adds the term with what was typed, and hands the saved term on", async () => {
    const onsaved = vi.fn();
    vi.mocked(api.addGlossaryTerm).mockResolvedValue(SAVED);
    ui.dialog = { kind: "glossary-term", term: null, onsaved };
    show({ initial: { term: "SLA", rule: "avoid" }, onsaved });
    expect(chosenRule()).toBe("avoid");
    const phrasing = field("[data-testid=phrasing-input]");
    phrasing.value = "service-level agreement";
    phrasing.dispatchEvent(new Event("input", { bubbles: true }));
    field("input[name=rule][value=explain]").click();
    flushSync();
    document.querySelector<HTMLButtonElement>("[data-testid=term-submit]")!.click();
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledWith(SAVED));
    expect(api.addGlossaryTerm).toHaveBeenCalledWith({ term: "SLA", customerPhrasing: "service-level agreement", rule: "explain", note: "" });
    expect(ui.dialog).toBeNull();
  });
});

describe("a term to edit", () => {
  it("shows the term as it is, whatever first values come with it", () => {
    show({ term: { ...SAVED, rule: "avoid" }, initial: { term: "KPI", rule: "explain" } });
    expect(document.querySelector("h2")?.textContent).toBe("Edit term");
    expect(field("[data-testid=term-input]").value).toBe("SLA");
    expect(field("[data-testid=phrasing-input]").value).toBe("service-level agreement");
    expect(chosenRule()).toBe("avoid");
  });
});

describe("a new term", () => {
  it("starts empty, to explain, with the term field focused", () => {
    show({});
    expect(field("[data-testid=term-input]").value).toBe("");
    expect(chosenRule()).toBe("explain");
    expect(document.activeElement).toBe(field("[data-testid=term-input]"));
  });
});
