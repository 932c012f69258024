// The audit screen's words: what each event is called, the detail worth a glance, what it
// happened to, and when, in the reader's own time zone and way of writing dates.

import type { AuditEvent } from "../lib/bindings";

const LABELS: Record<string, string> = {
  "review.submitted": "Submitted for review",
  "review.withdrawn": "Withdrew from review",
  "review.needs-reapproval": "Needs re-approval",
  "review.copy-opened": "Opened as a review copy",
  "decision.approved": "Approved",
  "decision.approved-with-edits": "Approved with edits",
  "decision.changes-requested": "Requested changes",
  "comment.added": "Commented",
  "comment.resolved": "Resolved a thread",
  "comment.reopened": "Reopened a thread",
  "checklist.ticked": "Ticked a checklist item",
  "checklist.unticked": "Unticked a checklist item",
  "checklist.confirmed": "Confirmed a checklist item",
  "finding.dismissed": "Dismissed a finding",
  "finding.restored": "Restored a finding",
  "reviewer.registered": "Registered a reviewer",
  "message.created": "Added a Factory message",
  "message.versioned": "Added a message version",
  "import.applied": "Imported a file",
  "link.resolved": "Resolved a stale link",
  "pitch.exported": "Exported",
};

/** What happened, in words; an action this screen does not know yet, as it is recorded. */
export function actionLabel(action: string): string {
  return LABELS[action] ?? action;
}

/** The one detail worth a glance from the event's payload. */
export function eventDetail(e: AuditEvent): string {
  try {
    const p = JSON.parse(e.payload) as Record<string, unknown>;
    const pick = p.meaning ?? p.reasons ?? p.body ?? p.item ?? p.reason ?? p.name ?? p.note;
    if (typeof pick === "string" && pick !== "") return pick;
    if (typeof p.version === "number") return `version ${p.version}`;
  } catch {
    // A payload that does not parse is shown as it is.
    return e.payload;
  }
  return "";
}

/** "pitch:3" → "Pitch “Close the books sooner”" while the workspace still holds it (its
 *  name in `names`), else "Pitch 3". */
export function subjectLabel(subject: string, names?: ReadonlyMap<string, string>): string {
  const name = names?.get(subject);
  const kind = subject.split(":")[0] ?? subject;
  if (name) return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} “${name}”`;
  const words = subject.replace(":", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type EventTime = {
  /** The day, as the reader writes dates ("2 Mar 2027", "Mar 2, 2027"). */
  date: string;
  /** The time of day, in the reader's time zone ("10:15", "10:15 AM"). */
  time: string;
};

/** When an event happened (recorded in UTC, RFC 3339), in the reader's own time zone; null for
 *  what is not a time, which is shown as it is. */
export function eventTime(at: string, locale?: string): EventTime | null {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  return {
    date: d.toLocaleDateString(locale, { dateStyle: "medium" }),
    time: d.toLocaleTimeString(locale, { timeStyle: "short" }),
  };
}
