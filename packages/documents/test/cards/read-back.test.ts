import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { mergeCardBack } from "../../src/cards/merge-back.ts";
import { readCardBack } from "../../src/cards/read-back.ts";
import { readCard } from "../../src/cards/read-card.ts";
import { renderCardBack } from "../synthetic/backs.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { useOcrEngine } from "./rendered.ts";

// Rendered MyKad backs photographed on the table (test/synthetic), read with the real PP-OCR models, merged with
// the real read of the same card's front.
const REF = "2026-12-04";
const ocr = useOcrEngine();

describe("readCardBack on rendered MyKad backs", () => {
  it.each([
    ["clean", 3],
    ["rot", 5],
    ["noise", 7],
    ["photocopy", 9],
  ] as [Variant, number][])(
    "reads the number of a %s back (seed %i) and cuts the back",
    async (variant, seed) => {
      const back = await renderCardBack("MLIDCard", seed);
      const reading = await readCardBack(await degrade(back.png, variant, seed), "MLIDCard", {
        engine: ocr(),
        referenceDate: REF,
      });
      expect(reading.back).toEqual({
        normal: {},
        legacy: {},
        number: back.design.truth.number,
        checks: { backSide: true, backNumberRead: true },
      });
      expect(reading.cutImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      // Capture warnings are measured on the back like on the front.
      if (variant === "photocopy") expect(reading.warnings).toContain(-9102);
      else expect(reading.warnings).toEqual([]);
    },
  );

  it("reads a back photographed upside down", async () => {
    const back = await renderCardBack("MLIDCard", 11);
    const photo = await sharp(await degrade(back.png, "clean", 11))
      .rotate(180)
      .jpeg()
      .toBuffer();
    const reading = await readCardBack(photo, "MLIDCard", { engine: ocr(), referenceDate: REF });
    expect(reading.back?.number).toBe(back.design.truth.number);
    expect(reading.back?.checks.backSide).toBe(true);
  });

  it("merged with the read front: the same card passes, another card's back or the front twice does not", async () => {
    const seed = 13;
    const front = await readCard(
      await degrade((await renderCard("MLIDCard", seed)).png, "clean", seed),
      "MLIDCard",
      {
        engine: ocr(),
        referenceDate: REF,
      },
    );
    expect(front.fieldsValid).toBe(true);
    const read = async (png: Buffer) =>
      (
        await readCardBack(await degrade(png, "clean", seed), "MLIDCard", {
          engine: ocr(),
          referenceDate: REF,
        })
      ).back!;

    const own = mergeCardBack(
      "MLIDCard",
      front,
      await read((await renderCardBack("MLIDCard", seed)).png),
      REF,
    );
    expect(own.checks).toMatchObject({ backSide: true, backNumberRead: true, backNumberMatchesFront: true });
    expect(own.fieldsValid).toBe(true);
    expect(own.normalCardInfo).toEqual(front.normalCardInfo);

    const stranger = await renderCardBack("MLIDCard", seed + 1);
    expect(stranger.design.truth.number).not.toBe(front.normalCardInfo.MLIDCard?.LicenseNumber);
    const swapped = mergeCardBack("MLIDCard", front, await read(stranger.png), REF);
    expect(swapped.checks.backNumberMatchesFront).toBe(false);
    expect(swapped.fieldsValid).toBe(false);

    const frontAgain = mergeCardBack(
      "MLIDCard",
      front,
      await read((await renderCard("MLIDCard", seed)).png),
      REF,
    );
    expect(frontAgain.checks).toMatchObject({ backSide: false, backNumberMatchesFront: true });
    expect(frontAgain.fieldsValid).toBe(false);
  });

  it("cuts, but does not read, the back of a type without a back layout", async () => {
    const back = await renderCardBack("MLIDCard", 3);
    const reading = await readCardBack(await degrade(back.png, "clean", 3), "TaiWanIDCard", {
      engine: ocr(),
      referenceDate: REF,
    });
    expect(reading.back).toBeNull();
    expect(reading.cutImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });
});
