// The trend's daily reading of each launch, kept in the background after a workspace opens:
// one launch per call, so the app answers between them and a large workspace opens as fast as
// a small one.

export type ReadingCalls = {
  readingsDue(): Promise<number[]>;
  recordReadiness(launchId: number): Promise<unknown>;
};

/** Keeps today's reading of every launch that has none yet; stops when `current` turns false. */
export async function keepDailyReadings(calls: ReadingCalls, current: () => boolean): Promise<number> {
  let kept = 0;
  try {
    const due = await calls.readingsDue();
    for (const id of due) {
      if (!current()) break;
      await calls.recordReadiness(id);
      kept += 1;
    }
  } catch (e) {
    // A reading is for the trend only; a workspace that cannot keep one today works all the same.
    console.warn("Could not keep today's readiness reading:", e);
  }
  return kept;
}
