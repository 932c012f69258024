import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError, DocBlock } from "../../lib/bindings";
import { Autosaver, type SaveStatus } from "./autosave";

// The contract (docs/ARCHITECTURE.md): a save ~300 ms after typing stops, never more than
// ~700 ms after the first unsaved change, saves never overlap, and a failed save keeps the
// change and tries again.

function doc(text: string): DocBlock[] {
  return [{ key: "k1", section: "problem", kind: "paragraph", level: 0, runs: [{ text }] }];
}

type Deferred = { resolve: () => void; reject: (e: unknown) => void };

/** An autosaver over a document that the test types into, with every save recorded. */
function harness(opts: { manual?: boolean } = {}) {
  let text = "";
  const writes: { at: number; text: string }[] = [];
  const statuses: { status: SaveStatus; error: ApiError | null }[] = [];
  const pending: Deferred[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let failNext: ApiError | null = null;
  const saver = new Autosaver(
    () => doc(text),
    (blocks) => {
      writes.push({ at: performance.now(), text: blocks[0]?.runs[0]?.text ?? "" });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = <T>(v: T): T => {
        inFlight--;
        return v;
      };
      if (failNext) {
        const e = failNext;
        failNext = null;
        return Promise.reject(e).finally(() => done(undefined));
      }
      if (!opts.manual) return Promise.resolve().then(() => done(undefined));
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject })).finally(() => done(undefined));
    },
    (status, error) => statuses.push({ status, error }),
  );
  return {
    saver,
    writes,
    statuses,
    pending,
    get maxInFlight() {
      return maxInFlight;
    },
    type(more: string) {
      text += more;
      saver.changed();
    },
    failNextWith(e: ApiError) {
      failNext = e;
    },
    last: () => statuses[statuses.length - 1]?.status,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("when typing stops", () => {
  it("saves 300 ms after the last keystroke, not before", async () => {
    const h = harness();
    h.type("M");
    expect(h.last()).toBe("pending");
    expect(h.saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(299);
    expect(h.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.writes).toEqual([{ at: 300, text: "M" }]);
    expect(h.statuses.map((s) => s.status)).toEqual(["pending", "saving", "saved"]);
    expect(h.saver.dirty).toBe(false);
  });

  it("waits again after every keystroke of a short burst", async () => {
    const h = harness();
    h.type("M");
    await vi.advanceTimersByTimeAsync(200);
    h.type("o");
    await vi.advanceTimersByTimeAsync(200);
    h.type("n");
    // 300 ms after "n" would be 700 ms, which is also the ceiling since "M".
    await vi.advanceTimersByTimeAsync(299);
    expect(h.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.writes).toEqual([{ at: 700, text: "Mon" }]);
  });

  it("saves what the document holds when it saves, not what it held at the first keystroke", async () => {
    const h = harness();
    h.type("Month");
    await vi.advanceTimersByTimeAsync(100);
    h.type("-end");
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes.map((w) => w.text)).toEqual(["Month-end"]);
  });

  it("does nothing while nothing changed", async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.writes).toHaveLength(0);
    expect(await h.saver.flush()).toBe(true);
    expect(h.writes).toHaveLength(0);
  });
});

describe("while typing goes on", () => {
  it("never leaves a change unsaved for more than 700 ms", async () => {
    const h = harness();
    // A key every 100 ms for three seconds: the pause never comes.
    for (let t = 0; t < 3000; t += 100) {
      h.type("x");
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(h.writes.length).toBeGreaterThanOrEqual(4);
    expect(h.writes[0]?.at).toBe(700);
    // Each save comes at most 700 ms after the first keystroke it had not yet saved.
    let firstUnsaved = 0;
    for (const w of h.writes) {
      expect(w.at - firstUnsaved).toBeLessThanOrEqual(700);
      firstUnsaved = Math.floor(w.at / 100) * 100 + 100;
    }
    // Everything typed reached the last save once typing stopped.
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes[h.writes.length - 1]?.text).toBe("x".repeat(30));
  });
});

describe("saves in order", () => {
  it("never overlaps two saves: a change made during a save is saved after it", async () => {
    const h = harness({ manual: true });
    h.type("one");
    await vi.advanceTimersByTimeAsync(300);
    expect(h.writes).toHaveLength(1);
    expect(h.last()).toBe("saving");

    h.type(" two");
    // Still saving "one": the change waits and the status does not flicker back to pending.
    expect(h.last()).toBe("saving");
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes).toHaveLength(1);

    // The first save done, the waiting change goes out straight after it.
    h.pending.shift()?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.writes).toHaveLength(2);
    expect(h.writes[1]?.text).toBe("one two");
    h.pending.shift()?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.map((s) => s.status)).toEqual(["pending", "saving", "pending", "saving", "saved"]);
    expect(h.maxInFlight).toBe(1);
  });

  it("flush saves at once and resolves true once the workspace holds everything", async () => {
    const h = harness({ manual: true });
    h.type("Still typing.");
    const flushed = h.saver.flush();
    expect(h.writes).toHaveLength(1);
    let result: boolean | null = null;
    void flushed.then((ok) => (result = ok));
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBe(null);
    h.pending.shift()?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBe(true);
    // The idle timer was cancelled: nothing is saved twice.
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes).toHaveLength(1);
  });

  it("flush waits for the save in flight before saving what came after it", async () => {
    const h = harness({ manual: true });
    h.type("a");
    await vi.advanceTimersByTimeAsync(300);
    h.type("b");
    const flushed = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.writes.map((w) => w.text)).toEqual(["a"]);
    h.pending.shift()?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.writes.map((w) => w.text)).toEqual(["a", "ab"]);
    h.pending.shift()?.resolve();
    expect(await flushed).toBe(true);
  });
});

describe("when a save fails", () => {
  const diskFull: ApiError = { code: "disk-full", message: "The disk is full." };

  it("keeps the change, says why, and tries again", async () => {
    const h = harness();
    h.failNextWith(diskFull);
    h.type("Month-end stops being a fire drill.");
    await vi.advanceTimersByTimeAsync(300);
    expect(h.writes).toHaveLength(1);
    expect(h.statuses[h.statuses.length - 1]).toEqual({ status: "error", error: diskFull });
    expect(h.saver.dirty).toBe(true);

    // Not a tight loop: the next try comes after a pause.
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes).toHaveLength(2);
    expect(h.writes[1]?.text).toBe("Month-end stops being a fire drill.");
    expect(h.last()).toBe("saved");
    expect(h.saver.dirty).toBe(false);
  });

  it("reports false from flush, so what follows does not act on unsaved text", async () => {
    const h = harness();
    h.failNextWith(diskFull);
    h.type("x");
    expect(await h.saver.flush()).toBe(false);
    expect(h.saver.dirty).toBe(true);
    expect(await h.saver.flush()).toBe(true);
    expect(h.writes.map((w) => w.text)).toEqual(["x", "x"]);
  });

  it("saves what was typed after the failure with the retry", async () => {
    const h = harness();
    h.failNextWith(diskFull);
    h.type("one");
    await vi.advanceTimersByTimeAsync(300);
    h.type(" two");
    expect(h.last()).toBe("pending");
    await vi.advanceTimersByTimeAsync(3000);
    expect(h.writes[h.writes.length - 1]?.text).toBe("one two");
    expect(h.saver.dirty).toBe(false);
  });

  it("turns whatever the save threw into an error with a code", async () => {
    const h = harness();
    h.failNextWith("kaput" as unknown as ApiError);
    h.type("x");
    await vi.advanceTimersByTimeAsync(300);
    expect(h.statuses[h.statuses.length - 1]).toEqual({ status: "error", error: { code: "internal", message: "kaput" } });
  });
});

describe("when the editor closes", () => {
  it("saves the final document after the save in flight, and then stops", async () => {
    const h = harness({ manual: true });
    h.type("draft");
    await vi.advanceTimersByTimeAsync(300);
    const closed = h.saver.close(doc("final words"));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.writes.map((w) => w.text)).toEqual(["draft"]);
    h.pending.shift()?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // Nothing was typed after "draft", so nothing more is written.
    expect(h.writes.map((w) => w.text)).toEqual(["draft"]);
    expect(await closed).toBe(true);

    h.type(" more");
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.writes).toHaveLength(1);
  });

  it("saves the final document it is given when there is unsaved typing", async () => {
    const h = harness();
    h.type("typed");
    expect(await h.saver.close(doc("typed, as the editor left it"))).toBe(true);
    expect(h.writes.map((w) => w.text)).toEqual(["typed, as the editor left it"]);
  });

  it("reports a failed last save and does not keep retrying after it", async () => {
    const h = harness();
    h.failNextWith({ code: "io", message: "gone" });
    h.type("typed");
    expect(await h.saver.close(doc("typed"))).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.writes).toHaveLength(1);
  });
});
