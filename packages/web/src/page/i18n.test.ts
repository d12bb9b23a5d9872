import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { languages } from "./i18n.ts";
import { startBody } from "./start-copy.ts";

const dir = fileURLToPath(new URL("./i18n/", import.meta.url));
const catalogue = (language: string) =>
  JSON.parse(readFileSync(`${dir}${language}.json`, "utf8")) as Record<string, string>;
const english = catalogue("en");
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("page catalogues", () => {
  it("has one catalogue per supported language, and no other", () => {
    const files = readdirSync(dir).map((name) => name.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...languages].sort());
  });

  it.each(languages.filter((language) => language !== "en"))(
    "%s has every English key, translated",
    (language) => {
      const messages = catalogue(language);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${language}.${key}`).not.toBe("");
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(english[key]!));
      }
      // The start copies are real translations, each different from the others.
      const starts = Object.keys(english).filter((key) => key.startsWith("startBody"));
      expect(new Set(starts.map((key) => messages[key])).size).toBe(starts.length);
    },
  );
});

describe("start copy", () => {
  it("promises a photo comparison only when there is a photo to compare with", () => {
    expect(startBody({ Document: false, Liveness: true, Compare: "photo" })).toBe("startBodyCompare");
    expect(startBody({ Document: false, Liveness: true, Compare: null })).toBe("startBodyLiveness");
    expect(startBody({ Document: true, Liveness: true, Compare: "document" })).toBe(
      "startBodyDocumentCompare",
    );
    expect(startBody({ Document: true, Liveness: true, Compare: "photo" })).toBe("startBodyDocumentPhoto");
    expect(startBody({ Document: true, Liveness: false, Compare: null })).toBe("startBodyDocument");
    expect(english.startBodyLiveness).not.toMatch(/photo|compare/i);
  });
});
