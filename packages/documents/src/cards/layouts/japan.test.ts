import { describe, expect, it } from "vitest";
import { foldJapanese, japaneseAddress, japaneseDate, prefectureAtEnd } from "../japanese-text.ts";
import type { CardLine } from "../lines.ts";
import {
  eraToIso,
  isoToEra,
  isWellFormedJapanLicenceNumber,
  licenceYearPlausible,
} from "../numbers/japan.ts";
import { parseJapanId } from "./japan-id.ts";
import { parseJapanDrivingLicense } from "./japan-licence.ts";

type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";

// Lines PP-OCR returned on a clean synthetic My Number card front (identity 2): kana and 東/別/効 come back as
// look-alikes or simplified forms, the name in two boxes.
const MY_NUMBER: Spec[] = [
  ["个人番号力一", 0.04, 0.05, 0.25, 0.1],
  ["氏名", 0.04, 0.17, 0.09, 0.21],
  ["石川", 0.12, 0.15, 0.21, 0.22],
  ["健一", 0.25, 0.15, 0.34, 0.22],
  ["住所", 0.04, 0.28, 0.09, 0.32],
  ["东京都千代田区大手町1丁目3番15号", 0.12, 0.29, 0.53, 0.33],
  ["生年月日", 0.04, 0.43, 0.13, 0.46],
  ["昭和25年5月25日生", 0.15, 0.43, 0.38, 0.47],
  ["性别男", 0.42, 0.42, 0.52, 0.47],
  ["2035年1月15日飞有效", 0.05, 0.55, 0.34, 0.59],
  ["電子证明書の有期限", 0.05, 0.67, 0.2, 0.71],
  ["年月", 0.06, 0.73, 0.15, 0.78],
];
const without = (specs: Spec[], ...texts: string[]) => specs.filter((s) => !texts.includes(s[0]));

// A clean synthetic licence (identity 1).
const LICENCE: Spec[] = [
  ["氏名", 0.03, 0.09, 0.07, 0.13],
  ["田中優子", 0.09, 0.07, 0.27, 0.14],
  ["昭和35年10月9日生", 0.55, 0.09, 0.77, 0.13],
  ["住所", 0.03, 0.17, 0.07, 0.21],
  ["东京都新宿区西新宿2丁目17番9号", 0.09, 0.17, 0.45, 0.21],
  ["交付", 0.03, 0.26, 0.07, 0.29],
  ["令和2年4月14日62323", 0.09, 0.25, 0.34, 0.29],
  ["2025年(令和7年)11月9日有效", 0.04, 0.34, 0.49, 0.39],
  ["免許の", 0.03, 0.44, 0.09, 0.48],
  ["条件等", 0.03, 0.48, 0.09, 0.52],
  ["番号第308527479510号", 0.03, 0.59, 0.38, 0.64],
  ["二·小·原昭和60年6月22日", 0.03, 0.68, 0.27, 0.72],
  ["他", 0.03, 0.73, 0.05, 0.77],
  ["东京都公安委員会", 0.56, 0.85, 0.73, 0.89],
  ["運免許证", 0.3, 0.9, 0.47, 0.95],
];

describe("Japanese dates and numbers", () => {
  it("converts era dates, 元年 and the era boundaries", () => {
    expect(eraToIso("昭和", 60, 3, 1)).toBe("1985-03-01");
    expect(eraToIso("平成", 1, 1, 8)).toBe("1989-01-08");
    expect(eraToIso("平成", 1, 1, 7)).toBeNull(); // still 昭和64年
    expect(eraToIso("昭和", 65, 1, 1)).toBeNull();
    expect(eraToIso("令和", 1, 4, 30)).toBeNull(); // 平成31年
    expect(isoToEra("2019-05-01")).toEqual({ era: "令和", year: 1 });
    expect(japaneseDate("令和元年5月1日")).toBe("2019-05-01");
    expect(japaneseDate("今和5年7月3日86006")).toBe("2023-07-03");
    expect(japaneseDate("2030年(令和12年)5月8日有")).toBe("2030-05-08");
    expect(japaneseDate("2002年5月5日生")).toBe("2002-05-05");
    expect(japaneseDate("和25年5月25日生")).toBeNull();
    expect(japaneseDate("平成2年2月30日")).toBeNull();
  });

  it("checks the licence number's structure only, and its first-licence year against the holder", () => {
    expect(isWellFormedJapanLicenceNumber("308527479510")).toBe(true);
    expect(isWellFormedJapanLicenceNumber("998527479510")).toBe(false); // no such commission
    expect(isWellFormedJapanLicenceNumber("30852747951")).toBe(false);
    expect(licenceYearPlausible("308527479510", "1960-10-09", "2020-04-14")).toBe(true);
    expect(licenceYearPlausible("307027479510", "1960-10-09", "2020-04-14")).toBe(false); // licensed at 10
  });

  it("folds simplified readings back to Japanese forms and restores a dropped 県", () => {
    expect(foldJapanese("东京都公安委员会")).toBe("東京都公安委員会");
    expect(foldJapanese("橘本")).toBe("橘本"); // a real Japanese surname: never folded
    expect(foldJapanese("吉田美穗")).toBe("吉田美穂");
    expect(prefectureAtEnd("爱知")).toBe("愛知県");
    expect(prefectureAtEnd("和歌山")).toBe("和歌山県");
    expect(prefectureAtEnd("东京都")).toBe("東京都");
    expect(japaneseAddress("神奈川横浜市中区山下町150番地")).toBe("神奈川県横浜市中区山下町150番地");
    expect(japaneseAddress("愛知县名古屋市中区")).toBe("愛知県名古屋市中区");
    expect(japaneseAddress("神奈川鼎横浜市")).toBe("神奈川県横浜市");
    expect(japaneseAddress("福网福网市博多区")).toBe("福岡県福岡市博多区");
    // Any other character in 県's place is not guessed away: the address stays wrong, as read.
    expect(japaneseAddress("神奈川具横浜市")).toBe("神奈川県具横浜市");
  });
});

describe("JapanIDCard (My Number card front)", () => {
  it("reads name, era birth date, Western expiry and address; no number, Age at the reference date", () => {
    const parsed = parseJapanId(lines(MY_NUMBER), REF);
    expect(parsed.normal.JapanIDCard).toEqual({
      FullName: "石川 健一",
      LicenseNumber: null,
      Age: "76",
      Birthday: "1950-05-25",
      ExpirationDate: "2035-01-15",
      FormattedAddress: "東京都千代田区大手町1丁目3番15号",
    });
    expect(parsed.checks).toEqual({ birthDateNotInFuture: true, expiryAfterBirth: true });
    expect(parsed.numberPrinted).toBe(false);
    expect(parsed.fieldsValid).toBe(true);
  });

  it("leaves out a doubtful one-character box read from the noise between family and given name", () => {
    const noisy = lines([...MY_NUMBER, ["强", 0.22, 0.17, 0.24, 0.19]]);
    noisy[noisy.length - 1] = { ...noisy[noisy.length - 1]!, confidence: 0.12 };
    expect(parseJapanId(noisy, REF).normal.JapanIDCard?.FullName).toBe("石川 健一");
  });

  it("reads the 一 of a given name that came back as a dash (keystoned capture: `健—`)", () => {
    const dashed = MY_NUMBER.map((s): Spec => (s[0] === "健一" ? ["健—", s[1], s[2], s[3], s[4]] : s));
    expect(parseJapanId(lines(dashed), REF).normal.JapanIDCard?.FullName).toBe("石川 健一");
    const leading = MY_NUMBER.map((s): Spec => (s[0] === "健一" ? ["-郎", s[1], s[2], s[3], s[4]] : s));
    expect(parseJapanId(lines(leading), REF).normal.JapanIDCard?.FullName).toBe("石川 一郎");
  });

  it("finds the name and address with their labels lost (moiré) and never reads a label as the name", () => {
    const screen = without(MY_NUMBER, "氏名", "住所", "生年月日", "石川", "健一").concat([
      ["石川健一", 0.12, 0.15, 0.34, 0.22],
    ]);
    screen.push(["作别", 0.4, 0.55, 0.47, 0.58]);
    const card = parseJapanId(lines(screen), REF).normal.JapanIDCard;
    expect(card?.FullName).toBe("石川健一");
    expect(card?.FormattedAddress).toBe("東京都千代田区大手町1丁目3番15号");
    expect(card?.Birthday).toBe("1950-05-25");
  });

  it("ignores a 12-digit number (the back's individual number is not collected) and fails without a birth date", () => {
    const parsed = parseJapanId(
      lines([...without(MY_NUMBER, "昭和25年5月25日生"), ["123456789018", 0.1, 0.8, 0.4, 0.85]]),
      REF,
    );
    expect(parsed.normal.JapanIDCard?.LicenseNumber).toBeNull();
    expect(parsed.normal.JapanIDCard?.Birthday).toBeNull();
    expect(parsed.fieldsValid).toBe(false);
  });
});

describe("JapanDrivingLicense", () => {
  it("reads every printed field into GeneralCard", () => {
    const parsed = parseJapanDrivingLicense(lines(LICENCE));
    expect(parsed.normal.GeneralCard).toMatchObject({
      LicenseNumber: "308527479510",
      FullName: "田中優子",
      Birthday: "1960-10-09",
      IssuedDate: "2020-04-14",
      ExpirationDate: "2025-11-09",
      IssuedAuthority: "東京都公安委員会",
      IssuedCountry: "Japan",
      Sex: null,
      Address: {
        FormattedAddress: "東京都新宿区西新宿2丁目17番9号",
        Subdivision: "東京都",
        Country: "Japan",
      },
    });
    expect(parsed.checks).toEqual({ numberStructure: true, numberYearPlausible: true, datesInOrder: true });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("keeps the class-group date out of the birth date and reads through lost labels (blur)", () => {
    const blur = without(LICENCE, "氏名", "交付").concat([
      ["民名", 0.03, 0.09, 0.07, 0.13],
      ["文付", 0.03, 0.26, 0.07, 0.29],
    ]);
    const card = parseJapanDrivingLicense(lines(blur)).normal.GeneralCard;
    expect(card).toMatchObject({ FullName: "田中優子", Birthday: "1960-10-09", IssuedDate: "2020-04-14" });
  });

  it("fails the structure check of a number with an unknown commission code, reporting it as printed", () => {
    const forged = LICENCE.map(
      (s): Spec => (s[0].startsWith("番号") ? (["番号第998527479510号", ...s.slice(1)] as Spec) : s),
    );
    const parsed = parseJapanDrivingLicense(lines(forged));
    expect(parsed.normal.GeneralCard?.LicenseNumber).toBe("998527479510");
    expect(parsed.checks.numberStructure).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });
});
