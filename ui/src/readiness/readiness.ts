// How the readiness screen says things: each cell state as a word, a letter and a tone (never
// colour alone), days as words, and the pitches behind a cell.

import type { CellState, LaunchReadiness, MatrixCell, TrendPoint } from "../lib/bindings";

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

/** The trend drawn in a box of `width` × `height` pixels. */
export type TrendGeometry = {
  /** The plotting area. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** The score as an SVG path (a line through the readings). */
  scorePath: string;
  /** The gates passed, on their own scale at the right, as steps (a count holds until it changes). */
  gatesPath: string;
  targetY: number;
  points: { x: number; scoreY: number; gatesY: number; title: string }[];
  /** Day labels that fit without touching, always the first and the last. */
  xLabels: { x: number; text: string }[];
  scoreTicks: { y: number; value: number }[];
  gateTicks: { y: number; value: number }[];
};

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function dayMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function shortDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${SHORT_MONTHS[Number(day.slice(5, 7)) - 1] ?? ""}`;
}

/**
 * Where each part of the trend goes: days placed by date (a day without a reading leaves a
 * gap in time, not a missing step), the score on 0–100 at the left, the gates passed on
 * 0–their number at the right, the target as a level line.
 */
export function trendGeometry(points: TrendPoint[], target: number, width: number, height: number): TrendGeometry {
  const plot = { left: 40, top: 10, right: Math.max(60, width - 40), bottom: Math.max(30, height - 24) };
  const first = points[0] ? dayMs(points[0].day) : 0;
  const span = points.length > 1 ? dayMs(points[points.length - 1]!.day) - first : 0;
  const xAt = (day: string): number =>
    span === 0 ? (plot.left + plot.right) / 2 : plot.left + ((dayMs(day) - first) / span) * (plot.right - plot.left);
  const yScore = (v: number): number => plot.bottom - (Math.min(100, Math.max(0, v)) / 100) * (plot.bottom - plot.top);
  const gatesMax = Math.max(1, ...points.map((p) => p.gatesTotal));
  const yGates = (v: number): number => plot.bottom - (Math.min(gatesMax, Math.max(0, v)) / gatesMax) * (plot.bottom - plot.top);
  const placed = points.map((p) => ({
    x: xAt(p.day),
    scoreY: yScore(p.score),
    gatesY: yGates(p.gatesPassed),
    title: `${shortDay(p.day)}: score ${p.score}, ${p.gatesPassed} of ${p.gatesTotal} gates passed`,
  }));
  const r = (n: number): string => String(Math.round(n * 10) / 10);
  const scorePath = placed.map((p, i) => `${i ? "L" : "M"}${r(p.x)} ${r(p.scoreY)}`).join(" ");
  const gatesPath = placed.map((p, i) => (i ? `H${r(p.x)} V${r(p.gatesY)}` : `M${r(p.x)} ${r(p.gatesY)}`)).join(" ");
  // About 56 pixels a label; the last always shows, so one too close before it gives way.
  const every = Math.max(1, Math.ceil((points.length * 56) / Math.max(1, plot.right - plot.left)));
  const xLabels = points
    .map((p, i) => ({ i, x: placed[i]!.x, text: shortDay(p.day) }))
    .filter(({ i }) => i % every === 0 || i === points.length - 1)
    .filter(({ i, x }, _, all) => i === points.length - 1 || all[all.length - 1]!.x - x >= 56 || all.length === 1)
    .map(({ x, text }) => ({ x, text }));
  return {
    plot,
    scorePath,
    gatesPath,
    targetY: yScore(target),
    points: placed,
    xLabels,
    scoreTicks: [0, 25, 50, 75, 100].map((value) => ({ y: yScore(value), value })),
    gateTicks: Array.from({ length: gatesMax + 1 }, (_, value) => ({ y: yGates(value), value })),
  };
}
