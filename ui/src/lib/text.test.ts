import { describe, expect, it } from "vitest";
import type { VersionReport } from "./bindings";
import {
  formatIsoDate,
  formatMoment,
  linesToList,
  listToLines,
  personName,
  plural,
  snippetParts,
  versionReportText,
  wordFit,
  wordLimitText,
} from "./text";

describe("lines and lists", () => {
  it("keeps one trimmed entry per non-empty line, whatever the line endings", () => {
    expect(linesToList("  Paper invoices pile up \r\n\n\tLate supplier payments\n   \n")).toEqual(["Paper invoices pile up", "Late supplier payments"]);
  });

  it("writes a list back one entry a line, so the two round-trip", () => {
    const list = ["One", "Two words", "Three"];
    expect(listToLines(list)).toBe("One\nTwo words\nThree");
    expect(linesToList(listToLines(list))).toEqual(list);
  });

  it("says nothing for empty text", () => {
    expect(linesToList("")).toEqual([]);
    expect(listToLines([])).toBe("");
  });
});

describe("plural", () => {
  it("uses the singular for exactly one and an s otherwise", () => {
    expect(plural(1, "claim")).toBe("1 claim");
    expect(plural(0, "claim")).toBe("0 claims");
    expect(plural(2, "claim")).toBe("2 claims");
  });

  it("takes an irregular plural", () => {
    expect(plural(1, "pitch", "pitches")).toBe("1 pitch");
    expect(plural(3, "pitch", "pitches")).toBe("3 pitches");
  });
});

describe("search snippets", () => {
  const S = "\u0002";
  const E = "\u0003";

  it("splits plain and matched runs at the control characters", () => {
    expect(snippetParts(`Crews see ${S}tomorrow${E}'s jobs on ${S}phones${E}.`)).toEqual([
      { text: "Crews see ", mark: false },
      { text: "tomorrow", mark: true },
      { text: "'s jobs on ", mark: false },
      { text: "phones", mark: true },
      { text: ".", mark: false },
    ]);
  });

  it("is one plain run when nothing matched", () => {
    expect(snippetParts("no match here")).toEqual([{ text: "no match here", mark: false }]);
  });

  it("marks the rest of the text when a match is never closed", () => {
    expect(snippetParts(`before ${S}after`)).toEqual([
      { text: "before ", mark: false },
      { text: "after", mark: true },
    ]);
  });

  it("drops a stray end marker instead of showing it", () => {
    expect(snippetParts(`odd${E} text`)).toEqual([{ text: "odd text", mark: false }]);
  });

  it("never turns markup into anything but text", () => {
    const parts = snippetParts(`<b>${S}<img src=x onerror=alert(1)>${E}</b>`);
    expect(parts.map((p) => p.text).join("")).toBe("<b><img src=x onerror=alert(1)></b>");
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["<img src=x onerror=alert(1)>"]);
  });

  it("is empty for an empty snippet", () => {
    expect(snippetParts("")).toEqual([]);
  });
});

describe("dates", () => {
  it("writes an ISO date with the day first and the month by name", () => {
    expect(formatIsoDate("2027-03-02")).toBe("2 Mar 2027");
    expect(formatIsoDate(" 2026-12-31 ")).toBe("31 Dec 2026");
  });

  it("shows a date that does not exist as it was given, rather than rolling it over", () => {
    expect(formatIsoDate("2027-02-30")).toBe("2027-02-30");
    expect(formatIsoDate("2027-13-01")).toBe("2027-13-01");
  });

  it("leaves anything that is not an ISO date alone", () => {
    expect(formatIsoDate("next spring")).toBe("next spring");
    expect(formatIsoDate("2027-3-2")).toBe("2027-3-2");
    expect(formatIsoDate("")).toBe("");
  });

  it("shows a recorded moment that is not a date as it is", () => {
    expect(formatMoment("not a moment")).toBe("not a moment");
    expect(formatMoment("2027-03-02T09:30:00Z")).not.toBe("2027-03-02T09:30:00Z");
  });
});

describe("people", () => {
  it("names a person without their email", () => {
    expect(personName("Priya Raman <priya@ledgerline.example>")).toBe("Priya Raman");
    expect(personName("Wren Alvarez")).toBe("Wren Alvarez");
  });
});

describe("word limits", () => {
  it("describes each kind of limit", () => {
    expect(wordLimitText({ min: 50, max: 120 })).toBe("50–120 words");
    expect(wordLimitText({ max: 150 })).toBe("up to 150 words");
    expect(wordLimitText({ min: 20 })).toBe("at least 20 words");
    expect(wordLimitText({})).toBe("");
  });

  it("says whether a count fits, with the limits themselves inside", () => {
    const limit = { min: 50, max: 120 };
    expect(wordFit(49, limit)).toBe("under");
    expect(wordFit(50, limit)).toBe("within");
    expect(wordFit(120, limit)).toBe("within");
    expect(wordFit(121, limit)).toBe("over");
    expect(wordFit(0, { max: 10 })).toBe("within");
    expect(wordFit(1000, { min: 10 })).toBe("within");
    expect(wordFit(5, {})).toBe("none");
  });
});

describe("version reports", () => {
  it("counts every kind of change in a fixed order", () => {
    const report = { unchanged: [1, 2, 3], reworded: [4], added: [5, 6], removed: [] } as unknown as VersionReport;
    expect(versionReportText(report)).toBe("3 unchanged, 1 reworded, 2 new, 0 removed");
  });
});
