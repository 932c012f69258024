import { describe, expect, it } from "vitest";
import tokens from "./tokens.css?raw";

// Every colour pair the theme puts text or a control on meets WCAG 2.1 AA in both themes:
// 4.5:1 for text, 3:1 for the parts of controls and the focus ring (1.4.3, 1.4.11).

/** The colour tokens of one theme: the light ones, or those the dark scheme sets over them. */
function theme(dark: boolean): Map<string, string> {
  const light = tokens.slice(0, tokens.indexOf("@media (prefers-color-scheme: dark)"));
  const darkBlock = tokens.slice(tokens.indexOf("@media (prefers-color-scheme: dark)"));
  const read = (css: string): [string, string][] =>
    [...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]);
  const map = new Map(read(light));
  if (dark) for (const [k, v] of read(darkBlock)) map.set(k, v);
  return map;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const BACKGROUNDS = ["bg", "surface", "surface-2", "surface-hover", "sidebar-bg"];
const KINDS = ["positioning", "feature", "advantage", "benefit", "proof", "pricing", "other"];

/** [foreground, background, least ratio] */
const PAIRS: [string, string, number][] = [
  ...["text", "text-muted", "text-faint", "accent-soft-text", "danger", "danger-soft-text", "warning-soft-text", "success-soft-text", "info-soft-text"].flatMap((fg) =>
    BACKGROUNDS.map((bg): [string, string, number] => [fg, bg, 4.5]),
  ),
  // A selected row (a launch in the sidebar) keeps its muted counts readable.
  ["text-muted", "accent-soft", 4.5],
  ["text-faint", "accent-soft", 4.5],
  ["accent-text", "accent", 4.5],
  ["danger-text", "danger", 4.5],
  ["danger-text", "danger-hover", 4.5],
  ["accent-text", "accent-hover", 4.5],
  ["accent-soft-text", "accent-soft", 4.5],
  ["danger-soft-text", "danger-soft", 4.5],
  ["warning-soft-text", "warning-soft", 4.5],
  ["success-soft-text", "success-soft", 4.5],
  ["info-soft-text", "info-soft", 4.5],
  ["mark-text", "mark-bg", 4.5],
  ...KINDS.map((k): [string, string, number] => [`kind-${k}-fg`, `kind-${k}-bg`, 4.5]),
  // Parts of controls: a primary button against the page, the focus ring, the kinds' dots.
  ...BACKGROUNDS.map((bg): [string, string, number] => ["accent", bg, 3]),
  ...BACKGROUNDS.map((bg): [string, string, number] => ["focus-ring-colour", bg, 3]),
  ...BACKGROUNDS.map((bg): [string, string, number] => ["control-border", bg, 3]),
  ...KINDS.map((k): [string, string, number] => [`kind-${k}-dot`, "surface", 3]),
];

describe.each([
  ["light", false],
  ["dark", true],
])("the %s theme", (_, dark) => {
  const colours = theme(dark);

  it("has every token the pairs name", () => {
    const missing = PAIRS.flatMap(([fg, bg]) => [fg, bg]).filter((t) => !colours.has(t));
    expect([...new Set(missing)]).toEqual([]);
  });

  it("meets AA contrast for every pair", () => {
    const failing = PAIRS.map(([fg, bg, least]) => ({ pair: `${fg} on ${bg}`, ratio: Math.round(contrast(colours.get(fg)!, colours.get(bg)!) * 100) / 100, least }))
      .filter((p) => p.ratio < p.least);
    expect(failing).toEqual([]);
  });
});

describe("the contrast ratio", () => {
  it("is WCAG's", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});
