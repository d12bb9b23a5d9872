import { describe, expect, it } from "vitest";
import type { Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { expectEveryField, readRendered } from "./general-card-reading.ts";
import { useOcrEngine } from "./rendered.ts";

// Malaysian and Singapore licence fronts end to end with the real PP-OCR models, into GeneralCard. Identities
// 31–34 are outside those the parsers were tuned on (1–5) and the held-out evaluation (11–13).
const ocr = useOcrEngine();

describe("readCard into GeneralCard: Malaysian and Singapore licences", () => {
  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])(
    "reads every printed field of a %s Malaysian licence (identity %i)",
    (variant, seed) =>
      expectEveryField(ocr(), "MLDrivingLicense", seed, variant, ["numberStructure", "datesInOrder"]),
  );

  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])(
    "reads every printed field of a %s Singapore licence (identity %i)",
    (variant, seed) =>
      expectEveryField(ocr(), "SingaporeDrivingLicense", seed, variant, [
        "numberCheckLetter",
        "datesInOrder",
      ]),
  );

  it("fails the check of a Singapore licence whose check letter was altered, reporting the number as printed", async () => {
    const printed = (await renderCard("SingaporeDrivingLicense", 34)).design.truth.number;
    const forged = `${printed.slice(0, -1)}${printed.endsWith("A") ? "B" : "A"}`;
    const { result } = await readRendered(ocr(), "SingaporeDrivingLicense", 34, "clean", {
      alterBody: (body) => body.replace(printed, forged),
    });
    expect(result.normalCardInfo.GeneralCard?.LicenseNumber).toBe(forged);
    expect(result.checks.numberCheckLetter).toBe(false);
    expect(result.isPass).toBe(false);
  });
});
