import { describe, expect, it } from "vitest";
import { GUIDE_STEPS } from "./guide-steps";
import { GUIDE_KEY, GUIDE_STEP_COUNT, GuidedStart, guideDismissed } from "./guide.svelte";

// The guided start's remembered state: shown on the first pitch opened, gone for good once
// dismissed (in the person's storage), back only when asked for, and only then with the focus.

function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe("the guided start", () => {
  it("shows on the first pitch opened, without asking for the focus", () => {
    const store = memory();
    const g = new GuidedStart(() => store);
    expect(g.open).toBe(false);
    g.pitchOpened();
    expect(g.open).toBe(true);
    expect(g.step).toBe(0);
    expect(g.focusPending).toBe(false);
  });

  it("remembers a dismissal, so no later pitch (nor a new window) shows it again", () => {
    const store = memory();
    const g = new GuidedStart(() => store);
    g.pitchOpened();
    g.next();
    g.dismiss();
    expect(g.open).toBe(false);
    expect(store.items.get(GUIDE_KEY)).toBe("dismissed");
    g.pitchOpened();
    expect(g.open).toBe(false);
    const later = new GuidedStart(() => store);
    later.pitchOpened();
    expect(later.open).toBe(false);
    expect(guideDismissed(store)).toBe(true);
  });

  it("keeps showing on the next pitch while it has not been dismissed", () => {
    const store = memory();
    new GuidedStart(() => store).pitchOpened();
    const next = new GuidedStart(() => store);
    next.pitchOpened();
    expect(next.open).toBe(true);
    expect(guideDismissed(store)).toBe(false);
  });

  it("walks its steps, and Done on the last one dismisses it", () => {
    const store = memory();
    const g = new GuidedStart(() => store);
    g.pitchOpened();
    g.back();
    expect(g.step).toBe(0);
    for (let i = 1; i < GUIDE_STEP_COUNT; i++) g.next();
    expect(g.step).toBe(GUIDE_STEP_COUNT - 1);
    expect(g.open).toBe(true);
    g.back();
    expect(g.step).toBe(GUIDE_STEP_COUNT - 2);
    g.next();
    g.next();
    expect(g.open).toBe(false);
    expect(guideDismissed(store)).toBe(true);
  });

  it("comes back from its first step when asked for after a dismissal, and then takes the focus", () => {
    const store = memory({ [GUIDE_KEY]: "dismissed" });
    const g = new GuidedStart(() => store);
    g.pitchOpened();
    expect(g.open).toBe(false);
    g.reopen();
    expect(g.open).toBe(true);
    expect(g.step).toBe(0);
    expect(g.focusPending).toBe(true);
    // Closed again, it stays dismissed.
    g.dismiss();
    g.pitchOpened();
    expect(g.open).toBe(false);
  });

  it("treats a storage that cannot be read or written as not dismissed, and still closes", () => {
    const broken = {
      getItem: (): string | null => {
        throw new Error("storage is off");
      },
      setItem: (): void => {
        throw new Error("storage is off");
      },
    };
    const g = new GuidedStart(() => broken);
    g.pitchOpened();
    expect(g.open).toBe(true);
    g.dismiss();
    expect(g.open).toBe(false);
    expect(guideDismissed(null)).toBe(false);
  });

  it("has a step for each of the four moves, each pointing at its part of the workbench", () => {
    expect(GUIDE_STEPS).toHaveLength(GUIDE_STEP_COUNT);
    expect(GUIDE_STEPS.map((s) => s.area)).toEqual(["claims", "editor", "link", "checks"]);
    expect(GUIDE_STEPS[2]?.body).toContain("Ctrl+L");
  });
});
