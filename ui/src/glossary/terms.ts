// Marking glossary terms in claim text, so the writer sees the customer's phrasing on hover.

import type { GlossaryTerm } from "../lib/bindings";

export type TermSegment = { text: string; term: GlossaryTerm | null };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One matcher for a whole glossary: longest terms first, whole words, any case. */
export function termMatcher(glossary: GlossaryTerm[]): { re: RegExp | null; byLower: Map<string, GlossaryTerm> } {
  const byLower = new Map<string, GlossaryTerm>();
  for (const t of glossary) if (t.term.trim()) byLower.set(t.term.trim().toLowerCase(), t);
  if (byLower.size === 0) return { re: null, byLower };
  const alts = [...byLower.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])(${alts.join("|")})(?![\\p{L}\\p{N}])`, "giu"), byLower };
}

export function markTerms(text: string, matcher: ReturnType<typeof termMatcher>): TermSegment[] {
  if (!matcher.re) return [{ text, term: null }];
  const out: TermSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(matcher.re)) {
    const start = m.index;
    if (start > last) out.push({ text: text.slice(last, start), term: null });
    out.push({ text: m[0], term: matcher.byLower.get(m[0].toLowerCase()) ?? null });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), term: null });
  return out;
}
