// Continuous saving: a save follows every pause in typing, and never more than about
// `MAX_WAIT_MS` after the first unsaved change, so a crash loses at most about a second.

import type { ApiError } from "../lib/bindings";
import { toApiError } from "../lib/api";

export type SaveStatus = "saved" | "pending" | "saving" | "error";

const IDLE_MS = 300;
const MAX_WAIT_MS = 700;
const RETRY_MS = 2000;

export class Autosaver {
  private dirtySince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly onStatus: (status: SaveStatus, error: ApiError | null) => void,
  ) {}

  get dirty(): boolean {
    return this.dirtySince !== null;
  }

  /** Something changed: save soon. */
  changed(): void {
    if (this.stopped) return;
    const now = performance.now();
    this.dirtySince ??= now;
    if (!this.inFlight) this.onStatus("pending", null);
    const wait = Math.max(0, Math.min(IDLE_MS, MAX_WAIT_MS - (now - this.dirtySince)));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves now if anything is unsaved; resolves once the workspace holds it. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (this.dirtySince === null) return;
    this.dirtySince = null;
    this.onStatus("saving", null);
    this.inFlight = this.write().then(
      () => {
        this.inFlight = null;
        this.onStatus(this.dirtySince === null ? "saved" : "pending", null);
      },
      (reason: unknown) => {
        this.inFlight = null;
        // Keep the change and try again: nothing typed is dropped because one save failed.
        this.dirtySince ??= performance.now();
        this.onStatus("error", toApiError(reason));
        if (!this.stopped) this.timer = setTimeout(() => void this.flush(), RETRY_MS);
      },
    );
    await this.inFlight;
  }

  /** Saves what is left and stops. */
  async stop(): Promise<void> {
    await this.flush();
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
