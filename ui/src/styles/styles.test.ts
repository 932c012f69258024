import { describe, expect, it } from "vitest";

// The shared controls' sizes and kinds (btn-sm, btn-primary, select-sm, …) are defined once, in
// the shared stylesheets: a component's own styles are scoped to it, so a modifier defined
// there does nothing where another component uses the same class.

const sheets = import.meta.glob<string>("./*.css", { query: "?raw", import: "default", eager: true });
const components = import.meta.glob<string>("../**/*.svelte", { query: "?raw", import: "default", eager: true });

const MODIFIER = /^(btn|input|select|textarea)-[a-z][a-z-]*$/;

const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, "");

/** The class names a stylesheet's selectors name. */
function classesStyled(css: string): Set<string> {
  return new Set([...withoutComments(css).matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
}

function ownStyle(source: string): string {
  return /<style[^>]*>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? "";
}

/** The static class names of a component's markup (`class="…"`, without its `{…}` parts). */
function classesUsed(source: string): Set<string> {
  const markup = source.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<script[\s\S]*?<\/script>/g, "");
  const names = [...markup.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.replace(/\{[^}]*\}/g, " ").split(/\s+/));
  return new Set(names.filter((n) => n !== ""));
}

const shared = new Set(Object.values(sheets).flatMap((css) => [...classesStyled(css)]));

describe("the shared controls' modifiers", () => {
  it("are found in the components", () => {
    // (So the checks below are not vacuous.)
    const used = Object.values(components).flatMap((src) => [...classesUsed(src)]);
    expect(used).toContain("btn-sm");
    expect(used).toContain("select-sm");
  });

  it("that a component uses are defined in the shared stylesheets", () => {
    const undefinedHere = Object.entries(components).flatMap(([path, src]) =>
      [...classesUsed(src)].filter((c) => MODIFIER.test(c) && !shared.has(c)).map((c) => `${path}: ${c}`),
    );
    expect(undefinedHere).toEqual([]);
  });

  it("are not defined again in a component's own styles", () => {
    const local = Object.entries(components).flatMap(([path, src]) =>
      [...classesStyled(ownStyle(src))].filter((c) => MODIFIER.test(c)).map((c) => `${path}: ${c}`),
    );
    expect(local).toEqual([]);
  });
});
