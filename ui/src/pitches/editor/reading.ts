// Reading a pitch that cannot be edited (in review, approved, a read-only workspace) from the
// keyboard. Without an editable text there is no caret, so ↓ and ↑ select the next or the
// previous paragraph whole: the paragraph the link inspector shows, and the words a comment
// (Ctrl+Alt+M) is made on. Home and End go to the first and the last paragraph.

import type { Node as PMNode } from "prosemirror-model";
import { Plugin, TextSelection, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

/** The text blocks of the document with text in them, as [start, end] of their content. */
function paragraphs(doc: PMNode): [number, number][] {
  const out: [number, number][] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (node.content.size > 0) out.push([pos + 1, pos + 1 + node.content.size]);
    return false;
  });
  return out;
}

/** The selection that reads the paragraph `step` away from the current one (`"first"` and
 *  `"last"` go to the ends), or null when there is none that way. */
export function paragraphSelection(state: EditorState, step: 1 | -1 | "first" | "last"): TextSelection | null {
  const all = paragraphs(state.doc);
  if (all.length === 0) return null;
  const { from } = state.selection;
  let index: number;
  if (step === "first") index = 0;
  else if (step === "last") index = all.length - 1;
  else {
    const current = all.findIndex(([s, e]) => from >= s && from <= e);
    if (current === -1) index = step === 1 ? all.findIndex(([s]) => s > from) : all.map(([s]) => s < from).lastIndexOf(true);
    // From a caret (no paragraph read yet), the paragraph it is in comes first.
    else index = state.selection.empty ? current : current + step;
  }
  const target = all[index];
  if (!target) return null;
  return TextSelection.create(state.doc, target[0], target[1]);
}

/** Shows the selection in the page too: a text that is not editable does not draw one itself. */
function drawSelection(view: EditorView, from: number, to: number): void {
  const a = view.domAtPos(from);
  const b = view.domAtPos(to);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const selection = view.dom.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function readingKeys(): Plugin {
  const steps: Record<string, 1 | -1 | "first" | "last"> = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" };
  return new Plugin({
    props: {
      // A DOM handler: ProseMirror passes keys to handleKeyDown only while the text is editable.
      handleDOMEvents: {
        keydown(view, event) {
          if (view.editable || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return false;
          const step = steps[event.key];
          if (step === undefined) return false;
          event.preventDefault();
          const selection = paragraphSelection(view.state, step);
          if (!selection) return true;
          view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
          drawSelection(view, selection.from, selection.to);
          return true;
        },
      },
    },
  });
}
