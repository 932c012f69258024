import { EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { DocBlock } from "../../lib/bindings";
import { guidanceDecorations, guidanceId, placeholderBlocks, sectionGuidance, type GuidanceSpec } from "./guidance";
import { editorPlugins } from "./plugins";
import { blocksFromDoc, docFromBlocks } from "./schema";

// An empty section's guidance as placeholder text: a decoration on its first paragraph only,
// never in the document, gone with the first letter, and the editor's description (for screen
// readers) while the caret is in that paragraph.

const SECTIONS = ["headline", "problem", "solution", "cta"];
const GUIDANCE = new Map([
  ["headline", "One line that names the customer's outcome."],
  ["problem", "The situation the reader is in today."],
  ["solution", "How the product changes that situation."],
  ["cta", ""],
]);

function block(key: string, section: string, text: string, kind: DocBlock["kind"] = "paragraph"): DocBlock {
  return { key, section, kind, level: kind === "heading" ? 2 : 0, runs: text ? [{ text }] : [] };
}

function stateOf(blocks: DocBlock[]): EditorState {
  return EditorState.create({ doc: docFromBlocks(SECTIONS, blocks), plugins: [...editorPlugins({ editLink: () => {} }), sectionGuidance(GUIDANCE)] });
}

/** The sections with a placeholder, and the key of the block that carries it. */
function placeholders(state: EditorState): [string, string][] {
  return guidanceDecorations(state)
    .find()
    .map((d) => {
      const node = state.doc.nodeAt(d.from);
      return [(d.spec as GuidanceSpec).section, node?.attrs.key as string];
    });
}

function startOf(state: EditorState, key: string): number {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.attrs.key === key) at = pos + 1;
    return at < 0;
  });
  return at;
}

describe("an empty section's guidance", () => {
  it("shows in the first paragraph of each empty section that has guidance, and nowhere else", () => {
    const s = stateOf([block("h1", "headline", ""), block("p1", "problem", "Month-end is a fire drill."), block("s1", "solution", ""), block("s2", "solution", ""), block("c1", "cta", "")]);
    // Problem has words; Solution's second paragraph is not its first; CTA has no guidance.
    expect(placeholders(s)).toEqual([
      ["headline", "h1"],
      ["solution", "s1"],
    ]);
  });

  it("counts words in any paragraph of a section, and puts it in an empty list item too", () => {
    const s = stateOf([block("h1", "headline", ""), block("h2", "headline", "Close sooner"), block("p1", "problem", "", "bullet"), block("s1", "solution", "Ledger sync.")]);
    expect(placeholders(s)).toEqual([["problem", "p1"]]);
  });

  it("goes as soon as the writer types, and comes back when the section is emptied", () => {
    let s = stateOf([block("h1", "headline", ""), block("p1", "problem", "x"), block("s1", "solution", "y")]);
    expect(placeholders(s)).toEqual([["headline", "h1"]]);
    s = s.apply(s.tr.insertText("C", startOf(s, "h1")));
    expect(placeholders(s)).toEqual([]);
    const at = startOf(s, "h1");
    s = s.apply(s.tr.delete(at, at + 1));
    expect(placeholders(s)).toEqual([["headline", "h1"]]);
  });

  it("is never part of the document that is saved", () => {
    const s = stateOf([block("h1", "headline", ""), block("p1", "problem", ""), block("s1", "solution", "")]);
    expect(placeholders(s)).toHaveLength(3);
    expect(blocksFromDoc(s.doc).every((b) => b.runs.length === 0)).toBe(true);
    expect(s.doc.textContent).toBe("");
  });

  it("describes the editor while the caret is in a placeholder paragraph, and only then", () => {
    let s = stateOf([block("h1", "headline", ""), block("p1", "problem", "Month-end.")]);
    const plugin = s.plugins.find((p) => p.props.attributes)!;
    const attributes = (st: EditorState) => (plugin.props.attributes as (st: EditorState) => Record<string, string>).call(plugin, st);
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, startOf(s, "h1"))));
    expect(attributes(s)).toEqual({ "aria-describedby": guidanceId("headline") });
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, startOf(s, "p1") + 3)));
    expect(attributes(s)).toEqual({});
    // The empty paragraph after a placeholder one (same section) is not described.
    let t = stateOf([block("s1", "solution", ""), block("s2", "solution", "")]);
    t = t.apply(t.tr.setSelection(TextSelection.create(t.doc, startOf(t, "s2"))));
    expect(attributes(t)).toEqual({});
  });

  it("finds the places from the document alone (what the decorations are built from)", () => {
    const doc = docFromBlocks(SECTIONS, [block("h1", "headline", "Done"), block("p1", "problem", "")]);
    expect(placeholderBlocks(doc, GUIDANCE).map((p) => [p.section, p.node.attrs.key])).toEqual([
      ["problem", "p1"],
      // Solution has no block stored: the document gives it an empty paragraph, keyless until
      // the editor assigns keys.
      ["solution", null],
    ]);
  });
});
