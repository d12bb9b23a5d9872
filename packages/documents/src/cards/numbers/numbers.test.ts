import { describe, expect, it } from "vitest";
import {
  formatPhilippineNumber,
  formatThaiId,
  isValidMainlandId,
  isValidMyNumber,
  isValidNric,
  isValidTaiwanId,
  isValidThaiId,
  isWellFormedMacaoId,
  isWellFormedPhilippineNumber,
  mainlandCheckCharacter,
  nricCheckLetter,
  parseMainlandId,
  parseMyKadNumber,
  parseNik,
  parseNric,
  readThaiLicenceNumber,
  thaiCheckDigit,
} from "./index.ts";

const REF = "2026-11-22";

describe("MyKad", () => {
  it("derives birth date, sex and state", () => {
    expect(parseMyKadNumber("900101-14-5677", REF)).toEqual({
      formatted: "900101-14-5677",
      birthDate: "1990-01-01",
      placeOfBirthCode: "14",
      placeOfBirth: "Wilayah Persekutuan Kuala Lumpur",
      sex: "M",
    });
    expect(parseMyKadNumber("051231105124", REF)?.birthDate).toBe("2005-12-31");
    expect(parseMyKadNumber("051231105124", REF)?.sex).toBe("F");
    expect(parseMyKadNumber("800229-71-0001", REF)?.birthDate).toBe("1980-02-29");
    expect(parseMyKadNumber("810229-71-0001", REF)).toBeNull();
  });
  it("rejects impossible dates and unused place codes", () => {
    expect(parseMyKadNumber("900230-14-5677", REF)).toBeNull();
    expect(parseMyKadNumber("900101-00-5677", REF)).toBeNull();
    expect(parseMyKadNumber("900101-17-5677", REF)).toBeNull();
    expect(parseMyKadNumber("9001011456", REF)).toBeNull();
  });
  it("maps second state codes and foreign births", () => {
    expect(parseMyKadNumber("900101-43-5677", REF)?.placeOfBirth).toBe("Selangor");
    expect(parseMyKadNumber("900101-71-5677", REF)?.placeOfBirth).toBe("Outside Malaysia");
  });
});

describe("NIK", () => {
  it("decodes a woman's NIK (day + 40)", () => {
    expect(parseNik("3171044512900003", REF)).toEqual({
      nik: "3171044512900003",
      provinceCode: "31",
      province: "DKI JAKARTA",
      regencyCode: "71",
      districtCode: "04",
      birthDate: "1990-12-05",
      sex: "F",
      serial: "0003",
    });
  });
  it("decodes a man's NIK and chooses the century", () => {
    expect(parseNik("3273011708050001", REF)?.birthDate).toBe("2005-08-17");
    expect(parseNik("3273011708050001", REF)?.sex).toBe("M");
  });
  it("rejects unknown provinces, bad dates and serial 0000", () => {
    expect(parseNik("2071044512900003", REF)).toBeNull();
    expect(parseNik("3171047212900003", REF)).toBeNull(); // day 32
    expect(parseNik("3171040513900000", REF)).toBeNull(); // month 13
    expect(parseNik("3171044512900000", REF)).toBeNull();
    expect(parseNik("31710445129000", REF)).toBeNull();
  });
});

describe("Thai ID", () => {
  it("computes and checks the mod-11 check digit", () => {
    const body = "110170020345";
    const check = thaiCheckDigit(body)!;
    expect(isValidThaiId(body + check)).toBe(true);
    expect(isValidThaiId(body + ((check + 1) % 10))).toBe(false);
    expect(isValidThaiId(formatThaiId(body + check))).toBe(true);
    expect(formatThaiId("1101700203451")).toBe("1 1017 00203 45 1");
  });
  it("rejects wrong lengths and category 0", () => {
    expect(isValidThaiId("123")).toBe(false);
    const body = "010170020345";
    expect(isValidThaiId(body + thaiCheckDigit(body))).toBe(false);
  });
  it("accepts exactly one check digit per body", () => {
    const body = "352010045678";
    const valid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => isValidThaiId(body + d));
    expect(valid).toEqual([thaiCheckDigit(body)]);
  });
});

describe("Thai driving licence number (structure only)", () => {
  it("takes 6 to 10 digits and nothing else", () => {
    expect(readThaiLicenceNumber("62 001234")).toBe("62001234");
    expect(readThaiLicenceNumber("12345")).toBeNull();
    expect(readThaiLicenceNumber("12345678901")).toBeNull();
    expect(readThaiLicenceNumber("6200A234")).toBeNull();
  });
});

describe("NRIC / FIN", () => {
  it("matches published examples per series", () => {
    expect(nricCheckLetter("S", "1234567")).toBe("D");
    expect(nricCheckLetter("M", "1234567")).toBe("K");
    expect(isValidNric("S1234567D")).toBe(true);
    expect(isValidNric("s1234567d")).toBe(true);
    expect(isValidNric("S1234567A")).toBe(false);
    expect(parseNric(`T0123456${nricCheckLetter("T", "0123456")}`)?.kind).toBe("NRIC");
    expect(parseNric(`G1234567${nricCheckLetter("G", "1234567")}`)?.kind).toBe("FIN");
  });
  it("uses distinct tables for S/T, F/G and M", () => {
    const letters = ["S", "T", "F", "G", "M"].map((s) => nricCheckLetter(s, "7654321"));
    expect(new Set(letters).size).toBeGreaterThan(1);
    expect(nricCheckLetter("X", "1234567")).toBeNull();
  });
});

describe("Mainland resident ID", () => {
  it("validates the GB 11643 example", () => {
    expect(mainlandCheckCharacter("11010519491231002")).toBe("X");
    expect(parseMainlandId("11010519491231002X", REF)).toEqual({
      number: "11010519491231002X",
      addressCode: "110105",
      birthDate: "1949-12-31",
      sex: "F",
    });
    expect(isValidMainlandId("110105194912310021", REF)).toBe(false);
    expect(isValidMainlandId("11010519491331002X", REF)).toBe(false);
  });
});

describe("Philippine numbers (structure only)", () => {
  it("accepts the printed formats and normalises them", () => {
    expect(isWellFormedPhilippineNumber("vin", "2612-0053C-A1502ERM20000")).toBe(true);
    expect(formatPhilippineNumber("driversLicense", "N0112345678")).toBe("N01-12-345678");
    expect(formatPhilippineNumber("tin", "123456789000")).toBe("123-456-789-000");
    expect(formatPhilippineNumber("sss", "3412345678")).toBe("34-1234567-8");
    expect(formatPhilippineNumber("crn", "011123456789")).toBe("CRN-0111-2345678-9");
    expect(isWellFormedPhilippineNumber("sss", "34-123456-8")).toBe(false);
  });
  it("accepts the PhilID card number as 16 digits in groups of four", () => {
    expect(formatPhilippineNumber("pcn", "1234 5678 9012 3456")).toBe("1234-5678-9012-3456");
    expect(formatPhilippineNumber("pcn", "1234567890123456")).toBe("1234-5678-9012-3456");
    expect(isWellFormedPhilippineNumber("pcn", "1234-5678-9012-345")).toBe(false);
    expect(isWellFormedPhilippineNumber("pcn", "1234-5678-9012-34567")).toBe(false);
  });
});

describe("East Asian numbers", () => {
  it("checks Taiwan, My Number and Macao formats", () => {
    expect(isValidTaiwanId("A123456789")).toBe(true);
    expect(isValidTaiwanId("A123456788")).toBe(false);
    expect(isValidMyNumber("123456789018")).toBe(true);
    expect(isValidMyNumber("123456789019")).toBe(false);
    expect(isWellFormedMacaoId("1234567(8)")).toBe(true);
    expect(isWellFormedMacaoId("2234567(8)")).toBe(false);
  });
});
