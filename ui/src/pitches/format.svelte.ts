// The formatting toolbar's state and commands on the open pitch: block style, bold, italic,
// lists, undo and redo, and the link prompt.

import { toggleMark } from "prosemirror-commands";
import { redo as redoCommand, undo as undoCommand } from "prosemirror-history";
import type { Command } from "prosemirror-state";
import type { ApiError } from "../lib/bindings";
import { ui } from "../lib/ui.svelte";
import type { ApprovedEdits } from "./approval";
import type { PitchEditorController, ToolbarState } from "./editor/controller";
import { linkAtSelection, setLinkMark } from "./editor/link-mark";
import { setStyle, toggleList } from "./editor/plugins";
import { safeHref, schema } from "./editor/schema";
import { sameToolbar } from "./logic";

/** What the toolbar needs of the pitch session. */
export type FormatHost = {
  readonly controller: PitchEditorController | null;
  notice: string | null;
  /** A link changes the text: on an approved pitch the first change asks first. */
  readonly approvedEdits: Pick<ApprovedEdits, "allow">;
};

export class PitchFormatting {
  toolbar = $state<ToolbarState>({ style: "paragraph", bold: false, italic: false, link: false, canUndo: false, canRedo: false });

  readonly #host: FormatHost;

  constructor(host: FormatHost) {
    this.#host = host;
  }

  /** What the editor's selection now has; only a real change reaches the toolbar, so typing
   *  does not re-render it every key. */
  show(state: ToolbarState): void {
    if (!sameToolbar(this.toolbar, state)) this.toolbar = state;
  }

  /** Runs an editing command from the toolbar (the editor keeps the focus). */
  run(command: Command): void {
    this.#host.controller?.run(command);
  }

  bold(): void {
    this.run(toggleMark(schema.marks.strong));
  }

  italic(): void {
    this.run(toggleMark(schema.marks.em));
  }

  bulletList(): void {
    this.run(toggleList(schema.nodes.bullet_list));
  }

  numberedList(): void {
    this.run(toggleList(schema.nodes.ordered_list));
  }

  undo(): void {
    this.run(undoCommand);
  }

  redo(): void {
    this.run(redoCommand);
  }

  /** The block style menu: a list, or a paragraph or heading. */
  setBlockStyle(value: string): void {
    if (value === "bullet") this.bulletList();
    else if (value === "numbered") this.numberedList();
    else if (value === "heading-2" || value === "heading-3" || value === "paragraph") this.run(setStyle(value));
  }

  /** Ctrl+Shift+K or the toolbar's Link: asks for the address of the selected words' link. */
  editLink(): void {
    const controller = this.#host.controller;
    if (!controller || ui.readOnly) return;
    const { href: existing, canLink } = linkAtSelection(controller.view.state);
    if (!canLink) {
      this.#host.notice = "Select the words to turn into a link first.";
      return;
    }
    // Asked before the address is, not after: the prompt is a dialog of its own.
    if (!this.#host.approvedEdits.allow(() => this.editLink())) return;
    ui.openDialog({
      kind: "text-prompt",
      title: existing ? "Edit link" : "Add link",
      label: "Address",
      initial: existing ?? "https://",
      placeholder: "https://… or mailto:…",
      hint: "Leave it empty to remove the link. Web, mail and phone (tel:) addresses only.",
      submitLabel: "Apply",
      onsubmit: async (value) => {
        const href = value.trim();
        if (href && href !== "https://" && !safeHref(href)) {
          throw { code: "invalid-input", message: "Use a web address (https://…), a mail address (mailto:…) or a phone number (tel:…)." } satisfies ApiError;
        }
        const c = this.#host.controller;
        if (!c) return;
        c.view.dispatch(setLinkMark(c.view.state, href));
        c.view.focus();
      },
    });
  }
}
