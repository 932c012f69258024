// The link mark on the selected words: which address it has now, and setting or clearing it
// (for the whole link when the cursor only sits inside one).

import type { Mark } from "prosemirror-model";
import type { EditorState, Transaction } from "prosemirror-state";
import { schema } from "./schema";

/** What the link prompt starts from: the address of the link at the selection, if any, and
 *  whether there is anything to link (words selected, or the cursor inside a link). */
export function linkAtSelection(state: EditorState): { href: string | undefined; canLink: boolean } {
  const { from, to, empty, $from } = state.selection;
  // A cursor is in a link only strictly inside it (links do not grow at their ends); selected
  // words are read themselves, since the marks at their start are those of the character
  // before it, which is not a link when the selection starts at the link's first character.
  const mark = empty ? schema.marks.link.isInSet($from.marks()) : firstLink(state, from, to);
  const href = mark?.attrs.href as string | undefined;
  return { href, canLink: !empty || !!href };
}

/** The first link mark on the text between `from` and `to`. */
function firstLink(state: EditorState, from: number, to: number): Mark | undefined {
  let found: Mark | undefined;
  state.doc.nodesBetween(from, to, (node) => {
    found ??= schema.marks.link.isInSet(node.marks);
    return found === undefined;
  });
  return found;
}

/** Links the selected words to `href`, or the whole link the cursor is in; an empty address
 *  (or the prompt's bare "https://") removes the link. The address is not checked here. */
export function setLinkMark(state: EditorState, href: string): Transaction {
  let start = state.selection.from;
  let end = state.selection.to;
  if (state.selection.empty) {
    // The cursor is inside a link: change the whole link.
    const at = state.selection.$from;
    const parentStart = at.start();
    at.parent.forEach((child, offset) => {
      const a = parentStart + offset;
      if (a <= at.pos && at.pos <= a + child.nodeSize && schema.marks.link.isInSet(child.marks)) {
        start = a;
        end = a + child.nodeSize;
      }
    });
  }
  const tr = state.tr.removeMark(start, end, schema.marks.link);
  if (href && href !== "https://") tr.addMark(start, end, schema.marks.link.create({ href }));
  return tr;
}
