// The review's comment threads on the open pitch: the thread the writer is on (in the editor
// and in the comments panel), open threads per claim, and commenting on selected words of the
// pitch or of a claim, replying and resolving.

import * as api from "../lib/api";
import type { Comment, ReviewState } from "../lib/bindings";
import { showingErrors, ui } from "../lib/ui.svelte";
import type { PitchEditorController } from "./editor/controller";
import type { PitchLinking } from "./linking.svelte";
import { openThreadsByClaim, quoteStart } from "./logic";
import type { PitchSaving } from "./saving.svelte";

/** What the comments need of the pitch session. */
export type CommentsHost = {
  readonly id: number;
  readonly review: ReviewState | null;
  readonly setReview: (state: ReviewState) => void;
  readonly controller: PitchEditorController | null;
  notice: string | null;
  readonly saving: Pick<PitchSaving, "autosaver">;
  readonly linking: Pick<PitchLinking, "claimsById" | "showClaim">;
};

export class PitchComments {
  // Set in the constructor, after the fields: the deriveds that read it are `$derived.by`.
  readonly #host: CommentsHost;

  /** The thread the writer is on. */
  active = $state<number | null>(null);
  /** Open threads on each claim's words. */
  readonly counts = $derived.by(() => openThreadsByClaim(this.#host.review?.comments ?? []));

  constructor(host: CommentsHost) {
    this.#host = host;
  }

  /** A thread's words were clicked in the editor: it is the one the writer is on. */
  activate(commentId: number): void {
    this.active = commentId;
    this.#host.controller?.setActiveComment(commentId);
  }

  /** A thread chosen in the comments panel: its words are selected, in the pitch or in a claim. */
  select(c: Comment): void {
    const controller = this.#host.controller;
    this.active = c.id;
    controller?.setActiveComment(c.id);
    if (c.target.kind === "claim") this.#host.linking.showClaim(c.target.id);
    else if (!controller?.selectComment(c.id) && c.target.kind === "block") controller?.focusBlock(c.target.key);
  }

  async commentOnSelection(): Promise<void> {
    const host = this.#host;
    if (!host.review || ui.readOnly) return;
    // The offsets are the editor's: the stored text must be the same words first.
    if (!(await host.saving.autosaver.flush())) return;
    const onClaim = this.#claimSelection();
    if (onClaim) {
      ui.openDialog({ kind: "comment", pitchId: host.id, target: { kind: "claim", id: onClaim.id }, start: onClaim.start, end: onClaim.end, quote: onClaim.quote, parentId: null, ondone: host.setReview });
      return;
    }
    const anchor = host.controller?.selectionAnchor();
    if (!anchor) {
      host.notice = "Select the words you want to comment on, in the pitch or in a claim, then Comment.";
      return;
    }
    ui.openDialog({ kind: "comment", pitchId: host.id, target: { kind: "block", key: anchor.key }, start: anchor.start, end: anchor.end, quote: anchor.quote, parentId: null, ondone: host.setReview });
  }

  reply(c: Comment): void {
    ui.openDialog({ kind: "comment", pitchId: this.#host.id, target: c.target, start: c.start, end: c.end, quote: c.quote, parentId: c.id, ondone: this.#host.setReview });
  }

  resolve(c: Comment, resolved: boolean): Promise<void> {
    const host = this.#host;
    return showingErrors(async () => host.setReview(await api.resolveComment({ pitchId: host.id, commentId: c.id, resolved })));
  }

  /** Where a claim's words are selected in the claims pane, as a comment anchor. */
  #claimSelection(): { id: number; start: number; end: number; quote: string } | null {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const row = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>("[data-claim-id]");
    const text = row?.querySelector<HTMLElement>(".text");
    if (!row || !text || !text.contains(range.endContainer)) return null;
    const claim = this.#host.linking.claimsById.get(Number(row.dataset.claimId));
    const quote = sel.toString();
    if (!claim || quote.trim() === "") return null;
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    const start = quoteStart(claim.text, quote, before.toString());
    return start < 0 ? null : { id: claim.id, start, end: start + quote.length, quote };
  }
}
