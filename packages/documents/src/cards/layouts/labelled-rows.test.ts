import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import {
  datesIn,
  datesInOrder,
  earliestDate,
  labelledValue,
  linesUnder,
  monthLetters,
} from "./labelled-rows.ts";

type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));

describe("labelled rows", () => {
  it("finds a value under a misread bilingual label", () => {
    const card = lines([
      ["Nama/Nme", 0.3, 0.16, 0.42, 0.2],
      ["SITI BINTI JAIDEE", 0.3, 0.21, 0.55, 0.25],
    ]);
    const hit = labelledValue(card, /Nama\s*\/\s*Name/i, "Nama/Name", { accept: (v) => /^[A-Z ]+$/.test(v) });
    expect(hit?.value).toBe("SITI BINTI JAIDEE");
  });

  it("collects an address block and stops at a gap or the next label", () => {
    const card = lines([
      ["Alamat/Address", 0.3, 0.6, 0.44, 0.64],
      ["NO 31 JALAN KENANGA 6", 0.3, 0.65, 0.56, 0.69],
      ["TAMAN DESA INDAH", 0.3, 0.7, 0.5, 0.74],
      ["Kelas/Class", 0.3, 0.75, 0.4, 0.79],
      ["FAR BELOW", 0.3, 0.95, 0.4, 0.99],
    ]);
    const block = linesUnder(card, card[0]!, 5, (t) => /Kelas/.test(t)).map((l) => l.text);
    expect(block).toEqual(["NO 31 JALAN KENANGA 6", "TAMAN DESA INDAH"]);
    const gap = linesUnder(card, card[0]!, 5, () => false).map((l) => l.text);
    expect(gap).not.toContain("FAR BELOW");
  });

  it("reads every date of a period and the 0-for-O month", () => {
    expect(datesIn("27/03/2023-27/03/2025").map((d) => d.iso)).toEqual(["2023-03-27", "2025-03-27"]);
    expect(datesIn("12 March 2020 to 11 March 2025").map((d) => d.iso)).toEqual(["2020-03-12", "2025-03-11"]);
    expect(monthLetters("190ctober1994")).toBe("19October1994");
    expect(monthLetters("2 N0v 2020")).toBe("2 NOv 2020");
    expect(monthLetters("10/10/2020")).toBe("10/10/2020");
  });

  it("takes the earliest date that is not already another field", () => {
    const card = lines([
      ["Date of Issue 2 February 2021", 0, 0, 1, 0.1],
      ["Date of Birth 19 0c#ober 1994", 0, 0.2, 1, 0.3],
    ]);
    expect(earliestDate(card)?.iso).toBe("2021-02-02");
    expect(earliestDate(card, "DMY", ["2021-02-02"])).toBeNull();
  });

  it("checks dates in order only when two are known", () => {
    expect(datesInOrder("1990-01-01", "2020-01-01", "2025-01-01")).toBe(true);
    expect(datesInOrder("1990-01-01", null, "1980-01-01")).toBe(false);
    expect(datesInOrder(null, "2020-01-01", null)).toBeNull();
  });
});
