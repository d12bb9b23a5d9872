import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { CUT_HEIGHT, CUT_WIDTH, cropCardPixels } from "../../src/crop/crop-card.ts";
import { decodeImage, type RgbImage } from "../../src/ocr/image.ts";
import { extractPortraitFromCard } from "../../src/portrait/extract.ts";
import { detectWarnings, detectWarningsPixels } from "../../src/warnings/detect.ts";
import { renderDocument, syntheticIdentity } from "../mrz/synthetic-mrz.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "../synthetic/layouts.ts";
import { renderCard } from "../synthetic/render.ts";

// Synthetic HKID front photographed on a table under each capture condition (see test/synthetic).
const photos = new Map<Variant, RgbImage>();
beforeAll(async () => {
  const card = await renderCard("HKIDCard", 4);
  for (const variant of ["clean", "rot", "blur", "glare", "photocopy", "screen"] as const) {
    photos.set(variant, await decodeImage(await degrade(card.png, variant, 4)));
  }
});

describe("cropCardPixels", () => {
  it("finds the card corners on a near-level photo", () => {
    const photo = photos.get("clean")!;
    const crop = cropCardPixels(photo)!;
    expect(crop).not.toBeNull();
    // The card sits centred in the scene, tilted by less than 1°.
    const expected = [
      [700 - CARD_WIDTH / 2, 500 - CARD_HEIGHT / 2],
      [700 + CARD_WIDTH / 2, 500 - CARD_HEIGHT / 2],
      [700 + CARD_WIDTH / 2, 500 + CARD_HEIGHT / 2],
      [700 - CARD_WIDTH / 2, 500 + CARD_HEIGHT / 2],
    ];
    crop.quad.forEach((p, i) => {
      expect(Math.abs(p.x - expected[i]![0]!)).toBeLessThan(20);
      expect(Math.abs(p.y - expected[i]![1]!)).toBeLessThan(20);
    });
    expect(crop.touchesEdge).toBe(false);
    expect([crop.card.width, crop.card.height]).toEqual([CUT_WIDTH, CUT_HEIGHT]);
  });
  it("straightens a card rotated by 4–10° to the ID-1 shape", () => {
    const crop = cropCardPixels(photos.get("rot")!)!;
    const [tl, tr, br, bl] = crop.quad;
    const width = Math.hypot(tr.x - tl.x, tr.y - tl.y);
    const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
    expect(Math.abs(width - CARD_WIDTH) / CARD_WIDTH).toBeLessThan(0.03);
    expect(Math.abs(height - CARD_HEIGHT) / CARD_HEIGHT).toBeLessThan(0.03);
    const angle = (Math.atan2(tr.y - tl.y, tr.x - tl.x) * 180) / Math.PI;
    expect(Math.abs(angle)).toBeGreaterThan(3);
    expect(br.x).toBeGreaterThan(bl.x);
  });
  it("returns null when there is no card", () => {
    const blank: RgbImage = { data: new Uint8Array(600 * 400 * 3).fill(128), width: 600, height: 400 };
    expect(cropCardPixels(blank)).toBeNull();
  });
});

describe("detectWarningsPixels", () => {
  const warningsOf = async (variant: Variant) => (await detectWarningsPixels(photos.get(variant)!)).warnings;
  it("reports nothing on a clean capture", async () => {
    expect(await warningsOf("clean")).toEqual([]);
  });
  it("reports blur, glare, photocopy and screen recapture", async () => {
    expect(await warningsOf("blur")).toContain(-9108);
    expect(await warningsOf("glare")).toContain(-9107);
    expect(await warningsOf("photocopy")).toContain(-9102);
    expect(await warningsOf("screen")).toContain(-9103);
  });
  it("does not take a noise-free render's sharp print for a screen's moiré; its screen capture still is one", async () => {
    // A page that never went through a camera (no sensor noise): before the detector floored its spectral median,
    // every clean synthetic passport page scored 2.7 and carried -9103.
    const page = await renderDocument("TD3", syntheticIdentity(3));
    const report = async (variant: Variant) =>
      detectWarningsPixels(await decodeImage(await degrade(page, variant, 3)));
    const clean = await report("clean");
    expect(clean.warnings).not.toContain(-9103);
    expect(clean.scores.screenPeak).toBeLessThan(2.25);
    expect((await report("screen")).warnings).toContain(-9103);
  });
  it("reports -9101 when the caller saw text cut by the frame", async () => {
    const report = await detectWarningsPixels(photos.get("clean")!, { crop: null, textTouchesEdge: true });
    expect(report.warnings).toContain(-9101);
    expect(report.scores.cardFound).toBe(false);
  });
});

describe("detectWarnings: -9104 (JPEG ghost of an earlier save)", () => {
  it("flags a field pasted into a card photo saved at q60 and saved again at q92", async () => {
    // Seed 5 scores 7.7 (threshold 6.5); the pasted patches of HKID seeds 1–9 score 6.2–7.7 (docs: 73 % caught).
    const card = await renderCard("HKIDCard", 5);
    const report = await detectWarnings(await degrade(card.png, "edited", 5));
    expect(report.scores.earlierJpegQuality).toBe(60);
    expect(report.warnings).toContain(-9104);
  });

  it("leaves a capture saved once alone, however dense its print (low-resolution Mainland card)", async () => {
    // These captures scored 9.8–14.5 on the ghost cluster before the earlier-save gate (a false -9104).
    for (const seed of [2, 3]) {
      const card = await renderCard("MainlandIDCard", seed);
      const report = await detectWarnings(await degrade(card.png, "lowres", seed));
      expect(report.scores.earlierJpegQuality).toBeNull();
      expect(report.scores.editedGhost).toBe(1);
      expect(report.warnings).not.toContain(-9104);
    }
  });

  it("skips the check when the decoder resized the upload (its 8×8 grid is gone)", async () => {
    const card = await renderCard("HKIDCard", 7);
    const edited = await degrade(card.png, "edited", 7);
    const big = await sharp(edited).resize({ width: 2600 }).jpeg({ quality: 92 }).toBuffer();
    const report = await detectWarnings(big);
    expect(report.scores.earlierJpegQuality).toBeNull();
    expect(report.warnings).not.toContain(-9104);
  });
});

describe("extractPortraitFromCard", () => {
  it("cuts the layout's photo box when no face detector is given", async () => {
    const crop = cropCardPixels(photos.get("clean")!)!;
    const portrait = await extractPortraitFromCard(crop.card, "HKIDCard");
    expect(portrait.source).toBe("layout");
    expect(portrait.jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // HKID photo on the right: the box starts past 60 % of the card width.
    expect(portrait.box.x).toBeGreaterThan(CUT_WIDTH * 0.55);
  });
  it("centres the cut on the detector's face", async () => {
    const crop = cropCardPixels(photos.get("clean")!)!;
    const portrait = await extractPortraitFromCard(crop.card, "HKIDCard", async (region) => [
      { x: region.width * 0.3, y: region.height * 0.3, width: 100, height: 120, score: 0.9 },
    ]);
    expect(portrait.source).toBe("face");
    expect(Math.abs(portrait.box.width - 160)).toBeLessThanOrEqual(2);
  });
});
