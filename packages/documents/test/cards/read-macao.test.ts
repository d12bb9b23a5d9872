import { describe, expect, it } from "vitest";
import { readCard } from "../../src/cards/read-card.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { readRenderedCard, useOcrEngine } from "./rendered.ts";

// Rendered Macao resident card fronts (test/synthetic/macao.ts: printed fields and the ICAO TD1 zone of the 2023
// issue) photographed on the table, read with the real PP-OCR models.
const REF = "2026-12-05";
const ocr = useOcrEngine();

const read = (seed: number, variant: Variant) =>
  readRenderedCard(ocr(), "MacaoIDCard", seed, variant, { referenceDate: REF });

describe("readCard on rendered Macao resident card fronts", () => {
  it.each([
    ["clean", 1],
    ["rot", 3],
    ["noise", 4],
  ] as [Variant, number][])(
    "reads the printed fields and the MRZ of a %s front (seed %i)",
    async (variant, seed) => {
      const { card, result } = await read(seed, variant);
      const fields = card.design.fields!;
      expect(result.normalCardInfo.MacaoIDCard).toMatchObject({ ...fields, IssuedCountry: "Macao" });
      expect(result.checks).toMatchObject({
        numberStructure: true,
        validityMatchesAge: true,
        mrzCheckDigits: true,
        mrzNumberMatches: true,
        mrzBirthDateMatches: true,
        mrzSexMatches: true,
        mrzExpiryMatches: true,
        mrzNameMatches: true,
      });
      expect(result.fieldsValid).toBe(true);
    },
  );

  it("catches a printed birth date that was altered but the MRZ kept", async () => {
    const seed = 1;
    const card = await renderCard("MacaoIDCard", seed);
    const birth = card.design.fields!.Birthday!;
    const altered = `${birth.slice(0, 6)}${Number(birth.slice(6)) - 3}`;
    const forged = await renderCard("MacaoIDCard", seed, {
      alterBody: (body) => body.replace(birth, altered),
    });
    const result = await readCard(await degrade(forged.png, "clean", seed), "MacaoIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(result.normalCardInfo.MacaoIDCard?.Birthday).toBe(altered);
    expect(result.checks).toMatchObject({ mrzCheckDigits: true, mrzBirthDateMatches: false });
    expect(result.fieldsValid).toBe(false);
  });
});
