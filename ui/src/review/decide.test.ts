import { describe, expect, it } from "vitest";
import { isWrongPassphrase } from "./decide";

// Which refusal of a decision is said under the passphrase field (the workspace's messages, as
// crates/review and crates/app word them).

describe("a wrong passphrase", () => {
  it("is the refusal that names the passphrase", () => {
    expect(isWrongPassphrase({ code: "review-refused", message: "The passphrase is not right for this key." })).toBe(true);
  });

  it("is not any other refusal of the decision", () => {
    for (const message of [
      "You have no signing key yet: make one in your profile.",
      "This pitch is not waiting for a decision.",
      "This pitch was sent to Priya Raman for review; only they can decide on it.",
      "The writer has not ticked \"legal\", so it cannot be confirmed.",
      "The key file is damaged: not hexadecimal",
    ]) {
      expect(isWrongPassphrase({ code: "review-refused", message }), message).toBe(false);
    }
  });

  it("is not another kind of error that happens to say passphrase", () => {
    expect(isWrongPassphrase({ code: "invalid-input", message: "Use a passphrase of at least 8 characters." })).toBe(false);
    expect(isWrongPassphrase({ code: "io", message: "The passphrase file cannot be read." })).toBe(false);
  });
});
