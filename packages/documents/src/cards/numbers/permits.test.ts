import { describe, expect, it } from "vitest";
import { isValidTaiwanId, macaoValidityYears, rocYearToGregorian, taiwanIdSex } from "./east-asia.ts";
import {
  isWellFormedPermitPeriod,
  parsePermitNumber,
  parseValidPeriod,
  permitEndDate,
  permitValidityYears,
} from "./travel-permits.ts";

describe("Mainland travel permit numbers (structure only: no check digit is published)", () => {
  it("reads the 2013 card, 1999 card, non-Chinese and Taiwan forms", () => {
    // The published sample read: H10387877 (renewal count 01 printed on its own).
    expect(parsePermitNumber("H10387877")).toEqual({
      number: "H10387877",
      region: "HongKong",
      series: "2013",
      renewals: null,
    });
    expect(parsePermitNumber("M1234567801")).toMatchObject({ region: "Macao", series: "1999", renewals: 1 });
    expect(parsePermitNumber("HA1234567")).toMatchObject({ region: "HongKong", series: "non-chinese" });
    expect(parsePermitNumber("08320271")).toMatchObject({ region: "Taiwan", series: "taiwan" });
  });

  it("refuses other shapes", () => {
    for (const bad of ["H1038787", "X10387877", "H103878771", "0832027", "HB1234567", "H1038787A"])
      expect(parsePermitNumber(bad)).toBeNull();
  });
});

describe("permit validity", () => {
  it("ends the day before the anniversary, as the published samples print it", () => {
    expect(permitEndDate("2014-04-10", 5)).toBe("2019-04-09");
    expect(permitEndDate("2018-10-09", 10)).toBe("2028-10-08");
    expect(permitEndDate("2016-02-03", 5)).toBe("2021-02-02");
    expect(permitEndDate("2016-03-01", 5)).toBe("2021-02-28");
    expect(permitEndDate("2016-02-29", 5)).toBe("2021-02-28");
  });

  it("gives 10 years from 18, 5 under 18 (3 on the 1999 card), 5 for Taiwan residents", () => {
    // The sample holder born 2000.01.01 was 14 on 2014.04.10: a 5-year permit.
    expect(permitValidityYears("2013", "2000-01-01", "2014-04-10")).toBe(5);
    expect(permitValidityYears("2013", "2000-01-01", "2018-01-01")).toBe(10);
    expect(permitValidityYears("2013", "2000-01-02", "2018-01-01")).toBe(5);
    expect(permitValidityYears("1999", "2000-01-01", "2010-01-01")).toBe(3);
    expect(permitValidityYears("taiwan", "1986-03-02", "2016-02-03")).toBe(5);
  });

  it("parses printed periods and judges their form", () => {
    const period = parseValidPeriod("2014.04.10-2019.04.09");
    expect(period).toEqual({ start: "2014-04-10", end: "2019-04-09" });
    expect(isWellFormedPermitPeriod(period!, "2013")).toBe(true);
    expect(isWellFormedPermitPeriod(period!, "taiwan")).toBe(true);
    const ten = parseValidPeriod("2018.10.09-2028.10.09")!;
    expect(isWellFormedPermitPeriod(ten, "2013")).toBe(false);
    expect(isWellFormedPermitPeriod(parseValidPeriod("2018.10.09-2028.10.08")!, "taiwan")).toBe(false);
    expect(parseValidPeriod("2018.02.30-2028.02.29")).toBeNull();
    expect(parseValidPeriod("2018.10.09")).toBeNull();
  });
});

describe("Taiwan and Macao rules", () => {
  it("reads the sex digit of a Taiwan number (1 male, 2 female)", () => {
    expect(isValidTaiwanId("A123456789")).toBe(true);
    expect(taiwanIdSex("A123456789")).toBe("M");
    expect(taiwanIdSex("A234567890")).toBe("F");
    expect(taiwanIdSex("A323456789")).toBeNull();
    expect(rocYearToGregorian(80)).toBe(1991);
  });

  it("gives a Macao permanent card 5 years under 18, 10 from 18, no expiry from 60", () => {
    expect(macaoValidityYears(17)).toBe(5);
    expect(macaoValidityYears(18)).toBe(10);
    expect(macaoValidityYears(59)).toBe(10);
    expect(macaoValidityYears(60)).toBeNull();
  });
});
