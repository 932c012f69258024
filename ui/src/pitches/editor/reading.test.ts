import { EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { DocBlock } from "../../lib/bindings";
import { paragraphSelection } from "./reading";
import { docFromBlocks } from "./schema";

// Reading a pitch that cannot be edited, paragraph by paragraph, with ↓ ↑ Home End.

function para(key: string, section: string, text: string): DocBlock {
  return { key, section, kind: "paragraph", level: 0, runs: text ? [{ text }] : [] };
}

const state = EditorState.create({
  doc: docFromBlocks(["problem", "solution"], [para("a", "problem", "Month-end takes nine days."), para("e", "problem", ""), para("b", "solution", "Invoices enter themselves.")]),
});

function read(s: EditorState, step: 1 | -1 | "first" | "last"): [EditorState, string] {
  const sel = paragraphSelection(s, step);
  if (!sel) return [s, ""];
  const next = s.apply(s.tr.setSelection(sel));
  return [next, next.doc.textBetween(sel.from, sel.to)];
}

describe("reading a pitch that cannot be edited", () => {
  it("selects the next and the previous paragraph whole, past empty ones", () => {
    let s = state;
    let text: string;
    [s, text] = read(s, 1);
    expect(text).toBe("Month-end takes nine days.");
    [s, text] = read(s, 1);
    expect(text).toBe("Invoices enter themselves.");
    expect(paragraphSelection(s, 1)).toBeNull();
    [s, text] = read(s, -1);
    expect(text).toBe("Month-end takes nine days.");
    expect(paragraphSelection(s, -1)).toBeNull();
  });

  it("goes to the first and the last paragraph", () => {
    const [, last] = read(state, "last");
    expect(last).toBe("Invoices enter themselves.");
    const [, first] = read(state, "first");
    expect(first).toBe("Month-end takes nine days.");
  });

  it("starts from a caret between paragraphs", () => {
    const atEnd = state.apply(state.tr.setSelection(TextSelection.atEnd(state.doc)));
    expect(read(atEnd, -1)[1]).toBe("Invoices enter themselves.");
  });
});
