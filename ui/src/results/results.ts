// What the results screen says and draws, kept apart from the markup so it can be tested.
import type { GroupResult, LaunchResults, TrainingState } from "../lib/bindings";

/** 0.4213 → "42.1%". */
export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`;
}

/** A difference of rates in percentage points: 0.052 → "+5.2 points". */
export function points(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  const p = x * 100;
  if (Math.abs(p) < 0.05) return "0 points";
  return `${p > 0 ? "+" : "−"}${Math.abs(p).toFixed(1)} points`;
}

/** An interval of rates: [0.41, 0.45] → "41.0% to 45.0%". */
export function rateSpan(ci: number[] | null | undefined): string {
  return ci && ci.length === 2 ? `${percent(ci[0])} to ${percent(ci[1])}` : "—";
}

/** An interval of differences: [-0.01, 0.05] → "−1.0 to +5.0 points". */
export function pointSpan(ci: number[] | null | undefined): string {
  if (!ci || ci.length !== 2) return "—";
  return `${points(ci[0]).replace(" points", "")} to ${points(ci[1])}`;
}

/** Money without decimals, grouped for the reader's locale. */
export function money(x: number | null | undefined, currency: string): string {
  if (x === null || x === undefined) return "—";
  const n = Math.round(x).toLocaleString();
  return currency ? `${n} ${currency}` : n;
}

export const TRAINING_STATES: Record<TrainingState, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  passed: "Passed",
  failed: "Failed",
  expired: "Expired",
};

/** How the comparison reads: good when adjusted shows a clear lift, attention when raw and
 *  adjusted disagree, neutral otherwise. */
export function verdictTone(r: LaunchResults): "good" | "attention" | "neutral" {
  const d = r.difference;
  if (d.disagree) return "attention";
  if (d.adjusted_ci95 && d.adjusted_ci95[0]! > 0) return "good";
  return "neutral";
}

/** One row of an interval chart: a point and its 95% interval. */
export type IntervalRow = { label: string; value: number | null; ci: number[] | null; note?: string; testid?: string };

export type IntervalGeometry = {
  rows: { label: string; note: string; y: number; x: number | null; lo: number | null; hi: number | null; title: string; testid?: string }[];
  ticks: { x: number; text: string }[];
  zeroX: number | null;
  plot: { left: number; right: number; top: number; bottom: number };
  height: number;
};

/**
 * Places each row's point and interval on one horizontal scale. `kind` "rate" spans 0–100%;
 * "difference" spans the widest interval on both sides of zero, with a line at zero.
 */
export function intervalGeometry(rows: IntervalRow[], kind: "rate" | "difference", width: number, labelWidth = 190): IntervalGeometry {
  const rowHeight = 34;
  const plot = { left: labelWidth, right: Math.max(labelWidth + 120, width - 24), top: 8, bottom: 8 + rowHeight * rows.length };
  let lo = 0;
  let hi = 1;
  if (kind === "difference") {
    const ends = rows.flatMap((r) => [...(r.ci ?? []), r.value ?? 0]).map((v) => Math.abs(v));
    const reach = Math.max(0.05, ...ends);
    // A round edge: 5, 10, 20, 25, 50 or 100 points.
    const edge = [0.05, 0.1, 0.2, 0.25, 0.5, 1].find((e) => e >= reach) ?? 1;
    lo = -edge;
    hi = edge;
  }
  const x = (v: number) => plot.left + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (plot.right - plot.left);
  const tickValues = kind === "rate" ? [0, 0.25, 0.5, 0.75, 1] : [lo, lo / 2, 0, hi / 2, hi];
  const ticks = tickValues.map((v) => ({ x: x(v), text: kind === "rate" ? `${Math.round(v * 100)}%` : `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.round(Math.abs(v) * 100)}` }));
  const shown = (v: number) => (kind === "rate" ? percent(v) : points(v));
  return {
    rows: rows.map((r, i) => ({
      label: r.label,
      note: r.note ?? "",
      y: plot.top + rowHeight * i + rowHeight / 2,
      x: r.value === null ? null : x(r.value),
      lo: r.ci ? x(r.ci[0]!) : null,
      hi: r.ci ? x(r.ci[1]!) : null,
      title: r.value === null ? `${r.label}: no deals` : `${r.label}: ${shown(r.value)}${r.ci ? ` (95% interval ${kind === "rate" ? rateSpan(r.ci) : pointSpan(r.ci)})` : ""}`,
      testid: r.testid,
    })),
    ticks,
    zeroX: kind === "difference" ? x(0) : null,
    plot,
    height: plot.bottom + 24,
  };
}

/** "1,204 deals, 512 won" and a warning when few. */
export function groupWords(g: GroupResult): string {
  if (g.deals === 0) return "No deals";
  return `${g.deals.toLocaleString()} deal${g.deals === 1 ? "" : "s"}, ${g.won.toLocaleString()} won${g.small_sample ? " — few deals: read as a hint" : ""}`;
}
