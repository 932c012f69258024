// The start-up notice of what expires within two weeks that is the person's: its words, and
// once a day per workspace. Apart from readiness.ts so the app's first chunk stays small.

import type { MyExpiring } from "../lib/bindings";

/** How the start-up notice names one approval's expiry. */
function expiryWords(days: number): string {
  if (days < 0) return days === -1 ? "expired yesterday" : `expired ${-days} days ago`;
  if (days === 0) return "expires today";
  return days === 1 ? "expires tomorrow" : `expires in ${days} days`;
}

/** Titles named in the notice before "and N more". */
const NOTICE_TITLES = 3;

/**
 * The start-up notice: what expires within two weeks that is the person's, and the launch whose
 * list to open (the soonest one's). Null when nothing is theirs.
 */
export function expiringNotice(items: MyExpiring[]): { text: string; launchId: number } | null {
  const first = items[0];
  if (!first) return null;
  const verify = items.some((i) => i.toVerify);
  const write = items.some((i) => !i.toVerify);
  const whose = verify && write ? "yours to re-verify or update" : verify ? "yours to re-verify" : "yours to update (you wrote them)";
  const named = items.slice(0, NOTICE_TITLES).map((i) => `“${i.title}” ${expiryWords(i.daysLeft)}`);
  const more = items.length > NOTICE_TITLES ? `, and ${items.length - NOTICE_TITLES} more` : "";
  const head = items.length === 1 ? `An approval that is ${whose.replace("them", "it")}: ` : `${items.length} approvals within two weeks of expiry are ${whose}: `;
  return { text: `${head}${named.join("; ")}${more}.`, launchId: first.launchId };
}

/** The key the day the notice was last shown is kept under, per workspace file. */
export function noticeKey(workspacePath: string): string {
  return `pitchbridge.expiring-notice:${workspacePath}`;
}

/** Whether the notice is still to be shown today (once a day per workspace). */
export function noticeDue(lastShown: string | null, today: string): boolean {
  return lastShown !== today;
}
