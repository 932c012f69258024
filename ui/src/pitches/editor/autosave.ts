// Continuous saving: a save follows every pause in typing, and never more than about
// `MAX_WAIT_MS` after the first unsaved change, so a crash loses at most about a second.
// Saves never overlap, so they reach the workspace in the order they were made.

import type { ApiError, DocBlock } from "../../lib/bindings";
import { toApiError } from "../../lib/api";

export type SaveStatus = "saved" | "pending" | "saving" | "error";

const IDLE_MS = 300;
const MAX_WAIT_MS = 700;
const RETRY_MS = 2000;

export class Autosaver {
  private dirtySince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  /** `read` gives the document to save; `write` saves it. */
  constructor(
    private read: () => DocBlock[],
    private readonly write: (blocks: DocBlock[]) => Promise<void>,
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

  /** Saves now if anything is unsaved. True once the workspace holds everything typed so far;
   *  false if a save failed (the change is kept and retried). */
  async flush(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (this.dirtySince === null) return true;
    this.dirtySince = null;
    this.onStatus("saving", null);
    let ok = true;
    this.inFlight = this.write(this.read()).then(
      () => {
        this.inFlight = null;
        this.onStatus(this.dirtySince === null ? "saved" : "pending", null);
      },
      (reason: unknown) => {
        this.inFlight = null;
        ok = false;
        // Keep the change and try again: nothing typed is dropped because one save failed.
        this.dirtySince ??= performance.now();
        this.onStatus("error", toApiError(reason));
        if (!this.stopped) this.timer = setTimeout(() => void this.flush(), RETRY_MS);
      },
    );
    await this.inFlight;
    return ok && this.dirtySince === null;
  }

  /** The editor is going: `last` is its final document. Waits for a save in flight, saves
   *  what is left, and stops. False if the last save failed. */
  async close(last: DocBlock[]): Promise<boolean> {
    this.read = () => last;
    this.stopped = true;
    return this.flush();
  }
}
