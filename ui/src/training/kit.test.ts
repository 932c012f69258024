import { describe, expect, it } from "vitest";
import type { KitItem } from "../lib/bindings";
import { blanked, clozeToText, countByKind, duration, summary, textToCloze } from "./kit";

const source = { pitchId: 1, pitchTitle: "Card", pitchFingerprint: "f", blockKeys: ["b1"], claimIds: [3], claimFingerprints: ["c"] };

describe("a kit in words", () => {
  it("counts items by kind", () => {
    const items: KitItem[] = [
      { key: "a", source, kind: "flashcard", front: "F", back: "B" },
      { key: "b", source, kind: "flashcard", front: "F2", back: "B2" },
      { key: "c", source, kind: "cloze", parts: [{ type: "text", text: "x" }] },
    ];
    const counts = countByKind(items);
    expect(counts.get("flashcard")).toBe(2);
    expect(counts.get("cloze")).toBe(1);
    expect(counts.get("talkTrack")).toBeUndefined();
  });

  it("blanks the gaps of a proof point", () => {
    expect(blanked([{ type: "text", text: "Live in " }, { type: "gap", text: "30 days" }, { type: "text", text: "." }])).toBe("Live in _____.");
  });

  it("says durations and summaries as people do", () => {
    expect(duration(45)).toBe("45 s");
    expect(duration(120)).toBe("2 min");
    expect(duration(95)).toBe("1 min 35 s");
    expect(summary(1, 1)).toBe("1 item from 1 approved pitch");
    expect(summary(64, 2)).toBe("64 items from 2 approved pitches");
  });
});

describe("a proof-point gap as the writer edits it", () => {
  it("marks gaps in brackets and reads them back", () => {
    const parts = [
      { type: "text" as const, text: "Harbor cut close time by " },
      { type: "gap" as const, text: "40%" },
      { type: "text" as const, text: " in " },
      { type: "gap" as const, text: "two quarters" },
      { type: "text" as const, text: "." },
    ];
    expect(clozeToText(parts)).toBe("Harbor cut close time by [40%] in [two quarters].");
    expect(textToCloze(clozeToText(parts))).toEqual(parts);
  });

  it("keeps a bracket left open as text, and an empty gap as a gap for the app to refuse", () => {
    expect(textToCloze("Up [40% in a year")).toEqual([{ type: "text", text: "Up [40% in a year" }]);
    expect(textToCloze("[] first")).toEqual([{ type: "gap", text: "" }, { type: "text", text: " first" }]);
    expect(textToCloze("no gaps")).toEqual([{ type: "text", text: "no gaps" }]);
  });
});
