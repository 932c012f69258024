// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { menuKey } from "./menu";

function menu(): HTMLButtonElement[] {
  document.body.innerHTML = "";
  return ["Word", "PDF", "Both"].map((label) => {
    const b = document.createElement("button");
    b.textContent = label;
    document.body.append(b);
    return b;
  });
}

function press(key: string, items: HTMLElement[], close = vi.fn()): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, cancelable: true });
  menuKey(event, items, close);
  return event;
}

describe("keys in a menu", () => {
  it("move round the items, and to the ends", () => {
    const items = menu();
    items[0]!.focus();
    expect(press("ArrowDown", items).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(items[1]);
    press("ArrowDown", items);
    press("ArrowDown", items);
    expect(document.activeElement).toBe(items[0]);
    press("ArrowUp", items);
    expect(document.activeElement).toBe(items[2]);
    press("Home", items);
    expect(document.activeElement).toBe(items[0]);
    press("End", items);
    expect(document.activeElement).toBe(items[2]);
  });

  it("close it: Escape gives the focus back, Tab lets it go on", () => {
    const items = menu();
    const close = vi.fn();
    expect(press("Escape", items, close).defaultPrevented).toBe(true);
    expect(close).toHaveBeenLastCalledWith(true);
    expect(press("Tab", items, close).defaultPrevented).toBe(false);
    expect(close).toHaveBeenLastCalledWith(false);
    expect(press("a", items, close).defaultPrevented).toBe(false);
    expect(close).toHaveBeenCalledTimes(2);
  });
});
