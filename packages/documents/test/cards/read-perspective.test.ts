import { describe, expect, it } from "vitest";
import { cardInfoMember, type IdCardType } from "../../src/cards/types.ts";
import { readRenderedCard, useOcrEngine } from "./rendered.ts";

// Keystoned photos (one edge 10–22 % shorter, foreshortened, turned 2–12°: the card held at an angle) are found,
// rectified and read like level ones. Identity 34 is outside the tuned (1–5) and evaluated (11–13, 21–23) sets.
const ocr = useOcrEngine();
const squash = (v: unknown) => (typeof v === "string" ? v.replace(/[\s()-]/g, "") : v);

describe("readCard: cards photographed at an angle", () => {
  it.each(["HKIDCard", "MLIDCard", "ThailandIDCard", "MainlandIDCard", "JapanIDCard"] as IdCardType[])(
    "%s: cropped, read and passed, with no border warning",
    async (type) => {
      const { card, result } = await readRenderedCard(ocr(), type, 34, "perspective", {
        referenceDate: "2026-11-22",
      });
      expect(result.cutImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(result.warnings).not.toContain(-9101);
      expect(result.isPass).toBe(true);
      const cards = result.normalCardInfo as unknown as Record<string, Record<string, unknown>>;
      const struct = cards[cardInfoMember(type)] ?? {};
      if (card.design.truth.number)
        expect(squash(struct.LicenseNumber)).toBe(squash(card.design.truth.number));
      // The Thai FullName carries the printed title (`Miss Siu Cruz`); the truth name does not.
      const fullName = String(struct.FullName ?? struct.Name).replace(/^(Mrs|Mr|Miss|Ms)\.?\s*/, "");
      expect(squash(fullName)).toBe(squash(card.design.truth.name));
    },
  );
});
