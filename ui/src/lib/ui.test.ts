import { beforeEach, describe, expect, it, vi } from "vitest";

// The app-wide helpers for controls and actions: a control that changes the workspace says why
// it is off in a read-only one; a failed action is shown, not thrown.

vi.mock("./api", () => ({
  toApiError: (e: unknown) => (typeof e === "object" && e !== null && "code" in e ? e : { code: "internal", message: String(e) }),
}));

const { changeTitle, showingErrors, ui } = await import("./ui.svelte");

beforeEach(() => {
  ui.workspace = { path: "/w.pitchbridge", name: "w", readOnly: false, reviewCopy: false };
  ui.error = null;
});

describe("the title of a control that changes the workspace", () => {
  it("is its hint in a workspace that can be changed", () => {
    expect(changeTitle("Ctrl+Shift+P")).toBe("Ctrl+Shift+P");
    expect(changeTitle()).toBeUndefined();
  });

  it("says why it is off in a read-only workspace", () => {
    ui.workspace = { path: "/w.pitchbridge", name: "w", readOnly: true, reviewCopy: false };
    expect(changeTitle("Ctrl+Shift+P")).toBe("This workspace is read-only");
    expect(changeTitle()).toBe("This workspace is read-only");
  });
});

describe("an action showing its errors", () => {
  it("shows why it failed rather than throwing", async () => {
    await showingErrors(async () => {
      throw { code: "disk-full", message: "The disk is full." };
    });
    expect(ui.error?.error).toEqual({ code: "disk-full", message: "The disk is full." });
  });

  it("leaves the error alone when it works", async () => {
    let ran = false;
    await showingErrors(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(ui.error).toBeNull();
  });
});
