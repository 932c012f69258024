import { splitBlock } from "prosemirror-commands";
import { EditorState, TextSelection, type Command, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { DocBlock } from "../../lib/bindings";
import { currentBlockStyle, editorPlugins, isMarkActive, isTextEdit, setStyle, toggleList } from "./plugins";
import { blocksFromDoc, docFromBlocks, schema } from "./schema";

// Block keys, the section skeleton and the formatting commands, on an editor state without a
// view (what the keyboard and the toolbar run).

const SECTIONS = ["problem", "solution"];

function para(key: string, section: string, text: string): DocBlock {
  return { key, section, kind: "paragraph", level: 0, runs: text ? [{ text }] : [] };
}

function stateOf(blocks: DocBlock[]): EditorState {
  return EditorState.create({ doc: docFromBlocks(SECTIONS, blocks), plugins: editorPlugins({ editLink: () => {} }) });
}

/** Where block `key`'s text starts. */
function startOf(state: EditorState, key: string): number {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.attrs.key === key) at = pos + 1;
    return at < 0;
  });
  if (at < 0) throw new Error(`no block ${key}`);
  return at;
}

function at(state: EditorState, pos: number, to = pos): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, to)));
}

/** Runs a command the way the view would: appended transactions (new keys) included. */
function run(state: EditorState, command: Command): EditorState {
  let next = state;
  const ok = command(state, (tr: Transaction) => {
    next = state.applyTransaction(tr).state;
  });
  expect(ok).toBe(true);
  return next;
}

function applied(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state;
}

const PROBLEM = para("k-problem", "problem", "Month-end stops being a fire drill.");
const SOLUTION = para("k-solution", "solution", "Close the books sooner.");

describe("block keys", () => {
  it("keeps the key on the text when Enter is pressed at the start of a paragraph", () => {
    let s = stateOf([PROBLEM, SOLUTION]);
    s = at(s, startOf(s, "k-problem"));
    s = run(s, splitBlock);
    const blocks = blocksFromDoc(s.doc).filter((b) => b.section === "problem");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.runs).toEqual([]);
    expect(blocks[0]?.key).not.toBe("k-problem");
    expect(blocks[0]?.key).toMatch(/^k[0-9a-z]{11}$/);
    expect(blocks[1]).toEqual(PROBLEM);
  });

  it("gives the shorter half of a split a new key", () => {
    let s = stateOf([PROBLEM]);
    // "Month-end stops | being a fire drill." — the longer half is after the cut.
    s = at(s, startOf(s, "k-problem") + "Month-end stops ".length);
    s = run(s, splitBlock);
    const [first, second] = blocksFromDoc(s.doc).filter((b) => b.section === "problem");
    expect(first?.runs).toEqual([{ text: "Month-end stops " }]);
    expect(second?.runs).toEqual([{ text: "being a fire drill." }]);
    expect(second?.key).toBe("k-problem");
    expect(first?.key).not.toBe("k-problem");
  });

  it("leaves keys alone while typing inside a block", () => {
    let s = stateOf([PROBLEM, SOLUTION]);
    const tr = s.tr.insertText(" No more fire drill.", startOf(s, "k-problem") + PROBLEM.runs[0]!.text.length);
    expect(isTextEdit(tr)).toBe(true);
    s = applied(s, tr);
    expect(blocksFromDoc(s.doc).map((b) => b.key)).toEqual(["k-problem", "k-solution"]);
  });

  it("gives every block a distinct key after any edit that adds blocks", () => {
    let s = stateOf([PROBLEM, SOLUTION]);
    const copy = s.doc.child(0).child(0); // the "k-problem" paragraph, key and all
    s = applied(s, s.tr.insert(startOf(s, "k-solution") - 1, copy));
    const keys = blocksFromDoc(s.doc).map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === "k-problem")).toHaveLength(1);
  });
});

describe("the sections", () => {
  it("cannot be removed by an edit", () => {
    const s = stateOf([PROBLEM, SOLUTION]);
    const tr = s.tr.delete(0, s.doc.content.size);
    expect(isTextEdit(tr)).toBe(false);
    expect(applied(s, tr).doc.eq(s.doc)).toBe(true);
  });

  it("cannot be merged by deleting across the boundary", () => {
    const s = stateOf([PROBLEM, SOLUTION]);
    const tr = s.tr.delete(startOf(s, "k-problem") + 5, startOf(s, "k-solution") + 5);
    const after = applied(s, tr);
    const ids: string[] = [];
    after.doc.forEach((section) => ids.push(section.attrs.id as string));
    expect(ids).toEqual(SECTIONS);
  });

  it("take any edit inside them", () => {
    const s = stateOf([PROBLEM, SOLUTION]);
    const from = startOf(s, "k-problem");
    const after = applied(s, s.tr.delete(from, from + "Month-end ".length));
    expect(blocksFromDoc(after.doc)[0]?.runs).toEqual([{ text: "stops being a fire drill." }]);
  });
});

describe("formatting commands", () => {
  it("turns a paragraph into a heading and back, keeping its key (and so its links)", () => {
    let s = stateOf([PROBLEM]);
    s = at(s, startOf(s, "k-problem") + 3);
    s = run(s, setStyle("heading-3"));
    expect(currentBlockStyle(s)).toBe("heading-3");
    expect(blocksFromDoc(s.doc)[0]).toMatchObject({ key: "k-problem", kind: "heading", level: 3 });
    s = run(s, setStyle("paragraph"));
    expect(blocksFromDoc(s.doc)[0]).toEqual(PROBLEM);
  });

  it("makes a bulleted list, switches it to numbered, and takes it back out, keeping the key", () => {
    let s = stateOf([PROBLEM]);
    s = at(s, startOf(s, "k-problem"));
    s = run(s, toggleList(schema.nodes.bullet_list));
    expect(currentBlockStyle(s)).toBe("bullet");
    expect(blocksFromDoc(s.doc)[0]).toMatchObject({ key: "k-problem", kind: "bullet" });
    s = run(s, toggleList(schema.nodes.ordered_list));
    expect(currentBlockStyle(s)).toBe("numbered");
    expect(blocksFromDoc(s.doc)[0]).toMatchObject({ key: "k-problem", kind: "numbered" });
    s = run(s, toggleList(schema.nodes.ordered_list));
    expect(currentBlockStyle(s)).toBe("paragraph");
    expect(blocksFromDoc(s.doc)[0]).toEqual(PROBLEM);
  });

  it("takes a list item out of its list before making it a heading", () => {
    let s = stateOf([{ ...PROBLEM, kind: "bullet" }]);
    s = at(s, startOf(s, "k-problem"));
    s = run(s, setStyle("heading-2"));
    expect(currentBlockStyle(s)).toBe("paragraph");
    expect(blocksFromDoc(s.doc)[0]).toEqual(PROBLEM);
  });

  it("knows which marks the selection has", () => {
    let s = stateOf([{ ...PROBLEM, runs: [{ text: "Month-end ", bold: true }, { text: "stops", italic: true, link: "https://example.com/x" }] }]);
    const start = startOf(s, "k-problem");
    s = at(s, start + 2, start + 6);
    expect(isMarkActive(s, "strong")).toBe(true);
    expect(isMarkActive(s, "em")).toBe(false);
    s = at(s, start + 11, start + 13);
    expect(isMarkActive(s, "em")).toBe(true);
    expect(isMarkActive(s, "link")).toBe(true);
    expect(isMarkActive(s, "strong")).toBe(false);
  });
});

describe("what counts as typing", () => {
  it("is text and marks inside one block, not a change of blocks", () => {
    const s = stateOf([PROBLEM, SOLUTION]);
    const from = startOf(s, "k-problem");
    expect(isTextEdit(s.tr.insertText("x", from))).toBe(true);
    expect(isTextEdit(s.tr.addMark(from, from + 5, schema.marks.strong.create()))).toBe(true);
    expect(isTextEdit(s.tr.delete(from, from + 5))).toBe(true);
    expect(isTextEdit(s.tr.split(from + 5))).toBe(false);
    expect(isTextEdit(s.tr.setNodeMarkup(from - 1, schema.nodes.heading, { level: 2, key: "k-problem" }))).toBe(false);
  });
});
