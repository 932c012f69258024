// The claims pane follows the caret: when it moves into a linked paragraph, the pane scrolls
// (smoothly, unless the person asks for less motion) until that paragraph's claims are in view,
// and the connection lines follow the scroll. Only a caret move does this, never typing or the
// pointer, and not while the person is scrolling the pane themselves.

import type { LinkView } from "../lib/bindings";
import { claimsToReveal, revealScrollTop, type Span } from "./logic";
import { scrollBehaviour } from "../lib/motion";

/** After the person scrolls the pane, it is theirs for this long. */
const HANDS_OFF_MS = 1500;

/** What following needs of the pitch session. */
export type FollowHost = {
  readonly claimsScroll: HTMLElement | undefined;
  readonly linking: { readonly linksByKey: ReadonlyMap<string, LinkView[]>; readonly claimOrder: readonly number[] };
};

export class ClaimsFollow {
  readonly #host: FollowHost;
  #userScrolledAt = Number.NEGATIVE_INFINITY;
  #frame = 0;

  constructor(host: FollowHost) {
    this.#host = host;
  }

  /** The person scrolls the claims pane (wheel, touch, its scroll bar, keys): hands off. */
  readonly userScrolled = (): void => {
    this.#userScrolledAt = performance.now();
  };

  /** Watches the pane for the person's own scrolling; returns the function that stops it. */
  watch(pane: HTMLElement): () => void {
    const bar = (e: Event): void => {
      // A press on the pane itself, not on a claim: its scroll bar.
      if (e.target === pane) this.userScrolled();
    };
    const kinds = ["wheel", "touchmove", "keydown"] as const;
    for (const k of kinds) pane.addEventListener(k, this.userScrolled, { passive: true });
    pane.addEventListener("pointerdown", bar, { passive: true });
    return () => {
      for (const k of kinds) pane.removeEventListener(k, this.userScrolled);
      pane.removeEventListener("pointerdown", bar);
    };
  }

  /** The caret moved into block `key`: bring its claims into view, after the frame's layout. */
  follow(key: string | null): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (!key || performance.now() - this.#userScrolledAt < HANDS_OFF_MS) return;
    const ids = claimsToReveal(this.#host.linking.linksByKey.get(key) ?? [], this.#host.linking.claimOrder);
    if (ids.length === 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#reveal(ids);
    });
  }

  cancel(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
  }

  #reveal(ids: number[]): void {
    const pane = this.#host.claimsScroll;
    if (!pane || performance.now() - this.#userScrolledAt < HANDS_OFF_MS) return;
    const box = pane.getBoundingClientRect();
    const rows: Span[] = [];
    for (const id of ids) {
      const row = pane.querySelector<HTMLElement>(`[data-claim-id="${id}"]`);
      if (!row) continue;
      const r = row.getBoundingClientRect();
      rows.push({ top: r.top - box.top + pane.scrollTop, bottom: r.bottom - box.top + pane.scrollTop });
    }
    // A sticky section heading covers the top of the pane; the guided start's card, its foot.
    const inset = pane.querySelector<HTMLElement>(".section-head")?.offsetHeight ?? 0;
    const card = pane.parentElement?.querySelector<HTMLElement>("[data-testid=guided-start]")?.getBoundingClientRect();
    const covered = card && card.left < box.right ? Math.max(0, box.bottom - card.top) : 0;
    const height = Math.max(pane.clientHeight - covered, inset + 80);
    const top = revealScrollTop(rows, { scrollTop: pane.scrollTop, height, maxScroll: pane.scrollHeight - pane.clientHeight }, inset);
    if (top === null) return;
    pane.scrollTo({ top, behavior: scrollBehaviour() });
  }
}
