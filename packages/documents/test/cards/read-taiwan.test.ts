import { describe, expect, it } from "vitest";
import { isValidTaiwanId } from "../../src/cards/numbers/east-asia.ts";
import { readCard } from "../../src/cards/read-card.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { readRenderedCard, useOcrEngine } from "./rendered.ts";

// Rendered Taiwan national ID fronts (test/synthetic/taiwan.ts) photographed on the table, read with the real
// PP-OCR models.
const REF = "2026-12-05";
const ocr = useOcrEngine();

const read = (seed: number, variant: Variant) =>
  readRenderedCard(ocr(), "TaiWanIDCard", seed, variant, { referenceDate: REF });

describe("readCard on rendered Taiwan national ID fronts", () => {
  // Names with characters whose traditional form differs from the simplified one (陳承偉, 劉麗華, 張志明): read as
  // printed because the card is decoded without simplified-only characters (ocrOptionsFor, simplified-only.ts).
  it.each([
    ["clean", 2],
    ["rot", 1],
    ["noise", 5],
  ] as [Variant, number][])("reads every printed field of a %s front (seed %i)", async (variant, seed) => {
    const { card, result } = await read(seed, variant);
    expect(result.normalCardInfo.TaiWanIDCard).toEqual({
      ...card.design.fields,
      IssuedCountry: "Taiwan",
      RegistrationNumber: null,
    });
    expect(result.cardInfo.TaiWanIDCard).toEqual(result.normalCardInfo.TaiWanIDCard);
    expect(result.checks).toEqual({
      numberCheckDigit: true,
      sexMatchesNumber: true,
      birthDateNotInFuture: true,
      issuedAfterBirth: true,
    });
    expect(result.fieldsValid).toBe(true);
  });

  it("reports a number whose check digit was altered on the card as not valid", async () => {
    const seed = 2;
    const number = (await renderCard("TaiWanIDCard", seed)).design.truth.number;
    const wrong = number.slice(0, 9) + ((Number(number[9]) + 1) % 10);
    expect(isValidTaiwanId(wrong)).toBe(false);
    const forged = await renderCard("TaiWanIDCard", seed, {
      alterBody: (body) => body.replace(number, wrong),
    });
    const result = await readCard(await degrade(forged.png, "clean", seed), "TaiWanIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(result.normalCardInfo.TaiWanIDCard?.LicenseNumber).toBe(wrong);
    expect(result.checks.numberCheckDigit).toBe(false);
    expect(result.fieldsValid).toBe(false);
  });
});
