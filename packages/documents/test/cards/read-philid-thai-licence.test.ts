import { describe, expect, it } from "vitest";
import type { Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { expectEveryField, readRendered } from "./general-card-reading.ts";
import { useOcrEngine } from "./rendered.ts";

// PhilID and Thai licence fronts end to end with the real PP-OCR models, into GeneralCard. Identities 31–34 are
// outside those the parsers were tuned on (1–5) and the held-out evaluation (11–13).
const ocr = useOcrEngine();
const THAI_CHECKS = ["licenceNumberStructure", "personalNumberCheckDigit", "datesInOrder"];

describe("readCard into GeneralCard: PhilID, Thai licence", () => {
  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])("reads every printed field of a %s PhilID (identity %i)", (variant, seed) =>
    expectEveryField(ocr(), "PhilippinesIDCard", seed, variant, ["pcnStructure"]),
  );

  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])("reads every printed field of a %s Thai licence (identity %i)", (variant, seed) =>
    expectEveryField(ocr(), "ThailandDrivingLicense", seed, variant, THAI_CHECKS),
  );

  it("fails the check of a Thai licence whose identification number was altered", async () => {
    const printed = (await renderCard("ThailandDrivingLicense", 34)).design.fields!.PersonalNumber!;
    const forged = `${printed.slice(0, -1)}${(Number(printed.at(-1)) + 1) % 10}`;
    const { result } = await readRendered(ocr(), "ThailandDrivingLicense", 34, "clean", {
      alterBody: (body) => body.replace(printed, forged),
    });
    expect(result.normalCardInfo.GeneralCard?.PersonalNumber).toBe(forged);
    expect(result.checks.personalNumberCheckDigit).toBe(false);
    expect(result.fieldsValid).toBe(false);
  });
});
