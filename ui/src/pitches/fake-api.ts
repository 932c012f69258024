// The workspace as the pitch session's tests answer it: every function of api.ts the session
// and its parts call, as a mock. A test file mocks api.ts with it:
//   vi.mock("../lib/api", async () => (await import("./fake-api")).fakeApi());

import { vi } from "vitest";
import type { ApiError } from "../lib/bindings";

export function fakeApi() {
  const toApiError = (e: unknown): ApiError =>
    typeof e === "object" && e !== null && "code" in e && "message" in e ? (e as ApiError) : { code: "internal", message: String(e) };
  return {
    toApiError,
    getPitchEditor: vi.fn(),
    reviewState: vi.fn(),
    savePitchDoc: vi.fn(),
    checkPitch: vi.fn(),
    linkClaims: vi.fn(),
    unlinkClaim: vi.fn(),
    confirmLink: vi.fn(),
    dismissFinding: vi.fn(),
    restoreFinding: vi.fn(),
    addDictionaryWord: vi.fn(),
    setManualItem: vi.fn(),
    exportPitch: vi.fn(),
    getPitch: vi.fn(),
    resolveComment: vi.fn(),
    deletePitch: vi.fn(),
    listLaunches: vi.fn(async () => []),
    frontendReady: vi.fn(async () => null),
  };
}
