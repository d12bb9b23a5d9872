import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseHkidCard } from "./hkid.ts";
import { parseKtp } from "./ktp.ts";
import { parseMyKad } from "./mykad.ts";
import { parseDrivingLicense, parseSssId, parseUmid, parseVoterId } from "./philippines.ts";
import { parseSingaporeId } from "./singapore.ts";
import { parseThaiId } from "./thai.ts";

// Lines as PP-OCR returns them on our synthetic cards (spaces often dropped), placed in card-relative boxes.
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";

describe("HKID layout", () => {
  it("reads the 2003 specimen's fields and flags its invalid check digit", () => {
    const parsed = parseHkidCard(
      lines([
        ["香港永久性居民身份證", 0.3, 0.05, 0.7, 0.1],
        ["HONGKONGPERMANENTIDENTITYCARD", 0.12, 0.11, 0.88, 0.16],
        ["李智能", 0.05, 0.18, 0.21, 0.26],
        ["LEE,Chi", 0.05, 0.27, 0.24, 0.32],
        ["Nan", 0.22, 0.27, 0.32, 0.32],
        ["262125355174", 0.3, 0.35, 0.63, 0.4],
        ["出生日期DateofBirth", 0.3, 0.48, 0.57, 0.53],
        ["01-01-1968", 0.3, 0.55, 0.54, 0.6],
        ["女F", 0.61, 0.53, 0.69, 0.6],
        ["***AZ", 0.3, 0.62, 0.42, 0.68],
        ["(01-79)", 0.3, 0.75, 0.46, 0.81],
        ["15-09-03", 0.3, 0.85, 0.54, 0.92],
        ["C668668(E)", 0.65, 0.85, 0.93, 0.92],
      ]),
    );
    expect(parsed.normal.HKIDCard).toMatchObject({
      ChineseName: "李智能",
      FullName: "LEE, Chi Nan",
      RegistrationNumber: "2621 2535 5174",
      Sex: "F",
      Birthday: "01-01-1968",
      Permanent: "1",
      LicenseNumber: "C668668(E)",
      Symbol: "***AZ",
      IssuedDate: "(01-79)",
      CurrentIssueDate: "15-09-03",
      HKIDVersion: "2003",
    });
    expect(parsed.legacy.HKIDCard?.IdNum).toBe("C668668(E)");
    expect(parsed.checks).toEqual({ numberCheckDigit: false, datesConsistent: true });
    expect(parsed.fieldsValid).toBe(false);
  });
  it("accepts a consistent 2018 card with a valid number", () => {
    const parsed = parseHkidCard(
      lines([
        ["HONGKONGPERMANENTIDENTITYCARD", 0.04, 0.06, 0.6, 0.1],
        ["CHAN,Tai Man", 0.04, 0.25, 0.4, 0.3],
        ["01-02-1990", 0.04, 0.48, 0.25, 0.54],
        ["M", 0.33, 0.48, 0.36, 0.54],
        ["***AZ", 0.04, 0.58, 0.15, 0.64],
        ["(06-08)", 0.33, 0.58, 0.45, 0.64],
        ["01-06-20", 0.04, 0.84, 0.2, 0.9],
        ["R123456(A)", 0.6, 0.86, 0.9, 0.93],
      ]),
    );
    expect(parsed.key).toEqual({ name: "CHAN, Tai Man", number: "R123456(A)", birthDate: "1990-02-01" });
    expect(parsed.fieldsValid).toBe(true);
    expect(parsed.normal.HKIDCard?.HKIDVersion).toBe("2018");
  });
});

describe("MyKad layout", () => {
  it("takes birth date and sex from the number and the address below the name", () => {
    const parsed = parseMyKad(
      lines([
        ["KADPENGENALAN", 0.04, 0.06, 0.33, 0.1],
        ["MyKad", 0.81, 0.07, 0.92, 0.12],
        ["821119-03-1857", 0.04, 0.25, 0.4, 0.3],
        ["MARIABINAHMAD", 0.04, 0.59, 0.33, 0.63],
        ["NO34JALANMELATI6", 0.04, 0.66, 0.31, 0.7],
        ["13461KUALALUMPUR", 0.04, 0.78, 0.31, 0.81],
        ["WARGANEGARA", 0.04, 0.89, 0.23, 0.93],
        ["LELAKI", 0.61, 0.89, 0.7, 0.93],
      ]),
      REF,
    );
    expect(parsed.normal.MLIDCard).toEqual({
      FullName: "MARIABINAHMAD",
      LicenseNumber: "821119-03-1857",
      Sex: "LELAKI",
      FormattedAddress: "NO34JALANMELATI6 13461KUALALUMPUR",
      Type: "MyKad",
      Birthday: "1982-11-19",
    });
    expect(parsed.checks).toEqual({ numberStructure: true, sexMatchesNumber: true });
  });
  it("flags a sex word that contradicts the number", () => {
    const parsed = parseMyKad(
      lines([
        ["821119-03-1858", 0.04, 0.25, 0.4, 0.3],
        ["LELAKI", 0.61, 0.89, 0.7, 0.93],
      ]),
      REF,
    );
    expect(parsed.checks.sexMatchesNumber).toBe(false);
  });
});

describe("KTP layout", () => {
  it("reads label : value rows and cross-checks the NIK", () => {
    const row = (label: string, value: string, y: number): Spec[] => [
      [label, 0.03, y, 0.2, y + 0.04],
      [`: ${value}`, 0.25, y, 0.6, y + 0.04],
    ];
    const parsed = parseKtp(
      lines([
        ["PROVINSI DKI JAKARTA", 0.3, 0.03, 0.7, 0.07],
        ["KOTA JAKARTA SELATAN", 0.3, 0.08, 0.7, 0.12],
        ["NIK", 0.03, 0.16, 0.08, 0.21],
        [": 3171044512900003", 0.25, 0.16, 0.62, 0.21],
        ...row("Nama", "SITI RAHMAN", 0.24),
        ...row("Tempat/TglLahir", "JAKARTA, 05-12-1990", 0.3),
        ["JenisKelamin", 0.03, 0.36, 0.2, 0.4],
        [": PEREMPUAN Gol.Darah: O", 0.25, 0.36, 0.7, 0.4],
        ...row("Agama", "ISLAM", 0.6),
      ]),
      REF,
    );
    expect(parsed.key).toEqual({ name: "SITI RAHMAN", number: "3171044512900003", birthDate: "1990-12-05" });
    expect(parsed.legacy.IndonesiaIDCard?.GolDarah).toBe("O");
    expect(parsed.normal.IndonesiaIDCard?.Sex).toBe("PEREMPUAN");
    expect(parsed.checks).toEqual({
      nikStructure: true,
      birthDateMatchesNik: true,
      sexMatchesNik: true,
      provinceMatchesNik: true,
    });
  });
});

describe("Thai layout", () => {
  it("reads the English fields and checks the 13-digit number", () => {
    const parsed = parseThaiId(
      lines([
        ["IdentificationNumber", 0.04, 0.14, 0.26, 0.18],
        ["8151422351020", 0.3, 0.13, 0.65, 0.18],
        ["NameMr.Roberto", 0.2, 0.33, 0.43, 0.37],
        ["Lastname Tan", 0.2, 0.4, 0.39, 0.44],
        ["DateofBirth10Sep.1993", 0.2, 0.5, 0.52, 0.54],
        ["15 Mar. 2022", 0.04, 0.85, 0.17, 0.88],
        ["Dateoflssue", 0.04, 0.9, 0.15, 0.93],
      ]),
    );
    expect(parsed.key).toEqual({ name: "Roberto Tan", number: "8 1514 22351 02 0", birthDate: "1993-09-10" });
    expect(parsed.normal.ThailandIDCard?.IssuedDate).toBe("2022-03-15");
    expect(parsed.fieldsValid).toBe(true);
  });

  it("reads a label split inside a word and Oct read with a zero (keystoned capture)", () => {
    const parsed = parseThaiId(
      lines([
        ["Identification Number", 0, 0.12, 0.37, 0.17],
        ["2780283301244", 0.42, 0.09, 0.96, 0.15],
        ["Name Mr.Maria", 0.27, 0.31, 0.61, 0.36],
        ["Las tname Garcia", 0.28, 0.38, 0.64, 0.44],
        ["DateofBirth40ct.1991", 0.28, 0.49, 0.76, 0.54],
      ]),
    );
    expect(parsed.key).toEqual({
      name: "Maria Garcia",
      number: "2 7802 83301 24 4",
      birthDate: "1991-10-04",
    });
  });
});

describe("Singapore layout", () => {
  it("reads labelled values under their labels", () => {
    const parsed = parseSingaporeId(
      lines([
        ["IDENTITYCARDNO.F3037068Q", 0.34, 0.12, 0.76, 0.16],
        ["Name", 0.34, 0.24, 0.39, 0.27],
        ["TANROBERTO", 0.34, 0.29, 0.57, 0.33],
        ["Dateofbirth", 0.34, 0.57, 0.45, 0.6],
        ["Sex", 0.69, 0.57, 0.73, 0.6],
        ["05-06-1957", 0.34, 0.62, 0.49, 0.65],
        ["M", 0.69, 0.61, 0.72, 0.66],
      ]),
    );
    expect(parsed.key).toEqual({ name: "TANROBERTO", number: "F3037068Q", birthDate: "1957-06-05" });
    expect(parsed.normal.SingaporeIDCard?.Sex).toBe("M");
    expect(parsed.checks.numberCheckLetter).toBe(true);
  });
});

describe("misread labels", () => {
  it("falls back to the first printed date when the birth-date label is garbled", () => {
    const parsed = parseSingaporeId(
      lines([
        ["IDENTITYCARDNO.F3037068Q", 0.33, 0.13, 0.75, 0.17],
        ["Dute of birth", 0.33, 0.57, 0.45, 0.6],
        ["05-06-1957", 0.34, 0.61, 0.49, 0.66],
      ]),
    );
    expect(parsed.key.birthDate).toBe("1957-06-05");
  });
});

describe("Philippine layouts", () => {
  it("voter ID: inline labels, month-first dates", () => {
    const parsed = parseVoterId(
      lines([
        ["VIN:3044-5216C-B3510ERM51529", 0.33, 0.19, 0.75, 0.23],
        ["Name:WONG,MEILINGSANTOS", 0.33, 0.28, 0.72, 0.32],
        ["DateofBirth:12/03/1953", 0.33, 0.36, 0.58, 0.4],
      ]),
    );
    expect(parsed.key).toEqual({
      name: "WONG, MEILINGSANTOS",
      number: "3044-5216C-B3510ERM51529",
      birthDate: "1953-12-03",
    });
  });
  it("driving licence: name row under the combined label, year-first dates", () => {
    const parsed = parseDrivingLicense(
      lines([
        ["LastName,FirstName,MiddleName", 0.29, 0.19, 0.61, 0.23],
        ["LEE,HUISHAN,FLORES", 0.3, 0.24, 0.66, 0.29],
        ["DateofBirth", 0.57, 0.33, 0.68, 0.37],
        ["1990/01/19", 0.57, 0.38, 0.71, 0.42],
        ["License No.", 0.3, 0.61, 0.39, 0.64],
        ["N25-30-014022", 0.3, 0.65, 0.52, 0.69],
      ]),
    );
    expect(parsed.key).toEqual({ name: "LEE, HUISHAN", number: "N25-30-014022", birthDate: "1990-01-19" });
    expect(parsed.normal.PhilippinesDrivingLicense?.AgencyCode).toBe("N25");
  });
  it("SSS and UMID numbers are normalised and structure-checked", () => {
    const sss = parseSssId(lines([["SSNumber51-4187315-8", 0.33, 0.19, 0.83, 0.24]]));
    expect(sss.key.number).toBe("51-4187315-8");
    const umid = parseUmid(
      lines([
        ["CRN-0111-2345678-9", 0.33, 0.12, 0.7, 0.17],
        ["SURNAME", 0.33, 0.22, 0.45, 0.25],
        ["CRUZ", 0.33, 0.26, 0.45, 0.3],
        ["GIVENNAME", 0.33, 0.34, 0.45, 0.37],
        ["JUAN", 0.33, 0.38, 0.45, 0.42],
      ]),
    );
    expect(umid.key).toMatchObject({ name: "CRUZ, JUAN", number: "CRN-0111-2345678-9" });
  });
});
