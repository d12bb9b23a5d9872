import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseGenericCard } from "./generic-card.ts";

// GeneralCard without an MRZ: labels only, key fields checked for their shape. Lines in the forms PP-OCR gives
// them on the synthetic cards (labels above or before values, bilingual labels, dropped spaces).
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";

describe("generic GeneralCard reader", () => {
  it("reads label-above-value rows, a bilingual label and a multi-line address", () => {
    const parsed = parseGenericCard(
      lines([
        ["LESEN MEMANDU", 0.4, 0.04, 0.6, 0.08],
        ["Nama / Name", 0.3, 0.16, 0.42, 0.19],
        ["JOSE BIN KUMAR", 0.3, 0.2, 0.55, 0.25],
        ["No. Pengenalan / Identity No.", 0.3, 0.28, 0.6, 0.31],
        ["560913081419", 0.3, 0.32, 0.52, 0.37],
        ["Alamat / Address", 0.3, 0.62, 0.47, 0.65],
        ["NO 12 JALAN MAWAR 3", 0.3, 0.67, 0.55, 0.71],
        ["50450 KUALA LUMPUR", 0.3, 0.72, 0.53, 0.76],
      ]),
      REF,
    );
    expect(parsed.normal.GeneralCard).toMatchObject({
      FullName: "JOSE BIN KUMAR",
      LicenseNumber: "560913081419",
      Birthday: null,
      Address: { FormattedAddress: "NO 12 JALAN MAWAR 3, 50450 KUALA LUMPUR", LineTwo: "50450 KUALA LUMPUR" },
    });
    // No birth date printed: as for every type, name and number are what `fieldsValid` needs.
    expect(parsed.key.birthDate).toBeNull();
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reads `Label: value` lines, a month-first date that cannot be day-first, sex and the date order", () => {
    const parsed = parseGenericCard(
      lines([
        ["TIN 514-187-315-000", 0.33, 0.2, 0.7, 0.26],
        ["Name: JOSE RAMOS KUMAR", 0.33, 0.3, 0.7, 0.35],
        ["Sex: F", 0.33, 0.36, 0.45, 0.4],
        ["Date of Birth: 09/13/1956", 0.33, 0.46, 0.65, 0.5],
        ["Date of Issue: 03/15/2016", 0.33, 0.54, 0.65, 0.58],
        ["Valid until 14-03-2026", 0.33, 0.6, 0.65, 0.64],
      ]),
      REF,
    );
    expect(parsed.normal.GeneralCard).toMatchObject({
      LicenseNumber: "514-187-315-000",
      FullName: "JOSE RAMOS KUMAR",
      Sex: "F",
      Birthday: "1956-09-13",
      IssuedDate: "2016-03-15",
      ExpirationDate: "2026-03-14",
    });
    expect(parsed.checks).toEqual({ birthDateInPast: true, datesInOrder: true });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("joins separate surname and given-name rows, and reports nothing it cannot shape-check", () => {
    const parsed = parseGenericCard(
      lines([
        ["Surname", 0.3, 0.2, 0.4, 0.23],
        ["SANTOS", 0.3, 0.24, 0.42, 0.28],
        ["Given names", 0.3, 0.3, 0.45, 0.33],
        ["MARIA CLARA", 0.3, 0.34, 0.5, 0.38],
        ["Document No.", 0.3, 0.42, 0.45, 0.45],
        ["ABCDEF", 0.3, 0.46, 0.45, 0.5],
        ["Date of birth", 0.3, 0.52, 0.45, 0.55],
        ["12-05-2031", 0.3, 0.56, 0.45, 0.6],
      ]),
      REF,
    );
    expect(parsed.key).toEqual({ name: "MARIA CLARA SANTOS", number: null, birthDate: null });
    // A birth date in the future is no birth date: reported null and the check fails.
    expect(parsed.checks.birthDateInPast).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });

  it("joins `Name Mr. X` and `Last name Y` rows without the title; takes the only number-shaped line", () => {
    const parsed = parseGenericCard(
      lines([
        ["Thai National ID Card", 0.3, 0.04, 0.6, 0.09],
        ["1 2345 67890 12 1", 0.3, 0.15, 0.6, 0.2],
        ["Name Mr. Somchai", 0.2, 0.33, 0.45, 0.38],
        ["Last name Jaidee", 0.2, 0.4, 0.45, 0.45],
        ["Date of Birth 7 Jan. 1990", 0.2, 0.5, 0.55, 0.55],
      ]),
      REF,
    );
    expect(parsed.key).toEqual({ name: "Somchai Jaidee", number: "1234567890121", birthDate: "1990-01-07" });
  });

  it("leaves the number null when two unlabelled lines could be it", () => {
    const parsed = parseGenericCard(
      lines([
        ["CHAN, Tai Man", 0.04, 0.25, 0.4, 0.3],
        ["2345 6789 1234", 0.04, 0.33, 0.3, 0.37],
        ["C668668(9)", 0.6, 0.88, 0.9, 0.95],
      ]),
      REF,
    );
    expect(parsed.key.number).toBeNull();
  });

  it("does not take another row's number (`Precinct No:`) and keeps a code glued to the number", () => {
    const voter = parseGenericCard(
      lines([
        ["VIN: 3044-5216C-B3510ERM51529", 0.33, 0.19, 0.75, 0.23],
        ["Name: WONG, MEI LING SANTOS", 0.33, 0.29, 0.75, 0.33],
        ["Precinct No: 0696A", 0.33, 0.65, 0.6, 0.69],
      ]),
      REF,
    );
    expect(voter.key.number).toBeNull();
    const umid = parseGenericCard(lines([["CRN-5303-7068875-3", 0.33, 0.13, 0.68, 0.17]]), REF);
    expect(umid.key.number).toBe("CRN-5303-7068875-3");
  });

  it("finds nothing on text without identity labels", () => {
    const parsed = parseGenericCard(
      lines([
        ["Dear customer, thank you for your order.", 0.1, 0.2, 0.9, 0.26],
        ["Reference 2024-118 / Invoice 88213", 0.1, 0.4, 0.8, 0.46],
      ]),
      REF,
    );
    expect(parsed.key).toEqual({ name: null, number: null, birthDate: null });
    expect(parsed.fieldsValid).toBe(false);
  });
});
