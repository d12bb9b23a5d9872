import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { mergeCardBack } from "../merge-back.ts";
import {
  mainlandPeriodMatchesNumber,
  mainlandValidityYears,
  parseCardBackLines,
  parseMainlandBack,
  parseMyKadBack,
} from "./backs.ts";

type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-12-04";

// As PP-OCR returns the synthetic MyKad back (packages/documents/test/synthetic/backs.ts): spaces dropped.
const mykadBack = (number: string) =>
  lines([
    [number, 0.04, 0.07, 0.33, 0.14],
    ["KETUAPENGARAH", 0.59, 0.82, 0.76, 0.87],
    ["PENDAFTARANNEGARA", 0.59, 0.87, 0.8, 0.92],
    ["KADINIHAKMILIKKERAJAANMALAYSIA", 0.04, 0.92, 0.36, 0.96],
  ]);

// Mainland back: 中华人民共和国 / 居民身份证 titles, then the two labelled rows.
const mainlandBack = (authority: string, period: string) =>
  lines([
    ["中华人民共和国", 0.3, 0.1, 0.9, 0.2],
    ["居民身份证", 0.35, 0.28, 0.85, 0.4],
    ["签发机关", 0.2, 0.7, 0.36, 0.77],
    [authority, 0.4, 0.7, 0.8, 0.77],
    ["有效期限", 0.2, 0.82, 0.36, 0.89],
    [period, 0.4, 0.82, 0.8, 0.89],
  ]);

const mykadFront = (number: string, fieldsValid = true) => ({
  normalCardInfo: {
    MLIDCard: {
      FullName: "AMIRA BINTI HASSAN",
      LicenseNumber: number,
      Sex: "PEREMPUAN",
      FormattedAddress: null,
      Type: "MyKad",
      Birthday: null,
    },
  },
  cardInfo: { MLIDCard: { Name: "AMIRA BINTI HASSAN", ID: number } },
  checks: { numberStructure: true },
  fieldsValid,
});

describe("MyKad back", () => {
  it("reads the number printed on the back, with the front's digit confusions and an issue suffix", () => {
    expect(parseMyKadBack(mykadBack("870516-13-2196"))).toEqual({
      normal: {},
      legacy: {},
      number: "870516-13-2196",
      checks: { backSide: true, backNumberRead: true },
    });
    expect(parseMyKadBack(mykadBack("87O516-I3-2I96-02-01")).number).toBe("870516-13-2196");
  });

  it("does not take a second photo of the front for the back", () => {
    const front = lines([
      ["KADPENGENALAN", 0.04, 0.05, 0.3, 0.1],
      ["MALAYSIA", 0.04, 0.11, 0.2, 0.15],
      ["870516-13-2196", 0.04, 0.25, 0.4, 0.32],
    ]);
    expect(parseMyKadBack(front).checks).toEqual({ backSide: false, backNumberRead: true });
  });

  it("merges: the back's number must be the front's", () => {
    const same = mergeCardBack(
      "MLIDCard",
      mykadFront("870516-13-2196"),
      parseMyKadBack(mykadBack("870516-13-2196")),
      REF,
    );
    expect(same.checks).toEqual({
      numberStructure: true,
      backSide: true,
      backNumberRead: true,
      backNumberMatchesFront: true,
    });
    expect(same.fieldsValid).toBe(true);
    // MLIDCard has no back-only field: the struct is the front's.
    expect(same.normalCardInfo).toEqual(mykadFront("870516-13-2196").normalCardInfo);

    const other = mergeCardBack(
      "MLIDCard",
      mykadFront("870516-13-2196"),
      parseMyKadBack(mykadBack("041114-11-4412")),
      REF,
    );
    expect(other.checks.backNumberMatchesFront).toBe(false);
    expect(other.fieldsValid).toBe(false);
    // Unreadable back: no number to compare, and the back check itself fails.
    const blank = mergeCardBack("MLIDCard", mykadFront("870516-13-2196"), parseMyKadBack([]), REF);
    expect(blank.checks).toMatchObject({ backSide: false, backNumberRead: false });
    expect(blank.checks).not.toHaveProperty("backNumberMatchesFront");
    expect(blank.fieldsValid).toBe(false);
    // An invalid front stays invalid whatever the back says.
    const front = mykadFront("870516-13-2196", false);
    expect(
      mergeCardBack("MLIDCard", front, parseMyKadBack(mykadBack("870516-13-2196")), REF).fieldsValid,
    ).toBe(false);
  });
});

describe("Mainland ID back", () => {
  it("reads 签发机关 → Authority and 有效期限 → ValidDate (dates or 长期)", () => {
    const parsed = parseMainlandBack(mainlandBack("北京市公安局朝阳分局", "2015.03.01-2035.03.01"), REF);
    expect(parsed.normal).toEqual({ Authority: "北京市公安局朝阳分局", ValidDate: "2015.03.01-2035.03.01" });
    expect(parsed.checks).toEqual({ backSide: true, validDateRead: true, validPeriodWellFormed: true });
    const lifelong = parseMainlandBack(mainlandBack("上海市公安局浦东分局", "2016.05.10-长期"), REF);
    expect(lifelong.normal.ValidDate).toBe("2016.05.10-长期");
    expect(lifelong.checks.validPeriodWellFormed).toBe(true);
    // OCR without the dots and with a long dash still gives the printed form.
    expect(parseMainlandBack(mainlandBack("X公安局", "20150301—20350301"), REF).normal.ValidDate).toBe(
      "2015.03.01-2035.03.01",
    );
  });

  it("flags periods the law does not issue and a back that is really the front", () => {
    const seven = parseMainlandBack(mainlandBack("X公安局", "2015.03.01-2022.03.01"), REF);
    expect(seven.checks.validPeriodWellFormed).toBe(false);
    const shifted = parseMainlandBack(mainlandBack("X公安局", "2015.03.01-2025.03.02"), REF);
    expect(shifted.checks.validPeriodWellFormed).toBe(false);
    const future = parseMainlandBack(mainlandBack("X公安局", "2027.01.01-2037.01.01"), REF);
    expect(future.checks.validPeriodWellFormed).toBe(false);
    const front = lines([
      ["姓名 张三", 0.1, 0.1, 0.4, 0.17],
      ["公民身份号码 11010519491231002X", 0.1, 0.8, 0.9, 0.88],
    ]);
    expect(parseMainlandBack(front, REF).checks).toEqual({ backSide: false, validDateRead: false });
  });

  it("gives the period the Resident Identity Card Law sets for the holder's age", () => {
    expect(mainlandValidityYears("2012-06-01", "2020-01-01")).toBe(5);
    expect(mainlandValidityYears("2000-06-01", "2020-06-01")).toBe(10);
    expect(mainlandValidityYears("1994-06-02", "2020-06-01")).toBe(10); // 25 the day before the 26th birthday
    expect(mainlandValidityYears("1994-06-01", "2020-06-01")).toBe(20);
    expect(mainlandValidityYears("1974-06-01", "2020-06-01")).toBeNull(); // 46: 长期
    // GB 11643's example holder, born 1949-12-31: aged 65 in 2015, so only 长期 fits.
    expect(mainlandPeriodMatchesNumber("2015.03.01-长期", "11010519491231002X", REF)).toBe(true);
    expect(mainlandPeriodMatchesNumber("2015.03.01-2035.03.01", "11010519491231002X", REF)).toBe(false);
  });

  it("merges Authority and ValidDate into the MainlandIDCard struct and cross-checks the period", () => {
    const front = {
      normalCardInfo: {
        MainlandIDCard: {
          FullName: "张三",
          Sex: "女",
          Nation: "汉",
          Birthday: "1949-12-31",
          Address: "北京市朝阳区",
          LicenseNumber: "11010519491231002X",
          FormattedAddress: "北京市朝阳区",
          Authority: null,
          ValidDate: null,
        },
      },
      cardInfo: {},
      checks: { numberCheckCharacter: true },
      fieldsValid: true,
    };
    const back = parseCardBackLines(
      "MainlandIDCard",
      mainlandBack("北京市公安局朝阳分局", "2015.03.01-长期"),
      REF,
    );
    const merged = mergeCardBack("MainlandIDCard", front, back!, REF);
    expect(merged.normalCardInfo.MainlandIDCard).toEqual({
      ...front.normalCardInfo.MainlandIDCard,
      Authority: "北京市公安局朝阳分局",
      ValidDate: "2015.03.01-长期",
    });
    expect(merged.checks.validPeriodMatchesAge).toBe(true);
    expect(merged.fieldsValid).toBe(true);
    const wrongPeriod = parseCardBackLines(
      "MainlandIDCard",
      mainlandBack("北京市公安局朝阳分局", "2015.03.01-2035.03.01"),
      REF,
    );
    const mismatched = mergeCardBack("MainlandIDCard", front, wrongPeriod!, REF);
    expect(mismatched.checks.validPeriodMatchesAge).toBe(false);
    expect(mismatched.fieldsValid).toBe(false);
    // CardInfo has no MainlandIDCard member: the legacy container is left as it was.
    expect(merged.cardInfo).toEqual({});
  });

  it("has no back parser for types whose back is only stored", () => {
    expect(parseCardBackLines("TaiWanIDCard", mykadBack("870516-13-2196"), REF)).toBeNull();
    expect(parseCardBackLines("HKIDCard", [], REF)).toBeNull();
  });
});
