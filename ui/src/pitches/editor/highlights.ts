// Marked words in the editor, the one mechanism behind check findings and review comments:
// decorations built from what the screen last sent, mapped through edits until it sends again,
// one of them shown as the active one, and a click on marked words naming what they mark.

import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { DecorationSet, type Decoration, type EditorView } from "prosemirror-view";

type HighlightState<Id> = { decorations: DecorationSet; active: Id | null };
type HighlightMeta<Id, Data> = { data?: Data; active?: Id | null };

export type Highlights<Id, Data> = {
  plugin: (onClick: (id: Id) => void) => Plugin<HighlightState<Id>>;
  /** New data to mark (not an edit: it stays out of the undo history). */
  set: (view: EditorView, data: Data) => void;
  setActive: (view: EditorView, id: Id | null) => void;
  /** Where the words marked for `id` are now, if they are still marked. */
  range: (state: EditorState, id: Id) => { from: number; to: number } | null;
};

/** Where each block's text starts, by key, with the text it holds now. */
export function textblocks(doc: PMNode): Map<string, { pos: number; node: PMNode }> {
  const out = new Map<string, { pos: number; node: PMNode }>();
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      const key = node.attrs.key as string | null;
      if (key) out.set(key, { pos: pos + 1, node });
      return false;
    }
    return true;
  });
  return out;
}

/** `build` makes the inline decorations for the data, each with `{ id }` in its spec. */
export function highlights<Id, Data>(
  name: string,
  empty: Data,
  build: (doc: PMNode, data: Data, active: Id | null) => Decoration[],
): Highlights<Id, Data> {
  const key = new PluginKey<HighlightState<Id>>(name);
  const idOf = (spec: unknown): Id | undefined => (spec as { id?: Id } | undefined)?.id;
  const send = (view: EditorView, meta: HighlightMeta<Id, Data>): void => {
    view.dispatch(view.state.tr.setMeta(key, meta).setMeta("addToHistory", false));
  };
  return {
    plugin(onClick) {
      let last = empty;
      return new Plugin<HighlightState<Id>>({
        key,
        state: {
          init: (_c, state) => ({ decorations: DecorationSet.create(state.doc, []), active: null }),
          apply(tr, value) {
            const meta = tr.getMeta(key) as HighlightMeta<Id, Data> | undefined;
            if (meta) {
              if (meta.data !== undefined) last = meta.data;
              const active = meta.active !== undefined ? meta.active : value.active;
              return { decorations: DecorationSet.create(tr.doc, build(tr.doc, last, active)), active };
            }
            if (!tr.docChanged) return value;
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const found = key.getState(view.state)?.decorations.find(pos, pos);
            const id = idOf(found?.find((d) => d.from <= pos && pos <= d.to)?.spec);
            if (id !== undefined) onClick(id);
            return false;
          },
        },
      });
    },
    set: (view, data) => send(view, { data }),
    setActive: (view, id) => send(view, { active: id }),
    range(state, id) {
      const deco = key.getState(state)?.decorations.find(undefined, undefined, (spec) => idOf(spec) === id)[0];
      return deco ? { from: deco.from, to: deco.to } : null;
    },
  };
}
