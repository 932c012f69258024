// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { PitchCheckReport } from "../lib/bindings";
import ReadinessScore from "./ReadinessScore.svelte";

// A screen reader hears that the checks run, and then what they found, from a polite live region.

const report = { manual: [], readiness: { score: 72, reasons: [] } } as unknown as PitchCheckReport;
let shown: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = "";
});

function show(props: { report: PitchCheckReport | null; checking: boolean; passing: number; enabled: number }): HTMLElement {
  const target = document.createElement("div");
  document.body.append(target);
  shown = mount(ReadinessScore, { target, props });
  flushSync();
  return document.querySelector<HTMLElement>("[data-testid=checks-announcement]")!;
}

describe("the checks' live region", () => {
  it("says a check is running, then its result", () => {
    const live = show({ report: null, checking: true, passing: 0, enabled: 0 });
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe("Checking…");
    unmount(shown!);
    const done = show({ report, checking: false, passing: 9, enabled: 11 });
    expect(done.textContent).toBe("Checks done: 9 of 11 pass; readiness 72 out of 100.");
  });
});
