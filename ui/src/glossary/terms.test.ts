import { describe, expect, it } from "vitest";
import type { GlossaryTerm } from "../lib/bindings";
import { markTerms, termMatcher } from "./terms";

function term(id: number, text: string, rule: GlossaryTerm["rule"] = "explain"): GlossaryTerm {
  return { id, term: text, customerPhrasing: "", rule, note: "" };
}

const GLOSSARY = [term(1, "ledger"), term(2, "ledger sync", "avoid"), term(3, "AP"), term(4, "  "), term(5, "Ø-rate")];

/** The text with each marked term in brackets, tagged with its id. */
function marked(text: string, glossary = GLOSSARY): string {
  return markTerms(text, termMatcher(glossary))
    .map((s) => (s.term ? `[${s.text}#${s.term.id}]` : s.text))
    .join("");
}

describe("glossary terms in claim text", () => {
  it("marks whole words in any case, and gives back every character of the text", () => {
    const text = "The Ledger closes; ledgers and pre-ledger do not.";
    expect(marked(text)).toBe("The [Ledger#1] closes; ledgers and pre-[ledger#1] do not.");
    expect(markTerms(text, termMatcher(GLOSSARY)).map((s) => s.text).join("")).toBe(text);
  });

  it("prefers the longest term where two overlap", () => {
    expect(marked("Ledger sync runs nightly, the ledger at noon.")).toBe("[Ledger sync#2] runs nightly, the [ledger#1] at noon.");
  });

  it("knows word boundaries beyond ASCII and escapes the terms' own symbols", () => {
    expect(marked("AP and APAC; naïveAP; the Ø-rate applies, Ø-rates do not")).toBe("[AP#3] and APAC; naïveAP; the [Ø-rate#5] applies, Ø-rates do not");
    expect(marked("x - y . z", [term(9, ".")])).toBe("x - y [.#9] z");
  });

  it("leaves the text whole when the glossary is empty or blank", () => {
    expect(markTerms("Close the books", termMatcher([]))).toEqual([{ text: "Close the books", term: null }]);
    expect(termMatcher([term(1, "   ")]).re).toBeNull();
  });
});
