// The keyboard shortcuts, as listed in the shortcuts overlay.

export type Shortcut = { keys: string[]; does: string };
export type ShortcutGroup = { title: string; items: Shortcut[] };

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: "Anywhere",
    items: [
      { keys: ["Ctrl", "K"], does: "Search claims and pitch text" },
      { keys: ["Ctrl", "N"], does: "New launch" },
      { keys: ["?"], does: "Show these shortcuts" },
      { keys: ["F1"], does: "Show these shortcuts" },
    ],
  },
  {
    title: "On a launch",
    items: [
      { keys: ["Ctrl", "Shift", "M"], does: "Add a Factory message" },
      { keys: ["Ctrl", "Shift", "P"], does: "New pitch" },
    ],
  },
  {
    title: "In dialogs and search",
    items: [
      { keys: ["Enter"], does: "Save a form of single-line fields" },
      { keys: ["Ctrl", "Enter"], does: "Save a form with a text area" },
      { keys: ["Esc"], does: "Close the dialog or the search results" },
      { keys: ["↑", "↓"], does: "Move through search results" },
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
