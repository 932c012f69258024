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
      { combos: [["Ctrl", "/"], ["F1"]], does: "Show these shortcuts" },
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
    title: "View menu",
    items: [
      { combos: [["Ctrl", "="], ["Ctrl", "−"]], does: "Zoom in, zoom out (text and all, up to 300%; remembered)" },
      { combos: [["Ctrl", "0"]], does: "Actual size" },
    ],
  },
  {
    title: "On a launch",
    items: [
      { combos: [["Ctrl", "Shift", "M"]], does: "Add a Factory message" },
      { combos: [["Ctrl", "Shift", "I"]], does: "Import a Word, Markdown or text file (or drop it on the window)" },
      { combos: [["Ctrl", "Shift", "P"]], does: "New pitch" },
    ],
  },
  {
    title: "Pitch editor: linking",
    items: [
      { combos: [["Ctrl", "L"]], does: "Link the selected claims to the paragraph with the cursor" },
      { combos: [["Ctrl", "Click"], ["Shift", "Click"]], does: "Select several claims (or drag claims onto a paragraph)" },
      { combos: [["F6"]], does: "Switch between the claims list and the pitch" },
      { combos: [["↑"], ["↓"], ["Space"]], does: "In the claims list: move, select; Enter links" },
      { combos: [["Ctrl", "Shift", "L"]], does: "Unlink the selected claims from the paragraph" },
      { combos: [["Ctrl", "."]], does: "Go to the next stale link" },
      { combos: [["Ctrl", "Shift", "R"]], does: "Stale link: I revised the paragraph" },
      { combos: [["Ctrl", "Shift", "Enter"]], does: "Stale link: it still holds" },
      { combos: [["←"], ["→"]], does: "On the pane divider: make the claims pane narrower or wider" },
      { combos: [["Ctrl", "Shift", "A"]], does: "Show or hide the audience research" },
      { combos: [["Alt", "1"], ["Alt", "5"]], does: "Put approved wording 1 … 5 from other pitches in the paragraph (links kept)" },
      { combos: [["Ctrl", "Shift", "F"]], does: "Approved sentences that use the selected phrase" },
    ],
  },
  {
    title: "Pitch editor: writing",
    items: [
      { combos: [["Ctrl", "B"], ["Ctrl", "I"]], does: "Bold, italic" },
      { combos: [["Ctrl", "Shift", "K"]], does: "Add or edit a link" },
      { combos: [["Ctrl", "Alt", "2"], ["Ctrl", "Alt", "3"]], does: "Heading, subheading" },
      { combos: [["Ctrl", "Alt", "0"]], does: "Paragraph" },
      { combos: [["Ctrl", "Shift", "8"], ["Ctrl", "Shift", "7"]], does: "Bulleted list, numbered list" },
      { combos: [["Ctrl", "Z"], ["Ctrl", "Shift", "Z"]], does: "Undo, redo" },
      { combos: [["Ctrl", "S"]], does: "Save now (saving is continuous anyway)" },
      { combos: [["Ctrl", "Shift", "S"]], does: "Versions: keep, compare, restore" },
    ],
  },
  {
    title: "Pitch editor: checks, review and export",
    items: [
      { combos: [["Ctrl", "Shift", "C"]], does: "Open the checklist and comments, or collapse them to a rail" },
      { combos: [["Ctrl", "Alt", "M"]], does: "Comment on the selected words (in the pitch or a claim)" },
      { combos: [["↓"], ["↑"], ["Home"], ["End"]], does: "In a pitch that cannot be edited (in review): select the next, previous, first or last paragraph, to read or comment on" },
      { combos: [["Ctrl", "E"]], does: "Export as Word or PDF" },
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

/** True when keys typed here are text (so Escape there is the field's, not the screen's). */
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
