// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PitchFinding, RuleSummary } from "../lib/bindings";
import RuleFindings from "./RuleFindings.svelte";

// One rule's findings under it in the checklist, and the buttons each finding offers.

function finding(over: Partial<PitchFinding>): PitchFinding {
  return { key: "f1", rule: "acronym", severity: "warning", blockKey: "p", start: 4, end: 8, quote: "SLAs", message: "Spell out “SLA” the first time (“… (SLA)”), or add it to the glossary if this audience knows it.", suggestion: null, claimId: null, dismissal: null, ...over };
}

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = "";
});

function show(findings: PitchFinding[], readOnly = false) {
  const handlers = { onselect: vi.fn(), onapply: vi.fn(), ondismiss: vi.fn(), onrestore: vi.fn(), onaddword: vi.fn(), onaddterm: vi.fn(), onshowclaim: vi.fn() };
  const rule = { rule: findings[0]!.rule, label: "", open: findings.length, dismissed: 0, worst: "warning" } as unknown as RuleSummary;
  const target = document.createElement("div");
  document.body.append(target);
  shown = mount(RuleFindings, { target, props: { rule, findings, active: null, readOnly, suggestions: new Map(), ...handlers } });
  flushSync();
  return { target, handlers };
}

const buttons = (target: HTMLElement): string[] => Array.from(target.querySelectorAll("button"), (b) => b.textContent?.trim() ?? "");

describe("an acronym finding", () => {
  it("offers to add the acronym to the glossary", () => {
    const { target, handlers } = show([finding({})]);
    const add = target.querySelector<HTMLButtonElement>("[data-testid=add-term]");
    expect(add?.textContent).toBe("Add to glossary…");
    add?.click();
    expect(handlers.onaddterm).toHaveBeenCalledWith("SLAs");
    // It is not a spelling slip: no dictionary.
    expect(buttons(target)).not.toContain("Add to dictionary");
  });

  it("does not offer it in a workspace or pitch that cannot be changed", () => {
    const { target } = show([finding({})], true);
    expect(target.querySelector<HTMLButtonElement>("[data-testid=add-term]")?.disabled).toBe(true);
  });
});

describe("other findings", () => {
  it("do not offer the glossary", () => {
    const { target } = show([finding({ rule: "spelling", quote: "Ledgerline" }), finding({ key: "f2", rule: "jargon", quote: "STP" })]);
    expect(target.querySelector("[data-testid=add-term]")).toBeNull();
    expect(buttons(target)).toContain("Add to dictionary");
  });
});
