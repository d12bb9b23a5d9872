import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseIndonesiaDrivingLicense } from "./indonesia-licence.ts";

// Lines PP-OCR returned on a screen-recaptured synthetic SIM (identity 2): the row numbers read as `8`, `2、`,
// `3`, `4`, `S` or glued to the value (`6POLDA`), `1.` lost.
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const SIM: Spec[] = [
  ["SURAT IZIN MENGEMUDI", 0.368, 0.036, 0.741, 0.081],
  ["BI", 0.893, 0.03, 0.964, 0.1],
  ["3950-6797-356956", 0.289, 0.156, 0.622, 0.208],
  ["8", 0.297, 0.267, 0.311, 0.278],
  ["SITI SRISAI", 0.326, 0.244, 0.489, 0.294],
  ["2、 BANDUNG. 22-11-2000", 0.287, 0.315, 0.58, 0.357],
  ["3 OP RIA", 0.286, 0.382, 0.417, 0.425],
  ["4 JL MERDEKANO. 44", 0.292, 0.446, 0.547, 0.489],
  ["RT05/RW06 CIKINI", 0.325, 0.512, 0.538, 0.556],
  ["S PEGAWAI NEGERI SIPIL", 0.287, 0.579, 0.572, 0.619],
  ["6POLDAJAWA TIMUR", 0.284, 0.642, 0.539, 0.689],
  ["22-11-2026", 0.067, 0.701, 0.221, 0.744],
  ["SURABAYA.02-04-2021", 0.646, 0.842, 0.854, 0.882],
];
const without = (...texts: string[]) => SIM.filter((s) => !texts.includes(s[0]));
const replace = (from: string, to: string) =>
  SIM.map((s): Spec => (s[0] === from ? ([to, ...s.slice(1)] as Spec) : s));

describe("Indonesian driving licence (SIM)", () => {
  it("reads the rows by position and content whatever the row numbers were read as", () => {
    const parsed = parseIndonesiaDrivingLicense(lines(SIM));
    expect(parsed.normal.IndonesiaDrivingLicense).toEqual({
      FirstName: "SITI",
      LastName: "SRISAI",
      LicenseNumber: "39506797356956",
      Birthday: "2000-11-22",
      Address: "JL MERDEKANO. 44, RT05/RW06 CIKINI",
      ExpirationDate: "2026-11-22",
      IssuedDate: "2021-04-02",
      IssuedCountry: "Indonesia",
    });
    expect(parsed.key).toEqual({ name: "SITI SRISAI", number: "39506797356956", birthDate: "2000-11-22" });
    expect(parsed.checks).toEqual({ numberStructure: true, datesInOrder: true });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("keeps a one-word name as the given name", () => {
    const card = parseIndonesiaDrivingLicense(lines(replace("SITI SRISAI", "SUKARNO"))).normal
      .IndonesiaDrivingLicense;
    expect([card?.FirstName, card?.LastName]).toEqual(["SUKARNO", null]);
  });

  it("takes the earliest date as the birth date when the birth row's date is unreadable", () => {
    const parsed = parseIndonesiaDrivingLicense(
      lines(replace("2、 BANDUNG. 22-11-2000", "2 BANDUNG 22-1-200")),
    );
    expect(parsed.key.birthDate).toBeNull();
    const moved = parseIndonesiaDrivingLicense(
      lines([...replace("2、 BANDUNG. 22-11-2000", "2 BANDUNG"), ["22-11-2000", 0.45, 0.315, 0.58, 0.357]]),
    );
    expect(moved.key.birthDate).toBe("2000-11-22");
    // The name is still the row above the birth row.
    expect(moved.key.name).toBe("SITI SRISAI");
  });

  it("fails the structure check of a number with a digit missing and reports it as read", () => {
    const parsed = parseIndonesiaDrivingLicense(lines(replace("3950-6797-356956", "3950-6797-35695")));
    expect(parsed.key.number).toBe("3950679735695");
    expect(parsed.checks.numberStructure).toBe(true);
    const short = parseIndonesiaDrivingLicense(lines(replace("3950-6797-356956", "3950-6797-356")));
    expect(short.checks.numberStructure).toBe(false);
    expect(short.fieldsValid).toBe(false);
  });

  it("fails the date order when the expiry is before the issue date", () => {
    const parsed = parseIndonesiaDrivingLicense(lines(replace("22-11-2026", "22-11-2020")));
    expect(parsed.checks.datesInOrder).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });

  it("reads nothing but the country from a card that is not a SIM", () => {
    const parsed = parseIndonesiaDrivingLicense(lines([["Dear customer, thank you", 0.1, 0.1, 0.8, 0.15]]));
    expect(parsed.key).toEqual({ name: null, number: null, birthDate: null });
    expect(parsed.fieldsValid).toBe(false);
    expect(without()).toHaveLength(SIM.length);
  });
});
