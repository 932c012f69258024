// One open pitch in the side-by-side editor: what the workspace holds of it (the pitch, its
// review, its links), the editor, and the parts that act on them: saving, the layout, linking
// and its connection lines, comments, formatting, export and the checks. The components read
// and bind their state; the parts talk to the workspace through api.ts.

import * as api from "../lib/api";
import type { PitchEditorView, PitchLinks, ReviewState } from "../lib/bindings";
import { timed } from "../lib/perf";
import { isTextEntry } from "../lib/shortcuts";
import { wordFit, wordLimitText } from "../lib/text";
import { loadScreen, showingErrors, ui } from "../lib/ui.svelte";
import { ApprovedEdits, EDIT_APPROVED, approvalInForce } from "./approval";
import { PitchChecks } from "./checks.svelte";
import { PitchComments } from "./comments.svelte";
import { Connections } from "./connections.svelte";
import { PitchEditorController, type EditorHooks } from "./editor/controller";
import { sectionWordCounts } from "./editor/schema";
import { PitchExport } from "./export.svelte";
import { ClaimsFollow } from "./follow";
import { PitchFormatting } from "./format.svelte";
import { guide } from "./guide.svelte";
import { PaneLayout } from "./layout.svelte";
import { PitchLinking } from "./linking.svelte";
import { PitchMemory } from "./memory.svelte";
import { PitchSaving } from "./saving.svelte";

export class PitchSession {
  readonly id: number;
  readonly #blockId: number | undefined;

  view = $state.raw<PitchEditorView | null>(null);
  review = $state.raw<ReviewState | null>(null);
  links = $state.raw<PitchLinks>({ links: [], coverage: { required: 0, linked: 0, gaps: [] } });
  missing = $state(false);
  /** The block with the cursor, and the name of its section. */
  currentKey = $state<string | null>(null);
  currentSection = $state("");
  /** A short message under the header; it goes by itself. */
  notice = $state<string | null>(null);
  totalWords = $state(0);
  controller = $state.raw<PitchEditorController | null>(null);

  // The elements the session measures and scrolls, bound by the parts that render them.
  mount = $state<HTMLDivElement>();
  workbench = $state<HTMLDivElement>();
  claimsScroll = $state<HTMLDivElement>();
  editorScroll = $state<HTMLDivElement>();
  claimsPane = $state<{ focus: () => void }>();

  /** The writer cannot change a pitch in review; the reviewer it waits for can (their edits). */
  readonly locked = $derived(ui.readOnly || (this.review?.status === "in-review" && !this.review.reviewerUnlocked));
  /** Links and checklist ticks are frozen for everyone while the pitch is in review. */
  readonly frozen = $derived(ui.readOnly || this.review?.status === "in-review");

  /** The first change to an approved pitch asks first (it voids the approval). */
  readonly approvedEdits: ApprovedEdits = new ApprovedEdits({
    approval: () => approvalInForce(this.review),
    ask: (confirm) => {
      if (ui.dialog) return false;
      ui.confirm({ ...EDIT_APPROVED, action: async () => confirm() });
      return true;
    },
  });

  // The session's parts, each with its state and actions.
  readonly saving: PitchSaving = new PitchSaving(this);
  readonly layout: PaneLayout = new PaneLayout(this);
  readonly linking: PitchLinking = new PitchLinking(this);
  readonly connections: Connections = new Connections(this);
  readonly follow: ClaimsFollow = new ClaimsFollow(this);
  readonly comments: PitchComments = new PitchComments(this);
  readonly format: PitchFormatting = new PitchFormatting(this);
  readonly exports: PitchExport = new PitchExport(this);
  readonly checks: PitchChecks = new PitchChecks(this);
  readonly memory: PitchMemory = new PitchMemory(this);

  #countTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(id: number, blockId: number | undefined) {
    this.id = id;
    this.#blockId = blockId;
  }

  /** The session's reactions to its own state. Call once, while the screen is being set up. */
  connect(): void {
    $effect(() => {
      const pitchId = this.id;
      return loadScreen(
        () => Promise.all([api.getPitchEditor(pitchId), api.reviewState(pitchId)]),
        ([loaded, state]) => {
          this.review = state;
          this.view = loaded;
          this.links = loaded.links;
          this.missing = false;
          ui.activeLaunchId = loaded.summary.pitch.launchId;
        },
        () => {
          if (!this.view) this.missing = true;
        },
      );
    });

    // (Read the values first: `controller?.f(x)` skips reading x, and so tracking it, while
    // there is no controller yet.)
    $effect(() => {
      const marks = this.linking.blockMarks;
      this.controller?.setLinks(marks);
    });
    $effect(() => {
      const keys = this.linking.partnerKeys;
      this.controller?.setHighlight(keys);
    });
    $effect(() => {
      void this.linking.partnerClaims;
      void this.linking.partnerKeys;
      void this.linking.blockMarks;
      void this.layout.claimsWidth;
      void this.layout.checksOpen;
      this.connections.schedule();
    });

    $effect(() => {
      const pane = this.claimsScroll;
      if (pane) return this.follow.watch(pane);
    });

    // Linking changes coverage: check again.
    $effect(() => {
      void this.links;
      if (this.controller) this.checks.schedule(0);
    });

    $effect(() => {
      const view = this.view;
      const mount = this.mount;
      if (!view || !mount || this.controller) return;
      const c = new PitchEditorController(mount, view.collateralType.sections, view.blocks, !this.locked, this.hooks());
      this.controller = c;
      c.setLinks(this.linking.blockMarks);
      this.updateCounts();
      // Empty sections get a paragraph (with a key) the workspace does not have yet: save it, so
      // it can be linked at once.
      if (!this.locked && c.blocks().length !== view.blocks.length) this.saving.autosaver.changed();
      ui.screenRendered();
      if (this.#blockId !== undefined) void this.spotlight(this.#blockId);
      this.checks.schedule(0);
    });

    $effect(() => {
      const editable = !this.locked;
      this.controller?.setEditable(editable);
    });

    $effect(() => {
      if (this.review) this.controller?.setComments(this.review.comments);
    });

    $effect(() => {
      if (this.notice === null) return;
      const t = setTimeout(() => (this.notice = null), 6000);
      return () => clearTimeout(t);
    });
  }

  /** The screen is going: whatever is typed is saved first, after any save in flight, in order. */
  destroy(): void {
    if (this.#countTimer) clearTimeout(this.#countTimer);
    this.checks.cancel();
    this.connections.cancel();
    this.follow.cancel();
    const c = this.controller;
    this.controller = null;
    if (c) this.saving.close(c.blocks());
    c?.destroy();
  }

  // ---- the editor -----------------------------------------------------------------------------

  hooks(): EditorHooks {
    return {
      onDocChange: () => {
        this.saving.autosaver.changed();
        this.#scheduleCounts();
        this.connections.schedule();
        this.checks.schedule();
      },
      onSelection: (key, state) => {
        this.format.show(state);
        if (key !== this.currentKey) {
          this.currentKey = key;
          this.currentSection = this.#sectionNameOf(key);
          this.memory.schedule();
          // The writer moved the caret (not the editor opening with its caret at the start):
          // the claims pane brings the paragraph's claims into view.
          if (this.controller?.view.hasFocus()) this.follow.follow(key);
        }
      },
      onHoverBlock: (key) => (this.linking.hoverKey = key),
      allowEdit: (retry) => this.approvedEdits.allow(retry),
      onDropClaims: (key, ids) => void this.linking.link(key, ids),
      onImagesSkipped: (n) => (this.notice = `${n === 1 ? "An image was" : `${n} images were`} left out: pitch text holds words only. Images come from the brand kit at export.`),
      onLinkChipClick: (key) => this.controller?.focusBlock(key),
      editLink: () => this.format.editLink(),
      onCommentClick: (commentId) => {
        this.comments.activate(commentId);
        this.layout.showChecks();
      },
      onFindingClick: (key) => {
        this.checks.activate(key);
        this.layout.showChecks();
      },
    };
  }

  #sectionNameOf(key: string | null): string {
    if (!key || !this.controller || !this.view) return "";
    const sectionId = this.controller.blockElement(key)?.closest<HTMLElement>("[data-section]")?.dataset.section;
    return this.view.collateralType.sections.find((s) => s.id === sectionId)?.name ?? "";
  }

  async spotlight(target: number): Promise<void> {
    try {
      const detail = await api.getPitch(this.id);
      const key = detail.blocks.find((b) => b.id === target)?.key;
      if (key) this.controller?.focusBlock(key);
    } catch {
      // The block is gone; the pitch is still open.
    }
  }

  // ---- word counts ------------------------------------------------------------------------------

  #scheduleCounts(): void {
    if (this.#countTimer) clearTimeout(this.#countTimer);
    this.checks.cancel();
    this.#countTimer = setTimeout(() => this.updateCounts(), 150);
  }

  updateCounts(): void {
    timed("pb-counts", () => this.#countWordsNow());
  }

  /** Each section's count is written into its heading directly: no render for a keystroke. */
  #countWordsNow(): void {
    if (!this.controller || !this.view) return;
    const counts = sectionWordCounts(this.controller.doc());
    let total = 0;
    for (const s of this.view.collateralType.sections) {
      const n = counts.get(s.id) ?? 0;
      total += n;
      const el = this.mount?.querySelector<HTMLElement>(`[data-words-for="${CSS.escape(s.id)}"]`);
      if (!el) continue;
      const limit = wordLimitText(s.words);
      el.textContent = limit ? `${n} words · ${limit}` : `${n} words`;
      el.dataset.fit = wordFit(n, s.words);
    }
    this.totalWords = total;
  }

  // ---- review, versions, delete -------------------------------------------------------------

  readonly setReview = (state: ReviewState): void => {
    this.review = state;
    if (this.view && this.view.summary.pitch.status !== state.status) {
      this.view = { ...this.view, summary: { ...this.view.summary, pitch: { ...this.view.summary.pitch, status: state.status } } };
      void ui.changed();
    }
  };

  openVersions(): void {
    if (!this.view) return;
    const v = this.view;
    ui.openDialog({
      kind: "pitch-versions",
      pitchId: this.id,
      versions: v.versions,
      flush: this.saving.saved,
      onversions: (versions) => (this.view = { ...v, versions }),
      onrestored: (restored) => {
        this.view = restored;
        this.links = restored.links;
        this.controller?.replace(restored.blocks, this.hooks());
        this.controller?.setLinks(this.linking.blockMarks);
        this.updateCounts();
        this.notice = "Version restored. What was there before is kept as a version of its own.";
      },
    });
  }

  remove(): void {
    if (!this.view) return;
    const { pitch } = this.view.summary;
    ui.confirm({
      title: "Delete pitch?",
      body: `“${pitch.title}” will be deleted with all its text, claim links and versions. This cannot be undone.`,
      confirmLabel: "Delete pitch",
      action: async () => {
        await this.saving.saved();
        await api.deletePitch(pitch.id);
        await this.saving.autosaver.close([]);
        ui.navigate({ name: "launch", id: pitch.launchId });
        await ui.changed();
      },
    });
  }

  // ---- keys -----------------------------------------------------------------------------------

  readonly onkeydown = (event: KeyboardEvent): void => {
    if (ui.dialog || !this.view) return;
    const { linking, layout, exports } = this;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (mod && !event.shiftKey && key === "l") void linking.link();
    else if (mod && event.shiftKey && key === "l") void linking.unlinkSelected();
    else if (mod && event.shiftKey && event.key === "Enter") void linking.resolveCurrent("still-holds");
    else if (mod && event.shiftKey && key === "r") void linking.resolveCurrent("revised");
    else if (mod && !event.shiftKey && key === "s") void showingErrors(this.saving.saved);
    else if (mod && event.shiftKey && key === "s") this.openVersions();
    else if (mod && event.shiftKey && key === "a") layout.toggleResearch();
    else if (mod && event.shiftKey && key === "c") layout.toggleChecks();
    else if (mod && event.altKey && key === "m") void this.comments.commentOnSelection();
    else if (mod && !event.shiftKey && key === "e") exports.toggleMenu();
    else if (event.key === "Escape" && exports.menuOpen) exports.menuOpen = false;
    else if (mod && key === ".") linking.nextStale();
    else if (event.altKey && !mod && /^Digit[1-5]$/.test(event.code)) handled = this.memory.insert(Number(event.code.slice(5)) - 1);
    else if (mod && event.shiftKey && key === "f") void this.memory.concord(this.controller?.selectedText() ?? "");
    else if (event.key === "F6") {
      if (document.activeElement?.closest("[data-testid=claims-pane]")) this.controller?.view.focus();
      else this.claimsPane?.focus();
    } else if (event.key === "Escape" && layout.researchOpen && !isTextEntry(event.target)) layout.researchOpen = false;
    else if (event.key === "Escape" && guide.open && !event.defaultPrevented) guide.dismiss();
    else handled = false;
    if (handled) event.preventDefault();
  };
}
