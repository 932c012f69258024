import { describe, expect, it } from "vitest";
import type { LaunchReadiness } from "../lib/bindings";
import { cellAt, daysWords, hoursWords, LEGEND, STATES, stateCounts, verdict } from "./readiness";

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
