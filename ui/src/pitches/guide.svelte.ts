// The guided start: the first time a person opens a pitch, a small card beside the claims shows
// the workbench's four moves (read the claims, write, link, check). Once dismissed it never
// shows again by itself (remembered in localStorage); Help (the shortcuts overlay) can show it
// again. It never takes the focus unless it was asked for.

export const GUIDE_KEY = "pitchbridge.guidedStart";
export const GUIDE_STEP_COUNT = 4;

type Store = Pick<Storage, "getItem" | "setItem">;

/** Whether the person has dismissed the guide. A storage that cannot be read counts as not. */
export function guideDismissed(store: Store | null): boolean {
  try {
    return store?.getItem(GUIDE_KEY) === "dismissed";
  } catch {
    return false;
  }
}

function browserStore(): Store | null {
  return typeof localStorage === "undefined" ? null : localStorage;
}

export class GuidedStart {
  open = $state(false);
  step = $state(0);
  /** The person asked for the guide: its card takes the focus once, when it is there. */
  focusPending = $state(false);

  readonly #store: () => Store | null;

  constructor(store: () => Store | null = browserStore) {
    this.#store = store;
  }

  /** A pitch is on screen: the guide shows unless it was dismissed. */
  pitchOpened(): void {
    if (!this.open && !guideDismissed(this.#store())) this.open = true;
  }

  /** Asked for (Help): from its first step, with the focus. */
  reopen(): void {
    this.step = 0;
    this.open = true;
    this.focusPending = true;
  }

  next(): void {
    if (this.step < GUIDE_STEP_COUNT - 1) this.step += 1;
    else this.dismiss();
  }

  back(): void {
    if (this.step > 0) this.step -= 1;
  }

  /** Closed (its ×, Esc, or Done after the last step): remembered, so it stays away. */
  dismiss(): void {
    this.open = false;
    this.step = 0;
    try {
      this.#store()?.setItem(GUIDE_KEY, "dismissed");
    } catch {
      // Storage refused (full, or switched off): it is closed for now all the same.
    }
  }
}

/** The one guide of the window, shared by the pitch screen and the shortcuts overlay. */
export const guide = new GuidedStart();
