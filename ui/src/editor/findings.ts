// Check findings in the editor: underlined words, mapped through edits until the next check
// replaces them; selecting a finding's words; applying its suggestion as one undoable step.

import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import type { PitchFinding } from "../lib/bindings";

type FindingsState = { decorations: DecorationSet; active: string | null };
type FindingsMeta = { findings?: PitchFinding[]; texts?: Map<string, string>; active?: string | null };

const findingsKey = new PluginKey<FindingsState>("findings");

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

function build(doc: PMNode, findings: PitchFinding[], texts: Map<string, string>, active: string | null): DecorationSet {
  const blocks = textblocks(doc);
  const decos: Decoration[] = [];
  for (const f of findings) {
    // Whole-block findings (a stale link) are shown by the link chips; dismissed ones not at all.
    if (f.dismissal || !f.blockKey || f.end <= f.start || f.rule === "coverage") continue;
    const block = blocks.get(f.blockKey);
    // A block edited since it was sent is underlined again by the next check, not guessed at.
    if (!block || block.node.textContent !== texts.get(f.blockKey)) continue;
    const from = block.pos + f.start;
    const to = block.pos + f.end;
    const cls = `finding finding-${f.severity}${f.key === active ? " finding-active" : ""}`;
    decos.push(Decoration.inline(from, to, { class: cls, "data-finding": f.key }, { key: f.key, finding: f }));
  }
  return DecorationSet.create(doc, decos);
}

export function findingsPlugin(onClick: (key: string) => void): Plugin<FindingsState> {
  let last: { findings: PitchFinding[]; texts: Map<string, string> } = { findings: [], texts: new Map() };
  return new Plugin<FindingsState>({
    key: findingsKey,
    state: {
      init: (_c, state) => ({ decorations: DecorationSet.create(state.doc, []), active: null }),
      apply(tr, value) {
        const meta = tr.getMeta(findingsKey) as FindingsMeta | undefined;
        if (meta) {
          if (meta.findings && meta.texts) last = { findings: meta.findings, texts: meta.texts };
          const active = meta.active !== undefined ? meta.active : value.active;
          return { decorations: build(tr.doc, last.findings, last.texts, active), active };
        }
        if (!tr.docChanged) return value;
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => findingsKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const found = findingsKey.getState(view.state)?.decorations.find(pos, pos);
        const hit = found?.find((d) => d.from <= pos && pos <= d.to);
        const key = (hit?.spec as { key?: string } | undefined)?.key;
        if (key) onClick(key);
        return false;
      },
    },
  });
}

export function setFindings(view: EditorView, findings: PitchFinding[], texts: Map<string, string>): void {
  view.dispatch(view.state.tr.setMeta(findingsKey, { findings, texts } satisfies FindingsMeta).setMeta("addToHistory", false));
}

export function setActiveFinding(view: EditorView, key: string | null): void {
  view.dispatch(view.state.tr.setMeta(findingsKey, { active: key } satisfies FindingsMeta).setMeta("addToHistory", false));
}

/** The finding's range in the document as it is now, if its words are still there. */
export function findingRange(state: EditorState, key: string): { from: number; to: number } | null {
  const set = findingsKey.getState(state)?.decorations;
  const deco = set?.find(undefined, undefined, (spec) => (spec as { key?: string }).key === key)[0];
  return deco ? { from: deco.from, to: deco.to } : null;
}

/** Replaces the finding's words with its suggestion: one step the writer can undo. */
export function applySuggestion(state: EditorState, key: string, text: string): Transaction | null {
  const range = findingRange(state, key);
  if (!range) return null;
  const tr = text === "" ? state.tr.delete(range.from, range.to) : state.tr.insertText(text, range.from, range.to);
  return tr.scrollIntoView();
}

export function selectFinding(state: EditorState, key: string): Transaction | null {
  const range = findingRange(state, key);
  if (!range) return null;
  return state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView();
}

/** The text of every block by key, as the check will see it. */
export function blockTexts(doc: PMNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, b] of textblocks(doc)) out.set(key, b.node.textContent);
  return out;
}
