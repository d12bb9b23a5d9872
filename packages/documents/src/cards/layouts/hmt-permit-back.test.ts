import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { mergeCardBack } from "../merge-back.ts";
import { parseCardBackLines } from "./backs.ts";
import { parseHmtPermit } from "./hmt-permit.ts";
import { hmtPermitCrossChecks, residentIdFitsPermit } from "./hmt-permit-back.ts";

type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));
const REF = "2026-11-22";
const back = (name: string, label: string, number: string) =>
  lines([
    ["姓名Name", 0.08, 0.28, 0.2, 0.33],
    [name, 0.08, 0.35, 0.2, 0.41],
    [label, 0.08, 0.48, 0.4, 0.53],
    [number, 0.08, 0.56, 0.3, 0.62],
  ]);
const front = (number: string) =>
  parseHmtPermit(
    lines([
      ["港澳居民来往内地通行证", 0.2, 0.06, 0.65, 0.12],
      [number, 0.76, 0.08, 0.96, 0.13],
      ["姓名 Name", 0.07, 0.21, 0.16, 0.25],
      ["何郑", 0.32, 0.19, 0.4, 0.25],
      ["HE,CHENG", 0.32, 0.28, 0.45, 0.32],
      ["出生日期Dateofbirth", 0.32, 0.35, 0.5, 0.39],
      ["2000.01.01", 0.32, 0.4, 0.49, 0.44],
      ["2018.04.10-2028.04.09", 0.32, 0.53, 0.68, 0.57],
    ]),
    REF,
  );
const asFront = (parsed: ReturnType<typeof front>) => ({
  normalCardInfo: parsed.normal,
  cardInfo: parsed.legacy,
  checks: parsed.checks,
  fieldsValid: parsed.fieldsValid,
});

describe("Mainland travel permit back (HMTPermit)", () => {
  it("reads the name and the HKID number the back repeats, and adds no HMTPermit field", () => {
    const parsed = parseCardBackLines(
      "HMTPermit",
      back("何郑", "香港永久性居民身份证号码", "C668668(9)"),
      REF,
    )!;
    expect(parsed).toEqual({
      normal: {},
      legacy: {},
      number: null,
      checks: { backSide: true },
      crossCheck: { Name: "何郑", ResidentIdNumber: "C668668(9)" },
      frontShown: false,
    });
  });

  it("merges with the front it belongs to: name and a valid HKID of a Hong Kong permit", () => {
    const read = front("H10387877");
    expect(read.fieldsValid).toBe(true);
    const merged = mergeCardBack(
      "HMTPermit",
      asFront(read),
      parseCardBackLines("HMTPermit", back("何郑", "香港", "C668668(9)"), REF)!,
      REF,
    );
    expect(merged.checks).toMatchObject({
      backSide: true,
      residentIdNumberRead: true,
      residentIdNumberValid: true,
      backNameMatchesFront: true,
    });
    expect(merged.fieldsValid).toBe(true);
    expect(merged.normalCardInfo.HMTPermitCard).toEqual(read.normal.HMTPermitCard);
    expect(merged.cardInfo).toEqual({});
  });

  it("refuses another holder's back, a wrong HKID check digit, and a Macao number on a Hong Kong permit", () => {
    const read = asFront(front("H10387877"));
    const merge = (name: string, number: string) =>
      mergeCardBack(
        "HMTPermit",
        read,
        parseCardBackLines("HMTPermit", back(name, "号码", number), REF)!,
        REF,
      );
    expect(merge("陈大文", "C668668(9)").checks.backNameMatchesFront).toBe(false);
    expect(merge("何郑", "C668668(E)").checks.residentIdNumberValid).toBe(false);
    expect(merge("何郑", "1421881(4)").checks.residentIdNumberValid).toBe(false);
    expect(merge("何郑", "C668668(E)").fieldsValid).toBe(false);
    expect(residentIdFitsPermit("1421881(4)", "M10387877")).toBe(true);
  });

  it("recognises the front photographed again, and asks nothing more of a Taiwan permit's back", () => {
    const frontLines = lines([
      ["H10387877", 0.76, 0.08, 0.96, 0.13],
      ["出生日期Dateofbirth", 0.32, 0.35, 0.5, 0.39],
      ["2014.04.10-2019.04.09", 0.32, 0.53, 0.68, 0.57],
    ]);
    const frontAgain = parseCardBackLines("HMTPermit", frontLines, REF)!;
    expect(frontAgain.checks.backSide).toBe(false);
    expect(frontAgain.frontShown).toBe(true);
    const blank = parseCardBackLines("HMTPermit", [], REF)!;
    expect(blank.checks.backSide).toBe(false);
    expect(hmtPermitCrossChecks({ Number: "08320271", Name: "李优图" }, blank)).toEqual({ backSide: true });
    expect(hmtPermitCrossChecks({ Number: "08320271" }, frontAgain)).toEqual({ backSide: false });
    expect(hmtPermitCrossChecks({ Number: "H10387877", Name: "何郑" }, blank)).toEqual({
      residentIdNumberRead: false,
      residentIdNumberValid: false,
      backNameMatchesFront: false,
    });
  });
});
