// How the readiness screen says things: each cell state as a word, a letter and a tone (never
// colour alone), days as words, and the pitches behind a cell.

import type { CellState, LaunchReadiness, MatrixCell } from "../lib/bindings";

export type StateLook = { label: string; letter: string; tone: "good" | "progress" | "attention" | "bad" | "empty" };

export const STATES: Record<CellState, StateLook> = {
  approved: { label: "Approved", letter: "A", tone: "good" },
  "in-review": { label: "In review", letter: "R", tone: "progress" },
  "needs-reapproval": { label: "Needs re-approval", letter: "!", tone: "attention" },
  "needs-reverification": { label: "Expired: needs re-verification", letter: "E", tone: "bad" },
  "changes-requested": { label: "Changes requested", letter: "C", tone: "attention" },
  draft: { label: "Draft", letter: "D", tone: "progress" },
  none: { label: "Not said to this audience", letter: "–", tone: "empty" },
};

/** The states in the legend's order: from ready to nothing yet. */
export const LEGEND: CellState[] = ["approved", "in-review", "needs-reapproval", "needs-reverification", "changes-requested", "draft", "none"];

/** "in 46 days", "today", "2 days ago". */
export function daysWords(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The verdict a launch owner reads first. */
export function verdict(r: LaunchReadiness): { text: string; tone: "good" | "attention" | "bad" } {
  if (r.ready) return { text: "Ready", tone: "good" };
  if (r.onTrack) return { text: "Not ready — on track", tone: "attention" };
  const late = r.daysToLaunch !== null && r.daysToLaunch <= 0;
  return { text: late ? "Not ready — launch day has come" : "Not ready — off track", tone: "bad" };
}

/** The cell for a claim and an audience. */
export function cellAt(r: LaunchReadiness, claimId: number, audienceId: number): MatrixCell | undefined {
  return r.matrix.find((c) => c.claimId === claimId && c.audienceId === audienceId);
}

/** How many cells are in each state, in the legend's order, leaving out states with none. */
export function stateCounts(r: LaunchReadiness): { state: CellState; count: number }[] {
  return LEGEND.map((state) => ({ state, count: r.matrix.filter((c) => c.state === state).length })).filter((s) => s.count > 0);
}

/** "40 minutes", "3.5 hours", "2 days". */
export function hoursWords(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} minutes`;
  if (hours < 24) return `${Math.round(hours * 10) / 10} hours`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${days} ${days === 1 ? "day" : "days"}`;
}
