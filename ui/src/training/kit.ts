// What the training screen shows of a kit: its items grouped by kind, in words.

import type { ClozePart, KitItem, KitStatus } from "../lib/bindings";

export type ItemKindName = KitItem["kind"];

/** The kinds in the order the screen lists them, with what each is called. */
export const KINDS: { kind: ItemKindName; label: string; hint: string }[] = [
  { kind: "multipleChoice", label: "Multiple choice", hint: "The approved sentence for a claim among approved sentences for others" },
  { kind: "cloze", label: "Proof points", hint: "The figure or time frame a proof point turns on, left out" },
  { kind: "objectionDrill", label: "Objection drills", hint: "An objection and the approved answer" },
  { kind: "talkTrack", label: "Talk tracks", hint: "A call script to say aloud in its time, ending on its call to action" },
  { kind: "flashcard", label: "Flashcards", hint: "The claim as the Factory says it, and how to say it to this customer" },
];

/** How many items of each kind. */
export function countByKind(items: KitItem[]): Map<ItemKindName, number> {
  const counts = new Map<ItemKindName, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return counts;
}

/** "74%" and "six months" as the gaps of a cloze: the text with each gap as a blank. */
export function blanked(parts: ClozePart[]): string {
  return parts.map((p) => (p.type === "gap" ? "_____" : p.text)).join("");
}

/** 95 → "1 min 35 s". */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** One line for a summary: "64 items from 2 approved pitches". */
export function summary(items: number, pitches: number): string {
  const i = items === 1 ? "1 item" : `${items} items`;
  const p = pitches === 1 ? "1 approved pitch" : `${pitches} approved pitches`;
  return `${i} from ${p}`;
}

/** A proof-point gap item as the writer edits it: the sentence with each gap in [brackets]. */
export function clozeToText(parts: ClozePart[]): string {
  return parts.map((p) => (p.type === "gap" ? `[${p.text}]` : p.text)).join("");
}

/** "Cut close by [40%] in [two weeks]." back into parts; a bracket left open is plain text. */
export function textToCloze(text: string): ClozePart[] {
  const parts: ClozePart[] = [];
  const gap = /\[([^[\]]*)\]/g;
  let at = 0;
  for (let m = gap.exec(text); m !== null; m = gap.exec(text)) {
    if (m.index > at) parts.push({ type: "text", text: text.slice(at, m.index) });
    parts.push({ type: "gap", text: m[1] ?? "" });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ type: "text", text: text.slice(at) });
  return parts;
}

/** What the kit's review state is called on screen, with the chip's tone. */
export const KIT_STATUS: Record<KitStatus, { label: string; tone: string }> = {
  draft: { label: "Draft", tone: "tone-neutral" },
  "in-review": { label: "In review", tone: "tone-info" },
  approved: { label: "Approved", tone: "tone-success" },
  "changes-requested": { label: "Changes requested", tone: "tone-danger" },
  "changed-since-approval": { label: "Changed since approval", tone: "tone-warning" },
};
