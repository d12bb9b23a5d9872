import { describe, expect, it } from "vitest";
import { mergeCardBack } from "../../src/cards/merge-back.ts";
import { readCardBack } from "../../src/cards/read-back.ts";
import { renderCardBack } from "../synthetic/backs.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { readRenderedCard, useOcrEngine } from "./rendered.ts";

// Rendered Mainland travel permits (test/synthetic/hmt-permit.ts: Hong Kong, Macao and Taiwan residents' cards)
// photographed on the table, read with the real PP-OCR models; the Hong Kong / Macao backs merged with the front.
const REF = "2026-12-05";
const ocr = useOcrEngine();

const front = (seed: number, variant: Variant) =>
  readRenderedCard(ocr(), "HMTPermit", seed, variant, { referenceDate: REF });
const back = async (seed: number, variant: Variant, photoSeed = seed) => {
  const png = (await renderCardBack("HMTPermit", seed)).png;
  const reading = await readCardBack(await degrade(png, variant, photoSeed), "HMTPermit", {
    engine: ocr(),
    referenceDate: REF,
  });
  return reading.back!;
};

describe("readCard on rendered Mainland travel permits", () => {
  // Seed 1: Hong Kong (H…), seed 2: Taiwan residents' card (8 digits, 签发地点), seed 4: Macao (M…).
  it.each([
    ["clean", 1],
    ["rot", 2],
    ["noise", 4],
  ] as [Variant, number][])("reads every printed field of a %s front (seed %i)", async (variant, seed) => {
    const { card, result } = await front(seed, variant);
    const fields = card.design.fields!;
    expect(result.normalCardInfo.HMTPermitCard).toEqual({
      ...fields,
      IssueAddress: fields.IssueAddress || null,
    });
    expect(result.cardInfo).toEqual({});
    expect(result.checks).toEqual({
      numberStructure: true,
      numberMatchesTitle: true,
      birthDateNotInFuture: true,
      validPeriodWellFormed: true,
      validPeriodMatchesAge: true,
      issuedAfterBirth: true,
    });
    expect(result.fieldsValid).toBe(true);
  });
});

describe("readCardBack on rendered Hong Kong / Macao permit backs", () => {
  it("merged with the read front: the same card passes; another holder's back and the front twice do not", async () => {
    const seed = 1;
    const { card, result } = await front(seed, "clean");
    expect(result.fieldsValid).toBe(true);
    const own = await renderCardBack("HMTPermit", seed);
    const ownBack = await back(seed, "rot", 5);
    expect(ownBack.crossCheck).toEqual(own.design.truth.crossCheck);
    const merged = mergeCardBack("HMTPermit", result, ownBack, REF);
    expect(merged.checks).toMatchObject({
      backSide: true,
      residentIdNumberRead: true,
      residentIdNumberValid: true,
      backNameMatchesFront: true,
    });
    expect(merged.fieldsValid).toBe(true);
    expect(merged.normalCardInfo.HMTPermitCard).toEqual(result.normalCardInfo.HMTPermitCard);

    // Seed 3 is another Hong Kong holder: its back's name is not this front's.
    const stranger = mergeCardBack("HMTPermit", result, await back(3, "clean"), REF);
    expect(stranger.checks.backNameMatchesFront).toBe(false);
    expect(stranger.fieldsValid).toBe(false);

    const frontTwice = await readCardBack(await degrade(card.png, "clean", seed), "HMTPermit", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(frontTwice.back?.checks.backSide).toBe(false);
    expect(frontTwice.back?.frontShown).toBe(true);
  });
});
