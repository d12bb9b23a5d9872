import { describe, expect, it } from "vitest";
import type { Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { readRendered } from "./general-card-reading.ts";
import { useOcrEngine } from "./rendered.ts";

// Indonesian SIM fronts end to end with the real PP-OCR models. Identities 31–33 are outside those the parser
// was tuned on (1–3) and the held-out evaluation (11–13).
const ocr = useOcrEngine();
const squash = (v: unknown) => (typeof v === "string" ? v.replace(/\s/g, "") : v);

describe("readCard: IndonesiaDrivingLicense", () => {
  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])("reads every printed field of a %s SIM (identity %i)", async (variant, seed) => {
    const { card, result } = await readRendered(ocr(), "IndonesiaDrivingLicense", seed, variant);
    const sim = result.normalCardInfo.IndonesiaDrivingLicense as Record<string, string | null> | undefined;
    for (const [name, want] of Object.entries(card.design.fields ?? {}))
      expect(squash(sim?.[name]), name).toBe(squash(want));
    expect(result.cardInfo.IndonesiaDrivingLicense).toEqual(sim);
    expect(result.checks).toEqual({ numberStructure: true, datesInOrder: true });
    expect(result.isPass).toBe(true);
    expect(result.headImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("fails the structure check of a SIM number printed with 11 digits, reporting it as read", async () => {
    const printed = (await renderCard("IndonesiaDrivingLicense", 34)).design.truth.number;
    const digits = printed.replace(/-/g, "");
    const short = `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 11)}`;
    const { result } = await readRendered(ocr(), "IndonesiaDrivingLicense", 34, "clean", {
      alterBody: (body) => body.replace(printed, short),
    });
    expect(result.normalCardInfo.IndonesiaDrivingLicense?.LicenseNumber).toBe(short.replace(/-/g, ""));
    expect(result.checks.numberStructure).toBe(false);
    expect(result.isPass).toBe(false);
  });
});
