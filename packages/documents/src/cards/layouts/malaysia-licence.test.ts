import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseMalaysiaDrivingLicense } from "./malaysia-licence.ts";

// Lines PP-OCR returned on a rotated synthetic Malaysian licence (identity 2).
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const LICENCE: Spec[] = [
  ["LESEN MEMANDU", 0.385, 0.034, 0.618, 0.073],
  ["DRIVING LICENCE", 0.415, 0.084, 0.591, 0.118],
  ["Nama/Name", 0.296, 0.165, 0.417, 0.2],
  ["SITI BINTI JAIDEE", 0.298, 0.207, 0.545, 0.249],
  ["No.Pengenalan/IdentityNo.", 0.296, 0.278, 0.542, 0.314],
  ["901202082058", 0.297, 0.32, 0.511, 0.359],
  ["Warganegara/Nationality", 0.296, 0.391, 0.517, 0.428],
  ["Kelas/Class", 0.649, 0.392, 0.76, 0.431],
  ["MALAYSIA", 0.296, 0.435, 0.416, 0.473],
  ["DDA", 0.649, 0.435, 0.716, 0.479],
  ["Tempoh/Validity", 0.294, 0.503, 0.441, 0.539],
  ["27/03/2023-27/03/2025", 0.296, 0.549, 0.592, 0.587],
  ["Alamat/Address", 0.295, 0.616, 0.442, 0.651],
  ["NO 31JALAN KENANGA 6", 0.293, 0.661, 0.56, 0.698],
  ["TAMAN DESA INDAH", 0.294, 0.704, 0.507, 0.743],
  ["80100JOHOR BAHRU", 0.293, 0.748, 0.518, 0.787],
  ["JOHOR", 0.291, 0.792, 0.367, 0.83],
];
const REF = "2026-11-22";
const replace = (specs: Spec[], from: string, ...to: Spec[]) =>
  specs.flatMap((s) => (s[0] === from ? to : [s]));

describe("Malaysian driving licence", () => {
  it("reads the labelled rows, birth date and sex from the MyKad number, the validity period", () => {
    const parsed = parseMalaysiaDrivingLicense(lines(LICENCE), REF);
    expect(parsed.normal.GeneralCard).toMatchObject({
      LicenseNumber: "901202-08-2058",
      PersonalNumber: "901202-08-2058",
      FullName: "SITI BINTI JAIDEE",
      Birthday: "1990-12-02",
      Sex: "F",
      Nationality: "MALAYSIA",
      IssuedDate: "2023-03-27",
      ExpirationDate: "2025-03-27",
      IssuedCountry: "Malaysia",
    });
    expect(parsed.normal.GeneralCard?.Address).toMatchObject({
      FormattedAddress: "NO 31JALAN KENANGA 6, TAMAN DESA INDAH, 80100JOHOR BAHRU, JOHOR",
      LineFour: "JOHOR",
      PostalCode: "80100",
      City: "JOHOR BAHRU",
      Country: null,
    });
    expect(parsed.checks).toEqual({ numberStructure: true, datesInOrder: true });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reads the number through letter-for-digit confusions and the period split in two boxes", () => {
    let specs = replace(LICENCE, "901202082058", ["9O12O2O82O58", 0.297, 0.32, 0.511, 0.359]);
    specs = replace(
      specs,
      "27/03/2023-27/03/2025",
      ["27/03/2023 -", 0.296, 0.549, 0.44, 0.587],
      ["27/03/2025", 0.45, 0.549, 0.592, 0.587],
    );
    const card = parseMalaysiaDrivingLicense(lines(specs), REF).normal.GeneralCard;
    expect(card?.LicenseNumber).toBe("901202-08-2058");
    expect([card?.IssuedDate, card?.ExpirationDate]).toEqual(["2023-03-27", "2025-03-27"]);
  });

  it("reads name and address by position when screen moiré erases their labels", () => {
    // Synthetic identity 1 photographed off a screen: `Nama/Name` and `Alamat/Address` were not found at all.
    const screen: Spec[] = [
      ["LESEN MEMANDU", 0.383, 0.031, 0.617, 0.071],
      ["DRIVING LICENCE", 0.415, 0.084, 0.587, 0.116],
      ["JOSE BIN KUMAR", 0.295, 0.203, 0.539, 0.25],
      ["560913081419", 0.296, 0.316, 0.511, 0.359],
      ["Wargenegara / Nat onalty", 0.299, 0.391, 0.515, 0.427],
      ["Kelas lelass", 0.651, 0.391, 0.755, 0.426],
      ["MALAYSIA", 0.295, 0.429, 0.417, 0.475],
      ["DDA", 0.647, 0.431, 0.714, 0.478],
      ["emooh /Malld", 0.298, 0.498, 0.422, 0.533],
      ["05/05/2024-05/05/2027", 0.296, 0.543, 0.591, 0.587],
      ["NO 63 JALAN KENANGA8", 0.297, 0.658, 0.559, 0.698],
      ["TAMAN BUKIT JAYA", 0.296, 0.702, 0.489, 0.74],
      ["80100 JOHOR BAHRU", 0.296, 0.743, 0.519, 0.783],
      ["JOHOR", 0.294, 0.788, 0.37, 0.829],
    ];
    const parsed = parseMalaysiaDrivingLicense(lines(screen), REF);
    expect(parsed.normal.GeneralCard).toMatchObject({
      FullName: "JOSE BIN KUMAR",
      LicenseNumber: "560913-08-1419",
      Nationality: "MALAYSIA",
      IssuedDate: "2024-05-05",
      ExpirationDate: "2027-05-05",
    });
    expect(parsed.normal.GeneralCard?.Address?.FormattedAddress).toBe(
      "NO 63 JALAN KENANGA8, TAMAN BUKIT JAYA, 80100 JOHOR BAHRU, JOHOR",
    );
  });

  it("reads the postcode through a letter misread for a digit, and leaves a town without one alone", () => {
    const blurred = replace(LICENCE, "80100JOHOR BAHRU", ["8010OJOHOR BAHRU", 0.293, 0.748, 0.518, 0.787]);
    const address = parseMalaysiaDrivingLicense(lines(blurred), REF).normal.GeneralCard?.Address;
    expect([address?.PostalCode, address?.City, address?.LineThree]).toEqual([
      "80100",
      "JOHOR BAHRU",
      "80100JOHOR BAHRU",
    ]);
    const noCode = replace(LICENCE, "80100JOHOR BAHRU", ["BOSSO JOHOR BAHRU", 0.293, 0.748, 0.518, 0.787]);
    expect(
      parseMalaysiaDrivingLicense(lines(noCode), REF).normal.GeneralCard?.Address?.PostalCode,
    ).toBeNull();
  });

  it("does not take the English half of a split label for the name", () => {
    const split = replace(
      LICENCE,
      "Nama/Name",
      ["Nama/", 0.296, 0.165, 0.35, 0.2],
      ["Nam", 0.36, 0.165, 0.417, 0.2],
    );
    const noValue = replace(split, "SITI BINTI JAIDEE");
    expect(parseMalaysiaDrivingLicense(lines(split), REF).key.name).toBe("SITI BINTI JAIDEE");
    expect(parseMalaysiaDrivingLicense(lines(noValue), REF).key.name).toBeNull();
  });

  it("does not take the class beside the nationality or a label for a value", () => {
    const specs = replace(LICENCE, "MALAYSIA");
    const card = parseMalaysiaDrivingLicense(lines(specs), REF).normal.GeneralCard;
    expect(card?.Nationality).toBeNull();
  });

  it("fails the number rule for an impossible MyKad date and reports no birth date from it", () => {
    const parsed = parseMalaysiaDrivingLicense(
      lines(replace(LICENCE, "901202082058", ["901302082058", 0.297, 0.32, 0.511, 0.359])),
      REF,
    );
    expect(parsed.normal.GeneralCard?.Birthday).toBeNull();
    expect(parsed.checks.numberStructure).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });
});
