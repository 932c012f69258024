import { describe, expect, it } from "vitest";
import { formattingLanguage, settleLanguage, usableLanguage } from "./locale";

describe("the formatting language", () => {
  it("refuses what Intl refuses", () => {
    expect(usableLanguage("C")).toBe(false);
    expect(usableLanguage("")).toBe(false);
    expect(usableLanguage("en-GB")).toBe(true);
    expect(usableLanguage("de")).toBe(true);
  });

  it("takes the first usable language, else en-US", () => {
    expect(formattingLanguage(["C", "fr-FR"])).toBe("fr-FR");
    expect(formattingLanguage(["C"])).toBe("en-US");
  });

  it("replaces a language Intl refuses, and leaves a good one alone", () => {
    const bad = { language: "C", languages: ["C"] } as unknown as Navigator;
    settleLanguage(bad);
    expect(bad.language).toBe("en-US");
    expect(() => new Intl.NumberFormat(bad.language)).not.toThrow();
    const good = { language: "en-GB", languages: ["en-GB"] } as unknown as Navigator;
    settleLanguage(good);
    expect(good.language).toBe("en-GB");
  });
});
