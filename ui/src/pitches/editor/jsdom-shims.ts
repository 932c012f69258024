// What jsdom leaves out and the editor calls: layout (ProseMirror measures the selection to
// scroll it into view) and CSS.escape. Imported by the tests that run the editor in jsdom; jsdom
// does no layout, so every measurement is an empty box.

const emptyRect = (): DOMRect => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
const emptyRects = (): DOMRectList => Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;

Range.prototype.getBoundingClientRect ??= emptyRect;
Range.prototype.getClientRects ??= emptyRects;
Element.prototype.scrollIntoView ??= (): void => {};

if (typeof globalThis.CSS === "undefined") {
  // Enough for block keys and ids in selectors (letters, digits, '-' and '_').
  (globalThis as { CSS?: Pick<typeof CSS, "escape"> }).CSS = { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) };
}
