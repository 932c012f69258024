// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditEvent } from "../lib/bindings";

// The audit screen's table: a column each for the time, who, what and the subject, under
// headers, with the time readable and exact on hover; the test ids the end-to-end tests use.

vi.mock("../lib/api", () => ({
  auditEvents: vi.fn(),
  verifyAudit: vi.fn(),
  auditSubjects: vi.fn(async () => [{ subject: "pitch:3", name: "Close the books sooner" }]),
  frontendReady: vi.fn(async () => null),
  toApiError: (e: unknown) => e,
}));

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { default: AuditScreen } = await import("./AuditScreen.svelte");

const EVENTS: AuditEvent[] = [
  { seq: 1, at: "2027-03-02T09:30:00Z", actor: "Sam Writer <sam@example.com>", action: "review.submitted", subject: "pitch:3", payload: JSON.stringify({ note: "Ready" }), prevHash: "", hash: "a" },
  { seq: 2, at: "2027-03-02T15:04:05.250Z", actor: "Priya Raman <priya@example.com>", action: "decision.approved", subject: "pitch:3", payload: JSON.stringify({ meaning: "Approved as accurate to the Factory message" }), prevHash: "a", hash: "b" },
];

let shown: ReturnType<typeof mount> | null = null;

beforeEach(async () => {
  vi.stubGlobal("requestAnimationFrame", (f: FrameRequestCallback) => setTimeout(() => f(0), 0));
  vi.mocked(api.auditEvents).mockResolvedValue(EVENTS);
  vi.mocked(api.verifyAudit).mockResolvedValue({ events: 2, firstBreak: null });
  const target = document.createElement("div");
  document.body.append(target);
  shown = mount(AuditScreen, { target });
  await vi.waitFor(() => expect(document.querySelector("[data-testid=audit-events]")).not.toBeNull());
  flushSync();
});

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
  ui.error = null;
});

const table = (): HTMLTableElement => document.querySelector<HTMLTableElement>("[data-testid=audit-events]")!;
const cells = (row: Element): string[] => Array.from(row.querySelectorAll("td"), (td) => td.textContent?.replace(/\s+/g, " ").trim() ?? "");
const row = (action: string): HTMLTableRowElement => table().querySelector<HTMLTableRowElement>(`tbody tr[data-action='${action}']`)!;

describe("the audit trail", () => {
  it("is a table with a header for each column", () => {
    expect(table().tagName).toBe("TABLE");
    const headers = Array.from(table().querySelectorAll("thead th"), (th) => th.textContent?.trim());
    expect(headers).toEqual(["Event #", "Time", "Who", "What", "Subject", "Detail"]);
    expect(table().querySelectorAll("colgroup col")).toHaveLength(headers.length);
  });

  it("lists the newest event first, one row each, the person and the pitch by name", () => {
    const rows = table().querySelectorAll("tbody tr");
    expect(Array.from(rows, (r) => r.getAttribute("data-action"))).toEqual(["decision.approved", "review.submitted"]);
    const approved = cells(row("decision.approved"));
    expect(approved[0]).toBe("2");
    expect(approved[2]).toBe("Priya Raman");
    expect(approved[3]).toBe("Approved");
    expect(approved[4]).toBe("Pitch “Close the books sooner”");
    expect(row("decision.approved").querySelectorAll("td")[4]!.getAttribute("title")).toBe("pitch:3");
    expect(approved[5]).toBe("Approved as accurate to the Factory message");
    // The full address is a hover away.
    expect(row("decision.approved").querySelectorAll("td")[2]!.getAttribute("title")).toBe("Priya Raman <priya@example.com>");
  });

  it("shows each time readably in its own cell, with the exact recorded time on hover", () => {
    const when = row("decision.approved").querySelectorAll("td")[1]!;
    const time = when.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe("2027-03-02T15:04:05.250Z");
    expect(time.getAttribute("title")).toBe("2027-03-02T15:04:05.250Z");
    const at = new Date("2027-03-02T15:04:05.250Z");
    expect(time.querySelector(".date")?.textContent).toBe(at.toLocaleDateString(undefined, { dateStyle: "medium" }));
    expect(time.querySelector(".clock")?.textContent).toBe(at.toLocaleTimeString(undefined, { timeStyle: "short" }));
    // Not the ISO string itself, and not run together with the name beside it.
    expect(when.textContent).not.toContain("2027-03-02T");
    expect(when.textContent).not.toContain("Priya");
  });

  it("keeps the verdict the end-to-end tests read", () => {
    const verdict = document.querySelector("[data-testid=audit-verdict]");
    expect(verdict?.getAttribute("data-ok")).toBe("true");
    expect(document.querySelector("[data-testid=verify-audit]")).not.toBeNull();
    expect(document.querySelector("[data-testid=audit-title]")?.textContent).toBe("Audit trail");
  });
});
