import { EkycError } from "@openekyc/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { coerceBySchema } from "./coerce.ts";
import { unflatten } from "./unflatten.ts";
import { parseParams } from "./validate.ts";

const schema = z.strictObject({
  RedirectURL: z.string(),
  Config: z
    .strictObject({
      CheckMode: z.number().int().default(2),
      AutoSkip: z.boolean().default(false),
      ThemeColor: z.string().optional(),
    })
    .optional(),
  SelectedWarningCodes: z.array(z.number().int()).default([]),
  Names: z.array(z.string()).optional(),
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof EkycError) return error.tencentCode;
    throw error;
  }
  throw new Error("expected an EkycError");
}

function parseFlat(entries: [string, string][]) {
  return parseParams(schema, coerceBySchema(schema, unflatten(new Map(entries))));
}

describe("v1 parameter unflatten and coercion", () => {
  it("turns flat keys into nested objects and arrays typed by the schema", () => {
    const parsed = parseFlat([
      ["RedirectURL", "https://x/cb"],
      ["Config.CheckMode", "1"],
      ["Config.AutoSkip", "true"],
      ["Config.ThemeColor", "123"],
      ["SelectedWarningCodes.0", "-9101"],
      ["SelectedWarningCodes.1", "-9102"],
      ["Names.0", "007"],
    ]);
    expect(parsed).toEqual({
      RedirectURL: "https://x/cb",
      Config: { CheckMode: 1, AutoSkip: true, ThemeColor: "123" },
      SelectedWarningCodes: [-9101, -9102],
      Names: ["007"],
    });
  });

  it("applies defaults for absent fields", () => {
    expect(
      parseFlat([
        ["RedirectURL", "u"],
        ["Config.AutoSkip", "false"],
      ]).Config,
    ).toEqual({
      CheckMode: 2,
      AutoSkip: false,
    });
  });

  it("maps failures onto MissingParameter, InvalidParameter and UnknownParameter", () => {
    expect(codeOf(() => parseFlat([["Config.CheckMode", "1"]]))).toBe("MissingParameter");
    expect(
      codeOf(() =>
        parseFlat([
          ["RedirectURL", "u"],
          ["Config.CheckMode", "one"],
        ]),
      ),
    ).toBe("InvalidParameter");
    expect(
      codeOf(() =>
        parseFlat([
          ["RedirectURL", "u"],
          ["Config.AutoSkip", "yes"],
        ]),
      ),
    ).toBe("InvalidParameter");
    expect(
      codeOf(() =>
        parseFlat([
          ["RedirectURL", "u"],
          ["Config.Colour", "x"],
        ]),
      ),
    ).toBe("UnknownParameter");
    expect(
      codeOf(() =>
        parseFlat([
          ["RedirectURL", "u"],
          ["SelectedWarningCodes.1", "-9101"],
        ]),
      ),
    ).toBe("InvalidParameter");
  });

  it("refuses conflicting, malformed and prototype-polluting names", () => {
    expect(
      codeOf(() =>
        unflatten(
          new Map([
            ["Config", "x"],
            ["Config.CheckMode", "1"],
          ]),
        ),
      ),
    ).toBe("InvalidParameter");
    expect(codeOf(() => unflatten(new Map([["a..b", "x"]])))).toBe("InvalidParameter");
    const tree = unflatten(new Map([["__proto__.polluted", "yes"]]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codeOf(() => parseParams(schema, coerceBySchema(schema, tree)))).toBe("MissingParameter");
  });
});
