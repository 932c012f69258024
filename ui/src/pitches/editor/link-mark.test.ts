import { EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { DocBlock } from "../../lib/bindings";
import { linkAtSelection, setLinkMark } from "./link-mark";
import { blocksFromDoc, docFromBlocks } from "./schema";

const BLOCK: DocBlock = {
  key: "k1",
  section: "cta",
  kind: "paragraph",
  level: 0,
  runs: [{ text: "Book " }, { text: "a demo", link: "https://example.com/demo" }, { text: " today." }],
};

/** The state with the selection from `from` to `to`, as offsets into the block's text. */
function at(from: number, to = from): EditorState {
  const state = EditorState.create({ doc: docFromBlocks(["cta"], [BLOCK]) });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2 + from, 2 + to)));
}

const runsAfter = (state: EditorState, href: string) => blocksFromDoc(state.apply(setLinkMark(state, href)).doc)[0]?.runs;

describe("the link at the selection", () => {
  it("is the address of the link the cursor or the selection is in", () => {
    expect(linkAtSelection(at(7))).toEqual({ href: "https://example.com/demo", canLink: true });
    expect(linkAtSelection(at(6, 10))).toEqual({ href: "https://example.com/demo", canLink: true });
  });

  it("is the link's address when the selected words start at the link's first character", () => {
    expect(linkAtSelection(at(5, 8))).toEqual({ href: "https://example.com/demo", canLink: true });
    expect(linkAtSelection(at(5, 11))).toEqual({ href: "https://example.com/demo", canLink: true });
  });

  it("is nothing to link with the cursor in plain words, and a new link with plain words selected", () => {
    expect(linkAtSelection(at(2))).toEqual({ href: undefined, canLink: false });
    expect(linkAtSelection(at(0, 4))).toEqual({ href: undefined, canLink: true });
    // Plain words that end where the link begins, or begin where it ends.
    expect(linkAtSelection(at(0, 5))).toEqual({ href: undefined, canLink: true });
    expect(linkAtSelection(at(11, 17))).toEqual({ href: undefined, canLink: true });
  });
});

describe("setting the link", () => {
  it("links the selected words", () => {
    expect(runsAfter(at(12, 17), "mailto:sales@example.com")).toEqual([
      { text: "Book " },
      { text: "a demo", link: "https://example.com/demo" },
      { text: " " },
      { text: "today", link: "mailto:sales@example.com" },
      { text: "." },
    ]);
  });

  it("changes the whole link when the cursor only sits inside it", () => {
    expect(runsAfter(at(8), "tel:+15551234")).toEqual([{ text: "Book " }, { text: "a demo", link: "tel:+15551234" }, { text: " today." }]);
  });

  it("removes the link for an empty address or the prompt's bare https://", () => {
    for (const href of ["", "https://"]) {
      expect(runsAfter(at(8), href)).toEqual([{ text: "Book a demo today." }]);
    }
  });
});
