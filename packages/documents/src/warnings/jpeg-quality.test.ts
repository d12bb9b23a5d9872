import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { jpegQuality } from "./jpeg-quality.ts";

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 120, g: 90, b: 60 } } });

describe("jpegQuality", () => {
  it("recovers the quality libjpeg saved with, from the luminance table", async () => {
    for (const quality of [35, 60, 80, 92]) {
      const jpeg = await photo().jpeg({ quality }).toBuffer();
      expect(jpegQuality(jpeg)).toBe(quality);
    }
    // At 100 every step is 1, which the scaling cannot tell from 99.
    expect(jpegQuality(await photo().jpeg({ quality: 100 }).toBuffer())).toBeGreaterThanOrEqual(99);
  });

  it("answers null for what is not a JPEG or has no table before the scan", async () => {
    expect(jpegQuality(await photo().png().toBuffer())).toBeNull();
    expect(jpegQuality(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
    expect(jpegQuality(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0x40, 0]))).toBeNull();
    expect(jpegQuality(new Uint8Array(0))).toBeNull();
    const jpeg = await photo().jpeg({ quality: 70 }).toBuffer();
    expect(jpegQuality(jpeg.subarray(0, 30))).toBeNull();
  });
});
