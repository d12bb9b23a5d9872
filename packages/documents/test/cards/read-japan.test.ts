import { describe, expect, it } from "vitest";
import type { Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { expectEveryField, readRendered } from "./general-card-reading.ts";
import { useOcrEngine } from "./rendered.ts";

// The My Number card front and the Japanese driving licence end to end with the real PP-OCR models. Identities
// 31–33 are outside those the parsers were tuned on (1–5) and the held-out evaluation (11–13).
const ocr = useOcrEngine();

const squash = (v: unknown) => (typeof v === "string" ? v.replace(/\s/g, "") : v);

describe("readCard: Japanese cards", () => {
  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])(
    "reads every printed field of a %s My Number card front (identity %i)",
    async (variant, seed) => {
      const { card, result } = await readRendered(ocr(), "JapanIDCard", seed, variant);
      const got = result.normalCardInfo.JapanIDCard as Record<string, unknown> | null | undefined;
      for (const [name, want] of Object.entries(card.design.fields ?? {}))
        expect(squash(got?.[name]), name).toBe(squash(want) || null);
      expect(result.cardInfo.JapanIDCard).toEqual(got);
      // Age at the reading's reference date (2026-11-22), from the birth date.
      const birth = card.design.truth.birthDate;
      const age = 2026 - Number(birth.slice(0, 4)) - (birth.slice(5) > "11-22" ? 1 : 0);
      expect(got?.Age).toBe(String(age));
      expect(result.checks).toEqual({ birthDateNotInFuture: true, expiryAfterBirth: true });
      expect(result.isPass).toBe(true);
      expect(result.headImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    },
  );

  it.each([
    ["clean", 31],
    ["rot", 32],
    ["noise", 33],
  ] as [Variant, number][])(
    "reads every printed field of a %s Japanese driving licence (identity %i)",
    (variant, seed) =>
      expectEveryField(ocr(), "JapanDrivingLicense", seed, variant, [
        "numberStructure",
        "numberYearPlausible",
        "datesInOrder",
      ]),
  );

  it("fails the structure check of a licence whose commission code was altered, reporting the number as printed", async () => {
    const printed = (await renderCard("JapanDrivingLicense", 34)).design.truth.number;
    const forged = `99${printed.slice(2)}`;
    const { result } = await readRendered(ocr(), "JapanDrivingLicense", 34, "clean", {
      alterBody: (body) => body.replace(printed, forged),
    });
    expect(result.normalCardInfo.GeneralCard?.LicenseNumber).toBe(forged);
    expect(result.checks.numberStructure).toBe(false);
    expect(result.isPass).toBe(false);
  });
});
