// One open pitch in the side-by-side editor: what the screen shows (the pitch, its links, its
// review, its checks), the editor, the autosave, and every action the screen and its parts
// offer. The components read and bind its state; it talks to the workspace through api.ts.

import { toggleMark } from "prosemirror-commands";
import { redo as redoCommand, undo as undoCommand } from "prosemirror-history";
import type { Command } from "prosemirror-state";
import { readinessBand } from "../checks/readiness";
import * as api from "../lib/api";
import type { ApiError, Claim, Comment, ExportFormat, LinkResolution, LinkView, PitchEditorView, PitchLinks, ReviewState } from "../lib/bindings";
import { timed } from "../lib/perf";
import { isTextEntry } from "../lib/shortcuts";
import { wordFit, wordLimitText } from "../lib/text";
import { loadScreen, ui } from "../lib/ui.svelte";
import { PitchChecks } from "./checks.svelte";
import { Autosaver, type SaveStatus } from "./editor/autosave";
import { PitchEditorController, type EditorHooks, type ToolbarState } from "./editor/controller";
import { linkAtSelection, setLinkMark } from "./editor/link-mark";
import { setStyle, toggleList } from "./editor/plugins";
import { safeHref, schema, sectionWordCounts } from "./editor/schema";
import {
  blockLinkMarks,
  clampClaimsWidth,
  claimsPaneWidth,
  connectionPath,
  coveragePercent,
  focusBlock,
  linkCountsByClaim,
  linksByBlock,
  nextStaleBlock,
  openThreadsByClaim,
  pairsToDraw,
  partnerBlockKeys,
  partnerClaimIds,
  quoteStart,
  sameToolbar,
  saveLabel,
  unconfirmedItems,
} from "./logic";

export type ConnectionLine = { d: string; stale: boolean };

export class PitchSession {
  readonly id: number;
  readonly #blockId: number | undefined;

  view = $state.raw<PitchEditorView | null>(null);
  review = $state.raw<ReviewState | null>(null);
  links = $state.raw<PitchLinks>({ links: [], coverage: { required: 0, linked: 0, gaps: [] } });
  missing = $state(false);
  /** Claims selected in the claims pane, to link. */
  selected = $state.raw<Set<number>>(new Set());
  /** The block with the cursor, and the name of its section. */
  currentKey = $state<string | null>(null);
  currentSection = $state("");
  toolbar = $state<ToolbarState>({ style: "paragraph", bold: false, italic: false, link: false, canUndo: false, canRedo: false });
  saveStatus = $state<SaveStatus>("saved");
  saveError = $state<ApiError | null>(null);
  hoverClaim = $state<number | null>(null);
  hoverKey = $state<string | null>(null);
  researchOpen = $state(false);
  checksOpen = $state(localStorage.getItem("pitchbridge.checksOpen") !== "0");
  activeComment = $state<number | null>(null);
  exportOpen = $state(false);
  exporting = $state(false);
  /** A short message under the header; it goes by itself. */
  notice = $state<string | null>(null);
  totalWords = $state(0);
  /** The claims pane's width as chosen (dragged or stepped); see `claimsWidth`. */
  leftWidth = $state(Number(localStorage.getItem("pitchbridge.claimsWidth")) || 360);
  workbenchWidth = $state(0);
  controller = $state.raw<PitchEditorController | null>(null);
  lines = $state.raw<ConnectionLine[]>([]);
  /** The checks: their report, the finding the writer is on, and their actions. */
  readonly checks: PitchChecks = new PitchChecks(this);

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
  /** The claims pane gives way when the window is narrow, so the text keeps a writable width. */
  readonly claimsWidth = $derived(claimsPaneWidth(this.leftWidth, this.workbenchWidth, this.checksOpen));

  // ---- what the links mean for each side ----------------------------------------------------

  readonly claimsById = $derived(new Map<number, Claim>((this.view?.messages ?? []).flatMap((m) => m.claims.map((c) => [c.id, c] as const))));
  readonly linksByKey = $derived(linksByBlock(this.links.links));
  readonly linkCounts = $derived(linkCountsByClaim(this.links.links));
  readonly staleLinks = $derived(this.links.links.filter((l) => l.state !== "current"));
  readonly staleClaims = $derived(new Set(this.staleLinks.map((l) => l.claimId)));
  readonly blockMarks = $derived(blockLinkMarks(this.linksByKey, this.claimsById));
  readonly focusKey = $derived(focusBlock(this.hoverClaim, this.hoverKey, this.currentKey));
  readonly partnerClaims = $derived(partnerClaimIds(this.linksByKey, this.focusKey));
  readonly partnerKeys = $derived(partnerBlockKeys(this.links.links, this.hoverClaim));
  /** The links of the block with the cursor, for the link inspector. */
  readonly currentLinks = $derived(this.currentKey ? (this.linksByKey.get(this.currentKey) ?? []) : []);
  readonly commentCounts = $derived(openThreadsByClaim(this.review?.comments ?? []));
  readonly claimNumbers = $derived(new Map<number, number>([...this.claimsById.values()].map((c) => [c.id, c.number] as const)));

  readonly saveLabel = $derived(saveLabel(this.saveStatus));
  readonly coveragePct = $derived(coveragePercent(this.links.coverage));
  readonly readinessBand = $derived(readinessBand(this.checks.report === null ? null : this.checks.report.readiness.score));
  readonly unconfirmed = $derived(unconfirmedItems(this.checks.report));

  // Saves name the workspace the pitch was opened from: if another workspace is opened while a
  // save is pending, the save is refused rather than written into the wrong file.
  readonly #workspacePath = ui.workspace?.path ?? "";
  readonly autosaver: Autosaver;

  #countTimer: ReturnType<typeof setTimeout> | null = null;
  #linesFrame = 0;

  constructor(id: number, blockId: number | undefined) {
    this.id = id;
    this.#blockId = blockId;
    this.autosaver = new Autosaver(
      () => this.controller?.blocks() ?? [],
      async (blocks) => {
        const start = performance.now();
        const result = await api.savePitchDoc({ pitchId: this.id, workspace: this.#workspacePath, blocks });
        performance.measure("pb-save-roundtrip", { start, end: performance.now() });
        // Deleting a paragraph deletes its links: show what the workspace now holds.
        if (result.links) this.links = result.links;
        // A change of wording after an approval means it needs approving again.
        if (result.changed && this.review?.status === "approved") this.setReview(await api.reviewState(this.id));
      },
      (status, error) => {
        this.saveStatus = status;
        this.saveError = error;
      },
    );
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
      const marks = this.blockMarks;
      this.controller?.setLinks(marks);
    });
    $effect(() => {
      const keys = this.partnerKeys;
      this.controller?.setHighlight(keys);
    });
    $effect(() => {
      void this.partnerClaims;
      void this.partnerKeys;
      void this.blockMarks;
      void this.claimsWidth;
      this.scheduleLines();
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
      c.setLinks(this.blockMarks);
      this.updateCounts();
      // Empty sections get a paragraph (with a key) the workspace does not have yet: save it, so
      // it can be linked at once.
      if (!this.locked && c.blocks().length !== view.blocks.length) this.autosaver.changed();
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
    if (this.#linesFrame) cancelAnimationFrame(this.#linesFrame);
    const c = this.controller;
    this.controller = null;
    if (c) {
      const last = c.blocks();
      void this.autosaver.close(last).then((ok) => {
        if (!ok) ui.showError({ code: "io", message: `The last changes to the pitch could not be saved: ${this.saveError?.message ?? "unknown error"}` });
      });
    }
    c?.destroy();
  }

  /** Saves pending typing; throws if that fails, so what follows does not act on stale text. */
  readonly saved = async (): Promise<void> => {
    if (!(await this.autosaver.flush())) {
      throw { code: "io", message: `Your latest changes could not be saved (${this.saveError?.message ?? "unknown error"}). Pitchbridge keeps trying; try again in a moment.` } satisfies ApiError;
    }
  };

  async #guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      ui.showError(e);
    }
  }

  // ---- the editor -----------------------------------------------------------------------------

  hooks(): EditorHooks {
    return {
      onDocChange: () => {
        this.autosaver.changed();
        this.#scheduleCounts();
        this.scheduleLines();
        this.checks.schedule();
      },
      onSelection: (key, state) => {
        // Only a real change reaches the toolbar: typing must not re-render it every key.
        if (!sameToolbar(this.toolbar, state)) this.toolbar = state;
        if (key !== this.currentKey) {
          this.currentKey = key;
          this.currentSection = this.#sectionNameOf(key);
        }
      },
      onHoverBlock: (key) => (this.hoverKey = key),
      onDropClaims: (key, ids) => void this.link(key, ids),
      onImagesSkipped: (n) => (this.notice = `${n === 1 ? "An image was" : `${n} images were`} left out: pitch text holds words only. Images come from the brand kit at export.`),
      onLinkChipClick: (key) => this.controller?.focusBlock(key),
      editLink: () => this.editLink(),
      onCommentClick: (commentId) => {
        this.activeComment = commentId;
        this.controller?.setActiveComment(commentId);
        if (!this.checksOpen) this.toggleChecks();
      },
      onFindingClick: (key) => {
        this.checks.active = key;
        this.controller?.setActiveFinding(key);
        if (!this.checksOpen) this.toggleChecks();
      },
    };
  }

  /** Runs an editing command from the toolbar (the editor keeps the focus). */
  run(command: Command): void {
    this.controller?.run(command);
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
    const controller = this.controller;
    if (!controller || ui.readOnly) return;
    const { href: existing, canLink } = linkAtSelection(controller.view.state);
    if (!canLink) {
      this.notice = "Select the words to turn into a link first.";
      return;
    }
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
        const c = this.controller;
        if (!c) return;
        c.view.dispatch(setLinkMark(c.view.state, href));
        c.view.focus();
      },
    });
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

  // ---- connection lines ------------------------------------------------------------------------

  readonly scheduleLines = (): void => {
    if (this.#linesFrame) return;
    this.#linesFrame = requestAnimationFrame(() => {
      this.#linesFrame = 0;
      timed("pb-lines", () => this.#drawLinesNow());
    });
  };

  #drawLinesNow(): void {
    const { workbench, controller, claimsScroll, editorScroll } = this;
    if (!workbench || !controller || !claimsScroll || !editorScroll) {
      this.lines = [];
      return;
    }
    const pairs = pairsToDraw(this.links.links, this.linksByKey, this.hoverClaim, this.focusKey);
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

  // ---- linking ---------------------------------------------------------------------------------

  link(key: string | null = this.currentKey, ids: number[] = [...this.selected]): Promise<void> {
    return this.#guarded(async () => {
      if (this.frozen) {
        if (this.review?.status === "in-review") this.notice = "Links are frozen while the pitch is in review.";
        return;
      }
      if (!key) {
        this.notice = "Put the cursor in the paragraph that translates these claims, then link.";
        return;
      }
      if (ids.length === 0) {
        this.notice = "Select one or more claims on the left first (click, Ctrl+click or Shift+click, or Space in the list).";
        return;
      }
      await this.saved(); // the paragraph must be in the workspace before a link can point at it
      this.links = await api.linkClaims({ pitchId: this.id, blockKey: key, claimIds: ids });
      this.selected = new Set();
      this.notice = null;
    });
  }

  unlink(l: LinkView): Promise<void> {
    return this.#guarded(async () => {
      this.links = await api.unlinkClaim({ pitchId: this.id, blockKey: l.blockKey, claimId: l.claimId });
    });
  }

  confirm(l: LinkView, resolution: LinkResolution): Promise<void> {
    return this.#guarded(async () => {
      await this.saved();
      this.links = await api.confirmLink({ pitchId: this.id, blockKey: l.blockKey, claimId: l.claimId, resolution });
    });
  }

  /** The keyboard's way to resolve: every stale link of the paragraph with the cursor. */
  async resolveCurrent(resolution: LinkResolution): Promise<void> {
    const stale = this.currentLinks.filter((l) => l.state !== "current");
    if (stale.length === 0) {
      this.notice = "This paragraph has no stale links. Ctrl+. goes to the next one.";
      return;
    }
    for (const l of stale) {
      if (l.state === "removed") await this.unlink(l);
      else await this.confirm(l, resolution);
    }
  }

  /** Ctrl+Shift+L: the selected claims no longer feed the paragraph with the cursor. */
  async unlinkSelected(): Promise<void> {
    const mine = this.currentLinks.filter((l) => this.selected.has(l.claimId));
    if (mine.length === 0) {
      this.notice = "Select the linked claims to remove from this paragraph first.";
      return;
    }
    for (const l of mine) await this.unlink(l);
    this.selected = new Set();
  }

  nextStale(): void {
    const key = nextStaleBlock(this.staleLinks, this.currentKey);
    if (key === undefined) {
      this.notice = "No stale links: every linked claim reads as it did when it was linked.";
      return;
    }
    this.controller?.focusBlock(key);
  }

  showClaim(claimId: number): void {
    this.claimsScroll?.querySelector<HTMLElement>(`[data-claim-id="${claimId}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    this.selected = new Set([claimId]);
  }

  showGaps(): void {
    const first = this.links.coverage.gaps[0];
    if (first !== undefined) this.showClaim(first);
  }

  // ---- the checks ------------------------------------------------------------------------------

  toggleChecks(): void {
    this.checksOpen = !this.checksOpen;
    localStorage.setItem("pitchbridge.checksOpen", this.checksOpen ? "1" : "0");
    this.scheduleLines();
  }

  // ---- review ----------------------------------------------------------------------------------

  readonly setReview = (state: ReviewState): void => {
    this.review = state;
    if (this.view && this.view.summary.pitch.status !== state.status) {
      this.view = { ...this.view, summary: { ...this.view.summary, pitch: { ...this.view.summary.pitch, status: state.status } } };
      void ui.changed();
    }
  };

  /** Where a claim's words are selected in the claims pane, as a comment anchor. */
  #claimSelection(): { id: number; start: number; end: number; quote: string } | null {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const row = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>("[data-claim-id]");
    const text = row?.querySelector<HTMLElement>(".text");
    if (!row || !text || !text.contains(range.endContainer)) return null;
    const claim = this.claimsById.get(Number(row.dataset.claimId));
    const quote = sel.toString();
    if (!claim || quote.trim() === "") return null;
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    const start = quoteStart(claim.text, quote, before.toString());
    return start < 0 ? null : { id: claim.id, start, end: start + quote.length, quote };
  }

  async commentOnSelection(): Promise<void> {
    if (!this.review || ui.readOnly) return;
    // The offsets are the editor's: the stored text must be the same words first.
    if (!(await this.autosaver.flush())) return;
    const onClaim = this.#claimSelection();
    if (onClaim) {
      ui.openDialog({ kind: "comment", pitchId: this.id, target: { kind: "claim", id: onClaim.id }, start: onClaim.start, end: onClaim.end, quote: onClaim.quote, parentId: null, ondone: this.setReview });
      return;
    }
    const anchor = this.controller?.selectionAnchor();
    if (!anchor) {
      this.notice = "Select the words you want to comment on, in the pitch or in a claim, then Comment.";
      return;
    }
    ui.openDialog({ kind: "comment", pitchId: this.id, target: { kind: "block", key: anchor.key }, start: anchor.start, end: anchor.end, quote: anchor.quote, parentId: null, ondone: this.setReview });
  }

  replyTo(c: Comment): void {
    ui.openDialog({ kind: "comment", pitchId: this.id, target: c.target, start: c.start, end: c.end, quote: c.quote, parentId: c.id, ondone: this.setReview });
  }

  async resolveThread(c: Comment, resolved: boolean): Promise<void> {
    try {
      this.setReview(await api.resolveComment({ pitchId: this.id, commentId: c.id, resolved }));
    } catch (e) {
      ui.showError(e);
    }
  }

  selectThread(c: Comment): void {
    this.activeComment = c.id;
    this.controller?.setActiveComment(c.id);
    if (c.target.kind === "claim") this.showClaim(c.target.id);
    else if (!this.controller?.selectComment(c.id) && c.target.kind === "block") this.controller?.focusBlock(c.target.key);
  }

  // ---- export, versions, delete --------------------------------------------------------------

  async exportAs(formats: ExportFormat[]): Promise<void> {
    this.exportOpen = false;
    if (this.exporting) return;
    this.exporting = true;
    try {
      // What is on screen is what goes out: the last keystrokes are saved first.
      if (!(await this.autosaver.flush())) throw this.saveError ?? { code: "io", message: "The latest changes could not be saved, so the export would miss them." };
      const outcomes = await api.exportPitch(this.id, formats);
      if (outcomes) {
        const names = outcomes.map((o) => o.path.split("/").pop()).join(" and ");
        const warnings = outcomes.flatMap((o) => o.warnings);
        this.notice = `Exported ${names}${this.view?.summary.pitch.status !== "approved" ? " (marked DRAFT until approved)" : ""}.${warnings.length ? " " + warnings.join(" ") : ""}`;
      }
    } catch (e) {
      ui.showError(e);
    } finally {
      this.exporting = false;
    }
  }

  openBrandKit(): void {
    this.exportOpen = false;
    ui.openDialog({ kind: "brand-kit" });
  }

  openVersions(): void {
    if (!this.view) return;
    const v = this.view;
    ui.openDialog({
      kind: "pitch-versions",
      pitchId: this.id,
      versions: v.versions,
      flush: this.saved,
      onversions: (versions) => (this.view = { ...v, versions }),
      onrestored: (restored) => {
        this.view = restored;
        this.links = restored.links;
        this.controller?.replace(restored.blocks, this.hooks());
        this.controller?.setLinks(this.blockMarks);
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
        await this.saved();
        await api.deletePitch(pitch.id);
        await this.autosaver.close([]);
        ui.navigate({ name: "launch", id: pitch.launchId });
        await ui.changed();
      },
    });
  }

  // ---- keys, window, splitter ------------------------------------------------------------------

  readonly onkeydown = (event: KeyboardEvent): void => {
    if (ui.dialog || !this.view) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (mod && !event.shiftKey && key === "l") void this.link();
    else if (mod && event.shiftKey && key === "l") void this.unlinkSelected();
    else if (mod && event.shiftKey && event.key === "Enter") void this.resolveCurrent("still-holds");
    else if (mod && event.shiftKey && key === "r") void this.resolveCurrent("revised");
    else if (mod && !event.shiftKey && key === "s") void this.#guarded(this.saved);
    else if (mod && event.shiftKey && key === "s") this.openVersions();
    else if (mod && event.shiftKey && key === "a") this.researchOpen = !this.researchOpen;
    else if (mod && event.shiftKey && key === "c") this.toggleChecks();
    else if (mod && event.altKey && key === "m") void this.commentOnSelection();
    else if (mod && !event.shiftKey && key === "e") this.exportOpen = !this.exportOpen;
    else if (event.key === "Escape" && this.exportOpen) this.exportOpen = false;
    else if (mod && key === ".") this.nextStale();
    else if (event.key === "F6") {
      if (document.activeElement?.closest("[data-testid=claims-pane]")) this.controller?.view.focus();
      else this.claimsPane?.focus();
    } else if (event.key === "Escape" && this.researchOpen && !isTextEntry(event.target)) this.researchOpen = false;
    else handled = false;
    if (handled) event.preventDefault();
  };

  readonly onvisibilitychange = (): void => {
    if (document.visibilityState === "hidden") void this.autosaver.flush();
  };

  /** The splitter: drag it… */
  startResize(event: PointerEvent): void {
    const startX = event.clientX;
    const startWidth = this.claimsWidth;
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => {
      this.leftWidth = Math.round(clampClaimsWidth(startWidth + e.clientX - startX, this.workbench?.clientWidth ?? 1200));
    };
    const up = (): void => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      localStorage.setItem("pitchbridge.claimsWidth", String(this.leftWidth));
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  }

  /** …or step it with the arrow keys when it has the focus. */
  resizeKey(event: KeyboardEvent): void {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === "ArrowLeft") this.leftWidth = Math.max(240, this.claimsWidth - step);
    else if (event.key === "ArrowRight") this.leftWidth = Math.min((this.workbench?.clientWidth ?? 1200) - 360, this.claimsWidth + step);
    else return;
    event.preventDefault();
    localStorage.setItem("pitchbridge.claimsWidth", String(this.leftWidth));
  }
}
