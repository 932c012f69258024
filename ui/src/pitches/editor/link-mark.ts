// The link mark on the selected words: which address it has now, and setting or clearing it
// (for the whole link when the cursor only sits inside one).

import type { EditorState, Transaction } from "prosemirror-state";
import { schema } from "./schema";

/** What the link prompt starts from: the address of the link at the selection, if any, and
 *  whether there is anything to link (words selected, or the cursor inside a link). */
export function linkAtSelection(state: EditorState): { href: string | undefined; canLink: boolean } {
  const { from, to, empty } = state.selection;
  const href = state.doc.rangeHasMark(from, empty ? to + 1 : to, schema.marks.link)
    ? (state.selection.$from.marks().find((m) => m.type === schema.marks.link)?.attrs.href as string | undefined)
    : undefined;
  return { href, canLink: !empty || !!href };
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
