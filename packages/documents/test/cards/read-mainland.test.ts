import { describe, expect, it } from "vitest";
import { mergeCardBack } from "../../src/cards/merge-back.ts";
import { parseMainlandId } from "../../src/cards/numbers/mainland.ts";
import { readCardBack } from "../../src/cards/read-back.ts";
import { readCard } from "../../src/cards/read-card.ts";
import { renderCardBack } from "../synthetic/backs.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { useOcrEngine } from "./rendered.ts";

// Rendered Mainland resident identity cards (test/synthetic/mainland.ts, WenQuanYi Micro Hei from Debian
// fonts-wqy-microhei) photographed on the table, read with the real PP-OCR models.
const REF = "2026-12-04";
const ocr = useOcrEngine();

describe("readCard on rendered Mainland fronts", () => {
  it.each([
    ["clean", 1],
    ["rot", 2],
    ["noise", 3],
  ] as [Variant, number][])("reads every printed field of a %s front (seed %i)", async (variant, seed) => {
    const card = await renderCard("MainlandIDCard", seed);
    const result = await readCard(await degrade(card.png, variant, seed), "MainlandIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    const fields = card.design.fields!;
    expect(result.normalCardInfo.MainlandIDCard).toEqual({
      ...fields,
      FormattedAddress: fields.Address,
      Authority: null,
      ValidDate: null,
    });
    expect(result.checks).toMatchObject({
      numberCheckCharacter: true,
      birthDateMatchesNumber: true,
      sexMatchesNumber: true,
    });
    expect(result.fieldsValid).toBe(true);
  });

  it("reports a number whose check character was altered on the card as not valid", async () => {
    const seed = 4;
    const card = await renderCard("MainlandIDCard", seed);
    const number = card.design.truth.number;
    const wrong = number.slice(0, 17) + (number[17] === "1" ? "2" : "1");
    expect(parseMainlandId(wrong, REF)).toBeNull();
    const forged = await renderCard("MainlandIDCard", seed, {
      alterBody: (body) => body.replace(number, wrong),
    });
    const result = await readCard(await degrade(forged.png, "clean", seed), "MainlandIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(result.normalCardInfo.MainlandIDCard?.LicenseNumber).toBe(wrong);
    expect(result.checks.numberCheckCharacter).toBe(false);
    expect(result.fieldsValid).toBe(false);
  });
});

describe("readCardBack on rendered Mainland backs", () => {
  it.each([
    ["clean", 1],
    ["rot", 5],
    ["photocopy", 6],
  ] as [Variant, number][])("reads Authority and ValidDate of a %s back (seed %i)", async (variant, seed) => {
    const back = await renderCardBack("MainlandIDCard", seed);
    const reading = await readCardBack(await degrade(back.png, variant, seed), "MainlandIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(reading.back).toEqual({
      normal: back.design.truth.fields,
      legacy: {},
      number: null,
      checks: { backSide: true, validDateRead: true, validPeriodWellFormed: true },
    });
  });

  it("merged with the read front: the same card passes, another holder's back does not", async () => {
    // Seed 2's holder is 33 on the first day (20-year term); seed 7's back gives a term for a different age.
    const seed = 2;
    const card = await renderCard("MainlandIDCard", seed);
    const front = await readCard(await degrade(card.png, "clean", seed), "MainlandIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(front.fieldsValid).toBe(true);
    const read = async (backSeed: number) => {
      const png = (await renderCardBack("MainlandIDCard", backSeed)).png;
      return (
        await readCardBack(await degrade(png, "clean", seed), "MainlandIDCard", {
          engine: ocr(),
          referenceDate: REF,
        })
      ).back!;
    };
    const own = await renderCardBack("MainlandIDCard", seed);
    const merged = mergeCardBack("MainlandIDCard", front, await read(seed), REF);
    expect(merged.normalCardInfo.MainlandIDCard).toEqual({
      ...front.normalCardInfo.MainlandIDCard,
      ...own.design.truth.fields,
    });
    expect(merged.checks).toMatchObject({ backSide: true, validDateRead: true, validPeriodMatchesAge: true });
    expect(merged.fieldsValid).toBe(true);

    const stranger = mergeCardBack("MainlandIDCard", front, await read(7), REF);
    expect(stranger.checks.validPeriodMatchesAge).toBe(false);
    expect(stranger.fieldsValid).toBe(false);

    const frontTwice = await readCardBack(await degrade(card.png, "clean", seed), "MainlandIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(frontTwice.back?.checks.backSide).toBe(false);
  });
});
