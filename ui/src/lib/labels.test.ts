import { describe, expect, it } from "vitest";
import { CLAIM_KINDS, CLAIM_KIND_LABELS, GLOSSARY_RULE_HINTS, GLOSSARY_RULE_LABELS, PITCH_STATUS_LABELS } from "./labels";

describe("labels", () => {
  it("lists every claim kind once, in the order the kind menus show them", () => {
    expect(CLAIM_KINDS).toEqual(["positioning", "feature", "advantage", "benefit", "proof", "pricing", "other"]);
    expect(new Set(CLAIM_KINDS).size).toBe(CLAIM_KINDS.length);
    expect(Object.keys(CLAIM_KIND_LABELS).sort()).toEqual([...CLAIM_KINDS].sort());
  });

  it("names every kind, status and glossary rule with a capitalised label", () => {
    for (const label of [...Object.values(CLAIM_KIND_LABELS), ...Object.values(PITCH_STATUS_LABELS), ...Object.values(GLOSSARY_RULE_LABELS)]) {
      expect(label).toMatch(/^[A-Z][a-z-]*( [a-z-]+)*$/);
    }
    expect(PITCH_STATUS_LABELS["in-review"]).toBe("In review");
    expect(PITCH_STATUS_LABELS["needs-reapproval"]).toBe("Needs re-approval");
  });

  it("explains every glossary rule it names", () => {
    expect(Object.keys(GLOSSARY_RULE_HINTS).sort()).toEqual(Object.keys(GLOSSARY_RULE_LABELS).sort());
    for (const hint of Object.values(GLOSSARY_RULE_HINTS)) expect(hint.length).toBeGreaterThan(5);
  });
});
