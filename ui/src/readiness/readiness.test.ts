import { describe, expect, it } from "vitest";
import type { LaunchReadiness } from "../lib/bindings";
import { cellAt, daysWords, hoursWords, LEGEND, STATES, stateCounts, trendGeometry, verdict } from "./readiness";

const base: LaunchReadiness = {
  launchId: 1,
  name: "Ledgerline 4.0 launch",
  launchDate: "2027-03-02",
  daysToLaunch: 46,
  score: 41,
  targetScore: 80,
  parts: [],
  ready: false,
  onTrack: false,
  hasTargets: true,
  gates: [],
  audiences: [],
  claims: [],
  matrix: [
    { claimId: 1, claimNumber: 1, audienceId: 10, state: "approved", pitchIds: [5] },
    { claimId: 1, claimNumber: 1, audienceId: 20, state: "none", pitchIds: [] },
    { claimId: 2, claimNumber: 2, audienceId: 10, state: "approved", pitchIds: [5] },
  ],
  expiring: [],
  reviewQueue: [],
  reviewFlow: { decided: 0, p50Hours: null, p90Hours: null, rounds: [] },
  mostUrgent: [],
  trend: [],
};

describe("readiness words", () => {
  it("give every state a label and a letter, distinct from each other", () => {
    const letters = LEGEND.map((s) => STATES[s].letter);
    expect(new Set(letters).size).toBe(LEGEND.length);
    expect(LEGEND.every((s) => STATES[s].label.length > 0)).toBe(true);
  });

  it("say hours as words", () => {
    expect(hoursWords(0.5)).toBe("30 minutes");
    expect(hoursWords(3.5)).toBe("3.5 hours");
    expect(hoursWords(48)).toBe("2 days");
    expect(hoursWords(24)).toBe("1 day");
  });

  it("say days as words", () => {
    expect(daysWords(46)).toBe("in 46 days");
    expect(daysWords(0)).toBe("today");
    expect(daysWords(-3)).toBe("3 days ago");
  });

  it("say the verdict, and when launch day has come without readiness", () => {
    expect(verdict({ ...base, ready: true }).text).toBe("Ready");
    expect(verdict({ ...base, onTrack: true }).tone).toBe("attention");
    expect(verdict({ ...base, daysToLaunch: 0 }).text).toContain("launch day has come");
  });

  it("find cells and count states", () => {
    expect(cellAt(base, 1, 20)?.state).toBe("none");
    expect(stateCounts(base)).toEqual([
      { state: "approved", count: 2 },
      { state: "none", count: 1 },
    ]);
  });
});

describe("the trend's drawing", () => {
  const pts = [
    { day: "2026-12-01", score: 40, gatesPassed: 1, gatesTotal: 3 },
    { day: "2026-12-03", score: 55, gatesPassed: 2, gatesTotal: 3 },
    { day: "2026-12-11", score: 100, gatesPassed: 3, gatesTotal: 3 },
  ];

  it("places days by date and values on their own scales", () => {
    const g = trendGeometry(pts, 80, 600, 200);
    expect(g.plot).toEqual({ left: 40, top: 10, right: 560, bottom: 176 });
    const xs = g.points.map((p) => p.x);
    expect(xs[0]).toBe(40);
    expect(xs[2]).toBe(560);
    // Two days of ten: a fifth of the way.
    expect(xs[1]).toBeCloseTo(40 + 520 * 0.2);
    expect(g.points[2]!.scoreY).toBe(10);
    expect(g.points[0]!.scoreY).toBeCloseTo(176 - 166 * 0.4);
    expect(g.points[0]!.gatesY).toBeCloseTo(176 - 166 / 3);
    expect(g.targetY).toBeCloseTo(176 - 166 * 0.8);
    expect(g.gateTicks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
    expect(g.points[1]!.title).toBe("3 Dec: score 55, 2 of 3 gates passed");
  });

  it("draws the score as a line and the gates as steps", () => {
    const g = trendGeometry(pts, 80, 600, 200);
    expect(g.scorePath.startsWith("M40 ")).toBe(true);
    expect(g.scorePath.split("L")).toHaveLength(3);
    expect(g.gatesPath).toMatch(/^M40 120\.7 H144 V65\.3 H560 V10$/);
  });

  it("centres a single reading and keeps labels apart", () => {
    const one = trendGeometry(pts.slice(0, 1), 80, 600, 200);
    expect(one.points[0]!.x).toBe(300);
    expect(one.xLabels).toEqual([{ x: 300, text: "1 Dec" }]);
    const many = Array.from({ length: 60 }, (_, i) => ({ day: `2027-01-${String((i % 28) + 1).padStart(2, "0")}`, score: i, gatesPassed: 0, gatesTotal: 3 }))
      .slice(0, 28);
    const g = trendGeometry(many, 80, 400, 200);
    const xs = g.xLabels.map((l) => l.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(56);
    expect(g.xLabels[g.xLabels.length - 1]!.text).toBe("28 Jan");
    expect(g.xLabels[0]!.text).toBe("1 Jan");
  });
});
