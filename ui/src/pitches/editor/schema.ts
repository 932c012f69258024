// The pitch editor's document: the collateral type's sections, each holding headings,
// paragraphs and flat bullet or numbered lists of styled text. The same shape as the stored
// `DocBlock`s, so loading and saving lose nothing.

import { Schema, type Node as PMNode, type Mark, type MarkSpec, type NodeSpec } from "prosemirror-model";
import type { BlockKind, DocBlock, Run } from "../../lib/bindings";

/** Link targets a reader can follow safely; anything else is dropped on paste. */
export function safeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|tel:)/i.test(href.trim());
}

const keyAttr = { key: { default: null as string | null } };

type NodeName = "doc" | "section" | "paragraph" | "heading" | "bullet_list" | "ordered_list" | "list_item" | "text";
type MarkName = "link" | "strong" | "em";

const nodes: Record<NodeName, NodeSpec> = {
  doc: { content: "section+" },
  // No parse rule: sections are never created from pasted HTML, only from the type.
  section: {
    content: "block+",
    attrs: { id: { default: "" } },
    defining: true,
    isolating: true,
    selectable: false,
    toDOM: (node) => ["section", { "data-section": node.attrs.id as string, class: "pm-section" }, 0],
  },
  paragraph: {
    group: "block",
    content: "text*",
    marks: "_",
    attrs: keyAttr,
    parseDOM: [{ tag: "p" }, { tag: "div", priority: 1 }],
    toDOM: (node) => ["p", { "data-key": node.attrs.key as string }, 0],
  },
  heading: {
    group: "block",
    content: "text*",
    marks: "_",
    attrs: { level: { default: 2 }, ...keyAttr },
    defining: true,
    parseDOM: [
      { tag: "h1", attrs: { level: 2 } },
      { tag: "h2", attrs: { level: 2 } },
      { tag: "h3", attrs: { level: 3 } },
      { tag: "h4", attrs: { level: 3 } },
      { tag: "h5", attrs: { level: 3 } },
      { tag: "h6", attrs: { level: 3 } },
    ],
    toDOM: (node) => [`h${node.attrs.level as number}`, { "data-key": node.attrs.key as string }, 0],
  },
  bullet_list: {
    group: "block",
    content: "list_item+",
    parseDOM: [{ tag: "ul" }],
    toDOM: () => ["ul", 0],
  },
  ordered_list: {
    group: "block",
    content: "list_item+",
    parseDOM: [{ tag: "ol" }],
    toDOM: () => ["ol", 0],
  },
  // One paragraph per item: pitch lists are flat, and each item is a block that can be linked.
  list_item: {
    content: "paragraph",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },
  text: {},
};

const marks: Record<MarkName, MarkSpec> = {
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute("href") ?? "";
          return safeHref(href) ? { href: href.trim() } : false;
        },
      },
    ],
    toDOM: (mark) => ["a", { href: mark.attrs.href as string, title: mark.attrs.href as string, rel: "noopener noreferrer" }, 0],
  },
  strong: {
    parseDOM: [
      { tag: "strong" },
      // Google Docs wraps everything in <b style="font-weight:normal">.
      { tag: "b", getAttrs: (dom) => (dom as HTMLElement).style.fontWeight !== "normal" && null },
      { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null },
    ],
    toDOM: () => ["strong", 0],
  },
  em: {
    parseDOM: [{ tag: "i" }, { tag: "em" }, { style: "font-style=italic" }],
    toDOM: () => ["em", 0],
  },
};

export const schema = new Schema<NodeName, MarkName>({ nodes, marks });

// ---- stored blocks <-> document -----------------------------------------------------------

function runsToInline(runs: Run[]): PMNode[] {
  return runs
    .filter((r) => r.text.length > 0)
    .map((r) => {
      const m: Mark[] = [];
      if (r.link) m.push(schema.marks.link.create({ href: r.link }));
      if (r.bold) m.push(schema.marks.strong.create());
      if (r.italic) m.push(schema.marks.em.create());
      return schema.text(r.text, m);
    });
}

function inlineToRuns(node: PMNode): Run[] {
  const runs: Run[] = [];
  node.forEach((child) => {
    if (!child.isText || !child.text) return;
    const run: Run = { text: child.text };
    for (const m of child.marks) {
      if (m.type === schema.marks.strong) run.bold = true;
      else if (m.type === schema.marks.em) run.italic = true;
      else if (m.type === schema.marks.link) run.link = m.attrs.href as string;
    }
    const last = runs[runs.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.link === run.link) last.text += run.text;
    else runs.push(run);
  });
  return runs;
}

/** The document for a pitch: one section per section id, in order, each never empty. */
export function docFromBlocks(sectionIds: string[], blocks: DocBlock[]): PMNode {
  // A block whose section the type no longer has (the type was updated) is kept, in the last
  // section, rather than dropped with its links.
  const known = new Set(sectionIds);
  const last = sectionIds[sectionIds.length - 1] ?? "";
  const placed = blocks.map((b) => (known.has(b.section) ? b : { ...b, section: last }));
  const sections = sectionIds.map((id) => {
    const children: PMNode[] = [];
    let list: { kind: BlockKind; items: PMNode[] } | null = null;
    const closeList = (): void => {
      if (!list) return;
      const type = list.kind === "numbered" ? schema.nodes.ordered_list : schema.nodes.bullet_list;
      children.push(type.create(null, list.items));
      list = null;
    };
    for (const b of placed.filter((x) => x.section === id)) {
      const inline = runsToInline(b.runs);
      if (b.kind === "bullet" || b.kind === "numbered") {
        if (list && list.kind !== b.kind) closeList();
        list ??= { kind: b.kind, items: [] };
        list.items.push(schema.nodes.list_item.create(null, schema.nodes.paragraph.create({ key: b.key }, inline)));
        continue;
      }
      closeList();
      if (b.kind === "heading") children.push(schema.nodes.heading.create({ key: b.key, level: b.level === 3 ? 3 : 2 }, inline));
      else children.push(schema.nodes.paragraph.create({ key: b.key }, inline));
    }
    closeList();
    if (children.length === 0) children.push(schema.nodes.paragraph.create({ key: null }));
    return schema.nodes.section.create({ id }, children);
  });
  return schema.nodes.doc.create(null, sections);
}

/** The stored form of a document. */
export function blocksFromDoc(doc: PMNode): DocBlock[] {
  const out: DocBlock[] = [];
  doc.forEach((section) => {
    const sectionId = section.attrs.id as string;
    section.forEach((block) => {
      if (block.type === schema.nodes.paragraph || block.type === schema.nodes.heading) {
        const heading = block.type === schema.nodes.heading;
        out.push({
          key: block.attrs.key as string,
          section: sectionId,
          kind: heading ? "heading" : "paragraph",
          level: heading ? (block.attrs.level as number) : 0,
          runs: inlineToRuns(block),
        });
      } else {
        const kind: BlockKind = block.type === schema.nodes.ordered_list ? "numbered" : "bullet";
        block.forEach((item) => {
          const p = item.firstChild;
          if (p) out.push({ key: p.attrs.key as string, section: sectionId, kind, level: 0, runs: inlineToRuns(p) });
        });
      }
    });
  });
  return out;
}

/** Words as the store counts them: tokens with a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

/** Words per section id. */
export function sectionWordCounts(doc: PMNode): Map<string, number> {
  const counts = new Map<string, number>();
  doc.forEach((section) => {
    counts.set(section.attrs.id as string, countWords(section.textBetween(0, section.content.size, " ", " ")));
  });
  return counts;
}

/** A fresh block key: short, random, never reused within a pitch. */
export function newKey(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return "k" + Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("").slice(0, 11);
}
