// @vitest-environment jsdom
import "./jsdom-shims";
import { undo } from "prosemirror-history";
import { TextSelection } from "prosemirror-state";
import { afterEach, describe, expect, it } from "vitest";
import type { Comment, DocBlock, PitchFinding, Section } from "../../lib/bindings";
import { PitchEditorController, type EditorHooks } from "./controller";

// The editor as the pitch screen drives it: link chips, check findings and review comments on
// exact words, mapped through edits, and the selection as a comment anchor.

// (Cast: the tests need only what the editor reads of a section.)
const SECTIONS = [
  { id: "problem", name: "Problem", guidance: "What hurts", required: true, words: { max: 60 } },
  { id: "solution", name: "Solution", guidance: "", required: true, words: {} },
] as Section[];

const TEXT = "We send the the invoice.";
const BLOCKS: DocBlock[] = [
  { key: "k-problem", section: "problem", kind: "paragraph", level: 0, runs: [{ text: TEXT }] },
  { key: "k-solution", section: "solution", kind: "paragraph", level: 0, runs: [{ text: "Close the books sooner." }] },
];

let live: PitchEditorController[] = [];
afterEach(() => {
  for (const c of live) c.destroy();
  live = [];
  document.body.innerHTML = "";
});

function hooks(over: Partial<EditorHooks> = {}): EditorHooks {
  const noop = (): void => {};
  return {
    onDocChange: noop,
    onSelection: noop,
    onHoverBlock: noop,
    onDropClaims: noop,
    onImagesSkipped: noop,
    onLinkChipClick: noop,
    editLink: noop,
    onFindingClick: noop,
    onCommentClick: noop,
    ...over,
  };
}

function editor(over: Partial<EditorHooks> = {}, editable = true, blocks: DocBlock[] = BLOCKS): PitchEditorController {
  const mount = document.createElement("div");
  document.body.append(mount);
  const c = new PitchEditorController(mount, SECTIONS, blocks, editable, hooks(over));
  live.push(c);
  return c;
}

function finding(over: Partial<PitchFinding>): PitchFinding {
  return {
    key: "f1",
    rule: "repeated-word",
    severity: "warning",
    blockKey: "k-problem",
    start: 8,
    end: 15,
    quote: "the the",
    message: "“the” twice in a row",
    suggestion: "the",
    claimId: null,
    dismissal: null,
    ...over,
  };
}

function comment(over: Partial<Comment>): Comment {
  return {
    id: 7,
    parentId: null,
    target: { kind: "block", key: "k-problem" },
    start: 3,
    end: 7,
    quote: "send",
    body: "Lead with what the controller gains.",
    author: "Priya Raman <priya@ledgerline.example>",
    createdAt: "2027-03-02T09:30:00Z",
    resolvedAt: null,
    outdated: false,
    ...over,
  };
}

function textOf(c: PitchEditorController, key: string): string {
  return c.blocks().find((b) => b.key === key)?.runs.map((r) => r.text).join("") ?? "";
}

function selectText(c: PitchEditorController, key: string, start: number, end: number): void {
  const { state } = c.view;
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.attrs.key === key) at = pos + 1;
    return at < 0;
  });
  c.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, at + start, at + end)));
}

describe("the document", () => {
  it("shows each section's name and a place for its word count, and the blocks by key", () => {
    const c = editor();
    const dom = c.view.dom;
    expect(dom.getAttribute("data-testid")).toBe("pitch-editor");
    expect(dom.getAttribute("spellcheck")).toBe("false");
    expect(Array.from(dom.querySelectorAll(".section-name")).map((e) => e.textContent)).toEqual(["Problem", "Solution"]);
    expect(dom.querySelector<HTMLElement>(".section-name")?.title).toBe("What hurts");
    expect(dom.querySelector("[data-words-for=problem]")).not.toBeNull();
    expect(dom.querySelector("section[data-section=problem] p")?.textContent).toBe(TEXT);
    expect(c.blockElement("k-solution")?.textContent).toBe("Close the books sooner.");
    expect(c.blocks()).toEqual(BLOCKS);
  });

  it("tells the screen when the document changes and which block the cursor is in", () => {
    let changes = 0;
    const seen: (string | null)[] = [];
    const c = editor({ onDocChange: () => changes++, onSelection: (key) => seen.push(key) });
    selectText(c, "k-solution", 2, 2);
    expect(seen[seen.length - 1]).toBe("k-solution");
    expect(changes).toBe(0);
    c.view.dispatch(c.view.state.tr.insertText("!"));
    expect(changes).toBe(1);
    expect(c.currentKey()).toBe("k-solution");
  });

  it("opens with nothing to undo, also when an empty section was given its paragraph", () => {
    const c = editor({}, true, [BLOCKS[0]!]);
    expect(c.blocks().map((b) => b.section)).toEqual(["problem", "solution"]);
    expect(c.toolbar().canUndo).toBe(false);
    // The first edit is the first thing undo takes back; the new paragraph keeps its key.
    const key = c.blocks()[1]?.key;
    selectText(c, key!, 0, 0);
    c.view.dispatch(c.view.state.tr.insertText("New"));
    c.run(undo);
    expect(c.toolbar().canUndo).toBe(false);
    expect(c.blocks()[1]).toMatchObject({ key, runs: [] });
  });

  it("is read-only when told so", () => {
    const c = editor({}, false);
    expect(c.view.dom.getAttribute("contenteditable")).toBe("false");
    c.setEditable(true);
    expect(c.view.dom.getAttribute("contenteditable")).toBe("true");
  });
});

describe("a change held back", () => {
  it("is not made while the screen says no, and is made by its retry if the text is as it was", () => {
    let changes = 0;
    const retries: (() => void)[] = [];
    let allow = false;
    const c = editor({ onDocChange: () => changes++, allowEdit: (retry) => (retries.push(retry), allow) });
    selectText(c, "k-solution", 5, 5);
    c.view.dispatch(c.view.state.tr.insertText("x"));
    expect(textOf(c, "k-solution")).toBe("Close the books sooner.");
    expect(changes).toBe(0);
    expect(retries).toHaveLength(1);
    // Selections and decorations are not changes: nothing to ask.
    selectText(c, "k-problem", 0, 2);
    c.setFindings([finding({})], c.blockTexts());
    expect(retries).toHaveLength(1);
    allow = true;
    retries[0]!();
    expect(textOf(c, "k-solution")).toBe("Closex the books sooner.");
    expect(changes).toBe(1);
  });

  it("is dropped when the text changed in between", () => {
    const retries: (() => void)[] = [];
    let allow = false;
    const c = editor({ allowEdit: (retry) => (retries.push(retry), allow) });
    selectText(c, "k-solution", 0, 0);
    c.view.dispatch(c.view.state.tr.insertText("A "));
    allow = true;
    c.view.dispatch(c.view.state.tr.insertText("B "));
    retries[0]!();
    expect(textOf(c, "k-solution")).toBe("B Close the books sooner.");
  });
});

describe("link chips", () => {
  it("numbers the claims a block translates, stale ones marked", () => {
    const c = editor();
    c.setLinks(
      new Map([
        [
          "k-problem",
          [
            { claimId: 11, number: 1, stale: false },
            { claimId: 12, number: 2, stale: true },
          ],
        ],
      ]),
    );
    const chips = c.view.dom.querySelector("section[data-section=problem] .block-links");
    expect(chips?.textContent).toBe("12");
    expect(chips?.getAttribute("aria-label")).toBe("Translates claim 1, 2 (changed since it was linked)");
    expect(chips?.getAttribute("role")).toBe("note");
    expect(Array.from(chips?.querySelectorAll(".block-link.is-stale") ?? []).map((e) => e.textContent)).toEqual(["2"]);
    const block = c.blockElement("k-problem");
    expect(block?.classList.contains("is-linked")).toBe(true);
    expect(block?.classList.contains("is-stale")).toBe(true);
    expect(c.view.dom.querySelector("section[data-section=solution] .block-links")).toBeNull();
    // Chips are decoration, not text.
    expect(textOf(c, "k-problem")).toBe(TEXT);

    c.setLinks(new Map());
    expect(c.view.dom.querySelector(".block-links")).toBeNull();
  });

  it("highlights the blocks a hovered claim feeds", () => {
    const c = editor();
    c.setHighlight(new Set(["k-solution"]));
    expect(c.blockElement("k-solution")?.classList.contains("is-partner")).toBe(true);
    expect(c.blockElement("k-problem")?.classList.contains("is-partner")).toBe(false);
  });
});

describe("check findings", () => {
  it("underlines a finding's words with its severity", () => {
    const c = editor();
    c.setFindings([finding({})], c.blockTexts());
    const marked = c.view.dom.querySelector(".finding");
    expect(marked?.textContent).toBe("the the");
    expect(marked?.classList.contains("finding-warning")).toBe(true);
    c.setFindings([finding({ severity: "error" })], c.blockTexts());
    expect(c.view.dom.querySelector(".finding-error")?.textContent).toBe("the the");
  });

  it("does not guess: a block edited since the check is underlined by the next check only", () => {
    const c = editor();
    const texts = c.blockTexts();
    selectText(c, "k-problem", 0, 0);
    c.view.dispatch(c.view.state.tr.insertText("So "));
    c.setFindings([finding({})], texts);
    expect(c.view.dom.querySelector(".finding")).toBeNull();
  });

  it("leaves dismissed findings and whole-block ones unmarked", () => {
    const c = editor();
    const dismissal = { id: 1, rule: "repeated-word", blockKey: "k-problem", quote: "the the", reason: "Quoted", dismissedAt: "" };
    c.setFindings([finding({ dismissal }), finding({ key: "f2", rule: "coverage" }), finding({ key: "f3", blockKey: null })], c.blockTexts());
    expect(c.view.dom.querySelector(".finding")).toBeNull();
  });

  it("follows its words through typing before them", () => {
    const c = editor();
    c.setFindings([finding({})], c.blockTexts());
    selectText(c, "k-problem", 0, 0);
    c.view.dispatch(c.view.state.tr.insertText("Today "));
    expect(c.view.dom.querySelector(".finding")?.textContent).toBe("the the");
    expect(c.applySuggestion("f1", "the")).toBe(true);
    expect(textOf(c, "k-problem")).toBe("Today We send the invoice.");
  });

  it("applies a suggestion as one step that undo takes back, and deletes for an empty one", () => {
    const c = editor();
    c.setFindings([finding({}), finding({ key: "f2", start: 3, end: 8, quote: "send ", suggestion: "" })], c.blockTexts());
    expect(c.applySuggestion("f1", "the")).toBe(true);
    expect(textOf(c, "k-problem")).toBe("We send the invoice.");
    expect(c.toolbar().canUndo).toBe(true);
    expect(c.applySuggestion("f2", "")).toBe(true);
    expect(textOf(c, "k-problem")).toBe("We the invoice.");
  });

  it("refuses a suggestion whose words are gone, or when the pitch cannot be edited", () => {
    const c = editor();
    c.setFindings([finding({})], c.blockTexts());
    // The words and the spaces around them are deleted: nothing is left to fix.
    selectText(c, "k-problem", 7, 16);
    c.view.dispatch(c.view.state.tr.deleteSelection());
    expect(c.applySuggestion("f1", "the")).toBe(false);
    expect(textOf(c, "k-problem")).toBe("We sendinvoice.");

    const locked = editor({}, false);
    locked.setFindings([finding({})], locked.blockTexts());
    expect(locked.applySuggestion("f1", "the")).toBe(false);
    expect(textOf(locked, "k-problem")).toBe(TEXT);
  });

  it("selects a finding's words and marks it as the active one", () => {
    const c = editor();
    c.setFindings([finding({})], c.blockTexts());
    expect(c.selectFinding("f1")).toBe(true);
    const { from, to } = c.view.state.selection;
    expect(c.view.state.doc.textBetween(from, to)).toBe("the the");
    c.setActiveFinding("f1");
    expect(c.view.dom.querySelector(".finding-active")?.textContent).toBe("the the");
    expect(c.selectFinding("nope")).toBe(false);
  });
});

describe("review comments", () => {
  it("highlights the words of open threads only", () => {
    const c = editor();
    c.setComments([
      comment({}),
      comment({ id: 8, parentId: 7 }),
      comment({ id: 9, start: 20, end: 23, quote: "ice", resolvedAt: "2027-03-03T10:00:00Z" }),
      comment({ id: 10, start: 0, end: 2, quote: "We", outdated: true }),
      comment({ id: 11, target: { kind: "claim", id: 1 }, start: 0, end: 2, quote: "We" }),
      comment({ id: 12, start: 0, end: 2, quote: "Us" }),
    ]);
    const marks = Array.from(c.view.dom.querySelectorAll(".comment-mark"));
    expect(marks.map((m) => [m.textContent, m.getAttribute("data-comment")])).toEqual([["send", "7"]]);
  });

  it("selects a thread's words, and marks the active thread", () => {
    const c = editor();
    c.setComments([comment({})]);
    expect(c.selectComment(7)).toBe(true);
    const { from, to } = c.view.state.selection;
    expect(c.view.state.doc.textBetween(from, to)).toBe("send");
    c.setActiveComment(7);
    expect(c.view.dom.querySelector(".comment-active")?.textContent).toBe("send");
    expect(c.selectComment(99)).toBe(false);
  });

  it("turns selected words into a comment anchor: block key and offsets into its text", () => {
    const c = editor();
    selectText(c, "k-problem", 3, 7);
    expect(c.selectionAnchor()).toEqual({ key: "k-problem", start: 3, end: 7, quote: "send" });
  });

  it("has no anchor for an empty selection, blank words, or words across two blocks", () => {
    const c = editor();
    selectText(c, "k-problem", 3, 3);
    expect(c.selectionAnchor()).toBeNull();
    selectText(c, "k-problem", 2, 3);
    expect(c.selectionAnchor()).toBeNull();
    const { state } = c.view;
    c.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, 4, state.doc.content.size - 4)));
    expect(c.selectionAnchor()).toBeNull();
  });
});

describe("a restored version", () => {
  it("replaces the document and starts the undo history again", () => {
    const c = editor();
    selectText(c, "k-problem", 0, 0);
    c.view.dispatch(c.view.state.tr.insertText("X"));
    expect(c.toolbar().canUndo).toBe(true);
    const restored: DocBlock[] = [
      { key: "k-new", section: "problem", kind: "heading", level: 2, runs: [{ text: "Restored" }] },
      { key: "k-solution", section: "solution", kind: "paragraph", level: 0, runs: [{ text: "As it was." }] },
    ];
    c.replace(restored, hooks());
    expect(c.toolbar().canUndo).toBe(false);
    expect(c.blocks()).toEqual(restored);
  });

  it("gives an empty section a paragraph with a key, so it can be linked at once", () => {
    const c = editor();
    c.replace([BLOCKS[0]!], hooks());
    const solution = c.blocks().filter((b) => b.section === "solution");
    expect(solution).toHaveLength(1);
    expect(solution[0]?.key).toMatch(/^k[0-9a-z]{11}$/);
    expect(c.toolbar().canUndo).toBe(false);
  });
});
