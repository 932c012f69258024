// The decision dialog's one rule about errors: which refusal is the passphrase's.

import type { ApiError } from "../lib/bindings";

/** The reviewer's passphrase did not unlock their signing key: said under the passphrase
 *  field, where it can be typed again, rather than in the dialog's error banner. The workflow
 *  refuses a decision for other reasons too (not the reviewer it waits for, no key yet, an
 *  item the writer has not ticked); only this one names the passphrase. */
export function isWrongPassphrase(error: ApiError): boolean {
  return error.code === "review-refused" && /\bpassphrase\b/i.test(error.message);
}
