import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildVocabulary, decodeGreedy, decodeMrz, exclusionMask } from "./ctc.ts";
import { boxCorners, minAreaBox, type OrientedBox } from "./geometry.ts";
import { decodeImage, warpBox } from "./image.ts";
import { mergeRows } from "./rows.ts";
import { SIMPLIFIED_ONLY } from "./simplified-only.ts";

describe("geometry", () => {
  it("finds the minimum-area rectangle of a rotated box and reads it left to right", () => {
    const truth: OrientedBox = { cx: 100, cy: 50, width: 120, height: 20, angle: (15 * Math.PI) / 180 };
    const box = minAreaBox(boxCorners(truth));
    expect(box.width).toBeCloseTo(120, 5);
    expect(box.height).toBeCloseTo(20, 5);
    expect(box.angle).toBeCloseTo(truth.angle, 5);
    expect([box.cx, box.cy]).toEqual([expect.closeTo(100, 5), expect.closeTo(50, 5)]);
  });
});

describe("rows", () => {
  it("joins pieces of one tilted line and keeps the next line apart", () => {
    const angle = (-10 * Math.PI) / 180;
    const along = (d: number, across = 0): OrientedBox => ({
      cx: 200 + d * Math.cos(angle) - across * Math.sin(angle),
      cy: 200 + d * Math.sin(angle) + across * Math.cos(angle),
      width: 100,
      height: 20,
      angle,
    });
    const rows = mergeRows([along(0), along(130), along(0, 40)]);
    expect(rows.map((r) => r.length).sort()).toEqual([1, 2]);
  });
});

describe("CTC decoding", () => {
  const vocab = buildVocabulary("A\n<\n×\nK\n");
  // classes: 0 blank, 1 A, 2 <, 3 ×, 4 K, 5 space
  const steps = (rows: number[][]) => new Float32Array(rows.flat());
  it("collapses repeats, drops blanks and folds look-alikes in the MRZ decoding", () => {
    const probs = steps([
      [0, 0.9, 0, 0, 0, 0.1],
      [0, 0.9, 0, 0, 0, 0.1],
      [0.8, 0.1, 0, 0, 0, 0.1],
      [0, 0.1, 0, 0.8, 0, 0.1],
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0.9, 0, 0, 0.1],
    ]);
    expect(decodeGreedy(probs, 6, 6, vocab).text).toBe("A× <");
    expect(decodeMrz(probs, 6, 6, vocab).text).toBe("AX<");
  });

  it("leaves excluded characters out: a traditional-only card reads 陳 where the model's first choice is 陈", () => {
    const han = buildVocabulary("陈\n陳\n台\n");
    // classes: 0 blank, 1 陈, 2 陳, 3 台, 4 space
    const probs = steps([
      [0.05, 0.6, 0.3, 0, 0.05],
      [0.9, 0.05, 0.05, 0, 0],
      [0.1, 0, 0, 0.9, 0],
    ]);
    expect(decodeGreedy(probs, 3, 5, han).text).toBe("陈台");
    const mask = exclusionMask(han, SIMPLIFIED_ONLY);
    expect([...mask]).toEqual([0, 1, 0, 0, 0]);
    expect(decodeGreedy(probs, 3, 5, han, mask).text).toBe("陳台");
  });
});

describe("image input", () => {
  it("rejects bytes that are not an image with IMAGE_DECODE_ERROR", async () => {
    await expect(decodeImage(new Uint8Array([1, 2, 3, 4]))).rejects.toMatchObject({
      code: "IMAGE_DECODE_ERROR",
    });
    await expect(decodeImage(new Uint8Array())).rejects.toMatchObject({ code: "IMAGE_DECODE_ERROR" });
  });

  it("caps the working size and warps an oriented box upright", async () => {
    const png = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: "#808080" } })
      .png()
      .toBuffer();
    const image = await decodeImage(png);
    expect([image.width, image.height]).toEqual([2200, 733]);
    const crop = warpBox(image, { cx: 500, cy: 300, width: 200, height: 50, angle: 0.3 }, 96, 24);
    expect(crop.data.length).toBe(96 * 24 * 3);
    expect(crop.data[0]).toBe(128);
  });
});
