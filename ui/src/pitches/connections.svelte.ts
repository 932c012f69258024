// The lines from claims to the paragraphs that translate them: which links to draw (the
// hovered claim's, else the focused block's) measured where the rows and blocks are on screen,
// at most once a frame.

import type { PitchLinks } from "../lib/bindings";
import { timed } from "../lib/perf";
import type { PitchEditorController } from "./editor/controller";
import type { PitchLinking } from "./linking.svelte";
import { connectionPath, pairsToDraw } from "./logic";

export type ConnectionLine = { d: string; stale: boolean };

/** What the lines need of the pitch session: the links, and the elements they run between. */
export type ConnectionsHost = {
  readonly links: PitchLinks;
  readonly linking: Pick<PitchLinking, "linksByKey" | "hoverClaim" | "focusKey">;
  readonly controller: PitchEditorController | null;
  readonly workbench: HTMLElement | undefined;
  readonly claimsScroll: HTMLElement | undefined;
  readonly editorScroll: HTMLElement | undefined;
};

export class Connections {
  lines = $state.raw<ConnectionLine[]>([]);

  readonly #host: ConnectionsHost;
  #frame = 0;

  constructor(host: ConnectionsHost) {
    this.#host = host;
  }

  /** Draws the lines again in the next frame (scrolling, resizing, typing, hovering). */
  readonly schedule = (): void => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      timed("pb-lines", () => this.#drawNow());
    });
  };

  cancel(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
  }

  #drawNow(): void {
    const { workbench, controller, claimsScroll, editorScroll, links, linking } = this.#host;
    if (!workbench || !controller || !claimsScroll || !editorScroll) {
      this.lines = [];
      return;
    }
    const pairs = pairsToDraw(links.links, linking.linksByKey, linking.hoverClaim, linking.focusKey);
    // Nothing to draw: no layout reads, and no change for Svelte to render.
    if (pairs.length === 0) {
      if (this.lines.length > 0) this.lines = [];
      return;
    }
    const box = workbench.getBoundingClientRect();
    const leftBox = claimsScroll.getBoundingClientRect();
    const rightBox = editorScroll.getBoundingClientRect();
    const out: ConnectionLine[] = [];
    for (const p of pairs) {
      const row = claimsScroll.querySelector<HTMLElement>(`[data-claim-id="${p.claimId}"]`);
      const block = controller.blockElement(p.key);
      if (!row || !block) continue;
      out.push({ d: connectionPath(box, leftBox, rightBox, row.getBoundingClientRect(), block.getBoundingClientRect()), stale: p.stale });
    }
    this.lines = out;
  }
}
