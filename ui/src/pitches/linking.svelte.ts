// Linking the pitch's paragraphs to the message's claims: what the links mean for each side
// (counts, chips, partners, stale links, coverage), what the claims pane has selected and the
// pointer is over, and the actions of the claims pane, the link inspector and their keys.

import * as api from "../lib/api";
import type { Claim, LinkResolution, LinkView, PitchEditorView, PitchLinks, ReviewState } from "../lib/bindings";
import { showingErrors, ui } from "../lib/ui.svelte";
import type { ApprovedEdits } from "./approval";
import type { PitchEditorController } from "./editor/controller";
import { blockLinkMarks, coveragePercent, focusBlock, linkCountsByClaim, linksByBlock, nextStaleBlock, partnerBlockKeys, partnerClaimIds } from "./logic";
import type { PitchSaving } from "./saving.svelte";
import { scrollBehaviour } from "../lib/motion";

/** What linking needs of the pitch session. */
export type LinkingHost = {
  readonly id: number;
  readonly view: PitchEditorView | null;
  readonly review: ReviewState | null;
  links: PitchLinks;
  /** Links are frozen while the pitch is in review. */
  readonly frozen: boolean;
  /** The block with the cursor. */
  readonly currentKey: string | null;
  readonly controller: PitchEditorController | null;
  readonly claimsScroll: HTMLElement | undefined;
  notice: string | null;
  readonly saving: Pick<PitchSaving, "saved">;
  /** A change of links voids an approval: the first one asks first. */
  readonly approvedEdits: Pick<ApprovedEdits, "allow">;
};

export class PitchLinking {
  // Set in the constructor, after the fields: the deriveds that read it are `$derived.by`.
  readonly #host: LinkingHost;

  /** Claims selected in the claims pane, to link. */
  selected = $state.raw<Set<number>>(new Set());
  hoverClaim = $state<number | null>(null);
  hoverKey = $state<string | null>(null);

  readonly claimsById = $derived.by(() => new Map<number, Claim>((this.#host.view?.messages ?? []).flatMap((m) => m.claims.map((c) => [c.id, c] as const))));
  /** Claim ids in the claims pane's order. */
  readonly claimOrder = $derived.by(() => (this.#host.view?.messages ?? []).flatMap((m) => m.claims.map((c) => c.id)));
  readonly claimNumbers = $derived(new Map<number, number>([...this.claimsById.values()].map((c) => [c.id, c.number] as const)));
  readonly linksByKey = $derived.by(() => linksByBlock(this.#host.links.links));
  readonly linkCounts = $derived.by(() => linkCountsByClaim(this.#host.links.links));
  readonly staleLinks = $derived.by(() => this.#host.links.links.filter((l) => l.state !== "current"));
  readonly staleClaims = $derived(new Set(this.staleLinks.map((l) => l.claimId)));
  /** The link chips beside each block. */
  readonly blockMarks = $derived(blockLinkMarks(this.linksByKey, this.claimsById));
  /** The block whose partners are shown (hovered, else the one with the cursor). */
  readonly focusKey = $derived.by(() => focusBlock(this.hoverClaim, this.hoverKey, this.#host.currentKey));
  readonly partnerClaims = $derived(partnerClaimIds(this.linksByKey, this.focusKey));
  readonly partnerKeys = $derived.by(() => partnerBlockKeys(this.#host.links.links, this.hoverClaim));
  /** The links of the block with the cursor, for the link inspector. */
  readonly currentLinks = $derived.by(() => this.#host.currentKey ? (this.linksByKey.get(this.#host.currentKey) ?? []) : []);
  readonly coveragePct = $derived.by(() => coveragePercent(this.#host.links.coverage));

  constructor(host: LinkingHost) {
    this.#host = host;
  }

  link(key: string | null = this.#host.currentKey, ids: number[] = [...this.selected]): Promise<void> {
    const host = this.#host;
    return showingErrors(async () => {
      if (host.frozen) {
        if (host.review?.status === "in-review") host.notice = "Links are frozen while the pitch is in review.";
        return;
      }
      if (!key) {
        host.notice = "Put the cursor in the paragraph that translates these claims, then link.";
        return;
      }
      if (ids.length === 0) {
        host.notice = "Select one or more claims on the left first (click, Ctrl+click or Shift+click, or Space in the list).";
        return;
      }
      if (!host.approvedEdits.allow(() => void this.link(key, ids))) return;
      await host.saving.saved(); // the paragraph must be in the workspace before a link can point at it
      host.links = await api.linkClaims({ pitchId: host.id, blockKey: key, claimIds: ids });
      this.selected = new Set();
      host.notice = null;
    });
  }

  unlink(l: LinkView): Promise<void> {
    const host = this.#host;
    return showingErrors(async () => {
      if (!host.approvedEdits.allow(() => void this.unlink(l))) return;
      host.links = await api.unlinkClaim({ pitchId: host.id, blockKey: l.blockKey, claimId: l.claimId });
    });
  }

  confirm(l: LinkView, resolution: LinkResolution): Promise<void> {
    const host = this.#host;
    return showingErrors(async () => {
      if (!host.approvedEdits.allow(() => void this.confirm(l, resolution))) return;
      await host.saving.saved();
      const req = { pitchId: host.id, blockKey: l.blockKey, claimId: l.claimId, resolution, numbersConfirmed: false };
      try {
        host.links = await api.confirmLink(req);
      } catch (thrown) {
        const e = api.toApiError(thrown);
        // The paragraph still quotes a number the claim no longer says: the writer decides,
        // having read why, rather than a click passing it by.
        if (e.code !== "needs-confirmation") throw thrown;
        ui.confirm({
          title: "The paragraph still says the old number",
          body: e.message,
          confirmLabel: "It still holds",
          action: async () => {
            host.links = await api.confirmLink({ ...req, numbersConfirmed: true });
          },
        });
      }
    });
  }

  /** The keyboard's way to resolve: every stale link of the paragraph with the cursor. */
  async resolveCurrent(resolution: LinkResolution): Promise<void> {
    const stale = this.currentLinks.filter((l) => l.state !== "current");
    if (stale.length === 0) {
      this.#host.notice = "This paragraph has no stale links. Ctrl+. goes to the next one.";
      return;
    }
    // One question for them all (and, once answered, all of them).
    if (!this.#host.approvedEdits.allow(() => void this.resolveCurrent(resolution))) return;
    for (const l of stale) {
      if (l.state === "removed") await this.unlink(l);
      else await this.confirm(l, resolution);
    }
  }

  /** Ctrl+Shift+L: the selected claims no longer feed the paragraph with the cursor. */
  async unlinkSelected(): Promise<void> {
    const mine = this.currentLinks.filter((l) => this.selected.has(l.claimId));
    if (mine.length === 0) {
      this.#host.notice = "Select the linked claims to remove from this paragraph first.";
      return;
    }
    if (!this.#host.approvedEdits.allow(() => void this.unlinkSelected())) return;
    for (const l of mine) await this.unlink(l);
    this.selected = new Set();
  }

  nextStale(): void {
    const key = nextStaleBlock(this.staleLinks, this.#host.currentKey);
    if (key === undefined) {
      this.#host.notice = "No stale links: every linked claim reads as it did when it was linked.";
      return;
    }
    this.#host.controller?.focusBlock(key);
  }

  showClaim(claimId: number): void {
    this.#host.claimsScroll?.querySelector<HTMLElement>(`[data-claim-id="${claimId}"]`)?.scrollIntoView({ block: "center", behavior: scrollBehaviour() });
    this.selected = new Set([claimId]);
  }

  showGaps(): void {
    const first = this.#host.links.coverage.gaps[0];
    if (first !== undefined) this.showClaim(first);
  }
}
