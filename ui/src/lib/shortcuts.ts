// The keyboard shortcuts, as listed in the shortcuts overlay.

/** Each entry of `combos` is one way to do it: keys pressed together. */
export type Shortcut = { combos: string[][]; does: string };
export type ShortcutGroup = { title: string; items: Shortcut[] };

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: "Anywhere",
    items: [
      { combos: [["Ctrl", "K"]], does: "Search claims and pitch text" },
      { combos: [["Ctrl", "N"]], does: "New launch" },
      { combos: [["?"], ["F1"]], does: "Show these shortcuts" },
    ],
  },
  {
    title: "Workspace (File menu)",
    items: [
      { combos: [["Ctrl", "O"]], does: "Open a workspace" },
      { combos: [["Ctrl", "Shift", "N"]], does: "New workspace" },
    ],
  },
  {
    title: "On a launch",
    items: [
      { combos: [["Ctrl", "Shift", "M"]], does: "Add a Factory message" },
      { combos: [["Ctrl", "Shift", "P"]], does: "New pitch" },
    ],
  },
  {
    title: "In dialogs and search",
    items: [
      { combos: [["Enter"]], does: "Save a form of single-line fields" },
      { combos: [["Ctrl", "Enter"]], does: "Save a form with a text area" },
      { combos: [["Esc"]], does: "Close the dialog or the search results" },
      { combos: [["↑"], ["↓"]], does: "Move through search results" },
    ],
  },
];

/** True when typing here should not trigger single-key shortcuts such as "?". */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    const nonText = ["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"];
    return !nonText.includes(target.type);
  }
  return false;
}
