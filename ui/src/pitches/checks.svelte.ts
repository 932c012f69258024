// The checks of the pitch open in the editor: a check runs a moment after typing stops, over
// the document as it is (saved or not), one at a time and again at once if the text changed
// while it ran; its report, the finding the writer is on, and what the checklist's buttons do.

import { readinessBand } from "../checks/readiness";
import * as api from "../lib/api";
import type { ManualItemView, PitchCheckReport, PitchEditorView, PitchFinding } from "../lib/bindings";
import { showingErrors, ui } from "../lib/ui.svelte";
import type { PitchEditorController } from "./editor/controller";
import type { PitchLinking } from "./linking.svelte";
import { acronymTerm, unconfirmedItems } from "./logic";

/** A check runs this long after typing stops. */
const CHECK_IDLE_MS = 400;

/** What the checks need of the pitch session. */
export type CheckHost = {
  readonly id: number;
  readonly view: PitchEditorView | null;
  readonly controller: PitchEditorController | null;
  notice: string | null;
  readonly linking: Pick<PitchLinking, "showClaim">;
};

export class PitchChecks {
  report = $state.raw<PitchCheckReport | null>(null);
  checking = $state(false);
  /** The finding the writer is on, in the editor and in the checklist. */
  active = $state<string | null>(null);
  /** The readiness score's band, for the header's pill. */
  readonly band = $derived(readinessBand(this.report === null ? null : this.report.readiness.score));
  /** Ticked manual items the reviewer has not confirmed yet, offered in the decision. */
  /** `null` until the first check has reported. */
  readonly unconfirmed = $derived(this.report === null ? null : unconfirmedItems(this.report));

  readonly #host: CheckHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight = false;
  #again = false;

  constructor(host: CheckHost) {
    this.#host = host;
  }

  schedule(delay = CHECK_IDLE_MS): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), delay);
  }

  /** Typing goes on: the check waits (the edit schedules it again). Also when the screen goes. */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
  }

  async #run(): Promise<void> {
    const c = this.#host.controller;
    if (!c || !this.#host.view) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    this.#inFlight = true;
    this.checking = true;
    try {
      const blocks = c.blocks();
      const texts = c.blockTexts();
      const next = await api.checkPitch({ pitchId: this.#host.id, blocks });
      if (this.#host.controller === c) {
        this.report = next;
        c.setFindings(next.findings, texts);
      }
    } catch (e) {
      // A failed check is not worth interrupting the writer for; the next edit tries again.
      console.warn("check failed", e);
    } finally {
      this.#inFlight = false;
      this.checking = false;
      if (this.#again) {
        this.#again = false;
        this.schedule(0);
      }
    }
  }

  /** Does `work`, then checks again; a failure is shown. */
  #thenCheck(work: () => Promise<void>): Promise<void> {
    return showingErrors(async () => {
      await work();
      this.schedule(0);
    });
  }

  /** A finding's words were clicked in the editor: it is the one the writer is on. */
  activate(key: string): void {
    this.active = key;
    this.#host.controller?.setActiveFinding(key);
  }

  select(f: PitchFinding): void {
    const c = this.#host.controller;
    this.active = f.key;
    c?.setActiveFinding(f.key);
    if (f.blockKey && !c?.selectFinding(f.key)) c?.focusBlock(f.blockKey);
    if (f.claimId !== null && !f.blockKey) this.#host.linking.showClaim(f.claimId);
  }

  apply(f: PitchFinding, text: string): void {
    if (!this.#host.controller?.applySuggestion(f.key, text)) this.#host.notice = "Those words have changed since the check; it runs again in a moment.";
  }

  dismiss(f: PitchFinding): void {
    ui.openDialog({
      kind: "text-prompt",
      title: "Dismiss finding",
      label: "Why does it not apply here?",
      initial: "",
      placeholder: "e.g. The customer's own words, quoted",
      hint: "The reviewer sees this reason next to the finding.",
      submitLabel: "Dismiss",
      onsubmit: async (reason) => {
        await api.dismissFinding({ pitchId: this.#host.id, rule: f.rule, blockKey: f.blockKey ?? "", quote: f.quote, reason });
        this.schedule(0);
      },
    });
  }

  async restore(f: PitchFinding): Promise<void> {
    if (!f.dismissal) return;
    await this.#thenCheck(() => api.restoreFinding({ pitchId: this.#host.id, dismissalId: f.dismissal?.id ?? 0 }).then(() => {}));
  }

  async addWord(word: string): Promise<void> {
    await this.#thenCheck(async () => {
      await api.addDictionaryWord(word);
      this.#host.notice = `“${word}” is in the workspace dictionary now.`;
    });
  }

  /** An acronym finding's "Add to glossary…": the term dialog, filled in with the acronym to
   *  explain; once the term is saved, the checks run again with it. */
  addTerm(quote: string): void {
    ui.openDialog({
      kind: "glossary-term",
      term: null,
      initial: { term: acronymTerm(quote), rule: "explain" },
      onsaved: (saved) => {
        this.#host.notice = `“${saved.term}” is in the glossary now.`;
        this.schedule(0);
      },
    });
  }

  async tick(item: ManualItemView, ticked: boolean): Promise<void> {
    await this.#thenCheck(() => api.setManualItem({ pitchId: this.#host.id, itemId: item.id, ticked }).then(() => {}));
  }

  openSettings(): void {
    const view = this.#host.view;
    if (!view) return;
    ui.openDialog({ kind: "check-settings", typeId: view.collateralType.id, typeName: view.collateralType.name, onchanged: () => this.schedule(0) });
  }
}
