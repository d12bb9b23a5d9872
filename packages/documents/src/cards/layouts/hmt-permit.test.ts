import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseHmtPermit } from "./hmt-permit.ts";

// Lines as PP-OCRv4 returned them on synthetic permits (label words run together: "出生日期Dateofbirth").
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";
const permit = (over: Partial<Record<string, string>> = {}): CardLine[] =>
  lines(
    (
      [
        [over.title ?? "港澳居民来往内地通行证", 0.2, 0.06, 0.65, 0.12],
        [over.number ?? "H10387877", 0.76, 0.08, 0.96, 0.13],
        ["MAINLAND TRAVELPERMITFOR HONGKONGANDMACAORESIDENTS", 0.2, 0.13, 0.72, 0.17],
        [over.nameLabel ?? "姓名 Name", 0.07, 0.21, 0.16, 0.25],
        [over.name ?? "何郑", 0.32, 0.19, 0.4, 0.25],
        [over.english ?? "HE,CHENG", 0.32, 0.28, 0.45, 0.32],
        ["出生日期Dateofbirth", 0.32, 0.35, 0.5, 0.39],
        ["性别Sex", 0.65, 0.35, 0.72, 0.39],
        [over.birth ?? "2000.01.01", 0.32, 0.4, 0.49, 0.44],
        ["男", 0.65, 0.39, 0.69, 0.45],
        ["有效期限Periodofvalidity", 0.32, 0.48, 0.53, 0.51],
        [over.period ?? "2014.04.10-2019.04.09", 0.32, 0.53, 0.68, 0.57],
        ["签发机关Issuingauthority", 0.32, 0.61, 0.53, 0.65],
        ["公安部出入境管理局", 0.32, 0.65, 0.57, 0.7],
        ["换证次数", 0.65, 0.73, 0.73, 0.77],
        ["01", 0.65, 0.78, 0.7, 0.83],
      ] as Spec[]
    ).filter(([text]) => text !== ""),
  );

describe("Mainland travel permit front (HMTPermit)", () => {
  it("reads the published sample's fields into HMTPermit, with every check holding", () => {
    const parsed = parseHmtPermit(permit(), REF);
    expect(parsed.normal.HMTPermitCard).toEqual({
      Name: "何郑",
      EnglishName: "HE,CHENG",
      Number: "H10387877",
      Sex: "男",
      ValidDate: "2014.04.10-2019.04.09",
      IssueAuthority: "公安部出入境管理局",
      IssueAddress: null,
      Birthday: "2000.01.01",
    });
    expect(parsed.legacy).toEqual({});
    expect(parsed.key).toEqual({ name: "何郑", number: "H10387877", birthDate: "2000-01-01" });
    expect(parsed.checks).toEqual({
      numberStructure: true,
      numberMatchesTitle: true,
      birthDateNotInFuture: true,
      validPeriodWellFormed: true,
      validPeriodMatchesAge: true,
      issuedAfterBirth: true,
    });
    expect(parsed.fieldsValid).toBe(true);
  });

  it("flags a 10-year period for a 14-year-old and a period that is no term the permit has", () => {
    const adultTerm = parseHmtPermit(permit({ period: "2014.04.10-2024.04.09" }), REF);
    expect(adultTerm.checks).toMatchObject({ validPeriodWellFormed: true, validPeriodMatchesAge: false });
    const odd = parseHmtPermit(permit({ period: "2014.04.10-2019.04.10" }), REF);
    expect(odd.checks.validPeriodWellFormed).toBe(false);
    expect(odd.fieldsValid).toBe(false);
  });

  it("reads a period whose dots and dash the recogniser dropped", () => {
    expect(
      parseHmtPermit(permit({ period: "20140410一20190409" }), REF).normal.HMTPermitCard?.ValidDate,
    ).toBe("2014.04.10-2019.04.09");
  });

  it("reads the number through look-alikes and flags one that does not fit the title", () => {
    expect(parseHmtPermit(permit({ number: "H1O387S77" }), REF).normal.HMTPermitCard?.Number).toBe(
      "H10387577",
    );
    const taiwanNumber = parseHmtPermit(permit({ number: "08320271" }), REF);
    expect(taiwanNumber.checks.numberMatchesTitle).toBe(false);
    const wrong = parseHmtPermit(permit({ number: "X1038787" }), REF);
    expect(wrong.normal.HMTPermitCard?.Number).toBeNull();
    expect(wrong.checks.numberStructure).toBe(false);
  });

  it("reads the Taiwan residents' permit: 8-digit number, 5-year term, place of issue", () => {
    const taiwan = lines([
      ["台湾居民来往大陆通行证", 0.2, 0.06, 0.65, 0.12],
      ["08320271", 0.76, 0.08, 0.94, 0.13],
      ["姓名 Name", 0.07, 0.21, 0.16, 0.25],
      ["李优图", 0.32, 0.19, 0.43, 0.25],
      ["LI,YOU-TU", 0.32, 0.28, 0.5, 0.32],
      ["出生日期Dateofbirth", 0.32, 0.35, 0.5, 0.38],
      ["1986.03.02", 0.32, 0.4, 0.49, 0.44],
      ["2016.02.03-2021.02.02", 0.32, 0.52, 0.68, 0.56],
      ["签发地点Placeofissue", 0.32, 0.73, 0.5, 0.77],
      ["签发次数", 0.65, 0.73, 0.73, 0.77],
      ["广东", 0.32, 0.77, 0.38, 0.83],
      ["02", 0.65, 0.77, 0.7, 0.83],
    ]);
    const parsed = parseHmtPermit(taiwan, REF);
    expect(parsed.normal.HMTPermitCard).toMatchObject({
      Name: "李优图",
      EnglishName: "LI,YOU-TU",
      Number: "08320271",
      IssueAddress: "广东",
      ValidDate: "2016.02.03-2021.02.02",
    });
    expect(parsed.checks).toMatchObject({ numberMatchesTitle: true, validPeriodMatchesAge: true });
  });

  it("reads sex and issuing authority when moiré took their labels", () => {
    const noLabels = permit().filter((l) => !/Sex|Issuingauthority/.test(l.text));
    expect(parseHmtPermit(noLabels, REF).normal.HMTPermitCard).toMatchObject({
      Sex: "男",
      IssueAuthority: "公安部出入境管理局",
    });
  });

  it("takes the Chinese name above the English one when its label is lost", () => {
    const parsed = parseHmtPermit(permit({ nameLabel: "" }), REF);
    expect(parsed.normal.HMTPermitCard?.Name).toBe("何郑");
  });
});
