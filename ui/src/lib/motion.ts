// Whether the person asked their desktop for less motion (WebKit reports GTK's animations
// switch as prefers-reduced-motion): scrolls then jump instead of gliding.

export function lessMotion(): boolean {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/** The scroll behaviour to ask for: smooth, unless the person asked for less motion. */
export function scrollBehaviour(): ScrollBehavior {
  return lessMotion() ? "auto" : "smooth";
}
