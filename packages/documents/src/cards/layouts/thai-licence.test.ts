import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { thaiCheckDigit } from "../numbers/thai.ts";
import { parseThaiDrivingLicense } from "./thai-licence.ts";

// Lines PP-OCR returned on a clean synthetic Thai licence (identity 1): spaces dropped, `Issue` read `lssue`.
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const LICENCE: Spec[] = [
  ["Private Car Driving Licence", 0.304, 0.042, 0.697, 0.083],
  ["No. 70598176", 0.287, 0.186, 0.488, 0.226],
  ["Date oflssue 2 February 2021", 0.287, 0.263, 0.617, 0.304],
  ["DateofExpiry2February2026", 0.286, 0.329, 0.63, 0.371],
  ["Name MissJose Reyes", 0.288, 0.436, 0.609, 0.48],
  ["Date of Birth 19 October 1994", 0.287, 0.509, 0.618, 0.545],
  ["7904989745794", 0.288, 0.609, 0.555, 0.646],
];
const replace = (from: string, to: string) =>
  LICENCE.map((s): Spec => (s[0] === from ? ([to, ...s.slice(1)] as Spec) : s));

describe("Thai driving licence", () => {
  it("reads the English part into GeneralCard and checks the identification number", () => {
    const parsed = parseThaiDrivingLicense(lines(LICENCE));
    expect(parsed.normal.GeneralCard).toMatchObject({
      LicenseNumber: "70598176",
      PersonalNumber: "7 9049 89745 79 4",
      FullName: "Miss Jose Reyes",
      FirstName: "Jose",
      LastName: "Reyes",
      Sex: "F",
      Birthday: "1994-10-19",
      IssuedDate: "2021-02-02",
      ExpirationDate: "2026-02-02",
      IssuedCountry: "Thailand",
      // Thai script: no Thai recogniser.
      FullNameLocal: null,
      Address: null,
    });
    expect(parsed.key).toEqual({ name: "Jose Reyes", number: "70598176", birthDate: "1994-10-19" });
    expect(parsed.checks).toEqual({
      licenceNumberStructure: true,
      personalNumberCheckDigit: true,
      datesInOrder: true,
    });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reads a month with 0 for O and a title glued to the name", () => {
    let specs = replace("Date of Birth 19 October 1994", "DateofBirth 190ctober1994");
    specs = specs.map(
      (s): Spec => (s[0] === "Name MissJose Reyes" ? (["NameMrSamReyes", ...s.slice(1)] as Spec) : s),
    );
    const card = parseThaiDrivingLicense(lines(specs)).normal.GeneralCard;
    expect(card?.Birthday).toBe("1994-10-19");
    // `MrSam` is Mr. + Sam, not Mrs. + am.
    expect(card).toMatchObject({ FullName: "Mr. Sam Reyes", FirstName: "Sam", Sex: "M" });
  });

  it("reads the name after a fragment of its label left by glare", () => {
    const card = parseThaiDrivingLicense(lines(replace("Name MissJose Reyes", "me Mrs.Juan Srisai"))).normal
      .GeneralCard;
    expect(card).toMatchObject({
      FullName: "Mrs. Juan Srisai",
      FirstName: "Juan",
      LastName: "Srisai",
      Sex: "F",
    });
  });

  it("re-splits a title-case name whose word space was restored in the wrong place", () => {
    const card = parseThaiDrivingLicense(lines(replace("Name MissJose Reyes", "Name Mr. Hu iAhmad"))).normal
      .GeneralCard;
    expect(card).toMatchObject({ FirstName: "Hui", LastName: "Ahmad", FullName: "Mr. Hui Ahmad" });
  });

  it("never takes the issue date for the birth date when the birth date is unreadable", () => {
    const parsed = parseThaiDrivingLicense(
      lines(replace("Date of Birth 19 October 1994", "Date of Birth 19 0c#o 1994")),
    );
    expect(parsed.key.birthDate).toBeNull();
    expect(parsed.checks.datesInOrder).toBe(true);
  });

  it("flags an identification number whose check digit does not hold", () => {
    const body = "790498974579";
    const wrong = `${body}${(thaiCheckDigit(body)! + 1) % 10}`;
    const parsed = parseThaiDrivingLicense(lines(replace("7904989745794", wrong)));
    expect(parsed.normal.GeneralCard?.PersonalNumber).toBe("7 9049 89745 79 5");
    expect(parsed.checks.personalNumberCheckDigit).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });

  it("flags dates out of order and finds the number without its label", () => {
    let specs = replace("DateofExpiry2February2026", "DateofExpiry2February2020");
    specs = specs.map((s): Spec => (s[0] === "No. 70598176" ? (["7O598176", ...s.slice(1)] as Spec) : s));
    const parsed = parseThaiDrivingLicense(lines(specs));
    expect(parsed.normal.GeneralCard?.LicenseNumber).toBe("70598176");
    expect(parsed.checks.datesInOrder).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });
});
