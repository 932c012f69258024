// Small text helpers shared by the screens.

import type { VersionReport, WordLimit } from "./bindings";

/** One entry per non-empty line, trimmed. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function listToLines(list: readonly string[]): string {
  return list.join("\n");
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export type SnippetPart = { text: string; mark: boolean };

const MARK_START = "\u0002";
const MARK_END = "\u0003";

/** Splits a search snippet into plain and matched runs (matches sit between U+0002 and U+0003). */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      parts.push({ text: rest, mark: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), mark: false });
    const afterStart = rest.slice(start + 1);
    const end = afterStart.indexOf(MARK_END);
    if (end < 0) {
      if (afterStart.length > 0) parts.push({ text: afterStart, mark: true });
      break;
    }
    if (end > 0) parts.push({ text: afterStart.slice(0, end), mark: true });
    rest = afterStart.slice(end + 1);
  }
  // A stray end marker outside a match is dropped rather than shown.
  return parts.map((p) => ({ text: p.text.split(MARK_END).join(""), mark: p.mark }));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2027-03-02" → "2 Mar 2027"; anything else is shown as it is. The day comes first and the
 *  month by name, so no reader mistakes one for the other whatever their convention. (Written
 *  out here rather than with `Intl`: the first date format made loads the locale's calendar
 *  data, 10–15 ms that start-up would wait for.) */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Reject what Date would roll over ("2027-02-30" is not 2 March).
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A recorded moment (RFC 3339) in the reader's own way of writing dates; as given if it is
 *  not a date. */
export function formatMoment(iso: string, options?: Intl.DateTimeFormatOptions): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, options);
}

/** "Priya Raman <priya@…>" → "Priya Raman": screens name people; the audit trail keeps the email. */
export function personName(actor: string): string {
  return actor.replace(/ <.*>$/, "");
}

/** "50–120 words", "up to 150 words", "at least 20 words", or "" when there is no limit. */
export function wordLimitText(limit: WordLimit): string {
  const { min, max } = limit;
  if (min !== undefined && max !== undefined) return `${min}–${max} words`;
  if (max !== undefined) return `up to ${max} words`;
  if (min !== undefined) return `at least ${min} words`;
  return "";
}

export type WordFit = "under" | "within" | "over" | "none";

export function wordFit(count: number, limit: WordLimit): WordFit {
  if (limit.min === undefined && limit.max === undefined) return "none";
  if (limit.max !== undefined && count > limit.max) return "over";
  if (limit.min !== undefined && count < limit.min) return "under";
  return "within";
}

/** "3 unchanged, 1 reworded, 1 new, 1 removed" */
export function versionReportText(report: VersionReport): string {
  return [
    `${report.unchanged.length} unchanged`,
    `${report.reworded.length} reworded`,
    `${report.added.length} new`,
    `${report.removed.length} removed`,
  ].join(", ");
}
