// The ProseMirror view behind the pitch editor, with the few hooks the screen needs. The
// screen owns the data (links, claims, saving); this owns the document and the keyboard.

import { redo as redoCmd, undo as undoCmd } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import { EditorState, TextSelection, type Command, type Transaction } from "prosemirror-state";
import { EditorView, type NodeView } from "prosemirror-view";
import type { Comment, DocBlock, Section } from "../../lib/bindings";
import { assignKeys, cleanPastedHtml, currentBlockStyle, editorPlugins, isMarkActive, setHighlight, setLinks, type BlockLinkMark } from "./plugins";
import { blocksFromDoc, docFromBlocks, schema } from "./schema";
import { applySuggestion, blockTexts, findingsPlugin, selectFinding, setActiveFinding, setFindings } from "./findings";
import { guidanceId, sectionGuidance } from "./guidance";
import { commentsPlugin, selectComment, selectionAnchor, setActiveComment, setComments } from "./comments";
import type { PitchFinding } from "../../lib/bindings";
import { timed } from "../../lib/perf";
import { readingKeys } from "./reading";

export const CLAIMS_MIME = "application/x-pitchbridge-claims";

export type ToolbarState = {
  style: ReturnType<typeof currentBlockStyle>;
  bold: boolean;
  italic: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
};

export type EditorHooks = {
  /** The document changed (typing, paste, undo…): time to schedule a save. */
  onDocChange: () => void;
  /** The cursor moved into another block (or the toolbar state changed). */
  onSelection: (blockKey: string | null, toolbar: ToolbarState) => void;
  onHoverBlock: (blockKey: string | null) => void;
  onDropClaims: (blockKey: string, claimIds: number[]) => void;
  /** A paste carried images, which pitch text does not hold. */
  onImagesSkipped: (count: number) => void;
  onLinkChipClick: (blockKey: string, claimId: number) => void;
  editLink: () => void;
  /** Underlined words of a check finding were clicked. */
  onFindingClick: (findingKey: string) => void;
  /** Highlighted words of a review comment were clicked. */
  onCommentClick: (commentId: number) => void;
  /**
   * Asked before any change to the document (typing, paste, a drop, the toolbar, a link, a
   * suggestion): false holds the change back, unmade, and `retry` makes it later if the
   * document is still as it was. Every change goes ahead without it.
   */
  allowEdit?: (retry: () => void) => boolean;
};

/** A section of the type: its name and live word count above the text, not editable. */
class SectionView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;

  constructor(node: PMNode, sections: Map<string, Section>) {
    const id = node.attrs.id as string;
    const section = sections.get(id);
    this.dom = document.createElement("section");
    this.dom.className = "pm-section";
    this.dom.dataset.section = id;
    const head = document.createElement("div");
    head.className = "section-head";
    head.contentEditable = "false";
    const name = document.createElement("span");
    name.className = "section-name";
    name.textContent = section?.name ?? id;
    if (section?.guidance) name.title = section.guidance;
    const words = document.createElement("span");
    words.className = "section-words";
    words.dataset.wordsFor = id;
    head.append(name, words);
    if (section?.guidance) {
      // What an empty section's placeholder says, for screen readers (see guidance.ts).
      const guidance = document.createElement("span");
      guidance.id = guidanceId(id);
      guidance.hidden = true;
      guidance.textContent = section.guidance;
      head.append(guidance);
    }
    this.contentDOM = document.createElement("div");
    this.contentDOM.className = "section-body";
    this.dom.append(head, this.contentDOM);
  }

  update(node: PMNode): boolean {
    return node.type === schema.nodes.section && node.attrs.id === this.dom.dataset.section;
  }

  ignoreMutation(m: { target: Node }): boolean {
    return !this.contentDOM.contains(m.target);
  }

  stopEvent(e: Event): boolean {
    return !this.contentDOM.contains(e.target as Node);
  }
}

function blockKeyAt(view: EditorView, pos: number): string | null {
  const $pos = view.state.doc.resolve(Math.max(0, Math.min(pos, view.state.doc.content.size)));
  for (let d = $pos.depth; d >= 0; d--) {
    const n = $pos.node(d);
    if (n.isTextblock) return (n.attrs.key as string | null) ?? null;
  }
  return null;
}

function keyOfElement(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest("[data-key]") : null;
  return el?.getAttribute("data-key") ?? null;
}

export class PitchEditorController {
  readonly view: EditorView;
  private readonly sectionIds: string[];
  private readonly guidance: Map<string, string>;
  private lastKey: string | null = null;
  private editable: boolean;

  constructor(mount: HTMLElement, sections: Section[], blocks: DocBlock[], editable: boolean, hooks: EditorHooks) {
    this.sectionIds = sections.map((s) => s.id);
    this.guidance = new Map(sections.map((s) => [s.id, s.guidance.trim()]));
    this.editable = editable;
    const bySection = new Map(sections.map((s) => [s.id, s]));
    const state = this.freshState(blocks, hooks);
    this.view = new EditorView(mount, {
      state,
      editable: () => this.editable,
      // Focusable even when read-only (a pitch in review), so its text can be scrolled and
      // read from the keyboard.
      attributes: { "data-testid": "pitch-editor", class: "pitch-doc", spellcheck: "false", "aria-label": "Pitch text", tabindex: "0" },
      nodeViews: { section: (node) => new SectionView(node, bySection) },
      transformPastedHTML: (html) => {
        const { html: clean, images } = cleanPastedHtml(html);
        if (images > 0) hooks.onImagesSkipped(images);
        return clean;
      },
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        if (!data) return false;
        const files = Array.from(data.files).filter((f) => f.type.startsWith("image/"));
        const hasText = data.types.includes("text/plain") || data.types.includes("text/html");
        if (files.length > 0 && !hasText) {
          hooks.onImagesSkipped(files.length);
          return true;
        }
        return false;
      },
      handleDOMEvents: {
        mouseover: (_view, event) => {
          hooks.onHoverBlock(keyOfElement(event.target));
          return false;
        },
        mouseleave: () => {
          hooks.onHoverBlock(null);
          return false;
        },
        mousedown: (_view, event) => {
          const chip = event.target instanceof Element ? event.target.closest<HTMLElement>(".block-link") : null;
          const key = keyOfElement(event.target);
          if (chip && key && chip.dataset.claimId) {
            event.preventDefault();
            hooks.onLinkChipClick(key, Number(chip.dataset.claimId));
            return true;
          }
          return false;
        },
        dragover: (_view, event) => {
          if (event.dataTransfer?.types.includes(CLAIMS_MIME)) {
            event.preventDefault();
            event.dataTransfer.dropEffect = "link";
            return true;
          }
          return false;
        },
        drop: (view, event) => {
          const raw = event.dataTransfer?.getData(CLAIMS_MIME);
          if (!raw) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          const key = at ? blockKeyAt(view, at.pos) : null;
          const ids = (JSON.parse(raw) as unknown[]).filter((x): x is number => typeof x === "number");
          if (key && ids.length) hooks.onDropClaims(key, ids);
          return true;
        },
      },
      dispatchTransaction: (tr: Transaction) =>
        timed("pb-dispatch", () => {
          // A held-back change is not applied at all (a typed letter the browser has already
          // drawn is taken out again when the view redraws the unchanged document).
          if (tr.docChanged && hooks.allowEdit && !hooks.allowEdit(() => this.retry(tr))) return;
          const next = timed("pb-apply", () => this.view.state.apply(tr));
          timed("pb-update", () => this.view.updateState(next));
          if (tr.docChanged) hooks.onDocChange();
          const key = blockKeyAt(this.view, next.selection.head);
          if (tr.docChanged || tr.selectionSet || tr.storedMarksSet || key !== this.lastKey) {
            this.lastKey = key;
            hooks.onSelection(key, this.toolbar());
          }
        }),
    });
  }

  /** Makes a held-back change, unless the document has changed since it was made against. */
  private retry(tr: Transaction): void {
    if (this.view.isDestroyed || this.view.state.doc !== tr.before) return;
    this.view.dispatch(tr);
  }

  private freshState(blocks: DocBlock[], hooks: EditorHooks): EditorState {
    let state = EditorState.create({
      doc: docFromBlocks(this.sectionIds, blocks),
      // Spelling is one of the checks (with the glossary as its dictionary), not the browser's.
      plugins: [
        ...editorPlugins({ editLink: () => hooks.editLink() }),
        readingKeys(),
        findingsPlugin((key) => hooks.onFindingClick(key)),
        commentsPlugin((id) => hooks.onCommentClick(id)),
        sectionGuidance(this.guidance),
      ],
    });
    // Empty skeleton paragraphs get their keys before the first edit, outside the history.
    const tr = assignKeys(state);
    if (tr) state = state.apply(tr.setMeta("addToHistory", false));
    return state;
  }

  toolbar(): ToolbarState {
    const s = this.view.state;
    const undoable = (c: Command): boolean => c(s);
    return {
      style: currentBlockStyle(s),
      bold: isMarkActive(s, "strong"),
      italic: isMarkActive(s, "em"),
      link: isMarkActive(s, "link"),
      canUndo: undoable(undoCmd),
      canRedo: undoable(redoCmd),
    };
  }

  blocks(): DocBlock[] {
    return timed("pb-serialise", () => blocksFromDoc(this.view.state.doc));
  }

  doc(): PMNode {
    return this.view.state.doc;
  }

  currentKey(): string | null {
    return blockKeyAt(this.view, this.view.state.selection.head);
  }

  /** Replaces the text of the block with `key` by `text` (plain), keeping the block itself (its
   *  key, so its links, and its kind), as one step Ctrl+Z takes back. False when no such block. */
  replaceBlockText(key: string, text: string): boolean {
    const state = this.view.state;
    let at: { pos: number; size: number } | null = null;
    state.doc.descendants((node, pos) => {
      if (at) return false;
      if (node.isTextblock && node.attrs.key === key) {
        at = { pos, size: node.content.size };
        return false;
      }
      return true;
    });
    if (!at) return false;
    const { pos, size } = at as { pos: number; size: number };
    const tr = state.tr.replaceWith(pos + 1, pos + 1 + size, text ? schema.text(text) : []);
    tr.setSelection(TextSelection.create(tr.doc, pos + 1 + text.length));
    this.view.dispatch(tr.scrollIntoView());
    this.view.focus();
    return true;
  }

  /** The selected text, spaces between blocks. */
  selectedText(): string {
    const { from, to } = this.view.state.selection;
    return this.view.state.doc.textBetween(from, to, " ");
  }

  run(command: Command): boolean {
    const done = command(this.view.state, this.view.dispatch, this.view);
    this.view.focus();
    return done;
  }

  setEditable(editable: boolean): void {
    this.editable = editable;
    this.view.setProps({});
  }

  setLinks(links: Map<string, BlockLinkMark[]>): void {
    setLinks(this.view, links);
  }

  setHighlight(keys: Set<string>): void {
    setHighlight(this.view, keys);
  }

  /** Underlines the findings of a check that saw these block texts. */
  setFindings(findings: PitchFinding[], texts: Map<string, string>): void {
    setFindings(this.view, findings, texts);
  }

  setActiveFinding(key: string | null): void {
    setActiveFinding(this.view, key);
  }

  /** Highlights the words open comment threads are about. */
  setComments(comments: Comment[]): void {
    setComments(this.view, comments);
  }

  setActiveComment(id: number | null): void {
    setActiveComment(this.view, id);
  }

  /** The selection as the anchor of a new comment, when it is words inside one block. */
  selectionAnchor(): { key: string; start: number; end: number; quote: string } | null {
    return selectionAnchor(this.view.state);
  }

  /** Selects a thread's words and brings them into view; false when they are gone. */
  selectComment(id: number): boolean {
    const tr = selectComment(this.view.state, id);
    if (!tr) return false;
    this.view.dispatch(tr);
    return true;
  }

  /** The block texts a check should be told it saw. */
  blockTexts(): Map<string, string> {
    return blockTexts(this.view.state.doc);
  }

  /** Selects a finding's words and brings them into view; false when they are gone. */
  selectFinding(key: string): boolean {
    const tr = selectFinding(this.view.state, key);
    if (!tr) return false;
    this.view.dispatch(tr);
    this.view.focus();
    return true;
  }

  /** Applies a suggestion as one undoable edit; false when the words have changed. */
  applySuggestion(key: string, text: string): boolean {
    if (!this.editable) return false;
    const tr = applySuggestion(this.view.state, key, text);
    if (!tr) return false;
    this.view.dispatch(tr);
    this.view.focus();
    return true;
  }

  /** The element of a block, for scrolling and for drawing connections. */
  blockElement(key: string): HTMLElement | null {
    return this.view.dom.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  }

  /** Puts the cursor at the end of a block and brings it into view. */
  focusBlock(key: string): void {
    let target = -1;
    this.view.state.doc.descendants((node, pos) => {
      if (target >= 0) return false;
      if (node.isTextblock && node.attrs.key === key) target = pos + 1 + node.content.size;
      return !node.isTextblock;
    });
    if (target < 0) return;
    // Focused first, so the move reads as the writer's (the claims pane follows it).
    this.view.focus();
    const tr = this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, target)).scrollIntoView();
    this.view.dispatch(tr);
    this.blockElement(key)?.scrollIntoView({ block: "center" });
  }

  /** A new document (a restored version): the undo history starts again. */
  replace(blocks: DocBlock[], hooks: EditorHooks): void {
    this.view.updateState(this.freshState(blocks, hooks));
  }

  destroy(): void {
    this.view.destroy();
  }
}
