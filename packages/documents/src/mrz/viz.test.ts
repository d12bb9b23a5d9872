import { describe, expect, it } from "vitest";
import { parseMrzLines } from "./parse.ts";
import { checkNameAgainstViz, containsApprox, lettersOnly } from "./viz.ts";

const viz = [
  "PASSPORT",
  "Surname/Nom",
  "ERIKSSON",
  "Given names/Prénoms",
  "ANNA MARIA",
  "Nationality",
  "UTOPIAN",
];

describe("checkNameAgainstViz", () => {
  it("matches the MRZ name against the printed one, tolerating one OCR slip in long parts", () => {
    expect(checkNameAgainstViz("ERIKSSON", "ANNA MARIA", viz).status).toBe("match");
    expect(checkNameAgainstViz("ERIKSSON", "ANNA MARIA", ["ERIKSS0N", "ANNAMARIA"]).status).toBe("match");
  });

  it("flags a name part that the page does not print", () => {
    const r = checkNameAgainstViz("ERIKSSON", "ANNA CHIDIK", viz);
    expect(r).toEqual({ status: "mismatch", missing: ["CHIDIK"] });
  });

  it("needs short parts as whole words and flags an empty surname", () => {
    expect(checkNameAgainstViz("LIN", "MEI HUA", ["LIN", "MEI HUA"]).status).toBe("match");
    expect(checkNameAgainstViz("", "ME HUA", ["LIN", "MEI HUA"])).toEqual({
      status: "mismatch",
      missing: ["ME", "(no surname)"],
    });
  });

  it("cannot check without printed text", () => {
    expect(checkNameAgainstViz("ERIKSSON", "ANNA", []).status).toBe("unchecked");
  });

  it("transliterates accents and ligatures as ICAO does", () => {
    expect(lettersOnly("Müller-Lüdenscheidt Æbelø")).toBe("MULLERLUDENSCHEIDTAEBELO");
    expect(containsApprox("XXKOWALSKAXX", "KOWALSKI", 1)).toBe(true);
    expect(containsApprox("XXKOWALXX", "KOWALSKI", 1)).toBe(false);
  });
});

describe("country codes", () => {
  it("refuses issuing states and nationalities that are not ICAO codes, though every check digit holds", () => {
    const r = parseMrzLines([
      "P<TNNLIN<<MEI<HUA<<<<<<<<<<<<<<<<<<<<<<<<<<<",
      "0000000000TWN7601015F1404018A234567893<<<<18",
    ]);
    expect(r.checks.every((c) => c.valid)).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain("UNKNOWN_COUNTRY_CODE");
    expect(r.valid).toBe(false);
    const nationality = parseMrzLines([
      "P<TWNLIN<<MEI<HUA<<<<<<<<<<<<<<<<<<<<<<<<<<<",
      "0000000000VZM7601015F1404018A234567893<<<<18",
    ]);
    expect(nationality.warnings.map((w) => w.code)).toContain("UNKNOWN_COUNTRY_CODE");
    expect(nationality.valid).toBe(false);
    expect(
      parseMrzLines([
        "P<UTOLIN<<MEI<HUA<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        "0000000000D<<7601015F1404018A234567893<<<<18",
      ]).valid,
    ).toBe(true);
  });
});
