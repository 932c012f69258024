// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LinkView } from "../lib/bindings";
import { ClaimsFollow } from "./follow";

// The claims pane following the caret, on a pane whose layout is given (jsdom lays nothing out):
// 24 rows of 100 px in a 400 px pane under a 30 px sticky heading.

function link(blockKey: string, claimId: number): LinkView {
  return { blockKey, claimId, state: "current", oldText: "", diff: [] };
}

function paneWithRows(count: number, reduceMotion = false) {
  const pane = document.createElement("div");
  const head = document.createElement("div");
  head.className = "section-head";
  Object.defineProperty(head, "offsetHeight", { value: 30 });
  pane.append(head);
  for (let i = 1; i <= count; i++) {
    const row = document.createElement("div");
    row.dataset.claimId = String(i);
    // Where the row is on screen, for the pane's scroll position at the time.
    row.getBoundingClientRect = () => ({ top: (i - 1) * 100 - pane.scrollTop, bottom: i * 100 - pane.scrollTop }) as DOMRect;
    pane.append(row);
  }
  pane.getBoundingClientRect = () => ({ top: 0, bottom: 400, left: 0, right: 300 }) as DOMRect;
  Object.defineProperty(pane, "clientHeight", { value: 400 });
  Object.defineProperty(pane, "scrollHeight", { value: count * 100 });
  const scrollTo = vi.fn((o: ScrollToOptions) => (pane.scrollTop = o.top ?? 0));
  pane.scrollTo = scrollTo as unknown as HTMLElement["scrollTo"];
  window.matchMedia = ((q: string) => ({ matches: reduceMotion && q.includes("reduce") })) as unknown as typeof window.matchMedia;
  return { pane, scrollTo };
}

const links = new Map([
  ["p14", [link("p14", 14)]],
  ["p2", [link("p2", 2)]],
  ["none", []],
]);
const order = Array.from({ length: 24 }, (_, i) => i + 1);

function follower(pane: HTMLElement) {
  return new ClaimsFollow({ claimsScroll: pane, linking: { linksByKey: links, claimOrder: order } });
}

beforeEach(() => {
  vi.stubGlobal("requestAnimationFrame", (f: FrameRequestCallback) => {
    f(0);
    return 1;
  });
  vi.stubGlobal("cancelAnimationFrame", () => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the claims pane following the caret", () => {
  it("scrolls smoothly to the claim of the paragraph the caret moved into", () => {
    const { pane, scrollTo } = paneWithRows(24);
    follower(pane).follow("p14");
    // Row 14 is 1300–1400; centred in the 370 px under the heading: 1300 - 30 - 135.
    expect(scrollTo).toHaveBeenCalledWith({ top: 1135, behavior: "smooth" });
  });

  it("jumps instead when the person asks for less motion", () => {
    const { pane, scrollTo } = paneWithRows(24, true);
    follower(pane).follow("p14");
    expect(scrollTo).toHaveBeenCalledWith({ top: 1135, behavior: "auto" });
  });

  it("does not move for a claim in view, an unlinked paragraph, or no paragraph", () => {
    const { pane, scrollTo } = paneWithRows(24);
    const f = follower(pane);
    f.follow("p2");
    f.follow("none");
    f.follow(null);
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it("leaves the pane alone while the person is scrolling it themselves", () => {
    const { pane, scrollTo } = paneWithRows(24);
    const f = follower(pane);
    const stop = f.watch(pane);
    pane.dispatchEvent(new Event("wheel"));
    f.follow("p14");
    expect(scrollTo).not.toHaveBeenCalled();
    // A moment later the caret leads again.
    vi.spyOn(performance, "now").mockReturnValue(performance.now() + 5000);
    f.follow("p14");
    expect(scrollTo).toHaveBeenCalledTimes(1);
    stop();
  });

  it("counts a press on the pane's scroll bar, not a click on a claim, as the person's scrolling", () => {
    const { pane, scrollTo } = paneWithRows(24);
    const f = follower(pane);
    f.watch(pane);
    pane.querySelector("[data-claim-id='3']")?.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    f.follow("p14");
    expect(scrollTo).toHaveBeenCalledTimes(1);
    pane.scrollTop = 0;
    pane.dispatchEvent(new Event("pointerdown"));
    f.follow("p14");
    expect(scrollTo).toHaveBeenCalledTimes(1);
  });
});
