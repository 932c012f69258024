import { describe, expect, it } from "vitest";
import type { DocBlock } from "../../lib/bindings";
import { blocksFromDoc, countWords, docFromBlocks, newKey, safeHref, schema, sectionWordCounts } from "./schema";

const SECTIONS = ["hook", "problem", "cta"];

function block(key: string, section: string, kind: DocBlock["kind"], runs: DocBlock["runs"], level = 0): DocBlock {
  return { key, section, kind, level, runs };
}

/** A pitch with every kind of block and every kind of styled run. */
const PITCH: DocBlock[] = [
  block("k01", "hook", "heading", [{ text: "Close the books sooner" }], 2),
  block("k02", "hook", "paragraph", [{ text: "Month-end " }, { text: "stops", bold: true }, { text: " being a " }, { text: "fire drill", italic: true }, { text: "." }]),
  block("k03", "problem", "heading", [{ text: "Why teams switch" }], 3),
  block("k04", "problem", "bullet", [{ text: "Paper invoices pile up" }]),
  block("k05", "problem", "bullet", [{ text: "Late ", bold: true, italic: true }, { text: "supplier payments" }]),
  block("k06", "problem", "numbered", [{ text: "Call Priya" }]),
  block("k07", "problem", "numbered", [{ text: "Send the " }, { text: "brief", italic: true }]),
  block("k08", "problem", "paragraph", [{ text: "" }]),
  block("k09", "cta", "paragraph", [
    { text: "Book a demo", link: "https://example.com/demo" },
    { text: " or " },
    { text: "write", link: "mailto:sales@example.com", bold: true },
  ]),
];

describe("stored blocks and the editor's document", () => {
  it("round-trips every kind of block, key, level and styled run", () => {
    const back = blocksFromDoc(docFromBlocks(SECTIONS, PITCH));
    // An empty run is no text at all: the block comes back with no runs.
    expect(back).toEqual(PITCH.map((b) => (b.key === "k08" ? { ...b, runs: [] } : b)));
  });

  it("is stable: a second round trip changes nothing", () => {
    const once = blocksFromDoc(docFromBlocks(SECTIONS, PITCH));
    expect(blocksFromDoc(docFromBlocks(SECTIONS, once))).toEqual(once);
  });

  it("builds one section per section of the type, in the type's order", () => {
    const doc = docFromBlocks(SECTIONS, PITCH);
    const ids: string[] = [];
    doc.forEach((s) => ids.push(s.attrs.id as string));
    expect(ids).toEqual(SECTIONS);
    expect(doc.check()).toBeUndefined();
  });

  it("groups neighbouring items of one kind into one list, and starts a new list when the kind changes", () => {
    const problem = docFromBlocks(SECTIONS, PITCH).child(1);
    expect(problem.childCount).toBe(4);
    expect(problem.child(0).type).toBe(schema.nodes.heading);
    expect(problem.child(1).type).toBe(schema.nodes.bullet_list);
    expect(problem.child(1).childCount).toBe(2);
    expect(problem.child(2).type).toBe(schema.nodes.ordered_list);
    expect(problem.child(2).childCount).toBe(2);
    expect(problem.child(3).type).toBe(schema.nodes.paragraph);
  });

  it("keeps two lists of the same kind apart when a paragraph stands between them", () => {
    const blocks = [
      block("a", "hook", "bullet", [{ text: "First point" }]),
      block("b", "hook", "paragraph", [{ text: "Then:" }]),
      block("c", "hook", "bullet", [{ text: "Second point" }]),
    ];
    const hook = docFromBlocks(["hook"], blocks).child(0);
    expect([hook.child(0).type, hook.child(1).type, hook.child(2).type]).toEqual([schema.nodes.bullet_list, schema.nodes.paragraph, schema.nodes.bullet_list]);
    expect(blocksFromDoc(docFromBlocks(["hook"], blocks))).toEqual(blocks);
  });

  it("merges neighbouring runs with the same styles and drops empty ones", () => {
    const blocks = [block("a", "hook", "paragraph", [{ text: "Close " }, { text: "" }, { text: "the books", bold: false }, { text: " sooner" }])];
    expect(blocksFromDoc(docFromBlocks(["hook"], blocks))[0]?.runs).toEqual([{ text: "Close the books sooner" }]);
  });

  it("keeps runs whose links differ apart", () => {
    const runs = [
      { text: "one", link: "https://a.example" },
      { text: "two", link: "https://b.example" },
    ];
    expect(blocksFromDoc(docFromBlocks(["hook"], [block("a", "hook", "paragraph", runs)]))[0]?.runs).toEqual(runs);
  });

  it("gives an empty section one empty paragraph, so there is somewhere to type", () => {
    const doc = docFromBlocks(SECTIONS, [block("k1", "hook", "paragraph", [{ text: "Hi" }])]);
    expect(doc.child(2).childCount).toBe(1);
    expect(doc.child(2).child(0).type).toBe(schema.nodes.paragraph);
    expect(doc.child(2).child(0).attrs.key).toBe(null);
    const back = blocksFromDoc(doc);
    expect(back.map((b) => [b.section, b.key])).toEqual([
      ["hook", "k1"],
      ["problem", null],
      ["cta", null],
    ]);
  });

  it("keeps a block whose section the type no longer has, in the last section, rather than dropping it", () => {
    const doc = docFromBlocks(SECTIONS, [block("old", "retired-section", "paragraph", [{ text: "Still here" }])]);
    const back = blocksFromDoc(doc).filter((b) => b.key === "old");
    expect(back).toEqual([block("old", "cta", "paragraph", [{ text: "Still here" }])]);
  });

  it("shows any heading level other than 3 as a level-2 heading", () => {
    const back = blocksFromDoc(docFromBlocks(["hook"], [block("h", "hook", "heading", [{ text: "Title" }], 1)]));
    expect(back[0]).toMatchObject({ kind: "heading", level: 2 });
  });
});

describe("link targets", () => {
  it("allows web, mail and phone addresses", () => {
    for (const href of ["https://example.com/x", "http://example.com", "mailto:priya@ledgerline.example", "tel:+15551234567", "HTTPS://EXAMPLE.COM", "  https://padded.example  "]) {
      expect(safeHref(href), href).toBe(true);
    }
  });

  it("refuses script, data, file and relative addresses", () => {
    for (const href of ["javascript:window.__pwned = 'link'", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "/relative", "example.com", "vbscript:msgbox", ""]) {
      expect(safeHref(href), href).toBe(false);
    }
  });
});

describe("word counts", () => {
  it("counts tokens with a letter or digit, as the store does", () => {
    expect(countWords("Month-end stops being a fire drill.")).toBe(6);
    expect(countWords("  — $19 per technician — ")).toBe(3);
    expect(countWords("請求 見積もり 🚀 👍🏽")).toBe(2);
    expect(countWords("")).toBe(0);
  });

  it("counts words per section, with list items and headings", () => {
    const counts = sectionWordCounts(docFromBlocks(SECTIONS, PITCH));
    expect(counts.get("hook")).toBe(4 + 6);
    expect(counts.get("problem")).toBe(3 + 4 + 3 + 2 + 3);
    expect(counts.get("cta")).toBe(5);
  });
});

describe("block keys", () => {
  it("are short, plain and different every time", () => {
    const keys = new Set(Array.from({ length: 500 }, () => newKey()));
    expect(keys.size).toBe(500);
    for (const k of keys) expect(k).toMatch(/^k[0-9a-z]{11}$/);
  });
});
