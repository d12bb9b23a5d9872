import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { sharedDataFile } from "../../../engine/src/video/shared-data.ts";

/** A real JPEG without a face (a flat colour), generated so no test data is copied. */
export async function testImage(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 160, b: 120 } } })
    .jpeg()
    .toBuffer();
}

/**
 * A reference photo with one usable face (token requests check it), from the shared data, shrunk so it still
 * fits a v1 GET query string.
 */
export async function referencePhoto(width = 140): Promise<Buffer> {
  const file = sharedDataFile("face_verify_deepface/images/img1.jpg");
  if (!file) throw new Error("The compat tests need ../shared/data (face_verify_deepface) for a face photo");
  return sharp(await readFile(file))
    .rotate()
    .resize({ width })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Two copies of the reference face side by side: a photo with several faces. */
export async function twoFacePhoto(): Promise<Buffer> {
  const face = await referencePhoto(320);
  const { width = 320, height = 320 } = await sharp(face).metadata();
  return sharp({ create: { width: width * 2, height, channels: 3, background: "#808080" } })
    .composite([
      { input: face, left: 0, top: 0 },
      { input: face, left: width, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

export const redirectUrl = "https://merchant.example/callback";
