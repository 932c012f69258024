// Review comments in the editor: the commented words highlighted (mapped through edits until
// the comments are loaded again), a click on them naming the thread, and the selection turned
// into the anchor of a new comment (block key and UTF-16 offsets, as the workspace keeps them).

import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration } from "prosemirror-view";
import type { Comment } from "../../lib/bindings";
import { highlights, textblocks } from "./highlights";

const marked = highlights<number, Comment[]>("comments", [], (doc, comments, active) => {
  const blocks = textblocks(doc);
  const decos: Decoration[] = [];
  for (const c of comments) {
    // Threads only (replies share the anchor); resolved and outdated ones are listed, not marked.
    if (c.parentId !== null || c.resolvedAt !== null || c.outdated || c.target.kind !== "block") continue;
    const block = blocks.get(c.target.key);
    if (!block || c.end > block.node.textContent.length || block.node.textContent.slice(c.start, c.end) !== c.quote) continue;
    const cls = `comment-mark${c.id === active ? " comment-active" : ""}`;
    decos.push(Decoration.inline(block.pos + c.start, block.pos + c.end, { class: cls, "data-comment": String(c.id) }, { id: c.id }));
  }
  return decos;
});

export const commentsPlugin = marked.plugin;
export const setComments = marked.set;
export const setActiveComment = marked.setActive;

/** The selected words as a comment anchor, when the selection sits inside one block. */
export function selectionAnchor(state: EditorState): { key: string; start: number; end: number; quote: string } | null {
  const { from, to, $from, $to } = state.selection;
  if (from === to || !$from.parent.isTextblock || $from.parent !== $to.parent) return null;
  const key = $from.parent.attrs.key as string | null;
  if (!key) return null;
  const start = $from.parentOffset;
  const end = $to.parentOffset;
  const quote = $from.parent.textContent.slice(start, end);
  return quote.trim() === "" ? null : { key, start, end, quote };
}

/** Selects a thread's words; null when they are no longer marked. */
export function selectComment(state: EditorState, id: number): Transaction | null {
  const range = marked.range(state, id);
  return range ? state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView() : null;
}
