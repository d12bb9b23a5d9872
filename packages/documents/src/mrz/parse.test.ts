import { parse as independentParse } from "mrz";
import { describe, expect, it } from "vitest";
import { computeCheckDigit } from "./check-digit.ts";
import { hasFillerNoise, parseMrzLines } from "./parse.ts";
import { toInternationalIdPassport } from "./passport.ts";

const TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const TD1 = [
  "I<UTOD231458907<<<<<<<<<<<<<<<",
  "7408122F1204159UTO<<<<<<<<<<<6",
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];
const withChar = (line: string, at: number, ch: string) => line.slice(0, at) + ch + line.slice(at + 1);

describe("check digits", () => {
  it("computes ICAO 7-3-1 digits and matches the independent mrz package on the specimen", () => {
    expect(computeCheckDigit("L898902C3")).toBe(6);
    expect(computeCheckDigit("740812")).toBe(2);
    expect(computeCheckDigit("ZE184226B<<<<<")).toBe(1);
    const independent = independentParse(TD3).details.filter((d) => /CheckDigit$/.test(d.field ?? ""));
    expect(independent.length).toBe(5);
    expect(independent.every((d) => d.valid)).toBe(parseMrzLines(TD3).checks.every((c) => c.valid));
  });
});

describe("parseMrzLines", () => {
  it("parses the ICAO TD3 specimen with every check digit", () => {
    const r = parseMrzLines(TD3);
    expect(r.format).toBe("TD3");
    expect(r.valid).toBe(true);
    expect(r.checks.map((c) => c.name)).toEqual([
      "document_number",
      "birth_date",
      "expiry_date",
      "personal_number",
      "composite",
    ]);
    expect(r.fields).toMatchObject({
      surname: "ERIKSSON",
      givenNames: "ANNA MARIA",
      documentNumber: "L898902C3",
      birthDate: "740812",
      sex: "F",
    });
  });

  it("parses TD1 and maps to the Tencent InternationalIDPassport struct", () => {
    const r = parseMrzLines(TD1);
    expect(r.format).toBe("TD1");
    expect(r.valid).toBe(true);
    const p = toInternationalIdPassport(r, new Date("2020-01-01T00:00:00Z"));
    expect(p).toMatchObject({
      LicenseNumber: "D23145890",
      Surname: "ERIKSSON",
      GivenName: "ANNA MARIA",
      Birthday: "1974-08-12",
      DateOfExpiration: "2012-04-15",
      Sex: "F",
      NationalityCode: "UTO",
    });
    expect(p?.PassportCodeFirst).toBe(TD1[0]);
  });

  it("parses MRV-B visas (no composite digit)", () => {
    const line2 = `D23145890${computeCheckDigit("D23145890")}UTO7408122F1204159<<<<<<<<`;
    const r = parseMrzLines(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", line2]);
    expect(r.format).toBe("MRV-B");
    expect(r.valid).toBe(true);
    expect(r.checks.map((c) => c.name)).toEqual(["document_number", "birth_date", "expiry_date"]);
  });

  it("corrects a letter read for a digit in a date when the check digit proves it", () => {
    const misread = [TD3[0] as string, withChar(TD3[1] as string, 15, "O")]; // 740812 → 740812 with O
    const r = parseMrzLines(misread);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(TD3);
    expect(r.corrections).toEqual([
      { line: 1, position: 15, from: "O", to: "0", field: "birthDate", reason: "check-digit" },
    ]);
  });

  it("corrects a single look-alike in the document number when exactly one fits the check digit", () => {
    const r = parseMrzLines([TD3[0] as string, withChar(TD3[1] as string, 5, "O")]); // L8989O2C3
    expect(r.valid).toBe(true);
    expect(r.fields?.documentNumber).toBe("L898902C3");
    expect(r.corrections).toEqual([
      { line: 1, position: 5, from: "O", to: "0", field: "documentNumber", reason: "check-digit" },
    ]);
  });

  it("refuses to pick between look-alikes that fit the digits equally (LB98902C3: B→8 or 2→Z)", () => {
    const r = parseMrzLines([TD3[0] as string, withChar(TD3[1] as string, 1, "B")]);
    expect(r.valid).toBe(false);
    expect(r.corrections).toEqual([]);
    expect(r.fields?.documentNumber).toBe("LB98902C3");
  });

  it("leaves a letter in a date alone when its digit cannot tell (O and 4 weigh the same there)", () => {
    const r = parseMrzLines([TD3[0] as string, withChar(TD3[1] as string, 14, "O")]);
    expect(r.valid).toBe(false);
    expect(r.warnings.map((w) => w.code)).toContain("INVALID_DATE");
  });

  it("never corrects a document that is invalid as printed", () => {
    // Wrong birth-date digit (2 → 3): no look-alike explains it, so it stays invalid.
    const printed = [TD3[0] as string, withChar(TD3[1] as string, 19, "3")];
    const r = parseMrzLines(printed);
    expect(r.valid).toBe(false);
    expect(r.corrections).toEqual([]);
    expect(r.checks.find((c) => c.name === "birth_date")).toMatchObject({
      valid: false,
      printed: "3",
      expected: "2",
    });
    expect(r.warnings.map((w) => w.code)).toContain("CHECK_DIGIT_FAILED");
  });

  it("keeps a correct composite-failing read invalid (no field fixed on the composite alone)", () => {
    const printed = [TD3[0] as string, withChar(TD3[1] as string, 43, "7")];
    const r = parseMrzLines(printed);
    expect(r.valid).toBe(false);
    expect(r.corrections).toEqual([]);
  });

  it("turns an isolated K inside the name filler into < and flags it", () => {
    const r = parseMrzLines([withChar(TD3[0] as string, 30, "K"), TD3[1] as string]);
    expect(r.lines[0]).toBe(TD3[0]);
    expect(r.warnings.map((w) => w.code)).toContain("FILLER_CORRECTED");
  });

  it("flags characters after the name's filler run, keeps the verdict and leaves clean names alone", () => {
    // What a noisy photo made of the filler tail: `<` read as K and R where no filler rule can prove it.
    const noisy = withChar(withChar(TD3[0] as string, 30, "K"), 33, "R");
    const r = parseMrzLines([noisy, TD3[1] as string]);
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain("NAME_FILLER_NOISE");
    expect(parseMrzLines(TD3).warnings.map((w) => w.code)).not.toContain("NAME_FILLER_NOISE");
    expect(parseMrzLines(TD1).warnings.map((w) => w.code)).not.toContain("NAME_FILLER_NOISE");
  });

  it("hasFillerNoise allows the << separator and single-< parts, not text after three or more <", () => {
    expect(hasFillerNoise("KOWALSKA<KWIATKOWSKA<<JOANNA<<<<<<<<<<<")).toBe(false);
    expect(hasFillerNoise("SPECIMEN<<TEST<VOID<<<<<<<<<<<")).toBe(false);
    expect(hasFillerNoise("OKAFOR<<YUKI<<<<K<<<K<<R<<<<<")).toBe(true);
    expect(hasFillerNoise("<<<A")).toBe(true);
  });

  it("handles TD1 document numbers longer than 9 characters", () => {
    const r = parseMrzLines([
      "IDBEL600001795<0152<<<<<<<<<<<",
      "1301014F2311207BEL130101987398",
      "SPECIMEN<<SPECIMEN<<<<<<<<<<<<",
    ]);
    expect(r.valid).toBe(true);
    expect(r.fields?.documentNumber).toBe("600001795015");
  });

  it("reports unknown layouts with a code instead of guessing", () => {
    const r = parseMrzLines(["ABC", "DEF"]);
    expect(r.found).toBe(false);
    expect(r.error?.code).toBe("MRZ_FORMAT_UNKNOWN");
  });

  it("does not correct when asked for a strict parse", () => {
    const misread = [TD3[0] as string, withChar(TD3[1] as string, 15, "O")];
    expect(parseMrzLines(misread, { correct: false }).valid).toBe(false);
  });
});
