import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseTaiwanId, rocDate } from "./taiwan.ts";

// Lines as PP-OCRv4 returned them on a synthetic Taiwan card (its dictionary has no 別/編: 性别, 统一编号).
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";
const card = (over: Partial<Record<string, string>> = {}): CardLine[] =>
  lines([
    ["中华民國國民身分證", 0.14, 0.07, 0.54, 0.13],
    [over.nameLabel ?? "姓名", 0.04, 0.23, 0.12, 0.27],
    [over.name ?? "劉麗華", 0.2, 0.21, 0.34, 0.28],
    [over.birthLabel ?? "出生年月日", 0.04, 0.36, 0.18, 0.4],
    [over.birth ?? "民國47年4月19日", 0.2, 0.35, 0.47, 0.4],
    ["性别", 0.04, 0.47, 0.13, 0.51],
    [over.sex ?? "女", 0.19, 0.46, 0.23, 0.52],
    ["發證日期", 0.04, 0.59, 0.15, 0.63],
    [over.issued ?? "民國106年5月3日", 0.2, 0.59, 0.44, 0.63],
    ["(新北市)換發", 0.2, 0.65, 0.34, 0.7],
    ["统一编号", 0.04, 0.85, 0.15, 0.9],
    [over.number ?? "X278576094", 0.2, 0.84, 0.55, 0.9],
  ]);

describe("Taiwan national ID front", () => {
  it("reads name, sex, number and the 民國 birth date, with every check holding", () => {
    const parsed = parseTaiwanId(card(), REF);
    expect(parsed.normal.TaiWanIDCard).toEqual({
      FullName: "劉麗華",
      LicenseNumber: "X278576094",
      Sex: "女",
      IssuedCountry: "Taiwan",
      RegistrationNumber: null,
    });
    expect(parsed.legacy.TaiWanIDCard).toEqual(parsed.normal.TaiWanIDCard);
    expect(parsed.key).toEqual({ name: "劉麗華", number: "X278576094", birthDate: "1958-04-19" });
    expect(parsed.checks).toEqual({
      numberCheckDigit: true,
      sexMatchesNumber: true,
      birthDateNotInFuture: true,
      issuedAfterBirth: true,
    });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("converts 民國 years (+1911) and refuses dates that do not exist", () => {
    expect(rocDate("民國 80 年 5 月 12 日")).toBe("1991-05-12");
    expect(rocDate("民国112年4月20日")).toBe("2023-04-20");
    expect(rocDate("民國89年2月30日")).toBeNull();
    expect(rocDate("1991年5月12日")).toBeNull();
  });

  it("keeps a wrong check digit as printed and fails the check", () => {
    const parsed = parseTaiwanId(card({ number: "X278576095" }), REF);
    expect(parsed.normal.TaiWanIDCard?.LicenseNumber).toBe("X278576095");
    expect(parsed.checks.numberCheckDigit).toBe(false);
    expect(parsed.fieldsValid).toBe(false);
  });

  it("reads the number through digit look-alikes and flags a sex that contradicts it", () => {
    const parsed = parseTaiwanId(card({ number: "X2785760S4", sex: "男" }), REF);
    expect(parsed.normal.TaiWanIDCard?.LicenseNumber).toBe("X278576054");
    const valid = parseTaiwanId(card({ number: "X27857609 4", sex: "男" }), REF);
    expect(valid.normal.TaiWanIDCard?.LicenseNumber).toBe("X278576094");
    expect(valid.checks.sexMatchesNumber).toBe(false);
  });

  it("finds the birth date without its label and ignores the issue date for it", () => {
    const parsed = parseTaiwanId(card({ birthLabel: "出生年目" }), REF);
    expect(parsed.key.birthDate).toBe("1958-04-19");
    const noBirth = parseTaiwanId(card({ birth: "" }), REF);
    expect(noBirth.key.birthDate).toBeNull();
    expect(noBirth.checks.issuedAfterBirth).toBeUndefined();
  });

  it("takes the name and the sex by position when moiré took their labels", () => {
    const noLabels = card({ nameLabel: "" }).filter((l) => l.text !== "性别");
    expect(parseTaiwanId(noLabels, REF).normal.TaiWanIDCard).toMatchObject({ FullName: "劉麗華", Sex: "女" });
  });

  it("reports no name when neither label nor title frames it, and an issue date before birth as inconsistent", () => {
    const untitled = card({ nameLabel: "" }).filter((l) => !/身分/.test(l.text));
    expect(parseTaiwanId(untitled, REF).normal.TaiWanIDCard?.FullName).toBeNull();
    expect(parseTaiwanId(card({ issued: "民國40年5月3日" }), REF).checks.issuedAfterBirth).toBe(false);
  });
});
