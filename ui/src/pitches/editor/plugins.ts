// The editor's behaviour beyond typing: block keys, protected sections, link decorations,
// safe pasting, and the keyboard.

import { baseKeymap, toggleMark } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { InputRule, inputRules, wrappingInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import type { Node as PMNode, NodeType } from "prosemirror-model";
import { liftListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { EditorState, Plugin, PluginKey, Selection, type Command, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { dropCursor } from "prosemirror-dropcursor";
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from "prosemirror-transform";
import { newKey, schema } from "./schema";

// ---- block keys ---------------------------------------------------------------------------

/** Every paragraph and heading gets a key, and keeps it; a split or a paste that copies a
 *  key gives the later copy a new one, so links stay on the block they were made on. */
export const blockKeys = new Plugin({
  appendTransaction(trs, _old, state) {
    // Typing within a block neither adds blocks nor copies keys.
    if (!trs.some((t) => t.docChanged && !isTextEdit(t))) return null;
    return assignKeys(state);
  },
});

export function assignKeys(state: EditorState): Transaction | null {
  // Where a key appears twice (a split, a paste), the copy with more text keeps it: pressing
  // Enter at the start of a linked paragraph must not move its links to the empty line.
  const byKey = new Map<string, { pos: number; size: number }[]>();
  const missing: number[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const key = node.attrs.key as string | null;
    if (!key) missing.push(pos);
    else byKey.set(key, [...(byKey.get(key) ?? []), { pos, size: node.content.size }]);
    return false;
  });
  const renew = [...missing];
  for (const copies of byKey.values()) {
    if (copies.length < 2) continue;
    let keeper = copies[0]!;
    for (const c of copies) if (c.size > keeper.size) keeper = c;
    for (const c of copies) if (c !== keeper) renew.push(c.pos);
  }
  if (renew.length === 0) return null;
  const tr = state.tr;
  for (const pos of renew) {
    const node = tr.doc.nodeAt(pos);
    if (node) tr.setNodeMarkup(pos, undefined, { ...node.attrs, key: newKey() });
  }
  // Part of the edit's history: undoing a split undoes the new key with it, so the joined
  // block keeps the key its links hang off.
  return tr;
}

// ---- sections -----------------------------------------------------------------------------

function sectionIds(doc: PMNode): string {
  const ids: string[] = [];
  doc.forEach((s) => ids.push(s.attrs.id as string));
  return ids.join("\u0000");
}

/** The collateral type's sections are the skeleton: no edit may add, drop or reorder them. */
export const sectionGuard = new Plugin({
  filterTransaction(tr) {
    return !tr.docChanged || isTextEdit(tr) || sectionIds(tr.before) === sectionIds(tr.doc);
  },
});

// ---- links --------------------------------------------------------------------------------

export type BlockLinkMark = { claimId: number; number: number; stale: boolean };

export type LinkDecorationState = {
  /** Per block key, the claims it translates. */
  links: Map<string, BlockLinkMark[]>;
  /** Block keys to highlight (partners of a hovered claim). */
  highlight: Set<string>;
  decorations: DecorationSet;
};

export const linkKey = new PluginKey<LinkDecorationState>("links");

type LinkMeta = { links?: Map<string, BlockLinkMark[]>; highlight?: Set<string> };

function chips(marks: BlockLinkMark[]): HTMLElement {
  const el = document.createElement("span");
  el.className = "block-links";
  el.contentEditable = "false";
  // One name for the group, read where the paragraph starts; the numbers alone would be read
  // as part of the text.
  el.setAttribute("role", "note");
  el.setAttribute("aria-label", `Translates claim ${marks.map((m) => (m.stale ? `${m.number} (changed since it was linked)` : m.number)).join(", ")}`);
  for (const m of marks) {
    const chip = document.createElement("span");
    chip.setAttribute("aria-hidden", "true");
    chip.className = m.stale ? "block-link is-stale" : "block-link";
    chip.textContent = String(m.number);
    chip.dataset.claimId = String(m.claimId);
    chip.title = m.stale ? `Claim ${m.number} changed since this was linked` : `Translates claim ${m.number}`;
    el.append(chip);
  }
  return el;
}

function buildDecorations(doc: PMNode, links: Map<string, BlockLinkMark[]>, highlight: Set<string>): DecorationSet {
  const decos: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const key = node.attrs.key as string | null;
    if (!key) return false;
    const marks = links.get(key);
    const classes: string[] = [];
    if (marks?.length) {
      classes.push("is-linked");
      if (marks.some((m) => m.stale)) classes.push("is-stale");
      const sig = marks.map((m) => `${m.claimId}${m.stale ? "s" : ""}`).join(",");
      decos.push(Decoration.widget(pos + 1, () => chips(marks), { side: -1, key: `links-${key}-${sig}`, ignoreSelection: true }));
    }
    if (highlight.has(key)) classes.push("is-partner");
    if (classes.length) decos.push(Decoration.node(pos, pos + node.nodeSize, { class: classes.join(" ") }));
    return false;
  });
  return DecorationSet.create(doc, decos);
}

/** Whether every step of `tr` only changes text (or marks) inside one block. */
export function isTextEdit(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
    if (!(step instanceof ReplaceStep)) return false;
    if (step.slice.openStart > 0 || step.slice.openEnd > 0) return false;
    let inline = true;
    step.slice.content.forEach((n) => {
      if (!n.isInline) inline = false;
    });
    if (!inline) return false;
    const doc = tr.docs[i];
    if (!doc) return false;
    const $from = doc.resolve(step.from);
    const $to = doc.resolve(step.to);
    return $from.parent === $to.parent && $from.parent.isTextblock;
  });
}

export const linkDecorations = new Plugin<LinkDecorationState>({
  key: linkKey,
  state: {
    init: (_config, state) => ({ links: new Map(), highlight: new Set(), decorations: DecorationSet.create(state.doc, []) }),
    apply(tr, value) {
      const meta = tr.getMeta(linkKey) as LinkMeta | undefined;
      if (!meta && !tr.docChanged) return value;
      // Typing inside a block moves decorations but changes none: map them, which is much
      // cheaper per keystroke than building them again.
      if (!meta && isTextEdit(tr)) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
      const links = meta?.links ?? value.links;
      const highlight = meta?.highlight ?? value.highlight;
      return { links, highlight, decorations: buildDecorations(tr.doc, links, highlight) };
    },
  },
  props: {
    decorations: (state) => linkKey.getState(state)?.decorations,
  },
});

export function setLinks(view: EditorView, links: Map<string, BlockLinkMark[]>): void {
  view.dispatch(view.state.tr.setMeta(linkKey, { links } satisfies LinkMeta).setMeta("addToHistory", false));
}

export function setHighlight(view: EditorView, highlight: Set<string>): void {
  view.dispatch(view.state.tr.setMeta(linkKey, { highlight } satisfies LinkMeta).setMeta("addToHistory", false));
}

// ---- pasting ------------------------------------------------------------------------------

/** Drops what must never reach the editor's parser (scripts, styles, embedded objects, event
 *  handlers) and turns Word's list paragraphs into real lists. The HTML is read into an inert
 *  document (DOMParser runs no script and loads nothing); then ProseMirror keeps only what the
 *  schema knows, and the CSP blocks scripts anyway: three layers. */
export function cleanPastedHtml(html: string): { html: string; images: number } {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const images = doc.querySelectorAll("img, picture, svg image").length;
  doc
    .querySelectorAll("script, style, link, meta, base, iframe, object, embed, template, noscript, svg, math, img, picture, video, audio, canvas, form, input, button, textarea, select")
    .forEach((e) => e.remove());
  for (const el of Array.from(doc.body.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || attr.name === "srcdoc") el.removeAttribute(attr.name);
    }
  }
  convertWordLists(doc);
  return { html: doc.body.innerHTML, images };
}

/** Word puts list items on the clipboard as paragraphs styled `mso-list`, with the bullet or
 *  number as text in a span marked `mso-list:Ignore`. */
function convertWordLists(doc: Document): void {
  let list: HTMLElement | null = null;
  for (const p of Array.from(doc.body.querySelectorAll("p"))) {
    const style = p.getAttribute("style") ?? "";
    if (!/mso-list\s*:\s*l\d/i.test(style) && !/^MsoListParagraph/i.test(p.className)) continue;
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]');
    const ordered = /^\(?[0-9a-zA-Z]{1,4}[.)]$/.test((marker?.textContent ?? "").replace(/\s+/g, ""));
    marker?.remove();
    const tag = ordered ? "OL" : "UL";
    if (!list || p.previousElementSibling !== list || list.tagName !== tag) {
      list = doc.createElement(tag);
      p.before(list);
    }
    const li = doc.createElement("li");
    li.append(...Array.from(p.childNodes));
    list.append(li);
    p.remove();
  }
}

// ---- commands and keys ----------------------------------------------------------------------

export function isMarkActive(state: EditorState, type: "strong" | "em" | "link"): boolean {
  const mark = schema.marks[type];
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!mark.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, mark);
}

/** What kind of block the cursor is in, for the toolbar. */
export function currentBlockStyle(state: EditorState): "paragraph" | "heading-2" | "heading-3" | "bullet" | "numbered" {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const n = $from.node(d);
    if (n.type === schema.nodes.bullet_list) return "bullet";
    if (n.type === schema.nodes.ordered_list) return "numbered";
  }
  const parent = $from.parent;
  if (parent.type === schema.nodes.heading) return parent.attrs.level === 3 ? "heading-3" : "heading-2";
  return "paragraph";
}

/** Turns the current block(s) into a list of `listType`, or back into paragraphs. */
export function toggleList(listType: NodeType): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    for (let d = $from.depth; d > 0; d--) {
      const n = $from.node(d);
      if (n.type === listType) return liftListItem(schema.nodes.list_item)(state, dispatch);
      if (n.type === schema.nodes.bullet_list || n.type === schema.nodes.ordered_list) {
        if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(d), listType));
        return true;
      }
    }
    return wrapInList(listType)(state, dispatch);
  };
}

/** Paragraph or heading; inside a list, leaves the list first. */
export function setStyle(style: "paragraph" | "heading-2" | "heading-3"): Command {
  return (state, dispatch) => {
    if (currentBlockStyle(state) === "bullet" || currentBlockStyle(state) === "numbered") {
      if (!liftListItem(schema.nodes.list_item)(state, dispatch)) return false;
      return true;
    }
    if (style === "paragraph") return setTextblock(schema.nodes.paragraph, {})(state, dispatch);
    return setTextblock(schema.nodes.heading, { level: style === "heading-3" ? 3 : 2 })(state, dispatch);
  };
}

/** Like setBlockType, but the blocks keep their keys (and so their links). */
function setTextblock(type: NodeType, attrs: Record<string, unknown>): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    let applies = false;
    state.doc.nodesBetween(from, to, (node, pos, parent) => {
      if (!node.isTextblock) return true;
      // A list item holds a paragraph only: a heading cannot go there.
      if (parent?.type === schema.nodes.list_item && type !== schema.nodes.paragraph) return false;
      const same = node.type === type && (attrs.level === undefined || node.attrs.level === attrs.level);
      if (!same) {
        applies = true;
        tr.setNodeMarkup(pos, type, { ...attrs, key: node.attrs.key as string | null });
      }
      return false;
    });
    if (applies && dispatch) dispatch(tr.scrollIntoView());
    return applies;
  };
}

/** Backspace at the very start of a list item takes it out of the list. */
const liftAtListStart: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset > 0 || $from.depth < 2) return false;
  if ($from.node($from.depth - 1).type !== schema.nodes.list_item) return false;
  return liftListItem(schema.nodes.list_item)(state, dispatch);
};

export type EditorActions = {
  /** Ctrl+Shift+K: ask for a link address. */
  editLink: () => void;
};

export function editorPlugins(actions: EditorActions): Plugin[] {
  const mod: Record<string, Command> = {
    "Mod-z": undo,
    "Shift-Mod-z": redo,
    "Mod-y": redo,
    "Mod-b": toggleMark(schema.marks.strong),
    "Mod-i": toggleMark(schema.marks.em),
    "Shift-Mod-k": () => {
      actions.editLink();
      return true;
    },
    "Mod-Alt-0": setStyle("paragraph"),
    "Mod-Alt-2": setStyle("heading-2"),
    "Mod-Alt-3": setStyle("heading-3"),
    "Shift-Mod-8": toggleList(schema.nodes.bullet_list),
    "Shift-Mod-7": toggleList(schema.nodes.ordered_list),
    Enter: splitListItem(schema.nodes.list_item),
    Backspace: liftAtListStart,
    // The start and the end of the whole text, whatever the platform's own bindings do.
    "Mod-Home": (state, dispatch) => {
      dispatch?.(state.tr.setSelection(Selection.atStart(state.doc)).scrollIntoView());
      return true;
    },
    "Mod-End": (state, dispatch) => {
      dispatch?.(state.tr.setSelection(Selection.atEnd(state.doc)).scrollIntoView());
      return true;
    },
    // Pitch lists are flat, so Tab has nothing to indent: it is left to the browser, which moves
    // the focus on (Shift+Tab back), so the keyboard never gets stuck in the text.
  };
  const rules = inputRules({
    rules: [
      wrappingInputRule(/^\s*([-+*•])\s$/, schema.nodes.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, schema.nodes.ordered_list),
      // "## " / "### " make a heading; the block keeps its key (and so its links).
      new InputRule(/^(#{2,3})\s$/, (state, match, start, end) => {
        const $start = state.doc.resolve(start);
        const block = $start.parent;
        if (block.type !== schema.nodes.paragraph || $start.node(-1).type === schema.nodes.list_item) return null;
        return state.tr
          .delete(start, end)
          .setNodeMarkup($start.before(), schema.nodes.heading, { level: (match[1] ?? "").length, key: block.attrs.key as string | null });
      }),
      new InputRule(/--$/, "—"),
    ],
  });
  return [rules, keymap(mod), keymap(baseKeymap), history({ newGroupDelay: 600 }), dropCursor(), blockKeys, sectionGuard, linkDecorations];
}
