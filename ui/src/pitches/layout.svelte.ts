// How the pitch screen's workbench is laid out: the claims pane's width (dragged or stepped,
// remembered, giving way in a narrow window), and whether the checklist and the research
// drawer are open (the checklist's choice remembered too).

import { claimsPaneWidth, clampClaimsWidth } from "./logic";

const CHECKS_OPEN_KEY = "pitchbridge.checksOpen";
const CLAIMS_WIDTH_KEY = "pitchbridge.claimsWidth";

/** What the layout needs of the pitch session: the workbench it measures. */
export type LayoutHost = {
  readonly workbench: HTMLElement | undefined;
};

export class PaneLayout {
  checksOpen = $state(localStorage.getItem(CHECKS_OPEN_KEY) !== "0");
  researchOpen = $state(false);
  /** The claims pane's width as chosen (dragged or stepped); see `claimsWidth`. */
  leftWidth = $state(Number(localStorage.getItem(CLAIMS_WIDTH_KEY)) || 360);
  workbenchWidth = $state(0);
  /** The claims pane gives way when the window is narrow, so the text keeps a writable width. */
  readonly claimsWidth = $derived(claimsPaneWidth(this.leftWidth, this.workbenchWidth, this.checksOpen));

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
    this.leftWidth = Math.round(clampClaimsWidth(width, this.#host.workbench?.clientWidth ?? 1200));
  }

  #remember(): void {
    localStorage.setItem(CLAIMS_WIDTH_KEY, String(this.leftWidth));
  }
}
