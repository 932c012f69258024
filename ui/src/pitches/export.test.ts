// @vitest-environment jsdom
import "./editor/jsdom-shims";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Exporting a loaded pitch: saved first, and the notice says what was written.

vi.mock("../lib/api", async () => (await import("./fake-api")).fakeApi());

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { loaded, mocked, resetWorkspace } = await import("./session.fixtures");

beforeEach(resetWorkspace);

describe("export", () => {
  it("saves first, exports, and says what was written", async () => {
    const s = loaded();
    mocked(api.exportPitch).mockResolvedValue([
      { path: "/out/close.docx", warnings: [] },
      { path: "/out/close.pdf", warnings: ["The logo was too small."] },
    ] as never);
    s.exports.menuOpen = true;
    await s.exports.exportAs(["docx", "pdf"]);
    expect(api.exportPitch).toHaveBeenCalledWith(2, ["docx", "pdf"]);
    expect(s.notice).toBe("Exported close.docx and close.pdf (marked DRAFT until approved). The logo was too small.");
    expect(s.exports.menuOpen).toBe(false);
    expect(s.exports.busy).toBe(false);
  });

  it("exports nothing that would miss the last words typed", async () => {
    const s = loaded();
    mocked(api.savePitchDoc).mockRejectedValue({ code: "disk-full", message: "The disk is full." });
    s.saving.autosaver.changed();
    await s.exports.exportAs(["pdf"]);
    expect(api.exportPitch).not.toHaveBeenCalled();
    expect(ui.error?.error).toEqual({ code: "disk-full", message: "The disk is full." });
    s.destroy();
  });

  it("says nothing when the save dialog was cancelled, and opens the brand kit from the menu", async () => {
    const s = loaded();
    mocked(api.exportPitch).mockResolvedValue(null as never);
    await s.exports.exportAs(["pdf"]);
    expect(s.notice).toBeNull();
    s.exports.toggleMenu();
    s.exports.openBrandKit();
    expect(s.exports.menuOpen).toBe(false);
    expect(ui.dialog).toEqual({ kind: "brand-kit" });
  });
});
