// Check findings in the editor: underlined words, mapped through edits until the next check
// replaces them; selecting a finding's words; applying its suggestion as one undoable step.

import type { Node as PMNode } from "prosemirror-model";
import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, type EditorView } from "prosemirror-view";
import type { PitchFinding } from "../../lib/bindings";
import { highlights, textblocks } from "./highlights";

type Checked = { findings: PitchFinding[]; texts: Map<string, string> };

const marked = highlights<string, Checked>("findings", { findings: [], texts: new Map() }, (doc, { findings, texts }, active) => {
  const blocks = textblocks(doc);
  const decos: Decoration[] = [];
  for (const f of findings) {
    // Whole-block findings (a stale link) are shown by the link chips; dismissed ones not at all.
    if (f.dismissal || !f.blockKey || f.end <= f.start || f.rule === "coverage") continue;
    const block = blocks.get(f.blockKey);
    // A block edited since it was sent is underlined again by the next check, not guessed at.
    if (!block || block.node.textContent !== texts.get(f.blockKey)) continue;
    const cls = `finding finding-${f.severity}${f.key === active ? " finding-active" : ""}`;
    decos.push(Decoration.inline(block.pos + f.start, block.pos + f.end, { class: cls, "data-finding": f.key }, { id: f.key }));
  }
  return decos;
});

export const findingsPlugin = marked.plugin;
export const setActiveFinding = marked.setActive;
/** The finding's range in the document as it is now, if its words are still there. */
export const findingRange = marked.range;

export function setFindings(view: EditorView, findings: PitchFinding[], texts: Map<string, string>): void {
  marked.set(view, { findings, texts });
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
