import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { nricCheckLetter } from "../numbers/nric.ts";
import { parseSingaporeDrivingLicense } from "./singapore-licence.ts";

// Lines PP-OCR returned on a noisy synthetic Singapore licence (identity 1): the check letter J read as `1`.
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const LICENCE: Spec[] = [
  ["SINGAPORE DRIVING LICENCE", 0.287, 0.041, 0.716, 0.082],
  ["Licence No.", 0.305, 0.163, 0.405, 0.198],
  ["S22507061", 0.305, 0.203, 0.473, 0.254],
  ["Name", 0.305, 0.298, 0.36, 0.327],
  ["KUMAR SIU MING", 0.308, 0.336, 0.577, 0.38],
  ["Date of Birth", 0.305, 0.424, 0.417, 0.462],
  ["Date of Issue", 0.61, 0.426, 0.727, 0.461],
  ["09-08-1995", 0.305, 0.468, 0.447, 0.511],
  ["04-10-2018", 0.612, 0.468, 0.754, 0.511],
  ["Class", 0.304, 0.555, 0.357, 0.592],
  ["2B3", 0.304, 0.597, 0.366, 0.64],
];
const replace = (from: string, to: string) =>
  LICENCE.map((s): Spec => (s[0] === from ? ([to, ...s.slice(1)] as Spec) : s));

describe("Singapore driving licence", () => {
  it("reads the licence number (NRIC, check letter misread as a digit), name and dates", () => {
    expect(nricCheckLetter("S", "2250706")).toBe("J");
    const parsed = parseSingaporeDrivingLicense(lines(LICENCE));
    expect(parsed.normal.GeneralCard).toMatchObject({
      LicenseNumber: "S2250706J",
      PersonalNumber: "S2250706J",
      FullName: "KUMAR SIU MING",
      Birthday: "1995-08-09",
      IssuedDate: "2018-10-04",
      IssuedCountry: "Singapore",
      ExpirationDate: null,
    });
    expect(parsed.checks).toEqual({ numberCheckLetter: true, datesInOrder: true });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reports a wrong check letter as read and fails the check", () => {
    const parsed = parseSingaporeDrivingLicense(lines(replace("S22507061", "S2250706A")));
    expect(parsed.key.number).toBe("S2250706A");
    expect(parsed.checks.numberCheckLetter).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });

  it("does not turn a digit into a letter the digits do not call for", () => {
    // 8 stands for B only; this number's letter is J.
    const parsed = parseSingaporeDrivingLicense(lines(replace("S22507061", "S22507068")));
    expect(parsed.checks.numberCheckLetter).toBe(false);
  });

  it("tells birth and issue date apart by order when screen moiré erases both labels", () => {
    let specs = replace("Date of Birth", "Date ot");
    specs = specs.map((s): Spec => (s[0] === "Date of Issue" ? (["pateotisse", ...s.slice(1)] as Spec) : s));
    const card = parseSingaporeDrivingLicense(lines(specs)).normal.GeneralCard;
    expect([card?.Birthday, card?.IssuedDate]).toEqual(["1995-08-09", "2018-10-04"]);
  });

  it("finds name and birth date with their labels unreadable, never the issue date as birth date", () => {
    let specs = replace("Name", "Nma#");
    specs = specs.map((s): Spec => (s[0] === "Date of Birth" ? (["D@te 0f", ...s.slice(1)] as Spec) : s));
    const parsed = parseSingaporeDrivingLicense(lines(specs));
    expect(parsed.key).toEqual({ name: "KUMAR SIU MING", number: "S2250706J", birthDate: "1995-08-09" });
    expect(parsed.normal.GeneralCard?.IssuedDate).toBe("2018-10-04");
  });
});
