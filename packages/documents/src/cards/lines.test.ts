import { describe, expect, it } from "vitest";
import {
  type CardLine,
  editDistance,
  fuzzyLabelLine,
  labelDistance,
  lineAbove,
  spacedLabel,
} from "./lines.ts";

const line = (text: string, x0: number, y0: number, x1: number, y1: number): CardLine => ({
  text,
  confidence: 0.9,
  x0,
  y0,
  x1,
  y1,
});

describe("fuzzy labels", () => {
  it("measures edit distance", () => {
    expect(editDistance("GVENNAME", "GIVENNAME")).toBe(1);
    expect(editDistance("", "ABC")).toBe(3);
    expect(editDistance("KITTEN", "SITTING")).toBe(3);
  });

  it("matches misread labels and truncated labels, not names or values with digits", () => {
    expect(labelDistance("GVENNAME", "Given Name")).toBe(1);
    expect(labelDistance("MIODLENA", "Middle Name")).toBe(1);
    expect(labelDistance("ROBERTO", "Given Name")).toBeNull();
    expect(labelDistance("SUAREZ", "Surname")).toBeNull();
    expect(labelDistance("SURNAME 12", "Surname")).toBeNull();
    expect(labelDistance("TAN", "Name")).toBeNull();
  });

  it("picks the closest matching line and the line above in the same column", () => {
    const given = line("GVENNAME", 0.33, 0.34, 0.43, 0.38);
    const rows = [line("TAN", 0.325, 0.265, 0.384, 0.308), given, line("ROBERTO", 0.33, 0.38, 0.46, 0.42)];
    expect(fuzzyLabelLine(rows, "Given Name")).toBe(given);
    expect(lineAbove(rows, given, 1.8, () => true)?.text).toBe("TAN");
    expect(lineAbove(rows, given, 1.8, (t) => t !== "TAN")).toBeNull();
    const farColumn = [line("TAN", 0.7, 0.265, 0.76, 0.308), given];
    expect(lineAbove(farColumn, given, 1.8, () => true)).toBeNull();
  });
});

describe("spaced labels", () => {
  it("match a label whatever the spacing pass did to it, and nothing else", () => {
    const label = spacedLabel("Last name");
    for (const text of ["Last name", "Lastname", "Las tname", "LAST NAME"])
      expect(label.test(text)).toBe(true);
    expect(label.test("Last game")).toBe(false);
    expect(spacedLabel("Date of Birth").test("DateofBirth40ct.1991")).toBe(true);
  });
});
