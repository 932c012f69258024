// The pitch screen's pure logic: what the links mean for each side, where the connection lines
// run, how wide the claims pane may be, and the labels of its gauges. No state and no DOM, so
// the session and the tests share it.

import type { Claim, Comment, Coverage, LinkView, PitchCheckReport } from "../lib/bindings";
import type { SaveStatus } from "./editor/autosave";
import type { ToolbarState } from "./editor/controller";
import type { BlockLinkMark } from "./editor/plugins";

// ---- links ----------------------------------------------------------------------------------

/** Links by the block they hang off, in the order the workspace gave them. */
export function linksByBlock(links: readonly LinkView[]): Map<string, LinkView[]> {
  const map = new Map<string, LinkView[]>();
  for (const l of links) map.set(l.blockKey, [...(map.get(l.blockKey) ?? []), l]);
  return map;
}

/** How many blocks each claim feeds; a link to a removed claim counts for nothing. */
export function linkCountsByClaim(links: readonly LinkView[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const l of links) if (l.state !== "removed") map.set(l.claimId, (map.get(l.claimId) ?? 0) + 1);
  return map;
}

/** The link chips each block shows: the claim's number, and whether the link is stale. */
export function blockLinkMarks(byBlock: ReadonlyMap<string, LinkView[]>, claims: ReadonlyMap<number, Claim>): Map<string, BlockLinkMark[]> {
  const map = new Map<string, BlockLinkMark[]>();
  for (const [key, ls] of byBlock) {
    map.set(
      key,
      ls.map((l) => ({ claimId: l.claimId, number: claims.get(l.claimId)?.number ?? 0, stale: l.state !== "current" })),
    );
  }
  return map;
}

/** The block whose partners are shown: the hovered one, else the one with the cursor; none
 *  while a claim is hovered (then the claim's partners are shown). */
export function focusBlock(hoverClaim: number | null, hoverKey: string | null, currentKey: string | null): string | null {
  return hoverClaim === null ? (hoverKey ?? currentKey) : null;
}

/** The claims the focused block translates. */
export function partnerClaimIds(byBlock: ReadonlyMap<string, LinkView[]>, focusKey: string | null): Set<number> {
  return new Set((focusKey ? (byBlock.get(focusKey) ?? []) : []).map((l) => l.claimId));
}

/** The blocks the hovered claim feeds. */
export function partnerBlockKeys(links: readonly LinkView[], hoverClaim: number | null): Set<string> {
  return new Set(hoverClaim === null ? [] : links.filter((l) => l.claimId === hoverClaim).map((l) => l.blockKey));
}

/** Where Ctrl+. goes: the next block with a stale link after the one with the cursor, round
 *  to the first; undefined when nothing is stale. */
export function nextStaleBlock(stale: readonly LinkView[], currentKey: string | null): string | undefined {
  const keys = [...new Set(stale.map((l) => l.blockKey))];
  if (keys.length === 0) return undefined;
  const at = currentKey ? keys.indexOf(currentKey) : -1;
  return keys[(at + 1) % keys.length];
}

/** Open comment threads on each claim's words. */
export function openThreadsByClaim(comments: readonly Comment[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of comments) {
    if (c.parentId === null && c.resolvedAt === null && c.target.kind === "claim") counts.set(c.target.id, (counts.get(c.target.id) ?? 0) + 1);
  }
  return counts;
}

/** Where the selected words start in the claim's own text. The rendered text may differ at its
 *  start (a leading space), so the search starts a little before where they appear on screen;
 *  -1 when the claim does not hold those words. */
export function quoteStart(claimText: string, quote: string, renderedBefore: string): number {
  const near = Math.max(0, renderedBefore.trimStart().length - 2);
  const from = claimText.indexOf(quote, near);
  return from >= 0 ? from : claimText.indexOf(quote);
}

// ---- connection lines ---------------------------------------------------------------------

export type LinkPair = { claimId: number; key: string; stale: boolean };

/** The links to draw: every block of the hovered claim, else every claim of the focused block. */
export function pairsToDraw(links: readonly LinkView[], byBlock: ReadonlyMap<string, LinkView[]>, hoverClaim: number | null, focusKey: string | null): LinkPair[] {
  const pairs: LinkPair[] = [];
  if (hoverClaim !== null) {
    for (const l of links) if (l.claimId === hoverClaim) pairs.push({ claimId: l.claimId, key: l.blockKey, stale: l.state !== "current" });
  } else if (focusKey) {
    for (const l of byBlock.get(focusKey) ?? []) pairs.push({ claimId: l.claimId, key: l.blockKey, stale: l.state !== "current" });
  }
  return pairs;
}

type Box = { top: number; bottom: number; left: number; right: number; height: number };

/** A connection line from a claim's row to a block, in the workbench's coordinates: a curve
 *  from the claims pane's right edge to the block's left edge, each end kept inside its pane. */
export function connectionPath(workbench: Pick<Box, "top" | "left">, claimsPane: Box, editorPane: Box, row: Box, block: Box): string {
  const y1 = Math.min(Math.max(row.top + Math.min(row.height / 2, 18), claimsPane.top + 4), claimsPane.bottom - 4) - workbench.top;
  const y2 = Math.min(Math.max(block.top + Math.min(block.height / 2, 14), editorPane.top + 4), editorPane.bottom - 4) - workbench.top;
  const x1 = claimsPane.right - workbench.left - 6;
  const x2 = block.left - workbench.left - 4;
  const mid = (x1 + x2) / 2;
  return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
}

// ---- layout ---------------------------------------------------------------------------------

export const SPLITTER_WIDTH = 9;
/** The text keeps at least this much room beside the claims and the checklist. */
export const EDITOR_MIN_WIDTH = 520;
export const MIN_CLAIMS_WIDTH = 232;
/** The checklist collapsed: a slim rail with the score and what is open. */
export const CHECKS_RAIL_WIDTH = 44;

/** The checklist's width: narrower in a narrow window, a slim rail when collapsed. */
export function checksPaneWidth(workbenchWidth: number, open: boolean): number {
  if (!open) return CHECKS_RAIL_WIDTH;
  return workbenchWidth < 1200 ? 248 : workbenchWidth < 1500 ? 280 : 304;
}

/** The claims pane's width until the writer chooses one: narrower in a narrow window. */
export function defaultClaimsWidth(workbenchWidth: number): number {
  return workbenchWidth < 1200 ? 256 : workbenchWidth < 1500 ? 320 : 380;
}

/** The widest the claims pane may be: the text keeps its room beside the splitter and the
 *  checklist (or its rail). */
function widestClaims(workbenchWidth: number, checksWidth: number): number {
  return Math.max(MIN_CLAIMS_WIDTH, workbenchWidth - SPLITTER_WIDTH - EDITOR_MIN_WIDTH - checksWidth);
}

/** The claims pane's width: the one chosen, giving way when the window is narrow so the text
 *  keeps a writable width. */
export function claimsPaneWidth(chosen: number, workbenchWidth: number, checksWidth: number): number {
  if (workbenchWidth === 0) return chosen;
  return Math.max(MIN_CLAIMS_WIDTH, Math.min(chosen, widestClaims(workbenchWidth, checksWidth)));
}

/** A width the splitter may be dragged or stepped to: the same bounds, so what is remembered
 *  is what was shown. */
export function clampClaimsWidth(width: number, workbenchWidth: number, checksWidth: number): number {
  return Math.min(Math.max(width, MIN_CLAIMS_WIDTH), widestClaims(workbenchWidth, checksWidth));
}

// ---- the claims pane ------------------------------------------------------------------------

export type ClaimGroup = { section: string; claims: Claim[] };

/** What a claim row says to a screen reader before the claim's words: its number, its kind and
 *  how the pitch covers it, which the row shows with a number, a coloured chip and badges. */
export function claimSummary(number: number, kind: string, linkedParagraphs: number, required: boolean, changed: boolean, comments: number): string {
  const parts = [`Claim ${number}`, kind.toLowerCase()];
  if (linkedParagraphs > 0) parts.push(`linked to ${linkedParagraphs === 1 ? "1 paragraph" : `${linkedParagraphs} paragraphs`}`);
  else parts.push(required ? "a gap: not linked, and this collateral type needs it" : "not linked");
  if (changed) parts.push("changed since it was linked");
  if (comments > 0) parts.push(comments === 1 ? "1 open comment" : `${comments} open comments`);
  return parts.join(", ");
}

/** Claims under the message's headings, in order: each run of claims with the same heading is
 *  one group (claims before the first heading have none, ""). */
export function groupBySection(claims: readonly Claim[]): ClaimGroup[] {
  const groups: ClaimGroup[] = [];
  for (const c of claims) {
    const last = groups[groups.length - 1];
    if (last && last.section === c.section) last.claims.push(c);
    else groups.push({ section: c.section, claims: [c] });
  }
  return groups;
}

/** The claims to bring into view when the caret moves into a block: those it is linked to that
 *  the pane lists (a removed claim has no row), in the pane's order. */
export function claimsToReveal(blockLinks: readonly LinkView[], order: readonly number[]): number[] {
  const linked = new Set(blockLinks.map((l) => l.claimId));
  return order.filter((id) => linked.has(id));
}

export type Span = { top: number; bottom: number };

/**
 * Where the claims pane should scroll so `rows` (in the pane's content coordinates) are in
 * view below its sticky heading (`inset` high): the group centred when it fits, else its first
 * row at the top; null when every row is in view already (the pane does not move).
 */
export function revealScrollTop(rows: readonly Span[], pane: { scrollTop: number; height: number; maxScroll: number }, inset = 0): number | null {
  if (rows.length === 0) return null;
  const top = Math.min(...rows.map((r) => r.top));
  const bottom = Math.max(...rows.map((r) => r.bottom));
  if (top >= pane.scrollTop + inset && bottom <= pane.scrollTop + pane.height) return null;
  const room = pane.height - inset;
  const target = bottom - top <= room ? top - inset - (room - (bottom - top)) / 2 : top - inset - 8;
  const clamped = Math.round(Math.min(Math.max(target, 0), Math.max(pane.maxScroll, 0)));
  return Math.abs(clamped - pane.scrollTop) < 1 ? null : clamped;
}

// ---- gauges and labels ----------------------------------------------------------------------

export function saveLabel(status: SaveStatus): string {
  return status === "saved" ? "Saved" : status === "saving" ? "Saving…" : status === "pending" ? "Editing…" : "Not saved — retrying";
}

/** Linked required claims as a percentage; a type that requires none is fully covered. */
export function coveragePercent(coverage: Coverage): number {
  return coverage.required === 0 ? 100 : Math.round((100 * coverage.linked) / coverage.required);
}

/** Ticked manual items the reviewer has not confirmed yet, offered in the decision. */
export function unconfirmedItems(report: PitchCheckReport | null): { id: string; text: string }[] {
  return (report?.manual ?? []).filter((m) => m.ticked && m.state !== "confirmed").map((m) => ({ id: m.id, text: m.text }));
}

/** The glossary term an acronym finding is about: its words without a plural "s" ("SLAs" is
 *  the acronym "SLA"), as the acronym check reads them. */
export function acronymTerm(quote: string): string {
  const word = quote.trim();
  return /^[A-Z0-9]{2,}s$/.test(word) ? word.slice(0, -1) : word;
}

/** Whether the toolbar would show anything different (typing must not re-render it every key). */
export function sameToolbar(a: ToolbarState, b: ToolbarState): boolean {
  return a.style === b.style && a.bold === b.bold && a.italic === b.italic && a.link === b.link && a.canUndo === b.canUndo && a.canRedo === b.canRedo;
}
