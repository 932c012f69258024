// The guided start's four steps, each with the part of the workbench it points at.

export type GuideArea = "claims" | "editor" | "link" | "checks";
export type GuideStep = { area: GuideArea; title: string; body: string };

export const GUIDE_STEPS = [
  {
    area: "claims",
    title: "Read the claims",
    body: "The Factory message, claim by claim, under its own headings. A “gap” is a claim the pitch still has to say.",
  },
  {
    area: "editor",
    title: "Write",
    body: "Your pitch, section by section. An empty section says what belongs in it until you type.",
  },
  {
    area: "link",
    title: "Link a paragraph to claims",
    body: "Cursor in a paragraph, select its claims on the left (Ctrl+click for more), then Link claim or Ctrl+L.",
  },
  {
    area: "checks",
    title: "Check",
    body: "On the right, readiness and the checks follow your typing. Click a finding to go to its words.",
  },
] as const satisfies readonly GuideStep[];
