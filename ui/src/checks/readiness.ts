// The readiness score's bands, shared by the checklist's score and the pitch header's pill.

export type ReadinessBand = "pending" | "good" | "fair" | "poor";

/** 85 and up is good, 60 and up fair, anything less poor; no score yet is pending. */
export function readinessBand(score: number | null): ReadinessBand {
  return score === null ? "pending" : score >= 85 ? "good" : score >= 60 ? "fair" : "poor";
}
