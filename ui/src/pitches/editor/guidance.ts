// An empty section shows its guidance (from the collateral type) as placeholder text in its
// first paragraph: a decoration, never in the document, gone with the first letter typed. The
// words are drawn by CSS from an attribute (with empty alternative text, so screen readers do
// not read them as content); screen readers get them as the editor's description while the
// caret is in that paragraph, from a hidden element the section's heading holds.

import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

/** The id of the hidden element that holds a section's guidance. */
export function guidanceId(sectionId: string): string {
  return `pb-guidance-${sectionId}`;
}

function hasText(node: PMNode): boolean {
  if (node.isText) return true;
  for (let i = 0; i < node.childCount; i++) if (hasText(node.child(i))) return true;
  return false;
}

/** Where the placeholders go: the first text block of each section with no text at all and
 *  guidance to give. */
export function placeholderBlocks(doc: PMNode, guidance: ReadonlyMap<string, string>): { pos: number; node: PMNode; section: string }[] {
  const out: { pos: number; node: PMNode; section: string }[] = [];
  doc.forEach((section, offset) => {
    const id = section.attrs.id as string;
    if (!guidance.get(id) || hasText(section)) return;
    let found = false;
    section.descendants((node, pos) => {
      if (found) return false;
      if (!node.isTextblock) return true;
      found = true;
      out.push({ pos: offset + 1 + pos, node, section: id });
      return false;
    });
  });
  return out;
}

export type GuidanceSpec = { section: string };

const guidanceKey = new PluginKey<DecorationSet>("section-guidance");

function build(doc: PMNode, guidance: ReadonlyMap<string, string>): DecorationSet {
  return DecorationSet.create(
    doc,
    placeholderBlocks(doc, guidance).map(({ pos, node, section }) =>
      Decoration.node(pos, pos + node.nodeSize, { class: "is-placeholder", "data-placeholder": guidance.get(section) ?? "" }, { section } satisfies GuidanceSpec),
    ),
  );
}

/** The placeholder decorations of a state (for the tests). */
export function guidanceDecorations(state: EditorState): DecorationSet {
  return guidanceKey.getState(state) ?? DecorationSet.empty;
}

export function sectionGuidance(guidance: ReadonlyMap<string, string>): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: guidanceKey,
    state: {
      init: (_config, state) => build(state.doc, guidance),
      apply: (tr, old) => (tr.docChanged ? build(tr.doc, guidance) : old),
    },
    props: {
      decorations: (state) => guidanceKey.getState(state),
      // While the caret is in a placeholder paragraph, the editor is described by its guidance.
      attributes: (state): Record<string, string> => {
        const { $head } = state.selection;
        const at = $head.depth > 0 ? $head.before($head.depth) : -1;
        const deco = guidanceKey.getState(state)?.find(at, at).find((d) => d.from === at);
        return deco ? { "aria-describedby": guidanceId((deco.spec as GuidanceSpec).section) } : {};
      },
    },
  });
}
