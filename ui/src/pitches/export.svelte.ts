// Exporting the open pitch from its header's menu: the last words typed are saved first, and
// the notice says which files were written and what the export warned of.

import * as api from "../lib/api";
import type { ExportFormat, PitchEditorView } from "../lib/bindings";
import { ui } from "../lib/ui.svelte";
import type { PitchSaving } from "./saving.svelte";

/** What the export needs of the pitch session. */
export type ExportHost = {
  readonly id: number;
  readonly view: PitchEditorView | null;
  notice: string | null;
  readonly saving: Pick<PitchSaving, "autosaver" | "error">;
};

export class PitchExport {
  /** The export menu is open. */
  menuOpen = $state(false);
  busy = $state(false);

  readonly #host: ExportHost;

  constructor(host: ExportHost) {
    this.#host = host;
  }

  toggleMenu(): void {
    this.menuOpen = !this.menuOpen;
  }

  async exportAs(formats: ExportFormat[]): Promise<void> {
    const host = this.#host;
    this.menuOpen = false;
    if (this.busy) return;
    this.busy = true;
    try {
      // What is on screen is what goes out: the last keystrokes are saved first.
      if (!(await host.saving.autosaver.flush())) throw host.saving.error ?? { code: "io", message: "The latest changes could not be saved, so the export would miss them." };
      const outcomes = await api.exportPitch(host.id, formats);
      if (outcomes) {
        const names = outcomes.map((o) => o.path.split("/").pop()).join(" and ");
        const warnings = outcomes.flatMap((o) => o.warnings);
        host.notice = `Exported ${names}${host.view?.summary.pitch.status !== "approved" ? " (marked DRAFT until approved)" : ""}.${warnings.length ? " " + warnings.join(" ") : ""}`;
      }
    } catch (e) {
      ui.showError(e);
    } finally {
      this.busy = false;
    }
  }

  openBrandKit(): void {
    this.menuOpen = false;
    ui.openDialog({ kind: "brand-kit" });
  }
}
