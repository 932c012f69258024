// Approved wording from other pitches for the claims being translated: asked for when the
// cursor moves into a paragraph linked to claims, or claims are selected to link; inserted with
// Alt+1 … Alt+5 (the paragraph's text replaced, its links kept; Ctrl+Z takes it back). The
// concordance (Ctrl+Shift+F) lists approved sentences using the selected phrase.

import * as api from "../lib/api";
import type { Claim, ConcordanceHit, PitchEditorView, PitchLinks, Suggestion } from "../lib/bindings";
import type { PitchEditorController } from "./editor/controller";

export type MemoryHost = {
  readonly id: number;
  readonly view: PitchEditorView | null;
  readonly links: PitchLinks;
  readonly currentKey: string | null;
  readonly controller: PitchEditorController | null;
  readonly locked: boolean;
  readonly linking: { readonly selected: Set<number>; readonly claimsById: Map<number, Claim> };
  notice: string | null;
};

/** The claims a suggestion is asked for: those selected to link, else the paragraph's own
 *  (links that still hold), in the order of their numbers. */
export function claimsToTranslate(selected: Set<number>, links: PitchLinks, key: string | null, claims: Map<number, Claim>): Claim[] {
  const ids = selected.size > 0 ? [...selected] : links.links.filter((l) => l.blockKey === key && l.state === "current").map((l) => l.claimId);
  return ids
    .map((id) => claims.get(id))
    .filter((c): c is Claim => c !== undefined)
    .sort((a, b) => a.number - b.number);
}

/** How a band reads on screen. */
export function bandLabel(s: Suggestion): string {
  if (s.band === "context") return "Context";
  if (s.band === "exact") return "Exact";
  return `${s.score}%`;
}

export class PitchMemory {
  readonly #host: MemoryHost;
  suggestions = $state.raw<Suggestion[]>([]);
  /** The claims the suggestions are for. */
  forClaims = $state.raw<Claim[]>([]);
  concordance = $state.raw<{ phrase: string; hits: ConcordanceHit[] } | null>(null);
  #asked = "";
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: MemoryHost) {
    this.#host = host;
  }

  /** Asks again, a moment after the cursor or the selection settles. */
  schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh(), 120);
  }

  async refresh(): Promise<void> {
    const h = this.#host;
    const claims = claimsToTranslate(h.linking.selected, h.links, h.currentKey, h.linking.claimsById);
    const text = claims.map((c) => c.text).join(" ");
    const key = `${claims.map((c) => c.id).join(",")}`;
    if (key === this.#asked) return;
    this.#asked = key;
    this.forClaims = claims;
    if (claims.length === 0 || !h.view) {
      this.suggestions = [];
      return;
    }
    try {
      const found = await api.suggestWording({ text, claimIds: claims.map((c) => c.id), audienceId: h.view.summary.pitch.audienceId, excludePitchId: h.id });
      if (this.#asked === key) this.suggestions = found;
    } catch {
      // Suggestions are a help, not the work: a failure leaves the panel empty.
      if (this.#asked === key) this.suggestions = [];
    }
  }

  /** Puts suggestion `n` (0-based) in the paragraph with the cursor, keeping its links. */
  insert(n: number): boolean {
    const h = this.#host;
    const s = this.suggestions[n];
    if (!s || !h.controller || h.locked || !h.currentKey) return false;
    if (!h.controller.replaceBlockText(h.currentKey, s.text)) return false;
    const from = s.origin === "tmx" ? "a memory file" : `“${s.pitch_title}”`;
    h.notice = `Inserted the approved wording from ${from}. Ctrl+Z takes it back.`;
    return true;
  }

  /** Every approved sentence using the selected phrase (or the paragraph's first words). */
  async concord(phrase: string): Promise<void> {
    const p = phrase.trim().slice(0, 200);
    if (!p) {
      this.#host.notice = "Select a phrase in the text first: the concordance lists approved sentences that use it.";
      return;
    }
    this.concordance = { phrase: p, hits: await api.concordance(p) };
  }
}
