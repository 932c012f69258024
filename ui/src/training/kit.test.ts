import { describe, expect, it } from "vitest";
import type { KitItem } from "../lib/bindings";
import { blanked, countByKind, duration, summary } from "./kit";

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
