import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseMacaoId } from "./macao.ts";

// Lines as PP-OCRv4 returned them on a synthetic Macao card (簽 is not in its dictionary: read 策; spaced MRZ).
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs
    .filter(([text]) => text !== "")
    .map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";
const MRZ = [
  "I<M A C 1 4 2 1 88 1 4<9<<<<<<<<<<<<<<<",
  "0205056M3408180CHN<<<<<<<<<<<2",
  "LAM<<KA<HOU<<<<<<<<<<<<<<<<<<<",
];
const macao = (over: Partial<Record<string, string>> = {}): CardLine[] =>
  lines([
    ["澳门特别行政區永久性居民身份證", 0.32, 0.05, 0.76, 0.09],
    ["姓Apelido", 0.31, 0.18, 0.4, 0.21],
    ["林", 0.32, 0.22, 0.36, 0.28],
    [over.surname ?? "LAM", 0.39, 0.23, 0.47, 0.27],
    ["名Nome", 0.31, 0.3, 0.39, 0.34],
    ["家豪", 0.32, 0.35, 0.39, 0.4],
    [over.given ?? "KA HOU", 0.43, 0.35, 0.56, 0.4],
    ["出生日期 Datadenascimento", 0.32, 0.43, 0.55, 0.46],
    ["性别Sexo", 0.71, 0.42, 0.79, 0.46],
    [over.birth ?? "05-05-2002", 0.32, 0.47, 0.48, 0.52],
    [over.sex ?? "M", 0.71, 0.47, 0.74, 0.52],
    ["策發日期Datadeemissao", 0.32, 0.55, 0.53, 0.58],
    ["有效期至Validoate", 0.71, 0.54, 0.87, 0.58],
    [over.issued ?? "18-08-2024", 0.32, 0.59, 0.48, 0.64],
    [over.expiry ?? "18-08-2034", 0.71, 0.59, 0.88, 0.63],
    [over.number ?? "1421881(4)", 0.71, 0.66, 0.92, 0.71],
    [over.mrz1 ?? MRZ[0]!, 0.07, 0.74, 0.93, 0.79],
    [over.mrz2 ?? MRZ[1]!, 0.07, 0.81, 0.93, 0.86],
    [over.mrz3 ?? MRZ[2]!, 0.07, 0.88, 0.93, 0.93],
  ]);

describe("Macao resident identity card front", () => {
  it("reads the printed fields and the MRZ, and every MRZ ↔ print cross-check holds", () => {
    const parsed = parseMacaoId(macao(), REF);
    expect(parsed.normal.MacaoIDCard).toEqual({
      FirstName: "KA HOU",
      LastName: "LAM",
      Birthday: "05-05-2002",
      ExpirationDate: "18-08-2034",
      LicenseNumber: "1421881(4)",
      Sex: "M",
      Age: "24",
      IssuedCountry: "Macao",
      Field1: "I<MAC14218814<9<<<<<<<<<<<<<<<",
      Field2: "0205056M3408180CHN<<<<<<<<<<<2",
    });
    expect(parsed.key).toEqual({ name: "LAM, KA HOU", number: "1421881(4)", birthDate: "2002-05-05" });
    expect(parsed.checks).toEqual({
      numberStructure: true,
      birthDateNotInFuture: true,
      validityMatchesAge: true,
      mrzCheckDigits: true,
      mrzNumberMatches: true,
      mrzBirthDateMatches: true,
      mrzSexMatches: true,
      mrzExpiryMatches: true,
      mrzNameMatches: true,
    });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("catches a printed field that disagrees with the MRZ", () => {
    const parsed = parseMacaoId(macao({ birth: "05-06-2002", given: "KA HO" }), REF);
    expect(parsed.checks).toMatchObject({ mrzBirthDateMatches: false, mrzNameMatches: false });
    expect(parsed.fieldsValid).toBe(false);
  });

  it("joins an MRZ line the detector split at its fillers, read there as 人", () => {
    const split = macao({ mrz1: "I<MAC14218814<9<<<<<<" }).concat(
      lines([["入人人", 0.83, 0.75, 0.93, 0.79]]),
    );
    const parsed = parseMacaoId(split, REF);
    expect(parsed.normal.MacaoIDCard?.Field1).toBe("I<MAC14218814<9<<<<<<<<<<<<<<<");
    expect(parsed.checks.mrzCheckDigits).toBe(true);
  });

  it("takes what moiré hid from the print out of a valid MRZ, without cross-checking it with itself", () => {
    const noLabels = macao().filter((l) => !/Apelido|Nome|Sexo|nascimento|^M$|^05-05-2002$/.test(l.text));
    const parsed = parseMacaoId(noLabels, REF);
    expect(parsed.normal.MacaoIDCard).toMatchObject({ LastName: "LAM", Sex: "M", Birthday: "05-05-2002" });
    expect(parsed.checks.mrzSexMatches).toBeUndefined();
    expect(parsed.checks.mrzBirthDateMatches).toBeUndefined();
    expect(parsed.key.birthDate).toBe("2002-05-05");
  });

  it("never takes the issue date for the birth date when glare took the birth row", () => {
    const parsed = parseMacaoId(macao({ birth: "", mrz1: "", mrz2: "", mrz3: "" }), REF);
    expect(parsed.normal.MacaoIDCard?.Birthday).toBeNull();
    expect(parsed.key.birthDate).toBeNull();
  });

  it("fails the MRZ check digits when a digit was altered", () => {
    const parsed = parseMacaoId(macao({ mrz2: "0205066M3408180CHN<<<<<<<<<<<2" }), REF);
    expect(parsed.checks.mrzCheckDigits).toBe(false);
  });

  it("judges the term against the age: 10 years for an adult, none from 60", () => {
    expect(parseMacaoId(macao({ expiry: "18-08-2029" }), REF).checks.validityMatchesAge).toBe(false);
    const senior = parseMacaoId(
      macao({
        birth: "25-05-1950",
        issued: "17-01-2024",
        expiry: "------",
        mrz1: "I<MAC11372905<2<<<<<<<<<<<<<<<",
        mrz2: "5005251M<<<<<<<CHN<<<<<<<<<<<6",
        mrz3: "LAM<<KA<HOU<<<<<<<<<<<<<<<<<<<",
        number: "1137290(5)",
      }),
      REF,
    );
    expect(senior.normal.MacaoIDCard?.ExpirationDate).toBeNull();
    expect(senior.checks).toMatchObject({
      validityMatchesAge: true,
      mrzExpiryMatches: true,
      mrzCheckDigits: true,
    });
  });

  it("reads a card without an MRZ (2013 issue) on its printed fields alone", () => {
    const parsed = parseMacaoId(macao({ mrz1: "", mrz2: "", mrz3: "" }), REF);
    expect(parsed.normal.MacaoIDCard).toMatchObject({ Field1: null, Field2: null, LastName: "LAM" });
    expect(Object.keys(parsed.checks).some((k) => k.startsWith("mrz"))).toBe(false);
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reads the number through look-alikes and refuses one of the wrong shape", () => {
    expect(parseMacaoId(macao({ number: "142I88l(4)" }), REF).normal.MacaoIDCard?.LicenseNumber).toBe(
      "1421881(4)",
    );
    expect(
      parseMacaoId(macao({ number: "3421881(4)", mrz1: "" }), REF).normal.MacaoIDCard?.LicenseNumber,
    ).toBeNull();
  });
});
