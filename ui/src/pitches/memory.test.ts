import { describe, expect, it } from "vitest";
import type { Claim, PitchLinks, Suggestion } from "../lib/bindings";
import { bandLabel, claimsToTranslate } from "./memory.svelte";

const claim = (id: number, number: number): Claim => ({ id, messageId: 1, number, kind: "benefit", text: `Claim ${number}`, section: "", fingerprint: "f" }) as Claim;

describe("the claims a suggestion is asked for", () => {
  const claims = new Map([claim(7, 3), claim(9, 1), claim(4, 2)].map((c) => [c.id, c] as const));
  const links = {
    links: [
      { blockKey: "b1", claimId: 7, state: "current" },
      { blockKey: "b1", claimId: 9, state: "current" },
      { blockKey: "b1", claimId: 4, state: "changed" },
      { blockKey: "b2", claimId: 4, state: "current" },
    ],
    coverage: { required: 0, linked: 0, gaps: [] },
  } as unknown as PitchLinks;

  it("takes the paragraph's links that still hold, in number order", () => {
    expect(claimsToTranslate(new Set(), links, "b1", claims).map((c) => c.number)).toEqual([1, 3]);
    expect(claimsToTranslate(new Set(), links, null, claims)).toEqual([]);
  });

  it("prefers the claims selected to link", () => {
    expect(claimsToTranslate(new Set([4]), links, "b1", claims).map((c) => c.id)).toEqual([4]);
  });

  it("labels bands as a CAT tool does", () => {
    expect(bandLabel({ band: "context", score: 101 } as Suggestion)).toBe("Context");
    expect(bandLabel({ band: "exact", score: 100 } as Suggestion)).toBe("Exact");
    expect(bandLabel({ band: "95-99", score: 98 } as Suggestion)).toBe("98%");
  });
});
