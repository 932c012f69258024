// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { isTextEntry, SHORTCUT_GROUPS } from "./shortcuts";

describe("where typing is text", () => {
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    document.body.append(e);
    return e;
  }

  it("is text in fields, text areas, selects and editable content", () => {
    expect(isTextEntry(el("input"))).toBe(true);
    expect(isTextEntry(el("input", { type: "search" }))).toBe(true);
    expect(isTextEntry(el("input", { type: "password" }))).toBe(true);
    expect(isTextEntry(el("textarea"))).toBe(true);
    expect(isTextEntry(el("select"))).toBe(true);
    const editable = el("div", { contenteditable: "true" });
    // jsdom does not derive isContentEditable from the attribute.
    Object.defineProperty(editable, "isContentEditable", { value: true });
    expect(isTextEntry(editable)).toBe(true);
  });

  it("is not text on buttons, checkboxes and the page itself", () => {
    for (const type of ["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]) {
      expect(isTextEntry(el("input", { type })), type).toBe(false);
    }
    expect(isTextEntry(el("button"))).toBe(false);
    expect(isTextEntry(el("div"))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry(window)).toBe(false);
  });
});

describe("the shortcuts overlay", () => {
  it("lists each thing once (its rows are keyed by what they do), each with a way to do it", () => {
    const all = SHORTCUT_GROUPS.flatMap((g) => g.items);
    expect(new Set(all.map((s) => s.does)).size).toBe(all.length);
    for (const s of all) expect(s.combos.length).toBeGreaterThan(0);
  });

  it("has no shortcut of a single character key outside a list or a text (WCAG 2.1.4)", () => {
    const anywhere = SHORTCUT_GROUPS.filter((g) => g.title === "Anywhere").flatMap((g) => g.items.flatMap((s) => s.combos));
    for (const combo of anywhere) expect(combo.length > 1 || /^F\d+$/.test(combo[0]!), combo.join("+")).toBe(true);
  });
});
