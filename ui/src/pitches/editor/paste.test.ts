// @vitest-environment jsdom
import "./jsdom-shims";
import { TextSelection } from "prosemirror-state";
import { afterEach, describe, expect, it } from "vitest";
import type { DocBlock, Section } from "../../lib/bindings";
import { PitchEditorController, type EditorHooks } from "./controller";
import { cleanPastedHtml } from "./plugins";

// Pasting: the HTML is cleaned (cleanPastedHtml), then parsed into the editor's schema, which
// keeps headings, paragraphs, lists, bold, italic and links to web, mail and phone addresses.
// The second half runs the editor's own paste path (EditorView.pasteHTML) and reads back what
// would be stored.

describe("cleaning pasted HTML", () => {
  it("removes scripts, styles and every kind of embedded object", () => {
    const html = `
      <meta charset="utf-8"><base href="https://evil.example/"><link rel="stylesheet" href="x.css">
      <style>p { color: red }</style>
      <p>Before<script>window.__pwned = 'script'</script> after</p>
      <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
      <object data="x.swf"></object><embed src="x.swf">
      <svg><image href="x.png"/><script>window.__pwned = 'svg'</script></svg>
      <math><mi>x</mi></math>
      <img src="x" onerror="window.__pwned = 'img'"><picture><source srcset="a.png"></picture>
      <video src="v.mp4"></video><audio src="a.mp3"></audio><canvas></canvas>
      <template><p>hidden</p></template><noscript><p>no script</p></noscript>
      <form action="/x"><input value="i"><button>b</button><textarea>t</textarea><select><option>o</option></select></form>`;
    const { html: clean } = cleanPastedHtml(html);
    const body = new DOMParser().parseFromString(clean, "text/html").body;
    expect(body.querySelectorAll("script, style, link, meta, base, iframe, object, embed, template, noscript, svg, math, img, picture, video, audio, canvas, form, input, button, textarea, select")).toHaveLength(0);
    expect(body.textContent?.replace(/\s+/g, " ").trim()).toBe("Before after");
  });

  it("drops event handlers and srcdoc from whatever stays", () => {
    const { html } = cleanPastedHtml(`<p onclick="window.__pwned='click'" onMouseOver="x()" class="c">Hi <a href="https://example.com" onfocus="y()">there</a></p><div srcdoc="z">d</div>`);
    const body = new DOMParser().parseFromString(html, "text/html").body;
    for (const el of Array.from(body.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on|^srcdoc$/i);
    }
    expect(body.querySelector("a")?.getAttribute("href")).toBe("https://example.com");
    expect(body.querySelector("p")?.getAttribute("class")).toBe("c");
  });

  it("counts the images it left out", () => {
    expect(cleanPastedHtml(`<p>a<img src="1.png"><img src="2.png"></p><picture></picture><svg><image href="3.png"/></svg>`).images).toBe(4);
    expect(cleanPastedHtml("<p>no pictures</p>").images).toBe(0);
  });

  it("turns Word's list paragraphs into lists, without their bullet and number characters", () => {
    const word = `
      <p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Paper invoices pile up</p>
      <p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>Late supplier payments</p>
      <p class="MsoNormal">Then:</p>
      <p class="MsoListParagraph" style="mso-list:l1 level1 lfo2"><span style="mso-list:Ignore">1.<span>&nbsp;</span></span>Call Priya</p>
      <p class="MsoListParagraph" style="mso-list:l1 level1 lfo2"><span style="mso-list:Ignore">2.<span>&nbsp;</span></span>Send the brief</p>`;
    const body = new DOMParser().parseFromString(cleanPastedHtml(word).html, "text/html").body;
    const lists = Array.from(body.querySelectorAll("ul, ol"));
    expect(lists.map((l) => l.tagName)).toEqual(["UL", "OL"]);
    expect(Array.from(lists[0]!.querySelectorAll("li")).map((li) => li.textContent?.trim())).toEqual(["Paper invoices pile up", "Late supplier payments"]);
    expect(Array.from(lists[1]!.querySelectorAll("li")).map((li) => li.textContent?.trim())).toEqual(["Call Priya", "Send the brief"]);
    expect(body.textContent).not.toContain("·");
  });
});

// ---- through the editor ---------------------------------------------------------------------

// (Cast: the tests need only what the editor reads of a section.)
const SECTIONS = [
  { id: "problem", name: "Problem", guidance: "", required: true, words: {} },
  { id: "solution", name: "Solution", guidance: "", required: true, words: {} },
] as Section[];

let live: PitchEditorController[] = [];
afterEach(() => {
  for (const c of live) c.destroy();
  live = [];
  document.body.innerHTML = "";
});

function editor(blocks: DocBlock[], hooks: Partial<EditorHooks> = {}): PitchEditorController {
  const mount = document.createElement("div");
  document.body.append(mount);
  const all: EditorHooks = {
    onDocChange: () => {},
    onSelection: () => {},
    onHoverBlock: () => {},
    onDropClaims: () => {},
    onImagesSkipped: () => {},
    onLinkChipClick: () => {},
    editLink: () => {},
    onFindingClick: () => {},
    onCommentClick: () => {},
    ...hooks,
  };
  const c = new PitchEditorController(mount, SECTIONS, blocks, true, all);
  live.push(c);
  return c;
}

/** Pastes `html` at the end of block `key`, as the clipboard would deliver it. */
function pasteAtEnd(c: PitchEditorController, key: string, html: string): DocBlock[] {
  const { state } = c.view;
  let end = -1;
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.attrs.key === key) end = pos + 1 + node.content.size;
    return end < 0;
  });
  c.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, end)));
  c.view.pasteHTML(html, { clipboardData: null } as unknown as ClipboardEvent);
  return c.blocks();
}

// The problem section's paragraph is empty, so what is pasted there takes its place as it came;
// the solution's has text, so the first pasted paragraph joins it.
const START: DocBlock[] = [
  { key: "k-problem", section: "problem", kind: "paragraph", level: 0, runs: [] },
  { key: "k-solution", section: "solution", kind: "paragraph", level: 0, runs: [{ text: "Close the books sooner." }] },
];

describe("pasting into the editor", () => {
  it("keeps headings, paragraphs, lists, bold, italic and safe links, and nothing else", () => {
    const c = editor(START);
    const html = `<h1>Why teams switch</h1>
      <p><b>Fewer</b> <i>late</i> <strong>payments</strong> <em>now</em> <span style="font-weight:700">heavy</span> <b style="font-weight:normal">docs</b>
      <u>under</u> <span style="font-family: Comic Sans; color: red">styled</span>
      <a href="https://example.com/x">web</a> <a href="mailto:sales@example.com">mail</a> <a href="tel:+15551234">call</a>
      <a href="javascript:window.__pwned = 'link'">bad</a> <a href="data:text/html,hi">data</a> <a href="ftp://x">ftp</a></p>
      <h4>Subhead</h4>
      <ul><li>First point</li><li>Second point</li></ul>
      <ol><li>Call Priya</li></ol>
      <table><tr><td>Team</td><td>$19</td></tr></table>
      <blockquote>Quoted</blockquote>`;
    const blocks = pasteAtEnd(c, "k-problem", html).filter((b) => b.section === "problem");

    expect(blocks.map((b) => [b.kind, b.level])).toEqual([
      ["heading", 2],
      ["paragraph", 0],
      ["heading", 3],
      ["bullet", 0],
      ["bullet", 0],
      ["numbered", 0],
      ["paragraph", 0], // the table's cells, as text
      ["paragraph", 0], // the quotation, as text
    ]);
    expect(blocks[0]?.runs).toEqual([{ text: "Why teams switch" }]);
    expect(blocks[2]?.runs).toEqual([{ text: "Subhead" }]);

    const runs = blocks[1]?.runs ?? [];
    const text = runs.map((r) => r.text).join("");
    expect(text.replace(/\s+/g, " ").trim()).toBe("Fewer late payments now heavy docs under styled web mail call bad data ftp");
    const styled = (word: string) => runs.find((r) => r.text.trim() === word);
    expect(styled("Fewer")).toEqual({ text: "Fewer", bold: true });
    expect(styled("late")).toEqual({ text: "late", italic: true });
    expect(styled("payments")?.bold).toBe(true);
    expect(styled("now")?.italic).toBe(true);
    expect(styled("heavy")?.bold).toBe(true);
    // Google Docs' <b style="font-weight:normal"> is not bold; underline and fonts are not kept.
    expect(runs.filter((r) => /docs|under|styled/.test(r.text)).every((r) => !r.bold && !r.italic && !r.link)).toBe(true);
    expect(runs.filter((r) => r.link).map((r) => [r.text, r.link])).toEqual([
      ["web", "https://example.com/x"],
      ["mail", "mailto:sales@example.com"],
      ["call", "tel:+15551234"],
    ]);

    expect(blocks.slice(3).map((b) => b.runs.map((r) => r.text).join("").trim())).toEqual(["First point", "Second point", "Call Priya", "Team$19", "Quoted"]);
  });

  it("stores hostile markup as its words only", () => {
    const c = editor(START);
    const html = `<p onclick="window.__pwned='click'">Hello <img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script><a href=" javascript:alert(1)">world</a></p><svg onload="window.__pwned='svg'"></svg>`;
    const blocks = pasteAtEnd(c, "k-problem", html);
    const problem = blocks.filter((b) => b.section === "problem");
    const all = problem.flatMap((b) => b.runs);
    expect(all.map((r) => r.text).join("|")).toContain("Hello world");
    expect(all.some((r) => r.link !== undefined)).toBe(false);
    expect(JSON.stringify(blocks)).not.toMatch(/pwned|script|onerror|onclick/);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(c.view.dom.querySelector("script, img, svg, [onclick]")).toBeNull();
  });

  it("tells the screen how many images it left out", () => {
    let skipped = 0;
    const c = editor(START, { onImagesSkipped: (n) => (skipped += n) });
    pasteAtEnd(c, "k-problem", `<p>Chart below</p><img src="chart.png"><img src="logo.png">`);
    expect(skipped).toBe(2);
  });

  it("makes Word's list paragraphs list items, bullet and number characters left behind", () => {
    const c = editor(START);
    const word = `<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>First point</p>
      <p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>Second point</p>`;
    const blocks = pasteAtEnd(c, "k-problem", word).filter((b) => b.section === "problem");
    expect(blocks.map((b) => [b.kind, b.runs.map((r) => r.text).join("")])).toEqual([
      ["bullet", "First point"],
      ["bullet", "Second point"],
    ]);
  });

  it("keeps the sections, and gives every pasted block its own key while the old block keeps its own", () => {
    const c = editor(START);
    const blocks = pasteAtEnd(c, "k-solution", "<p>One</p><p>Two</p><p>Three</p>");
    expect([...new Set(blocks.map((b) => b.section))]).toEqual(["problem", "solution"]);
    expect(blocks.map((b) => b.runs.map((r) => r.text).join(""))).toEqual(["", "Close the books sooner.One", "Two", "Three"]);
    const keys = blocks.map((b) => b.key);
    expect(keys.every((k) => typeof k === "string" && k.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    // The links of "Close the books sooner." stay with it.
    expect(blocks[1]?.key).toBe("k-solution");
    expect(blocks[0]?.key).toBe("k-problem");
  });
});
