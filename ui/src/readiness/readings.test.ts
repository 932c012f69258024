import { describe, expect, it, vi } from "vitest";
import { keepDailyReadings } from "./readings";

describe("the daily readings", () => {
  it("keeps each due launch's reading, one call at a time", async () => {
    const order: string[] = [];
    const calls = {
      readingsDue: vi.fn(async () => [3, 7]),
      recordReadiness: vi.fn(async (id: number) => void order.push(`record ${id}`)),
    };
    expect(await keepDailyReadings(calls, () => true)).toBe(2);
    expect(order).toEqual(["record 3", "record 7"]);
  });

  it("stops when the workspace is no longer the one open", async () => {
    let open = true;
    const calls = {
      readingsDue: async () => [1, 2, 3],
      recordReadiness: vi.fn(async () => {
        open = false;
      }),
    };
    expect(await keepDailyReadings(calls, () => open)).toBe(1);
    expect(calls.recordReadiness).toHaveBeenCalledTimes(1);
  });

  it("goes on quietly when a reading cannot be kept", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const calls = { readingsDue: async () => [1], recordReadiness: async () => Promise.reject(new Error("disk full")) };
    expect(await keepDailyReadings(calls, () => true)).toBe(0);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
