// What the whole window shares: the open workspace, the launches in the sidebar, where we are,
// which dialog is open, and the error being shown.

import { tick } from "svelte";
import * as api from "./api";
import { toApiError } from "./api";
import type {
  GlossaryInput,
  GlossaryTerm,
  ApiError,
  Audience,
  FactoryMessage,
  Launch,
  LaunchDetail,
  LaunchSummary,
  PitchEditorView,
  PitchVersionSummary,
  VersionReport,
  WorkspaceInfo,
  CommentTarget,
  ReviewState,
  TrainingKit,
  FileReading,
  OpenedFile,
  PersonRow,
} from "./bindings";

export type Route =
  | { name: "home" }
  | { name: "launch"; id: number }
  | { name: "message"; id: number; claimId?: number }
  | { name: "pitch"; id: number; blockId?: number }
  | { name: "audiences" }
  | { name: "glossary" }
  | { name: "audit" }
  | { name: "readiness"; id: number }
  | { name: "training"; id: number; audienceId?: number }
  | { name: "results"; id: number };

export type ConfirmRequest = {
  title: string;
  body: string;
  confirmLabel: string;
  /** Runs when the person confirms; a failure closes the dialog and shows the error. */
  action: () => Promise<void>;
};

export type DialogState =
  | { kind: "new-launch" }
  | { kind: "launch-targets"; launchId: number }
  | { kind: "readiness-settings" }
  | { kind: "pitch-verification"; pitchId: number; ondone?: () => void }
  | { kind: "reverify"; pitchId: number; title: string; ondone?: (state: ReviewState) => void }
  | { kind: "edit-launch"; launch: Launch }
  | { kind: "add-message"; launchId: number }
  | { kind: "message-version"; message: FactoryMessage; onSaved: (report: VersionReport) => void }
  | { kind: "new-pitch"; launchId: number }
  | { kind: "audience"; audience: Audience | null }
  | ({ kind: "confirm" } & ConfirmRequest)
  | { kind: "shortcuts" }
  | ({ kind: "text-prompt" } & TextPrompt)
  | ({ kind: "pitch-versions" } & PitchVersionsRequest)
  | { kind: "import"; launchId: number; messageId: number | null; path: string | null }
  | { kind: "check-settings"; typeId: string; typeName: string; onchanged: () => void }
  | { kind: "glossary-term"; term: GlossaryTerm | null; initial?: Partial<GlossaryInput>; onsaved: (term: GlossaryTerm) => void }
  | { kind: "brand-kit" }
  | { kind: "profile" }
  | { kind: "submit-review"; pitchId: number; ondone: (state: ReviewState) => void }
  | { kind: "decide"; pitchId: number; reviewerEdited: boolean; items: { id: string; text: string }[]; ondone: (state: ReviewState) => void }
  | { kind: "submit-kit"; launchId: number; audienceId: number; items: number; ondone: (kit: TrainingKit) => void }
  | { kind: "decide-kit"; launchId: number; audienceId: number; title: string; reworded: number; ondone: (kit: TrainingKit) => void }
  | ({ kind: "comment" } & CommentRequest)
  | { kind: "deal-import"; path: string; ondone: (summary: string, reading: FileReading) => void }
  | { kind: "results-scope"; launchId: number; ondone: () => void }
  | { kind: "attest-certification"; launchId: number; people: PersonRow[]; ondone: () => void }
  | { kind: "opened-file"; file: OpenedFile };

/** A new comment on an exact range, or a reply to a thread. */
export type CommentRequest = {
  pitchId: number;
  target: CommentTarget;
  start: number;
  end: number;
  quote: string;
  parentId: number | null;
  ondone: (state: ReviewState) => void;
};

/** One line of text to ask for (a link address, a version name). */
export type TextPrompt = {
  title: string;
  label: string;
  initial: string;
  placeholder?: string;
  hint?: string;
  /** A passphrase: typed unseen. */
  secret?: boolean;
  submitLabel: string;
  /** Throws to keep the dialog open with the error shown. */
  onsubmit: (value: string) => Promise<void>;
};

export type PitchVersionsRequest = {
  pitchId: number;
  versions: PitchVersionSummary[];
  flush: () => Promise<void>;
  onversions: (versions: PitchVersionSummary[]) => void;
  onrestored: (view: PitchEditorView) => void;
};

export type ShownError = {
  error: ApiError;
  /** Raised while a dialog was open: shown inside it, and cleared when it closes. */
  inDialog: boolean;
};

class Ui {
  /** False until the start-up status has been read. */
  started = $state(false);
  workspace = $state.raw<WorkspaceInfo | null>(null);
  /** Why no workspace is open, for the welcome screen. */
  startupError = $state.raw<ApiError | null>(null);
  launches = $state.raw<LaunchSummary[]>([]);
  route = $state.raw<Route>({ name: "home" });
  /** The launch the current screen belongs to, highlighted in the sidebar. */
  activeLaunchId = $state<number | null>(null);
  dialog = $state.raw<DialogState | null>(null);
  error = $state.raw<ShownError | null>(null);
  /** Bumped after every change, so the screen on show loads its data again. */
  revision = $state(0);
  /** Bumped to ask the search box to take the focus. */
  searchFocusRequests = $state(0);
  /** A short message about something that just happened (a decision applied, a file saved). */
  notice = $state<string | null>(null);
  /** In a narrow window (a large zoom), the sidebar is a drawer: whether it is open. */
  navOpen = $state(false);

  readOnly = $derived(this.workspace?.readOnly ?? false);

  #readyAnnounced = false;
  #generation = 0;
  /** A launch fetched ahead (at start-up), handed once to the launch screen that shows it. */
  #preloaded: LaunchDetail | null = null;

  /** Closes the sidebar's drawer and gives the focus back to the button that opens it. */
  closeNav(): void {
    this.navOpen = false;
    document.querySelector<HTMLElement>("[data-testid=open-nav]")?.focus();
  }

  navigate(route: Route): void {
    this.route = route;
    this.navOpen = false;
    if (route.name === "launch" || route.name === "readiness" || route.name === "training" || route.name === "results") this.activeLaunchId = route.id;
    else if (route.name !== "message" && route.name !== "pitch") this.activeLaunchId = null;
    if (this.error && !this.error.inDialog) this.error = null;
  }

  /** Opens the first launch, or the empty start when there is none. */
  goToFirstLaunch(): void {
    const first = this.launches[0];
    this.navigate(first ? { name: "launch", id: first.launch.id } : { name: "home" });
  }

  notify(message: string): void {
    this.notice = message;
  }

  showError(reason: unknown): void {
    this.error = { error: toApiError(reason), inDialog: this.dialog !== null };
  }

  dismissError(): void {
    this.error = null;
  }

  openDialog(dialog: DialogState): void {
    if (this.error?.inDialog) this.error = null;
    // A dialog opened from the sidebar's drawer replaces it; closing the dialog then gives
    // the focus to the drawer's button.
    if (this.navOpen) this.closeNav();
    this.dialog = dialog;
  }

  closeDialog(): void {
    if (this.error?.inDialog) this.error = null;
    this.dialog = null;
  }

  confirm(request: ConfirmRequest): void {
    this.openDialog({ kind: "confirm", ...request });
  }

  focusSearch(): void {
    this.searchFocusRequests += 1;
  }

  async refreshLaunches(): Promise<void> {
    try {
      this.launches = await api.listLaunches();
    } catch (e) {
      this.showError(e);
    }
  }

  /** Call after any change: the sidebar counts and the screen on show are reloaded. */
  async changed(): Promise<void> {
    this.revision += 1;
    await this.refreshLaunches();
  }

  /** A workspace is open (at start-up, from the welcome screen, or from the menu). */
  async enterWorkspace(info: WorkspaceInfo, preloaded?: { launches: LaunchSummary[]; first: LaunchDetail | null }): Promise<void> {
    // Picking a workspace both answers and announces it: the last call to arrive wins.
    const generation = ++this.#generation;
    let launches: LaunchSummary[] = [];
    let failure: unknown = null;
    if (preloaded) {
      launches = preloaded.launches;
      this.#preloaded = preloaded.first;
    } else {
      try {
        launches = await api.listLaunches();
      } catch (e) {
        failure = e;
      }
    }
    if (generation !== this.#generation) return;
    // Show the workspace only with its launches, so no empty state flashes by first.
    this.dialog = null;
    this.error = null;
    this.startupError = null;
    this.workspace = info;
    this.started = true;
    if (failure !== null) this.showError(failure);
    this.launches = launches;
    this.goToFirstLaunch();
    this.revision += 1;
  }

  /** The preloaded detail of launch `id`, if there is one; it is given out only once. */
  takePreloadedLaunch(id: number): LaunchDetail | null {
    const detail = this.#preloaded;
    this.#preloaded = null;
    return detail && detail.launch.id === id ? detail : null;
  }

  showWelcome(error: ApiError | null): void {
    this.workspace = null;
    this.launches = [];
    this.dialog = null;
    this.error = null;
    this.startupError = error;
    this.started = true;
  }

  /** A screen with workspace data is on show: tell the tests and the shell, once. */
  screenRendered(): void {
    performance.mark("pb-screen-rendered");
    if (document.body.dataset.ready !== "true") document.body.dataset.ready = "true";
    this.#announce();
  }

  /** The start-up error screen is on show. */
  welcomeRendered(): void {
    if (document.body.dataset.ready !== "true") document.body.dataset.ready = "error";
    this.#announce();
  }

  #announce(): void {
    if (this.#readyAnnounced) return;
    this.#readyAnnounced = true;
    // The next frame starts before the screen is painted (animation callbacks come first in a
    // frame); the one after it starts once that paint is done and on its way to the screen.
    requestAnimationFrame((firstFrame) => {
      performance.mark("pb-first-frame");
      requestAnimationFrame((painted) => {
        performance.mark("pb-painted");
        api.frontendReady(painted - firstFrame).catch((e: unknown) => {
          // The window is already showing; a failure here only matters to the shell's timing.
          console.warn("frontend_ready failed", toApiError(e).message);
        });
      });
    });
  }
}

export const ui = new Ui();

/** The title of a control that changes the workspace, which is off (`disabled={ui.readOnly}`) in
 *  a read-only workspace: then why it is off, else `hint`. */
export function changeTitle(hint?: string): string | undefined {
  return ui.readOnly ? "This workspace is read-only" : hint;
}

/** Does `work`; a failure is shown to the person rather than thrown. */
export async function showingErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    ui.showError(e);
  }
}

/**
 * Loads what a screen shows: `show` gets the data, or `failed` runs after the error is shown;
 * either way the screen is announced as rendered. Returns the cancel function for the calling
 * `$effect`, so an answer that arrives after the screen moved on is dropped.
 */
export function loadScreen<T>(fetch: () => Promise<T>, show: (data: T) => void, failed: () => void): () => void {
  let live = true;
  fetch().then(
    async (data) => {
      if (!live) return;
      show(data);
      await tick();
      ui.screenRendered();
    },
    async (e: unknown) => {
      if (!live) return;
      ui.showError(e);
      failed();
      await tick();
      ui.screenRendered();
    },
  );
  return () => {
    live = false;
  };
}
