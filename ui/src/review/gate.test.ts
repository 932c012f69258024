import { describe, expect, it, vi } from "vitest";
import { throughGate } from "./gate";

describe("a step of review behind a gate", () => {
  it("returns what is open instead of an error, and sends the reason only once it was seen", async () => {
    const step = vi.fn(async (reason: string | undefined) => {
      if (reason === undefined) throw { code: "needs-confirmation", message: "2 error findings are open." };
      return `sent with ${reason}`;
    });
    expect(await throughGate(step, false, "typed before anything was shown")).toEqual({ open: "2 error findings are open." });
    expect(step).toHaveBeenLastCalledWith(undefined);
    expect(await throughGate(step, true, "  ")).toEqual({ open: "2 error findings are open." });
    expect(await throughGate(step, true, "  Pricing is in the price sheet. ")).toEqual({ done: "sent with Pricing is in the price sheet." });
  });

  it("lets every other error through to be shown as one", async () => {
    const refused = { code: "review-refused", message: "Set up your profile first." };
    await expect(throughGate(async () => Promise.reject(refused), true, "why")).rejects.toBe(refused);
  });
});
