// How the pitch screen's workbench is laid out: the claims pane's width (dragged or stepped,
// remembered, giving way in a narrow window), the checklist's (open, or collapsed to a rail,
// the choice remembered) and whether the research drawer is open.

import { checksPaneWidth, claimsPaneWidth, clampClaimsWidth, defaultClaimsWidth } from "./logic";

const CHECKS_OPEN_KEY = "pitchbridge.checksOpen";
const CLAIMS_WIDTH_KEY = "pitchbridge.claimsWidth";

/** What the layout needs of the pitch session: the workbench it measures. */
export type LayoutHost = {
  readonly workbench: HTMLElement | undefined;
};

export class PaneLayout {
  checksOpen = $state(localStorage.getItem(CHECKS_OPEN_KEY) !== "0");
  researchOpen = $state(false);
  /** The claims pane's width as chosen (dragged or stepped), none until the writer chooses
   *  (then it suits the window); see `claimsWidth`. */
  leftWidth = $state<number | null>(Number(localStorage.getItem(CLAIMS_WIDTH_KEY)) || null);
  workbenchWidth = $state(0);
  /** The checklist's column: narrower in a narrow window, a rail when collapsed. */
  readonly checksWidth = $derived(checksPaneWidth(this.workbenchWidth, this.checksOpen));
  /** The claims pane gives way when the window is narrow, so the text keeps a writable width. */
  readonly claimsWidth = $derived(claimsPaneWidth(this.leftWidth ?? defaultClaimsWidth(this.workbenchWidth), this.workbenchWidth, this.checksWidth));

  readonly #host: LayoutHost;

  constructor(host: LayoutHost) {
    this.#host = host;
  }

  toggleChecks(): void {
    this.checksOpen = !this.checksOpen;
    localStorage.setItem(CHECKS_OPEN_KEY, this.checksOpen ? "1" : "0");
  }

  /** Opens the checklist's pane (where comments and findings are listed) if it is closed. */
  showChecks(): void {
    if (!this.checksOpen) this.toggleChecks();
  }

  toggleResearch(): void {
    this.researchOpen = !this.researchOpen;
  }

  /** The splitter: drag it… */
  startResize(event: PointerEvent): void {
    const startX = event.clientX;
    const startWidth = this.claimsWidth;
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => this.#setWidth(startWidth + e.clientX - startX);
    const up = (): void => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      this.#remember();
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  }

  /** …or step it with the arrow keys when it has the focus. */
  resizeKey(event: KeyboardEvent): void {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === "ArrowLeft") this.#setWidth(this.claimsWidth - step);
    else if (event.key === "ArrowRight") this.#setWidth(this.claimsWidth + step);
    else return;
    event.preventDefault();
    this.#remember();
  }

  #setWidth(width: number): void {
    const workbench = this.#host.workbench?.clientWidth ?? 1200;
    this.leftWidth = Math.round(clampClaimsWidth(width, workbench, checksPaneWidth(workbench, this.checksOpen)));
  }

  #remember(): void {
    if (this.leftWidth !== null) localStorage.setItem(CLAIMS_WIDTH_KEY, String(this.leftWidth));
  }
}
