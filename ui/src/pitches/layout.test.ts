// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { PaneLayout } from "./layout.svelte";

// The workbench's layout: the claims pane's width and whether the checklist is open, both
// remembered, and the splitter dragged or stepped.

beforeEach(() => localStorage.clear());

function layout(workbenchWidth = 1200) {
  const workbench = { clientWidth: workbenchWidth } as HTMLElement;
  const l = new PaneLayout({ workbench });
  l.workbenchWidth = workbenchWidth;
  return l;
}

describe("the layout", () => {
  it("remembers whether the checklist is open and how wide the claims pane is", () => {
    localStorage.setItem("pitchbridge.checksOpen", "0");
    localStorage.setItem("pitchbridge.claimsWidth", "420");
    const l = layout();
    expect(l.checksOpen).toBe(false);
    expect(l.checksWidth).toBe(44);
    expect(l.claimsWidth).toBe(420);
    l.toggleChecks();
    expect(l.checksOpen).toBe(true);
    expect(l.checksWidth).toBe(280);
    expect(localStorage.getItem("pitchbridge.checksOpen")).toBe("1");
    // A narrow window squeezes the pane; the chosen width is kept for a wider one.
    l.workbenchWidth = 1020;
    expect(l.claimsWidth).toBe(243);
    expect(l.leftWidth).toBe(420);
    // The checklist collapsed to its rail gives the claims their room back.
    l.toggleChecks();
    expect(l.claimsWidth).toBe(420);
  });

  it("suits the claims pane to the window until the writer chooses a width", () => {
    const l = layout(1660);
    expect(l.leftWidth).toBeNull();
    expect(l.claimsWidth).toBe(380);
    expect(l.checksWidth).toBe(304);
    l.workbenchWidth = 1020;
    expect(l.claimsWidth).toBe(243);
    expect(l.checksWidth).toBe(248);
    expect(localStorage.getItem("pitchbridge.claimsWidth")).toBeNull();
  });

  it("opens the checklist for a clicked finding or comment, and leaves it open", () => {
    localStorage.setItem("pitchbridge.checksOpen", "0");
    const l = layout();
    l.showChecks();
    expect(l.checksOpen).toBe(true);
    l.showChecks();
    expect(l.checksOpen).toBe(true);
  });

  it("steps the splitter with the arrow keys and keeps the width", () => {
    localStorage.setItem("pitchbridge.claimsWidth", "360");
    const l = layout();
    const press = (k: string, shiftKey = false) => {
      const e = new KeyboardEvent("keydown", { key: k, shiftKey, cancelable: true });
      l.resizeKey(e);
      return e;
    };
    expect(press("ArrowRight").defaultPrevented).toBe(true);
    expect(l.leftWidth).toBe(376);
    press("ArrowLeft", true);
    expect(l.leftWidth).toBe(312);
    expect(localStorage.getItem("pitchbridge.claimsWidth")).toBe("312");
    for (let i = 0; i < 10; i++) press("ArrowLeft", true);
    expect(l.leftWidth).toBe(232);
    // As wide as leaves the text 520 px beside the checklist: 1200 - 9 - 520 - 280.
    for (let i = 0; i < 20; i++) press("ArrowRight", true);
    expect(l.leftWidth).toBe(391);
    expect(l.claimsWidth).toBe(391);
    expect(press("ArrowUp").defaultPrevented).toBe(false);
  });

  it("drags the splitter within the same bounds, and keeps the width when it is let go", () => {
    const l = layout();
    const handlers = new Map<string, (e: PointerEvent) => void>();
    const splitter = {
      setPointerCapture: () => {},
      addEventListener: (type: string, f: (e: PointerEvent) => void) => handlers.set(type, f),
      removeEventListener: (type: string) => handlers.delete(type),
    };
    // From the width the window suggests (320 at 1200 px).
    l.startResize({ clientX: 500, pointerId: 1, currentTarget: splitter } as unknown as PointerEvent);
    handlers.get("pointermove")?.({ clientX: 560 } as PointerEvent);
    expect(l.leftWidth).toBe(380);
    expect(localStorage.getItem("pitchbridge.claimsWidth")).toBeNull();
    handlers.get("pointermove")?.({ clientX: 100 } as PointerEvent);
    expect(l.leftWidth).toBe(232);
    handlers.get("pointerup")?.({} as PointerEvent);
    expect(localStorage.getItem("pitchbridge.claimsWidth")).toBe("232");
    expect(handlers.size).toBe(0);
  });
});
