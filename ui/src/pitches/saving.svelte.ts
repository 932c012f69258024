// Saving the open pitch as it is typed: the autosave wired to the editor and the workspace the
// pitch was opened from, what the header says of it, and the save that must come before an
// action reads the stored text.

import * as api from "../lib/api";
import type { ApiError, DocBlock, PitchLinks, ReviewState } from "../lib/bindings";
import { ui } from "../lib/ui.svelte";
import { Autosaver, type SaveStatus } from "./editor/autosave";
import type { PitchEditorController } from "./editor/controller";
import { saveLabel } from "./logic";

/** What saving needs of the pitch session. */
export type SaveHost = {
  readonly id: number;
  readonly controller: PitchEditorController | null;
  readonly review: ReviewState | null;
  links: PitchLinks;
  setReview(state: ReviewState): void;
};

export class PitchSaving {
  status = $state<SaveStatus>("saved");
  error = $state<ApiError | null>(null);
  readonly label = $derived(saveLabel(this.status));

  // Saves name the workspace the pitch was opened from: if another workspace is opened while a
  // save is pending, the save is refused rather than written into the wrong file.
  readonly #workspacePath = ui.workspace?.path ?? "";
  readonly autosaver: Autosaver;

  constructor(host: SaveHost) {
    this.autosaver = new Autosaver(
      () => host.controller?.blocks() ?? [],
      async (blocks) => {
        const start = performance.now();
        const result = await api.savePitchDoc({ pitchId: host.id, workspace: this.#workspacePath, blocks });
        performance.measure("pb-save-roundtrip", { start, end: performance.now() });
        // Deleting a paragraph deletes its links: show what the workspace now holds.
        if (result.links) host.links = result.links;
        // A change of wording after an approval means it needs approving again.
        if (result.changed && host.review?.status === "approved") host.setReview(await api.reviewState(host.id));
      },
      (status, error) => {
        this.status = status;
        this.error = error;
      },
    );
  }

  /** Saves pending typing; throws if that fails, so what follows does not act on stale text. */
  readonly saved = async (): Promise<void> => {
    if (!(await this.autosaver.flush())) {
      throw { code: "io", message: `Your latest changes could not be saved (${this.error?.message ?? "unknown error"}). Pitchbridge keeps trying; try again in a moment.` } satisfies ApiError;
    }
  };

  /** The editor is going with `last` as its words: they are saved after any save in flight, in
   *  order, and a failure is shown. */
  close(last: DocBlock[]): void {
    void this.autosaver.close(last).then((ok) => {
      if (!ok) ui.showError({ code: "io", message: `The last changes to the pitch could not be saved: ${this.error?.message ?? "unknown error"}` });
    });
  }

  /** The window is hidden (minimised, another desktop): what is typed is saved now. */
  readonly onvisibilitychange = (): void => {
    if (document.visibilityState === "hidden") void this.autosaver.flush();
  };
}
