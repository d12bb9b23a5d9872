import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parsePhilippinesId } from "./philsys.ts";

// Lines PP-OCR returned on a rotated synthetic PhilID (identity 2), spaces dropped as the recogniser drops them.
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const PHILID: Spec[] = [
  ["REPUBLIKA NG PILIPINAS", 0.361, 0.034, 0.643, 0.07],
  ["RepublicofthePhilippines", 0.395, 0.077, 0.609, 0.111],
  ["PAMBANSANG PAGKAKAKILANLAN", 0.273, 0.119, 0.73, 0.158],
  ["PhilippineIdentificationCard", 0.385, 0.163, 0.618, 0.2],
  ["6393-8897-2385-0160", 0.308, 0.232, 0.673, 0.275],
  ["Apelyido/LastName", 0.306, 0.305, 0.477, 0.341],
  ["SANTOS", 0.306, 0.345, 0.435, 0.387],
  ["Mga Pangalan/GivenNames", 0.305, 0.419, 0.545, 0.455],
  ["SOMCHAI", 0.306, 0.458, 0.456, 0.501],
  ["GitnangApelyido/MiddleName", 0.305, 0.531, 0.569, 0.569],
  ["DELA", 0.304, 0.568, 0.389, 0.615],
  ["PetsangKapanganakan/DateofBirth", 0.303, 0.644, 0.624, 0.683],
  ["AUGUST 28, 1958", 0.304, 0.687, 0.558, 0.727],
  ["Tirahan/Address", 0.303, 0.757, 0.443, 0.792],
  ["295 RIZALST, BRGY POBLACION", 0.305, 0.801, 0.642, 0.839],
  ["DAVAO CITY, DAVAO DEL SUR", 0.305, 0.845, 0.611, 0.883],
];
const replace = (from: string, to: string) =>
  PHILID.map((s): Spec => (s[0] === from ? ([to, ...s.slice(1)] as Spec) : s));

describe("PhilID front", () => {
  it("reads every printed field into GeneralCard", () => {
    const parsed = parsePhilippinesId(lines(PHILID));
    expect(parsed.normal.GeneralCard).toMatchObject({
      LicenseNumber: "6393-8897-2385-0160",
      LastName: "SANTOS",
      FirstName: "SOMCHAI",
      FullName: "SOMCHAI DELA SANTOS",
      Birthday: "1958-08-28",
      IssuedCountry: "Philippines",
      Sex: null,
      Nationality: null,
    });
    expect(parsed.normal.GeneralCard?.Address).toMatchObject({
      FormattedAddress: "295 RIZALST, BRGY POBLACION, DAVAO CITY, DAVAO DEL SUR",
      LineOne: "295 RIZALST, BRGY POBLACION",
      LineTwo: "DAVAO CITY, DAVAO DEL SUR",
      Country: null,
    });
    expect(parsed.legacy.GeneralCard).toEqual(parsed.normal.GeneralCard);
    expect(parsed.key).toEqual({
      name: "SANTOS, SOMCHAI",
      number: "6393-8897-2385-0160",
      birthDate: "1958-08-28",
    });
    expect(parsed.checks).toEqual({ pcnStructure: true });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reads through OCR confusions: O for 0 in the PCN, a dropped space in the date, misread labels", () => {
    let specs = replace("6393-8897-2385-0160", "6393-8897-2385-O16O");
    specs = specs.map(
      (s): Spec => (s[0] === "AUGUST 28, 1958" ? (["AUGUST28,1958", ...s.slice(1)] as Spec) : s),
    );
    specs = specs.map(
      (s): Spec =>
        s[0] === "Mga Pangalan/GivenNames" ? (["MgaPangaln/GvenNams", ...s.slice(1)] as Spec) : s,
    );
    const card = parsePhilippinesId(lines(specs)).normal.GeneralCard;
    expect(card?.LicenseNumber).toBe("6393-8897-2385-0160");
    expect(card?.Birthday).toBe("1958-08-28");
    expect(card?.FirstName).toBe("SOMCHAI");
  });

  it("reads the name rows by position when screen moiré garbles their labels", () => {
    // Synthetic identity 1 photographed off a screen: labels read `Aped`, `Moce Panga an/6d` + `renNane`.
    const screen: Spec[] = [
      ["REPUBLIKA NG PILIPINAS", 0.359, 0.029, 0.639, 0.069],
      ["Republic ofthe Phlippines", 0.397, 0.077, 0.603, 0.109],
      ["PAMBANSANG PAGKAKAKILANLAN", 0.273, 0.115, 0.727, 0.16],
      ["en", 0.481, 0.175, 0.501, 0.186],
      ["3044-5216-7835-1005", 0.308, 0.23, 0.67, 0.275],
      ["Aped", 0.312, 0.313, 0.346, 0.335],
      ["WONG", 0.307, 0.344, 0.408, 0.39],
      ["Moce Panga an/6d", 0.306, 0.416, 0.457, 0.456],
      ["renNane", 0.451, 0.424, 0.534, 0.45],
      ["MEI LING", 0.306, 0.455, 0.448, 0.502],
      ["do/Midde Name", 0.432, 0.533, 0.56, 0.561],
      ["SANTOS", 0.305, 0.567, 0.435, 0.614],
      ["DECEMBER 03. 1953", 0.306, 0.684, 0.598, 0.724],
      ["148 MABINI ST BRGY SAN ISIDRO", 0.308, 0.797, 0.656, 0.833],
      ["DAVAO CITY DAVAO DEL SUR", 0.306, 0.843, 0.613, 0.879],
    ];
    const parsed = parsePhilippinesId(lines(screen));
    expect(parsed.normal.GeneralCard).toMatchObject({
      LastName: "WONG",
      FirstName: "MEI LING",
      FullName: "MEI LING SANTOS WONG",
      Birthday: "1953-12-03",
    });
    expect(parsed.normal.GeneralCard?.Address?.FormattedAddress).toBe(
      "148 MABINI ST BRGY SAN ISIDRO, DAVAO CITY DAVAO DEL SUR",
    );
    // With one name row missing the rows cannot be told apart: nothing is guessed.
    const two = parsePhilippinesId(lines(screen.filter((s) => s[0] !== "MEI LING")));
    expect([two.key.name, two.normal.GeneralCard?.LastName]).toEqual([null, null]);
  });

  it("never takes the English half of a split label for the value", () => {
    const split = PHILID.flatMap((s): Spec[] =>
      s[0] === "Mga Pangalan/GivenNames"
        ? [
            ["MgaPangalan/Given", 0.306, 0.419, 0.479, 0.455],
            ["ame", 0.48, 0.427, 0.533, 0.446],
          ]
        : [s],
    );
    expect(parsePhilippinesId(lines(split)).normal.GeneralCard?.FirstName).toBe("SOMCHAI");
  });

  it("takes the only date when the birth label is unreadable", () => {
    const parsed = parsePhilippinesId(lines(replace("PetsangKapanganakan/DateofBirth", "Pe#sa..K4p")));
    expect(parsed.key.birthDate).toBe("1958-08-28");
  });

  it("leaves a name row null when its value is missing rather than taking the next label", () => {
    const parsed = parsePhilippinesId(lines(PHILID.filter((s) => s[0] !== "DELA")));
    expect(parsed.normal.GeneralCard?.FullName).toBe("SOMCHAI SANTOS");
    expect(parsed.fieldsValid).toBe(true);
  });

  it("fails the structure check for a PCN with a digit missing", () => {
    const parsed = parsePhilippinesId(lines(replace("6393-8897-2385-0160", "6393-8897-2385-016")));
    expect(parsed.normal.GeneralCard?.LicenseNumber).toBeNull();
    expect(parsed.checks.pcnStructure).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });
});
