import { afterEach, describe, expect, it, vi } from "vitest";
import type { AuditEvent } from "../lib/bindings";
import { actionLabel, eventDetail, eventTime, subjectLabel } from "./audit";

// The audit screen's words for an event: when, what, to what, and the detail.

function event(over: Partial<AuditEvent>): AuditEvent {
  return { seq: 1, at: "2027-03-02T15:04:05Z", actor: "Priya Raman <priya@example.com>", action: "decision.approved", subject: "pitch:3", payload: "{}", prevHash: "", hash: "", ...over } as AuditEvent;
}

describe("when an event happened", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is the day and time in the reader's own time zone", () => {
    vi.stubEnv("TZ", "America/New_York");
    expect(eventTime("2027-03-02T15:04:05Z", "en-US")).toEqual({ date: "Mar 2, 2027", time: "10:04 AM" });
    vi.stubEnv("TZ", "Asia/Tokyo");
    // Past midnight there: the next day.
    expect(eventTime("2027-03-02T15:04:05Z", "en-US")).toEqual({ date: "Mar 3, 2027", time: "12:04 AM" });
    expect(eventTime("2027-03-02T15:04:05.123456Z", "en-GB")).toEqual({ date: "3 Mar 2027", time: "00:04" });
  });

  it("is nothing to format when it is not a time", () => {
    expect(eventTime("yesterday")).toBeNull();
  });
});

describe("what happened, and to what", () => {
  it("is said in words, or as recorded when the screen does not know the action", () => {
    expect(actionLabel("decision.approved")).toBe("Approved");
    expect(actionLabel("pitch.exported")).toBe("Exported");
    expect(actionLabel("message.created")).toBe("Added a Factory message");
    expect(actionLabel("something.new")).toBe("something.new");
  });

  it("names the subject", () => {
    expect(subjectLabel("pitch:3")).toBe("Pitch 3");
    expect(subjectLabel("message:12")).toBe("Message 12");
    expect(subjectLabel("workspace")).toBe("Workspace");
    const names = new Map([["pitch:3", "Close the books sooner"], ["reviewer:1", "Priya Raman"]]);
    expect(subjectLabel("pitch:3", names)).toBe("Pitch “Close the books sooner”");
    expect(subjectLabel("reviewer:1", names)).toBe("Reviewer “Priya Raman”");
    expect(subjectLabel("pitch:4", names)).toBe("Pitch 4");
  });

  it("picks the detail worth a glance from the payload", () => {
    expect(eventDetail(event({ payload: JSON.stringify({ meaning: "Approved as accurate", reasons: "x" }) }))).toBe("Approved as accurate");
    expect(eventDetail(event({ payload: JSON.stringify({ version: 4 }) }))).toBe("version 4");
    expect(eventDetail(event({ payload: JSON.stringify({ claims: [] }) }))).toBe("");
    expect(eventDetail(event({ payload: "not json" }))).toBe("not json");
  });
});
