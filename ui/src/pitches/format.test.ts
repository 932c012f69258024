// @vitest-environment jsdom
import "./editor/jsdom-shims";
import { TextSelection } from "prosemirror-state";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DocBlock, Section } from "../lib/bindings";
import type { EditorHooks } from "./editor/controller";

// The toolbar's commands on a real editor: the link prompt starts from the link's address
// wherever the selection starts, and sets or refuses what is typed.

vi.mock("../lib/api", async () => (await import("./fake-api")).fakeApi());

const { ui } = await import("../lib/ui.svelte");
const { PitchEditorController } = await import("./editor/controller");
const { PitchFormatting } = await import("./format.svelte");

const SECTIONS = [{ id: "cta", name: "Call to action", guidance: "", required: true, words: {} }] as Section[];
const BLOCK: DocBlock = { key: "k1", section: "cta", kind: "paragraph", level: 0, runs: [{ text: "Book " }, { text: "a demo", link: "https://example.com/demo" }, { text: " today." }] };

let live: { destroy(): void }[] = [];
beforeEach(() => {
  ui.dialog = null;
});
afterEach(() => {
  for (const c of live) c.destroy();
  live = [];
  document.body.innerHTML = "";
});

/** The toolbar over an editor holding BLOCK, with `from`–`to` of its text selected. */
function toolbarWith(from: number, to = from) {
  const noop = (): void => {};
  const hooks: EditorHooks = { onDocChange: noop, onSelection: noop, onHoverBlock: noop, onDropClaims: noop, onImagesSkipped: noop, onLinkChipClick: noop, editLink: noop, onFindingClick: noop, onCommentClick: noop };
  const mount = document.createElement("div");
  document.body.append(mount);
  const controller = new PitchEditorController(mount, SECTIONS, [BLOCK], true, hooks);
  live.push(controller);
  const { state } = controller.view;
  // The block's text starts after the section and paragraph openings.
  controller.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, 2 + from, 2 + to)));
  const host = { controller, notice: null as string | null, approvedEdits: { allow: () => true } };
  return { host, controller, format: new PitchFormatting(host) };
}

function prompt() {
  if (ui.dialog?.kind !== "text-prompt") throw new Error(`no link prompt: ${JSON.stringify(ui.dialog)}`);
  return ui.dialog;
}

describe("the link prompt", () => {
  it("edits the link the cursor is in", () => {
    toolbarWith(7).format.editLink();
    expect(prompt()).toMatchObject({ title: "Edit link", initial: "https://example.com/demo" });
  });

  it("edits the link when the selected words start at its first character", () => {
    toolbarWith(5, 8).format.editLink();
    expect(prompt()).toMatchObject({ title: "Edit link", initial: "https://example.com/demo" });
  });

  it("adds a link to plain words, and asks for words when there are none", () => {
    const { format, host } = toolbarWith(12, 17);
    format.editLink();
    expect(prompt()).toMatchObject({ title: "Add link", initial: "https://" });
    ui.dialog = null;
    const plain = toolbarWith(2);
    plain.format.editLink();
    expect(ui.dialog).toBeNull();
    expect(plain.host.notice).toBe("Select the words to turn into a link first.");
    expect(host.notice).toBeNull();
  });

  it("sets the address typed, and refuses one that is not web, mail or phone", async () => {
    const { format, controller } = toolbarWith(12, 17);
    format.editLink();
    await expect(prompt().onsubmit("javascript:alert(1)")).rejects.toMatchObject({ code: "invalid-input" });
    await prompt().onsubmit(" mailto:sales@example.com ");
    expect(controller.blocks()[0]?.runs).toEqual([
      { text: "Book " },
      { text: "a demo", link: "https://example.com/demo" },
      { text: " " },
      { text: "today", link: "mailto:sales@example.com" },
      { text: "." },
    ]);
  });
});

describe("the toolbar's state", () => {
  it("changes only when what it shows changes", () => {
    const { format } = toolbarWith(0);
    const before = format.toolbar;
    format.show({ ...before });
    expect(format.toolbar).toBe(before);
    format.show({ ...before, bold: true });
    expect(format.toolbar.bold).toBe(true);
  });
});
