// Review comments in the editor: the commented words highlighted (mapped through edits until
// the comments are loaded again), a click on them naming the thread, and the selection turned
// into the anchor of a new comment (block key and UTF-16 offsets, as the workspace keeps them).

import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import type { Comment } from "../lib/bindings";
import { textblocks } from "./findings";

type CommentsState = { decorations: DecorationSet; active: number | null };
type CommentsMeta = { comments?: Comment[]; active?: number | null };

const commentsKey = new PluginKey<CommentsState>("comments");

function build(doc: PMNode, comments: Comment[], active: number | null): DecorationSet {
  const blocks = textblocks(doc);
  const decos: Decoration[] = [];
  for (const c of comments) {
    // Threads only (replies share the anchor); resolved and outdated ones are listed, not marked.
    if (c.parentId !== null || c.resolvedAt !== null || c.outdated || c.target.kind !== "block") continue;
    const block = blocks.get(c.target.key);
    if (!block || c.end > block.node.textContent.length || block.node.textContent.slice(c.start, c.end) !== c.quote) continue;
    const cls = `comment-mark${c.id === active ? " comment-active" : ""}`;
    decos.push(Decoration.inline(block.pos + c.start, block.pos + c.end, { class: cls, "data-comment": String(c.id) }, { comment: c.id }));
  }
  return DecorationSet.create(doc, decos);
}

export function commentsPlugin(onClick: (id: number) => void): Plugin<CommentsState> {
  let last: Comment[] = [];
  return new Plugin<CommentsState>({
    key: commentsKey,
    state: {
      init: (_c, state) => ({ decorations: DecorationSet.create(state.doc, []), active: null }),
      apply(tr, value) {
        const meta = tr.getMeta(commentsKey) as CommentsMeta | undefined;
        if (meta) {
          if (meta.comments) last = meta.comments;
          const active = meta.active !== undefined ? meta.active : value.active;
          return { decorations: build(tr.doc, last, active), active };
        }
        if (!tr.docChanged) return value;
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => commentsKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const found = commentsKey.getState(view.state)?.decorations.find(pos, pos);
        const hit = found?.find((d) => d.from <= pos && pos <= d.to);
        const id = (hit?.spec as { comment?: number } | undefined)?.comment;
        if (id !== undefined) onClick(id);
        return false;
      },
    },
  });
}

export function setComments(view: EditorView, comments: Comment[]): void {
  view.dispatch(view.state.tr.setMeta(commentsKey, { comments } satisfies CommentsMeta).setMeta("addToHistory", false));
}

export function setActiveComment(view: EditorView, id: number | null): void {
  view.dispatch(view.state.tr.setMeta(commentsKey, { active: id } satisfies CommentsMeta).setMeta("addToHistory", false));
}

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
  const set = commentsKey.getState(state)?.decorations;
  const deco = set?.find(undefined, undefined, (spec) => (spec as { comment?: number }).comment === id)[0];
  return deco ? state.tr.setSelection(TextSelection.create(state.doc, deco.from, deco.to)).scrollIntoView() : null;
}
